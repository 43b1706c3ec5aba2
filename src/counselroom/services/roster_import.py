"""Import a roster (花名册) from the student-status system: add new students, update known ones.

The whole file is one write transaction: a row with any problem is skipped whole and reported,
every other row is applied, and an error half-way (disk full) leaves the vault as it was. A dry
run computes exactly the same report in a read session and writes nothing, not even an audit
entry. The audit entry of a real run carries counts only.

What a row may change (docs/roster-import.md): a non-empty cell that differs from the stored
value replaces it; an empty cell never clears anything. A row whose 学籍号 is in the vault under
another name or birth date is a conflict: it is skipped, never merged, because either the
number or the person is wrong and only the counsellor can tell which. 是 in a group column adds
the care group; 否 never removes one (the counsellor may know more than the national system).
Students missing from the file are left alone: a roster may be one grade's.

The vault's students, classes and staff are read once into dicts, so 5,000 rows cost a handful
of queries, not one per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.intake.columns import missing_required
from counselroom.intake.problems import Problem
from counselroom.intake.roster_checks import duplicate_problems, head_teacher_problems
from counselroom.intake.roster_fields import FIELD_LABELS_ZH, ROSTER_FIELDS
from counselroom.intake.roster_rows import RowReader
from counselroom.intake.sheets import Table, column_letter
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission
from counselroom.services.roster_plan import (
    SCALARS,
    FieldChange,
    RosterLine,
    RosterPlan,
    class_key,
    merge_members,
    skip_line,
)
from counselroom.services.roster_vault import RosterVault, vault_problems
from counselroom.storage.base import utcnow
from counselroom.storage.models import (
    Guardian,
    SchoolClass,
    SchoolProfile,
    Staff,
    Student,
    StudentGroup,
)

# FieldChange and RosterLine are re-exported: callers import the report from one place.
__all__ = ["FieldChange", "RosterLine", "RosterReport", "import_roster"]

_CHUNK = 500  # ids per IN (...) list, well below SQLite's limit on bound parameters


@dataclass(frozen=True)
class RosterReport:
    file: str
    dry_run: bool
    rows: int  # data rows read
    added: int
    updated: int
    unchanged: int
    skipped: int  # rows with at least one problem (never half-imported)
    problems: tuple[Problem, ...]  # in row order; file-level ones first
    lines: tuple[RosterLine, ...]  # one per data row, in row order


def import_roster(
    ctx: Context, table: Table, header_row: int, mapping: Mapping[str, int], *, dry_run: bool
) -> RosterReport:
    """Check every row, then apply the good ones in one transaction (or, dry, only report)."""
    ctx.require(Permission.EDIT_CASES)
    _check_file(table, header_row, mapping)
    rows = table.rows[header_row + 1 :]
    today = local_today()
    with ctx.vault.read() if dry_run else ctx.vault.write() as session:
        school_type = session.scalar(select(SchoolProfile.school_type)) or "complete"
        reader = RowReader(
            table.rows[header_row].cells, mapping, today=today, school_type=school_type
        )
        read = [reader.read(row) for row in rows]
        records = [r.record for r in read]
        vault = RosterVault(session, with_records="enrolled_on" in mapping)
        problems: dict[int, list[Problem]] = defaultdict(list)
        found = [p for r in read for p in r.problems]
        found += duplicate_problems(records, reader)
        found += head_teacher_problems(records, reader)
        for record in records:
            found += vault_problems(record, vault, reader)
        for problem in found:
            problems[problem.row or 0].append(problem)
        plan = RosterPlan(vault, today)
        lines = [
            skip_line(record, vault) if problems[record.row] else plan.line(record)
            for record in records
        ]
        counts = {a: sum(line.action == a for line in lines) for a in ("add", "update", "skip")}
        if not dry_run:
            _write(session, plan)
            ctx.audit(
                session,
                "roster.import",
                detail=f"rows={len(rows)} added={counts['add']} updated={counts['update']} "
                f"unchanged={len(rows) - sum(counts.values())} skipped={counts['skip']}",
            )
    return RosterReport(
        file=table.name,
        dry_run=dry_run,
        rows=len(rows),
        added=counts["add"],
        updated=counts["update"],
        unchanged=len(rows) - sum(counts.values()),
        skipped=counts["skip"],
        problems=tuple(sorted(found, key=lambda p: p.row or 0)),
        lines=tuple(lines),
    )


def _check_file(table: Table, header_row: int, mapping: Mapping[str, int]) -> None:
    """Refusals of the whole file, before any row is read: nothing of it is imported. Each is a
    template for the catalogue (QT_TRANSLATE_NOOP) with the file's data apart."""

    def refuse(template: str, *args: object) -> ValidationError:
        return ValidationError.of(template, *args, record=table.name)

    if not 0 <= header_row < len(table.rows):
        raise refuse(
            QT_TRANSLATE_NOOP("problems", "header row %1 is not in the file"), header_row + 1
        )
    known = {spec.key for spec in ROSTER_FIELDS}
    width = max(table.width(), 1)
    seen: dict[int, str] = {}
    for key, column in mapping.items():
        if key not in known:
            raise refuse(QT_TRANSLATE_NOOP("problems", "unknown roster field %1"), repr(key))
        if not 0 <= column < width:
            raise refuse(
                QT_TRANSLATE_NOOP("problems", "%1 is mapped to column %2, past the last"),
                FIELD_LABELS_ZH[key],
                column + 1,
            )
        if column in seen:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    "problems", "column %1 is mapped to both %2 and %3; map each column once"
                ),
                column_letter(column),
                FIELD_LABELS_ZH[seen[column]],
                FIELD_LABELS_ZH[key],
            )
        seen[column] = key
    missing = missing_required(mapping, ROSTER_FIELDS)
    if missing:
        names = [f"{FIELD_LABELS_ZH[spec.key]} ({spec.key})" for spec in missing]
        first = missing[0].key  # the CLI's --map option to give
        if len(names) == 1:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    "problems",
                    "no column is mapped to %1: choose its column and import again (on the"
                    " command line: --map %2=COLUMN)",
                ),
                names[0],
                first,
            )
        # "and" is the template's word, so it is translated; more than two are listed first.
        raise refuse(
            QT_TRANSLATE_NOOP(
                "problems",
                "no column is mapped to %1 and %2: choose its column and import again (on the"
                " command line: --map %3=COLUMN)",
            ),
            ", ".join(names[:-1]),
            names[-1],
            first,
        )
    if header_row + 1 >= len(table.rows):
        raise refuse(
            QT_TRANSLATE_NOOP("problems", "the file has a header row but no students below it")
        )


