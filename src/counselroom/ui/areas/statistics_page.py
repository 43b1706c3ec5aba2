"""统计: the current term in the figures seed 004 reports (个体辅导人次, 团体辅导场次, 讲座场次…)
and the roll broken down by tier, grade and care group. Aggregates only: a viewer sees it too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.statistics import TermStatistics, term_statistics
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.areas.statistics_models import (
    COL_GRADE,
    COL_GROUP,
    COL_TIER,
    COL_TIER_NAME,
    Count,
    GradeCountModel,
    GroupCountModel,
    TierCountModel,
)
from counselroom.ui.areas.table_kit import RowTableModel, make_table_view
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

# Figures in the order a term report lists them; keys are attributes of TermStatistics.
WORK_FIGURES = (
    "individual_sessions",
    "group_sessions",
    "lectures",
    "referrals_sent",
    "screenings",
    "flagged",
    "closed_files",
)
ROLL_FIGURES = ("students", "open_files")

_STYLE = (
    "QFrame#figure { background: palette(base); border: 1px solid palette(mid);"
    " border-radius: 4px; }"
    "QLabel#figureValue { font-size: 16pt; font-weight: 600; }"
    "QLabel#figureCaption { color: palette(dark); }"
    "QLabel#blockTitle { font-size: 11.5pt; font-weight: 600; }"
)


class Figure(QFrame):
    """A number above its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.value_label = named(QLabel("–"), "figureValue")
        self.caption_label = named(QLabel(caption), "figureCaption")
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addStretch(1)

    def set_value(self, value: int | None) -> None:
        self.value_label.setText("–" if value is None else str(value))


def _fit_height(view: QTableView) -> None:
    """Show every line: these tables are short (4 tiers, 12 grades, 14 groups)."""
    model = view.model()
    rows = model.rowCount() if model is not None else 0
    header = view.horizontalHeader().sizeHint().height()
    line = view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(header + max(rows, 1) * line + 2 * view.frameWidth())


class StatisticsPage(LoadingPage):
    def __init__(
        self,
        handle: ContextSource,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(handle, "", parent)
        self.clock = clock  # the school's today; tests and screenshots pin it
        self.title_label.setText(self.tr("Statistics"))
        self.statistics: TermStatistics | None = None
        captions = {
            "individual_sessions": self.tr("Individual counselling (attendances)"),
            "group_sessions": self.tr("Group counselling (sessions)"),
            "lectures": self.tr("Lectures (sessions)"),
            "referrals_sent": self.tr("Referrals sent"),
            "screenings": self.tr("Screening results"),
            "flagged": self.tr("Screening flags"),
            "closed_files": self.tr("Files closed"),
            "students": self.tr("Students on the roll"),
            "open_files": self.tr("Open files"),
        }
        self.figures = {key: Figure(caption) for key, caption in captions.items()}
        self.tier_model = TierCountModel(self)
        self.grade_model = GradeCountModel(self)
        self.group_model = GroupCountModel(self)
        self.tier_view = self._table(
            self.tier_model, {COL_TIER: "0 无/观察", COL_TIER_NAME: "重大心理危机"}, COL_TIER_NAME
        )
        self.grade_view = self._table(self.grade_model, {COL_GRADE: "六年级"}, COL_GRADE)
        self.group_view = self._table(self.group_model, {COL_GROUP: "毕业年级升学压力"}, COL_GROUP)
        self.groups_empty = named(QLabel(), "emptyNote")
        self.groups_empty.hide()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(8)
        figures = QGridLayout()
        figures.setHorizontalSpacing(8)
        figures.addWidget(named(QLabel(self.tr("On the roll today")), "blockTitle"), 0, 0, 1, 2)
        figures.addWidget(named(QLabel(self.tr("Work this term")), "blockTitle"), 0, 3, 1, 7)
        for number, key in enumerate(ROLL_FIGURES):
            figures.addWidget(self.figures[key], 1, number)
        figures.setColumnMinimumWidth(len(ROLL_FIGURES), 8)  # a gap between the two groups
        for number, key in enumerate(WORK_FIGURES, start=len(ROLL_FIGURES) + 1):
            figures.addWidget(self.figures[key], 1, number)
            figures.setColumnStretch(number, 1)
        for number in range(len(ROLL_FIGURES)):
            figures.setColumnStretch(number, 1)
        layout.addLayout(figures)
        layout.addSpacing(6)
        tables = QHBoxLayout()
        tables.setSpacing(12)
        tables.addLayout(self._block(self.tr("Students by tier"), self.tier_view), 4)
        tables.addLayout(self._block(self.tr("Students by grade"), self.grade_view), 3)
        groups = self._block(self.tr("Groups that get particular care"), self.group_view)
        groups.insertWidget(1, self.groups_empty)
        tables.addLayout(groups, 3)
        layout.addLayout(tables)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.content_layout.addWidget(scroll)
        self.setStyleSheet(self.styleSheet() + _STYLE)

    def _table(
        self, model: RowTableModel[Count], widths: dict[int, str], stretch: int
    ) -> QTableView:
        view = make_table_view(
            self, model, tier_column=model.TIER_COLUMN, widths=widths, stretch_column=stretch
        )
        if model.TIER_COLUMN < 0:  # badges need the student list's row height; text does not
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        else:
            view.setColumnWidth(model.TIER_COLUMN, view.columnWidth(model.TIER_COLUMN) + 12)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        _fit_height(view)
        return view

    @staticmethod
    def _block(title: str, view: QTableView) -> QVBoxLayout:
        block = QVBoxLayout()
        block.addWidget(named(QLabel(title), "blockTitle"))
        block.addWidget(view)
        block.addStretch(1)
        return block

    def fetch(self, ctx: Context) -> TermStatistics:
        return term_statistics(ctx, self.clock())

    def show_result(self, result: TermStatistics) -> None:
        self.statistics = result
        if result.start and result.end:
            self.subtitle_label.setText(
                fill(self.tr("%1 (%2 to %3)"), result.term_label, result.start, result.end)
            )
        else:
            self.subtitle_label.setText(result.term_label)
        for key, figure in self.figures.items():
            figure.set_value(int(getattr(result, key)))
        self.tier_model.set_counts(result.by_tier)
        self.grade_model.set_counts(result.by_grade)
        self.group_model.set_counts(result.groups)
        self.groups_empty.setText(self.tr("No student is recorded in a care group."))
        self.groups_empty.setVisible(not result.groups)
        self.group_view.setVisible(bool(result.groups))
        for view in (self.tier_view, self.grade_view, self.group_view):
            _fit_height(view)

    def clear_content(self) -> None:
        self.statistics = None
        self.subtitle_label.clear()
        for figure in self.figures.values():
            figure.set_value(None)
        for model in (self.tier_model, self.grade_model, self.group_model):
            model.clear()
        self.groups_empty.hide()
        self.group_view.show()
