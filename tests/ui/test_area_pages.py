"""筛查, 转介 and 统计: each page shows what its service returns, and a viewer gets a notice."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from counselroom.services import auth
from counselroom.services.areas import (
    ReferralRow,
    ScreeningBatchRow,
    referrals,
    screening_batches,
)
from counselroom.services.context import Context
from counselroom.services.demo import (
    COUNSELLOR_USERNAME,
    DEMO_PASSWORD,
    VIEWER_USERNAME,
    create_demo_vault,
)
from counselroom.services.statistics import TermStatistics, term_statistics
from counselroom.ui.areas import batch_list_model as sp
from counselroom.ui.areas import referrals_page as rp
from counselroom.ui.areas.codes import care_group_label, referral_state_label, urgency_label
from counselroom.ui.areas.page_base import LoadingPage
from counselroom.ui.areas.referrals_page import ReferralList, ReferralsPage
from counselroom.ui.areas.screening_page import ScreeningPage
from counselroom.ui.areas.statistics_models import COL_GROUP, COL_TIER, COL_TIER_STUDENTS
from counselroom.ui.areas.statistics_page import StatisticsPage
from counselroom.ui.areas.table_kit import OVERDUE_COLOUR, ROW_ROLE, overdue_marker
from counselroom.ui.labels import tier_short
from counselroom.ui.session import SessionHandle
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

TODAY = date(2026, 11, 20)


@dataclass
class Stub:
    ctx: Context | None = None


def shown(view: QTableView, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    model = view.model()
    return [model.index(r, column).data(role) for r in range(model.rowCount())]


# -- 筛查 --------------------------------------------------------------------------------------

BATCHES = [
    ScreeningBatchRow(3, "gad7", date(2026, 10, 9), "2026-2027学年第一学期", "9,12", 325, 37, 0, 1),
    ScreeningBatchRow(2, "phq9", date(2026, 10, 9), "2026-2027学年第一学期", "7,8", 964, 95, 26, 0),
    ScreeningBatchRow(1, "mht", date(2026, 3, 2), "2025-2026学年第二学期", "weird", 80, 8, 0, 4),
]


def screening(qtbot: QtBot, handle: object | None = None) -> ScreeningPage:
    page = ScreeningPage(handle or Stub())  # type: ignore[arg-type]
    qtbot.addWidget(page)
    return page


def test_screening_table_shows_every_batch(qtbot: QtBot) -> None:
    page = screening(qtbot)
    page.show_result(BATCHES)
    view = page.view
    assert shown(view, sp.COL_INSTRUMENT) == ["GAD-7", "PHQ-9", "MHT"]
    assert shown(view, sp.COL_DATE) == ["2026-10-09", "2026-10-09", "2026-03-02"]
    assert shown(view, sp.COL_GRADES) == ["初三、高三", "初一、初二", "weird"]
    assert shown(view, sp.COL_RESULTS) == ["325", "964", "80"]
    assert shown(view, sp.COL_FLAGGED) == ["37", "95", "8"]
    assert shown(view, sp.COL_ITEM9) == ["–", "26", "–"]  # item 9 is a PHQ-9 question
    assert shown(view, sp.COL_INVALID) == ["1", "0", "4"]
    assert not page.empty_label.isVisibleTo(page)


def batch_ids(view: QTableView) -> list[int]:
    rows = shown(view, 0, ROW_ROLE)
    assert all(isinstance(row, ScreeningBatchRow) for row in rows)
    return [row.id for row in rows if isinstance(row, ScreeningBatchRow)]


def test_screening_sorts_by_numbers_not_text(qtbot: QtBot) -> None:
    page = screening(qtbot)
    page.show_result(BATCHES)
    assert page.view.isSortingEnabled()
    page.view.sortByColumn(sp.COL_RESULTS, Qt.SortOrder.DescendingOrder)
    assert shown(page.view, sp.COL_RESULTS) == ["964", "325", "80"]  # as text "80" > "325"
    page.view.sortByColumn(sp.COL_DATE, Qt.SortOrder.AscendingOrder)
    ids = batch_ids(page.view)
    assert ids[0] == 1 and set(ids[1:]) == {2, 3}
    page.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the service's order
    assert batch_ids(page.view) == [3, 2, 1]


def test_screening_empty_state(qtbot: QtBot) -> None:
    page = screening(qtbot)
    page.show_result([])
    assert page.empty_label.isVisibleTo(page) and page.empty_label.text()
    assert not page.view.isVisibleTo(page)


# -- 转介 --------------------------------------------------------------------------------------


def referral(
    rid: int, student_id: int, name: str, state: str, due: date | None, overdue: bool
) -> ReferralRow:
    return ReferralRow(
        id=rid,
        student_id=student_id,
        name=name,
        class_label="初一(3)班",
        institution="示范市精神卫生中心",
        urgency="urgent" if overdue else "routine",
        state=state,
        proposed_on=date(2026, 10, 1),
        sent_on=date(2026, 10, 2) if state != "proposed" else None,
        seen_on=None,
        feedback_on=date(2026, 10, 20) if state == "feedback" else None,
        feedback_due=due,
        overdue=overdue,
    )


REFERRALS = [
    referral(1, 11, "孙斌豪", "sent", date(2026, 11, 16), True),
    referral(2, 12, "杨曦安", "seen", date(2026, 11, 22), False),
    referral(3, 13, "阳林", "feedback", None, False),
    referral(4, 14, "杨韵晓", "proposed", None, False),
]


def referrals_page(qtbot: QtBot, handle: object | None = None) -> ReferralsPage:
    page = ReferralsPage(handle or Stub(), clock=lambda: TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1366, 600)
    return page


def test_referrals_in_the_service_order_with_overdue_marker(qtbot: QtBot) -> None:
    page = referrals_page(qtbot)
    page.show_result(ReferralList(TODAY, REFERRALS))
    view = page.view
    assert shown(view, rp.COL_NAME) == [r.name for r in REFERRALS]
    assert shown(view, rp.COL_STATE) == [referral_state_label(r.state) for r in REFERRALS]
    assert shown(view, rp.COL_URGENCY)[:2] == [urgency_label("urgent"), urgency_label("routine")]
    assert shown(view, rp.COL_DUE) == ["2026-11-16", "2026-11-22", "", ""]
    assert shown(view, rp.COL_OVERDUE) == [overdue_marker(4), "", "", ""]
    colours = shown(view, rp.COL_NAME, Qt.ItemDataRole.ForegroundRole)
    assert colours == [OVERDUE_COLOUR, None, None, None]
    assert shown(view, rp.COL_SENT)[3] == ""  # a proposal not sent yet


def test_double_click_opens_the_student_even_after_sorting(qtbot: QtBot) -> None:
    page = referrals_page(qtbot)
    page.show()
    page.show_result(ReferralList(TODAY, REFERRALS))
    qtbot.waitExposed(page)
    view = page.view
    view.sortByColumn(rp.COL_NAME, Qt.SortOrder.DescendingOrder)
    row = shown(view, rp.COL_NAME).index("阳林")
    centre = view.visualRect(view.model().index(row, rp.COL_NAME)).center()
    with qtbot.waitSignal(page.open_student) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [13]


def test_referrals_empty_state(qtbot: QtBot) -> None:
    page = referrals_page(qtbot)
    page.show_result(ReferralList(TODAY, []))
    assert page.empty_label.isVisibleTo(page) and not page.view.isVisibleTo(page)


# -- 统计 --------------------------------------------------------------------------------------

STATS = TermStatistics(
    term_label="2026-2027学年第一学期",
    students=1000,
    open_files=300,
    closed_files=38,
    by_tier={0: 788, 1: 148, 2: 52, 3: 12},
    by_grade=(("初一", 167, 59), ("初二", 167, 42)),
    individual_sessions=2693,
    group_sessions=3,
    lectures=4,
    referrals_sent=87,
    screenings=1289,
    flagged=132,
    groups={"orphan": 3, "left_behind": 235, "some_new_code": 1},
    start=date(2026, 9, 1),
    end=date(2027, 1, 31),
)


def statistics_page(qtbot: QtBot, handle: object | None = None) -> StatisticsPage:
    page = StatisticsPage(handle or Stub(), clock=lambda: TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    return page


def test_statistics_figures_and_tables(qtbot: QtBot) -> None:
    page = statistics_page(qtbot)
    page.show_result(STATS)
    assert "2026-2027学年第一学期" in page.subtitle_label.text()
    values = {key: figure.value_label.text() for key, figure in page.figures.items()}
    assert values == {
        "individual_sessions": "2693",
        "group_sessions": "3",
        "lectures": "4",
        "referrals_sent": "87",
        "screenings": "1289",
        "flagged": "132",
        "closed_files": "38",
        "students": "1000",
        "open_files": "300",
    }
    assert shown(page.tier_view, COL_TIER) == [tier_short(t) for t in range(4)]
    assert shown(page.tier_view, COL_TIER_STUDENTS) == ["788", "148", "52", "12"]
    assert shown(page.grade_view, 0) == ["初一", "初二"]
    # care groups in the domain's order, labelled; an unknown code is kept, not dropped
    assert shown(page.group_view, COL_GROUP) == [
        care_group_label("left_behind"),
        care_group_label("orphan"),
        "some_new_code",
    ]
    assert shown(page.group_view, 1) == ["235", "3", "1"]


# -- clear() -----------------------------------------------------------------------------------


def test_clear_empties_every_table(qtbot: QtBot) -> None:
    screen, refs, stats = screening(qtbot), referrals_page(qtbot), statistics_page(qtbot)
    screen.show_result(BATCHES)
    refs.show_result(ReferralList(TODAY, REFERRALS))
    stats.show_result(STATS)
    for page in (screen, refs, stats):
        page.clear()
        assert page.subtitle_label.text() == ""
    assert screen.model.rowCount() == 0 and refs.model.rowCount() == 0
    for model in (stats.tier_model, stats.grade_model, stats.group_model):
        assert model.rowCount() == 0
    assert all(f.value_label.text() == "–" for f in stats.figures.values())


# -- on a demo school --------------------------------------------------------------------------

SignIn = Callable[[str], SessionHandle]


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("areas") / "vault"
    ctx, _code, _summary = create_demo_vault(
        folder, 200, seed=5, kdf=INSECURE_TEST_PARAMS, today=TODAY, profile="benchmark"
    )
    ctx.close()
    return folder


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


def load(qtbot: QtBot, page: LoadingPage) -> None:
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        page.reload()
    assert page.state_label.text() == ""


def test_counsellor_sees_the_vaults_lists(qtbot: QtBot, signed_in: SignIn) -> None:
    handle = signed_in(COUNSELLOR_USERNAME)
    ctx = handle.require()
    screen, refs, stats = (
        screening(qtbot, handle),
        referrals_page(qtbot, handle),
        statistics_page(qtbot, handle),
    )
    for page in (screen, refs, stats):
        load(qtbot, page)
        assert not page.notice_label.isVisibleTo(page)
    batches = screening_batches(ctx)
    assert batches and screen.model.rows() == batches
    expected = referrals(ctx, TODAY)
    assert expected and refs.model.rows() == expected
    assert shown(refs.view, rp.COL_NAME) == [r.name for r in expected]
    overdue = [r for r in expected if r.overdue]
    assert shown(refs.view, rp.COL_OVERDUE)[: len(overdue)] == [
        overdue_marker((TODAY - r.feedback_due).days) for r in overdue if r.feedback_due
    ]
    assert stats.statistics == term_statistics(ctx, TODAY)


def test_viewer_gets_notices_not_data(qtbot: QtBot, signed_in: SignIn) -> None:
    handle = signed_in(VIEWER_USERNAME)
    screen, refs = screening(qtbot, handle), referrals_page(qtbot, handle)
    for page in (screen, refs):
        page.show()
        load(qtbot, page)
        assert page.notice_label.isVisible() and page.notice_label.text()
        assert not page.content.isVisible()
        assert page.model.rowCount() == 0
    stats = statistics_page(qtbot, handle)  # aggregates only: a viewer may see them
    load(qtbot, stats)
    assert not stats.notice_label.isVisibleTo(stats)
    assert stats.statistics is not None and stats.statistics.students == 200
