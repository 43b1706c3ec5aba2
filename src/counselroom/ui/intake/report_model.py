"""The report of a check or an import: problems and row results in one table, in file order.

A problem sits next to the row it concerns (red, with the column it names), so "row 12 was
skipped" and "row 12, 身份证件号: check character is 3" are read together; problems about the
whole file come first. "Problems only" hides the thousands of unchanged rows of a re-import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from counselroom.domain.errors import fill  # one pass: cell text holding "%1" stays as typed
from counselroom.intake.problems import Problem
from counselroom.ui.areas.table_kit import ROW_ROLE, RowTableModel, SortProxy, make_table_view
from counselroom.ui.intake.import_kind import ImportOutcome
from counselroom.ui.intake.mapping_model import message_label, say
from counselroom.ui.problem_text import problem_text

translate = QCoreApplication.translate

COL_ROW, COL_STUDENT, COL_ACTION, COL_DETAILS = range(4)
WHOLE_FILE = -1  # sort key of a problem about the whole file: before every row


@dataclass(frozen=True)
class ReportEntry:
    row_key: int  # spreadsheet row number; WHOLE_FILE for the whole file
    row: str
    student: str
    action: str
    details: str
    problem: bool
    alert: bool = False  # a result to act on today (item 9): red and bold, yet not a problem


def _row_key(text: str) -> int:
    return int(text) if text.strip().isdigit() else WHOLE_FILE


def problem_entry(problem: Problem, students: dict[int, str]) -> ReportEntry:
    if problem.row is None:
        key, row = WHOLE_FILE, translate("ImportReport", "file")
    else:
        key, row = problem.row, str(problem.row)
    reason = problem_text(problem)  # in the window's language
    details = (
        fill(translate("ImportReport", "%1: %2"), problem.column, reason)
        if problem.column
        else reason
    )
    return ReportEntry(
        key, row, students.get(key, ""), translate("ImportReport", "Problem"), details, True
    )


def report_entries(outcome: ImportOutcome) -> list[ReportEntry]:
    """The outcome's lines and problems, by row; a row's problems before its result."""
    lines = [
        ReportEntry(
            _row_key(row), row, student, action, details, False, _row_key(row) in outcome.alert_rows
        )
        for row, student, action, details in outcome.lines
    ]
    students = {entry.row_key: entry.student for entry in lines}
    entries = [problem_entry(problem, students) for problem in outcome.problems] + lines
    # sorted() is stable: within a row, problems keep their order and come first.
    return sorted(entries, key=lambda entry: (entry.row_key, not entry.problem))


class ReportModel(RowTableModel[ReportEntry]):
    MARKER_COLUMN = COL_ACTION  # bold on a problem, besides the red: colour is not alone
    NUMERIC_COLUMNS = frozenset({COL_ROW})

    def headers(self) -> Sequence[str]:
        return (
            translate("ImportReport", "Row"),
            translate("ImportReport", "Student"),
            translate("ImportReport", "Result"),
            translate("ImportReport", "Details"),
        )

    def display(self, row: ReportEntry, column: int) -> str:
        return (row.row, row.student, row.action, row.details)[column]

    def sort_value(self, row: ReportEntry, column: int) -> int | str:
        return row.row_key if column == COL_ROW else self.display(row, column)

    def overdue(self, row: ReportEntry) -> bool:
        return row.problem or row.alert  # drawn in the red of overdue rows

    def tooltip(self, row: ReportEntry, column: int) -> str | None:
        return row.details if column == COL_DETAILS and row.details else None

    def problem_count(self) -> int:
        return sum(1 for entry in self.rows() if entry.problem)


class ReportProxy(SortProxy):
    """Sorts like every list; `only_problems` hides the rows without one."""

    def __init__(self, model: ReportModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.only_problems = False

    def set_only_problems(self, only: bool) -> None:
        self.only_problems = only
        # invalidate(), as ui/areas/activity_model.py: invalidateFilter() is deprecated from
        # Qt 6.10 and its replacement is missing before 6.9.
        self.invalidate()

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if not self.only_problems:
            return True
        model = self.sourceModel()
        entry = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        return isinstance(entry, ReportEntry) and entry.problem


class ReportPane(QWidget):
    """The summary of the last run above its table, with the "Problems only" switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_label = message_label("importSummary")
        self.only_problems = QCheckBox(translate("ImportDialog", "&Problems only"))
        self.model = ReportModel(self)
        self.proxy = ReportProxy(self.model, self)
        self.only_problems.toggled.connect(self.proxy.set_only_problems)
        self.view = make_table_view(
            self,
            self.proxy,
            sortable=True,
            widths={COL_ROW: "99999", COL_STUDENT: "欧阳中华某 · 初二(10)班", COL_ACTION: "Update"},
        )
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.only_problems, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_outcome(self, outcome: ImportOutcome) -> None:
        self.model.set_rows(report_entries(outcome))
        say(self.summary_label, outcome.summary)

    def clear(self) -> None:
        self.model.clear()
        say(self.summary_label, "")
