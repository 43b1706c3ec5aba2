"""The audit log as a table: `AuditRow`s newest first, appended page by page.

Times are stored in UTC and shown as the school's wall clock (`services.timeline.to_local`),
the same clock the date filters use.
"""

from __future__ import annotations

from collections.abc import Sequence

from counselroom.services.audit_log import AuditRow
from counselroom.services.localtime import to_local
from counselroom.ui.areas.table_kit import RowTableModel

(COL_SEQ, COL_AT, COL_USER, COL_ACTION, COL_TARGET, COL_DETAIL) = range(6)
COLUMN_COUNT = 6


def local_time_text(row: AuditRow) -> str:
    return to_local(row.at).strftime("%Y-%m-%d %H:%M:%S")


class AuditTableModel(RowTableModel[AuditRow]):
    NUMERIC_COLUMNS = frozenset({COL_SEQ})

    def headers(self) -> Sequence[str]:
        return (
            self.tr("No."),
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Target"),
            self.tr("Detail"),
        )

    def display(self, row: AuditRow, column: int) -> str:
        if column == COL_SEQ:
            return str(row.seq)
        if column == COL_AT:
            return local_time_text(row)
        if column == COL_USER:
            return row.username or ""
        if column == COL_ACTION:
            return row.action
        if column == COL_TARGET:
            return row.target or ""
        if column == COL_DETAIL:
            return row.detail or ""
        return ""

    def sort_value(self, row: AuditRow, column: int) -> int | str:
        if column in (COL_SEQ, COL_AT):
            return row.seq
        return self.display(row, column)

    def tooltip(self, row: AuditRow, column: int) -> str | None:
        return (row.detail or None) if column == COL_DETAIL else None

    def last_seq(self) -> int | None:
        return self._rows[-1].seq if self._rows else None
