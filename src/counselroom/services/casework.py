"""Case work, first part of the closed loop: concerns, tier changes and notification tasks.

Every function is one ``ctx.vault.write()`` transaction, needs EDIT_CASES, checks its input
before it writes anything (a bad value raises ValidationError naming the field and nothing is
saved) and writes one audit entry that carries ids, codes and counts only — never a name or a
note.

A tier is set by a counsellor with a reason, a date and the evidence. Raising it creates the
notification tasks of the policy list for the new tier (DOMAIN.md "Tiers"); lowering it needs a
review record (研判) and creates none. The TierChange rows are the history: replaying them from
tier 0 gives ``Student.tier``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import notification_plan
from counselroom.domain.tiers import RecipientRole
from counselroom.services.checks import (
    choice,
    optional_text,
    past_or_today,
    required_text,
    tier,
    utc_moment,
)
from counselroom.services.context import Context
from counselroom.services.file_state import open_file_if_none, require_not_closed
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.storage.base import utcnow
from counselroom.storage.models import (
    Concern,
    Guardian,
    NotificationTask,
    SchoolClass,
    SchoolProfile,
    Staff,
    Student,
    TierChange,
)
from counselroom.storage.models.choices import CONCERN_SOURCES, EVIDENCE_KINDS, NOTIFY_METHODS

# The code lists are re-exported: the window offers them and may not import storage.
__all__ = [
    "CONCERN_SOURCES",
    "EVIDENCE_KINDS",
    "NOTIFY_METHODS",
    "TierChangeResult",
    "change_tier",
    "complete_task",
    "record_concern",
]

# Recipient roles whose person is a member of staff, by the Staff.role that holds the job.
_STAFF_ROLE: dict[RecipientRole, str] = {
    RecipientRole.SUBJECT_TEACHERS: "subject_teacher",
    RecipientRole.MORAL_EDUCATION: "moral_education",
    RecipientRole.SAFETY_OFFICE: "safety_office",
    RecipientRole.VICE_PRINCIPAL: "vice_principal",
    RecipientRole.PRINCIPAL: "principal",
}


@dataclass(frozen=True)
class TierChangeResult:
    tier_change_id: int
    tasks: tuple[int, ...]


# -- helpers inside the transaction ---------------------------------------------------------


def _person_for(session: Session, student: Student, role: RecipientRole) -> str:
    if role == RecipientRole.HEAD_TEACHER:
        if student.class_id is None:
            return ""
        name = session.scalar(
            select(Staff.name)
            .join(SchoolClass, SchoolClass.head_teacher_id == Staff.id)
            .where(SchoolClass.id == student.class_id)
        )
        return name or ""
    if role == RecipientRole.GUARDIAN:
        name = session.scalar(
            select(Guardian.name)
            .where(Guardian.student_id == student.id, Guardian.is_guardian.is_(True))
            .order_by(Guardian.ordinal, Guardian.id)
            .limit(1)
        )
        return name or ""
    if role == RecipientRole.DISTRICT:
        contact = session.scalar(select(SchoolProfile.district_contact).limit(1))
        return contact or ""
    staff_role = _STAFF_ROLE.get(role)
    if staff_role is None:
        return ""
    name = session.scalar(
        select(Staff.name)
        .where(Staff.role == staff_role, Staff.active.is_(True))
        .order_by(Staff.id)
        .limit(1)
    )
    return name or ""


# -- the services ---------------------------------------------------------------------------


def record_concern(
    ctx: Context,
    student_id: int,
    *,
    source: str,
    reporter: str,
    description: str,
    reported_on: date,
) -> int:
    """Record a concern from the warning network; opens the student's file if it has none."""
    ctx.require(Permission.EDIT_CASES)
    source = choice(source, CONCERN_SOURCES, "source")
    reporter_text = optional_text(reporter, "reporter") or ""
    description = required_text(description, "description")
    reported_on = past_or_today(reported_on, "reported_on")
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        concern = Concern(
            student_id=student.id,
            reported_on=reported_on,
            source=source,
            reporter=reporter_text,
            description=description,
            created_by_id=ctx.actor.user_id,
        )
        session.add(concern)
        opened = open_file_if_none(ctx, student)
        session.flush()
        detail = f"concern={concern.id} source={source}"
        if opened:
            detail += " file=opened"
        ctx.audit(session, "concern.add", target=f"student:{student.id}", detail=detail)
        return concern.id


