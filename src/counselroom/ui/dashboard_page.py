"""工作台: what needs doing today, in six blocks; a line opens the student's file.

Blocks follow the loop's order of urgency for the counsellor's morning: follow-ups, files never
followed up, notification tasks (which carry deadlines in hours), interviews, plan reviews and
referral feedback. Each block lists overdue lines first, as the service sorts them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from counselroom.domain.dates import format_date_zh
from counselroom.services.context import Context
from counselroom.services.dashboard import Dashboard, dashboard
from counselroom.services.localtime import local_today
from counselroom.ui.areas.dashboard_sections import SectionBox
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.i18n import fill

# (attribute of Dashboard, hidden from a viewer)
SECTIONS = (
    ("follow_ups", False),
    ("never_followed", False),
    ("tasks", False),
    ("interviews", True),
    ("plan_reviews", True),
    ("referral_feedback", True),
)

_STYLE = (
    "QFrame#dashboardSection { background: palette(base); }"
    "QLabel#sectionTitle { font-size: 11.5pt; font-weight: 600; }"
    "QLabel#sectionOverdue { color: #B71C1C; font-weight: 600; }"
)


class DashboardPage(LoadingPage):
    open_student = Signal(int)

    def __init__(
        self,
        handle: ContextSource,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(handle, "", parent)
        self.clock = clock  # the school's today; tests and screenshots pin it
        self.title_label.setText(self.tr("Today"))
        self.dashboard: Dashboard | None = None
        titles = {
            "follow_ups": self.tr("Follow-ups due or overdue"),
            "never_followed": self.tr("Never followed up"),
            "tasks": self.tr("Notification tasks"),
            "interviews": self.tr("Interviews pending"),
            "plan_reviews": self.tr("Plan reviews due"),
            "referral_feedback": self.tr("Referrals awaiting feedback"),
        }
        self.sections: dict[str, SectionBox] = {}
        holder = QWidget()
        columns = QHBoxLayout(holder)
        columns.setContentsMargins(0, 0, 4, 0)
        columns.setSpacing(10)
        halves = (QVBoxLayout(), QVBoxLayout())
        for number, (key, _clinical) in enumerate(SECTIONS):
            box = SectionBox(titles[key])
            box.open_student.connect(self.open_student)
            self.sections[key] = box
            halves[number * 2 // len(SECTIONS)].addWidget(box)
        for half in halves:
            half.setSpacing(10)
            half.addStretch(1)
            columns.addLayout(half, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        self.content_layout.addWidget(scroll)
        self.setStyleSheet(self.styleSheet() + _STYLE)

    def fetch(self, ctx: Context) -> Dashboard:
        return dashboard(ctx, self.clock())

    def show_result(self, result: Dashboard) -> None:
        self.dashboard = result
        for key, clinical in SECTIONS:
            box = self.sections[key]
            if clinical and result.restricted:
                box.set_restricted()
            else:
                box.set_items(getattr(result, key), result.today)
        day = format_date_zh(result.today)
        weekday = QLocale().dayName(result.today.isoweekday())
        overdue = result.overdue_count
        summary = fill(self.tr("%1 %2"), day, weekday)
        if overdue:
            summary += " · " + fill(self.tr("%1 overdue"), overdue)
        summary += " · " + self.tr("Double-click a line to open the student's file")
        self.subtitle_label.setText(summary)

    def clear_content(self) -> None:
        self.dashboard = None
        self.subtitle_label.clear()
        for box in self.sections.values():
            box.clear()
