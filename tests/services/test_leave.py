"""休学 and 复学: every rule of start, return and cancel; a refusal changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services.casework import change_tier
from counselroom.services.context import Context
from counselroom.services.leave import (
    CANCELLED_MARK,
    ReturnInput,
    cancel_leave,
    record_return,
    start_leave,
)
from counselroom.services.localtime import local_today
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.students import show_student
from counselroom.storage.base import Base
from counselroom.storage.models import AuditEntry, Leave, ReturnRecord, Student
from vault_fixtures import account, make_vault

TODAY = local_today()
ENROLLED = TODAY - timedelta(days=400)
START = TODAY - timedelta(days=40)
BACK = TODAY - timedelta(days=10)
DAY = timedelta(days=1)

RETURN = ReturnInput(
    returned_on=BACK,
    application_on=BACK - timedelta(days=5),
    meeting_on=BACK - timedelta(days=2),
    assessment="情绪稳定，睡眠恢复",
    return_plan="每周面谈一次，班主任每日观察",
    watchers="王班主任、心理委员李同学",
    session_frequency="每周一次",
    recovery_certificate="市精神卫生中心 复学证明 2026-118 号",
)


@dataclass
class Room:
    admin: Context
    counsellor: Context
    viewer: Context
    student_id: int


def _student(ctx: Context, **kw: Any) -> int:
    with ctx.vault.write() as s:
        row = Student(name="张三", gender="M", grade_level=8, enrolled_on=ENROLLED, **kw)
        s.add(row)
        s.flush()
        return row.id


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    admin, _code = make_vault(tmp_path / "vault")
    try:
        yield Room(
            admin,
            account(admin, "lin", Role.COUNSELLOR, "林老师"),
            account(admin, "ban", Role.VIEWER, "王班主任"),
            _student(admin),
        )
    finally:
        admin.close()


MODELS: tuple[type[Base], ...] = (Student, Leave, ReturnRecord)


def snapshot(r: Room) -> tuple[Any, ...]:
    """Every row of every table these services write, and the audit length."""
    with r.admin.vault.read() as s:
        tables = tuple(
            tuple(tuple(row) for row in s.execute(select(m.__table__).order_by(m.id)))  # type: ignore[attr-defined]
            for m in MODELS
        )
        return tables, s.scalar(select(func.count()).select_from(AuditEntry))


def student(r: Room) -> Student:
    with r.admin.vault.read() as s:
        row = s.get(Student, r.student_id)
        assert row is not None
        s.expunge(row)
        return row


def leave_row(r: Room, leave_id: int) -> Leave:
    with r.admin.vault.read() as s:
        row = s.get(Leave, leave_id)
        assert row is not None
        s.expunge(row)
        return row


def audits(r: Room, action: str) -> list[tuple[str | None, str | None]]:
    with r.admin.vault.read() as s:
        rows = s.execute(
            select(AuditEntry.target, AuditEntry.detail)
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.seq)
        )
        return [(t, d) for t, d in rows]


def set_student(r: Room, **values: Any) -> None:
    with r.admin.vault.write() as s:
        row = s.get(Student, r.student_id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)


def raise_to_two(r: Room, on: date = START - timedelta(days=20)) -> None:
    change_tier(
        r.counsellor,
        r.student_id,
        to_tier=2,
        effective_on=on,
        reason="访谈中情绪低落",
        evidence_kind="interview",
        evidence="面询记录",
    )


def go_on_leave(r: Room, **kw: Any) -> int:
    args: dict[str, Any] = {
        "start_on": START,
        "certificate": "市精神卫生中心 诊断证明 2026-031 号",
        "reason": "住院治疗",
        "expected_return_on": START + timedelta(days=30),
    }
    args.update(kw)
    return start_leave(r.counsellor, r.student_id, **args)


# -- start ----------------------------------------------------------------------------------


def test_start_pauses_follow_up_and_audits_ids_only(room: Room) -> None:
    raise_to_two(room)
    assert student(room).next_follow_up == START - timedelta(days=20) + timedelta(days=14)
    leave_id = go_on_leave(room)
    leave = leave_row(room, leave_id)
    assert (leave.state, leave.start_on, leave.expected_return_on) == (
        "on_leave",
        START,
        START + timedelta(days=30),
    )
    assert leave.certificate == "市精神卫生中心 诊断证明 2026-031 号"
    assert leave.reason == "住院治疗"
    assert leave.created_by_id == room.counsellor.actor.user_id
    s = student(room)
    assert (s.status, s.file_state, s.next_follow_up) == ("on_leave", "open", None)
    assert audits(room, "leave.start") == [(f"student:{room.student_id}", f"leave={leave_id}")]


def test_start_opens_a_file_the_student_lacks(room: Room) -> None:
    assert student(room).file_state == "none"
    leave_id = go_on_leave(room, expected_return_on=None, certificate="  县医院 证明  ")
    s = student(room)
    assert (s.file_state, s.keeper_id, s.next_follow_up) == (
        "open",
        room.counsellor.actor.user_id,
        None,
    )
    assert leave_row(room, leave_id).certificate == "县医院 证明"  # stripped
    assert leave_row(room, leave_id).expected_return_on is None
    assert audits(room, "leave.start")[0][1] == f"leave={leave_id} file=opened"


BAD_STARTS: list[tuple[str, dict[str, Any]]] = [
    ("certificate", {"certificate": "  "}),
    ("certificate", {"certificate": None}),
    ("reason", {"reason": ""}),
    ("start_on", {"start_on": TODAY + DAY}),
    ("start_on", {"start_on": START.isoformat()}),
    ("start_on", {"start_on": datetime(2026, 1, 5, 8)}),
    ("start_on", {"start_on": ENROLLED - DAY}),
    ("expected_return_on", {"expected_return_on": START}),
    ("expected_return_on", {"expected_return_on": START - DAY}),
    ("expected_return_on", {"expected_return_on": "2027-01-01"}),
]


@pytest.mark.parametrize(
    ("field", "change"), BAD_STARTS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_STARTS)]
)
def test_bad_start_is_named_and_nothing_saved(
    room: Room, field: str, change: dict[str, Any]
) -> None:
    raise_to_two(room)
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        go_on_leave(room, **change)
    assert caught.value.field == field
    assert snapshot(room) == shot


def test_a_second_leave_names_the_first(room: Room) -> None:
    go_on_leave(room)
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        go_on_leave(room, start_on=TODAY, expected_return_on=None)
    assert caught.value.record == f"student {room.student_id}"
    assert f"already on leave since {START.isoformat()}" in caught.value.message
    assert snapshot(room) == shot


@pytest.mark.parametrize("status", ["transferred", "graduated"])
def test_only_an_enrolled_student_goes_on_leave(room: Room, status: str) -> None:
    set_student(room, status=status)
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        go_on_leave(room)
    assert status in caught.value.message
    assert snapshot(room) == shot


def test_unknown_student_is_refused(room: Room) -> None:
    shot = snapshot(room)
    with pytest.raises(CounselRoomError, match="no student with id 9999"):
        start_leave(room.counsellor, 9999, start_on=START, certificate="证明", reason="住院")
    assert snapshot(room) == shot


def test_a_new_leave_cannot_start_before_the_last_return(room: Room) -> None:
    record_return(room.counsellor, go_on_leave(room), RETURN)
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        go_on_leave(room, start_on=BACK - DAY, expected_return_on=None)
    assert caught.value.field == "start_on"
    assert BACK.isoformat() in caught.value.message
    assert snapshot(room) == shot
    second = go_on_leave(room, start_on=BACK + DAY, expected_return_on=None)
    assert leave_row(room, second).state == "on_leave"


def test_a_cancelled_leave_does_not_bound_the_next(room: Room) -> None:
    cancel_leave(
        room.counsellor,
        go_on_leave(room, start_on=BACK, expected_return_on=None),
        reason="学生不是本人",
    )
    again = go_on_leave(room, start_on=START)  # before the cancelled one: it never happened
    assert leave_row(room, again).state == "on_leave"


# -- return ---------------------------------------------------------------------------------


def test_return_resumes_closer_follow_up(room: Room) -> None:
    raise_to_two(room)
    leave_id = go_on_leave(room)
    return_id = record_return(room.counsellor, leave_id, RETURN)
    with room.admin.vault.read() as s:
        ret = s.get(ReturnRecord, return_id)
        assert ret is not None
        assert (ret.leave_id, ret.returned_on, ret.application_on, ret.meeting_on) == (
            leave_id,
            BACK,
            RETURN.application_on,
            RETURN.meeting_on,
        )
        assert (ret.assessment, ret.return_plan, ret.watchers, ret.session_frequency) == (
            RETURN.assessment,
            RETURN.return_plan,
            RETURN.watchers,
            RETURN.session_frequency,
        )
        assert ret.recovery_certificate == RETURN.recovery_certificate
        assert ret.missing_certificate_reason is None
        assert ret.close_follow_up_until == BACK + timedelta(days=28)
        assert ret.created_by_id == room.counsellor.actor.user_id
    assert leave_row(room, leave_id).state == "returned"
    back = student(room)
    # Weekly for the first weeks: a week after the return, not the tier's 14 days.
    assert (back.status, back.next_follow_up) == ("enrolled", BACK + timedelta(days=7))
    assert audits(room, "leave.return") == [
        (f"student:{room.student_id}", f"leave={leave_id} return={return_id} certificate=yes")
    ]


def test_return_without_certificate_needs_the_reason(room: Room) -> None:
    leave_id = go_on_leave(room)
    shot = snapshot(room)
    without = replace(RETURN, recovery_certificate="   ")
    with pytest.raises(ValidationError) as caught:
        record_return(room.counsellor, leave_id, without)
    assert caught.value.field == "recovery_certificate"
    assert "missing_certificate_reason" in caught.value.message
    assert snapshot(room) == shot
    reason = "医院只出具口头意见，家长签署说明"
    return_id = record_return(
        room.counsellor, leave_id, replace(without, missing_certificate_reason=reason)
    )
    with room.admin.vault.read() as s:
        ret = s.get(ReturnRecord, return_id)
        assert ret is not None
        assert (ret.recovery_certificate, ret.missing_certificate_reason) == (None, reason)
    assert audits(room, "leave.return")[0][1].endswith("certificate=no")  # type: ignore[union-attr]


BAD_RETURNS: list[tuple[str, dict[str, Any]]] = [
    ("returned_on", {"returned_on": TODAY + DAY}),
    ("returned_on", {"returned_on": BACK.isoformat()}),
    ("application_on", {"application_on": RETURN.meeting_on + DAY}),
    ("application_on", {"application_on": START - DAY}),  # before the leave started
    ("application_on", {"application_on": None}),
    ("meeting_on", {"meeting_on": BACK + DAY}),
    ("meeting_on", {"meeting_on": datetime(2026, 1, 5, 9)}),
    ("assessment", {"assessment": " "}),
    ("return_plan", {"return_plan": ""}),
    ("watchers", {"watchers": None}),
    ("session_frequency", {"session_frequency": "\n"}),
    ("missing_certificate_reason", {"missing_certificate_reason": "另有说明"}),
    ("recovery_certificate", {"recovery_certificate": None}),
    ("recovery_certificate", {"recovery_certificate": "证明\x00"}),
]


@pytest.mark.parametrize(
    ("field", "change"), BAD_RETURNS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_RETURNS)]
)
def test_bad_return_is_named_and_nothing_saved(
    room: Room, field: str, change: dict[str, Any]
) -> None:
    leave_id = go_on_leave(room)
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        record_return(room.counsellor, leave_id, replace(RETURN, **change))
    assert caught.value.field == field
    assert snapshot(room) == shot


def test_return_dates_before_the_leave_name_both_dates(room: Room) -> None:
    leave_id = go_on_leave(room, start_on=BACK - DAY, expected_return_on=None)
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        record_return(room.counsellor, leave_id, RETURN)  # applied 5 days before BACK
    assert caught.value.field == "application_on"
    assert RETURN.application_on.isoformat() in caught.value.message
    assert (BACK - DAY).isoformat() in caught.value.message
    assert snapshot(room) == shot


def test_the_day_order_is_application_meeting_return(room: Room) -> None:
    """All three on one day is allowed: a family may apply at the meeting itself."""
    leave_id = go_on_leave(room)
    same = replace(RETURN, application_on=BACK, meeting_on=BACK)
    record_return(room.counsellor, leave_id, same)
    assert leave_row(room, leave_id).state == "returned"


def test_return_input_must_be_a_return_input(room: Room) -> None:
    leave_id = go_on_leave(room)
    shot = snapshot(room)
    with pytest.raises(ValidationError):
        record_return(room.counsellor, leave_id, vars(RETURN))  # type: ignore[arg-type]
    assert snapshot(room) == shot


def test_a_leave_ends_once(room: Room) -> None:
    leave_id = go_on_leave(room)
    record_return(room.counsellor, leave_id, RETURN)
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        record_return(room.counsellor, leave_id, RETURN)
    assert caught.value.record == f"leave {leave_id}"
    assert "its return was recorded" in caught.value.message
    with pytest.raises(ValidationError, match="its return was recorded"):
        cancel_leave(room.counsellor, leave_id, reason="录入错误")
    assert snapshot(room) == shot


def test_a_cancelled_leave_has_no_return(room: Room) -> None:
    leave_id = go_on_leave(room)
    cancel_leave(room.counsellor, leave_id, reason="录入错误")
    shot = snapshot(room)
    with pytest.raises(ValidationError, match="it was cancelled"):
        record_return(room.counsellor, leave_id, RETURN)
    with pytest.raises(ValidationError, match="it was cancelled"):
        cancel_leave(room.counsellor, leave_id, reason="再次撤销")
    assert snapshot(room) == shot


def test_unknown_leave_is_named(room: Room) -> None:
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        record_return(room.counsellor, 77, RETURN)
    assert caught.value.record == "leave 77"
    with pytest.raises(ValidationError) as caught:
        cancel_leave(room.counsellor, 77, reason="录入错误")
    assert caught.value.record == "leave 77"
    assert snapshot(room) == shot


# -- cancel ---------------------------------------------------------------------------------


def test_cancel_restores_status_and_follow_up_and_keeps_the_reason(room: Room) -> None:
    raise_to_two(room)
    before = student(room).next_follow_up
    leave_id = go_on_leave(room)
    cancel_leave(room.counsellor, leave_id, reason="  选错了学生  ")
    leave = leave_row(room, leave_id)
    assert leave.state == "cancelled"
    mark = CANCELLED_MARK.format(day=TODAY.isoformat())
    assert leave.reason == f"住院治疗\n{mark}选错了学生"
    s = student(room)
    assert (s.status, s.next_follow_up) == ("enrolled", before)  # as if never entered
    assert audits(room, "leave.cancel") == [(f"student:{room.student_id}", f"leave={leave_id}")]


def test_cancel_needs_a_reason(room: Room) -> None:
    leave_id = go_on_leave(room)
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        cancel_leave(room.counsellor, leave_id, reason=" ")
    assert caught.value.field == "reason"
    assert snapshot(room) == shot


# -- closed files and roles -----------------------------------------------------------------


def test_closed_file_takes_no_leave_work(room: Room) -> None:
    leave_id = go_on_leave(room)
    set_student(room, file_state="closed")
    shot = snapshot(room)
    calls = (
        lambda: record_return(room.counsellor, leave_id, RETURN),
        lambda: cancel_leave(room.counsellor, leave_id, reason="录入错误"),
    )
    for call in calls:
        with pytest.raises(ValidationError, match="closed") as caught:
            call()
        assert caught.value.record == f"student {room.student_id}"
    assert snapshot(room) == shot
    set_student(room, status="enrolled")
    shot = snapshot(room)
    with pytest.raises(ValidationError, match="closed"):
        go_on_leave(room, start_on=TODAY, expected_return_on=None)
    assert snapshot(room) == shot


def test_viewer_is_refused_in_the_service(room: Room) -> None:
    leave_id = go_on_leave(room)
    shot = snapshot(room)
    with pytest.raises(PermissionDenied):
        start_leave(room.viewer, room.student_id, start_on=START, certificate="证", reason="病")
    with pytest.raises(PermissionDenied):
        record_return(room.viewer, leave_id, RETURN)
    with pytest.raises(PermissionDenied):
        cancel_leave(room.viewer, leave_id, reason="录入错误")
    assert snapshot(room) == shot


# -- one student through every step ---------------------------------------------------------


def test_status_and_follow_up_after_each_step(room: Room) -> None:
    raise_to_two(room)
    tier_due = START - timedelta(days=20) + timedelta(days=14)
    steps: list[tuple[str, date | None]] = [("enrolled", tier_due)]
    first = go_on_leave(room)
    steps.append((student(room).status, student(room).next_follow_up))
    cancel_leave(room.counsellor, first, reason="日期录错")
    steps.append((student(room).status, student(room).next_follow_up))
    second = go_on_leave(room, start_on=START + DAY)
    steps.append((student(room).status, student(room).next_follow_up))
    record_return(room.counsellor, second, RETURN)
    steps.append((student(room).status, student(room).next_follow_up))
    third = go_on_leave(room, start_on=TODAY, expected_return_on=None)
    steps.append((student(room).status, student(room).next_follow_up))
    assert steps == [
        ("enrolled", tier_due),
        ("on_leave", None),
        ("enrolled", tier_due),
        ("on_leave", None),
        ("enrolled", BACK + timedelta(days=7)),
        ("on_leave", None),
    ]
    assert [leave_row(room, i).state for i in (first, second, third)] == [
        "cancelled",
        "returned",
        "on_leave",
    ]


# -- student show ---------------------------------------------------------------------------


def test_student_show_ends_the_leave_on_the_day_he_came_back(room: Room) -> None:
    """`student show`'s leave "to": the expected day while away, the actual day once back."""
    leave_id = go_on_leave(room)
    away = show_student(room.counsellor, str(room.student_id)).leave
    assert away is not None
    assert (away.state, away.start, away.end) == ("on_leave", START, START + 30 * DAY)
    record_return(room.counsellor, leave_id, RETURN)
    back = show_student(room.counsellor, str(room.student_id)).leave
    assert back is not None and (back.state, back.end) == ("returned", BACK)
