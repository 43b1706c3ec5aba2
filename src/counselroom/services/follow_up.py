"""The next follow-up date of a file, derived from its records (never typed in).

``Student.next_follow_up`` is a denormalised copy kept for the dashboard and the student list;
every service that changes what it depends on — a tier decision, a session, a closure or a
reopening — calls :func:`refresh_follow_up` in the same transaction, so the copy always equals
what the records say.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.policy import Policy, follow_up_due
from counselroom.domain.tiers import Tier
from counselroom.services.localtime import local_date, local_today
from counselroom.storage.models import CounsellingSession, Student, TierChange

__all__ = ["refresh_follow_up"]


def refresh_follow_up(
    session: Session, student: Student, policy: Policy, *, reopened_on: date | None = None
) -> date | None:
    """Recompute and store the student's next follow-up; None for a file that is not open.

    The anchor is the latest of the last session, the last tier decision and (after a reopening)
    the day the file was reopened; the last session's next appointment may bring it forward.
    """
    if student.file_state != "open":
        student.next_follow_up = None
        return None
    session.flush()  # the caller's new rows count
    last_session = session.execute(
        select(CounsellingSession.started_at, CounsellingSession.next_appointment)
        .where(CounsellingSession.student_id == student.id)
        .order_by(CounsellingSession.started_at.desc(), CounsellingSession.id.desc())
        .limit(1)
    ).first()
    last_decision = session.scalar(
        select(TierChange.effective_on)
        .where(TierChange.student_id == student.id)
        .order_by(TierChange.effective_on.desc())
        .limit(1)
    )
    anchors = [d for d in (last_decision, reopened_on) if d is not None]
    appointment: date | None = None
    if last_session is not None:
        anchors.append(local_date(last_session[0]))
        if last_session[1] is not None:
            appointment = local_date(last_session[1])
    if not anchors:
        opened = student.file_opened_at
        anchors.append(local_date(opened) if opened is not None else local_today())
    due = follow_up_due(policy, Tier.from_code(student.tier), max(anchors), appointment)
    student.next_follow_up = due
    return due
