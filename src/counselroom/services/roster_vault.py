"""The vault as a roster import sees it: read once into dicts, and the conflicts a row has with it.

A roster of 5,000 rows is checked against 5,000 students without a query per row: students,
family members, groups, classes and staff are each one query. A row that conflicts with a
stored student is reported and skipped, never merged: either the 学籍号 or the person is wrong,
and only the counsellor can tell which. Each conflict is a template for the catalogue
(QT_TRANSLATE_NOOP) with the row's and the vault's data apart, for the window to translate.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.grades import grade_label
from counselroom.domain.idnumbers import birth_date_from_id, gender_from_id
from counselroom.domain.printed_labels import GENDER_ZH
from counselroom.intake.problems import Problem
from counselroom.intake.roster_rows import RowReader
from counselroom.intake.roster_values import Member, RosterRecord, is_resident_id
from counselroom.services.localtime import local_date
from counselroom.storage.models import (
    CounsellingSession,
    Guardian,
    ParentContact,
    SchoolClass,
    Staff,
    Student,
    StudentGroup,
)

__all__ = ["RosterVault", "vault_problems"]


class RosterVault:
    """The vault's students, family members, groups, classes and staff, as dicts."""

    def __init__(self, session: Session, *, with_records: bool) -> None:
        students = session.scalars(select(Student)).all()
        self.by_no = {s.student_no: s for s in students if s.student_no}
        self.by_id_number: dict[str, Student] = {}
        for student in students:
            if student.id_number:
                self.by_id_number.setdefault(student.id_number, student)
        self.members: dict[int, list[Member]] = {}
        for sid, name, relation, phone, guardian in session.execute(
            select(
                Guardian.student_id,
                Guardian.name,
                Guardian.relation,
                Guardian.phone,
                Guardian.is_guardian,
            ).order_by(Guardian.student_id, Guardian.ordinal, Guardian.id)
        ):
            self.members.setdefault(sid, []).append(Member(name, relation, phone, bool(guardian)))
        self.groups: dict[int, set[str]] = {}
        for sid, code in session.execute(select(StudentGroup.student_id, StudentGroup.code)):
            self.groups.setdefault(sid, set()).add(code)
        self.classes = {(c.grade_level, c.number): c for c in session.scalars(select(SchoolClass))}
        self.class_by_id = {c.id: c for c in self.classes.values()}
        staff = session.scalars(select(Staff).order_by(Staff.id)).all()
        self.staff_name = {s.id: s.name for s in staff}
        self.heads: dict[str, Staff] = {}
        for person in staff:
            if person.role == "head_teacher":
                self.heads.setdefault(person.name, person)
        # The earliest session or parent contact of each student: 入学日期 may not pass it.
        self.first_record: dict[int, date] = {}
        if with_records:
            for sid, first in session.execute(
                select(
                    CounsellingSession.student_id, func.min(CounsellingSession.started_at)
                ).group_by(CounsellingSession.student_id)
            ):
                self.first_record[sid] = local_date(first)
            for sid, on in session.execute(
                select(ParentContact.student_id, func.min(ParentContact.on)).group_by(
                    ParentContact.student_id
                )
            ):
                self.first_record[sid] = min(on, self.first_record.get(sid, on))

    def head_of(self, school_class: SchoolClass | None) -> str:
        if school_class is None or school_class.head_teacher_id is None:
            return ""
        return self.staff_name.get(school_class.head_teacher_id, "")

    def class_of(self, student: Student) -> SchoolClass | None:
        return self.class_by_id.get(student.class_id) if student.class_id else None


