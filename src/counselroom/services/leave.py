"""休学 (leave with a hospital certificate) and 复学 (return after recovery, seed 003 (三)8).

A leave is case work on the student's file: it opens the file when he has none, a closed file
takes none until it is reopened, and the file stays open while he is away. ``Student.status``
says "on_leave" exactly while one of his leaves is in the state "on_leave", so a student has at
most one open leave; follow-up pauses meanwhile and resumes — closer for the first weeks —
when the return is recorded (services/follow_up.py). A leave entered in error is cancelled,
not deleted, so the record of what was entered stays.

Every function is one transaction, needs EDIT_CASES, checks all its input before writing (a
refusal changes nothing) and writes one audit entry with ids and codes only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.policy import return_follow_up_dates
from counselroom.services.checks import (
    local_day,
    not_before_school,
    optional_text,
    past_or_today,
    required_text,
)
from counselroom.services.context import Context
from counselroom.services.file_state import open_file_if_none, require_not_closed
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.leave_rules import ON_LEAVE, last_return, open_leave, require_enrolled
from counselroom.services.localtime import local_today
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.storage.models import Leave, ReturnRecord

__all__ = ["ReturnInput", "cancel_leave", "record_return", "start_leave"]

# The mark a cancellation leaves in the leave's reason: the leave row has no column of its own
# for it, and the reason must be kept with the record it explains (see cancel_leave).
CANCELLED_MARK = "【撤销：录入错误 {day}】"


@dataclass(frozen=True)
class ReturnInput:
    """What the return (复学) records; dates are local days, text is the counsellor's."""

    returned_on: date  # back in class: ≤ today, ≥ the leave's start
    application_on: date  # the parents' application: ≥ the leave's start, ≤ meeting_on
    meeting_on: date  # the return meeting: ≤ returned_on
    assessment: str  # the counsellor's assessment
    return_plan: str
    watchers: str  # who watches in class (班主任, 心理委员)
    session_frequency: str  # e.g. "每周一次"
    recovery_certificate: str | None = None
    missing_certificate_reason: str | None = None  # required when there is no certificate


def start_leave(
    ctx: Context,
    student_id: int,
    *,
    start_on: date,
    certificate: str,
    reason: str,
    expected_return_on: date | None = None,
) -> int:
    """Record that an enrolled student went on leave; returns the leave's id.

    ``certificate`` describes the hospital certificate (issuer, date, number): a 休学 is granted
    on one. Follow-up pauses until the return or the cancellation.
    """
    ctx.require(Permission.EDIT_CASES)
    start_on = past_or_today(start_on, "start_on")
    certificate = required_text(certificate, "certificate")
    reason = required_text(reason, "reason")
    if expected_return_on is not None:
        expected_return_on = local_day(expected_return_on, "expected_return_on")
        if expected_return_on <= start_on:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP(
                    "problems", "the expected return %1 is not after the start of the leave %2"
                ),
                expected_return_on.isoformat(),
                start_on.isoformat(),
                field="expected_return_on",
            )
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        require_not_closed(student)
        require_enrolled(session, student)
        not_before_school(start_on, student.enrolled_on, student.birth_date, "start_on")
        previous = last_return(session, student.id)
        if previous is not None and start_on < previous:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP(
                    "problems", "%1 is before the student returned from his previous leave (%2)"
                ),
                start_on.isoformat(),
                previous.isoformat(),
                field="start_on",
            )
        leave = Leave(
            student_id=student.id,
            state=ON_LEAVE,
            start_on=start_on,
            expected_return_on=expected_return_on,
            certificate=certificate,
            reason=reason,
            created_by_id=ctx.actor.user_id,
        )
        session.add(leave)
        student.status = ON_LEAVE
        opened = open_file_if_none(ctx, student)
        refresh_follow_up(session, student, policy_in(session))
        session.flush()
        detail = f"leave={leave.id}"
        if opened:
            detail += " file=opened"
        ctx.audit(session, "leave.start", target=f"student:{student.id}", detail=detail)
        return leave.id


