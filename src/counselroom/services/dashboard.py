"""The 工作台: what needs doing today, each line pointing at a student file.

Six lists, each one query joined to the student and his class (no query per student), so the
dashboard stays well inside DESIGN.md's 300 ms at size M. A viewer (班主任/principal level)
gets the required actions only — follow-ups, files never followed up, notification tasks and
break-glass lines (班主任/guardian not yet told of a 自伤/他伤 disclosure) — and
``restricted=True``; interviews (screening flags), plan reviews and referrals are counsellor
work. The dashboard shows no file, so it is not audited.

Dates are local (Beijing) days; stored times are UTC (see :mod:`.timeline`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from counselroom.domain.policy import Policy, notification_plan, referral_feedback_due
from counselroom.domain.tiers import RecipientRole, Tier
from counselroom.services.break_glass import pending_break_glass
from counselroom.services.context import Context
from counselroom.services.dashboard_interviews import interview_items
from counselroom.services.dashboard_items import (
    DashboardItem,
    item,
    latest_plan,
    sort_items,
    who,
)
from counselroom.services.localtime import local_date, local_today, utc_start_of
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.storage.base import utcnow
from counselroom.storage.models import (
    CounsellingSession,
    NotificationTask,
    Plan,
    Referral,
    SchoolClass,
    Student,
)

__all__ = ["KINDS", "Dashboard", "DashboardItem", "dashboard"]

KINDS = (
    "follow_up",
    "never_followed",
    "task",
    "break_glass",
    "interview",
    "plan_review",
    "referral_feedback",
)
FOLLOW_UP_AHEAD = timedelta(days=2)
PLAN_REVIEW_AHEAD = timedelta(days=7)
# Break-glass deadline when the policy's tier-3 list has no 班主任 line to take it from: the
# disclosure is an immediate danger, as a tier-3 raise is ("immediately": within 1 hour).
BREAK_GLASS_WITHIN = timedelta(hours=1)
# Recipient of the same-day risk assessment a positive PHQ-9 item 9 creates (no tier change).
RISK_ASSESSMENT_ROLE = "counsellor"


@dataclass(frozen=True)
class Dashboard:
    today: date
    follow_ups: tuple[DashboardItem, ...]
    never_followed: tuple[DashboardItem, ...]
    tasks: tuple[DashboardItem, ...]
    interviews: tuple[DashboardItem, ...]
    plan_reviews: tuple[DashboardItem, ...]
    referral_feedback: tuple[DashboardItem, ...]
    restricted: bool

    @property
    def overdue_count(self) -> int:
        return sum(
            item.overdue
            for part in (
                self.follow_ups,
                self.never_followed,
                self.tasks,
                self.interviews,
                self.plan_reviews,
                self.referral_feedback,
            )
            for item in part
        )


def dashboard(ctx: Context, today: date | None = None, *, now: datetime | None = None) -> Dashboard:
    """``today`` is the local day (default: today in Beijing); ``now`` the UTC moment tasks are
    compared with (default: the real time, kept within ``today``)."""
    ctx.require(Permission.LIST_STUDENTS)
    day = today or local_today()
    moment = now or _clamp(utcnow(), utc_start_of(day), utc_start_of(day + timedelta(days=1)))
    full = ctx.may(Permission.READ_CASE_NOTES)
    with ctx.vault.read() as session:
        follow_ups = _follow_ups(session, day)
        never = _never_followed(session, day)
        tasks = sort_items((*_tasks(session, day, moment), *_break_glass(session, moment)))
        if full:
            interviews = interview_items(session, day)
            reviews = _plan_reviews(session, day)
            feedback = _referral_feedback(session, day, policy_in(session))
        else:
            interviews = reviews = feedback = ()
    return Dashboard(
        today=day,
        follow_ups=follow_ups,
        never_followed=never,
        tasks=tasks,
        interviews=interviews,
        plan_reviews=reviews,
        referral_feedback=feedback,
        restricted=not full,
    )


# -- the lists -----------------------------------------------------------------------------


def _clamp(value: datetime, low: datetime, high: datetime) -> datetime:
    return max(low, min(value, high))


def _follow_ups(session: Session, day: date) -> tuple[DashboardItem, ...]:
    rows = session.execute(
        who()
        .add_columns(Student.next_follow_up)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(
            Student.file_state == "open",
            Student.status != "on_leave",
            Student.next_follow_up <= day + FOLLOW_UP_AHEAD,
        )
    )
    return sort_items(
        item(row, "follow_up", f"tier{int(row[3])}", row[4], row[4] < day, int(row[0]))
        for row in rows
    )


def _never_followed(session: Session, day: date) -> tuple[DashboardItem, ...]:
    """Open files without a single session; due from the day the file was opened."""
    rows = session.execute(
        who()
        .add_columns(Student.file_opened_at)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(
            Student.file_state == "open",
            Student.status != "on_leave",
            ~exists().where(CounsellingSession.student_id == Student.id),
        )
    )
    items = []
    for row in rows:
        opened = local_date(row[4]) if row[4] is not None else None
        overdue = opened is not None and opened < day
        items.append(item(row, "never_followed", "no_session", opened, overdue, int(row[0])))
    return sort_items(items)


def _tasks(session: Session, day: date, now: datetime) -> tuple[DashboardItem, ...]:
    """Open notification tasks due by the end of tomorrow (local).

    Closed files leave the dashboard and keep their tasks — except the counsellor's same-day
    risk assessment after a positive PHQ-9 item 9 (no tier change behind it): a closed file
    says nothing about today's answer, so that task is listed whatever the file's state."""
    horizon = utc_start_of(day + timedelta(days=2))
    risk_task = and_(
        NotificationTask.recipient_role == RISK_ASSESSMENT_ROLE,
        NotificationTask.tier_change_id.is_(None),
    )
    rows = session.execute(
        who()
        .add_columns(NotificationTask.id, NotificationTask.recipient_role, NotificationTask.due_at)
        .join(NotificationTask, NotificationTask.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(
            NotificationTask.done_at.is_(None),
            NotificationTask.due_at < horizon,
            or_(Student.file_state != "closed", risk_task),
        )
    )
    return sort_items(
        item(row, "task", str(row[5]), local_date(row[6]), row[6] < now, int(row[4]))
        for row in rows
    )


def _break_glass(session: Session, now: datetime) -> tuple[DashboardItem, ...]:
    """One line per recipient not yet recorded as told of a 自伤/他伤 disclosure.

    Both 班主任 and guardian are due at the policy's tier-3 "immediate" deadline (its 班主任
    line): the break-glass rule is about a present danger, so the guardian's usual 24 hours of
    a tier-3 raise do not apply. A viewer sees these too — they are required actions.
    """
    pending = pending_break_glass(session)
    if not pending:
        return ()
    within = _break_glass_within(policy_in(session))
    rows = {
        int(row[0]): row
        for row in session.execute(
            who()
            .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
            .where(
                Student.id.in_(
                    select(CounsellingSession.student_id).where(
                        CounsellingSession.risk_check != "none"
                    )
                ),
                Student.file_state != "closed",
            )
        )
    }
    items = []
    for p in pending:
        row = rows.get(p.student_id)
        if row is None:
            continue
        due, overdue = local_date(p.started_at), p.started_at + within < now
        for told, role in ((p.head_teacher_told, "head_teacher"), (p.guardian_told, "guardian")):
            if not told:
                items.append(item(row, "break_glass", role, due, overdue, p.session_id))
    return tuple(items)


def _break_glass_within(policy: Policy) -> timedelta:
    for recipient in notification_plan(policy, Tier.CRISIS):
        if recipient.role == RecipientRole.HEAD_TEACHER:
            return recipient.within
    return BREAK_GLASS_WITHIN


def _plan_reviews(session: Session, day: date) -> tuple[DashboardItem, ...]:
    rows = session.execute(
        who()
        .add_columns(Plan.id, Plan.version, Plan.review_on)
        .join(Plan, Plan.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(
            Student.file_state == "open",
            Plan.review_on <= day + PLAN_REVIEW_AHEAD,
            latest_plan(),
        )
    )
    return sort_items(
        item(row, "plan_review", f"v{int(row[5])}", row[6], row[6] < day, int(row[4]))
        for row in rows
    )


def _referral_feedback(session: Session, day: date, policy: Policy) -> tuple[DashboardItem, ...]:
    rows = session.execute(
        who()
        .add_columns(Referral.id, Referral.state, Referral.sent_on, Referral.proposed_on)
        .join(Referral, Referral.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(Referral.state.in_(("sent", "seen")), Referral.feedback_on.is_(None))
    )
    items = []
    for row in rows:
        due = referral_feedback_due(policy, row[6] or row[7])
        items.append(item(row, "referral_feedback", str(row[5]), due, due < day, int(row[4])))
    return sort_items(items)
