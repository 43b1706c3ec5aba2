"""People of the school: staff, classes, students with their guardians and care groups."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counselroom.storage.base import Base, utcnow

from ._columns import between, created_at, empty_text, number, one_of, origin, student_fk
from .choices import (
    FILE_STATES,
    GENDERS,
    GRADE_MAX,
    GRADE_MIN,
    STAFF_ROLES,
    STUDENT_STATUSES,
)

if TYPE_CHECKING:
    from .users import User


class Staff(Base):
    """A member of staff who receives notifications (班主任, 德育处, …); not an account."""

    __tablename__ = "staff"
    __table_args__ = (one_of("role", STAFF_ROLES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(index=True)
    role: Mapped[str]
    phone: Mapped[str] = empty_text()
    active: Mapped[bool] = number(True)


class SchoolClass(Base):
    """A class (班级); ``label`` is the normalised display form, e.g. "初二(3)班"."""

    __tablename__ = "classes"
    __table_args__ = (
        UniqueConstraint("grade_level", "number"),
        between("grade_level", GRADE_MIN, GRADE_MAX),
        CheckConstraint("number > 0", name="number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    grade_level: Mapped[int]
    number: Mapped[int]
    label: Mapped[str]
    head_teacher_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    head_teacher: Mapped[Staff | None] = relationship()
    students: Mapped[list[Student]] = relationship(back_populates="school_class")


class Student(Base):
    """A student on the roll; ``file_state`` says whether he has a 一生一策 file.

    ``tier`` and ``next_follow_up`` are denormalised from the tier history and the plan so the
    student list and the dashboard need no joins; services keep them in step.
    """

    __tablename__ = "students"
    __table_args__ = (
        one_of("gender", GENDERS),
        one_of("status", STUDENT_STATUSES),
        one_of("file_state", FILE_STATES),
        between("tier", 0, 3),
        between("grade_level", GRADE_MIN, GRADE_MAX),
        Index("ix_students_file_state_next_follow_up", "file_state", "next_follow_up"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_no: Mapped[str | None] = mapped_column(unique=True, index=True)  # 学籍号
    id_type: Mapped[str | None]  # 身份证件类型, as exported by the roster
    id_number: Mapped[str | None]
    name: Mapped[str] = mapped_column(index=True)
    name_pinyin: Mapped[str | None]  # search key: full pinyin and initials, lower case
    gender: Mapped[str] = mapped_column(default="U", server_default="U")
    birth_date: Mapped[date | None]
    ethnicity: Mapped[str | None]
    grade_level: Mapped[int | None]
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("classes.id", ondelete="SET NULL"), index=True
    )
    class_label_original: Mapped[str | None]
    roll_no: Mapped[str | None]  # 班内学号
    address: Mapped[str | None]
    phone: Mapped[str | None]
    status: Mapped[str] = mapped_column(default="enrolled", server_default="enrolled", index=True)
    file_state: Mapped[str] = mapped_column(default="none", server_default="none")
    tier: Mapped[int] = number(0, index=True)
    next_follow_up: Mapped[date | None]
    file_opened_at: Mapped[datetime | None]
    keeper_id: Mapped[int | None] = mapped_column(  # 专人: the counsellor keeping the file
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    origin: Mapped[str | None] = origin()
    # 入学日期 (migration 0002, hence last): no session may be dated before it. Unknown (None)
    # for students imported without it; then only the birth date bounds a session's date.
    enrolled_on: Mapped[date | None]

    school_class: Mapped[SchoolClass | None] = relationship(back_populates="students")
    keeper: Mapped[User | None] = relationship()
    guardians: Mapped[list[Guardian]] = relationship(
        back_populates="student",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Guardian.ordinal",
    )
    groups: Mapped[list[StudentGroup]] = relationship(
        back_populates="student",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="StudentGroup.code",
    )


class Guardian(Base):
    """A family member from the roster (成员1…n); ``is_guardian`` marks the legal guardian."""

    __tablename__ = "guardians"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk()
    ordinal: Mapped[int] = number(1)
    name: Mapped[str]
    relation: Mapped[str] = empty_text()
    phone: Mapped[str] = empty_text()
    is_guardian: Mapped[bool] = number(True)

    student: Mapped[Student] = relationship(back_populates="guardians")


class StudentGroup(Base):
    """Membership of a care group (重点关爱群体); codes are listed in ``CARE_GROUP_CODES``."""

    __tablename__ = "student_groups"
    __table_args__ = (UniqueConstraint("student_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk(index=False)  # the unique constraint indexes it
    code: Mapped[str] = mapped_column(index=True)
    since: Mapped[date | None]
    note: Mapped[str] = empty_text()

    student: Mapped[Student] = relationship(back_populates="groups")
