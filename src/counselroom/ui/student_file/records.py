"""A read-only tab of a student file: lists of records on the left, the chosen one on the right.

The tab modules turn DTOs into `Section`s (title, column headings, one `Row` per record); this
module shows them. A row's cells are short strings; its long text is built only when the row is
chosen (`Row.detail`), so a file with 300 sessions fills its table without formatting 300 notes.
A row also answers to the (kind, id) keys of the timeline, so a timeline line can open it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counselroom.ui.named import named
from counselroom.ui.student_file.detail_html import STYLE

IndexLike = QModelIndex | QPersistentModelIndex
RecordKey = tuple[str, int]  # (timeline kind, record id)
MEASURED_ROWS = 300
MAX_COLUMN_WIDTH = 280
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size
ALERT_COLOUR = QColor("#B71C1C")  # dark red, 4.5:1 on white and on the alternate row colour


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    detail: Callable[[], str]  # HTML for the reading pane
    keys: frozenset[RecordKey] = frozenset()
    alert: bool = False  # drawn in red (overdue task, risk found); the cells also say why


@dataclass(frozen=True)
class Section:
    title: str
    headers: tuple[str, ...]
    rows: Sequence[Row]
    empty_text: str = ""
    restricted: bool = False  # the signed-in role may not see these records
    stretch: int = -1  # the column that takes the remaining width (-1: the last)
    widths: dict[int, str] = field(default_factory=dict)  # column -> typical widest content


class RowsModel(QAbstractTableModel):
    def __init__(self, section: Section, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.section = section

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.section.rows)

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.section.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.section.headers[section]
        return None

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.section.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = row.cells[index.column()]
            if role == Qt.ItemDataRole.ToolTipRole and len(text) < 12:
                return None
            return text
        if role == Qt.ItemDataRole.ForegroundRole and row.alert:
            return ALERT_COLOUR
        return None


class SectionView(QWidget):
    """A heading over a table of records (or over a notice when there are none)."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.title_label = named(QLabel(section.title), "sectionTitle")
        self.notice = named(QLabel(), "sectionNotice")
        self.notice.setWordWrap(True)
        self.model = RowsModel(section, self)
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
        stretch = section.stretch if section.stretch >= 0 else len(section.headers) - 1
        if section.headers:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        if section.restricted:
            self.notice.setObjectName("restrictedNotice")
        self._show_rows()

    def fits(self, section: Section) -> bool:
        """Whether `section` can be shown here by refilling (same columns, same access)."""
        return (
            section.headers == self.section.headers
            and section.restricted == self.section.restricted
            and section.stretch == self.section.stretch
        )

    def refill(self, section: Section) -> None:
        """Show a reloaded `section` in this view: building a new table costs a reload more than
        everything else it does (BENCHMARKS.md, case work)."""
        self.section = section
        self.title_label.setText(section.title)
        self.model.beginResetModel()
        self.model.section = section
        self.model.endResetModel()
        self._show_rows()

    def _show_rows(self) -> None:
        section = self.section
        self._size_columns()
        if section.restricted:
            self.notice.setText(restricted_text())
            self.notice.show()
            self.table.hide()
        elif not section.rows:
            self.notice.setText(section.empty_text or self.tr("No records."))
            self.notice.show()
            self.table.hide()
        else:
            self.notice.hide()
            self.table.show()

    def _size_columns(self) -> None:
        """Wide enough for the widest cell (lists in a file are short), within reason."""
        metrics = self.table.fontMetrics()
        rows = self.section.rows[:MEASURED_ROWS]
        for column, title in enumerate(self.section.headers):
            samples = [title, self.section.widths.get(column, "")]
            samples += [row.cells[column] for row in rows]
            width = max(metrics.horizontalAdvance(text) for text in samples) + 24
            self.table.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))

    def fit_rows(self) -> None:
        """When sections are stacked: as tall as the rows, up to a dozen, then it scrolls."""
        if self.table.isHidden():
            return
        visible = min(len(self.section.rows), 12)
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + visible * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        if len(self.section.rows) <= 12:
            self.table.setFixedHeight(height)
        else:  # a refilled view may have been fixed to fewer rows before
            self.table.setMinimumHeight(height)
            self.table.setMaximumHeight(QWIDGETSIZE_MAX)

    def row(self, number: int) -> Row:
        return self.section.rows[number]

    def row_of(self, key: RecordKey) -> int:
        for number, row in enumerate(self.section.rows):
            if key in row.keys:
                return number
        return -1


