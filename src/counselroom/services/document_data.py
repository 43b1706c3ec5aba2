"""The facts each kind of printed document carries, read from the vault into documents/data.py's
DTOs: one builder per kind (parent notice, escalation, referral letter, plan, return assessment,
closure report, ledger).

Every function reads inside the caller's transaction (the one that renders, or records, the
document), so a document never mixes two states of the file. Moments (a task's ``due``) are
Beijing wall-clock time: they are printed, not stored. Which facts a kind needs, and when a kind
does not apply, is decided in document_options.py before anything is read here. The school,
student and issue every kind names are document_parties.py's (re-exported here).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.documents.data import (
    ClosureReportData,
    EscalationData,
    Issue,
    LedgerData,
    LedgerLine,
    Measure,
    ParentNoticeData,
    PlanData,
    ReferralLetterData,
    ReturnAssessmentData,
)
from counselroom.domain.errors import CounselRoomError
from counselroom.domain.tiers import RecipientRole
from counselroom.services.casework import _person_for
from counselroom.services.document_options import (
    current_plan,
    latest_return,
    live_referrals,
    standing_closure,
)
from counselroom.services.document_parties import issue_for, school_in, student_in, user_name
from counselroom.services.ledgers import ledger_rows
from counselroom.services.localtime import local_date, to_local
from counselroom.storage.models import (
    Consent,
    Institution,
    NotificationTask,
    Plan,
    Referral,
    Student,
    TierChange,
)

__all__ = [
    "closure_report_data",
    "escalation_data",
    "issue_for",
    "latest_tier_change",
    "ledger_data",
    "parent_notice_data",
    "plan_data",
    "referral_letter_data",
    "return_assessment_data",
    "school_in",
    "student_in",
]


def parent_notice_data(
    session: Session, student: Student, issue: Issue, note: str
) -> ParentNoticeData:
    return ParentNoticeData(
        school=school_in(session),
        student=student_in(session, student),
        issue=issue,
        tier=student.tier,
        note=note,
    )


def latest_tier_change(session: Session, student: Student) -> TierChange | None:
    """The decision the current tier rests on: the latest raise to it, else the latest change
    to it (a lowering after review), else None (a tier imported without its history)."""
    changes = session.scalars(
        select(TierChange)
        .where(TierChange.student_id == student.id, TierChange.to_tier == student.tier)
        .order_by(TierChange.effective_on.desc(), TierChange.id.desc())
    ).all()
    raises = [c for c in changes if c.to_tier > c.from_tier]
    chosen = raises or changes
    return chosen[0] if chosen else None


def _task(
    session: Session, student: Student, role: str, change: TierChange | None
) -> NotificationTask | None:
    """The task for ``role`` the tier decision created, else the latest one for that role."""
    query = select(NotificationTask).where(
        NotificationTask.student_id == student.id, NotificationTask.recipient_role == role
    )
    if change is not None:
        task = session.scalars(
            query.where(NotificationTask.tier_change_id == change.id)
            .order_by(NotificationTask.id.desc())
            .limit(1)
        ).first()
        if task is not None:
            return task
    return session.scalars(query.order_by(NotificationTask.due_at.desc()).limit(1)).first()


def _measures(plan: Plan | None) -> tuple[Measure, ...]:
    if plan is None:
        return ()
    return tuple(Measure(m.who, m.person or "", m.what, m.frequency) for m in plan.measures)


def escalation_data(
    session: Session, student: Student, issue: Issue, role: str, note: str
) -> EscalationData:
    """分级通报单 to ``role`` (an internal RecipientRole code), or the district's 上报单."""
    change = latest_tier_change(session, student)
    task = _task(session, student, role, change)
    guardian_task = _task(session, student, RecipientRole.GUARDIAN.value, change)
    person = task.person if task is not None and task.person else ""
    if not person:
        person = _person_for(session, student, RecipientRole.from_code(role))
    referrals = live_referrals(session, student.id)
    if change is not None:
        since = change.effective_on
    elif student.file_opened_at is not None:
        since = local_date(student.file_opened_at)
    else:
        since = issue.on
    return EscalationData(
        school=school_in(session),
        student=student_in(session, student),
        issue=issue,
        tier=student.tier,
        tier_since=since,
        role=role,
        person=person,
        due=to_local(task.due_at) if task is not None else None,
        reason=change.reason if change is not None else "",
        evidence=change.evidence if change is not None else "",
        measures=_measures(current_plan(session, student.id)),
        guardian_informed=(
            local_date(guardian_task.done_at)
            if guardian_task is not None and guardian_task.done_at is not None
            else None
        ),
        referral_state=referrals[0].state if referrals else "",
        note=note,
    )