def vault_problems(record: RosterRecord, vault: RosterVault, reader: RowReader) -> list[Problem]:
    """Conflicts of a row with what the vault holds; the row is then skipped, never merged."""
    found: list[Problem] = []

    def fail(field: str, template: str, *args: object) -> None:
        found.append(Problem.of(record.row, reader.column(field), template, *args))

    student = vault.by_no.get(record.student_no) if record.student_no else None
    holder = vault.by_id_number.get(record.id_number) if record.id_number else None
    if holder is not None and holder is not student:
        if holder.student_no:
            fail(
                "id_number",
                QT_TRANSLATE_NOOP("problems", "belongs to %1 (学籍号 %2) in the vault"),
                holder.name,
                holder.student_no,
            )
        else:
            fail(
                "id_number",
                QT_TRANSLATE_NOOP("problems", "belongs to %1 (id %2) in the vault"),
                holder.name,
                holder.id,
            )
    if student is None:
        return found
    no = record.student_no
    if record.name and record.name != student.name:
        fail(
            "name",
            QT_TRANSLATE_NOOP(
                "problems",
                "the vault has 学籍号 %1 as %2; the row is skipped: correct the file, or the"
                " student's file if the vault is wrong",
            ),
            no,
            student.name,
        )
    if record.birth_date and student.birth_date and record.birth_date != student.birth_date:
        fail(
            "birth_date",
            QT_TRANSLATE_NOOP(
                "problems",
                "the vault has 学籍号 %1 born %2; the row is skipped: correct the file, or the"
                " student's file if the vault is wrong",
            ),
            no,
            student.birth_date,
        )
    if not found:  # a conflicting row is wrong already; its values are not compared further
        _agreement(record, student, fail)
    current = vault.class_of(student)
    level = record.grade_level
    if record.class_name is None and level and current and current.grade_level != level:
        fail(
            "grade",
            QT_TRANSLATE_NOOP(
                "problems",
                "%1 is not the grade of the student's class %2; give the 班级 as well",
            ),
            grade_label(level),
            current.label,
        )
    first = vault.first_record.get(student.id)
    if record.enrolled_on and first and first < record.enrolled_on != student.enrolled_on:
        fail(
            "enrolled_on",
            QT_TRANSLATE_NOOP(
                "problems",
                "%1 is after a counselling session or parent contact already recorded on %2",
            ),
            record.enrolled_on,
            first,
        )
    return found


def _agreement(record: RosterRecord, student: Student, fail: Any) -> None:
    """ID number, birth date and gender must agree once the row's values meet the stored ones
    (the profile editor refuses to save a file where they do not)."""
    stored_sex = student.gender if student.gender in GENDER_ZH else None
    if (
        record.id_number in (None, student.id_number)
        and record.birth_date in (None, student.birth_date)
        and record.gender in (None, stored_sex)
    ):
        return  # the row brings nothing new: what is stored stays as it was
    if not is_resident_id(record.id_type or student.id_type):
        return
    number = record.id_number or student.id_number
    if not number:
        return
    try:
        said_birth, said_sex = birth_date_from_id(number), gender_from_id(number)
    except ValidationError:  # a stored number that no longer checks is not this row's fault
        return
    row_id = record.id_number is not None
    pairs = (
        ("birth_date", record.birth_date, student.birth_date, said_birth),
        ("gender", record.gender, stored_sex, said_sex),
    )
    for column, given, stored, said in pairs:
        value = given if given is not None else stored
        if value is None or value == said or row_id == (given is not None):
            continue  # agrees, unknown, or both from the row (the row's own check said so)
        if row_id:
            fail("id_number", _ID_SAYS[column], _shown(said), _shown(value))
        else:
            fail(
                column,
                QT_TRANSLATE_NOOP("problems", "%1 disagrees with the ID number in the vault (%2)"),
                _shown(value),
                _shown(said),
            )


# The row's ID number against the stored birth date or gender, by the column it disagrees with.
_ID_SAYS = {
    "birth_date": QT_TRANSLATE_NOOP("problems", "says born %1, the vault has %2"),
    "gender": QT_TRANSLATE_NOOP("problems", "says gender %1, the vault has %2"),
}


def _shown(value: object) -> str:
    """A date as ISO text, a gender code as 男/女."""
    return GENDER_ZH.get(value, "") if isinstance(value, str) else str(value)
