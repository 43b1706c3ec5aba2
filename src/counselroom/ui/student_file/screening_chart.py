"""A student's screening totals over time: one line per instrument, its cut-off dashed.

The chart answers "is it getting better or worse, and how far from the line that flags?" at a
glance; the table under it keeps every result. Only scored, valid sheets are drawn: an
incomplete sheet has no total and a void MHT sheet (lie score) is not to be read, so plotting
either would draw a trend out of nothing. The cut-off is the school's policy of the moment
(PHQ-9 and GAD-7 flag thresholds, the MHT total that needs special attention).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from counselroom.domain.cutoffs import Gad7Cutoffs, MhtCutoffs, Phq9Cutoffs, ScreeningCutoffs
from counselroom.services.student_file import ScreeningEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels

translate = QCoreApplication.translate

INSTRUMENT_ORDER = ("phq9", "gad7", "mht")
MAX_TOTAL = {
    "phq9": Phq9Cutoffs.MAX_TOTAL,
    "gad7": Gad7Cutoffs.MAX_TOTAL,
    "mht": MhtCutoffs.MAX_TOTAL,
}
COLOURS = {"phq9": QColor("#1565C0"), "gad7": QColor("#2E7D32"), "mht": QColor("#6A1B9A")}
PAD_DAYS = 20  # room left and right of the first and last result (one result is not a line)
CHART_HEIGHT = 260


def scored_points(entries: Sequence[ScreeningEntry]) -> dict[str, list[tuple[date, int]]]:
    """(date, total) of every valid, scored result, per instrument, oldest first."""
    points: dict[str, list[tuple[date, int]]] = {}
    for entry in sorted(entries, key=lambda e: (e.on, e.id)):
        if entry.valid and entry.total is not None and entry.instrument in MAX_TOTAL:
            points.setdefault(entry.instrument, []).append((entry.on, entry.total))
    return points


def cutoff_value(instrument: str, cutoffs: ScreeningCutoffs) -> int:
    """The total at which the policy flags a result of `instrument`."""
    if instrument == "phq9":
        return cutoffs.phq9.flag_at
    if instrument == "gad7":
        return cutoffs.gad7.flag_at
    return cutoffs.mht.total_attention_at


def _moment(day: date) -> QDateTime:
    return QDate(day.year, day.month, day.day).startOfDay()


def axis_x(day: date) -> float:
    """A date as the chart's x value: milliseconds since the epoch at local midnight."""
    return float(_moment(day).toMSecsSinceEpoch())


class ScreeningChart(QChartView):
    """`set_results()` draws; `lines` and `cutoff_lines` hold the series by instrument."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screeningChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFixedHeight(CHART_HEIGHT)
        self.lines: dict[str, QLineSeries] = {}
        self.cutoff_lines: dict[str, QLineSeries] = {}
        self._show([], 0)

    def _show(
        self, series: Sequence[QLineSeries], top: int, span: tuple[date, date] | None = None
    ) -> None:
        """A new chart of `series`, y from 0 to `top`. The series are added before the axes
        are made and attached: a date axis made first lays out no labels (Qt 6.11)."""
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setTitle(translate("ScreeningChart", "Screening totals over time"))
        for line in series:
            chart.addSeries(line)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("yyyy-MM")
        x_axis.setTitleText(translate("ScreeningChart", "Date"))
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText(translate("ScreeningChart", "Total"))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for line in series:
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)
        if top:
            y_axis.setRange(0, top)
            y_axis.applyNiceNumbers()
        if span is not None:
            x_axis.setRange(_moment(span[0]), _moment(span[1]))
        self.setChart(chart)  # the view owns the chart and deletes the previous one

    def clear(self) -> None:
        """Nothing drawn (the window locks, or another student is shown)."""
        self.lines = {}
        self.cutoff_lines = {}
        self._show([], 0)

    def set_results(self, entries: Sequence[ScreeningEntry], cutoffs: ScreeningCutoffs) -> bool:
        """Draw `entries`; False (and nothing drawn) when none is a scored, valid sheet.

        The cut-off lines run from PAD_DAYS before the first result to PAD_DAYS after the
        last, so the date axis, which spans every series, leaves that room at both ends.
        """
        self.clear()
        points = scored_points(entries)
        if not points:
            return False
        days = [day for series in points.values() for day, _total in series]
        pad = timedelta(days=PAD_DAYS)
        first, last = min(days) - pad, max(days) + pad
        left, right = axis_x(first), axis_x(last)
        drawn: list[QLineSeries] = []
        for instrument in sorted(points, key=INSTRUMENT_ORDER.index):
            colour = COLOURS[instrument]
            line = QLineSeries()
            line.setName(labels.instrument(instrument))
            line.setPointsVisible(True)
            line.setPen(QPen(colour, 2))
            for day, total in points[instrument]:
                line.append(axis_x(day), float(total))
            value = cutoff_value(instrument, cutoffs)
            cutoff = QLineSeries()
            cutoff.setName(
                fill(
                    translate("ScreeningChart", "%1 cut-off (%2)"),
                    labels.instrument(instrument),
                    value,
                )
            )
            cutoff.setPen(QPen(colour.lighter(140), 1.5, Qt.PenStyle.DashLine))
            cutoff.append(left, float(value))
            cutoff.append(right, float(value))
            drawn += [line, cutoff]
            self.lines[instrument] = line
            self.cutoff_lines[instrument] = cutoff
        self._show(drawn, max(MAX_TOTAL[instrument] for instrument in points), (first, last))
        return True
