"""The break-glass rule: a 自伤/他伤 session is pending until 班主任 and guardian are both told."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from counselroom.domain.errors import ValidationError
from counselroom.services.break_glass import (
    PendingBreakGlass,
    pending_break_glass,
    record_break_glass,
)
from counselroom.services.context import Context
from counselroom.services.counselling import SessionInput, edit_session, record_session
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.base import utcnow
from counselroom.storage.models import AuditEntry, BreakGlassRecord, CounsellingSession, Student
from vault_fixtures import account, make_vault

NOW = (utcnow() - timedelta(hours=6)).replace(microsecond=0)
STARTED = NOW - timedelta(hours=1)
MINUTE = timedelta(minutes=1)
RISK = SessionInput(
    started_at=STARTED, duration_min=50, kind="crisis", risk_check="self_harm", presenting="自伤"
)


@dataclass
class Room:
    admin: Context
    counsellor: Context
    viewer: Context
    student_ids: tuple[int, int]


def _student(ctx: Context, name: str) -> int:
    with ctx.vault.write() as s:
        row = Student(name=name, gender="F", grade_level=9)
        s.add(row)
        s.flush()
        return row.id


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    admin, _code = make_vault(tmp_path / "vault")
    lin = account(admin, "lin", Role.COUNSELLOR, "林老师")
    ban = account(admin, "ban", Role.VIEWER, "王班主任")
    try:
        yield Room(
            admin,
            lin,
            ban,
            (_student(admin, "李四"), _student(admin, "赵五")),
        )
    finally:
        admin.close()


def snapshot(r: Room) -> tuple[Any, ...]:
    with r.admin.vault.read() as s:
        records = tuple(
            tuple(row)
            for row in s.execute(select(BreakGlassRecord.__table__).order_by(BreakGlassRecord.id))
        )
        sessions = tuple(
            tuple(row)
            for row in s.execute(
                select(CounsellingSession.__table__).order_by(CounsellingSession.id)
            )
        )
        return records, sessions, s.scalar(select(func.count()).select_from(AuditEntry))


def pending(r: Room, student_ids: Any = None) -> list[PendingBreakGlass]:
    with r.admin.vault.read() as s:
        return pending_break_glass(s, student_ids)


def risk_session(r: Room, which: int = 0, data: SessionInput = RISK) -> int:
    return record_session(r.counsellor, r.student_ids[which], data, now=NOW).session_id


def test_pending_until_both_are_told(room: Room) -> None:
    saved = record_session(room.counsellor, room.student_ids[0], RISK, now=NOW)
    assert saved.break_glass_required
    sid = saved.session_id
    assert pending(room) == [PendingBreakGlass(sid, room.student_ids[0], STARTED, False, False)]

    first = record_break_glass(
        room.counsellor,
        sid,
        head_teacher_informed_at=STARTED + 10 * MINUTE,
        guardian_informed_at=None,
        note="家长电话未接通",
    )
    assert pending(room) == [PendingBreakGlass(sid, room.student_ids[0], STARTED, True, False)]
    with room.admin.vault.read() as s:
        kept = tuple(s.execute(select(BreakGlassRecord.__table__)).one())
    second = record_break_glass(
        room.counsellor, sid, head_teacher_informed_at=None, guardian_informed_at=NOW
    )
    assert pending(room) == []
    with room.admin.vault.read() as s:
        rows = s.execute(select(BreakGlassRecord.__table__).order_by(BreakGlassRecord.id)).all()
    assert tuple(rows[0]) == kept  # the first record is never edited
    assert [(r.id, r.informed_by_id, r.student_id) for r in rows] == [
        (first, room.counsellor.actor.user_id, room.student_ids[0]),
        (second, room.counsellor.actor.user_id, room.student_ids[0]),
    ]
    with room.admin.vault.read() as s:
        details = s.execute(
            select(AuditEntry.target, AuditEntry.detail)
            .where(AuditEntry.action == "break_glass.record")
            .order_by(AuditEntry.seq)
        ).all()
    assert [tuple(d) for d in details] == [
        (f"student:{room.student_ids[0]}", f"session={sid} head_teacher=yes guardian=no"),
        (f"student:{room.student_ids[0]}", f"session={sid} head_teacher=no guardian=yes"),
    ]


def test_one_record_with_both_times_clears_it_and_edits_see_it(room: Room) -> None:
    sid = risk_session(room)
    record_break_glass(
        room.counsellor, sid, head_teacher_informed_at=STARTED, guardian_informed_at=NOW
    )
    assert pending(room) == []
    again = edit_session(
        room.counsellor,
        sid,
        replace(RISK, risk_check="harm_others"),
        expected_updated_at=NOW,
        now=NOW + MINUTE,
    )
    assert not again.break_glass_required


def test_no_risk_no_break_glass(room: Room) -> None:
    saved = record_session(
        room.counsellor, room.student_ids[0], replace(RISK, risk_check="none"), now=NOW
    )
    assert not saved.break_glass_required
    assert pending(room) == []


def test_student_filter_and_order(room: Room) -> None:
    a, b = room.student_ids
    late = risk_session(room, 0)
    early = risk_session(room, 1, replace(RISK, started_at=STARTED - timedelta(days=1)))
    other = risk_session(room, 0, replace(RISK, risk_check="harm_others"))
    assert [p.session_id for p in pending(room)] == [early, late, other]
    assert [p.session_id for p in pending(room, [a])] == [late, other]
    assert [p.session_id for p in pending(room, iter([b, b]))] == [early]
    assert pending(room, []) == []


def test_pending_is_one_query_however_many_sessions(room: Room) -> None:
    for _ in range(6):
        risk_session(room)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = room.admin.vault.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert len(pending(room)) == 6
        assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_bad_records_change_nothing(room: Room) -> None:
    sid = risk_session(room)
    calm = record_session(
        room.counsellor, room.student_ids[0], replace(RISK, risk_check="none"), now=NOW
    ).session_id
    shot = snapshot(room)
    future = utcnow() + timedelta(minutes=5)
    cases: list[tuple[str, int, datetime | None, datetime | None, Any]] = [
        ("head_teacher_informed_at", sid, None, None, ""),
        ("head_teacher_informed_at", sid, future, None, ""),
        ("guardian_informed_at", sid, STARTED, future, ""),
        ("head_teacher_informed_at", sid, STARTED - MINUTE, NOW, ""),
        ("guardian_informed_at", sid, None, STARTED - MINUTE, ""),
        ("guardian_informed_at", sid, None, "now", ""),  # type: ignore[list-item]
        ("note", sid, NOW, NOW, "a\x00b"),
        ("session_id", calm, NOW, NOW, ""),
        ("session_id", 31337, NOW, NOW, ""),
    ]
    for field, session_id, head, guardian, note in cases:
        with pytest.raises(ValidationError) as caught:
            record_break_glass(
                room.counsellor,
                session_id,
                head_teacher_informed_at=head,
                guardian_informed_at=guardian,
                note=note,
            )
        assert caught.value.field == field, (field, caught.value)
        assert snapshot(room) == shot
    with pytest.raises(ValidationError, match="no risk"):
        record_break_glass(
            room.counsellor, calm, head_teacher_informed_at=NOW, guardian_informed_at=None
        )
    with pytest.raises(PermissionDenied):
        record_break_glass(room.viewer, sid, head_teacher_informed_at=NOW, guardian_informed_at=NOW)
    assert snapshot(room) == shot
    assert len(pending(room)) == 1
