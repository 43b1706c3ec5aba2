"""Reading students: the list (every role) and one file (audited; notes need a counsellor).

DTOs are plain frozen dataclasses so the window, the CLI and the tests never hold ORM rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import CounselRoomError
from counselroom.domain.grades import grade_label
from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.storage.models import (
    CounsellingSession,
    Leave,
    NotificationTask,
    Plan,
    Referral,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    Student,
    StudentGroup,
)


@dataclass(frozen=True)
class StudentRow:
    id: int
    student_no: str | None
    name: str
    name_pinyin: str
    grade_level: int | None
    grade: str
    class_label: str
    tier: int
    status: str
    file_state: str
    next_follow_up: date | None
    groups: tuple[str, ...]


@dataclass(frozen=True)
class TaskInfo:
    role: str
    person: str
    due: datetime
    done_at: datetime | None


@dataclass(frozen=True)
class ReferralInfo:
    state: str
    urgency: str
    sent_at: date | None
    seen_at: date | None
    feedback_at: date | None


@dataclass(frozen=True)
class LeaveInfo:
    """The latest leave; ``end`` is the day he came back, or while away the expected day."""

    state: str
    start: date
    end: date | None


@dataclass(frozen=True)
class ScreeningInfo:
    instrument: str
    date: date
    total: int | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class StudentDetail:
    """One file. Fields a viewer may not see are None (never silently empty lists)."""

    row: StudentRow
    tasks: tuple[TaskInfo, ...]
    plan_version: int | None
    sessions: int | None
    referrals: tuple[ReferralInfo, ...] | None
    leave: LeaveInfo | None
    screenings: tuple[ScreeningInfo, ...] | None
    restricted: bool


def _grade(level: int | None) -> str:
    return grade_label(level) if level else ""


def list_students(ctx: Context) -> list[StudentRow]:
    """Every student, sorted by grade, class and name — one query per table, no N+1."""
    ctx.require(Permission.LIST_STUDENTS)
    with ctx.vault.read() as session:
        groups: dict[int, list[str]] = {}
        for student_id, code in session.execute(select(StudentGroup.student_id, StudentGroup.code)):
            groups.setdefault(student_id, []).append(code)
        rows = session.execute(
            select(Student, SchoolClass.label)
            .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
            .order_by(Student.grade_level, SchoolClass.number, Student.name_pinyin, Student.id)
        )
        return [
            _row(student, label, tuple(sorted(groups.get(student.id, ()))))
            for student, label in rows
        ]


def _row(student: Student, class_label: str | None, groups: tuple[str, ...]) -> StudentRow:
    return StudentRow(
        id=student.id,
        student_no=student.student_no,
        name=student.name,
        name_pinyin=student.name_pinyin or "",
        grade_level=student.grade_level,
        grade=_grade(student.grade_level),
        class_label=class_label or student.class_label_original or "",
        tier=student.tier,
        status=student.status,
        file_state=student.file_state,
        next_follow_up=student.next_follow_up,
        groups=groups,
    )


def resolve_student(session: Session, sid: str) -> Student:
    """SID is the 学籍号 or the internal id (DESIGN.md CLI contract)."""
    text = sid.strip()
    student: Student | None = None
    if text.isascii() and text.isdigit() and len(text) < 10:
        student = session.get(Student, int(text))
    if student is None:
        student = session.scalars(
            select(Student).where(Student.student_no == text.upper())
        ).one_or_none()
    if student is None:
        raise CounselRoomError(f"no student with id or 学籍号 {sid!r}")
    return student


def show_student(ctx: Context, sid: str) -> StudentDetail:
    ctx.require(Permission.LIST_STUDENTS)
    full = ctx.may(Permission.READ_CASE_NOTES)
    with ctx.vault.write() as session:
        student = resolve_student(session, sid)
        label = student.school_class.label if student.school_class else None
        row = _row(student, label, tuple(sorted(g.code for g in student.groups)))
        tasks = tuple(
            TaskInfo(t.recipient_role, t.person, t.due_at, t.done_at)
            for t in session.scalars(
                select(NotificationTask)
                .where(NotificationTask.student_id == student.id)
                .order_by(NotificationTask.due_at)
            )
        )
        leave_row = session.scalars(
            select(Leave).where(Leave.student_id == student.id).order_by(Leave.start_on.desc())
        ).first()
        leave = (
            LeaveInfo(
                leave_row.state,
                leave_row.start_on,
                leave_row.return_record.returned_on
                if leave_row.return_record is not None
                else leave_row.expected_return_on,
            )
            if leave_row
            else None
        )
        detail = StudentDetail(
            row=row,
            tasks=tasks,
            plan_version=_plan_version(session, student.id) if full else None,
            sessions=_session_count(session, student.id) if full else None,
            referrals=_referrals(session, student.id) if full else None,
            leave=leave,
            screenings=_screenings(session, student.id) if full else None,
            restricted=not full,
        )
        ctx.audit(
            session,
            "student.view",
            target=f"student:{student.id}",
            detail="full" if full else "restricted",
        )
    return detail


def _plan_version(session: Session, student_id: int) -> int | None:
    return session.scalar(select(func.max(Plan.version)).where(Plan.student_id == student_id))


def _session_count(session: Session, student_id: int) -> int:
    return int(
        session.scalar(select(func.count()).where(CounsellingSession.student_id == student_id)) or 0
    )


def _referrals(session: Session, student_id: int) -> tuple[ReferralInfo, ...]:
    return tuple(
        ReferralInfo(r.state, r.urgency, r.sent_on, r.seen_on, r.feedback_on)
        for r in session.scalars(
            select(Referral).where(Referral.student_id == student_id).order_by(Referral.proposed_on)
        )
    )


def _screenings(session: Session, student_id: int) -> tuple[ScreeningInfo, ...]:
    rows = session.execute(
        select(
            ScreeningBatch.instrument,
            ScreeningBatch.on,
            ScreeningResult.total,
            ScreeningResult.flags_json,
        )
        .join(ScreeningBatch, ScreeningResult.batch_id == ScreeningBatch.id)
        .where(ScreeningResult.student_id == student_id)
        .order_by(ScreeningBatch.on)
    )
    return tuple(
        ScreeningInfo(instrument, on, total, tuple(json.loads(flags or "[]")))
        for instrument, on, total, flags in rows
    )
