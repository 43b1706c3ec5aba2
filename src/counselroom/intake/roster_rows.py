"""The data rows of a roster, each read into a checked record (checks across rows: roster_checks).

A row is read whole: every cell of it is checked and every problem is reported, by spreadsheet
row number and by the header the file gave the column, so one dry run lists all that must be
fixed. A record with any problem is never imported (the service skips the row), so the values
of a record are only trusted when its problems are empty.

The record, the limits and the value rules (shared with the profile editor) are in
roster_values.py.

An empty cell is "not given", never "clear it": the record holds None (or no member, no group)
and the import keeps what the vault has.

Every reason is a template of roster_reasons.py with the cell as its data, so the window shows
it in Chinese while the CLI prints the English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TypeVar

from counselroom.domain.cells import parse_date_cell, parse_gender_cell, parse_yes_no_cell
from counselroom.domain.classes import ClassName, parse_class
from counselroom.domain.errors import ValidationError
from counselroom.domain.grades import grade_level
from counselroom.domain.id_cells import parse_id_cell, parse_student_no_cell
from counselroom.domain.text import normalise_ascii, squeeze
from counselroom.intake import roster_reasons as why
from counselroom.intake.problems import Problem, column_name
from counselroom.intake.roster_fields import GROUP_FIELDS, MEMBER_COUNT, MEMBER_PARTS, member_key
from counselroom.intake.roster_reasons import FORMULA
from counselroom.intake.roster_values import (
    EARLIEST_BIRTH,
    MAX_ADDRESS,
    MAX_NAME,
    MAX_SHORT,
    PHONE_CHARS,
    PHONE_LENGTH,
    Member,
    RosterRecord,
    clean_name,
    has_control,
    id_birth_date,
    id_gender,
    is_resident_id,
)
from counselroom.intake.sheets import SheetRow, is_formula

__all__ = ["FORMULA", "ReadRow", "RowReader"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class ReadRow:
    record: RosterRecord
    problems: tuple[Problem, ...]


class RowReader:
    """Reads the data rows of one file, given its header row and the column mapping."""

    def __init__(
        self,
        headers: Sequence[str],
        mapping: Mapping[str, int],
        *,
        today: date,
        school_type: str,
    ) -> None:
        self.headers = tuple(headers)
        self.mapping = dict(mapping)
        self.today = today
        self.school_type = school_type
        # A school has a few dozen class names over thousands of rows: each is parsed once.
        self.classes: dict[tuple[str, str], ClassName | ValidationError] = {}
        # Family-member groups the file has columns for; the others are not looked at per row.
        self.member_numbers = tuple(
            n
            for n in range(1, MEMBER_COUNT + 1)
            if any(member_key(n, part) in self.mapping for part in MEMBER_PARTS)
        )

    def parse_class(self, class_text: str, grade_text: str) -> ClassName:
        key = (class_text, grade_text)
        found = self.classes.get(key)
        if found is None:
            try:
                found = parse_class(
                    class_text, grade_text, school_type=self.school_type, today=self.today
                )
            except ValidationError as error:
                found = error
            self.classes[key] = found
        if isinstance(found, ValidationError):
            # a fresh copy each time: one instance raised on every row would gather tracebacks
            raise found.located()
        return found

    def column(self, field: str) -> str:
        """The column as the file names it: its header, or its letter when the header is empty."""
        return column_name(self.headers, self.mapping[field])

    def read(self, row: SheetRow) -> ReadRow:
        return _Row(self, row).read()


class _Row:
    """One row being read: collects the problems while turning cells into values."""

    def __init__(self, reader: RowReader, row: SheetRow) -> None:
        self.reader = reader
        self.row = row
        self.today = reader.today
        self.problems: list[Problem] = []
        self.failed: set[str] = set()

    def fail(self, field: str, template: str, *args: object) -> None:
        self.failed.add(field)
        where = self.reader.column(field)
        self.problems.append(Problem.of(self.row.number, where, template, *args))

    def refused(self, field: str, error: ValidationError) -> None:
        self.failed.add(field)
        self.problems.append(Problem.of_error(self.row.number, self.reader.column(field), error))

    def cell(self, field: str) -> str:
        """The cell's text; "" when unmapped, empty or a formula (reported here)."""
        index = self.reader.mapping.get(field)
        if index is None or index >= len(self.row.cells):
            return ""
        text = self.row.cells[index]
        if is_formula(text):
            self.fail(field, FORMULA)
            return ""
        return text

    def parsed(self, field: str, parse: Callable[[str], _T]) -> _T | None:
        """``parse(text)`` for a non-empty cell; None when empty or refused (reported)."""
        text = self.cell(field)
        if not text:
            return None
        try:
            return parse(text)
        except ValidationError as error:
            self.refused(field, error)
            return None

    def text(self, field: str, limit: int) -> str | None:
        value = " ".join(normalise_ascii(self.cell(field)).split()) or None
        if value is not None and len(value) > limit:
            self.fail(field, why.TOO_LONG, len(value), limit)
        elif value is not None and has_control(value):
            self.fail(field, why.NOT_ONE_LINE)
        return value

    def name(self, field: str, *, required: bool) -> str:
        name = clean_name(self.cell(field))
        if not name and required and field not in self.failed:
            self.fail(field, why.NO_NAME)
        elif len(name) > MAX_NAME:
            self.fail(field, why.NAME_TOO_LONG, MAX_NAME)
        elif has_control(name):
            self.fail(field, why.NAME_CONTROL)
        return name

    def phone(self, field: str) -> str | None:
        value = normalise_ascii(self.cell(field)).strip() or None
        low, high = PHONE_LENGTH
        if value is None:
            return None
        if any(ch not in PHONE_CHARS for ch in value):
            self.fail(field, why.PHONE_CHARACTERS, value)
        elif not low <= len(value) <= high or sum(ch.isdigit() for ch in value) < low:
            self.fail(field, why.PHONE_LENGTH, value, low, high)
        return value

    def read(self) -> ReadRow:
        today = self.today
        student_no = self.cell("student_no")
        if not student_no and "student_no" not in self.failed:
            self.fail("student_no", why.NO_STUDENT_NO)
        elif student_no:
            try:
                student_no = parse_student_no_cell(student_no, field="student_no", today=today)
            except ValidationError as error:
                self.refused("student_no", error)
                student_no = ""
        name = self.name("name", required=True)
        gender = self.parsed("gender", parse_gender_cell)
        birth = self.day("birth_date")
        if birth is not None and birth < EARLIEST_BIRTH:
            self.fail("birth_date", why.BORN_TOO_EARLY, birth.isoformat(), EARLIEST_BIRTH.year)
            birth = None
        id_type = self.text("id_type", MAX_SHORT)
        id_number = self.id_number(id_type, birth, gender if gender != "U" else None)
        class_name, level = self.school_class()
        head = self.name("head_teacher", required=False) or None
        enrolled = self.day("enrolled_on")
        if enrolled is not None and birth is not None and enrolled < birth:
            self.fail("enrolled_on", why.ENROLLED_BEFORE_BIRTH, enrolled.isoformat())
            enrolled = None
        record = RosterRecord(
            row=self.row.number,
            student_no=student_no if "student_no" not in self.failed else "",
            name=name,
            gender=gender if gender in ("M", "F") else None,
            birth_date=birth,
            class_name=class_name,
            grade_level=level,
            head_teacher=head,
            id_type=id_type,
            id_number=id_number,
            phone=self.phone("phone"),
            address=self.text("address", MAX_ADDRESS),
            ethnicity=self.text("ethnicity", MAX_SHORT),
            roll_no=self.text("roll_no", MAX_SHORT),
            enrolled_on=enrolled,
            groups=self.groups(),
            members=self.members(),
        )
        return ReadRow(record, tuple(self.problems))

    def day(self, field: str) -> date | None:
        value = self.parsed(field, partial(parse_date_cell, field=field))
        if isinstance(value, date) and value > self.today:
            self.fail(field, why.IN_THE_FUTURE, value.isoformat())
            return None
        return value

    def id_number(self, id_type: str | None, birth: date | None, gender: str | None) -> str | None:
        if not is_resident_id(id_type):  # a passport number: kept as written, without spaces
            written = self.text("id_number", MAX_SHORT)
            return squeeze(written).upper() if written else None
        value = self.parsed(
            "id_number", partial(parse_id_cell, field="id_number", today=self.today)
        )
        if value is None:
            return None
        said = id_birth_date(value)
        if birth is not None and said != birth:
            self.fail("id_number", why.ID_BIRTH_DIFFERS, said.isoformat(), birth.isoformat())
        sex = id_gender(value)
        if gender is not None and sex != gender:
            self.fail("id_number", why.ID_SEX_DIFFERS[sex])
        return value

    def school_class(self) -> tuple[ClassName | None, int | None]:
        class_text, grade_text = self.cell("class"), self.cell("grade")
        if class_text:
            try:
                found = self.reader.parse_class(class_text, grade_text)
            except ValidationError as error:
                grade_cell = error.field == "grade" and "grade" in self.reader.mapping
                self.refused("grade" if grade_cell else "class", error)
                return None, None
            return found, found.grade_level
        if not grade_text:
            return None, None
        digits = squeeze(grade_text)
        try:
            if digits.isascii() and digits.isdigit() and 1 <= int(digits) <= 12:
                return None, int(digits)
            return None, grade_level(grade_text)
        except ValidationError:
            self.fail("grade", why.UNREADABLE_GRADE, grade_text)
            return None, None

    def groups(self) -> tuple[tuple[str, bool], ...]:
        found: list[tuple[str, bool]] = []
        for field, code in GROUP_FIELDS.items():
            value = self.parsed(field, partial(parse_yes_no_cell, field=field))
            if isinstance(value, bool):
                found.append((code, value))
        return tuple(found)

    def members(self) -> tuple[Member, ...]:
        members: list[Member] = []
        for n in self.reader.member_numbers:
            keys = {part: member_key(n, part) for part in ("name", "relation", "phone", "guardian")}
            name = self.name(keys["name"], required=False)
            relation = self.text(keys["relation"], MAX_SHORT) or ""
            phone = self.phone(keys["phone"]) or ""
            guardian = self.parsed(
                keys["guardian"], partial(parse_yes_no_cell, field=keys["guardian"])
            )
            named = keys["name"] in self.reader.mapping
            if name:
                members.append(Member(name, relation, phone, guardian))
            elif named and (relation or phone or guardian is not None):
                self.fail(keys["name"], why.MEMBER_WITHOUT_NAME, n)
        return tuple(members)
