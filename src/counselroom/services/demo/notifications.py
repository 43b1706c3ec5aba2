"""Notification tasks a tier raise creates, from the policy's list for the new tier.

Most tasks are done within their deadline and some late; a few due in the last two weeks are
still open (overdue), and some not yet due are open, so the demo's dashboard has work to show.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from counselroom.domain.policy import notification_plan
from counselroom.domain.tiers import RecipientRole, Tier
from counselroom.storage.models import NotificationTask

from . import wording
from .places import DISTRICT_OFFICE
from .world import Pupil, World

RECENT = timedelta(days=14)  # only tasks due this recently may still be open (overdue)
_METHODS = {
    RecipientRole.GUARDIAN: "phone",
    RecipientRole.DISTRICT: "letter",
}
_OFFICES = {
    RecipientRole.MORAL_EDUCATION: "moral_education",
    RecipientRole.VICE_PRINCIPAL: "vice_principal",
    RecipientRole.PRINCIPAL: "principal",
    RecipientRole.SAFETY_OFFICE: "safety_office",
}


def person_for(world: World, pupil: Pupil, role: RecipientRole) -> str:
    if role == RecipientRole.HEAD_TEACHER:
        return pupil.head_teacher
    if role == RecipientRole.SUBJECT_TEACHERS:
        return "、".join(world.subject_teachers.get(pupil.grade, [])[:2])
    if role == RecipientRole.GUARDIAN:
        guardian = pupil.guardian
        return f"{guardian.name}（{guardian.relation}）"
    if role == RecipientRole.DISTRICT:
        return DISTRICT_OFFICE
    return world.staff_name(_OFFICES[role])


def add_raise_tasks(
    world: World, pupil: Pupil, tier_change_id: int, tier: int, decided: datetime
) -> int:
    """One task per recipient of ``tier``'s list, in the policy's order; returns the count."""
    rng = world.rng
    now = world.now
    plan = notification_plan(world.policy, Tier(tier))
    for role, within in plan:
        due = decided + within
        method = _METHODS.get(role, "in_person" if tier == 3 else "message")
        done_at: datetime | None = None
        if due < now - RECENT or (due < now and rng.random() < 0.75):
            late = rng.random() < 0.05
            fraction = rng.uniform(1.05, 1.6) if late else rng.uniform(0.05, 0.9)
            done_at = min(decided + within * fraction, now - timedelta(minutes=30))
        elif due >= now and rng.random() < 0.4:
            done_at = decided + (now - decided) * rng.uniform(0.1, 0.9)
        world.tables.add(
            NotificationTask,
            student_id=pupil.id,
            tier_change_id=tier_change_id,
            recipient_role=role.value,
            person=person_for(world, pupil, role),
            method=method,
            due_at=due,
            done_at=done_at,
            done_by_id=world.counsellor_id if done_at else None,
            done_method=method if done_at else None,
            acknowledgement=rng.choice(wording.ACKNOWLEDGEMENTS) if done_at else None,
            note=None,
            created_at=decided,
            origin=None,
        )
    return len(plan)


def add_risk_task(world: World, pupil: Pupil, flagged_at: datetime, done_at: datetime) -> None:
    """PHQ-9 item 9 above the threshold: a same-day risk assessment by the counsellor."""
    world.tables.add(
        NotificationTask,
        student_id=pupil.id,
        tier_change_id=None,
        recipient_role="counsellor",
        person=world.counsellor_name,
        method="in_person",
        due_at=flagged_at.replace(hour=15, minute=59),  # 23:59 Beijing time, same day
        done_at=done_at,
        done_by_id=world.counsellor_id,
        done_method="in_person",
        acknowledgement=None,
        note=wording.ITEM9_NOTE,
        created_at=flagged_at,
        origin=None,
    )
