"""Who and what every printed document names: the school, the student and the issue (number,
moment, who issued it), read from the vault into documents/data.py's DTOs.

Every kind prints these the same way; document_data.py builds each kind's facts around them.
They read inside the caller's transaction, like everything document_data.py reads. Moments
(``Issue.at``) are Beijing wall-clock time: they are printed, not stored.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.documents.data import Guardian, Issue, SchoolInfo, StudentInfo
from counselroom.domain.errors import CounselRoomError
from counselroom.domain.grades import grade_label
from counselroom.services.context import Context
from counselroom.services.file_records import class_and_head_teacher
from counselroom.services.localtime import local_date, to_local
from counselroom.storage.base import utcnow
from counselroom.storage.models import Guardian as GuardianRow
from counselroom.storage.models import SchoolProfile, Student, User

__all__ = ["issue_for", "school_in", "student_in", "user_name"]


def school_in(session: Session) -> SchoolInfo:
    profile = session.get(SchoolProfile, 1)
    if profile is None:
        raise CounselRoomError("the vault has no school profile (it was not fully created)")
    return SchoolInfo(
        name=profile.name,
        code=profile.code,
        district=profile.district,
        address=profile.address,
        phone=profile.phone,
        partner_hospital=profile.partner_hospital,
        district_contact=profile.district_contact,
    )


def student_in(session: Session, student: Student) -> StudentInfo:
    """The student as every kind prints him; guardians are the family members the roster marks
    as legal guardians (every member listed when none is marked)."""
    label, head_teacher = class_and_head_teacher(session, student)
    family = session.scalars(
        select(GuardianRow)
        .where(GuardianRow.student_id == student.id)
        .order_by(GuardianRow.ordinal, GuardianRow.id)
    ).all()
    guardians = [g for g in family if g.is_guardian] or list(family)
    return StudentInfo(
        id=student.id,
        name=student.name,
        student_no=student.student_no,
        gender=student.gender,
        birth_date=student.birth_date,
        grade=grade_label(student.grade_level) if student.grade_level else "",
        class_label=label or student.class_label_original or "",
        head_teacher=head_teacher or "",
        guardians=tuple(Guardian(g.name, g.relation, g.phone) for g in guardians),
        address=student.address or "",
    )


def user_name(session: Session, user_id: int | None) -> str:
    """The display name of the user ``user_id`` ("" for none)."""
    if user_id is None:
        return ""
    return session.scalar(select(User.display_name).where(User.id == user_id)) or ""


def issue_for(ctx: Context, session: Session, number: str, student: Student | None = None) -> Issue:
    """Issued now by the signed-in user; the counsellor printed is the file's keeper."""
    now = utcnow()
    keeper = user_name(session, student.keeper_id) if student is not None else ""
    phone = session.scalar(select(SchoolProfile.phone).where(SchoolProfile.id == 1)) or ""
    return Issue(
        number=number,
        on=local_date(now),
        at=to_local(now),
        by=ctx.actor.display_name,
        counsellor=keeper or ctx.actor.display_name,
        phone=phone,
    )
