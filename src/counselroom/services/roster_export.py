"""Save the roster (花名册) the vault holds as .xlsx or .csv, in the import's own columns.

The file has one header row with the standard Chinese headers (FIELD_LABELS_ZH) and one row per
student on the roll (在读 and 休学) who has a 学籍号: the import matches by 学籍号, and a file this
module writes must re-import with no change at all (the round trip the tests check). Students
without a 学籍号, and those who left (转出, 毕业), are therefore not in it.

Names go to disk in plaintext, so the export needs EXPORT, is audited with the count only, and
the file is written atomically with owner-only permissions, inside the transaction that
records the audit entry (a failed write leaves neither a file nor an entry).

Text is never a formula: an .xlsx cell holding "=…" is typed as text, and a .csv cell that a
spreadsheet would read as a formula (=, +, -, @ first) gets a leading apostrophe unless it is
only a number or a phone number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import ValidationError
from counselroom.domain.grades import grade_label
from counselroom.domain.printed_labels import GENDER_ZH
from counselroom.intake.roster_fields import (
    FIELD_LABELS_ZH,
    GROUP_FIELDS,
    MEMBER_COUNT,
    MEMBER_PARTS,
    member_key,
)
from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.services.saved_files import save_file
from counselroom.storage.models import Guardian, SchoolClass, Staff, Student, StudentGroup

__all__ = ["ON_ROLL", "export_roster", "roster_table"]

ON_ROLL = ("enrolled", "on_leave")
SUFFIXES = (".xlsx", ".csv")
_YES_NO = {True: "是", False: "否"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_LIKE = re.compile(r"^[0-9 +\-.]+$")


def export_roster(ctx: Context, out: Path) -> int:
    """Write the roster to ``out`` (.xlsx or .csv by its suffix); returns the students written."""
    ctx.require(Permission.EXPORT)
    target = _target(out)

    with ctx.vault.write() as session:
        headers, rows = roster_table(session)
        if target.suffix.lower() == ".xlsx":
            data = _xlsx_bytes(headers, rows)
        else:
            data = _csv_bytes(headers, rows)
        ctx.audit(session, "roster.export", detail=f"students={len(rows)}")
        save_file(target, data)
    return len(rows)


def roster_table(session: Session) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows (text, dates or ""), by grade, class, 班内学号 and name."""
    students = session.execute(
        select(Student, SchoolClass)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(Student.status.in_(ON_ROLL), Student.student_no.is_not(None))
        .order_by(
            Student.grade_level,
            SchoolClass.number,
            Student.roll_no,
            Student.name_pinyin,
            Student.id,
        )
    ).all()
    staff = {staff_id: name for staff_id, name in session.execute(select(Staff.id, Staff.name))}
    members: dict[int, list[Guardian]] = {}
    for guardian in session.scalars(select(Guardian).order_by(Guardian.ordinal, Guardian.id)):
        members.setdefault(guardian.student_id, []).append(guardian)
    groups: dict[int, set[str]] = {}
    for student_id, code in session.execute(select(StudentGroup.student_id, StudentGroup.code)):
        groups.setdefault(student_id, set()).add(code)
    width = min(MEMBER_COUNT, max((len(members.get(s.id, ())) for s, _ in students), default=0))
    fields = [key for key in FIELD_LABELS_ZH if not key.startswith("member")]
    fields += [member_key(n, part) for n in range(1, width + 1) for part in MEMBER_PARTS]
    rows = []
    for student, school_class in students:
        head_id = school_class.head_teacher_id if school_class else None
        head = staff.get(head_id, "") if head_id is not None else ""
        values = _values(student, school_class, head, groups.get(student.id, set()))
        for n, guardian in enumerate(members.get(student.id, [])[:width], start=1):
            values[member_key(n, "name")] = guardian.name
            values[member_key(n, "relation")] = guardian.relation
            values[member_key(n, "phone")] = guardian.phone
            values[member_key(n, "guardian")] = _YES_NO[bool(guardian.is_guardian)]
        rows.append([values.get(key, "") for key in fields])
    return [FIELD_LABELS_ZH[key] for key in fields], rows


def _values(
    student: Student, school_class: SchoolClass | None, head: str, groups: set[str]
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "student_no": student.student_no,
        "name": student.name,
        "gender": GENDER_ZH.get(student.gender, ""),
        "birth_date": student.birth_date,
        "grade": grade_label(student.grade_level) if student.grade_level else "",
        "class": school_class.label if school_class else "",
        "head_teacher": head,
        "id_type": student.id_type,
        "id_number": student.id_number,
        "phone": student.phone,
        "address": student.address,
        "ethnicity": student.ethnicity,
        "roll_no": student.roll_no,
        "enrolled_on": student.enrolled_on,
    }
    for field, code in GROUP_FIELDS.items():
        values[field] = _YES_NO[code in groups]
    return {key: "" if value is None else value for key, value in values.items()}


def _target(path: object) -> Path:
    """Refuse what cannot become the requested file before anything is read or written."""
    if not isinstance(path, str | Path) or not str(path).strip():
        raise ValidationError("a file name is required", field="path")
    target = Path(path)
    if target.suffix.lower() not in SUFFIXES:
        raise ValidationError(f"{target.name!r} must end in .xlsx or .csv", field="path")
    if not target.parent.is_dir():
        raise ValidationError(f"folder {str(target.parent)!r} does not exist", field="path")
    if target.is_dir():
        raise ValidationError(f"{str(target)!r} is a folder", field="path")
    return target


def _xlsx_bytes(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    # openpyxl takes a noticeable time to import; only an export needs it.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook(write_only=True)
    book.properties.creator = "CounselRoom"  # not the user: the file leaves the vault
    sheet = book.create_sheet("花名册")
    bold = Font(bold=True)

    def text(value: str) -> Any:
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if not value.startswith("="):
            return value or None
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, never a formula
        return cell

    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([text(v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """UTF-8 with a BOM (Excel then reads Chinese correctly), CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER_LIKE.match(text):
        return "'" + text
    return text
