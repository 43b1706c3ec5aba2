"""一生一策 plans: every save is a new version; no version is ever changed or removed.

A plan review (the second and later versions) must say what changed and why, so the file
shows how the plan evolved and on what grounds. Two windows editing the same plan: the editor
remembers the version it was filled from, and a save based on a version that is no longer the
latest is refused with a message naming the version now current, who saved it and when — the
second window reloads, sees both versions, and nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.domain.policy import next_plan_review
from counselroom.services.checks import choice, local_day, optional_text, required_text
from counselroom.services.context import Context
from counselroom.services.file_state import open_file_if_none, require_not_closed
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.localtime import local_today, to_local
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.storage.models import Plan, PlanMeasure, User

__all__ = [
    "MAX_REVIEW_AHEAD",
    "MEASURE_ROLES",
    "MeasureInput",
    "PlanInput",
    "save_plan_version",
]

MEASURE_ROLES = (
    "psychology_teacher",
    "head_teacher",
    "guardian",
    "peer_monitor",
    "subject_teacher",
    "hospital",
    "other",
)
# A review date further ahead than a year is a typo, and would hide the plan from the
# dashboard's review list for good.
MAX_REVIEW_AHEAD = timedelta(days=366)


@dataclass(frozen=True)
class MeasureInput:
    who: str  # one of MEASURE_ROLES
    what: str
    frequency: str = ""
    person: str | None = None


@dataclass(frozen=True)
class PlanInput:
    assessment: str
    goals: str
    review_on: date | None = None  # None: local today + the policy's plan-review interval
    risk_factors: str = ""
    protective_factors: str = ""
    measures: tuple[MeasureInput, ...] = ()
    change_note: str | None = None  # required when the student has a plan already


@dataclass(frozen=True)
class _CleanPlan:
    assessment: str
    goals: str
    review_on: date | None
    risk_factors: str
    protective_factors: str
    measures: tuple[MeasureInput, ...]
    change_note: str | None


def _clean(plan: PlanInput, today: date) -> _CleanPlan:
    review_on = None
    if plan.review_on is not None:
        review_on = local_day(plan.review_on, "review_on")
        if review_on < today:
            raise ValidationError(
                f"{review_on.isoformat()} is in the past (today is {today.isoformat()})",
                field="review_on",
            )
        if review_on > today + MAX_REVIEW_AHEAD:
            raise ValidationError(
                f"{review_on.isoformat()} is more than {MAX_REVIEW_AHEAD.days} days ahead",
                field="review_on",
            )
    if not isinstance(plan.measures, tuple | list) or not plan.measures:
        raise ValidationError(
            "a plan needs at least one measure (who does what, how often)", field="measures"
        )
    measures = []
    for index, m in enumerate(plan.measures):
        where = f"measures[{index}]"
        measures.append(
            MeasureInput(
                who=choice(m.who, MEASURE_ROLES, f"{where}.who"),
                what=required_text(m.what, f"{where}.what"),
                frequency=optional_text(m.frequency, f"{where}.frequency") or "",
                person=optional_text(m.person, f"{where}.person"),
            )
        )
    return _CleanPlan(
        assessment=required_text(plan.assessment, "assessment"),
        goals=required_text(plan.goals, "goals"),
        review_on=review_on,
        risk_factors=optional_text(plan.risk_factors, "risk_factors") or "",
        protective_factors=optional_text(plan.protective_factors, "protective_factors") or "",
        measures=tuple(measures),
        change_note=optional_text(plan.change_note, "change_note"),
    )


def save_plan_version(
    ctx: Context, student_id: int, plan: PlanInput, *, based_on_version: int | None
) -> int:
    """Save the plan as the student's next version; returns its number (1 for the first).

    ``based_on_version`` is the version the editor was filled from (None: the student had no
    plan); a newer version saved meanwhile makes this raise :class:`StaleRecordError`.
    """
    ctx.require(Permission.EDIT_CASES)
    if based_on_version is not None and (
        isinstance(based_on_version, bool)
        or not isinstance(based_on_version, int)
        or based_on_version < 1
    ):
        raise ValidationError(
            f"must be a version number or None (got {based_on_version!r})",
            field="based_on_version",
        )
    today = local_today()
    clean = _clean(plan, today)
    with ctx.vault.write() as session:
        policy = policy_in(session)
        student = get_student(session, student_id)
        require_not_closed(student)
        latest = session.execute(
            select(Plan.version, Plan.created_at, User.display_name)
            .join(User, Plan.created_by_id == User.id)
            .where(Plan.student_id == student.id)
            .order_by(Plan.version.desc())
            .limit(1)
        ).first()
        current = None if latest is None else int(latest[0])
        if current != based_on_version:
            if latest is None:
                raise StaleRecordError(
                    f"this student has no plan version {based_on_version}; reload the plan"
                )
            raise StaleRecordError(
                f"plan version {current} was saved by {latest[2]} at "
                f"{to_local(latest[1]):%Y-%m-%d %H:%M} after this editor was filled from "
                + ("an empty plan" if based_on_version is None else f"version {based_on_version}")
                + "; reload to see it and make the change again"
            )
        if current is not None and clean.change_note is None:
            raise ValidationError(
                "a plan review must say what changed and why", field="change_note"
            )
        version = (current or 0) + 1
        session.add(
            Plan(
                student_id=student.id,
                version=version,
                created_by_id=ctx.actor.user_id,
                assessment=clean.assessment,
                risk_factors=clean.risk_factors,
                protective_factors=clean.protective_factors,
                goals=clean.goals,
                review_on=clean.review_on or next_plan_review(policy, today),
                change_note=clean.change_note,
                measures=[
                    PlanMeasure(who=m.who, person=m.person, what=m.what, frequency=m.frequency)
                    for m in clean.measures
                ],
            )
        )
        opened = open_file_if_none(ctx, student)
        if opened:
            refresh_follow_up(session, student, policy)
        session.flush()
        detail = f"version={version} measures={len(clean.measures)}"
        if opened:
            detail += " file=opened"
        ctx.audit(session, "plan.save", target=f"student:{student.id}", detail=detail)
        return version
