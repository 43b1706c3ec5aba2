"""The week calendar: Monday-to-Sunday bounds in local time, each kind of item, the latest
session and plan version only, closed files left out, overdue flags and the viewer's view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from counselroom.domain.errors import ValidationError
from counselroom.services.calendar import CalendarItem, WeekCalendar, week_calendar, week_of
from counselroom.services.context import Context
from counselroom.services.roles import Role
from counselroom.storage.base import Base
from counselroom.storage.models import (
    AuditEntry,
    CounsellingSession,
    NotificationTask,
    Plan,
    SchoolClass,
    Student,
)
from vault_fixtures import account, make_vault

# The week of 28 December 2026 (Monday) to 3 January 2027 (Sunday); today is the Wednesday.
MONDAY = date(2026, 12, 28)
TODAY = date(2026, 12, 30)
NOW = datetime(2026, 12, 30, 2)  # 10:00 in Beijing, as stored (UTC)
NEXT_MONDAY = date(2027, 1, 4)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A Beijing wall-clock time as stored (naive UTC)."""
    return datetime(day.year, day.month, day.day, hour, minute) - timedelta(hours=8)


def d(month: int, day: int) -> date:
    return date(2026 if month == 12 else 2027, month, day)


@dataclass
class School:
    admin: Context
    counsellor: Context
    viewer: Context
    ids: dict[str, int]


def _add(session: Any, model: type[Base], **values: Any) -> int:
    row = model(**values)
    session.add(row)
    session.flush()
    return int(row.id)  # type: ignore[attr-defined]


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    uid = counsellor.actor.user_id
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    ids: dict[str, int] = {}
    with admin.vault.write() as s:
        cls = _add(s, SchoolClass, grade_level=8, number=3, label="初二(3)班")

        def student(key: str, tier: int = 1, file_state: str = "open", **kw: Any) -> int:
            ids[key] = _add(
                s,
                Student,
                name=f"学生{key}",
                grade_level=8,
                class_id=cls,
                tier=tier,
                file_state=file_state,
                **kw,
            )
            return ids[key]

        def session(key: str, sid: int, started: datetime, appointment: datetime | None) -> None:
            ids[key] = _add(
                s,
                CounsellingSession,
                student_id=sid,
                started_at=started,
                duration_min=40,
                kind="individual",
                counsellor_id=uid,
                next_appointment=appointment,
            )

        def plan(key: str, sid: int, version: int, review: date) -> None:
            ids[key] = _add(
                s,
                Plan,
                student_id=sid,
                version=version,
                assessment="a",
                goals="g",
                review_on=review,
                created_by_id=uid,
            )

        def task(key: str, sid: int, due: datetime, done: datetime | None = None) -> None:
            ids[key] = _add(
                s,
                NotificationTask,
                student_id=sid,
                recipient_role="guardian" if key.endswith("guardian") else "head_teacher",
                due_at=due,
                done_at=done,
            )

        # Follow-ups.
        student("fu_over", tier=2, next_follow_up=d(12, 29))
        student("fu_today", tier=1, next_follow_up=TODAY)
        student("fu_sunday", tier=3, next_follow_up=d(1, 3))
        student("fu_leave", tier=2, status="on_leave", next_follow_up=d(12, 31))
        student("fu_next", tier=1, next_follow_up=NEXT_MONDAY)
        student("fu_before", tier=1, next_follow_up=d(12, 27))
        student("fu_closed", tier=1, file_state="closed", next_follow_up=d(12, 31))

        # Appointments: only the latest session's counts.
        appt = student("appt", tier=1)
        session("appt_old", appt, local(d(12, 1), 9), local(d(12, 31), 10))
        session("appt_new", appt, local(d(12, 15), 9), local(d(1, 1), 9))
        missed = student("appt_missed", tier=2)
        session("appt_missed_s", missed, local(d(12, 20), 9), local(d(12, 29), 15))
        night = student("appt_night", tier=1)  # 01:00 on Thursday is Wednesday in UTC
        session("appt_night_s", night, local(d(12, 21), 9), local(d(12, 31), 1))
        late = student("appt_late", tier=1)  # Sunday 23:30 local is still this week
        session("appt_late_s", late, local(d(12, 21), 9), local(d(1, 3), 23, 30))
        early = student("appt_early", tier=1)  # Monday 00:30 local is next week
        session("appt_early_s", early, local(d(12, 21), 9), local(NEXT_MONDAY, 0, 30))
        shut = student("appt_closed", tier=1, file_state="closed")
        session("appt_closed_s", shut, local(d(12, 21), 9), local(d(12, 31), 14))
        twin = student("appt_twin", tier=1)  # two sessions at the same minute
        session("twin_a", twin, local(d(12, 22), 9), local(d(12, 29), 9))
        session("twin_b", twin, local(d(12, 22), 9), local(d(12, 30), 9))
        gone = student("appt_gone", tier=1)  # the latest session made no appointment
        session("gone_old", gone, local(d(12, 1), 9), local(d(12, 31), 11))
        session("gone_new", gone, local(d(12, 10), 9), None)

        # Plan reviews: the latest version's date only.
        planned = student("plan", tier=1)
        plan("plan_v1", planned, 1, d(12, 29))
        plan("plan_v2", planned, 2, d(1, 2))
        plan("plan_over", student("plan_late", tier=2), 1, MONDAY)
        plan("plan_closed", student("plan_shut", file_state="closed"), 1, d(12, 30))
        plan("plan_next", student("plan_far"), 1, NEXT_MONDAY)

        # Notification tasks of a pupil without a file, of a closed file, of a tier-2 file.
        pupil = student("tasks", tier=0, file_state="none")
        task("task_monday", pupil, local(MONDAY, 0))
        task("task_over_guardian", pupil, local(TODAY, 9))
        task("task_later", pupil, local(TODAY, 16))
        task("task_done", pupil, local(TODAY, 8), done=local(TODAY, 8, 30))
        task("task_next", pupil, local(NEXT_MONDAY, 0, 30))
        task("task_last_week", pupil, local(d(12, 27), 23, 59))
        task("task_same_time", ids["fu_over"], local(TODAY, 16))
        task("task_closed", ids["fu_closed"], local(TODAY, 11))
    yield School(admin, counsellor, viewer, ids)
    admin.close()


