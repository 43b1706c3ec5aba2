"""Where a leave may start and end: the student's status, the leave in progress, the last return.

Kept apart from the use cases in services/leave.py; each check raises a templated
ValidationError naming the student or the leave (decision 54), before anything is written.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.storage.models import Leave, ReturnRecord, Student

__all__ = ["ON_LEAVE", "last_return", "open_leave", "require_enrolled"]

ON_LEAVE = "on_leave"

_NOT_ENROLLED = {
    "transferred": QT_TRANSLATE_NOOP(
        "problems", "only an enrolled student can go on leave; this one is transferred"
    ),
    "graduated": QT_TRANSLATE_NOOP(
        "problems", "only an enrolled student can go on leave; this one is graduated"
    ),
}


def require_enrolled(session: Session, student: Student) -> None:
    if student.status == ON_LEAVE:
        since = session.scalar(
            select(Leave.start_on)
            .where(Leave.student_id == student.id, Leave.state == ON_LEAVE)
            .order_by(Leave.start_on.desc())
            .limit(1)
        )
        record = f"student {student.id}"
        if since is None:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP(
                    "problems", "the student is already on leave: record his return first"
                ),
                record=record,
            )
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems", "the student is already on leave since %1: record his return first"
            ),
            since.isoformat(),
            record=record,
        )
    if student.status != "enrolled":
        template = _NOT_ENROLLED.get(student.status)
        if template is None:  # a status the CHECK constraint does not know: English is enough
            raise ValidationError(
                f"only an enrolled student can go on leave; this one is {student.status}",
                record=f"student {student.id}",
            )
        raise ValidationError.of(template, record=f"student {student.id}")


def open_leave(session: Session, leave_id: int) -> Leave:
    leave = session.get(Leave, leave_id)
    if leave is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "no leave with id %1"),
            str(leave_id),
            record=f"leave {leave_id}",
        )
    if leave.state != ON_LEAVE:
        ended = (
            QT_TRANSLATE_NOOP(
                "problems",
                "the leave from %1 has ended (its return was recorded); only a leave in "
                "progress can end with a return or be cancelled",
            )
            if leave.state == "returned"
            else QT_TRANSLATE_NOOP(
                "problems",
                "the leave from %1 has ended (it was cancelled); only a leave in progress can "
                "end with a return or be cancelled",
            )
        )
        raise ValidationError.of(ended, leave.start_on.isoformat(), record=f"leave {leave_id}")
    return leave


def last_return(session: Session, student_id: int) -> date | None:
    return session.scalar(
        select(ReturnRecord.returned_on)
        .join(Leave, Leave.id == ReturnRecord.leave_id)
        .where(Leave.student_id == student_id, Leave.state == "returned")
        .order_by(ReturnRecord.returned_on.desc())
        .limit(1)
    )
