"""Follow-up around a leave: paused while away, closer for the first weeks after the return."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from counselroom.domain.policy import Policy, ReturnFollowUp
from counselroom.services.casework import change_tier
from counselroom.services.context import Context
from counselroom.services.counselling import SessionInput, record_session
from counselroom.services.dashboard import dashboard
from counselroom.services.follow_up import closer_follow_up
from counselroom.services.leave import ReturnInput, cancel_leave, record_return, start_leave
from counselroom.services.localtime import from_local, local_today
from counselroom.services.policy import set_referral_policy
from counselroom.services.roles import Role
from counselroom.storage.models import AuditEntry, ReturnRecord, Student
from vault_fixtures import account, make_vault

TODAY = local_today()
BACK = TODAY - timedelta(days=60)  # the return; its closer weeks are all in the past
START = BACK - timedelta(days=30)
WEEK = timedelta(days=7)


def week(n: int) -> date:
    """The day closing week ``n`` after the return (the default policy: weekly)."""
    return BACK + n * WEEK


@dataclass
class Room:
    admin: Context
    counsellor: Context
    student_id: int


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    admin, _code = make_vault(tmp_path / "vault")
    with admin.vault.write() as s:
        row = Student(
            name="张三", gender="M", grade_level=8, enrolled_on=TODAY - timedelta(days=800)
        )
        s.add(row)
        s.flush()
        sid = row.id
    try:
        yield Room(admin, account(admin, "lin", Role.COUNSELLOR, "林老师"), sid)
    finally:
        admin.close()


def next_follow_up(r: Room) -> date | None:
    with r.admin.vault.read() as s:
        row = s.get(Student, r.student_id)
        assert row is not None
        return row.next_follow_up


def raise_to(r: Room, tier: int, on: date = START - timedelta(days=20)) -> None:
    change_tier(
        r.counsellor,
        r.student_id,
        to_tier=tier,
        effective_on=on,
        reason="访谈中情绪低落",
        evidence_kind="interview",
        evidence="面询记录",
    )


def seen(r: Room, day: date) -> date | None:
    """A session at 09:00 Beijing time on ``day``; returns the next follow-up it leaves."""
    started = from_local(datetime.combine(day, time(9)))
    return record_session(
        r.counsellor, r.student_id, SessionInput(started, 40, "individual")
    ).next_follow_up


def leave(r: Room, start: date = START) -> int:
    return start_leave(
        r.counsellor, r.student_id, start_on=start, certificate="住院证明", reason="住院治疗"
    )


def come_back(r: Room, leave_id: int, back: date = BACK) -> int:
    return record_return(
        r.counsellor,
        leave_id,
        ReturnInput(
            returned_on=back,
            application_on=back - timedelta(days=4),
            meeting_on=back - timedelta(days=1),
            assessment="情绪稳定",
            return_plan="每周面谈",
            watchers="班主任、心理委员",
            session_frequency="每周一次",
            recovery_certificate="复学证明",
        ),
    )


def on_dashboard(r: Room, day: date) -> tuple[set[int], set[int]]:
    """Students on the follow-up list and on the never-followed list on ``day``."""
    board = dashboard(r.counsellor, day)
    return (
        {i.student_id for i in board.follow_ups},
        {i.student_id for i in board.never_followed},
    )


# -- the closer weeks -----------------------------------------------------------------------


def test_weekly_for_four_weeks_then_the_tiers_interval(room: Room) -> None:
    raise_to(room, 2)
    come_back(room, leave(room))
    assert next_follow_up(room) == week(1)
    assert seen(room, BACK) == week(1)  # the return day meets no week
    assert seen(room, week(1)) == week(2)
    assert seen(room, week(2)) == week(3)
    assert seen(room, week(3)) == week(4)
    # The closer period is over: tier 2's fourteen days from the last session again.
    assert seen(room, week(4)) == week(4) + timedelta(days=14)
    assert seen(room, week(4) + timedelta(days=3)) == week(4) + timedelta(days=17)


def test_a_session_in_week_one_moves_it_to_week_two(room: Room) -> None:
    raise_to(room, 1)
    come_back(room, leave(room))
    assert seen(room, BACK + timedelta(days=3)) == week(2)
    assert seen(room, week(1) + timedelta(days=1)) == week(3)  # a session in week 2
    assert seen(room, week(3) + timedelta(days=2)) is not None
    # Week 4 met: tier 1's thirty days from that session.
    assert next_follow_up(room) == week(3) + timedelta(days=32)


def test_the_tiers_date_wins_when_it_is_sooner(room: Room) -> None:
    raise_to(room, 3)  # weekly by tier
    come_back(room, leave(room))
    assert seen(room, BACK + timedelta(days=3)) == BACK + timedelta(days=10)  # not week(2)


def test_a_student_at_tier_zero_still_gets_the_closer_weeks(room: Room) -> None:
    come_back(room, leave(room))  # the leave opened his file
    assert next_follow_up(room) == week(1)
    for n in (1, 2, 3):
        assert seen(room, week(n)) == week(n + 1)
    assert seen(room, week(4)) is None  # tier 0 has no interval of its own


def test_the_return_restarts_the_tiers_count(room: Room) -> None:
    """A follow-up missed before the leave does not make the student overdue on his return."""
    raise_to(room, 1, on=START - timedelta(days=200))
    assert next_follow_up(room) == START - timedelta(days=170)  # long overdue
    come_back(room, leave(room))
    assert next_follow_up(room) == week(1)
    second = leave(room, start=week(1) + timedelta(days=1))
    come_back(room, second, back=TODAY - timedelta(days=1))
    assert next_follow_up(room) == TODAY + timedelta(days=6)  # the latest return counts


def test_policy_of_three_times_ten_days_is_followed(room: Room) -> None:
    set_referral_policy(
        room.admin, feedback_overdue_days=14, return_interval_days=10, return_count=3
    )
    raise_to(room, 2)
    return_id = come_back(room, leave(room))
    with room.admin.vault.read() as s:
        ret = s.get(ReturnRecord, return_id)
        assert ret is not None
        assert ret.close_follow_up_until == BACK + timedelta(days=30)
    ten = timedelta(days=10)
    assert next_follow_up(room) == BACK + ten
    assert seen(room, BACK + ten) == BACK + 2 * ten
    assert seen(room, BACK + 2 * ten) == BACK + 3 * ten
    assert seen(room, BACK + 3 * ten) == BACK + 3 * ten + timedelta(days=14)


def test_a_policy_change_reaches_a_return_under_way_within_its_period(room: Room) -> None:
    raise_to(room, 2)
    come_back(room, leave(room))  # default policy: closer weeks until BACK + 28
    assert next_follow_up(room) == week(1)
    set_referral_policy(
        room.admin, feedback_overdue_days=14, return_interval_days=10, return_count=3
    )
    assert next_follow_up(room) == BACK + timedelta(days=10)  # recomputed at once
    with room.admin.vault.read() as s:
        detail = s.scalar(
            select(AuditEntry.detail)
            .where(AuditEntry.action == "policy.update")
            .order_by(AuditEntry.seq.desc())
        )
    assert detail is not None and detail.endswith("; refreshed=1")
    assert seen(room, BACK + timedelta(days=10)) == BACK + timedelta(days=20)
    # BACK + 30 would be after the period the return fixed (BACK + 28): the tier's date.
    assert seen(room, BACK + timedelta(days=20)) == BACK + timedelta(days=34)


def test_closer_follow_up_rule() -> None:
    policy = Policy(return_follow_up=ReturnFollowUp(WEEK, 4))
    back, until = date(2026, 3, 2), date(2026, 3, 30)
    cases = {
        None: back + WEEK,
        back - timedelta(days=5): back + WEEK,
        back: back + WEEK,
        back + timedelta(days=1): back + 2 * WEEK,
        back + WEEK: back + 2 * WEEK,
        back + WEEK + timedelta(days=1): back + 3 * WEEK,
        back + 2 * WEEK + timedelta(days=1): back + 4 * WEEK,
        back + 3 * WEEK: back + 4 * WEEK,
        back + 3 * WEEK + timedelta(days=1): None,  # week 4 met: the closer weeks are over
        back + 4 * WEEK: None,
    }
    for contact, expected in cases.items():
        assert closer_follow_up(policy, back, until, contact) == expected, contact
    assert closer_follow_up(policy, back, back + 2 * WEEK, back + WEEK) == back + 2 * WEEK
    assert closer_follow_up(policy, back, back + 2 * WEEK, back + 2 * WEEK) is None
    assert closer_follow_up(policy, back, None, back + 3 * WEEK) == back + 4 * WEEK


# -- paused while on leave ------------------------------------------------------------------


def test_on_leave_no_follow_up_and_off_the_dashboard(room: Room) -> None:
    raise_to(room, 2)
    seen(room, START - timedelta(days=10))  # due START + 4, long overdue by today
    assert room.student_id in on_dashboard(room, TODAY)[0]
    leave(room, start=TODAY - timedelta(days=5))
    assert next_follow_up(room) is None
    assert room.student_id not in on_dashboard(room, TODAY)[0]
    # A home visit during the leave is recorded; follow-up stays paused.
    assert seen(room, TODAY - timedelta(days=2)) is None
    assert room.student_id not in on_dashboard(room, TODAY)[0]


def test_a_file_opened_by_a_leave_is_not_never_followed(room: Room) -> None:
    leave_id = leave(room, start=TODAY - timedelta(days=5))
    follow_ups, never = on_dashboard(room, TODAY)
    assert room.student_id not in follow_ups | never
    cancel_leave(room.counsellor, leave_id, reason="录入错误")  # in school after all
    assert room.student_id in on_dashboard(room, TODAY)[1]


def test_back_on_the_dashboard_when_the_first_week_is_due(room: Room) -> None:
    raise_to(room, 2, on=TODAY - timedelta(days=100))
    back = TODAY - timedelta(days=3)
    come_back(room, leave(room, start=TODAY - timedelta(days=40)), back=back)
    assert next_follow_up(room) == back + WEEK
    assert room.student_id not in on_dashboard(room, TODAY)[0]  # 4 days ahead
    assert room.student_id in on_dashboard(room, back + WEEK)[0]
