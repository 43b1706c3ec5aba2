"""Care-group ledgers (台账): who is in a 重点关爱群体, at what tier, when last contacted.

Seed 004 keeps ledgers of 留守儿童, 单亲(离异)家庭儿童 and 心理障碍儿童; the program lists any
group. A ledger shows tier and the day of the last contact — the "required actions" level a
班主任-level viewer may see — and no note, so a viewer may read it; saving it as a spreadsheet
puts names on disk in plaintext, so that needs EXPORT. Both are audited with the group code and
the row count only: the ledger itself names members of sensitive groups (心理障碍, 遭遇家暴).

The rows come from three queries (members joined to class and head teacher, the last session
per member, the last parent contact per member) whatever the size of the group.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import ValidationError
from counselroom.domain.grades import grade_label
from counselroom.services.checks import choice
from counselroom.services.context import Context
from counselroom.services.localtime import local_date, local_today
from counselroom.services.roles import Permission
from counselroom.services.saved_files import save_file
from counselroom.storage.models import (
    CounsellingSession,
    ParentContact,
    SchoolClass,
    SchoolProfile,
    Staff,
    Student,
    StudentGroup,
)
from counselroom.storage.models.choices import CARE_GROUP_CODES

__all__ = ["ON_ROLL", "Ledger", "LedgerRow", "export_ledger", "ledger"]

# Students who left the school (transferred, graduated) are no longer this school's care.
ON_ROLL = ("enrolled", "on_leave")


@dataclass(frozen=True)
class LedgerRow:
    """One member; codes (gender M/F/U, status, file_state) are left for the reader to name."""

    student_id: int
    student_no: str | None
    name: str
    gender: str
    grade: str
    class_label: str
    head_teacher: str
    since: date | None
    tier: int
    file_state: str
    status: str
    last_contact: date | None
    next_follow_up: date | None


@dataclass(frozen=True)
class Ledger:
    group: str
    rows: tuple[LedgerRow, ...]
    today: date


def ledger(ctx: Context, group: str) -> Ledger:
    """The members of care group ``group`` still on the roll, by grade, class and name."""
    ctx.require(Permission.LIST_STUDENTS)
    code = choice(group, CARE_GROUP_CODES, "group")
    with ctx.vault.write() as session:
        rows = ledger_rows(session, code)
        ctx.audit(session, "ledger.view", detail=f"group={code} rows={len(rows)}")
    return Ledger(group=code, rows=rows, today=local_today())


def export_ledger(ctx: Context, group: str, path: Path) -> int:
    """Save the ledger of ``group`` as an .xlsx file at ``path``; returns the rows written.

    The file is written inside the transaction that records the audit entry, so a write that
    fails (folder gone, disk full, USB drive pulled) leaves neither a file nor an entry. The
    write itself is atomic: ``path`` keeps its old content until the new file is complete.
    """
    ctx.require(Permission.EXPORT)
    code = choice(group, CARE_GROUP_CODES, "group")
    target = _xlsx_path(path)
    # openpyxl takes a noticeable time to import; only an export needs it (see BENCHMARKS.md
    # on lazy start-up imports).
    from counselroom.services.ledger_xlsx import workbook_bytes

    with ctx.vault.write() as session:
        rows = ledger_rows(session, code)
        school = session.scalar(select(SchoolProfile.name).where(SchoolProfile.id == 1)) or ""
        data = workbook_bytes(Ledger(group=code, rows=rows, today=local_today()), school)
        ctx.audit(session, "ledger.export", detail=f"group={code} rows={len(rows)}")
        save_file(target, data)
    return len(rows)


def _xlsx_path(path: object) -> Path:
    """Refuse what cannot become the requested file before anything is written."""
    if not isinstance(path, str | Path) or not str(path).strip():
        raise ValidationError("a file name is required", field="path")
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError(f"{target.name!r} must end in .xlsx", field="path")
    if not target.parent.is_dir():
        raise ValidationError(f"folder {str(target.parent)!r} does not exist", field="path")
    if target.is_dir():
        raise ValidationError(f"{str(target)!r} is a folder", field="path")
    return target


# -- the query ------------------------------------------------------------------------------


def ledger_rows(session: Session, code: str) -> tuple[LedgerRow, ...]:
    """Members of care group ``code`` on the roll; three queries whatever the group's size."""
    members = select(StudentGroup.student_id).where(StudentGroup.code == code)
    last_session = {
        int(sid): local_date(at)
        for sid, at in session.execute(
            select(CounsellingSession.student_id, func.max(CounsellingSession.started_at))
            .where(CounsellingSession.student_id.in_(members))
            .group_by(CounsellingSession.student_id)
        )
    }
    last_parent = {
        int(sid): on
        for sid, on in session.execute(
            select(ParentContact.student_id, func.max(ParentContact.on))
            .where(ParentContact.student_id.in_(members))
            .group_by(ParentContact.student_id)
        )
    }
    rows = session.execute(
        select(
            Student.id,
            Student.student_no,
            Student.name,
            Student.gender,
            Student.grade_level,
            func.coalesce(SchoolClass.label, Student.class_label_original, ""),
            Staff.name,
            StudentGroup.since,
            Student.tier,
            Student.file_state,
            Student.status,
            Student.next_follow_up,
        )
        .join(StudentGroup, StudentGroup.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .outerjoin(Staff, SchoolClass.head_teacher_id == Staff.id)
        .where(StudentGroup.code == code, Student.status.in_(ON_ROLL))
        .order_by(
            Student.grade_level.asc().nulls_last(),
            SchoolClass.number.asc().nulls_last(),
            Student.name_pinyin,
            Student.name,
            Student.id,
        )
    )
    return tuple(_row(row, last_session, last_parent) for row in rows)


def _row(row: Any, last_session: dict[int, date], last_parent: dict[int, date]) -> LedgerRow:
    student_id = int(row[0])
    contacts = [d for d in (last_session.get(student_id), last_parent.get(student_id)) if d]
    return LedgerRow(
        student_id=student_id,
        student_no=row[1],
        name=str(row[2]),
        gender=str(row[3]),
        grade=grade_label(row[4]) if row[4] else "",
        class_label=str(row[5] or ""),
        head_teacher=str(row[6] or ""),
        since=row[7],
        tier=int(row[8]),
        file_state=str(row[9]),
        status=str(row[10]),
        last_contact=max(contacts) if contacts else None,
        next_follow_up=row[11],
    )
