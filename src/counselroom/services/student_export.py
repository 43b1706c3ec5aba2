"""Each student's whole file as one JSON-ready document (format "counselroom-student", v1).

Fast for a whole school: students are read in chunks of CHUNK, and each table once per chunk
(``WHERE student_id IN (<the chunk's ids>)``, a child table through its parents' ids as a
subquery), never one query per student and table; rows are read as plain tuples and written by
a layout worked out once per record (services/student_export_rows.py). Output is deterministic:
every list is ordered by its date, then by id, so two exports of an unchanged vault give the
same bytes. No permission check and no audit here: the caller (the transfer service) holds the
transaction, checks EXPORT and audits the archive as a whole.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, func, null, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import CounselRoomError
from counselroom.services.student_export_rows import (
    Document,
    Layout,
    child_authors,
    layout,
    origin_authors,
    parse_origin,
    reader,
)
from counselroom.storage.models import Base, SchoolClass, Staff, User
from counselroom.transfer.student_fields import OBJECT, Field, Record
from counselroom.transfer.student_records import SECTIONS, STUDENT
from counselroom.transfer.student_schema import FORMAT, VERSION

CHUNK = 500  # students per round of queries: bounds the rows one query returns
# The profile's fields that are this school's view, not a column: filled in place (see _profiles)
PLACED = frozenset({"class_label", "head_teacher"})

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
    documents = _profiles(session, ids, users)
    missing = [str(student_id) for student_id in ids if student_id not in documents]
    if missing:
        raise CounselRoomError(f"no student with id {', '.join(missing)}")
    for name, record in SECTIONS:
        per_student = _section(session, record, "student_id", _listed(ids), users)
        for student_id, document in documents.items():
            document[name] = per_student.get(student_id, [])
    return documents


def _profiles(session: Session, ids: list[int], users: Mapping[int, str]) -> dict[int, Document]:
    """The profiles, by id. The keeper is this school's account keeping the file (not an
    author), the class is named as this school names it: its label, else the label the roster
    gave, with its head teacher."""
    students = table("students")
    shape = layout(STUDENT, PLACED)
    query = (
        select(
            *_columns(students, shape),
            SchoolClass.label,
            students.c.class_label_original,
            Staff.name,
            Staff.phone,
        )
        .select_from(students)
        .outerjoin(SchoolClass, SchoolClass.id == students.c.class_id)
        .outerjoin(Staff, Staff.id == SchoolClass.head_teacher_id)
        .where(students.c.id.in_(_listed(ids)))
    )
    read, at = reader(shape, users), len(shape.names)
    documents: dict[int, Document] = {}
    for row in session.execute(query):
        profile = read(row)
        label, original, name, phone = row[at], row[at + 1], row[at + 2], row[at + 3]
        profile["class_label"] = label or original
        profile["head_teacher"] = None if name is None else {"name": name, "phone": phone}
        documents[row[0]] = {"format": FORMAT, "version": VERSION, "student": profile}  # 0: id
    return documents


def _section(
    session: Session,
    record: Record,
    key: str,
    owners: Select[Any],
    users: Mapping[int, str],
    *,
    section: str = "",
    parent_origins: Mapping[int, dict[str, Any]] | None = None,
) -> dict[int, list[Document]]:
    """The records of ``record.table`` whose ``key`` is one of ``owners`` (a query of ids),
    grouped by owner.

    ``parent_origins`` (owner id → its origin, for the owners that have one) give the authors of
    child rows that have no origin of their own; ``section`` is the name of their list in the
    parent record.
    """
    source = table(record.table)
    shape = layout(record)
    objects = [field for field in record.fields if field.kind == OBJECT]
    at = len(shape.names)  # then: id, owner, each object's id, origin
    owned = source.c[key].in_(owners)
    query = (
        select(
            *_columns(source, shape),
            source.c.id,
            source.c[key],
            *(source.c[field.source] for field in objects),
            *([source.c.origin] if record.has_origin else []),
        )
        .where(owned)
        .order_by(*(source.c[column] for column in ORDER[record.table]))
    )
    rows = session.execute(query).all()
    if not rows:
        return {}
    read = reader(shape, users)
    documents = list(map(read, rows))
    origins: dict[int, dict[str, Any]] = {}
    if record.has_origin:
        for row, document in zip(rows, documents, strict=True):
            origin = parse_origin(row[-1]) if row[-1] else None
            if origin is not None:
                origins[row[at]] = origin
                document.update(origin_authors(record, origin))  # in place: the keys exist
    for place, field in enumerate(objects, start=at + 2):
        by_id = _objects(session, field, {row[place] for row in rows}, users)
        for row, document in zip(rows, documents, strict=True):
            document[field.name] = by_id[row[place]]
    for field in record.children:
        assert field.record is not None
        by_parent = _section(
            session,
            field.record,
            _parent_key(record, field.record),
            select(source.c.id).where(owned),
            users,
            section=field.name,
            parent_origins=origins,
        )
        for row, document in zip(rows, documents, strict=True):
            document[field.name] = by_parent.get(row[at], [])
    grouped: dict[int, list[Document]] = defaultdict(list)
    for row, document in zip(rows, documents, strict=True):
        grouped[row[at + 1]].append(document)
    if not record.has_origin and parent_origins and record.authors:
        child_authors(grouped, record, section, parent_origins)
    if record.table == "screening_results":  # by the batch's date, then id
        for results in grouped.values():
            results.sort(key=_result_order)
    return grouped


def _objects(
    session: Session, field: Field, ids: set[int], users: Mapping[int, str]
) -> dict[int, Document]:
    """The records an OBJECT field names (a referral's institution), by id."""
    record = field.record
    assert record is not None
    source = table(record.table)
    shape = layout(record)
    at = len(shape.names)
    query = select(
        *_columns(source, shape),
        source.c.id,
        *([source.c.origin] if record.has_origin else []),
    ).where(source.c.id.in_(sorted(ids)))
    read = reader(shape, users)
    found: dict[int, Document] = {}
    for row in session.execute(query):
        document = read(row)
        if record.has_origin:
            document.update(origin_authors(record, parse_origin(row[at + 1])))
        found[row[at]] = document
    return found


def _listed(ids: Sequence[int]) -> Select[Any]:
    """``ids`` as a query: one bound parameter (a JSON list) however many they are, where
    ``IN (?, ?, ...)`` would bind and render one per id for every table."""
    listed = func.json_each(json.dumps(list(ids))).table_valued("value")
    return select(listed.c.value)


def _columns(source: Table, shape: Layout) -> list[ColumnElement[Any]]:
    return [null() if column is None else source.c[column] for column in shape.columns]


def _parent_key(parent: Record, child: Record) -> str:
    """The column of ``child``'s table that holds its parent's id (e.g. session_id)."""
    for foreign_key in table(child.table).foreign_keys:
        if foreign_key.column.table.name == parent.table:
            return str(foreign_key.parent.name)
    raise AssertionError(f"{child.table} has no key to {parent.table}")


def _result_order(result: Document) -> tuple[str, int]:
    batch = result["batch"]
    assert isinstance(batch, dict)
    return str(batch["on"]), int(result["id"])  # type: ignore[call-overload]
