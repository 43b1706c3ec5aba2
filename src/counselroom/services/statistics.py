"""Term statistics (统计) as seed 004 counts them: aggregates only, no names, so a viewer may see
them too.

Work done in the term (sessions, group work, lectures, referrals, screenings, closures) is
counted by date within the term. Head counts (students, open files, tiers, grades, care groups)
are the roll as it stands: the vault keeps no roll history. Students who have left (transferred,
graduated) are not on the roll. In August (暑假, no term) the term that just ended is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from counselroom.domain.grades import grade_label
from counselroom.domain.terms import SchoolTerm, term_of
from counselroom.services.context import Context
from counselroom.services.localtime import local_today, utc_start_of
from counselroom.services.roles import Permission
from counselroom.storage.models import (
    Closure,
    CounsellingSession,
    GroupActivity,
    Referral,
    ScreeningBatch,
    ScreeningResult,
    Student,
    StudentGroup,
)

INDIVIDUAL_KINDS = ("individual", "interview", "crisis", "family", "home_visit")
ON_ROLL = ("enrolled", "on_leave")


@dataclass(frozen=True)
class TermStatistics:
    term_label: str
    students: int
    open_files: int
    closed_files: int  # files closed (结案) in the term
    by_tier: dict[int, int]
    by_grade: tuple[tuple[str, int, int], ...]  # (grade label, students, open files)
    individual_sessions: int  # 个体辅导人次
    group_sessions: int  # 团体辅导场次
    lectures: int  # 讲座场次
    referrals_sent: int
    screenings: int  # results
    flagged: int
    groups: dict[str, int]  # care-group code → students on the roll
    start: date | None = None
    end: date | None = None


def reported_term(on: date) -> SchoolTerm:
    term = term_of(on)
    return SchoolTerm(term.year_start, 2) if term.term is None else term


def term_statistics(ctx: Context, on: date | None = None) -> TermStatistics:
    ctx.require(Permission.LIST_STUDENTS)
    term = reported_term(on or local_today())
    start, end = term.start, term.end
    with ctx.vault.read() as session:
        return TermStatistics(
            term_label=term.label_zh,
            students=_count(session, select(func.count(Student.id)).where(_on_roll())),
            open_files=_count(
                session,
                select(func.count(Student.id)).where(_on_roll(), Student.file_state == "open"),
            ),
            closed_files=_count(
                session,
                select(func.count(Closure.id)).where(Closure.closed_on.between(start, end)),
            ),
            by_tier=_by_tier(session),
            by_grade=_by_grade(session),
            individual_sessions=_count(
                session,
                select(func.count(CounsellingSession.id)).where(
                    CounsellingSession.kind.in_(INDIVIDUAL_KINDS),
                    CounsellingSession.started_at >= utc_start_of(start),
                    CounsellingSession.started_at < utc_start_of(end + timedelta(days=1)),
                ),
            ),
            group_sessions=_activities(session, "group_counselling", start, end),
            lectures=_activities(session, "lecture", start, end),
            referrals_sent=_count(
                session,
                select(func.count(Referral.id)).where(Referral.sent_on.between(start, end)),
            ),
            screenings=_screenings(session, start, end, flagged_only=False),
            flagged=_screenings(session, start, end, flagged_only=True),
            groups=_groups(session),
            start=start,
            end=end,
        )


def _on_roll() -> ColumnElement[bool]:
    return Student.status.in_(ON_ROLL)


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(query) or 0)


def _activities(session: Session, kind: str, start: date, end: date) -> int:
    return _count(
        session,
        select(func.count(GroupActivity.id)).where(
            GroupActivity.kind == kind, GroupActivity.on.between(start, end)
        ),
    )


def _screenings(session: Session, start: date, end: date, *, flagged_only: bool) -> int:
    query = (
        select(func.count(ScreeningResult.id))
        .join(ScreeningBatch, ScreeningResult.batch_id == ScreeningBatch.id)
        .where(ScreeningBatch.on.between(start, end))
    )
    if flagged_only:
        query = query.where(ScreeningResult.flags_json.not_in(("[]", "")))
    return _count(session, query)


def _by_tier(session: Session) -> dict[int, int]:
    counts = dict.fromkeys(range(4), 0)
    for tier, n in session.execute(
        select(Student.tier, func.count(Student.id)).where(_on_roll()).group_by(Student.tier)
    ):
        counts[int(tier)] = int(n)
    return counts


def _by_grade(session: Session) -> tuple[tuple[str, int, int], ...]:
    open_file = func.sum(case((Student.file_state == "open", 1), else_=0))
    rows = session.execute(
        select(Student.grade_level, func.count(Student.id), open_file)
        .where(_on_roll(), Student.grade_level.is_not(None))
        .group_by(Student.grade_level)
        .order_by(Student.grade_level)
    )
    return tuple((grade_label(int(level)), int(n), int(o or 0)) for level, n, o in rows)


def _groups(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(StudentGroup.code, func.count(StudentGroup.student_id))
        .join(Student, StudentGroup.student_id == Student.id)
        .where(_on_roll())
        .group_by(StudentGroup.code)
        .order_by(StudentGroup.code)
    )
    return {str(code): int(n) for code, n in rows}