def items(week: WeekCalendar) -> list[CalendarItem]:
    return [item for _day, found in week.days for item in found]


def by_record(week: WeekCalendar, kind: str) -> dict[int | None, CalendarItem]:
    return {i.record_id: i for i in items(week) if i.kind == kind}


def test_week_of_is_the_monday(school: School) -> None:
    assert week_of(MONDAY) == MONDAY
    assert week_of(date(2027, 1, 3)) == MONDAY  # Sunday, across the year end
    assert week_of(date(2027, 1, 1)) == MONDAY
    assert week_of(date(2026, 3, 1)) == date(2026, 2, 23)  # across a month end
    assert week_of(date(2024, 3, 2)) == date(2024, 2, 26)  # leap year


def test_seven_days_monday_to_sunday_across_the_year_end(school: School) -> None:
    for day in (MONDAY, TODAY, date(2027, 1, 3)):
        week = week_calendar(school.counsellor, day, today=TODAY, now=NOW)
        assert week.monday == MONDAY and week.today == TODAY
        assert [day for day, _ in week.days] == [MONDAY + timedelta(days=n) for n in range(7)]
    default = week_calendar(school.counsellor, today=TODAY, now=NOW)
    assert default == week_calendar(school.counsellor, TODAY, today=TODAY, now=NOW)
    assert all(i.day == day for day, found in default.days for i in found)


def test_follow_ups_of_open_files_not_on_leave(school: School) -> None:
    ids = school.ids
    week = week_calendar(school.counsellor, TODAY, today=TODAY, now=NOW)
    follow = by_record(week, "follow_up")
    assert set(follow) == {ids["fu_over"], ids["fu_today"], ids["fu_sunday"]}
    over = follow[ids["fu_over"]]
    assert (over.day, over.at, over.detail, over.overdue) == (d(12, 29), None, "tier2", True)
    assert (over.name, over.class_label, over.tier) == ("学生fu_over", "初二(3)班", 2)
    assert not follow[ids["fu_today"]].overdue
    assert follow[ids["fu_sunday"]].detail == "tier3"
    nxt = by_record(week_calendar(school.counsellor, NEXT_MONDAY, today=TODAY), "follow_up")
    assert set(nxt) == {ids["fu_next"]}


def test_appointments_of_the_latest_session_only(school: School) -> None:
    ids = school.ids
    week = week_calendar(school.counsellor, TODAY, today=TODAY, now=NOW)
    appts = by_record(week, "appointment")
    assert set(appts) == {
        ids["appt_new"],
        ids["appt_missed_s"],
        ids["appt_night_s"],
        ids["appt_late_s"],
        ids["twin_b"],
    }
    new = appts[ids["appt_new"]]
    assert (new.student_id, new.day, new.at) == (ids["appt"], d(1, 1), local(d(1, 1), 9))
    assert (new.detail, new.overdue) == ("", False)
    assert appts[ids["appt_missed_s"]].overdue  # Tuesday 15:00, no session since
    assert appts[ids["appt_night_s"]].day == d(12, 31)  # the local day, not the UTC one
    assert appts[ids["appt_late_s"]].day == d(1, 3)
    assert appts[ids["twin_b"]].at == local(TODAY, 9)  # the later record of the twins
    assert appts[ids["twin_b"]].overdue  # 09:00 today and now is 10:00
    nxt = by_record(week_calendar(school.counsellor, NEXT_MONDAY, today=TODAY), "appointment")
    assert set(nxt) == {ids["appt_early_s"]}


