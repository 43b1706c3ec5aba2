"""日程: the week ahead, Monday to Sunday — follow-ups, appointments, plan reviews and
notification tasks, each opening the student's file.

The dashboard lists what is due now; the calendar is for planning the week around it. A viewer
sees follow-ups and tasks only (the service decides), and a line above the week says so, so an
empty Wednesday is never read as "no appointments".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from counselroom.services.calendar import WeekCalendar, week_calendar, week_of
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.ui.areas.calendar_day import DayColumn
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

WEEK = timedelta(days=7)

_STYLE = (
    "QFrame#dayColumn { background: palette(base); border: 1px solid palette(mid);"
    " border-radius: 4px; }"
    'QFrame#dayColumn[today="true"] { border: 2px solid palette(highlight); }'
    "QLabel#dayHeader { font-weight: 600; padding: 5px 4px;"
    " border-bottom: 1px solid palette(mid); }"
    'QLabel#dayHeader[today="true"] { background: palette(highlight);'
    " color: palette(highlighted-text); }"
    "QLabel#restrictedNote { color: palette(dark); }"
)


class CalendarPage(LoadingPage):
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
        self.monday: date | None = None  # the week asked for; None: the current week
        self.week: WeekCalendar | None = None  # the week shown
        self.title_label.setText(self.tr("Calendar"))

        self.previous_button = QPushButton(self.tr("◀ &Previous week"))
        self.previous_button.clicked.connect(lambda: self.move_weeks(-1))
        self.this_week_button = QPushButton(self.tr("&This week"))
        self.this_week_button.clicked.connect(self.this_week)
        self.next_button = QPushButton(self.tr("&Next week ▶"))
        self.next_button.clicked.connect(lambda: self.move_weeks(1))
        self.restricted_label = named(QLabel(), "restrictedNote")
        # one line that gives way (the tooltip keeps it whole) rather than widen the window
        self.restricted_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.restricted_label.hide()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.previous_button, self.this_week_button, self.next_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.restricted_label, 1)
        bar.addStretch()  # keeps the buttons at their width while the notice is hidden

        self.columns = [DayColumn() for _ in range(7)]
        week = QHBoxLayout()
        week.setContentsMargins(0, 0, 0, 0)
        week.setSpacing(6)
        for column in self.columns:
            column.open_student.connect(self.open_student)
            week.addWidget(column, 1)
        self.content_layout.addLayout(bar)
        self.content_layout.addLayout(week, 1)
        self.setStyleSheet(self.styleSheet() + _STYLE)

    # -- the week shown ------------------------------------------------------------------------

    def wanted_monday(self) -> date:
        return self.monday if self.monday is not None else week_of(self.clock())

    def move_weeks(self, weeks: int) -> None:
        self.monday = self.wanted_monday() + weeks * WEEK
        self.reload()

    def this_week(self) -> None:
        self.monday = None
        self.reload()

    # -- loading -------------------------------------------------------------------------------

    def fetch(self, ctx: Context) -> WeekCalendar:
        # The base class reloads through load_plan(); this is the same read, for a caller on
        # the GUI thread (it reads the page's choice when called).
        return self.load_plan()[0](ctx)

    def load_plan(self) -> tuple[Callable[[Context], WeekCalendar], Callable[[WeekCalendar], None]]:
        monday, today = self.wanted_monday(), self.clock()  # taken here, on the GUI thread
        return (lambda ctx: week_calendar(ctx, monday, today=today)), self.show_result

    def show_result(self, result: WeekCalendar) -> None:
        if result.monday != self.wanted_monday():
            return  # moved on while it loaded: the reload that move asked for follows
        self.week = result
        for column, (day, items) in zip(self.columns, result.days, strict=True):
            column.set_day(day, items, result.today)
        count = sum(len(items) for _day, items in result.days)
        overdue = sum(item.overdue for _day, items in result.days for item in items)
        sunday = result.monday + timedelta(days=6)
        text = fill(self.tr("%1 to %2"), result.monday.isoformat(), sunday.isoformat())
        text += " · " + fill(self.tr("%1 items"), count)
        if overdue:
            text += " · " + fill(self.tr("%1 overdue"), overdue)
        text += " · " + self.tr("Double-click an item to open the student's file")
        self.subtitle_label.setText(text)
        self.this_week_button.setEnabled(result.monday != week_of(result.today))
        notice = self.tr(
            "Your account sees follow-ups and notification tasks only; appointments and "
            "plan reviews are visible to counsellors."
        )
        self.restricted_label.setText(notice)
        self.restricted_label.setToolTip(notice)
        self.restricted_label.setVisible(result.restricted)

    def clear_content(self) -> None:
        self.week = None
        self.subtitle_label.clear()
        self.restricted_label.hide()
        self.this_week_button.setEnabled(True)
        for column in self.columns:
            column.clear()