def _write(session: Session, plan: RosterPlan) -> None:
    """Write the plan: classes and 班主任 first (students point at them), then students."""
    vault = plan.vault
    for (level, number), label in plan.new_classes.items():
        created = SchoolClass(grade_level=level, number=number, label=label)
        session.add(created)
        vault.classes[(level, number)] = created
    for key, head in plan.heads.items():
        school_class = vault.classes[key]
        if vault.head_of(school_class) == head:
            continue
        if head not in vault.heads:
            vault.heads[head] = Staff(name=head, role="head_teacher")
            session.add(vault.heads[head])
        school_class.head_teacher = vault.heads[head]
    session.flush()
    _insert_students(session, plan)
    replaced = [u.student.id for u in plan.updates if u.members is not None]
    for start in range(0, len(replaced), _CHUNK):
        chunk = replaced[start : start + _CHUNK]
        session.execute(delete(Guardian).where(Guardian.student_id.in_(chunk)))
    now = utcnow()
    for update in plan.updates:
        student = update.student
        for column, value in update.values.items():
            if column == "class_key":
                student.class_id = vault.classes[value].id
            else:
                setattr(student, column, value)
        student.updated_at = now  # the profile editor's token: an open form is now stale
        session.add_all(
            Guardian(
                student_id=student.id,
                ordinal=n,
                name=m.name,
                relation=m.relation,
                phone=m.phone,
                is_guardian=bool(m.is_guardian),
            )
            for n, m in enumerate(update.members or (), start=1)
        )
        session.add_all(
            StudentGroup(student_id=student.id, code=code, since=plan.today)
            for code in update.groups
        )
    session.flush()


def _insert_students(session: Session, plan: RosterPlan) -> None:
    """New students, their families and groups as three bulk INSERTs: ORM objects for 5,000
    students and their relationships would cost several times the whole import."""
    # Imported here: pypinyin's dictionaries are large and only new students need them.
    from counselroom.domain.pinyin import search_key

    if not plan.adds:
        return
    classes, now = plan.vault.classes, utcnow()
    rows = []
    for record in plan.adds:
        place = class_key(record)
        rows.append(
            {
                **{column: getattr(record, column) for column in SCALARS},
                "gender": record.gender or "U",
                "student_no": record.student_no,
                "name": record.name,
                "name_pinyin": search_key(record.name),
                "grade_level": record.grade_level,
                "class_id": classes[place].id if place else None,
                "class_label_original": record.class_name.original if record.class_name else None,
                "status": "enrolled",
                "file_state": "none",
                "tier": 0,
                "created_at": now,
                "updated_at": now,
            }
        )
    ids = session.scalars(
        insert(Student).returning(Student.id, sort_by_parameter_order=True), rows
    ).all()
    members = [
        {
            "student_id": student_id,
            "ordinal": n,
            "name": m.name,
            "relation": m.relation,
            "phone": m.phone,
            "is_guardian": bool(m.is_guardian),
        }
        for student_id, record in zip(ids, plan.adds, strict=True)
        for n, m in enumerate(merge_members(record.members, ()), start=1)
    ]
    groups = [
        {"student_id": student_id, "code": code, "since": plan.today, "note": ""}
        for student_id, record in zip(ids, plan.adds, strict=True)
        for code, yes in record.groups
        if yes
    ]
    if members:
        session.execute(insert(Guardian), members)
    if groups:
        session.execute(insert(StudentGroup), groups)
