"""One block of the dashboard: a titled, counted list of `DashboardItem`s, or why it is empty.

A block says one of three things, never nothing: the lines to do, "nothing to do today", or
"visible to counsellors only" for a viewer — so a 班主任 never reads an empty clinical list as
"no student needs an interview".

The same-day risk assessment after a PHQ-9 item-9 answer (the counsellor's task and the
interview line for item 9) is drawn in red from the moment it appears, not only once overdue:
it is due within the day, and the words in the "What" column say why.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.screening_flags import ITEM9
from counselroom.services.dashboard import DashboardItem
from counselroom.ui.areas.codes import (
    interview_reason_label,
    recipient_label,
    referral_state_label,
)
from counselroom.ui.areas.table_kit import (
    OVERDUE_COLOUR,
    RowTableModel,
    date_key,
    date_text,
    make_table_view,
    overdue_marker,
    row_opener,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

translate = QCoreApplication.translate

(COL_NAME, COL_CLASS, COL_TIER, COL_WHAT, COL_DUE, COL_STATE) = range(6)
COLUMN_COUNT = 6
VISIBLE_ROWS = 5  # a block grows to this many lines, then scrolls

_SAMPLES = {
    COL_NAME: "欧阳中华",
    COL_CLASS: "初二(10)班",
    COL_TIER: "0 观察",
    COL_DUE: "2026-12-31",
    COL_STATE: "逾期 99 天",
}


# The recipient of the task an item-9 answer creates (services.screening_import): the
# counsellor, who assesses the risk himself the same day.
RISK_ASSESSOR = "counsellor"


def same_day_risk(item: DashboardItem) -> bool:
    """The lines of a same-day risk assessment: PHQ-9 item 9 was answered above 0."""
    return (item.kind == "task" and item.detail == RISK_ASSESSOR) or (
        item.kind == "interview" and item.detail == ITEM9
    )


def what_text(item: DashboardItem) -> str:
    """The line's "what to do", from its kind and detail code."""
    if item.kind == "task" and item.detail == RISK_ASSESSOR:
        return translate("dashboard", "Same-day risk assessment (PHQ-9 item 9)")
    if item.kind == "task":
        return fill(translate("dashboard", "Notify %1"), recipient_label(item.detail))
    if item.kind == "break_glass":  # a 自伤/他伤 disclosure: detail is whom to tell
        return fill(
            translate("dashboard", "Inform %1 (risk of self-harm or harm to others)"),
            recipient_label(item.detail),
        )
    if item.kind == "interview":
        return interview_reason_label(item.detail)
    if item.kind == "referral_feedback":
        if item.detail == "sent":
            return translate("dashboard", "Ask whether the student was seen")
        if item.detail == "seen":
            return translate("dashboard", "Ask the institution for feedback")
        return referral_state_label(item.detail)
    if item.kind == "plan_review":
        version = item.detail.removeprefix("v")
        if version.isdigit():
            return fill(translate("dashboard", "Review plan version %1"), version)
        return translate("dashboard", "Review the plan")
    if item.kind == "never_followed":
        return translate("dashboard", "No session since the file was opened")
    if item.kind == "follow_up":
        return translate("dashboard", "Follow-up session")
    return item.detail


def state_text(item: DashboardItem, today: date) -> str:
    """The marker beside the colour: "Overdue 3 d", "Due today", "In 5 d" or nothing."""
    due = item.due
    if item.overdue:
        return overdue_marker((today - due).days if due is not None else None)
    if due is None:
        return ""
    days = (due - today).days
    if days <= 0:
        return translate("dashboard", "Due today")
    if days == 1:
        return translate("dashboard", "Due tomorrow")
    return fill(translate("dashboard", "In %1 d"), days)


