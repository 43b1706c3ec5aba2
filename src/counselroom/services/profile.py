"""Editing the 概况 tab: basic data, guardians and care groups.

Everything is checked before anything is written, and all problems are reported at once, each
naming its form field, so the window can mark every wrong field in one pass and keep the input.
The save is one transaction with one audit entry that lists the changed field names, never a
value. ``expected_updated_at`` is the optimistic-concurrency token: an edit based on a file that
was changed in the meantime (another window, an import) is refused rather than silently undone.

The enrolment day (入学日期) is here because case work is bounded by it: counselling and
home_school refuse a session or a parent contact dated before it. Moving it later is therefore
refused while a session or a contact of the student predates the new day, so no stored record
ever ends up "before enrolment".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import CounselRoomError, StaleRecordError, ValidationError
from counselroom.domain.groups import CareGroup
from counselroom.domain.idnumbers import (
    birth_date_from_id,
    canonical_id_number,
    canonical_student_no,
    gender_from_id,
)
from counselroom.services.context import Context
from counselroom.services.localtime import local_date, local_today, utc_start_of
from counselroom.services.profile_checks import (
    EARLIEST_BIRTH,
    blank,
    enrolment_day,
    person_name,
    phone_number,
    short_text,
)
from counselroom.services.roles import Permission
from counselroom.services.student_file import (
    GuardianEntry,
    StudentProfile,
    get_student,
    student_profile,
)
from counselroom.storage.base import utcnow
from counselroom.storage.models import (
    CounsellingSession,
    Guardian,
    ParentContact,
    SchoolClass,
    Student,
    StudentGroup,
)

GENDERS = ("M", "F", "U")
MAX_SHORT = 50  # ethnicity, relation, roll number
MAX_ADDRESS = 200
MAX_GUARDIANS = 10
_GENDER_ZH = {"M": "male", "F": "female"}


@dataclass(frozen=True)
class ProfileEdit:
    """The editor's content; text as typed (it is normalised and checked here).

    ``enrolled_on`` has no default on purpose: an edit built without it would clear the stored
    enrolment day, and a caller that forgets the field should fail loudly instead.
    """

    student_no: str | None
    name: str
    gender: str
    birth_date: date | None
    id_number: str | None
    ethnicity: str | None
    class_id: int | None
    roll_no: str | None
    address: str | None
    phone: str | None
    guardians: tuple[GuardianEntry, ...]
    groups: tuple[str, ...]
    enrolled_on: date | None


class ProfileErrors(CounselRoomError):
    """Every problem of one edit; ``errors[i].field`` names the form field."""

    def __init__(self, errors: tuple[ValidationError, ...]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors

    def for_field(self, field: str) -> list[str]:
        return [e.message for e in self.errors if e.field == field]


@dataclass(frozen=True)
class _Clean:
    """A valid edit in stored form."""

    student_no: str | None
    name: str
    gender: str
    birth_date: date | None
    id_number: str | None
    ethnicity: str | None
    class_id: int | None
    roll_no: str | None
    address: str | None
    phone: str | None
    guardians: tuple[GuardianEntry, ...]
    groups: tuple[str, ...]
    enrolled_on: date | None


# Form field → stored column, in the order "fields=" lists them.
_COLUMNS = (
    ("student_no", "student_no"),
    ("name", "name"),
    ("gender", "gender"),
    ("birth_date", "birth_date"),
    ("id_number", "id_number"),
    ("ethnicity", "ethnicity"),
    ("class_id", "class_id"),
    ("roll_no", "roll_no"),
    ("address", "address"),
    ("phone", "phone"),
    ("enrolled_on", "enrolled_on"),
)


def update_profile(
    ctx: Context, student_id: int, edit: ProfileEdit, *, expected_updated_at: datetime
) -> StudentProfile:
    """Save the edit or raise :class:`ProfileErrors` (nothing saved); returns the new profile."""
    ctx.require(Permission.EDIT_CASES)
    today = local_today()
    errors: list[ValidationError] = []
    clean = _check(edit, today, errors)
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        if student.updated_at != expected_updated_at:
            raise StaleRecordError(
                "this student's file was changed elsewhere since it was opened; reload it and "
                "make the change again"
            )
        grade_level = _check_in_vault(session, student_id, clean, errors)
        # Only a change is checked: a day already stored is not refused for older records.
        if clean.enrolled_on is not None and clean.enrolled_on != student.enrolled_on:
            _check_records_after(session, student_id, clean.enrolled_on, errors)
        if errors:
            raise ProfileErrors(tuple(errors))
        changed = _apply(session, student, clean, grade_level, today)
        if changed:
            student.updated_at = utcnow()
            ctx.audit(
                session,
                "student.edit",
                target=f"student:{student_id}",
                detail="fields=" + ",".join(changed),
            )
        session.flush()
        return student_profile(session, student)


# -- checks that need no database ----------------------------------------------------------


def _check(edit: ProfileEdit, today: date, errors: list[ValidationError]) -> _Clean:
    """Normalise and check every field, adding to ``errors``; a field in error is None in the
    result (so the checks against the vault still run for the others)."""

    def fail(field: str, message: str) -> None:
        errors.append(ValidationError(message, field=field))

    name = person_name(edit.name, "name", fail)

    gender = edit.gender
    if gender not in GENDERS:
        fail("gender", f"unknown gender {gender!r} (M, F or U)")

    student_no = blank(edit.student_no)
    if student_no is not None:
        try:
            student_no = canonical_student_no(student_no, on=today)
        except ValidationError as e:
            fail("student_no", f"学籍号: {e.message}")
            student_no = None

    birth = edit.birth_date
    if birth is not None and birth > today:
        fail("birth_date", f"birth date {birth.isoformat()} is in the future")
    elif birth is not None and birth < EARLIEST_BIRTH:
        fail("birth_date", f"birth date {birth.isoformat()} is before {EARLIEST_BIRTH.year}")

    enrolled = enrolment_day(edit.enrolled_on, birth, today, fail)

    id_number = blank(edit.id_number)
    if id_number is not None:
        try:
            id_number = canonical_id_number(id_number, on=today)
        except ValidationError as e:
            fail("id_number", f"ID number: {e.message}")
        else:
            said = birth_date_from_id(id_number)
            if birth is not None and said != birth:
                fail(
                    "id_number",
                    f"ID number says born {said.isoformat()}, birth date field says "
                    f"{birth.isoformat()}",
                )
            sex = gender_from_id(id_number)
            if gender in _GENDER_ZH and sex != gender:
                fail(
                    "id_number",
                    f"ID number says {_GENDER_ZH[sex]}, gender field says {_GENDER_ZH[gender]}",
                )

    ethnicity = short_text(edit.ethnicity, "ethnicity", MAX_SHORT, fail)
    roll_no = short_text(edit.roll_no, "roll_no", MAX_SHORT, fail)
    address = short_text(edit.address, "address", MAX_ADDRESS, fail)
    phone = phone_number(edit.phone, "phone", fail)

    guardians: list[GuardianEntry] = []
    if len(edit.guardians) > MAX_GUARDIANS:
        fail("guardians", f"at most {MAX_GUARDIANS} family members")
    for index, g in enumerate(edit.guardians):
        where = f"guardians[{index}]"
        g_name = person_name(g.name, f"{where}.name", fail)
        relation = short_text(g.relation, f"{where}.relation", MAX_SHORT, fail) or ""
        g_phone = phone_number(g.phone, f"{where}.phone", fail) or ""
        guardians.append(GuardianEntry(g_name, relation, g_phone, bool(g.is_guardian)))

    groups: list[str] = []
    for code in edit.groups:
        try:
            group = CareGroup.from_text(code).value
        except ValidationError:
            fail("groups", f"unknown care group {code!r}")
            continue
        if group not in groups:
            groups.append(group)

    return _Clean(
        student_no=student_no,
        name=name,
        gender=gender,
        birth_date=birth,
        id_number=id_number,
        ethnicity=ethnicity,
        class_id=edit.class_id,
        roll_no=roll_no,
        address=address,
        phone=phone,
        guardians=tuple(guardians),
        groups=tuple(sorted(groups)),
        enrolled_on=enrolled,
    )


# -- checks against the vault --------------------------------------------------------------


def _check_in_vault(
    session: Session, student_id: int, clean: _Clean, errors: list[ValidationError]
) -> int | None:
    """Duplicate 学籍号 and unknown class; returns the class's grade level."""
    if clean.student_no is not None:
        other = session.scalar(
            select(Student.id).where(
                Student.student_no == clean.student_no, Student.id != student_id
            )
        )
        if other is not None:
            errors.append(
                ValidationError(
                    f"学籍号 {clean.student_no} belongs to another student (id {other})",
                    field="student_no",
                )
            )
    if clean.class_id is None:
        return None
    level = session.scalar(select(SchoolClass.grade_level).where(SchoolClass.id == clean.class_id))
    if level is None:
        errors.append(ValidationError(f"no class with id {clean.class_id}", field="class_id"))
    return level


