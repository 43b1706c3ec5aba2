"""转介 area: the state filter shows only the chosen rows and keeps overdue feedback first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from counselroom.services.areas import ReferralRow
from counselroom.services.context import Context
from counselroom.ui.areas import referrals_page as rp
from counselroom.ui.areas.codes import referral_state_label
from counselroom.ui.areas.referral_filter import ALL, AWAITING, OPEN, OVERDUE, STATE_STEPS
from counselroom.ui.areas.referrals_page import ReferralList, ReferralsPage

TODAY = date(2026, 11, 20)
translate = QCoreApplication.translate


@dataclass
class Stub:
    ctx: Context | None = None


def row(
    rid: int,
    name: str,
    state: str,
    *,
    due: date | None = None,
    overdue: bool = False,
    feedback_on: date | None = None,
) -> ReferralRow:
    return ReferralRow(
        id=rid,
        student_id=100 + rid,
        name=name,
        class_label="初一(3)班",
        institution="示范市精神卫生中心",
        urgency="routine",
        state=state,
        proposed_on=date(2026, 10, 1),
        sent_on=date(2026, 10, 2) if state in ("sent", "seen", "feedback", "closed") else None,
        seen_on=None,
        feedback_on=feedback_on,
        feedback_due=due,
        overdue=overdue,
    )


# The service's order: overdue feedback first, then by state.
ROWS = [
    row(1, "逾期甲", "sent", due=date(2026, 11, 10), overdue=True),
    row(2, "逾期乙", "seen", due=date(2026, 11, 15), overdue=True),
    row(3, "等待丙", "sent", due=date(2026, 11, 30)),
    row(4, "同意丁", "consent_given"),
    row(5, "提议戊", "proposed"),
    row(6, "反馈己", "feedback", feedback_on=date(2026, 11, 1)),
    row(7, "拒绝庚", "consent_refused"),
    row(8, "结束辛", "closed", feedback_on=date(2026, 10, 20)),
    row(9, "撤回壬", "withdrawn"),
]


def names(view: QTableView) -> list[str]:
    model = view.model()
    return [model.index(r, rp.COL_NAME).data() for r in range(model.rowCount())]


@pytest.fixture
def page(qtbot: QtBot) -> ReferralsPage:
    page = ReferralsPage(Stub(), clock=lambda: TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1366, 600)
    page.show_result(ReferralList(TODAY, ROWS))
    return page


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (ALL, [r.name for r in ROWS]),
        (OPEN, ["逾期甲", "逾期乙", "等待丙", "同意丁", "提议戊", "反馈己", "拒绝庚"]),
        (AWAITING, ["逾期甲", "逾期乙", "等待丙"]),
        (OVERDUE, ["逾期甲", "逾期乙"]),
        ("sent", ["逾期甲", "等待丙"]),
        ("consent_refused", ["拒绝庚"]),
        ("closed", ["结束辛"]),
    ],
)
def test_the_filter_shows_only_the_chosen_rows_in_the_service_order(
    page: ReferralsPage, choice: str, expected: list[str]
) -> None:
    page.choose(choice)
    assert page.choice == choice
    assert names(page.view) == expected


def test_every_state_is_offered_by_its_label(page: ReferralsPage) -> None:
    box = page.filter_box
    offered = [box.itemData(i) for i in range(box.count())]
    assert offered == [ALL, OPEN, AWAITING, OVERDUE, *STATE_STEPS]
    texts = [box.itemText(i) for i in range(4, box.count())]
    assert texts == [referral_state_label(code) for code in STATE_STEPS]
    for code in STATE_STEPS:  # each state alone: exactly the rows of that state
        page.choose(code)
        assert names(page.view) == [r.name for r in ROWS if r.state == code]


def test_a_state_without_rows_says_so_and_the_counts_say_what_is_shown(
    qtbot: QtBot, page: ReferralsPage
) -> None:
    page.show()
    page.choose("consent_pending")
    assert page.proxy.rowCount() == 0
    assert page.empty_label.isVisible() and not page.view.isVisible()
    assert page.empty_label.text() == translate("ReferralsPage", "No referral in this state.")
    page.choose(OVERDUE)
    assert page.view.isVisible() and not page.empty_label.isVisible()
    shown = translate("ReferralsPage", "%1 shown").replace("%1", "2")
    assert shown in page.subtitle_label.text()
    page.choose(ALL)
    assert shown not in page.subtitle_label.text()


def test_the_filter_stays_across_a_reload_and_sorting_still_works(page: ReferralsPage) -> None:
    page.choose(AWAITING)
    fresher = [*ROWS[2:], row(10, "新送丁", "sent", due=date(2026, 12, 1))]
    page.show_result(ReferralList(TODAY, fresher))
    assert page.choice == AWAITING
    assert names(page.view) == ["等待丙", "新送丁"]
    page.view.sortByColumn(rp.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert sorted(names(page.view), reverse=True) == names(page.view)
    assert set(names(page.view)) == {"等待丙", "新送丁"}
