"""Counselling sessions: checks, editing while fresh, signing, amendments and the lock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from counselroom.domain.errors import CounselRoomError, StaleRecordError, ValidationError
from counselroom.services.casework import change_tier
from counselroom.services.context import Context
from counselroom.services.counselling import (
    LOCK_AFTER,
    SessionInput,
    amend_session,
    edit_session,
    is_locked,
    record_session,
    sign_session,
)
from counselroom.services.localtime import local_date, local_today
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.student_file import student_sessions
from counselroom.storage.base import Base, utcnow
from counselroom.storage.models import (
    AuditEntry,
    BreakGlassRecord,
    CounsellingSession,
    SessionAmendment,
    Student,
)
from vault_fixtures import account, make_vault

NOW = (utcnow() - timedelta(days=3)).replace(second=0, microsecond=0)
STARTED = NOW - timedelta(hours=1)
ENROLLED = date(2024, 9, 1)
BIRTH = date(2012, 3, 4)
HOUR = timedelta(hours=1)
OK = SessionInput(
    started_at=STARTED,
    duration_min=45,
    kind="individual",
    participants="学生本人",
    presenting="考试前失眠",
    observation="语速慢",
    assessment="焦虑情绪",
    plan_text="下周复谈",
)


@dataclass
class Room:
    admin: Context
    counsellor: Context
    other: Context  # a second counsellor
    viewer: Context
    student_id: int


def _student(ctx: Context, **kw: Any) -> int:
    with ctx.vault.write() as s:
        row = Student(name="张三", gender="M", grade_level=8, **kw)
        s.add(row)
        s.flush()
        return row.id


def _room(tmp_path: Path) -> Iterator[Room]:
    admin, _code = make_vault(tmp_path / "vault")
    lin = account(admin, "lin", Role.COUNSELLOR, "林老师")
    wang = account(admin, "wang", Role.COUNSELLOR, "王老师")
    ban = account(admin, "ban", Role.VIEWER, "王班主任")
    try:
        yield Room(
            admin,
            lin,
            wang,
            ban,
            _student(admin, enrolled_on=ENROLLED, birth_date=BIRTH),
        )
    finally:
        admin.close()


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    yield from _room(tmp_path)


MODELS: tuple[type[Base], ...] = (Student, CounsellingSession, SessionAmendment, BreakGlassRecord)


def snapshot(r: Room) -> tuple[Any, ...]:
    """Every row of every table these services write, and the audit length."""
    with r.admin.vault.read() as s:
        tables = tuple(
            tuple(tuple(row) for row in s.execute(select(m.__table__).order_by(m.id)))  # type: ignore[attr-defined]
            for m in MODELS
        )
        return tables, s.scalar(select(func.count()).select_from(AuditEntry))


def row_of(r: Room, session_id: int) -> tuple[Any, ...]:
    with r.admin.vault.read() as s:
        found = s.execute(
            select(CounsellingSession.__table__).where(CounsellingSession.id == session_id)
        ).one()
        return tuple(found)


def session_row(r: Room, session_id: int) -> CounsellingSession:
    with r.admin.vault.read() as s:
        row = s.get(CounsellingSession, session_id)
        assert row is not None
        s.expunge(row)
        return row


def student(r: Room, sid: int | None = None) -> Student:
    with r.admin.vault.read() as s:
        row = s.get(Student, sid or r.student_id)
        assert row is not None
        s.expunge(row)
        return row


def audits(r: Room, action: str) -> list[tuple[str | None, str | None]]:
    with r.admin.vault.read() as s:
        return [
            (t, d)
            for t, d in s.execute(
                select(AuditEntry.target, AuditEntry.detail)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.seq)
            )
        ]


def record(r: Room, data: SessionInput | None = None, *, now: datetime = NOW) -> int:
    """A session by the counsellor written at ``now`` (by default started an hour before)."""
    data = data or replace(OK, started_at=now - HOUR)
    return record_session(r.counsellor, r.student_id, data, now=now).session_id


def token(r: Room, session_id: int) -> datetime:
    row = session_row(r, session_id)
    return row.updated_at or row.created_at


# -- recording ------------------------------------------------------------------------------


def test_record_opens_the_file_and_audits_codes_only(room: Room) -> None:
    saved = record_session(room.counsellor, room.student_id, OK, now=NOW)
    assert not saved.break_glass_required
    assert saved.next_follow_up is None  # tier 0 has no interval and there is no appointment
    row = session_row(room, saved.session_id)
    assert (row.student_id, row.counsellor_id, row.created_at) == (
        room.student_id,
        room.counsellor.actor.user_id,
        NOW,
    )
    assert (row.started_at, row.duration_min, row.kind, row.mode) == (
        STARTED,
        45,
        "individual",
        "in_person",
    )
    assert (row.presenting, row.risk_check, row.signed_at, row.updated_at) == (
        "考试前失眠",
        "none",
        None,
        None,
    )
    s = student(room)
    assert (s.file_state, s.keeper_id) == ("open", room.counsellor.actor.user_id)
    assert audits(room, "session.add") == [
        (
            f"student:{room.student_id}",
            f"session={saved.session_id} kind=individual risk=none file=opened",
        )
    ]
    second = record(room, replace(OK, kind="crisis", risk_check="self_harm"))
    assert audits(room, "session.add")[1][1] == f"session={second} kind=crisis risk=self_harm"
    with room.admin.vault.read() as s:
        details = " ".join(d or "" for d in s.scalars(select(AuditEntry.detail)))
    for text in ("张三", "考试前失眠", "语速慢", "学生本人"):
        assert text not in details


def test_aware_times_are_stored_as_utc(room: Room) -> None:
    beijing = timezone(timedelta(hours=8))
    aware = (STARTED + 8 * HOUR).replace(tzinfo=beijing)
    appointment = (STARTED + 48 * HOUR).replace(tzinfo=UTC)
    sid = record(room, replace(OK, started_at=aware, next_appointment=appointment))
    row = session_row(room, sid)
    assert (row.started_at, row.next_appointment) == (STARTED, STARTED + 48 * HOUR)


def test_follow_up_takes_the_sooner_appointment_only(room: Room) -> None:
    change_tier(
        room.counsellor,
        room.student_id,
        to_tier=1,
        effective_on=local_today() - timedelta(days=20),
        reason="访谈",
        evidence_kind="interview",
        evidence="面询",
    )
    day = local_date(STARTED)
    soon = record_session(
        room.counsellor, room.student_id, replace(OK, next_appointment=STARTED + 72 * HOUR), now=NOW
    )
    assert soon.next_follow_up == local_date(STARTED + 72 * HOUR) == day + timedelta(days=3)
    assert student(room).next_follow_up == soon.next_follow_up
    late = record_session(
        room.counsellor,
        room.student_id,
        replace(OK, next_appointment=STARTED + 40 * 24 * HOUR),
        now=NOW,
    )
    assert late.next_follow_up == day + timedelta(days=30)  # tier 1: monthly at the latest
    assert student(room).next_follow_up == day + timedelta(days=30)


BAD_SESSIONS: list[tuple[str, dict[str, Any]]] = [
    ("started_at", {"started_at": NOW + timedelta(minutes=1)}),
    ("started_at", {"started_at": None}),
    ("started_at", {"started_at": "2026-11-20 09:00"}),
    ("started_at", {"started_at": datetime(2024, 8, 31, 2)}),  # 8/31 in Beijing, before 入学
    ("duration_min", {"duration_min": 0}),
    ("duration_min", {"duration_min": 601}),
    ("duration_min", {"duration_min": True}),
    ("duration_min", {"duration_min": "45"}),
    ("kind", {"kind": "chat"}),
    ("mode", {"mode": "letter"}),
    ("risk_check", {"risk_check": "maybe"}),
    ("risk_check", {"risk_check": ""}),
    ("next_appointment", {"next_appointment": STARTED}),
    ("next_appointment", {"next_appointment": STARTED - HOUR}),
    ("next_appointment", {"next_appointment": "soon"}),
    ("presenting", {"presenting": "a\x00b"}),
    ("participants", {"participants": 3}),
]


@pytest.mark.parametrize(
    ("field", "change"),
    BAD_SESSIONS,
    ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_SESSIONS)],
)
def test_bad_session_is_named_and_nothing_saved(
    room: Room, field: str, change: dict[str, Any]
) -> None:
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        record_session(room.counsellor, room.student_id, replace(OK, **change), now=NOW)
    assert caught.value.field == field
    assert snapshot(room) == shot


def test_enrolment_is_a_local_day_and_bounds_before_birth(room: Room) -> None:
    # 17:00 UTC on 8/31 is 01:00 on 9/1 in Beijing: the day of enrolment, accepted.
    first = record(room, replace(OK, started_at=datetime(2024, 8, 31, 17)))
    assert session_row(room, first).started_at == datetime(2024, 8, 31, 17)
    # Without an enrolment date the birth date bounds the session.
    unknown = _student(room.admin, birth_date=BIRTH)
    shot = snapshot(room)
    with pytest.raises(ValidationError, match="birth") as caught:
        record_session(
            room.counsellor, unknown, replace(OK, started_at=datetime(2012, 3, 2, 17)), now=NOW
        )
    assert caught.value.field == "started_at"
    assert snapshot(room) == shot
    ok = record_session(
        room.counsellor, unknown, replace(OK, started_at=datetime(2012, 3, 3, 17)), now=NOW
    )
    assert ok.session_id > first


def test_closed_file_takes_no_session(room: Room) -> None:
    with room.admin.vault.write() as s:
        row = s.get(Student, room.student_id)
        assert row is not None
        row.file_state = "closed"
    shot = snapshot(room)
    with pytest.raises(ValidationError, match="closed") as caught:
        record(room)
    assert caught.value.record == f"student {room.student_id}"
    assert snapshot(room) == shot


def test_viewer_is_refused_everything(room: Room) -> None:
    fresh = record(room)
    old = record(room, now=NOW - 2 * LOCK_AFTER)
    shot = snapshot(room)
    with pytest.raises(PermissionDenied):
        record_session(room.viewer, room.student_id, OK, now=NOW)
    with pytest.raises(PermissionDenied):
        edit_session(room.viewer, fresh, OK, expected_updated_at=token(room, fresh), now=NOW)
    with pytest.raises(PermissionDenied):
        sign_session(room.viewer, fresh, now=NOW)
    with pytest.raises(PermissionDenied):
        amend_session(room.viewer, old, field="observation", text="补", reason="漏记", now=NOW)
    assert snapshot(room) == shot


# -- editing --------------------------------------------------------------------------------


def test_own_counsellor_edits_a_fresh_session(room: Room) -> None:
    sid = record(room)
    first = token(room, sid)
    later = NOW + 2 * HOUR
    saved = edit_session(
        room.counsellor,
        sid,
        replace(OK, observation="语速慢，眼神回避", risk_check="self_harm"),
        expected_updated_at=first,
        now=later,
    )
    assert saved.session_id == sid and saved.break_glass_required
    row = session_row(room, sid)
    assert (row.observation, row.risk_check, row.updated_at) == (
        "语速慢，眼神回避",
        "self_harm",
        later,
    )
    assert audits(room, "session.edit") == [
        (
            f"student:{room.student_id}",
            f"session={sid} fields=observation,risk_check risk=self_harm",
        )
    ]
    # The token moved: a second window still holding the first one is refused.
    shot = snapshot(room)
    with pytest.raises(StaleRecordError, match=f"session {sid}"):
        edit_session(
            room.counsellor, sid, replace(OK, duration_min=50), expected_updated_at=first, now=later
        )
    assert snapshot(room) == shot
    edit_session(
        room.counsellor, sid, replace(OK, duration_min=50), expected_updated_at=later, now=later
    )
    assert session_row(room, sid).duration_min == 50


def test_edit_with_no_change_writes_nothing(room: Room) -> None:
    sid = record(room)
    shot = snapshot(room)
    edit_session(room.counsellor, sid, OK, expected_updated_at=token(room, sid), now=NOW + HOUR)
    assert snapshot(room) == shot


def test_edit_is_refused_when_locked_by_another_or_with_bad_input(room: Room) -> None:
    sid = record(room)
    signed = record(room)
    sign_session(room.counsellor, signed, now=NOW + HOUR)
    shot = snapshot(room)
    change = replace(OK, presenting="改写")
    with pytest.raises(ValidationError, match="amendment") as caught:
        edit_session(room.counsellor, sid, change, expected_updated_at=NOW, now=NOW + LOCK_AFTER)
    assert caught.value.field == "session_id"
    with pytest.raises(ValidationError, match="amendment"):
        edit_session(room.counsellor, signed, change, expected_updated_at=NOW, now=NOW + HOUR)
    with pytest.raises(PermissionDenied):
        edit_session(room.other, sid, change, expected_updated_at=NOW, now=NOW + HOUR)
    with pytest.raises(ValidationError) as caught:
        edit_session(room.counsellor, 9999, change, expected_updated_at=NOW, now=NOW + HOUR)
    assert caught.value.field == "session_id"
    for field, bad in (
        ("started_at", replace(change, started_at=NOW + 2 * HOUR)),
        ("started_at", replace(change, started_at=datetime(2024, 8, 1))),
        ("duration_min", replace(change, duration_min=0)),
        ("kind", replace(change, kind="x")),
    ):
        with pytest.raises(ValidationError) as caught:
            edit_session(room.counsellor, sid, bad, expected_updated_at=NOW, now=NOW + HOUR)
        assert caught.value.field == field
    # Just before the lock the same edit goes through.
    edit_session(room.counsellor, sid, change, expected_updated_at=NOW, now=NOW + LOCK_AFTER - HOUR)
    assert snapshot(room) != shot


# -- signing --------------------------------------------------------------------------------


def test_sign_once_by_own_counsellor_while_fresh(room: Room) -> None:
    sid = record(room)
    shot = snapshot(room)
    with pytest.raises(PermissionDenied):
        sign_session(room.other, sid, now=NOW + HOUR)
    with pytest.raises(ValidationError, match="locked already"):
        sign_session(room.counsellor, sid, now=NOW + LOCK_AFTER)
    with pytest.raises(ValidationError) as caught:
        sign_session(room.counsellor, 424242, now=NOW)
    assert caught.value.field == "session_id"
    assert snapshot(room) == shot
    sign_session(room.counsellor, sid, now=NOW + HOUR)
    assert session_row(room, sid).signed_at == NOW + HOUR
    assert audits(room, "session.sign") == [(f"student:{room.student_id}", f"session={sid}")]
    shot = snapshot(room)
    with pytest.raises(ValidationError, match="already signed"):
        sign_session(room.counsellor, sid, now=NOW + 2 * HOUR)
    assert snapshot(room) == shot


def test_is_locked() -> None:
    assert not is_locked(None, NOW, NOW)
    assert not is_locked(None, NOW, NOW + LOCK_AFTER - timedelta(microseconds=1))
    assert is_locked(None, NOW, NOW + LOCK_AFTER)
    assert is_locked(NOW, NOW, NOW)


# -- amendments -----------------------------------------------------------------------------


def test_amendment_keeps_the_original(room: Room) -> None:
    sid = record(room)
    sign_session(room.counsellor, sid, now=NOW + HOUR)
    before = row_of(room, sid)
    aid = amend_session(
        room.other,
        sid,
        field="observation",
        text="补充：手臂有划痕",
        reason="当日遗漏",
        now=NOW + 5 * HOUR,
    )
    assert row_of(room, sid) == before
    with room.admin.vault.read() as s:
        amendment = s.get(SessionAmendment, aid)
        assert amendment is not None
        assert (
            amendment.session_id,
            amendment.field,
            amendment.text,
            amendment.reason,
            amendment.created_by_id,
            amendment.created_at,
        ) == (
            sid,
            "observation",
            "补充：手臂有划痕",
            "当日遗漏",
            room.other.actor.user_id,
            NOW + 5 * HOUR,
        )
    assert audits(room, "session.amend") == [
        (f"student:{room.student_id}", f"session={sid} amendment={aid} field=observation")
    ]
    # An amendment corrects the record: allowed after the file was closed.
    with room.admin.vault.write() as s:
        row = s.get(Student, room.student_id)
        assert row is not None
        row.file_state = "closed"
    amend_session(room.counsellor, sid, field="plan_text", text="转介", reason="补记", now=NOW)
    assert row_of(room, sid) == before


def test_bad_amendments_change_nothing(room: Room) -> None:
    fresh = record(room)
    old = record(room, now=NOW - LOCK_AFTER)
    shot = snapshot(room)
    good: dict[str, Any] = {"field": "observation", "text": "补充", "reason": "遗漏", "now": NOW}
    with pytest.raises(ValidationError, match="no session with id 9999") as caught:
        amend_session(room.counsellor, 9999, **good)
    assert caught.value.field == "session_id"
    with pytest.raises(ValidationError, match="not locked yet: edit it instead") as caught:
        amend_session(room.counsellor, fresh, **good)
    assert caught.value.field == "session_id"
    for field, change in (
        ("field", {"field": "risk_check"}),
        ("field", {"field": "started_at"}),
        ("text", {"text": "  "}),
        ("reason", {"reason": ""}),
        ("reason", {"reason": None}),
    ):
        with pytest.raises(ValidationError) as caught:
            amend_session(room.counsellor, old, **{**good, **change})
        assert caught.value.field == field
    assert snapshot(room) == shot


def test_read_sessions_carries_lock_and_token(room: Room) -> None:
    fresh = record_session(room.counsellor, room.student_id, OK).session_id  # written now
    old = record(room)  # three days ago: locked by age
    edit_session(
        room.counsellor,
        fresh,
        replace(OK, presenting="改"),
        expected_updated_at=token(room, fresh),
    )
    entries = {e.id: e for e in student_sessions(room.counsellor, room.student_id)}
    assert not entries[fresh].locked and entries[old].locked
    assert entries[old].created_at == NOW and entries[old].updated_at is None
    assert entries[fresh].updated_at == session_row(room, fresh).updated_at is not None
    assert entries[fresh].counsellor_id == room.counsellor.actor.user_id
    assert entries[fresh].counsellor == "林老师"


# -- the lock, as a property ----------------------------------------------------------------

OPS = st.lists(
    st.tuples(
        st.sampled_from(("record", "sign", "amend", "edit")),
        st.integers(0, 50),  # which session
        st.integers(0, 30 * 60),  # minutes the clock moves on first
        st.booleans(),  # done by the other counsellor
    ),
    max_size=10,
)


def test_a_locked_session_never_changes(tmp_path: Path) -> None:
    rooms = _room(tmp_path)
    r = next(rooms)

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(ops=OPS)
    def run(ops: list[tuple[str, int, int, bool]]) -> None:
        sid = _student(r.admin, enrolled_on=ENROLLED)
        now = utcnow() - timedelta(days=30)
        ids: list[int] = []
        for step, (op, pick, minutes, other) in enumerate(ops):
            now += timedelta(minutes=minutes)
            ctx = r.other if other else r.counsellor
            with r.admin.vault.read() as s:
                rows = s.execute(
                    select(CounsellingSession.__table__).where(CounsellingSession.student_id == sid)
                ).all()
            locked = {
                row.id: tuple(row) for row in rows if is_locked(row.signed_at, row.created_at, now)
            }
            if op == "record" or not ids:
                ids.append(
                    record_session(ctx, sid, replace(OK, started_at=now - HOUR), now=now).session_id
                )
            else:
                target = ids[pick % len(ids)]
                try:
                    if op == "sign":
                        sign_session(ctx, target, now=now)
                    elif op == "amend":
                        amend_session(
                            ctx, target, field="assessment", text=f"补{step}", reason="r", now=now
                        )
                    else:
                        edit_session(
                            ctx,
                            target,
                            replace(OK, started_at=now - 2 * HOUR, presenting=f"改{step}"),
                            expected_updated_at=token(r, target),
                            now=now,
                        )
                except CounselRoomError:
                    pass
                else:
                    # What succeeded was allowed: edits and signatures only while unlocked.
                    assert (op == "amend") == (target in locked)
            for session_id, before in locked.items():
                assert row_of(r, session_id) == before

    try:
        run()
    finally:
        next(rooms, None)
