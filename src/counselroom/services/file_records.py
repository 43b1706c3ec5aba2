"""Reading the parts of a student's file every role sees (header, tiers, tasks, documents).

One query per part, never one per record."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.grades import grade_label
from counselroom.services.file_entries import (
    DocumentEntry,
    FileHeader,
    TaskEntry,
    TierEntry,
    TransferFact,
)
from counselroom.services.localtime import local_date
from counselroom.storage.models import (
    DocumentRecord,
    NotificationTask,
    SchoolClass,
    Staff,
    Student,
    StudentGroup,
    TierChange,
    TransferRecord,
    TransferStudent,
    User,
)


class AuthorNames:
    """Display names of accounts, read once per file (authors of records)."""

    def __init__(self, session: Session) -> None:
        self._names = {
            int(uid): str(name) for uid, name in session.execute(select(User.id, User.display_name))
        }

    def __call__(self, user_id: int | None) -> str:
        return "" if user_id is None else self._names.get(user_id, f"#{user_id}")


def class_and_head_teacher(session: Session, student: Student) -> tuple[str | None, str | None]:
    """The label of the student's class and its 班主任's name (None where unknown)."""
    if student.class_id is None:
        return None, None
    row = session.execute(
        select(SchoolClass.label, Staff.name)
        .outerjoin(Staff, SchoolClass.head_teacher_id == Staff.id)
        .where(SchoolClass.id == student.class_id)
    ).first()
    return (row[0], row[1]) if row is not None else (None, None)


def read_header(session: Session, student: Student) -> FileHeader:
    label, head_teacher = class_and_head_teacher(session, student)
    groups = session.scalars(
        select(StudentGroup.code)
        .where(StudentGroup.student_id == student.id)
        .order_by(StudentGroup.code)
    )
    return FileHeader(
        student_id=student.id,
        name=student.name,
        student_no=student.student_no,
        grade=grade_label(student.grade_level) if student.grade_level else "",
        class_label=label or student.class_label_original or "",
        head_teacher=head_teacher or "",
        tier=student.tier,
        groups=tuple(groups),
        status=student.status,
        file_state=student.file_state,
        next_follow_up=student.next_follow_up,
        transfer=_latest_transfer(session, student.id),
    )


def _latest_transfer(session: Session, student_id: int) -> TransferFact | None:
    row = session.execute(
        select(TransferRecord.direction, TransferRecord.at, TransferRecord.counterpart)
        .join(TransferStudent, TransferStudent.transfer_id == TransferRecord.id)
        .where(TransferStudent.student_id == student_id, TransferStudent.outcome != "unchanged")
        .order_by(TransferRecord.at.desc(), TransferRecord.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    direction, at, school = row
    return TransferFact(direction, local_date(at), school)


def read_tiers(
    session: Session, student_id: int, names: AuthorNames, *, full: bool
) -> tuple[TierEntry, ...]:
    rows = session.scalars(
        select(TierChange)
        .where(TierChange.student_id == student_id)
        .order_by(TierChange.effective_on, TierChange.id)
    )
    return tuple(
        TierEntry(
            id=t.id,
            from_tier=t.from_tier,
            to_tier=t.to_tier,
            effective_on=t.effective_on,
            reason=t.reason if full else "",
            evidence_kind=t.evidence_kind,
            evidence=t.evidence if full else "",
            review_note=(t.review_note or "") if full else "",
            decided_by=names(t.decided_by_id),
            created_at=t.created_at,
        )
        for t in rows
    )


def read_tasks(
    session: Session, student_id: int, names: AuthorNames, *, full: bool
) -> tuple[TaskEntry, ...]:
    rows = session.scalars(
        select(NotificationTask)
        .where(NotificationTask.student_id == student_id)
        .order_by(NotificationTask.due_at, NotificationTask.id)
    )
    return tuple(
        TaskEntry(
            id=t.id,
            recipient_role=t.recipient_role,
            person=t.person,
            method=t.method,
            due_at=t.due_at,
            done_at=t.done_at,
            done_by=names(t.done_by_id),
            done_method=t.done_method,
            acknowledgement=t.acknowledgement,
            note=(t.note or "") if full else "",
            tier_change_id=t.tier_change_id,
        )
        for t in rows
    )


def read_documents(
    session: Session, student_id: int, names: AuthorNames
) -> tuple[DocumentEntry, ...]:
    rows = session.scalars(
        select(DocumentRecord)
        .where(DocumentRecord.student_id == student_id)
        .order_by(DocumentRecord.created_at, DocumentRecord.id)
    )
    return tuple(
        DocumentEntry(
            d.id,
            d.kind,
            d.title,
            d.created_at,
            names(d.created_by_id),
            d.action,
            d.template_version,
            d.sha256,
            d.number,
        )
        for d in rows
    )
