"""Overdue hospital feedback: the reminder fires exactly when due, on the dashboard and in the
转介 list alike.

The referrals are ORM rows written straight into the vault (state and dates as the referral
services leave them), so these tests hold whatever writes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from counselroom.services.areas import ReferralRow, referrals
from counselroom.services.context import Context
from counselroom.services.dashboard import DashboardItem, dashboard
from counselroom.services.policy import set_referral_policy
from counselroom.services.roles import Role
from counselroom.storage.models import Institution, Referral, Student
from vault_fixtures import account, make_vault

SENT = date(2026, 3, 2)
DAY = timedelta(days=1)
DUE = SENT + timedelta(days=14)  # the default policy


@dataclass
class Room:
    admin: Context
    counsellor: Context
    student_id: int
    institution_id: int


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    with admin.vault.write() as s:
        student = Student(name="张三", gender="M", grade_level=8, file_state="open", tier=2)
        hospital = Institution(kind="hospital", name="市精神卫生中心", department="儿少科")
        s.add_all([student, hospital])
        s.flush()
        ids = student.id, hospital.id
    try:
        yield Room(admin, counsellor, *ids)
    finally:
        admin.close()


def add_referral(r: Room, state: str, **dates: Any) -> int:
    values: dict[str, Any] = {"proposed_on": SENT - timedelta(days=10)}
    values.update(dates)
    with r.admin.vault.write() as s:
        row = Referral(
            student_id=r.student_id,
            institution_id=r.institution_id,
            reason="持续失眠两周，情绪低落",
            urgency="routine",
            state=state,
            created_by_id=r.counsellor.actor.user_id,
            **values,
        )
        s.add(row)
        s.flush()
        return row.id


def board_line(r: Room, referral_id: int, day: date) -> DashboardItem | None:
    lines = [
        i for i in dashboard(r.counsellor, day).referral_feedback if i.record_id == referral_id
    ]
    assert len(lines) <= 1
    return lines[0] if lines else None


def area_row(r: Room, referral_id: int, day: date) -> ReferralRow:
    (row,) = [row for row in referrals(r.counsellor, day) if row.id == referral_id]
    return row


AWAITING: list[tuple[str, dict[str, date]]] = [
    ("sent", {"sent_on": SENT}),
    ("seen", {"sent_on": SENT, "seen_on": SENT + 3 * DAY}),
]


@pytest.mark.parametrize(("state", "dates"), AWAITING, ids=[s for s, _ in AWAITING])
def test_due_on_the_day_overdue_the_day_after(
    room: Room, state: str, dates: dict[str, date]
) -> None:
    rid = add_referral(room, state, **dates)
    for day, overdue in ((DUE - DAY, False), (DUE, False), (DUE + DAY, True)):
        line = board_line(room, rid, day)
        assert line is not None, day
        assert (line.due, line.overdue, line.detail) == (DUE, overdue, state), day
        row = area_row(room, rid, day)
        assert (row.feedback_due, row.overdue) == (DUE, overdue), day


def test_overdue_goes_first_from_the_day_after(room: Room) -> None:
    """In the 转介 list an overdue referral goes before a waiting one sent earlier in the
    working order (a "seen" one lists after "sent" otherwise)."""
    seen = add_referral(room, "seen", sent_on=SENT, seen_on=SENT + DAY)
    sent = add_referral(room, "sent", sent_on=SENT + 5 * DAY)
    assert [r.id for r in referrals(room.counsellor, DUE)] == [sent, seen]
    assert [r.id for r in referrals(room.counsellor, DUE + DAY)] == [seen, sent]


ANSWERED: list[tuple[str, dict[str, date]]] = [
    ("feedback", {"sent_on": SENT, "seen_on": SENT + DAY, "feedback_on": SENT + 2 * DAY}),
    (
        "closed",
        {
            "sent_on": SENT,
            "seen_on": SENT + DAY,
            "feedback_on": SENT + 2 * DAY,
            "closed_on": SENT + 3 * DAY,
        },
    ),
    ("withdrawn", {"sent_on": SENT, "closed_on": SENT + DAY}),
    ("withdrawn", {"closed_on": SENT}),  # withdrawn before it was sent
    ("proposed", {}),
    ("consent_pending", {}),
    ("consent_given", {}),
    ("consent_refused", {}),
]


@pytest.mark.parametrize(
    ("state", "dates"), ANSWERED, ids=[f"{s}-{i}" for i, (s, _) in enumerate(ANSWERED)]
)
def test_no_reminder_unless_feedback_is_awaited(
    room: Room, state: str, dates: dict[str, date]
) -> None:
    rid = add_referral(room, state, **dates)
    for day in (DUE - DAY, DUE, DUE + DAY, DUE + 365 * DAY):
        assert board_line(room, rid, day) is None, day
        row = area_row(room, rid, day)  # the 转介 list still shows every referral
        assert (row.feedback_due, row.overdue) == (None, False), day


def test_a_changed_policy_moves_the_due_date(room: Room) -> None:
    rid = add_referral(room, "sent", sent_on=SENT)
    assert board_line(room, rid, SENT + 8 * DAY).overdue is False  # type: ignore[union-attr]
    set_referral_policy(room.admin, feedback_overdue_days=7, return_interval_days=7, return_count=4)
    due = SENT + 7 * DAY
    for day, overdue in ((due - DAY, False), (due, False), (due + DAY, True)):
        line = board_line(room, rid, day)
        assert line is not None and (line.due, line.overdue) == (due, overdue), day
        row = area_row(room, rid, day)
        assert (row.feedback_due, row.overdue) == (due, overdue), day
    set_referral_policy(
        room.admin, feedback_overdue_days=30, return_interval_days=7, return_count=4
    )
    assert board_line(room, rid, DUE + DAY).overdue is False  # type: ignore[union-attr]
    assert area_row(room, rid, SENT + 31 * DAY).overdue is True
