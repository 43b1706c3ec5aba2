"""The next follow-up date of a file, derived from its records (never typed in).

``Student.next_follow_up`` is a denormalised copy kept for the dashboard and the student list;
every service that changes what it depends on — a tier decision, a session, a closure or a
reopening, a leave, a return or a cancelled leave — calls :func:`refresh_follow_up` in the same
transaction, so the copy always equals what the records say.

Leave (休学) pauses follow-up: the student is in hospital or at home, not in school, so no date
is due while he is on leave (DOMAIN.md "Referral, leave and return"). After the return (复学)
he is seen more closely for the first weeks: the policy's return follow-up dates (weekly × 4 by
default) are days counted from the return, each closing one week, and the next follow-up is the
earlier of the tier's date and the day closing the first week after the return that has no
session yet (:func:`closer_follow_up`). The closer period ends on the day stored with the
return (``ReturnRecord.close_follow_up_until``, decided when the return was recorded); the
spacing is the policy's current one, so a policy change reaches a return already under way
without stretching it past the period its return meeting agreed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.policy import Policy, follow_up_due, return_follow_up_dates
from counselroom.domain.tiers import Tier
from counselroom.services.localtime import local_date, local_today
from counselroom.storage.models import (
    CounsellingSession,
    Leave,
    ReturnRecord,
    Student,
    TierChange,
)

__all__ = ["closer_follow_up", "refresh_follow_up"]


def closer_follow_up(
    policy: Policy, returned_on: date, until: date | None, last_contact: date | None
) -> date | None:
    """The closer follow-up day still to be met after ``last_contact``; None once none is.

    The days (weekly × 4 by default) each close one week after the return: week 1 is the days
    after the return up to the first day, week 2 up to the second, and so on. A session in a
    week meets that week's follow-up, so the next is the day that closes the week after it (a
    session in week 1 moves the date to week 2's day). A session on or before the return day
    meets none of them. Days after ``until`` (the end of the closer period fixed when the
    return was recorded) are not kept.
    """
    week_began = returned_on
    for day in return_follow_up_dates(policy, returned_on):
        if until is not None and day > until:
            return None
        if last_contact is None or last_contact <= week_began:
            return day
        week_began = day
    return None


def refresh_follow_up(
    session: Session, student: Student, policy: Policy, *, reopened_on: date | None = None
) -> date | None:
    """Recompute and store the student's next follow-up; None for a file that is not open and
    for a student on leave.

    The anchor is the latest of the last session, the last tier decision, (after a reopening)
    the day the file was reopened and the day of the latest return from leave — the return
    restarts the count, so a student does not come back already overdue; the last
    session's next appointment may bring it forward, and so may the closer follow-up after a
    return.
    """
    if student.file_state != "open" or student.status == "on_leave":
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
    back = session.execute(
        select(ReturnRecord.returned_on, ReturnRecord.close_follow_up_until)
        .join(Leave, Leave.id == ReturnRecord.leave_id)
        .where(Leave.student_id == student.id, Leave.state == "returned")
        .order_by(ReturnRecord.returned_on.desc(), ReturnRecord.id.desc())
        .limit(1)
    ).first()
    returned_on = back[0] if back is not None else None
    anchors = [d for d in (last_decision, reopened_on, returned_on) if d is not None]
    contact: date | None = None
    appointment: date | None = None
    if last_session is not None:
        contact = local_date(last_session[0])
        anchors.append(contact)
        if last_session[1] is not None:
            appointment = local_date(last_session[1])
    if not anchors:
        opened = student.file_opened_at
        anchors.append(local_date(opened) if opened is not None else local_today())
    due = follow_up_due(policy, Tier.from_code(student.tier), max(anchors), appointment)
    if back is not None:
        closer = closer_follow_up(policy, back[0], back[1], contact)
        if closer is not None and (due is None or closer < due):
            due = closer
    student.next_follow_up = due
    return due
