"""The screening page's list of batches: one row per batch, with its counts.

Apart from `screening_page` because the table model is plain data-to-text (which column shows
what, how it sorts, how wide a cell may get) with no loading, dialogs or permissions — the page
builds its view from it and tests read its columns by these names.
"""

from __future__ import annotations

from collections.abc import Sequence

from counselroom.domain.errors import ValidationError
from counselroom.domain.grades import grade_label
from counselroom.services.areas import ScreeningBatchRow
from counselroom.ui.areas.codes import instrument_label
from counselroom.ui.areas.table_kit import RowTableModel, date_key, date_text

(
    COL_INSTRUMENT,
    COL_DATE,
    COL_TERM,
    COL_GRADES,
    COL_RESULTS,
    COL_FLAGGED,
    COL_ITEM9,
    COL_INVALID,
) = range(8)
COLUMN_COUNT = 8

SAMPLES = {
    COL_INSTRUMENT: "PHQ-9 ",
    COL_DATE: "2026-12-31",
    COL_TERM: "2026-2027学年第一学期",
    COL_GRADES: "初一、初二、初三、高一",
    COL_RESULTS: "10000000",
    COL_FLAGGED: "10000000",
    COL_ITEM9: "PHQ-9 第9题提示",
    COL_INVALID: "无效答卷无效",
}


def grades_text(grades: str) -> str:
    """Grade levels as stored ("7,8,9") in the school's words (初一、初二、初三)."""
    parts = [part.strip() for part in grades.replace("，", ",").split(",") if part.strip()]
    try:
        return "、".join(grade_label(int(part)) for part in parts)
    except (ValueError, ValidationError):
        return grades


class ScreeningBatchModel(RowTableModel[ScreeningBatchRow]):
    NUMERIC_COLUMNS = frozenset({COL_RESULTS, COL_FLAGGED, COL_ITEM9, COL_INVALID})

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Instrument"),
            self.tr("Date"),
            self.tr("Term"),
            self.tr("Grades"),
            self.tr("Results"),
            self.tr("Flagged"),
            self.tr("PHQ-9 item 9 alerts"),
            self.tr("Invalid sheets"),
        )

    def display(self, row: ScreeningBatchRow, column: int) -> str:
        if column == COL_INSTRUMENT:
            return instrument_label(row.instrument)
        if column == COL_DATE:
            return date_text(row.on)
        if column == COL_TERM:
            return row.term
        if column == COL_GRADES:
            return grades_text(row.grades)
        if column == COL_ITEM9 and row.instrument != "phq9":
            return "–"  # item 9 is a PHQ-9 question
        count = _counts(row).get(column)
        return "" if count is None else str(count)

    def sort_value(self, row: ScreeningBatchRow, column: int) -> int | str:
        if column == COL_DATE:
            return date_key(row.on)
        if column == COL_TERM:
            return f"{row.term}\x00{date_key(row.on):08d}"
        count = _counts(row).get(column)
        return self.display(row, column) if count is None else count


def _counts(row: ScreeningBatchRow) -> dict[int, int]:
    return {
        COL_RESULTS: row.results,
        COL_FLAGGED: row.flagged,
        COL_ITEM9: row.item9_alerts,
        COL_INVALID: row.invalid,
    }
