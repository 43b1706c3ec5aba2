"""日程 (the week calendar), the dashboard's break-glass lines and the navigation's order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from casework_pages_support import (
    DEMO_TODAY,
    SignIn,
    Stub,
    column,
    double_click_row,
    load,
    make_demo_vault,
    sign_in_to,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.services import auth
from counselroom.services.calendar import CalendarItem, WeekCalendar
from counselroom.services.counselling import SessionInput, record_session
from counselroom.services.dashboard import Dashboard, DashboardItem
from counselroom.services.demo import COUNSELLOR_USERNAME, VIEWER_USERNAME
from counselroom.services.localtime import from_local, local_today
from counselroom.storage.base import utcnow
from counselroom.storage.models import Student
from counselroom.ui.areas.activities_page import ActivitiesPage
from counselroom.ui.areas.calendar_day import LINES_ROLE, DayColumn, item_lines, kind_label
from counselroom.ui.areas.calendar_page import CalendarPage
from counselroom.ui.areas.codes import recipient_label
from counselroom.ui.areas.dashboard_sections import COL_WHAT, what_text
from counselroom.ui.areas.ledgers_page import LedgersPage
from counselroom.ui.areas.table_kit import OVERDUE_COLOUR, overdue_marker
from counselroom.ui.dashboard_page import DashboardPage
from counselroom.ui.main_window import MainWindow
from counselroom.ui.pages import PAGES
from counselroom.ui.session import SessionHandle

if TYPE_CHECKING:
    from conftest import SampleVault

TODAY = date(2026, 3, 4)  # a Wednesday; the week runs from Monday 2 March
MONDAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_vault(tmp_path_factory)


@pytest.fixture
def demo_sign_in(demo_vault: Path) -> Iterator[SignIn]:
    yield from sign_in_to(demo_vault)


@pytest.fixture
def sample_sign_in(sample_vault: SampleVault) -> Iterator[SignIn]:
    yield from sign_in_to(sample_vault.folder, sample_vault.password)


def student_ids(handle: SessionHandle) -> dict[str, int]:
    with handle.require().vault.read() as session:
        return {name: sid for sid, name in session.execute(select(Student.id, Student.name))}


def calendar(qtbot: QtBot, handle: object, today: date = TODAY) -> CalendarPage:
    page = CalendarPage(handle, clock=lambda: today)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1180, 640)
    return page


def items_of(col: DayColumn) -> list[CalendarItem]:
    return list(col.model.items)


# -- the week --------------------------------------------------------------------------------


def test_follow_up_on_its_weekday_overdue_and_moving_between_weeks(
    qtbot: QtBot, sample_sign_in: SignIn
) -> None:
    handle = sample_sign_in("admin")
    ids = student_ids(handle)
    page = calendar(qtbot, handle)
    load(qtbot, page)
    assert [col.day for col in page.columns] == [MONDAY + timedelta(days=n) for n in range(7)]
    assert [col.is_today for col in page.columns] == [n == 2 for n in range(7)]
    # 张三 (tier 2) is due on Monday 2 March: shown there only, red, saying how late
    monday = page.columns[0]
    assert [(i.name, i.kind) for i in items_of(monday)] == [("张三", "follow_up")]
    assert all(not items_of(col) for col in page.columns[1:])
    card = monday.model.index(0)
    assert card.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    lines = card.data(LINES_ROLE)
    assert lines[0] == kind_label("follow_up") and lines[-1] == overdue_marker(2)
    assert "初二(3)班" in lines[1]
    assert not page.this_week_button.isEnabled()
    assert "2026-03-02" in page.subtitle_label.text()

    # the week before holds nothing; the one before that 王小明's follow-up on Friday 20
    # February, twelve days late
    load(qtbot, page, page.previous_button.click)
    assert page.columns[0].day == date(2026, 2, 23)
    assert all(not items_of(col) for col in page.columns)
    load(qtbot, page, page.previous_button.click)
    assert page.columns[0].day == date(2026, 2, 16)
    friday = page.columns[4]
    assert friday.day == date(2026, 2, 20)
    assert [i.name for i in items_of(friday)] == ["王小明"]
    assert friday.model.index(0).data(LINES_ROLE)[-1] == overdue_marker(12)
    assert not any(col.is_today for col in page.columns)
    assert page.this_week_button.isEnabled()

    # three weeks on: nothing (赵敏's April follow-up is paused: she is on leave)
    for _ in range(3):
        load(qtbot, page, page.next_button.click)
    assert page.columns[0].day == MONDAY + timedelta(days=7)
    assert all(not items_of(col) for col in page.columns)
    load(qtbot, page, page.this_week_button.click)
    assert page.columns[0].day == MONDAY

    # a double-click (as Enter: `activated`) opens the student's file
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.open_student) as blocker:
        double_click_row(qtbot, page.columns[0].view, 0)
    assert blocker.args == [ids["张三"]]
    view = page.columns[0].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(page.open_student) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [ids["张三"]]


def test_appointment_shows_its_local_time_on_its_day(qtbot: QtBot, sample_sign_in: SignIn) -> None:
    handle = sample_sign_in("admin")
    ids = student_ids(handle)
    today = local_today()
    monday = today - timedelta(days=today.weekday())
    thursday = monday + timedelta(days=3)
    appointment = from_local(datetime.combine(thursday + timedelta(days=7), datetime.min.time()))
    record_session(
        handle.require(),
        ids["李四"],
        SessionInput(
            started_at=utcnow() - timedelta(hours=1),
            duration_min=40,
            kind="individual",
            next_appointment=appointment + timedelta(hours=14, minutes=30),
        ),
    )
    page = calendar(qtbot, handle, today)
    load(qtbot, page)
    load(qtbot, page, page.next_button.click)
    found = [
        (col.day, col.model.index(row).data(LINES_ROLE)[0])
        for col in page.columns
        for row, item in enumerate(items_of(col))
        if item.name == "李四" and item.kind == "appointment"
    ]
    assert found == [(thursday + timedelta(days=7), f"14:30 {kind_label('appointment')}")]


def week(restricted: bool, per_day: int = 1) -> WeekCalendar:
    days = []
    for n in range(7):
        day = MONDAY + timedelta(days=n)
        items = tuple(
            CalendarItem(
                100 + i,
                f"学生{i}",
                "初一(1)班",
                i % 4,
                ("follow_up", "task", "appointment", "plan_review")[i % (2 if restricted else 4)],
                day,
                datetime(day.year, day.month, day.day, 1, 0) if i % 4 in (1, 2) else None,
                "head_teacher" if i % 4 == 1 else "",
                day < TODAY,
                i,
            )
            for i in range(per_day)
        )
        days.append((day, items))
    return WeekCalendar(MONDAY, TODAY, tuple(days), restricted)


def test_task_card_names_the_recipient_and_a_viewer_is_told_what_is_hidden(
    qtbot: QtBot,
) -> None:
    page = calendar(qtbot, Stub())
    page.monday = MONDAY
    page.show_result(week(restricted=True, per_day=2))
    task = page.columns[3].model.items[1]
    assert task.kind == "task"
    lines = item_lines(task, TODAY)
    assert lines[0] == f"09:00 {kind_label('task')}"  # 01:00 UTC is 09:00 in Beijing
    assert recipient_label("head_teacher") in lines[2]
    assert page.restricted_label.isVisibleTo(page) and page.restricted_label.text()
    page.show_result(week(restricted=False))
    assert not page.restricted_label.isVisibleTo(page)


def test_viewer_gets_follow_ups_and_tasks_with_the_notice(
    qtbot: QtBot, demo_sign_in: SignIn
) -> None:
    viewer = demo_sign_in(VIEWER_USERNAME)
    page = calendar(qtbot, viewer, DEMO_TODAY)
    load(qtbot, page)
    assert page.restricted_label.isVisibleTo(page)
    kinds = {item.kind for col in page.columns for item in items_of(col)}
    assert kinds <= {"follow_up", "task"}
    viewer.end()  # one window at a time may hold the vault
    counsellor = calendar(qtbot, demo_sign_in(COUNSELLOR_USERNAME), DEMO_TODAY)
    load(qtbot, counsellor)
    assert not counsellor.restricted_label.isVisibleTo(counsellor)
    assert {item.kind for col in counsellor.columns for item in items_of(col)} - kinds


def test_a_full_week_scrolls_inside_each_day_at_1366x768(qtbot: QtBot) -> None:
    page = calendar(qtbot, Stub())
    page.monday = MONDAY
    page.show()
    page.show_result(week(restricted=False, per_day=15))
    qtbot.waitExposed(page)
    # the page area of a 1366×768 window: it does not grow to hold the cards, each day scrolls
    assert page.height() == 640
    for col in page.columns:
        assert col.model.rowCount() == 15
        qtbot.waitUntil(lambda c=col: c.view.verticalScrollBar().maximum() > 0, timeout=2000)
        assert col.width() >= 140
    assert "105" in page.subtitle_label.text()


def test_clear_forgets_the_week(qtbot: QtBot) -> None:
    page = calendar(qtbot, Stub())
    page.monday = MONDAY
    page.show_result(week(restricted=True, per_day=3))
    page.clear()
    assert page.week is None and page.subtitle_label.text() == ""
    assert all(col.model.rowCount() == 0 and col.header.text() == "" for col in page.columns)
    assert not page.restricted_label.isVisibleTo(page)


# -- the dashboard's break-glass lines ---------------------------------------------------------


def test_break_glass_lines_say_whom_to_tell(qtbot: QtBot) -> None:
    lines = [
        DashboardItem(7, "张三", "初二(3)班", 3, "break_glass", role, TODAY, False, 41)
        for role in ("head_teacher", "guardian")
    ]
    texts = [what_text(item) for item in lines]
    assert recipient_label("head_teacher") in texts[0]
    assert recipient_label("guardian") in texts[1]
    task = DashboardItem(7, "张三", "初二(3)班", 3, "task", "head_teacher", TODAY, False, 41)
    assert texts[0] != what_text(task)  # not an ordinary notification task: it says why
    page = DashboardPage(Stub(), clock=lambda: TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.show_result(Dashboard(TODAY, (), (), tuple(lines), (), (), (), False))
    assert column(page.sections["tasks"].model, COL_WHAT) == texts


def test_dashboard_lists_a_risk_session_and_opens_the_file(
    qtbot: QtBot, sample_sign_in: SignIn
) -> None:
    handle = sample_sign_in("admin")
    ids = student_ids(handle)
    saved = record_session(
        handle.require(),
        ids["陈静"],
        SessionInput(
            started_at=utcnow() - timedelta(hours=2),
            duration_min=50,
            kind="crisis",
            risk_check="self_harm",
        ),
    )
    assert saved.break_glass_required
    page = DashboardPage(handle)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    load(qtbot, page)
    box = page.sections["tasks"]
    rows = [box.model.row_at(r) for r in range(box.model.rowCount())]
    glass = [(r.detail, r.record_id, r.student_id) for r in rows if r.kind == "break_glass"]
    assert sorted(glass) == [
        ("guardian", saved.session_id, ids["陈静"]),
        ("head_teacher", saved.session_id, ids["陈静"]),
    ]
    qtbot.waitExposed(page)
    row = next(r for r, item in enumerate(rows) if item.kind == "break_glass")
    with qtbot.waitSignal(page.open_student) as blocker:
        double_click_row(qtbot, box.view, row, COL_WHAT)
    assert blocker.args == [ids["陈静"]]


# -- navigation ------------------------------------------------------------------------------

ORDER = [
    "dashboard",
    "students",
    "calendar",
    "screening",
    "referrals",
    "ledgers",
    "transfers",
    "activities",
    "statistics",
    "settings",
    "audit",
]


def test_navigation_lists_the_pages_in_order(qtbot: QtBot, sample_vault: SampleVault) -> None:
    assert [spec.key for spec in PAGES] == ORDER
    ctx = auth.login(sample_vault.folder, "admin", sample_vault.password)
    main = MainWindow(SessionHandle(ctx))  # the window ends the session when it closes
    qtbot.addWidget(main)
    main.show()
    assert main.nav.keys() == ORDER
    shown = [main.nav.item(row).text() for row in range(main.nav.count())]
    assert shown == [spec.shown_title() for spec in PAGES]
    for key, kind in (
        ("calendar", CalendarPage),
        ("ledgers", LedgersPage),
        ("activities", ActivitiesPage),
    ):
        assert main.show_page(key)
        page = main.page(key)
        assert isinstance(page, kind)
        qtbot.waitUntil(lambda p=page: not p.loading, timeout=20_000)
        assert page.state_label.text() == ""  # loaded without an error
    dashboard = main.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    qtbot.waitUntil(lambda: not dashboard.loading, timeout=20_000)
