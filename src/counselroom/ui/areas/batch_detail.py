"""One screening batch in four lists: its results, the interview list it produced, the sheets to
retest, and the students of its grades with no result yet (coverage).

A flag is a screening flag (筛查提示), never a diagnosis: the view says so above the lists. A
result with a positive PHQ-9 item 9 is drawn in red wherever it is listed, and the service puts
it first on the interview list; its "Flags" cell says why in words, so colour is not the only
signal. Double-click or Enter on any line asks for the student's file (`open_student`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from counselroom.domain.grades import grade_label
from counselroom.domain.screening_flags import ITEM9
from counselroom.services.screening_batch_view import BatchDetail, CoverageRow
from counselroom.services.screening_batches import BatchResultRow
from counselroom.ui.areas.codes import instrument_label, screening_flags_text, severity_label
from counselroom.ui.areas.table_kit import (
    OVERDUE_COLOUR,
    RowTableModel,
    SortProxy,
    make_table_view,
    row_opener,
)
from counselroom.ui.i18n import fill
from counselroom.ui.labels import status_label
from counselroom.ui.named import named

(R_NO, R_NAME, R_CLASS, R_TOTAL, R_BAND, R_ITEM9, R_LIE, R_FLAGS, R_STATUS) = range(9)
(C_NO, C_NAME, C_CLASS, C_GRADE, C_STATUS) = range(5)
RESULTS, INTERVIEWS, RETEST, MISSING = "results", "interviews", "retest", "missing"

_RESULT_SAMPLES = {
    R_NO: "G110101200801011234",
    R_NAME: "欧阳中华",
    R_CLASS: "初二(10)班",
    R_TOTAL: "总分99",
    R_BAND: "中重度中",
    R_ITEM9: "第9题",
    R_LIE: "效度99",
}
_COVERAGE_SAMPLES = {C_NO: _RESULT_SAMPLES[R_NO], C_NAME: "欧阳中华", C_CLASS: "初二(10)班"}


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


class BatchResultModel(RowTableModel[BatchResultRow]):
    NUMERIC_COLUMNS = frozenset({R_TOTAL, R_ITEM9, R_LIE})

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Student number"),
            self.tr("Name"),
            self.tr("Class"),
            self.tr("Total"),
            self.tr("Severity"),
            self.tr("Item 9"),
            self.tr("Lie scale"),
            self.tr("Screening flags"),
            self.tr("Status"),
        )

    def display(self, row: BatchResultRow, column: int) -> str:
        texts: dict[int, Callable[[], str]] = {
            R_NO: lambda: row.student_no or "",
            R_NAME: lambda: row.name,
            R_CLASS: lambda: row.class_label,
            R_TOTAL: lambda: _number(row.total),
            R_BAND: lambda: severity_label(row.band),
            R_ITEM9: lambda: _number(row.item9),
            R_LIE: lambda: _number(row.lie),
            R_FLAGS: lambda: screening_flags_text(row.flags) or self.tr("none"),
            R_STATUS: lambda: status_label(row.status),
        }
        text = texts.get(column)
        return text() if text is not None else ""

    def sort_value(self, row: BatchResultRow, column: int) -> int | str:
        numbers = {R_TOTAL: row.total, R_ITEM9: row.item9, R_LIE: row.lie}
        if column in numbers:
            value = numbers[column]
            return -1 if value is None else value  # sheets without a score sort first
        return self.display(row, column)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
            and ITEM9 in self.row_at(index.row()).flags
        ):
            return OVERDUE_COLOUR  # same-day risk assessment: red from the first moment
        return super().data(index, role)


class CoverageModel(RowTableModel[CoverageRow]):
    def headers(self) -> Sequence[str]:
        return (
            self.tr("Student number"),
            self.tr("Name"),
            self.tr("Class"),
            self.tr("Grade"),
            self.tr("Status"),
        )

    def display(self, row: CoverageRow, column: int) -> str:
        if column == C_NO:
            return row.student_no or ""
        if column == C_NAME:
            return row.name
        if column == C_CLASS:
            return row.class_label
        if column == C_GRADE:
            return grade_label(row.grade_level)
        if column == C_STATUS:  # a student on leave is listed: he is the one most at risk
            return status_label(row.status)
        return ""

    def sort_value(self, row: CoverageRow, column: int) -> int | str:
        return row.grade_level if column == C_GRADE else self.display(row, column)


class _ListTab(QWidget):
    """A list of one kind, with the words to show when it is empty."""

    def __init__(self, model: RowTableModel[Any], samples: dict[int, str], stretch: int) -> None:
        super().__init__()
        self.model = model
        self.proxy = SortProxy(model, self)
        self.view: QTableView = make_table_view(
            self, self.proxy, sortable=True, widths=samples, stretch_column=stretch
        )
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)

    def set_rows(self, rows: Sequence[Any], empty_text: str) -> None:
        self.model.set_rows(rows)
        self.empty_label.setText(empty_text)
        self.empty_label.setVisible(not rows)
        self.view.setVisible(bool(rows))

    def student_at(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        return int(self.model.row_at(self.proxy.source_row(index)).student_id)


class BatchDetailView(QWidget):
    open_student = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: BatchDetail | None = None
        self.heading = named(QLabel(), "batchHeading")
        self.heading.setWordWrap(True)
        self.setStyleSheet("QLabel#batchHeading { font-size: 11.5pt; font-weight: 600; }")
        self.caution = named(QLabel(), "emptyNote")
        self.caution.setWordWrap(True)
        self.caution.setText(
            self.tr(
                "A screening flag (筛查提示) puts a student on the interview list; it is never a "
                "diagnosis. Only the counsellor's face-to-face interview sets a tier."
            )
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.lists: dict[str, _ListTab] = {
            RESULTS: _ListTab(BatchResultModel(self), _RESULT_SAMPLES, R_FLAGS),
            INTERVIEWS: _ListTab(BatchResultModel(self), _RESULT_SAMPLES, R_FLAGS),
            RETEST: _ListTab(BatchResultModel(self), _RESULT_SAMPLES, R_FLAGS),
            MISSING: _ListTab(CoverageModel(self), _COVERAGE_SAMPLES, C_STATUS),
        }
        for tab in self.lists.values():
            self.tabs.addTab(tab, "")
            row_opener(tab.view, tab.student_at, self.open_student.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.caution)
        layout.addWidget(self.tabs, 1)
        self.clear()

    def set_detail(self, detail: BatchDetail) -> None:
        self.detail = detail
        grades = "、".join(grade_label(level) for level in detail.grades)
        heading = fill(
            self.tr("%1 · %2 · %3 · %4"),
            instrument_label(detail.instrument),
            detail.on.isoformat(),
            detail.term,
            grades,
        )
        if detail.consent_ref:
            heading += " · " + fill(self.tr("consent %1"), detail.consent_ref)
        self.heading.setText(heading)
        self.heading.setToolTip(detail.note or "")
        parts: tuple[tuple[str, Sequence[Any], str, str], ...] = (
            (RESULTS, detail.results, self.tr("Results (%1)"), self.tr("No result entered yet.")),
            (
                INTERVIEWS,
                detail.flagged,
                self.tr("Interview list (%1)"),
                self.tr("No student of this batch is flagged for an interview."),
            ),
            (RETEST, detail.retest, self.tr("Retest (%1)"), self.tr("No sheet to retest.")),
            (
                MISSING,
                detail.missing,
                self.tr("Not screened (%1)"),
                self.tr("Every student of these grades has a result."),
            ),
        )
        for key, rows, title, empty in parts:
            self.lists[key].set_rows(rows, empty)
            self.tabs.setTabText(self.tabs.indexOf(self.lists[key]), fill(title, len(rows)))

    def clear(self) -> None:
        self.detail = None
        self.heading.setText(self.tr("Choose a batch to see its results."))
        self.heading.setToolTip("")
        titles = {
            RESULTS: self.tr("Results"),
            INTERVIEWS: self.tr("Interview list"),
            RETEST: self.tr("Retest"),
            MISSING: self.tr("Not screened"),
        }
        for key, tab in self.lists.items():
            tab.set_rows((), "")
            tab.empty_label.hide()
            self.tabs.setTabText(self.tabs.indexOf(tab), titles[key])

    def view_of(self, key: str) -> QTableView:
        return self.lists[key].view

    def model_of(self, key: str) -> RowTableModel[Any]:
        return self.lists[key].model
