"""The rows of a care-group ledger (台账) as a table: the columns of the printed ledger.

The order of columns is the one `services.ledger_xlsx` writes, less the two status columns a
screen has no room for (the tier badge and the file state say what the counsellor needs); the
spreadsheet keeps them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject

from counselroom.services.ledgers import LedgerRow
from counselroom.ui.areas.table_kit import (
    RowTableModel,
    date_key,
    date_text,
    overdue_marker,
)
from counselroom.ui.student_file import labels

(
    COL_STUDENT_NO,
    COL_NAME,
    COL_GENDER,
    COL_GRADE,
    COL_CLASS,
    COL_HEAD_TEACHER,
    COL_SINCE,
    COL_TIER,
    COL_FILE,
    COL_LAST_CONTACT,
    COL_NEXT,
) = range(11)
COLUMN_COUNT = 11

DATE_COLUMNS = (COL_SINCE, COL_LAST_CONTACT, COL_NEXT)
SAMPLES = {
    COL_STUDENT_NO: "G110101200801011234",
    COL_NAME: "欧阳中华",
    COL_GENDER: "性别",
    COL_GRADE: "初三",
    COL_CLASS: "初二(10)班",
    COL_HEAD_TEACHER: "欧阳中华",
    COL_SINCE: "2026-12-31",
    COL_LAST_CONTACT: "2026-12-31",
    COL_NEXT: "2026-12-31 · 逾期",
    COL_TIER: "0 观察",
    COL_FILE: "已建档",
}


class LedgerTableModel(RowTableModel[LedgerRow]):
    TIER_COLUMN = COL_TIER
    MARKER_COLUMN = COL_NEXT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_ledger(self, rows: Sequence[LedgerRow], today: date) -> None:
        self.today = today
        self.set_rows(rows)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Student no."),
            self.tr("Name"),
            self.tr("Gender"),
            self.tr("Grade"),
            self.tr("Class"),
            self.tr("Head teacher"),
            self.tr("In group since"),
            self.tr("Tier"),
            self.tr("File"),
            self.tr("Last contact"),
            self.tr("Next follow-up"),
        )

    def _date(self, row: LedgerRow, column: int) -> date | None:
        return {
            COL_SINCE: row.since,
            COL_LAST_CONTACT: row.last_contact,
            COL_NEXT: row.next_follow_up,
        }[column]

    def display(self, row: LedgerRow, column: int) -> str:
        if column == COL_NEXT and self.overdue(row):
            return date_text(row.next_follow_up) + " · " + overdue_marker()
        if column in DATE_COLUMNS:
            return date_text(self._date(row, column))
        if column == COL_TIER:
            return self.tier_text(row.tier)
        values = {
            COL_STUDENT_NO: row.student_no or "",
            COL_NAME: row.name,
            COL_GENDER: labels.gender(row.gender) if row.gender != "U" else "",
            COL_GRADE: row.grade,
            COL_CLASS: row.class_label,
            COL_HEAD_TEACHER: row.head_teacher,
            COL_FILE: labels.file_state(row.file_state),
        }
        return values.get(column, "")

    def sort_value(self, row: LedgerRow, column: int) -> int | str:
        if column in DATE_COLUMNS:
            return date_key(self._date(row, column))
        if column == COL_TIER:
            return row.tier
        return self.display(row, column)

    def tier(self, row: LedgerRow) -> int:
        return row.tier

    def overdue(self, row: LedgerRow) -> bool:
        """A follow-up date already past: the ledger is also a reminder of who was forgotten."""
        return row.next_follow_up is not None and row.next_follow_up < self.today
