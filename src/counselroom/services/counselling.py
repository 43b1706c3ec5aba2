"""Counselling sessions: record, edit while fresh, sign, and amend once locked.

A session is *locked* when its counsellor signs it or 24 hours after it was written, whichever
comes first (issue 4). Until then its own counsellor may correct it in place — the note of the
day is still being written. Afterwards the row never changes again: a correction is a dated
:class:`SessionAmendment` that keeps the original next to it, so what was written on the day
stays readable (the file may be read by a hospital or a court years later).

Every function is one ``ctx.vault.write()`` transaction, needs EDIT_CASES, checks all input
before writing and leaves one audit entry with ids and codes only. Times are stored as naive
UTC; the window converts what the counsellor types with :func:`localtime.from_local`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy.orm import Session

from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.domain.session_lock import LOCK_AFTER, is_locked
from counselroom.services.break_glass import informed
from counselroom.services.checks import (
    choice,
    not_before_school,
    optional_text,
    required_text,
    utc_moment,
)
from counselroom.services.context import Context
from counselroom.services.file_state import open_file_if_none, require_not_closed
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.localtime import local_date, to_local
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission, PermissionDenied
from counselroom.services.student_file import get_student
from counselroom.storage.models import CounsellingSession, SessionAmendment
from counselroom.storage.models.choices import RISK_CHECKS, SESSION_KINDS, SESSION_MODES

# The choice lists are re-exported: the window takes them from here, not from storage.
__all__ = [
    "AMENDABLE_FIELDS",
    "LOCK_AFTER",
    "MAX_DURATION_MIN",
    "RISK_CHECKS",
    "SESSION_KINDS",
    "SESSION_MODES",
    "SessionInput",
    "SessionSaved",
    "amend_session",
    "edit_session",
    "is_locked",
    "record_session",
    "sign_session",
]

MAX_DURATION_MIN = 600  # ten hours: a crisis day; anything longer is a typo
AMENDABLE_FIELDS = ("presenting", "observation", "assessment", "plan_text", "participants")


@dataclass(frozen=True)
class SessionInput:
    started_at: datetime  # naive UTC or aware
    duration_min: int
    kind: str
    mode: str = "in_person"
    participants: str | None = None
    presenting: str = ""
    observation: str = ""
    assessment: str = ""
    plan_text: str = ""
    risk_check: str = "none"
    next_appointment: datetime | None = None  # naive UTC or aware; after started_at


@dataclass(frozen=True)
class SessionSaved:
    session_id: int
    # The risk check found 自伤/他伤 and 班主任 and guardian are not both recorded as told:
    # the window must ask for the break-glass record now.
    break_glass_required: bool
    next_follow_up: date | None


# -- input checks ---------------------------------------------------------------------------


def _moment(value: object, field: str) -> datetime:
    """A required moment (``utc_moment`` alone would read None as "now")."""
    if value is None:
        raise ValidationError("is required", field=field)
    return utc_moment(value, field)


@dataclass(frozen=True)
class _Values:
    """The input in stored form; field names are the session's column names."""

    started_at: datetime
    duration_min: int
    kind: str
    mode: str
    participants: str | None
    presenting: str
    observation: str
    assessment: str
    plan_text: str
    risk_check: str
    next_appointment: datetime | None

    def columns(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _clean(data: SessionInput, now: datetime) -> _Values:
    """Check every field of the input; raises before anything is written."""
    started = _moment(data.started_at, "started_at")
    if started > now:
        raise ValidationError("is in the future", field="started_at")
    duration = data.duration_min
    if isinstance(duration, bool) or not isinstance(duration, int):
        raise ValidationError(f"must be whole minutes (got {duration!r})", field="duration_min")
    if not 1 <= duration <= MAX_DURATION_MIN:
        raise ValidationError(
            f"{duration} minutes is outside 1-{MAX_DURATION_MIN}", field="duration_min"
        )
    appointment = None
    if data.next_appointment is not None:
        appointment = utc_moment(data.next_appointment, "next_appointment")
        if appointment <= started:
            raise ValidationError("must be after the session started", field="next_appointment")
    return _Values(
        started_at=started,
        duration_min=duration,
        kind=choice(data.kind, SESSION_KINDS, "kind"),
        mode=choice(data.mode, SESSION_MODES, "mode"),
        participants=optional_text(data.participants, "participants"),
        presenting=optional_text(data.presenting, "presenting") or "",
        observation=optional_text(data.observation, "observation") or "",
        assessment=optional_text(data.assessment, "assessment") or "",
        plan_text=optional_text(data.plan_text, "plan_text") or "",
        risk_check=choice(data.risk_check, RISK_CHECKS, "risk_check"),
        next_appointment=appointment,
    )


def _row(session: Session, session_id: int) -> CounsellingSession:
    row = session.get(CounsellingSession, session_id)
    if row is None:
        raise ValidationError(f"no session with id {session_id}", field="session_id")
    return row


def _own(ctx: Context, row: CounsellingSession, doing: str) -> None:
    if row.counsellor_id != ctx.actor.user_id:
        raise PermissionDenied(
            f"only the counsellor who wrote session {row.id} may {doing} it; "
            "add an amendment once it is locked"
        )


def _saved(session: Session, row: CounsellingSession, next_follow_up: date | None) -> SessionSaved:
    head_teacher, guardian = informed(session, row.id)
    required = row.risk_check != "none" and not (head_teacher and guardian)
    return SessionSaved(row.id, required, next_follow_up)


# -- the services ---------------------------------------------------------------------------


def record_session(
    ctx: Context, student_id: int, data: SessionInput, *, now: datetime | None = None
) -> SessionSaved:
    """Record a session by the actor; opens the file if it has none, refreshes the follow-up."""
    ctx.require(Permission.EDIT_CASES)
    moment = utc_moment(now, "now")
    values = _clean(data, moment)
    with ctx.vault.write() as session:
        policy = policy_in(session)
        student = get_student(session, student_id)
        require_not_closed(student)
        not_before_school(
            local_date(values.started_at), student.enrolled_on, student.birth_date, "started_at"
        )
        row = CounsellingSession(
            student_id=student.id,
            counsellor_id=ctx.actor.user_id,
            created_at=moment,
            **values.columns(),
        )
        session.add(row)
        opened = open_file_if_none(ctx, student)
        due = refresh_follow_up(session, student, policy)
        session.flush()
        detail = f"session={row.id} kind={row.kind} risk={row.risk_check}"
        if opened:
            detail += " file=opened"
        ctx.audit(session, "session.add", target=f"student:{student.id}", detail=detail)
        return _saved(session, row, due)


def edit_session(
    ctx: Context,
    session_id: int,
    data: SessionInput,
    *,
    expected_updated_at: datetime,
    now: datetime | None = None,
) -> SessionSaved:
    """Correct an unlocked session in place (its own counsellor only).

    ``expected_updated_at`` is ``entry.updated_at or entry.created_at`` as the form read it; a
    session changed since (another window) is refused with :class:`StaleRecordError`.
    """
    ctx.require(Permission.EDIT_CASES)
    moment = utc_moment(now, "now")
    expected = _moment(expected_updated_at, "expected_updated_at")
    values = _clean(data, moment)
    with ctx.vault.write() as session:
        row = _row(session, session_id)
        _own(ctx, row, "edit")
        if is_locked(row.signed_at, row.created_at, moment):
            raise ValidationError(
                f"session {row.id} is locked (signed, or written more than 24 hours ago); "
                "add an amendment instead",
                field="session_id",
            )
        current = row.updated_at or row.created_at
        if current != expected:
            raise StaleRecordError(
                f"session {row.id} was changed elsewhere at {to_local(current):%Y-%m-%d %H:%M} "
                "after this form was filled; reload it and make the change again"
            )
        student = get_student(session, row.student_id)
        require_not_closed(student)
        not_before_school(
            local_date(values.started_at), student.enrolled_on, student.birth_date, "started_at"
        )
        wanted = values.columns()
        changed = [name for name, value in wanted.items() if getattr(row, name) != value]
        if not changed:
            return _saved(session, row, student.next_follow_up)
        for name in changed:
            setattr(row, name, wanted[name])
        row.updated_at = moment
        due = refresh_follow_up(session, student, policy_in(session))
        ctx.audit(
            session,
            "session.edit",
            target=f"student:{student.id}",
            detail=f"session={row.id} fields={','.join(changed)} risk={row.risk_check}",
        )
        return _saved(session, row, due)


def sign_session(ctx: Context, session_id: int, *, now: datetime | None = None) -> None:
    """Sign (and so lock) a session; only its own counsellor, only once, only while unlocked.

    A session already locked by age is refused too: signing would change a locked row, and the
    lock already gives what the signature is for.
    """
    ctx.require(Permission.EDIT_CASES)
    moment = utc_moment(now, "now")
    with ctx.vault.write() as session:
        row = _row(session, session_id)
        _own(ctx, row, "sign")
        if row.signed_at is not None:
            raise ValidationError(
                f"session {row.id} was already signed at {to_local(row.signed_at):%Y-%m-%d %H:%M}",
                field="session_id",
            )
        if is_locked(None, row.created_at, moment):
            raise ValidationError(
                f"session {row.id} is locked already (written more than 24 hours ago); "
                "it needs no signature",
                field="session_id",
            )
        row.signed_at = moment
        ctx.audit(
            session, "session.sign", target=f"student:{row.student_id}", detail=f"session={row.id}"
        )


def amend_session(
    ctx: Context,
    session_id: int,
    *,
    field: str,
    text: str,
    reason: str,
    now: datetime | None = None,
) -> int:
    """Add a dated amendment to a locked session (any counsellor); the session row is kept.

    Allowed on a closed file too: an amendment corrects the record, it is not new case work.
    """
    ctx.require(Permission.EDIT_CASES)
    moment = utc_moment(now, "now")
    field = choice(field, AMENDABLE_FIELDS, "field")
    added = required_text(text, "text")
    why = required_text(reason, "reason")
    with ctx.vault.write() as session:
        row = _row(session, session_id)
        if not is_locked(row.signed_at, row.created_at, moment):
            raise ValidationError(
                f"session {row.id} is not locked yet: edit it instead", field="session_id"
            )
        amendment = SessionAmendment(
            session_id=row.id,
            created_at=moment,
            created_by_id=ctx.actor.user_id,
            field=field,
            text=added,
            reason=why,
        )
        session.add(amendment)
        session.flush()
        ctx.audit(
            session,
            "session.amend",
            target=f"student:{row.student_id}",
            detail=f"session={row.id} amendment={amendment.id} field={field}",
        )
        return amendment.id
