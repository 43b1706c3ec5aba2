"""时间线: every record of the file in one list, newest first; double-click opens the record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.timeline import TimelineItem
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.student_file import labels

IndexLike = QModelIndex | QPersistentModelIndex
COL_WHEN, COL_KIND, COL_TITLE, COL_SUMMARY = range(4)


class TimelineModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[TimelineItem] = []

    def set_items(self, items: Sequence[TimelineItem]) -> None:
        self.beginResetModel()
        # The service sorts already; sorting again keeps "newest first" a property of the view.
        self._items = sorted(items, key=lambda i: i.on, reverse=True)
        self.endResetModel()

    def item_at(self, row: int) -> TimelineItem:
        return self._items[row]

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("When"), self.tr("Kind"), self.tr("What"), self.tr("Details"))
        return titles[section] if 0 <= section < 4 else None

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.title}\n{item.summary}" if column >= COL_TITLE else None
        if column == COL_WHEN:
            return labels.moment(item.on)
        if column == COL_KIND:
            return labels.timeline_kind(item.kind)
        if column == COL_TITLE:
            return item.title
        return item.summary


class TimelineView(QWidget):
    record_requested = Signal(str, int)  # timeline kind, record id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel(self)
        self.caption = named(QLabel(), "sectionTitle")
        self.note = named(QLabel(), "sectionNotice")
        self.note.setWordWrap(True)
        self.note.hide()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in (
            (COL_WHEN, "2026-12-31 23:59"),
            (COL_KIND, "家校沟通家"),
            (COL_TITLE, "转介进展：待家长同意同意"),
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        self.table.doubleClicked.connect(self._open)
        self.table.setToolTip(self.tr("Double-click a line to open the record"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def set_items(self, items: Sequence[TimelineItem], *, restricted: bool) -> None:
        self.model.set_items(items)
        self.caption.setText(fill(self.tr("%1 records, newest first"), len(items)))
        self.note.setVisible(restricted)
        if restricted:
            self.note.setText(
                self.tr(
                    "Only tier decisions and notifications are listed: sessions, plans, "
                    "referrals and screenings are for the psychology teacher."
                )
            )

    def clear(self) -> None:
        self.model.set_items(())
        self.caption.clear()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            item = self.model.item_at(index.row())
            self.record_requested.emit(item.kind, item.record_id)