def record_return(ctx: Context, leave_id: int, data: ReturnInput) -> int:
    """Record the return from a leave; returns the return record's id.

    A return without a recovery certificate is allowed only with the reason it is missing
    (a family that could not get one must not keep the student out of school, but the file
    must say why). The closer follow-up period is fixed now, from the policy in force.
    """
    ctx.require(Permission.EDIT_CASES)
    values = _checked_return(data)
    with ctx.vault.write() as session:
        leave = open_leave(session, leave_id)
        student = get_student(session, leave.student_id)
        require_not_closed(student)
        _dates_after_start(values, leave)
        policy = policy_in(session)
        record = ReturnRecord(
            leave_id=leave.id,
            application_on=values.application_on,
            recovery_certificate=values.recovery_certificate,
            missing_certificate_reason=values.missing_certificate_reason,
            assessment=values.assessment,
            meeting_on=values.meeting_on,
            return_plan=values.return_plan,
            watchers=values.watchers,
            session_frequency=values.session_frequency,
            returned_on=values.returned_on,
            close_follow_up_until=return_follow_up_dates(policy, values.returned_on)[-1],
            created_by_id=ctx.actor.user_id,
        )
        session.add(record)
        leave.state = "returned"
        student.status = "enrolled"
        refresh_follow_up(session, student, policy)
        session.flush()
        certificate = "yes" if values.recovery_certificate is not None else "no"
        ctx.audit(
            session,
            "leave.return",
            target=f"student:{student.id}",
            detail=f"leave={leave.id} return={record.id} certificate={certificate}",
        )
        return record.id


def cancel_leave(ctx: Context, leave_id: int, *, reason: str) -> None:
    """Cancel a leave entered in error: the student counts as enrolled again and his follow-up
    resumes as if the leave had never been entered (a real leave ends with a return instead).

    The leave model has no column for the cancellation's reason, so it is appended to the
    leave's reason under a dated mark: it stays with the record it explains and shows in the
    file, and the audit entry (ids only) says when and by whom.
    """
    ctx.require(Permission.EDIT_CASES)
    why = required_text(reason, "reason")
    with ctx.vault.write() as session:
        leave = open_leave(session, leave_id)
        student = get_student(session, leave.student_id)
        require_not_closed(student)
        mark = CANCELLED_MARK.format(day=local_today().isoformat())
        leave.reason = f"{leave.reason}\n{mark}{why}"
        leave.state = "cancelled"
        student.status = "enrolled"
        refresh_follow_up(session, student, policy_in(session))
        ctx.audit(
            session, "leave.cancel", target=f"student:{student.id}", detail=f"leave={leave.id}"
        )


# -- checks ---------------------------------------------------------------------------------


def _checked_return(data: object) -> ReturnInput:
    """Every check that needs no database, with text stripped and blanks made None."""
    if not isinstance(data, ReturnInput):
        raise ValidationError(f"must be a ReturnInput (got {type(data).__name__})", field="data")
    returned_on = past_or_today(data.returned_on, "returned_on")
    application_on = local_day(data.application_on, "application_on")
    meeting_on = local_day(data.meeting_on, "meeting_on")
    _ordered(
        application_on,
        meeting_on,
        QT_TRANSLATE_NOOP(
            "problems", "the parents' application on %1 is after the return meeting on %2"
        ),
        "application_on",
    )
    _ordered(
        meeting_on,
        returned_on,
        QT_TRANSLATE_NOOP("problems", "the return meeting on %1 is after the return on %2"),
        "meeting_on",
    )
    certificate = optional_text(data.recovery_certificate, "recovery_certificate")
    missing = optional_text(data.missing_certificate_reason, "missing_certificate_reason")
    if certificate is None and missing is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "is required: record the recovery certificate, or the reason there is none "
                "(missing_certificate_reason)",
            ),
            field="recovery_certificate",
        )
    if certificate is not None and missing is not None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "a recovery certificate is recorded, so there is no reason for a missing one",
            ),
            field="missing_certificate_reason",
        )
    return ReturnInput(
        returned_on=returned_on,
        application_on=application_on,
        meeting_on=meeting_on,
        assessment=required_text(data.assessment, "assessment"),
        return_plan=required_text(data.return_plan, "return_plan"),
        watchers=required_text(data.watchers, "watchers"),
        session_frequency=required_text(data.session_frequency, "session_frequency"),
        recovery_certificate=certificate,
        missing_certificate_reason=missing,
    )


def _ordered(first: date, then: date, template: str, field: str) -> None:
    """``template`` names both days ("%1 … is after … %2"): one sentence per pair, so the
    window translates it whole."""
    if first > then:
        raise ValidationError.of(template, first.isoformat(), then.isoformat(), field=field)


def _dates_after_start(values: ReturnInput, leave: Leave) -> None:
    """The application (and so the meeting and the return) cannot predate the leave."""
    if values.application_on < leave.start_on:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems", "the parents' application on %1 is before the leave started on %2"
            ),
            values.application_on.isoformat(),
            leave.start_on.isoformat(),
            field="application_on",
        )
