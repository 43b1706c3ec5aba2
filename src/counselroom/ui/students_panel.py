"""The student list: a search field and filters over a sortable table, and what it shows when
empty. Double-click or Enter on a row asks for that student's file (`open_student`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.students import StudentRow
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.search_box import DEBOUNCE_MS, SearchBox
from counselroom.ui.student_filters import FilterSpec, StudentFilters
from counselroom.ui.students_model import (
    COL_CLASS,
    COL_FOLLOW_UP,
    COL_GRADE,
    COL_NAME,
    COL_STATUS,
    COL_STUDENT_NO,
    COL_TIER,
    StudentTableModel,
)
from counselroom.ui.students_proxy import StudentFilterProxy
from counselroom.ui.tier_badge import TierBadgeDelegate

# Typical widest content per column, measured with the current font (not per row: 20,000 rows).
_SAMPLES = {
    COL_STUDENT_NO: "G110101200801011234",
    COL_NAME: "欧阳中华某",
    COL_GRADE: "一年级",
    COL_CLASS: "初二(10)班",
    COL_TIER: "0 无/观察",
    COL_STATUS: "休学休学",
    COL_FOLLOW_UP: "2026-12-31",
}


class StudentsPanel(QWidget):
    counts_changed = Signal(int, int)  # all students, students shown
    open_student = Signal(int)  # a student's id: double-click or Enter on his row

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.model = StudentTableModel(self)
        self.proxy = StudentFilterProxy(self.model, self)
        self.search_box = SearchBox(self, debounce_ms=debounce_ms)
        self.search_box.search_changed.connect(self._search)
        self.search_box.setMinimumWidth(260)
        self.filters = StudentFilters(self)
        self.filters.filters_changed.connect(self._filter)
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.view = self._make_view()
        # Enter through a filter, not `activated`: some desktops activate on a single click.
        self.view.installEventFilter(self)

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)

    def _make_view(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.proxy)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setItemDelegateForColumn(COL_TIER, TierBadgeDelegate(view))
        view.verticalHeader().hide()
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 12)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicatorClearable(True)  # a third click returns to grade/class order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        metrics = view.fontMetrics()
        for column, sample in _SAMPLES.items():
            view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 36)
        view.doubleClicked.connect(self._open)
        view.setToolTip(self.tr("Double-click or press Enter to open the student's file"))
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.view.currentIndex().isValid()
        ):
            self._open(self.view.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_student.emit(self.model.row_at(self.proxy.mapToSource(index).row()).id)

    def set_rows(self, rows: Sequence[StudentRow]) -> None:
        self.model.set_rows(rows)
        self.filters.blockSignals(True)  # one refilter below, not one per changed choice
        try:
            self.filters.set_rows(rows)
        finally:
            self.filters.blockSignals(False)
        self.proxy.set_filters(self.filters.spec)
        self._report_counts()

    def _search(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._report_counts()

    def _filter(self, spec: FilterSpec) -> None:
        self.proxy.set_filters(spec)
        self._report_counts()

    def counts_text(self) -> str:
        """For the status bar: how many students there are and how many the list shows."""
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        return fill(self.tr("%1 students in all, %2 shown"), total, shown)

    def _report_counts(self) -> None:
        # Called after each change we make rather than on rowsRemoved/rowsInserted, which a
        # filter change emits once per interval of rows (thousands on a large school).
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if total == 0:
            self.empty_label.setText(
                self.tr(
                    "No students in this vault yet. A counsellor or an administrator imports the "
                    "roster exported from the student-status system: “Import roster…” above this "
                    "list, or “counselroom roster import”."
                )
            )
        elif shown == 0 and self.proxy.filters.active:
            self.empty_label.setText(
                self.tr("No student matches the search and the filters. “Clear filters” shows all.")
            )
        elif shown == 0:
            self.empty_label.setText(
                fill(self.tr("No student matches “%1”."), self.search_box.text().strip())
            )
        self.empty_label.setVisible(shown == 0)
        self.counts_changed.emit(total, shown)

    def selected_students(self) -> list[StudentRow]:
        """Every chosen row (Ctrl/Shift-click), in the order the list shows them."""
        shown = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in shown
        ]

    def all_rows(self) -> list[StudentRow]:
        """Every student loaded, whatever the search and filters hide."""
        return list(self.model.loaded_rows())

    def selected_student(self) -> StudentRow | None:
        index: QModelIndex = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())