class DashboardItemModel(RowTableModel[DashboardItem]):
    TIER_COLUMN = COL_TIER
    MARKER_COLUMN = COL_STATE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_items(self, items: Sequence[DashboardItem], today: date) -> None:
        self.today = today
        self.set_rows(items)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Name"),
            self.tr("Class"),
            self.tr("Tier"),
            self.tr("What"),
            self.tr("Due"),
            self.tr("State"),
        )

    def display(self, row: DashboardItem, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_CLASS:
            return row.class_label
        if column == COL_TIER:
            return self.tier_text(row.tier)
        if column == COL_WHAT:
            return what_text(row)
        if column == COL_DUE:
            return date_text(row.due)
        if column == COL_STATE:
            return state_text(row, self.today)
        return ""

    def sort_value(self, row: DashboardItem, column: int) -> int | str:
        if column == COL_TIER:
            return row.tier
        if column == COL_DUE:
            return date_key(row.due)
        return self.display(row, column)

    def tier(self, row: DashboardItem) -> int:
        return row.tier

    def overdue(self, row: DashboardItem) -> bool:
        return row.overdue

    def tooltip(self, row: DashboardItem, column: int) -> str | None:
        if same_day_risk(row):
            return translate(
                "dashboard",
                "PHQ-9 item 9 (thoughts of self-harm) was answered above 0: assess the risk "
                "today. A screening flag (筛查提示), not a diagnosis.",
            )
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        # Red (and the "What" words bold) for a same-day risk line even before it is overdue;
        # the tier badge keeps its own colours.
        if (
            role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)
            and index.isValid()
            and index.column() != COL_TIER
            and 0 <= index.row() < self.rowCount()
            and same_day_risk(self.row_at(index.row()))
        ):
            if role == Qt.ItemDataRole.ForegroundRole:
                return OVERDUE_COLOUR
            if index.column() in (COL_WHAT, COL_STATE):
                return self._bold_font()
        return super().data(index, role)


class SectionBox(QFrame):
    """Title with counts, then the list, an "all done" line or the restricted notice."""

    open_student = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        self.restricted = False  # showing the counsellors-only notice
        self.model = DashboardItemModel(self)
        self.title_label = named(QLabel(title), "sectionTitle")
        self.overdue_label = named(QLabel(), "sectionOverdue")
        self.view = make_table_view(
            self,
            self.model,
            tier_column=COL_TIER,
            widths=_SAMPLES,
            stretch_column=COL_WHAT,
            padding=14,
        )
        self.view.setColumnWidth(COL_TIER, self.view.columnWidth(COL_TIER) + 20)  # badge margins
        self.view.setVerticalScrollMode(self.view.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row_opener(self.view, self._student_of, self.open_student.emit)
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)

        heading = QHBoxLayout()
        heading.addWidget(self.title_label)
        heading.addStretch(1)
        heading.addWidget(self.overdue_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(heading)
        layout.addWidget(self.stack)
        self.clear()

    def _student_of(self, index: QModelIndex) -> int | None:
        return self.model.row_at(index.row()).student_id if index.isValid() else None

    def set_items(self, items: Sequence[DashboardItem], today: date) -> None:
        self.restricted = False
        self.model.set_items(items, today)
        overdue = sum(item.overdue for item in items)
        self.title_label.setText(fill(translate("dashboard", "%1 (%2)"), self.title, len(items)))
        self.overdue_label.setText(
            fill(translate("dashboard", "%1 overdue"), overdue) if overdue else ""
        )
        if items:
            shown = min(len(items), VISIBLE_ROWS)
            header = self.view.horizontalHeader().sizeHint().height()
            rows = self.view.verticalHeader().defaultSectionSize()
            height = header + shown * rows + 2 * self.view.frameWidth()
            self.view.setFixedHeight(height)
            self.stack.setCurrentWidget(self.view)
            self.stack.setFixedHeight(height)
        else:
            self.empty_label.setText(translate("dashboard", "Nothing to do today"))
            self._show_note()

    def set_restricted(self) -> None:
        self.restricted = True
        self.model.clear()
        self.title_label.setText(self.title)
        self.overdue_label.clear()
        self.empty_label.setText(translate("dashboard", "Visible to counsellors only"))
        self._show_note()

    def clear(self) -> None:
        self.restricted = False
        self.model.clear()
        self.title_label.setText(self.title)
        self.overdue_label.clear()
        self.empty_label.clear()
        self._show_note()

    def _show_note(self) -> None:
        self.stack.setCurrentWidget(self.empty_label)
        self.stack.setFixedHeight(self.empty_label.sizeHint().height() + 8)
