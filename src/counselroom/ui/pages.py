"""The pages of the main window, in navigation order: adding one is one line in `PAGES`.

A page is any QWidget built by `factory(handle)`. It keeps the `SessionHandle` and reads
`handle.ctx` (or uses `handle.run`) whenever it loads. Optional parts the main window uses when
a page has them:

- `reload()`: (re)read from the vault. Called when the page is first shown, when it is shown
  again after an unlock, and on F5.
- `clear()`: forget everything shown, called when the window locks. A page without `clear()`
  is destroyed at lock and built again at unlock.
- `open_student = Signal(int)`: the student file to open (connected to
  `MainWindow.open_student`).
- `status_changed = Signal(str)`: text for the right of the status bar while the page shows.
- `busy_changed = Signal(bool)`: show or hide the status bar's busy bar.
- `message = Signal(str)`: a passing status-bar message ("" clears it).
- `focus_search()`: where Ctrl+F goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.services.roles import Permission, Role, allowed
from counselroom.ui.areas.activities_page import ActivitiesPage
from counselroom.ui.areas.calendar_page import CalendarPage
from counselroom.ui.areas.ledgers_page import LedgersPage
from counselroom.ui.areas.referrals_page import ReferralsPage
from counselroom.ui.areas.screening_page import ScreeningPage
from counselroom.ui.areas.statistics_page import StatisticsPage
from counselroom.ui.audit_page import AuditPage
from counselroom.ui.dashboard_page import DashboardPage
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_page import SettingsPage
from counselroom.ui.students_page import StudentsPage
from counselroom.ui.transfers.page import TransfersPage

CONTEXT = "Pages"  # translation context of the titles; lupdate needs it written out below


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source text: str(QT_TRANSLATE_NOOP("Pages", "…")) marks it for lupdate
    factory: Callable[[SessionHandle], QWidget]
    admin_only: bool = False
    needs: Permission | None = None  # hidden from roles without it (the service refuses too)

    def shown_title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)

    def visible_to(self, role: Role) -> bool:
        if self.needs is not None and not allowed(role, self.needs):
            return False
        return role is Role.ADMIN or not self.admin_only


# Navigation order (issues 3, 4 and 8): 工作台, 学生, 日程, 筛查, 转介, 台账, 转接 (counsellors
# and administrators), 活动, 统计, 设置, 审计 (administrator only) — the daily work first, the
# term's reporting and the settings last.
PAGES: list[PageSpec] = [
    PageSpec("dashboard", str(QT_TRANSLATE_NOOP("Pages", "Dashboard")), DashboardPage),
    PageSpec("students", str(QT_TRANSLATE_NOOP("Pages", "Students")), StudentsPage),
    PageSpec("calendar", str(QT_TRANSLATE_NOOP("Pages", "Calendar")), CalendarPage),
    PageSpec("screening", str(QT_TRANSLATE_NOOP("Pages", "Screening")), ScreeningPage),
    PageSpec("referrals", str(QT_TRANSLATE_NOOP("Pages", "Referrals")), ReferralsPage),
    PageSpec("ledgers", str(QT_TRANSLATE_NOOP("Pages", "Ledgers")), LedgersPage),
    PageSpec(
        "transfers",
        str(QT_TRANSLATE_NOOP("Pages", "Transfers")),
        TransfersPage,
        needs=Permission.EXPORT,
    ),
    PageSpec("activities", str(QT_TRANSLATE_NOOP("Pages", "Activities")), ActivitiesPage),
    PageSpec("statistics", str(QT_TRANSLATE_NOOP("Pages", "Statistics")), StatisticsPage),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("Pages", "Settings")), SettingsPage),
    PageSpec("audit", str(QT_TRANSLATE_NOOP("Pages", "Audit")), AuditPage, admin_only=True),
]


def pages_for(role: Role, pages: Sequence[PageSpec] | None = None) -> list[PageSpec]:
    return [spec for spec in (PAGES if pages is None else pages) if spec.visible_to(role)]
