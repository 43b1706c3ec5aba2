"""The 工作台 page: six blocks that show exactly the service's lines, and open the file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from counselroom.services import auth
from counselroom.services.context import Context
from counselroom.services.dashboard import Dashboard, DashboardItem, dashboard
from counselroom.services.demo import (
    COUNSELLOR_USERNAME,
    DEMO_PASSWORD,
    VIEWER_USERNAME,
    create_demo_vault,
)
from counselroom.ui.areas.codes import interview_reason_label, recipient_label
from counselroom.ui.areas.dashboard_sections import (
    COL_DUE,
    COL_NAME,
    COL_STATE,
    COL_TIER,
    COL_WHAT,
    SectionBox,
)
from counselroom.ui.areas.table_kit import OVERDUE_COLOUR, overdue_marker
from counselroom.ui.dashboard_page import SECTIONS, DashboardPage
from counselroom.ui.labels import tier_short
from counselroom.ui.session import SessionHandle
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

TODAY = date(2026, 11, 20)
CLINICAL = {key for key, clinical in SECTIONS if clinical}


@dataclass
class Stub:
    """A session handle without a vault, for pages fed hand-made DTOs."""

    ctx: Context | None = None


def item(
    student_id: int,
    name: str,
    kind: str = "follow_up",
    detail: str = "tier1",
    due: date | None = TODAY,
    overdue: bool = False,
    tier: int = 1,
) -> DashboardItem:
    return DashboardItem(student_id, name, "初二(3)班", tier, kind, detail, due, overdue)


def sample(restricted: bool = False) -> Dashboard:
    return Dashboard(
        today=TODAY,
        follow_ups=(
            item(7, "张三", due=date(2026, 11, 17), overdue=True, tier=2),
            item(8, "李四", due=TODAY),
            item(9, "王五", due=date(2026, 11, 22)),
        ),
        never_followed=(),
        tasks=(item(3, "赵敏", "task", "guardian", date(2026, 11, 19), True, 3),),
        interviews=() if restricted else (item(4, "陈静", "interview", "item9", TODAY),),
        plan_reviews=() if restricted else (item(5, "刘洋", "plan_review", "v2", TODAY),),
        referral_feedback=(),
        restricted=restricted,
    )


def make_page(qtbot: QtBot, handle: object | None = None) -> DashboardPage:
    page = DashboardPage(handle or Stub(), clock=lambda: TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1366, 768)
    return page


def column(box: SectionBox, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    model = box.model
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def test_each_block_shows_exactly_the_service_lines(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    data = sample()
    page.show_result(data)
    for key, _clinical in SECTIONS:
        box = page.sections[key]
        items: tuple[DashboardItem, ...] = getattr(data, key)
        assert column(box, COL_NAME) == [i.name for i in items], key
        assert [box.model.row_at(r).student_id for r in range(len(items))] == [
            i.student_id for i in items
        ]
        assert f"({len(items)})" in box.title_label.text()
    follow = page.sections["follow_ups"]
    assert column(follow, COL_DUE) == ["2026-11-17", "2026-11-20", "2026-11-22"]
    assert column(follow, COL_TIER) == [tier_short(2), tier_short(1), tier_short(1)]
    assert "1" in follow.overdue_label.text()
    assert "2026年11月20日" in page.subtitle_label.text()


def test_overdue_lines_are_red_and_say_so_in_words(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.show_result(sample())
    follow = page.sections["follow_ups"]
    states = column(follow, COL_STATE)
    assert states[0] == overdue_marker(3)  # due 11-17, today 11-20
    assert all(overdue_marker() not in str(text) for text in states[1:])
    colours = column(follow, COL_NAME, Qt.ItemDataRole.ForegroundRole)
    assert colours[0] == OVERDUE_COLOUR and colours[1] is None and colours[2] is None
    assert follow.model.index(0, COL_STATE).data(Qt.ItemDataRole.FontRole).bold()
    tier_colour = follow.model.index(0, COL_TIER).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(tier_colour, QColor)  # the badge keeps the tier's colour
    tasks = page.sections["tasks"]
    assert column(tasks, COL_STATE) == [overdue_marker(1)]


def test_codes_are_shown_as_words(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.show_result(sample())
    task, interview = (column(page.sections[key], COL_WHAT)[0] for key in ("tasks", "interviews"))
    assert recipient_label("guardian") in str(task)
    assert interview == interview_reason_label("item9") != "item9"
    assert "2" in str(column(page.sections["plan_reviews"], COL_WHAT)[0])


def test_empty_block_says_nothing_to_do(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.show_result(sample())
    box = page.sections["never_followed"]
    assert box.model.rowCount() == 0
    assert box.stack.currentWidget() is box.empty_label
    assert box.empty_label.text() and not box.restricted
    assert "(0)" in box.title_label.text()


def test_restricted_dashboard_says_counsellors_only(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.show_result(sample(restricted=True))
    nothing = page.sections["never_followed"].empty_label.text()
    for key in CLINICAL:
        box = page.sections[key]
        assert box.restricted and box.stack.currentWidget() is box.empty_label
        assert box.empty_label.text() != nothing  # not "nothing to do"
        assert "(0)" not in box.title_label.text()
    assert page.sections["tasks"].model.rowCount() == 1  # required actions stay visible
    assert not page.sections["tasks"].restricted


def first_cell(view: QTableView) -> QModelIndex:
    return view.model().index(0, COL_NAME)


def double_click(qtbot: QtBot, view: QTableView, row: int) -> None:
    """A real double-click: QTest's sends only the second press, so click once before."""
    centre = view.visualRect(view.model().index(row, COL_NAME)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_double_click_and_enter_open_the_student(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.show()
    page.show_result(sample())
    qtbot.waitExposed(page)
    view = page.sections["follow_ups"].view
    qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(first_cell(view))))
    with qtbot.waitSignal(page.open_student) as blocker:
        double_click(qtbot, view, 1)
    assert blocker.args == [8]
    view.setFocus()
    view.setCurrentIndex(view.model().index(2, COL_NAME))
    with qtbot.waitSignal(page.open_student) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [9]


