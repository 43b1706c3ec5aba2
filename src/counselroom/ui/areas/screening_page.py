"""筛查: the screening batches in the vault, newest first, with their counts.

Counts only, never a name or an answer: who was flagged is read in each student's file and on
the dashboard's interview list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from counselroom.domain.errors import ValidationError
from counselroom.domain.grades import grade_label
from counselroom.services.areas import ScreeningBatchRow, screening_batches
from counselroom.services.context import Context
from counselroom.ui.areas.codes import instrument_label
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.areas.table_kit import (
    RowTableModel,
    SortProxy,
    date_key,
    date_text,
    make_table_view,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

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

_SAMPLES = {
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
        if column == COL_RESULTS:
            return str(row.results)
        if column == COL_FLAGGED:
            return str(row.flagged)
        if column == COL_ITEM9:
            return str(row.item9_alerts) if row.instrument == "phq9" else "–"
        if column == COL_INVALID:
            return str(row.invalid)
        return ""

    def sort_value(self, row: ScreeningBatchRow, column: int) -> int | str:
        if column == COL_DATE:
            return date_key(row.on)
        if column == COL_TERM:
            return f"{row.term}\x00{date_key(row.on):08d}"
        if column == COL_RESULTS:
            return row.results
        if column == COL_FLAGGED:
            return row.flagged
        if column == COL_ITEM9:
            return row.item9_alerts
        if column == COL_INVALID:
            return row.invalid
        return self.display(row, column)


class ScreeningPage(LoadingPage):
    def __init__(self, handle: ContextSource, parent: QWidget | None = None) -> None:
        super().__init__(handle, "", parent)
        self.title_label.setText(self.tr("Screening"))
        self.model = ScreeningBatchModel(self)
        self.proxy = SortProxy(self.model, self)
        self.view = make_table_view(
            self, self.proxy, sortable=True, widths=_SAMPLES, stretch_column=COL_GRADES
        )
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.hide()
        self.content_layout.addWidget(self.empty_label)
        self.content_layout.addWidget(self.view, 1)

    def denied_text(self) -> str:
        return self.tr(
            "Screening results are visible to counsellors only. A student's required actions "
            "are on the dashboard and in the student list."
        )

    def fetch(self, ctx: Context) -> list[ScreeningBatchRow]:
        return screening_batches(ctx)

    def show_result(self, result: list[ScreeningBatchRow]) -> None:
        self.model.set_rows(result)
        self.empty_label.setText(self.tr("No screening batches yet."))
        self.empty_label.setVisible(not result)
        self.view.setVisible(bool(result))
        if result:
            self.subtitle_label.setText(
                fill(
                    self.tr("%1 batches · %2 results · %3 flagged"),
                    len(result),
                    sum(row.results for row in result),
                    sum(row.flagged for row in result),
                )
            )
        else:
            self.subtitle_label.clear()

    def clear_content(self) -> None:
        self.model.clear()
        self.subtitle_label.clear()
        self.empty_label.hide()
        self.view.show()