def test_plan_reviews_of_the_latest_version_only(school: School) -> None:
    ids = school.ids
    week = week_calendar(school.counsellor, TODAY, today=TODAY, now=NOW)
    reviews = by_record(week, "plan_review")
    assert set(reviews) == {ids["plan_v2"], ids["plan_over"]}
    v2 = reviews[ids["plan_v2"]]
    assert (v2.student_id, v2.day, v2.at, v2.detail, v2.overdue) == (
        ids["plan"],
        d(1, 2),
        None,
        "",
        False,
    )
    assert reviews[ids["plan_over"]].overdue


def test_open_tasks_due_in_the_week_except_closed_files(school: School) -> None:
    ids = school.ids
    week = week_calendar(school.counsellor, TODAY, today=TODAY, now=NOW)
    tasks = by_record(week, "task")
    assert set(tasks) == {
        ids["task_monday"],
        ids["task_over_guardian"],
        ids["task_later"],
        ids["task_same_time"],
    }
    over = tasks[ids["task_over_guardian"]]
    assert (over.day, over.at, over.detail, over.overdue) == (
        TODAY,
        local(TODAY, 9),
        "guardian",
        True,
    )
    assert tasks[ids["task_monday"]].day == MONDAY
    assert tasks[ids["task_monday"]].overdue
    assert not tasks[ids["task_later"]].overdue
    assert tasks[ids["task_later"]].detail == "head_teacher"
    # A later "now" the same day makes the 16:00 tasks overdue.
    later = week_calendar(school.counsellor, TODAY, today=TODAY, now=local(TODAY, 16, 1))
    assert all(i.overdue for i in by_record(later, "task").values())


def test_a_day_lists_day_items_first_then_by_time_and_higher_tier(school: School) -> None:
    ids = school.ids
    week = week_calendar(school.counsellor, TODAY, today=TODAY, now=NOW)
    today = dict(week.days)[TODAY]
    assert [(i.kind, i.record_id) for i in today] == [
        ("follow_up", ids["fu_today"]),  # a day-only item heads the day
        ("appointment", ids["twin_b"]),  # 09:00, tier 1
        ("task", ids["task_over_guardian"]),  # 09:00, tier 0
        ("task", ids["task_same_time"]),  # 16:00, tier 2
        ("task", ids["task_later"]),  # 16:00, tier 0
    ]
    for _day, found in week.days:
        keys = [(i.at is not None, i.at or datetime.min, -i.tier) for i in found]
        assert keys == sorted(keys)


def test_a_viewer_gets_follow_ups_and_tasks_only(school: School) -> None:
    full = week_calendar(school.counsellor, TODAY, today=TODAY, now=NOW)
    week = week_calendar(school.viewer, TODAY, today=TODAY, now=NOW)
    assert week.restricted and not full.restricted
    assert {i.kind for i in items(week)} == {"follow_up", "task"}
    assert items(week) == [i for i in items(full) if i.kind in ("follow_up", "task")]
    assert len(week.days) == 7


def test_a_time_is_not_a_day(school: School) -> None:
    with pytest.raises(ValidationError) as err:
        week_calendar(school.counsellor, NOW, today=TODAY)
    assert err.value.field == "day"


def count_queries(ctx: Context, call: Callable[[], object]) -> int:
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(ctx.vault.engine, "before_cursor_execute", seen)
    try:
        call()
    finally:
        event.remove(ctx.vault.engine, "before_cursor_execute", seen)
    return len(statements)


def test_constant_queries_and_no_audit(school: School) -> None:
    def run() -> WeekCalendar:
        return week_calendar(school.counsellor, TODAY, today=TODAY, now=NOW)

    def audit_count() -> int:
        with school.admin.vault.read() as s:
            return int(s.scalar(select(func.count(AuditEntry.seq))) or 0)

    before = audit_count()
    small = count_queries(school.counsellor, run)
    shown = len(items(run()))
    uid = school.counsellor.actor.user_id
    with school.admin.vault.write() as s:
        for n in range(20):
            sid = _add(s, Student, name=f"加{n}", tier=1, file_state="open", next_follow_up=TODAY)
            _add(
                s,
                CounsellingSession,
                student_id=sid,
                started_at=local(d(12, 1), 9),
                duration_min=30,
                kind="individual",
                counsellor_id=uid,
                next_appointment=local(TODAY, 14),
            )
            _add(
                s,
                Plan,
                student_id=sid,
                version=1,
                assessment="a",
                goals="g",
                review_on=TODAY,
                created_by_id=uid,
            )
            _add(s, NotificationTask, student_id=sid, recipient_role="x", due_at=local(TODAY, 20))
    assert len(items(run())) == shown + 4 * 20
    assert count_queries(school.counsellor, run) == small
    assert audit_count() == before
