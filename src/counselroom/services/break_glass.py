"""The break-glass rule (DOMAIN.md "Tiers"): a disclosure of self-harm or harm to others
(自伤/他伤) breaks confidentiality — the counsellor must inform 班主任 and guardian and record
that this was done.

A session whose risk check is not "none" stays *pending* until its break-glass records, taken
together, hold both a 班主任 time and a guardian time. Records are appended, never edited: the
second call may add the recipient the first one could not reach yet, and what was recorded
first stays as it was. :func:`pending_break_glass` is the one definition of "pending" that the
dashboard, the closure check and the window all use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import ValidationError
from counselroom.services.checks import optional_text, utc_moment
from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.storage.base import utcnow
from counselroom.storage.models import BreakGlassRecord, CounsellingSession

__all__ = ["PendingBreakGlass", "informed", "pending_break_glass", "record_break_glass"]

# SQLite limits bound parameters per statement; student ids are passed in slices of this size.
_CHUNK = 500


@dataclass(frozen=True)
class PendingBreakGlass:
    session_id: int
    student_id: int
    started_at: datetime  # UTC
    head_teacher_told: bool
    guardian_told: bool


def _told() -> Select[int, datetime | None, datetime | None]:
    """Per session: the earliest 班主任 and guardian times over all its records (NULL: none)."""
    return select(
        BreakGlassRecord.session_id,
        func.min(BreakGlassRecord.head_teacher_informed_at).label("head_teacher"),
        func.min(BreakGlassRecord.guardian_informed_at).label("guardian"),
    ).group_by(BreakGlassRecord.session_id)


def pending_break_glass(
    session: Session, student_ids: Iterable[int] | None = None
) -> list[PendingBreakGlass]:
    """Risk sessions not yet recorded as told to both 班主任 and guardian, oldest first.

    One query (one per slice of 500 when ``student_ids`` is given), never one per session.
    """
    told = _told().subquery()
    query = (
        select(
            CounsellingSession.id,
            CounsellingSession.student_id,
            CounsellingSession.started_at,
            told.c.head_teacher,
            told.c.guardian,
        )
        .outerjoin(told, told.c.session_id == CounsellingSession.id)
        .where(
            CounsellingSession.risk_check != "none",
            or_(told.c.head_teacher.is_(None), told.c.guardian.is_(None)),
        )
    )
    found: list[PendingBreakGlass] = []
    for part in _slices(student_ids):
        rows = session.execute(
            query if part is None else query.where(CounsellingSession.student_id.in_(part))
        )
        found.extend(
            PendingBreakGlass(
                session_id=int(row[0]),
                student_id=int(row[1]),
                started_at=row[2],
                head_teacher_told=row[3] is not None,
                guardian_told=row[4] is not None,
            )
            for row in rows
        )
    found.sort(key=lambda p: (p.started_at, p.session_id))
    return found


def _slices(student_ids: Iterable[int] | None) -> Iterator[list[int] | None]:
    if student_ids is None:
        yield None
        return
    ids = sorted(set(student_ids))
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def informed(session: Session, session_id: int) -> tuple[bool, bool]:
    """Whether 班主任 and guardian are recorded as told for one session (any of its records)."""
    row = session.execute(_told().where(BreakGlassRecord.session_id == session_id)).first()
    if row is None:
        return False, False
    return row[1] is not None, row[2] is not None


def record_break_glass(
    ctx: Context,
    session_id: int,
    *,
    head_teacher_informed_at: datetime | None,
    guardian_informed_at: datetime | None,
    note: str = "",
) -> int:
    """Append a record that 班主任 and/or guardian were told; returns its id."""
    ctx.require(Permission.EDIT_CASES)
    if head_teacher_informed_at is None and guardian_informed_at is None:
        raise ValidationError(
            "record when 班主任 or the guardian was told (at least one of the two)",
            field="head_teacher_informed_at",
        )
    now = utcnow()
    times: dict[str, datetime | None] = {}
    for field, value in (
        ("head_teacher_informed_at", head_teacher_informed_at),
        ("guardian_informed_at", guardian_informed_at),
    ):
        moment = None if value is None else utc_moment(value, field)
        if moment is not None and moment > now:
            raise ValidationError("is in the future", field=field)
        times[field] = moment
    text = optional_text(note, "note") or ""
    with ctx.vault.write() as session:
        row = session.get(CounsellingSession, session_id)
        if row is None:
            raise ValidationError(f"no session with id {session_id}", field="session_id")
        if row.risk_check == "none":
            raise ValidationError(
                f"session {session_id} recorded no risk (自伤/他伤); the break-glass rule "
                "does not apply",
                field="session_id",
            )
        for field, moment in times.items():
            if moment is not None and moment < row.started_at:
                raise ValidationError(
                    "is before the session started; record the time the person was told",
                    field=field,
                )
        record = BreakGlassRecord(
            session_id=row.id,
            student_id=row.student_id,
            head_teacher_informed_at=times["head_teacher_informed_at"],
            guardian_informed_at=times["guardian_informed_at"],
            informed_by_id=ctx.actor.user_id,
            note=text,
        )
        session.add(record)
        session.flush()
        yes = {True: "yes", False: "no"}
        ctx.audit(
            session,
            "break_glass.record",
            target=f"student:{row.student_id}",
            detail=(
                f"session={row.id} "
                f"head_teacher={yes[times['head_teacher_informed_at'] is not None]} "
                f"guardian={yes[times['guardian_informed_at'] is not None]}"
            ),
        )
        return record.id