def restricted_text() -> str:
    return QCoreApplication.translate(
        "StudentFile", "Only the psychology teacher can see these records."
    )


class RecordsPage(QWidget):
    """Sections stacked on the left, the chosen record on the right; the newest is chosen first.

    A reload keeps the chosen record chosen (when it is still there), so an action that reloads
    the file leaves the counsellor where he was. `chosen` follows the choice, for the action
    bar above the lists (`set_action_bar`), whose buttons depend on the record chosen.
    """

    chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: list[SectionView] = []
        self._chosen_keys: frozenset[RecordKey] = frozenset()
        self.detail = named(QTextBrowser(self), "recordDetail")
        self.detail.setOpenLinks(False)
        self.detail.document().setDefaultStyleSheet(STYLE)
        self.detail.document().setDocumentMargin(14)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 6, 0)
        self._list_layout.setSpacing(14)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        scroll.setMinimumWidth(320)
        self.detail.setMinimumWidth(320)
        self._sized = False
        self.notice = named(QLabel(), "restrictedNotice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 8, 0, 0)
        self._layout.addWidget(self.notice)
        self._layout.addWidget(self.splitter, 1)

    def set_action_bar(self, bar: QWidget) -> None:
        """Put `bar` above the lists (and above the notice a restricted role sees)."""
        self._layout.insertWidget(0, bar)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.splitter.width()
        if not self._sized and width > 700:
            # The list takes a little less than half at first; the user's drag is kept after.
            self.splitter.setSizes([width * 9 // 20, width - width * 9 // 20])
            self._sized = True

    def set_sections(self, sections: Sequence[Section]) -> None:
        previous = self._chosen_keys
        self.notice.hide()
        self.splitter.show()
        if (
            self.sections
            and len(sections) == len(self.sections)
            and all(
                view.fits(section) for view, section in zip(self.sections, sections, strict=True)
            )
        ):
            self._forget_choice()  # a reload: the same lists refilled, the choice found again
            for view, section in zip(self.sections, sections, strict=True):
                view.refill(section)
        else:
            self.clear()
            for section in sections:
                view = SectionView(section, self._list)
                view.table.selectionModel().selectionChanged.connect(
                    lambda selected, _old, v=view: self._chosen(v, selected)
                )
                self._list_layout.addWidget(view)
                self.sections.append(view)
            if len(self.sections) > 1:  # one section fills the height; several stack up
                self._list_layout.addStretch(1)
        if len(self.sections) > 1:
            for view in self.sections:
                view.fit_rows()
        if any(self.select(key) for key in sorted(previous)):
            return
        for view in self.sections:
            if view.section.rows and not view.section.restricted:
                view.table.selectRow(0)
                break
        else:
            self.detail.setHtml("")

    def show_restricted(self) -> None:
        """The role may not see this tab: a notice, and no record is even kept in memory."""
        self.clear()
        self.splitter.hide()
        self.notice.setText(restricted_text())
        self.notice.show()

    def clear(self) -> None:
        self.sections = []
        self._forget_choice()
        while self._list_layout.count():
            item = self._list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.detail.clear()

    def _forget_choice(self) -> None:
        if self._chosen_keys:
            self._chosen_keys = frozenset()
            self.chosen.emit()

    def _chosen(self, view: SectionView, selected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        for other in self.sections:
            if other is not view:
                other.table.clearSelection()
        row = view.row(indexes[0].row())
        self.detail.setHtml(row.detail())
        self._chosen_keys = row.keys
        self.chosen.emit()

    def chosen_keys(self) -> frozenset[RecordKey]:
        """The (kind, id) keys of the chosen record; empty when none is chosen."""
        return self._chosen_keys

    def chosen_id(self, kind: str) -> int | None:
        """The id of the chosen record when it is of `kind` (a session, a task…)."""
        return next((rid for k, rid in self._chosen_keys if k == kind), None)

    def select(self, key: RecordKey) -> bool:
        """Choose the record answering to `key`; False when this page does not hold it."""
        for view in self.sections:
            number = view.row_of(key)
            if number >= 0:
                view.table.selectRow(number)
                view.table.scrollTo(view.model.index(number, 0))
                return True
        return False

    def detail_text(self) -> str:
        return self.detail.toPlainText()
