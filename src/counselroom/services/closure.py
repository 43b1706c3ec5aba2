"""Closure (结案) of a 一生一策 file and its reopening (DOMAIN.md "Closure").

A closure records the date, the reason, the goals achieved and not, the counsellor's evaluation
and, in a crisis case (the student was ever at tier 3), the district's closure evaluation
(结案评估). The number of sessions and the last screening scores are computed, never typed, so
the closing form and the stored row say the same thing.

A file is not closed while someone who must be told has not been told: open notification tasks
and break-glass informing not yet recorded block it, because a closed file leaves the dashboard
and nothing would remind the counsellor any more. Closing keeps the tier and every record; the
file only leaves the dashboard (``next_follow_up`` becomes None). Reopening stamps the latest
closure row with when, why and by whom, so the closure stays readable; a later closure is a new
row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import ValidationError
from counselroom.domain.printed_labels import INSTRUMENT_NAMES
from counselroom.services.break_glass import pending_break_glass
from counselroom.services.checks import choice, optional_text, past_or_today, required_text
from counselroom.services.context import Context
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.localtime import day_moment, local_date, local_today
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.storage.base import utcnow
from counselroom.storage.models import (
    Closure,
    CounsellingSession,
    NotificationTask,
    ScreeningBatch,
    ScreeningResult,
    Student,
    TierChange,
)
from counselroom.storage.models.choices import CLOSURE_REASONS, INSTRUMENTS

# CLOSURE_REASONS is re-exported: the window takes the reasons from here, not from storage.
__all__ = [
    "CLOSURE_REASONS",
    "ClosureInput",
    "ClosurePreview",
    "close_file",
    "closure_preview",
    "reopen_file",
]

_CRISIS_TIER = 3


@dataclass(frozen=True)
class ClosureInput:
    """What the counsellor types on the closing form."""

    closed_on: date
    reason: str  # one of CLOSURE_REASONS
    goals_achieved: str
    evaluation: str  # the counsellor's evaluation
    goals_not_achieved: str | None = None
    district_evaluation: str | None = None  # required in a crisis case (ever at tier 3)


@dataclass(frozen=True)
class ClosurePreview:
    """What the closing form shows before saving, and why saving may be refused."""

    sessions_count: int
    last_scores: str | None  # "PHQ-9 12 (2026-10-09); GAD-7 8 (2026-10-09); MHT 58 (2026-09-20)"
    crisis_case: bool  # ever at tier 3: the district's evaluation is required
    open_tasks: int  # notification tasks not done
    pending_break_glass: int  # sessions whose break-glass informing is not recorded
    file_state: str


# -- facts read inside the caller's transaction ---------------------------------------------


def _last_scores(session: Session, student_id: int) -> str | None:
    """The latest valid result of each instrument, in the fixed instrument order.

    An invalid sheet (MHT lie scale) or a result without a total is no score, so the one
    before it is the last score the file has.
    """
    rows = session.execute(
        select(ScreeningBatch.instrument, ScreeningResult.total, ScreeningBatch.on)
        .join(ScreeningBatch, ScreeningResult.batch_id == ScreeningBatch.id)
        .where(
            ScreeningResult.student_id == student_id,
            ScreeningResult.valid.is_(True),
            ScreeningResult.total.is_not(None),
        )
        .order_by(ScreeningBatch.on.desc(), ScreeningResult.id.desc())
    )
    latest: dict[str, tuple[int, date]] = {}
    for instrument, total, on in rows:
        if total is not None:  # excluded by the query; narrows the type
            latest.setdefault(str(instrument), (int(total), on))
    parts = [
        f"{INSTRUMENT_NAMES.get(code, code)} {latest[code][0]} ({latest[code][1].isoformat()})"
        for code in INSTRUMENTS
        if code in latest
    ]
    return "; ".join(parts) or None


def _crisis_case(session: Session, student: Student) -> bool:
    """Ever at tier 3; the current tier counts too (a file imported without its history)."""
    if student.tier >= _CRISIS_TIER:
        return True
    found = session.scalar(
        select(TierChange.id)
        .where(
            TierChange.student_id == student.id,
            or_(TierChange.to_tier >= _CRISIS_TIER, TierChange.from_tier >= _CRISIS_TIER),
        )
        .limit(1)
    )
    return found is not None


def _preview(session: Session, student: Student) -> ClosurePreview:
    sessions = session.scalar(
        select(func.count(CounsellingSession.id)).where(CounsellingSession.student_id == student.id)
    )
    open_tasks = session.scalar(
        select(func.count(NotificationTask.id)).where(
            NotificationTask.student_id == student.id, NotificationTask.done_at.is_(None)
        )
    )
    return ClosurePreview(
        sessions_count=int(sessions or 0),
        last_scores=_last_scores(session, student.id),
        crisis_case=_crisis_case(session, student),
        open_tasks=int(open_tasks or 0),
        pending_break_glass=len(pending_break_glass(session, [student.id])),
        file_state=student.file_state,
    )


def _latest_closure(session: Session, student_id: int) -> Closure | None:
    return session.scalars(
        select(Closure).where(Closure.student_id == student_id).order_by(Closure.id.desc()).limit(1)
    ).first()


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


# -- the services ---------------------------------------------------------------------------


def closure_preview(ctx: Context, student_id: int) -> ClosurePreview:
    """The computed part of a closure, for the form; not audited (it is shown inside the
    file, whose opening was)."""
    ctx.require(Permission.READ_CASE_NOTES)
    with ctx.vault.read() as session:
        return _preview(session, get_student(session, student_id))


def close_file(ctx: Context, student_id: int, data: ClosureInput) -> int:
    """Close an open file; returns the closure id. Nothing is written if anything is refused."""
    ctx.require(Permission.EDIT_CASES)
    if not isinstance(data, ClosureInput):
        raise ValidationError(f"must be a ClosureInput (got {type(data).__name__})", field="data")
    closed_on = past_or_today(data.closed_on, "closed_on")
    reason = choice(data.reason, CLOSURE_REASONS, "reason")
    goals_achieved = required_text(data.goals_achieved, "goals_achieved")
    evaluation = required_text(data.evaluation, "evaluation")
    goals_not_achieved = optional_text(data.goals_not_achieved, "goals_not_achieved")
    district = optional_text(data.district_evaluation, "district_evaluation")
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        where = f"student {student.id}"
        if student.file_state != "open":
            state = "has no file" if student.file_state == "none" else "is already closed"
            raise ValidationError(
                f"only an open file can be closed; this one {state}", record=where
            )
        facts = _preview(session, student)
        blockers = []
        if facts.open_tasks:
            blockers.append(
                _plural(facts.open_tasks, "notification task is", "notification tasks are")
                + " not done"
            )
        if facts.pending_break_glass:
            blockers.append(
                _plural(facts.pending_break_glass, "session needs", "sessions need")
                + " the break-glass informing (班主任 and guardian) recorded"
            )
        if blockers:
            raise ValidationError(
                "the file cannot be closed yet: " + "; ".join(blockers), record=where
            )
        if student.file_opened_at is not None:
            opened = local_date(student.file_opened_at)
            if closed_on < opened:
                raise ValidationError(
                    f"{closed_on.isoformat()} is before the file was opened ({opened})",
                    field="closed_on",
                )
        previous = _latest_closure(session, student.id)
        if previous is not None and previous.reopened_at is not None:
            reopened = local_date(previous.reopened_at)
            if closed_on < reopened:
                raise ValidationError(
                    f"{closed_on.isoformat()} is before the file was reopened ({reopened})",
                    field="closed_on",
                )
        if facts.crisis_case and district is None:
            raise ValidationError(
                "is required: the student was at tier 3, so the district's closure "
                "evaluation (结案评估) must be recorded",
                field="district_evaluation",
            )
        closure = Closure(
            student_id=student.id,
            closed_on=closed_on,
            reason=reason,
            sessions_count=facts.sessions_count,
            goals_achieved=goals_achieved,
            goals_not_achieved=goals_not_achieved,
            last_scores=facts.last_scores,
            evaluation=evaluation,
            district_evaluation=district,
            closed_by_id=ctx.actor.user_id,
        )
        session.add(closure)
        student.file_state = "closed"
        refresh_follow_up(session, student, policy_in(session))
        session.flush()
        ctx.audit(
            session,
            "file.close",
            target=f"student:{student.id}",
            detail=f"closure={closure.id} reason={reason} sessions={facts.sessions_count}",
        )
        return closure.id


def reopen_file(ctx: Context, student_id: int, *, reason: str, today: date | None = None) -> None:
    """Reopen a closed file with a reason; ``today`` is the local day of the reopening (the
    follow-up counts from it), by default today."""
    ctx.require(Permission.EDIT_CASES)
    reason = required_text(reason, "reason")
    day = local_today() if today is None else past_or_today(today, "today")
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        where = f"student {student.id}"
        if student.file_state != "closed":
            state = "has no file" if student.file_state == "none" else "is open"
            raise ValidationError(
                f"only a closed file can be reopened; this one {state}", record=where
            )
        closure = _latest_closure(session, student.id)
        if closure is None or closure.reopened_at is not None:
            # Only close_file closes a file, always with a new row; refusing keeps the reason
            # from being lost (or an earlier reopening from being overwritten) on odd data.
            raise ValidationError(
                "the file is closed but has no closure record to reopen", record=where
            )
        if day < closure.closed_on:
            raise ValidationError(
                f"{day.isoformat()} is before the closure ({closure.closed_on})", field="today"
            )
        closure.reopened_at = day_moment(day, utcnow())
        closure.reopen_reason = reason
        closure.reopened_by_id = ctx.actor.user_id
        student.file_state = "open"
        refresh_follow_up(session, student, policy_in(session), reopened_on=day)
        ctx.audit(
            session, "file.reopen", target=f"student:{student.id}", detail=f"closure={closure.id}"
        )