def change_tier(
    ctx: Context,
    student_id: int,
    *,
    to_tier: int,
    effective_on: date,
    reason: str,
    evidence_kind: str,
    evidence: str,
    review_note: str | None = None,
    now: datetime | None = None,
) -> TierChangeResult:
    """Set a student's tier, keeping the history; a raise creates the policy's tasks."""
    ctx.require(Permission.EDIT_CASES)
    target_tier = tier(to_tier, "to_tier")
    effective_on = past_or_today(effective_on, "effective_on")
    reason = required_text(reason, "reason")
    evidence_kind = choice(evidence_kind, EVIDENCE_KINDS, "evidence_kind")
    evidence = required_text(evidence, "evidence")
    note = optional_text(review_note, "review_note")
    moment = utc_moment(now, "now")
    with ctx.vault.write() as session:
        policy = policy_in(session)
        student = get_student(session, student_id)
        require_not_closed(student)
        from_tier = tier(student.tier, "tier")
        if target_tier == from_tier:
            raise ValidationError(
                f"the student is already at tier {from_tier.value}", field="to_tier"
            )
        raising = target_tier > from_tier
        if not raising and note is None:
            raise ValidationError(
                "lowering a tier needs a review record (研判)", field="review_note"
            )
        change = TierChange(
            student_id=student.id,
            from_tier=from_tier.value,
            to_tier=target_tier.value,
            effective_on=effective_on,
            reason=reason,
            evidence_kind=evidence_kind,
            evidence=evidence,
            review_note=note,
            decided_by_id=ctx.actor.user_id,
        )
        session.add(change)
        session.flush()
        tasks: list[NotificationTask] = []
        if raising:
            for recipient in notification_plan(policy, target_tier):
                task = NotificationTask(
                    student_id=student.id,
                    tier_change_id=change.id,
                    recipient_role=recipient.role.value,
                    person=_person_for(session, student, recipient.role),
                    due_at=moment + recipient.within,
                )
                session.add(task)
                tasks.append(task)
        student.tier = target_tier.value
        opened = open_file_if_none(ctx, student)
        refresh_follow_up(session, student, policy)
        session.flush()
        detail = f"from={from_tier.value} to={target_tier.value} tasks={len(tasks)}"
        if opened:
            detail += " file=opened"
        ctx.audit(session, "tier.change", target=f"student:{student.id}", detail=detail)
        return TierChangeResult(change.id, tuple(task.id for task in tasks))


def complete_task(
    ctx: Context,
    task_id: int,
    *,
    method: str,
    acknowledgement: str | None = None,
    done_at: datetime | None = None,
) -> None:
    """Mark a notification task done: who (the actor), how, when and the acknowledgement."""
    ctx.require(Permission.EDIT_CASES)
    method = choice(method, NOTIFY_METHODS, "method")
    ack = optional_text(acknowledgement, "acknowledgement")
    moment = utc_moment(done_at, "done_at")
    if moment > utcnow():
        raise ValidationError("is in the future", field="done_at")
    with ctx.vault.write() as session:
        task = session.get(NotificationTask, task_id)
        if task is None:
            raise ValidationError(f"no notification task with id {task_id}", field="task_id")
        if task.done_at is not None:
            raise ValidationError(f"task {task_id} was already marked done", field="task_id")
        task.done_at = moment
        task.done_by_id = ctx.actor.user_id
        task.done_method = method
        task.acknowledgement = ack
        ctx.audit(
            session,
            "task.done",
            target=f"task:{task.id}",
            detail=f"student={task.student_id} role={task.recipient_role} method={method}",
        )