def _consent_by(consent: Consent | None) -> str:
    if consent is None:
        return ""
    if consent.by_student:
        return "学生本人"
    relation = f"（{consent.relation}）" if consent.relation else ""
    return f"监护人 {consent.guardian_name}{relation}"


def referral_letter_data(
    session: Session, student: Student, issue: Issue, referral: Referral, note: str
) -> ReferralLetterData:
    """The letter names the consent only while it stands (given and not withdrawn)."""
    institution = session.get(Institution, referral.institution_id)
    place = ""
    if institution is not None:
        place = " ".join(p for p in (institution.name, institution.department) if p)
    consent = session.get(Consent, referral.consent_id) if referral.consent_id else None
    if consent is not None and (not consent.given or consent.withdrawn_on is not None):
        consent = None
    return ReferralLetterData(
        school=school_in(session),
        student=student_in(session, student),
        issue=issue,
        referral_id=referral.id,
        institution=place,
        urgency=referral.urgency,
        reason=referral.reason,
        proposed_on=referral.proposed_on,
        consent_on=consent.on if consent is not None else None,
        consent_by=_consent_by(consent),
        note=note,
    )


def plan_data(session: Session, student: Student, issue: Issue) -> PlanData:
    plan = current_plan(session, student.id)
    if plan is None:
        raise CounselRoomError(f"student {student.id} has no plan")
    return PlanData(
        school=school_in(session),
        student=student_in(session, student),
        issue=issue,
        tier=student.tier,
        version=plan.version,
        made_on=local_date(plan.created_at),
        made_by=user_name(session, plan.created_by_id),
        assessment=plan.assessment,
        risk_factors=plan.risk_factors,
        protective_factors=plan.protective_factors,
        goals=plan.goals,
        measures=_measures(plan),
        review_on=plan.review_on,
        change_note=plan.change_note or "",
    )


def return_assessment_data(
    session: Session, student: Student, issue: Issue
) -> ReturnAssessmentData:
    found = latest_return(session, student.id)
    if found is None:
        raise CounselRoomError(f"student {student.id} has no return from leave")
    leave, ret = found
    return ReturnAssessmentData(
        school=school_in(session),
        student=student_in(session, student),
        issue=issue,
        leave_from=leave.start_on,
        leave_reason=leave.reason,
        leave_certificate=leave.certificate,
        application_on=ret.application_on,
        recovery_certificate=ret.recovery_certificate or "",
        missing_certificate_reason=ret.missing_certificate_reason or "",
        assessment=ret.assessment,
        meeting_on=ret.meeting_on,
        returned_on=ret.returned_on,
        return_plan=ret.return_plan,
        watchers=ret.watchers,
        session_frequency=ret.session_frequency,
        close_follow_up_until=ret.close_follow_up_until,
    )


def _highest_tier(session: Session, student: Student) -> int:
    row = session.execute(
        select(func.max(TierChange.to_tier), func.max(TierChange.from_tier)).where(
            TierChange.student_id == student.id
        )
    ).one()
    return max(int(row[0] or 0), int(row[1] or 0), student.tier)


def closure_report_data(session: Session, student: Student, issue: Issue) -> ClosureReportData:
    closure = standing_closure(session, student.id)
    if closure is None:
        raise CounselRoomError(f"student {student.id} has no standing closure")
    return ClosureReportData(
        school=school_in(session),
        student=student_in(session, student),
        issue=issue,
        opened_on=local_date(student.file_opened_at) if student.file_opened_at else None,
        closed_on=closure.closed_on,
        reason=closure.reason,
        highest_tier=_highest_tier(session, student),
        sessions_count=closure.sessions_count,
        goals_achieved=closure.goals_achieved,
        goals_not_achieved=closure.goals_not_achieved or "",
        last_scores=closure.last_scores or "",
        evaluation=closure.evaluation,
        district_evaluation=closure.district_evaluation or "",
        closed_by=user_name(session, closure.closed_by_id),
    )


def ledger_data(session: Session, group: str, issue: Issue) -> LedgerData:
    """The ledger of a care group as printed: the members still on the roll (ledgers.py)."""
    lines = tuple(
        LedgerLine(
            student_no=row.student_no or "",
            name=row.name,
            gender=row.gender,
            class_label=row.class_label,
            head_teacher=row.head_teacher,
            since=row.since,
            tier=row.tier,
            last_contact=row.last_contact,
            next_follow_up=row.next_follow_up,
        )
        for row in ledger_rows(session, group)
    )
    return LedgerData(school=school_in(session), issue=issue, group=group, lines=lines)
