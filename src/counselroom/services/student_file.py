"""One student's 一生一策 file as the window shows it: header, 概况 and every record, by tab.

Opening a file is audited ("student.view"). A viewer (班主任/principal level) gets the header, the
basic data, the tier history without reasons, the notification tasks and the documents log; the
case parts are None (not empty), so "hidden" is never mistaken for "none". The case parts can
also be read one at a time (a tab reloading after an edit); each of those needs
READ_CASE_NOTES and is audited as a view of the file too.

Every part is one query over the student's rows (the 300-session file of DESIGN.md's target is
a handful of queries, never one per session).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import CounselRoomError
from counselroom.domain.policy import Policy
from counselroom.services.case_records import (
    read_closures,
    read_concerns,
    read_consents,
    read_contacts,
    read_leaves,
    read_plans,
    read_referrals,
    read_screenings,
    read_sessions,
)
from counselroom.services.context import Context
from counselroom.services.file_entries import (
    AmendmentEntry,
    BreakGlassEntry,
    ClosureEntry,
    ConcernEntry,
    ConsentEntry,
    ContactEntry,
    DocumentEntry,
    FileHeader,
    GuardianEntry,
    LeaveEntry,
    MeasureEntry,
    PlanEntry,
    ReferralEntry,
    ReferralEventEntry,
    ReturnEntry,
    ScreeningEntry,
    SessionEntry,
    StudentFile,
    StudentProfile,
    TaskEntry,
    TierEntry,
)
from counselroom.services.file_records import (
    AuthorNames,
    read_documents,
    read_header,
    read_tasks,
    read_tiers,
)
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.services.timeline import build_timeline
from counselroom.storage.models import (
    Guardian,
    SchoolClass,
    Student,
    StudentGroup,
)

# The DTOs are re-exported: callers import a file and its records from one place.
__all__ = [
    "AmendmentEntry",
    "BreakGlassEntry",
    "ClosureEntry",
    "ConcernEntry",
    "ConsentEntry",
    "ContactEntry",
    "DocumentEntry",
    "FileHeader",
    "GuardianEntry",
    "LeaveEntry",
    "MeasureEntry",
    "PlanEntry",
    "ReferralEntry",
    "ReferralEventEntry",
    "ReturnEntry",
    "ScreeningEntry",
    "SessionEntry",
    "StudentFile",
    "StudentProfile",
    "TaskEntry",
    "TierEntry",
    "class_choices",
    "get_student",
    "open_student_file",
    "student_consents",
    "student_plans",
    "student_profile",
    "student_referrals",
    "student_screenings",
    "student_sessions",
]


def open_student_file(ctx: Context, student_id: int) -> StudentFile:
    """The file for the student window; audited as one "student.view"."""
    ctx.require(Permission.LIST_STUDENTS)
    full = ctx.may(Permission.READ_CASE_NOTES)
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        people = AuthorNames(session)
        tiers = read_tiers(session, student_id, people, full=full)
        tasks = read_tasks(session, student_id, people, full=full)
        documents = read_documents(session, student_id, people)
        policy = policy_in(session)
        case = _case(session, student_id, people, policy) if full else None
        if case is None:
            timeline = build_timeline(tiers=tiers, tasks=tasks)
        else:
            timeline = build_timeline(
                tiers=tiers,
                tasks=tasks,
                plans=case.plans,
                sessions=case.sessions,
                concerns=case.concerns,
                referrals=case.referrals,
                contacts=case.contacts,
                consents=case.consents,
                leaves=case.leaves,
                screenings=case.screenings,
                documents=documents,
                closures=case.closures,
            )
        result = StudentFile(
            header=read_header(session, student),
            profile=student_profile(session, student),
            restricted=case is None,
            tier_history=tiers,
            tasks=tasks,
            plans=case.plans if case else None,
            sessions=case.sessions if case else None,
            concerns=case.concerns if case else None,
            referrals=case.referrals if case else None,
            contacts=case.contacts if case else None,
            leaves=case.leaves if case else None,
            screenings=case.screenings if case else None,
            documents=documents,
            closures=case.closures if case else None,
            timeline=timeline,
            plan_review_after=policy.follow_up.plan_review,
            screening_cutoffs=policy.screening,
            consents=case.consents if case else None,
        )
        _audit_view(ctx, session, student_id, "full" if full else "restricted")
    return result


def student_sessions(ctx: Context, student_id: int) -> tuple[SessionEntry, ...]:
    """The 辅导记录 tab alone (case notes: counsellors only)."""
    ctx.require(Permission.READ_CASE_NOTES)
    with ctx.vault.write() as session:
        get_student(session, student_id)
        result = read_sessions(session, student_id, AuthorNames(session))
        _audit_view(ctx, session, student_id, "part=sessions")
    return result


def student_plans(ctx: Context, student_id: int) -> tuple[PlanEntry, ...]:
    """The 一生一策 tab alone (counsellors only)."""
    ctx.require(Permission.READ_CASE_NOTES)
    with ctx.vault.write() as session:
        get_student(session, student_id)
        result = read_plans(session, student_id, AuthorNames(session))
        _audit_view(ctx, session, student_id, "part=plans")
    return result


def student_screenings(ctx: Context, student_id: int) -> tuple[ScreeningEntry, ...]:
    """The 筛查 tab alone, answers included (counsellors only)."""
    ctx.require(Permission.READ_CASE_NOTES)
    with ctx.vault.write() as session:
        get_student(session, student_id)
        result = read_screenings(session, student_id)
        _audit_view(ctx, session, student_id, "part=screenings")
    return result


def student_referrals(ctx: Context, student_id: int) -> tuple[ReferralEntry, ...]:
    """The 转介 tab alone (counsellors only)."""
    ctx.require(Permission.READ_CASE_NOTES)
    with ctx.vault.write() as session:
        get_student(session, student_id)
        result = read_referrals(session, student_id, AuthorNames(session))
        _audit_view(ctx, session, student_id, "part=referrals")
    return result


def student_consents(ctx: Context, student_id: int) -> tuple[ConsentEntry, ...]:
    """The 知情同意 list of the 家校沟通 tab alone (counsellors only)."""
    ctx.require(Permission.READ_CASE_NOTES)
    with ctx.vault.write() as session:
        get_student(session, student_id)
        result = read_consents(session, student_id, AuthorNames(session))
        _audit_view(ctx, session, student_id, "part=consents")
    return result


def class_choices(ctx: Context) -> list[tuple[int, str]]:
    """(class id, label) in grade and class order, for the 概况 editor's class box."""
    ctx.require(Permission.LIST_STUDENTS)
    with ctx.vault.read() as session:
        rows = session.execute(
            select(SchoolClass.id, SchoolClass.label).order_by(
                SchoolClass.grade_level, SchoolClass.number
            )
        )
        return [(int(class_id), str(label)) for class_id, label in rows]