def _check_records_after(
    session: Session, student_id: int, day: date, errors: list[ValidationError]
) -> None:
    """Refuse a new enrolment day that existing sessions or parent contacts predate; a session
    counts by its local (Beijing) day, as counselling compares it."""
    sessions, first_session = session.execute(
        select(func.count(CounsellingSession.id), func.min(CounsellingSession.started_at)).where(
            CounsellingSession.student_id == student_id,
            CounsellingSession.started_at < utc_start_of(day),
        )
    ).one()
    contacts, first_contact = session.execute(
        select(func.count(ParentContact.id), func.min(ParentContact.on)).where(
            ParentContact.student_id == student_id, ParentContact.on < day
        )
    ).one()
    if not sessions and not contacts:
        return
    firsts = [first_contact] if first_contact is not None else []
    if first_session is not None:
        firsts.append(local_date(first_session))
    earliest = min(firsts)
    errors.append(
        ValidationError(
            f"enrolment day {day.isoformat()} is after {sessions} counselling session(s) and "
            f"{contacts} parent contact(s) already recorded, the earliest on "
            f"{earliest.isoformat()}",
            field="enrolled_on",
        )
    )


# -- saving --------------------------------------------------------------------------------


def _apply(
    session: Session, student: Student, clean: _Clean, grade_level: int | None, today: date
) -> list[str]:
    """Write what differs; return the changed form fields in a fixed order."""
    changed: list[str] = []
    for field, column in _COLUMNS:
        value = getattr(clean, field)
        if getattr(student, column) != value:
            setattr(student, column, value)
            changed.append(field)
    if "name" in changed:
        # Imported when a name changes: pypinyin's dictionaries are about 60 MB, and this module
        # is loaded with every main window (the student file's editor) whether or not anyone
        # renames a student.
        from counselroom.domain.pinyin import search_key

        student.name_pinyin = search_key(clean.name)
    if grade_level is not None and student.grade_level != grade_level:
        student.grade_level = grade_level
        changed.append("grade_level")

    old_guardians = tuple(
        GuardianEntry(g.name, g.relation, g.phone, bool(g.is_guardian))
        for g in session.scalars(
            select(Guardian)
            .where(Guardian.student_id == student.id)
            .order_by(Guardian.ordinal, Guardian.id)
        )
    )
    if old_guardians != clean.guardians:
        session.execute(delete(Guardian).where(Guardian.student_id == student.id))
        session.add_all(
            Guardian(
                student_id=student.id,
                ordinal=ordinal,
                name=g.name,
                relation=g.relation,
                phone=g.phone,
                is_guardian=g.is_guardian,
            )
            for ordinal, g in enumerate(clean.guardians, start=1)
        )
        changed.append("guardians")

    held = set(
        session.scalars(select(StudentGroup.code).where(StudentGroup.student_id == student.id))
    )
    wanted = set(clean.groups)
    if held != wanted:
        if held - wanted:
            session.execute(
                delete(StudentGroup).where(
                    StudentGroup.student_id == student.id,
                    StudentGroup.code.in_(held - wanted),
                )
            )
        session.add_all(
            StudentGroup(student_id=student.id, code=code, since=today)
            for code in sorted(wanted - held)
        )
        changed.append("groups")
    return changed
