"""The week calendar: what falls on each day of one week (Monday to Sunday), per student.

The dashboard answers "what is due now"; the calendar answers "what is coming this week", so a
counsellor can plan appointments around follow-ups and plan reviews. Four kinds of item, each
one query joined to the student and his class (no query per student):

- follow-ups: open files not on leave, by ``Student.next_follow_up`` (a local day);
- appointments: the ``next_appointment`` of each open file's latest session only — an earlier
  session's appointment was either kept (a later session exists) or replaced;
- plan reviews: the ``review_on`` of each open file's latest plan version (a review saves a new
  version, so an older version's date is history);
- notification tasks not done, due in the week, except those of closed files.

A viewer (班主任/principal level) gets follow-ups and tasks only, as on the dashboard;
appointments and plan reviews are counsellor work. Like the dashboard it shows no file, so it is
not audited. Days are local (Beijing); stored moments are UTC.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from counselroom.services.checks import local_day
from counselroom.services.context import Context
from counselroom.services.dashboard_items import latest_plan, who
from counselroom.services.localtime import local_date, local_today, utc_start_of
from counselroom.services.roles import Permission
from counselroom.storage.base import utcnow
from counselroom.storage.models import (
    CounsellingSession,
    NotificationTask,
    Plan,
    SchoolClass,
    Student,
)

__all__ = ["KINDS", "CalendarItem", "WeekCalendar", "week_calendar", "week_of"]

KINDS = ("follow_up", "appointment", "plan_review", "task")
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class CalendarItem:
    """One entry; ``detail`` is a short code for the window to translate: the recipient role
    of a task, ``tier<n>`` for a follow-up, "" otherwise. ``record_id`` is the task, the
    session holding the appointment, the plan version, or the student for a follow-up."""

    student_id: int
    name: str
    class_label: str
    tier: int
    kind: str
    day: date
    at: datetime | None
    detail: str
    overdue: bool
    record_id: int | None


@dataclass(frozen=True)
class WeekCalendar:
    monday: date
    today: date
    days: tuple[tuple[date, tuple[CalendarItem, ...]], ...]
    restricted: bool


def week_of(day: date) -> date:
    """The Monday of ``day``'s week (Chinese calendars and school timetables start on Monday)."""
    return day - timedelta(days=day.weekday())


def week_calendar(
    ctx: Context,
    day: date | None = None,
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> WeekCalendar:
    """The week holding ``day`` (default: today). ``today`` is the local day and ``now`` the
    UTC moment that decide what is overdue (defaults: the real ones, ``now`` kept within
    ``today``)."""
    ctx.require(Permission.LIST_STUDENTS)
    current = local_day(today, "today") if today is not None else local_today()
    monday = week_of(local_day(day, "day") if day is not None else current)
    start = utc_start_of(current)
    moment = now or max(start, min(utcnow(), start + timedelta(days=1)))
    full = ctx.may(Permission.READ_CASE_NOTES)
    with ctx.vault.read() as session:
        items = [
            *_follow_ups(session, monday, current),
            *_tasks(session, monday, moment),
        ]
        if full:
            items += _appointments(session, monday, moment)
            items += _plan_reviews(session, monday, current)
    by_day: dict[date, list[CalendarItem]] = {monday + timedelta(days=n): [] for n in range(7)}
    for item in items:
        by_day[item.day].append(item)
    return WeekCalendar(
        monday=monday,
        today=current,
        days=tuple((d, tuple(sorted(found, key=_order))) for d, found in by_day.items()),
        restricted=not full,
    )


def _order(item: CalendarItem) -> tuple[bool, datetime, int, int, int, int]:
    """Day-only items head the day (like all-day events), then by time; the higher tier first."""
    return (
        item.at is not None,
        item.at or datetime.min,
        -item.tier,
        KINDS.index(item.kind),
        item.student_id,
        item.record_id or 0,
    )


# -- the four queries ----------------------------------------------------------------------


def _item(
    row: Any,
    kind: str,
    day: date,
    at: datetime | None,
    detail: str,
    overdue: bool,
    record_id: int,
) -> CalendarItem:
    return CalendarItem(
        student_id=int(row[0]),
        name=str(row[1]),
        class_label=str(row[2] or ""),
        tier=int(row[3]),
        kind=kind,
        day=day,
        at=at,
        detail=detail,
        overdue=overdue,
        record_id=record_id,
    )


def _follow_ups(session: Session, monday: date, today: date) -> Iterable[CalendarItem]:
    rows = session.execute(
        who()
        .add_columns(Student.next_follow_up)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(
            Student.file_state == "open",
            Student.status != "on_leave",
            Student.next_follow_up >= monday,
            Student.next_follow_up < monday + WEEK,
        )
    )
    for row in rows:
        day = row[4]
        yield _item(row, "follow_up", day, None, f"tier{int(row[3])}", day < today, int(row[0]))


def _tasks(session: Session, monday: date, now: datetime) -> Iterable[CalendarItem]:
    rows = session.execute(
        who()
        .add_columns(NotificationTask.id, NotificationTask.recipient_role, NotificationTask.due_at)
        .join(NotificationTask, NotificationTask.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(
            NotificationTask.done_at.is_(None),
            NotificationTask.due_at >= utc_start_of(monday),
            NotificationTask.due_at < utc_start_of(monday + WEEK),
            Student.file_state != "closed",
        )
    )
    for row in rows:
        due = row[6]
        yield _item(row, "task", local_date(due), due, str(row[5]), due < now, int(row[4]))


def _appointments(session: Session, monday: date, now: datetime) -> Iterable[CalendarItem]:
    """A past appointment of the latest session is overdue: no session was recorded since.

    "Latest" is by start time, then by record id, so two sessions recorded at the same minute
    still give one appointment."""
    newer = aliased(CounsellingSession)
    latest_id = (
        select(newer.id)
        .where(newer.student_id == Student.id)
        .order_by(newer.started_at.desc(), newer.id.desc())
        .limit(1)
        .correlate(Student)
        .scalar_subquery()
    )
    rows = session.execute(
        who()
        .add_columns(CounsellingSession.id, CounsellingSession.next_appointment)
        .join(CounsellingSession, CounsellingSession.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(
            Student.file_state == "open",
            CounsellingSession.id == latest_id,
            CounsellingSession.next_appointment >= utc_start_of(monday),
            CounsellingSession.next_appointment < utc_start_of(monday + WEEK),
        )
    )
    for row in rows:
        at = row[5]
        yield _item(row, "appointment", local_date(at), at, "", at < now, int(row[4]))


def _plan_reviews(session: Session, monday: date, today: date) -> Iterable[CalendarItem]:
    rows = session.execute(
        who()
        .add_columns(Plan.id, Plan.review_on)
        .join(Plan, Plan.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(
            latest_plan(),
            Student.file_state == "open",
            Plan.review_on >= monday,
            Plan.review_on < monday + WEEK,
        )
    )
    for row in rows:
        day = row[5]
        yield _item(row, "plan_review", day, None, "", day < today, int(row[4]))