def test_clear_empties_every_block(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.show_result(sample())
    page.clear()
    assert page.dashboard is None and page.subtitle_label.text() == ""
    for box in page.sections.values():
        assert box.model.rowCount() == 0
        assert "(" not in box.title_label.text()


def test_reload_while_locked_does_nothing(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.reload()
    assert not page.loading


def test_interview_overdue_without_due_date_still_has_marker(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    data = replace(sample(), follow_ups=(item(1, "甲", due=None, overdue=True),))
    page.show_result(data)
    assert column(page.sections["follow_ups"], COL_STATE) == [overdue_marker()]


# -- on a demo school --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dashboard") / "vault"
    ctx, _code, _summary = create_demo_vault(
        folder, 200, seed=5, kdf=INSECURE_TEST_PARAMS, today=TODAY, profile="benchmark"
    )
    ctx.close()
    return folder


SignIn = Callable[[str], SessionHandle]


@pytest.fixture
def signed_in(demo_vault: Path) -> Iterator[SignIn]:
    handles: list[SessionHandle] = []

    def sign_in(user: str) -> SessionHandle:
        handle = SessionHandle(auth.login(demo_vault, user, DEMO_PASSWORD))
        handles.append(handle)
        return handle

    yield sign_in
    for handle in handles:
        handle.end()


def load(qtbot: QtBot, page: DashboardPage) -> None:
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        page.reload()
    assert page.state_label.text() == ""


def test_counsellor_dashboard_matches_the_service(qtbot: QtBot, signed_in: SignIn) -> None:
    handle = signed_in(COUNSELLOR_USERNAME)
    page = make_page(qtbot, handle)
    busy: list[bool] = []
    page.busy_changed.connect(busy.append)
    load(qtbot, page)
    assert busy == [True, False]  # the main window's busy bar
    expected = dashboard(handle.require(), TODAY)
    assert not expected.restricted
    assert sum(len(getattr(expected, key)) for key, _ in SECTIONS) > 0
    for key, _clinical in SECTIONS:
        box = page.sections[key]
        assert box.model.rows() == list(getattr(expected, key)), key
        assert not box.restricted


def test_viewer_dashboard_hides_clinical_blocks(qtbot: QtBot, signed_in: SignIn) -> None:
    handle = signed_in(VIEWER_USERNAME)
    page = make_page(qtbot, handle)
    load(qtbot, page)
    for key in CLINICAL:
        assert page.sections[key].restricted
    assert page.sections["tasks"].model.rows() == list(dashboard(handle.require(), TODAY).tasks)


def test_lock_clears_and_drops_a_late_result(qtbot: QtBot, signed_in: SignIn) -> None:
    handle = signed_in(COUNSELLOR_USERNAME)
    page = make_page(qtbot, handle)
    load(qtbot, page)
    assert any(box.model.rowCount() for box in page.sections.values())
    page.reload()
    assert page.loading
    handle.lock()  # waits for the read, then closes the vault; the page clears itself
    assert not page.loading
    qtbot.wait(100)  # the finished read's delivery is processed and dropped
    assert all(box.model.rowCount() == 0 for box in page.sections.values())
    page.reload()  # locked: nothing starts
    assert not page.loading