# -- shared with profile.py ----------------------------------------------------------------


def get_student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise CounselRoomError(f"no student with id {student_id}")
    return student


def student_profile(session: Session, student: Student) -> StudentProfile:
    guardians = session.scalars(
        select(Guardian)
        .where(Guardian.student_id == student.id)
        .order_by(Guardian.ordinal, Guardian.id)
    )
    groups = session.scalars(
        select(StudentGroup.code)
        .where(StudentGroup.student_id == student.id)
        .order_by(StudentGroup.code)
    )
    label = session.scalar(select(SchoolClass.label).where(SchoolClass.id == student.class_id))
    return StudentProfile(
        student_no=student.student_no,
        name=student.name,
        gender=student.gender,
        birth_date=student.birth_date,
        id_number=student.id_number,
        ethnicity=student.ethnicity,
        grade_level=student.grade_level,
        class_id=student.class_id,
        class_label=label or student.class_label_original or "",
        roll_no=student.roll_no,
        address=student.address,
        phone=student.phone,
        guardians=tuple(
            GuardianEntry(g.name, g.relation, g.phone, bool(g.is_guardian)) for g in guardians
        ),
        groups=tuple(groups),
        updated_at=student.updated_at,
        enrolled_on=student.enrolled_on,
    )


# -- parts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CaseParts:
    """The parts only READ_CASE_NOTES may see."""

    plans: tuple[PlanEntry, ...]
    sessions: tuple[SessionEntry, ...]
    concerns: tuple[ConcernEntry, ...]
    referrals: tuple[ReferralEntry, ...]
    contacts: tuple[ContactEntry, ...]
    leaves: tuple[LeaveEntry, ...]
    screenings: tuple[ScreeningEntry, ...]
    closures: tuple[ClosureEntry, ...]
    consents: tuple[ConsentEntry, ...]


def _case(session: Session, student_id: int, names: AuthorNames, policy: Policy) -> _CaseParts:
    return _CaseParts(
        plans=read_plans(session, student_id, names),
        sessions=read_sessions(session, student_id, names),
        concerns=read_concerns(session, student_id, names),
        referrals=read_referrals(session, student_id, names, policy),
        contacts=read_contacts(session, student_id, names),
        leaves=read_leaves(session, student_id),
        screenings=read_screenings(session, student_id),
        closures=read_closures(session, student_id, names),
        consents=read_consents(session, student_id, names),
    )


def _audit_view(ctx: Context, session: Session, student_id: int, detail: str) -> None:
    ctx.audit(session, "student.view", target=f"student:{student_id}", detail=detail)
