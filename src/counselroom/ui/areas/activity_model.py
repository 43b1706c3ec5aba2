"""The group-activity log as a table, and the term filter over it.

The log is short (a few dozen activities a term), so the page reads all of it once and the
term chooser filters in the proxy: switching terms needs no trip to the vault, and the chooser
can offer exactly the terms that have activities.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex

from counselroom.domain.terms import SchoolTerm, term_of
from counselroom.services.activities import GroupActivityEntry
from counselroom.ui.areas.table_kit import RowTableModel, SortProxy, date_key, date_text
from counselroom.ui.i18n import fill

translate = QCoreApplication.translate

(COL_DATE, COL_KIND, COL_TOPIC, COL_AUDIENCE, COL_COUNT, COL_LEADER) = range(6)
COLUMN_COUNT = 6

SAMPLES = {
    COL_DATE: "2026-12-31",
    COL_KIND: "团体辅导",
    COL_AUDIENCE: "初二年级全体学生",
    COL_COUNT: "人数 ",
    COL_LEADER: "欧阳中华",
}


def activity_kind_label(code: str) -> str:
    names = {
        "group_counselling": translate("activities", "group counselling"),
        "lecture": translate("activities", "lecture"),
    }
    return names.get(code, code)


def _term_order(term: SchoolTerm) -> tuple[int, int]:
    return term.year_start, {1: 0, 2: 1, None: 2}[term.term]


def terms_of(days: Iterable[date]) -> list[SchoolTerm]:
    """The terms the days fall in, newest first, each once."""
    return sorted({term_of(day) for day in days}, key=_term_order, reverse=True)


class ActivityTableModel(RowTableModel[GroupActivityEntry]):
    NUMERIC_COLUMNS = frozenset({COL_COUNT})

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("Topic"),
            self.tr("Audience"),
            self.tr("Count"),
            self.tr("Led by"),
        )

    def display(self, row: GroupActivityEntry, column: int) -> str:
        values = {
            COL_DATE: date_text(row.on),
            COL_KIND: activity_kind_label(row.kind),
            COL_TOPIC: row.topic,
            COL_AUDIENCE: row.audience,
            COL_COUNT: str(row.count),
            COL_LEADER: row.leader or "",
        }
        return values.get(column, "")

    def sort_value(self, row: GroupActivityEntry, column: int) -> int | str:
        if column == COL_DATE:
            return f"{date_key(row.on):08d}-{row.id:012d}"  # on the same day: the logged order
        if column == COL_COUNT:
            return row.count
        return self.display(row, column)

    def tooltip(self, row: GroupActivityEntry, column: int) -> str | None:
        """The note has no column (it may be long); it shows over the line, with who logged it."""
        parts = [row.topic]
        if row.note:
            parts.append(row.note)
        parts.append(fill(translate("activities", "Logged by %1"), row.created_by))
        return "\n".join(parts)


class TermFilterProxy(SortProxy):
    """Only the activities of one term (None: all of them)."""

    def __init__(self, model: ActivityTableModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.model_rows = model
        self.term: SchoolTerm | None = None

    def set_term(self, term: SchoolTerm | None) -> None:
        self.term = term
        # invalidate(), not invalidateFilter(): the latter is deprecated from Qt 6.10, and its
        # replacement (begin/endFilterChange) is missing before 6.9; the log is short.
        self.invalidate()

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if self.term is None:
            return True
        return self.term.contains(self.model_rows.row_at(source_row).on)

    def visible_rows(self) -> list[GroupActivityEntry]:
        rows = self.model_rows
        return [rows.row_at(self.source_row(self.index(r, 0))) for r in range(self.rowCount())]
