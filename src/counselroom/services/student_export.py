"""Each student's whole file as one JSON-ready document (format "counselroom-student", v1).

Fast for a whole school: students are read in chunks of CHUNK, and each table once per chunk
(``WHERE student_id IN (...)``), never one query per student and table. Output is
deterministic: every list is ordered by its date, then by id, so two exports of an unchanged
vault give the same bytes. No permission check and no audit here: the caller (the transfer
service) holds the transaction, checks EXPORT and audits the archive as a whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import CounselRoomError
from counselroom.services.student_export_rows import (
    Document,
    Row,
    child_authors,
    export_record,
    ordered_children,
    origin_authors,
    parse_origin,
)
from counselroom.storage.models import Base, SchoolClass, Staff, Student, User
from counselroom.transfer.student_fields import OBJECT, Field, Record
from counselroom.transfer.student_records import SECTIONS, STUDENT
from counselroom.transfer.student_schema import FORMAT, VERSION

CHUNK = 500  # students per round of queries: well under SQLite's 32,766 bound parameters

# The order of each list: its date, then id (the id breaks ties, and follows the sender's order
# in an imported file). Screening results are ordered by their batch's date, in Python.
ORDER: Mapping[str, tuple[str, ...]] = {
    "guardians": ("ordinal", "id"),
    "student_groups": ("code", "id"),
    "screening_results": ("id",),
    "concerns": ("reported_on", "id"),
    "tier_changes": ("effective_on", "id"),
    "notification_tasks": ("due_at", "id"),
    "plans": ("version", "id"),
    "plan_measures": ("id",),
    "sessions": ("started_at", "id"),
    "session_amendments": ("created_at", "id"),
    "break_glass_records": ("created_at", "id"),
    "consents": ("on", "id"),
    "referrals": ("proposed_on", "id"),
    "referral_events": ("at", "id"),
    "leaves": ("start_on", "id"),
    "returns": ("id",),
    "parent_contacts": ("on", "id"),
    "documents": ("created_at", "id"),
    "closures": ("closed_on", "id"),
}


def student_documents(session: Session, student_ids: Sequence[int]) -> Iterator[tuple[int, dict]]:
    """(student id, document) for each of ``student_ids``, in the given order."""
    users = {
        int(uid): str(name) for uid, name in session.execute(select(User.id, User.display_name))
    }
    for start in range(0, len(student_ids), CHUNK):
        chunk = list(student_ids[start : start + CHUNK])
        documents = _chunk(session, chunk, users)
        for student_id in chunk:
            yield student_id, documents[student_id]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def _chunk(session: Session, ids: list[int], users: Mapping[int, str]) -> dict[int, Document]:
    documents = {row["id"]: _student(row, users) for row in _students(session, ids)}
    missing = [str(student_id) for student_id in ids if student_id not in documents]
    if missing:
        raise CounselRoomError(f"no student with id {', '.join(missing)}")
    for name, record in SECTIONS:
        per_student = _section(session, record, "student_id", ids, users)
        for student_id, document in documents.items():
            document[name] = per_student.get(student_id, [])
    return documents


def _students(session: Session, ids: list[int]) -> list[Row]:
    students = table("students")
    query = (
        select(
            students,
            SchoolClass.label.label("class_label_current"),
            Staff.name.label("head_teacher_name"),
            Staff.phone.label("head_teacher_phone"),
        )
        .outerjoin(SchoolClass, SchoolClass.id == Student.class_id)
        .outerjoin(Staff, Staff.id == SchoolClass.head_teacher_id)
        .where(students.c.id.in_(ids))
    )
    return list(session.execute(query).mappings())


def _student(row: Row, users: Mapping[int, str]) -> Document:
    """The profile. The keeper is this school's account keeping the file (not an author), the
    class is named as this school names it: its label, else the label the roster gave."""
    name = row["head_teacher_name"]
    local = {
        "class_label": row["class_label_current"] or row["class_label_original"],
        "head_teacher": None
        if name is None
        else {"name": name, "phone": row["head_teacher_phone"]},
        "keeper": users.get(row["keeper_id"]) if row["keeper_id"] is not None else None,
    }
    profile = export_record(STUDENT, row, users, local)
    return {"format": FORMAT, "version": VERSION, "student": profile}


def _section(
    session: Session,
    record: Record,
    key: str,
    owners: list[int],
    users: Mapping[int, str],
    *,
    section: str = "",
    parent_origins: Mapping[int, dict[str, Any] | None] | None = None,
) -> dict[int, list[Document]]:
    """The records of ``record.table`` whose ``key`` is one of ``owners``, grouped by owner.

    ``parent_origins`` (owner id → its origin) give the authors of child rows that have no
    origin of their own; ``section`` is the name of their list in the parent record.
    """
    grouped_rows = _rows(session, record.table, key, owners)
    rows = [row for owned in grouped_rows.values() for row in owned]
    origins = {
        row["id"]: parse_origin(row["origin"]) if record.has_origin else None for row in rows
    }
    objects = {
        field.name: _objects(session, field, rows, users)
        for field in record.fields
        if field.kind == OBJECT
    }
    children = {
        field.name: _section(
            session,
            field.record,
            _parent_key(record, field.record),
            [row["id"] for row in rows],
            users,
            section=field.name,
            parent_origins=origins,
        )
        for field in record.children
        if field.record is not None
    }
    grouped: dict[int, list[Document]] = {}
    for owner, owned in grouped_rows.items():
        if record.has_origin:
            documents = [
                export_record(record, row, users, origin_authors(record, origins[row["id"]]))
                for row in owned
            ]
        else:
            parent = parent_origins.get(owner) if parent_origins is not None else None
            names = child_authors(parent, section)
            documents = ordered_children(record, owned, users, names)
        for row, document in zip(owned, documents, strict=True):
            for name, by_id in objects.items():
                document[name] = by_id[row[_source(record, name)]]
            for name, by_parent in children.items():
                document[name] = by_parent.get(row["id"], [])
        grouped[owner] = documents
    if record.table == "screening_results":  # by the batch's date, then id
        for results in grouped.values():
            results.sort(key=_result_order)
    return grouped


def _rows(session: Session, name: str, key: str, owners: list[int]) -> dict[int, list[Row]]:
    if not owners:
        return {}
    source = table(name)
    order = [source.c[column] for column in ORDER[name]]
    query = select(source).where(source.c[key].in_(owners)).order_by(*order)
    grouped: dict[int, list[Row]] = defaultdict(list)
    for row in session.execute(query).mappings():
        grouped[row[key]].append(row)
    return grouped


def _objects(
    session: Session, field: Field, rows: list[Row], users: Mapping[int, str]
) -> dict[int, Document]:
    """The records an OBJECT field names (a referral's institution), by id."""
    record = field.record
    assert record is not None
    ids = sorted({row[field.source] for row in rows})
    if not ids:
        return {}
    source = table(record.table)
    found = session.execute(select(source).where(source.c.id.in_(ids))).mappings()
    return {
        row["id"]: export_record(
            record,
            row,
            users,
            origin_authors(record, parse_origin(row["origin"]) if record.has_origin else None),
        )
        for row in found
    }


def _parent_key(parent: Record, child: Record) -> str:
    """The column of ``child``'s table that holds its parent's id (e.g. session_id)."""
    for foreign_key in table(child.table).foreign_keys:
        if foreign_key.column.table.name == parent.table:
            return str(foreign_key.parent.name)
    raise AssertionError(f"{child.table} has no key to {parent.table}")


def _source(record: Record, name: str) -> str:
    return next(field.source for field in record.fields if field.name == name)


def _result_order(result: Document) -> tuple[str, int]:
    batch = result["batch"]
    assert isinstance(batch, dict)
    return str(batch["on"]), int(result["id"])  # type: ignore[call-overload]
