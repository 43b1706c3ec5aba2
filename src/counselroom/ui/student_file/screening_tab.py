"""筛查: screening results. A result is a flag for an interview, never a diagnosis — the pane
says so above the scores.

`ScreeningRecords` is the tab: the results table and reading pane of every records tab, with
the trend chart of totals (`screening_chart`) above them once the file holds a scored result.
The chart is cleared with the lists (a lock, a restricted role), so it never outlives them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.domain.cutoffs import ScreeningCutoffs
from counselroom.services.student_file import ScreeningEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import RecordsPage, Row, Section
from counselroom.ui.student_file.screening_chart import ScreeningChart

translate = QCoreApplication.translate
ANSWERS_PER_LINE = 10


class ScreeningRecords(RecordsPage):
    """The 筛查 tab of a file: the trend chart over the results and their reading pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = ScreeningChart()
        self.chart.hide()
        self.set_action_bar(self.chart)

    def show_screenings(
        self, screenings: Sequence[ScreeningEntry], cutoffs: ScreeningCutoffs
    ) -> None:
        """The results, and the chart when at least one of them is a scored, valid sheet (a
        student without one keeps the lists' own empty text, with no empty chart above it)."""
        self.set_sections(screening_sections(screenings))
        self.chart.setVisible(self.chart.set_results(screenings, cutoffs))

    def clear(self) -> None:
        super().clear()
        chart = getattr(self, "chart", None)  # None only if the base clears during __init__
        if chart is not None:
            chart.clear()
            chart.hide()


def screening_sections(screenings: Sequence[ScreeningEntry]) -> list[Section]:
    ordered = sorted(screenings, key=lambda s: (s.on, s.id), reverse=True)
    return [
        Section(
            title=fill(translate("StudentFile", "Screening results (%1)"), len(ordered)),
            headers=(
                translate("StudentFile", "Date"),
                translate("StudentFile", "Instrument"),
                translate("StudentFile", "Total"),
                translate("StudentFile", "Severity"),
                translate("StudentFile", "Flags"),
            ),
            rows=[_row(s) for s in ordered],
            empty_text=translate("StudentFile", "No screening results for this student."),
            widths={0: "2026-12-31", 1: "PHQ-9", 2: "总分", 3: "中重度中"},
        )
    ]


def _flags(s: ScreeningEntry) -> str:
    words = [labels.screening_flag(f) for f in s.flags]
    if not s.valid:
        words.append(translate("StudentFile", "invalid sheet"))
    return "；".join(words)


def _row(s: ScreeningEntry) -> Row:
    return Row(
        cells=(
            labels.day(s.on),
            labels.instrument(s.instrument),
            "" if s.total is None else str(s.total),
            labels.severity(s.band),
            _flags(s) or translate("StudentFile", "none"),
        ),
        detail=lambda: screening_detail(s),
        keys=frozenset({("screening", s.id)}),
        alert=bool(s.flags),
    )


def screening_detail(s: ScreeningEntry) -> str:
    d = Detail(f"{labels.instrument(s.instrument)}　{labels.day(s.on)}")
    d.sub(
        translate(
            "StudentFile",
            "A screening result is a prompt for an interview, not a diagnosis.",
        )
    )
    d.fact(translate("StudentFile", "Term"), s.term)
    d.fact(translate("StudentFile", "Total"), s.total)
    d.fact(translate("StudentFile", "Severity"), labels.severity(s.band))
    d.fact(translate("StudentFile", "Flags"), _flags(s), alert=bool(s.flags) or not s.valid)
    d.fact(translate("StudentFile", "Lie scale"), s.lie_score)
    if s.item9 is not None:
        d.fact(
            translate("StudentFile", "Item 9 (thoughts of self-harm)"),
            s.item9,
            alert=s.item9 > 0,
        )
    if s.scales:
        d.section(translate("StudentFile", "Scales"))
        d.grid(
            (translate("StudentFile", "Scale"), translate("StudentFile", "Score")),
            ((labels.mht_scale(name), score) for name, score in s.scales),
        )
    if s.answers:
        # Ten items to a line: 9 answers of a PHQ-9 on one line, the 100 of an MHT on ten.
        d.section(translate("StudentFile", "Answers"))
        columns = min(ANSWERS_PER_LINE, len(s.answers))
        d.grid(
            (translate("StudentFile", "Items"), *(str(n) for n in range(1, columns + 1))),
            (
                (
                    f"{start + 1}–{min(start + ANSWERS_PER_LINE, len(s.answers))}",
                    *("–" if a is None else a for a in s.answers[start : start + ANSWERS_PER_LINE]),
                )
                for start in range(0, len(s.answers), ANSWERS_PER_LINE)
            ),
        )
    return d.html()
