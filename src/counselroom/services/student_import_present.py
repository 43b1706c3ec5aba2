"""What of a sender's documents the receiving vault already holds, read before anything is added.

A student is matched by 学籍号; one without a 学籍号 only by the origin an earlier import gave
him (the same sender and sender id), so a second import of his document still finds him. For the
students found, the origins of their records are read once per table for all of them at once
(``WHERE student_id IN (...)``), never one query per student and table: a record whose origin is
already there is skipped, which is what makes importing the same archive twice change nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session

from counselroom.services.student_import_rows import origin_key
from counselroom.storage.models import Base, Institution, Student
from counselroom.transfer.student_records import SECTIONS
from counselroom.transfer.student_records_care import LEAVE, RETURN

CHUNK = 500  # values in one IN (...): well under SQLite's bound-parameter limit
_T = TypeVar("_T")
_STUDENTS = Base.metadata.tables["students"]
_BATCHES = Base.metadata.tables["screening_batches"]
# Built once: a preview asks these for each student of an archive in turn.
_BY_NUMBER = select(_STUDENTS.c.id).where(
    _STUDENTS.c.student_no.in_(bindparam("numbers", expanding=True))
)
_BATCH_ORIGINS = select(_BATCHES.c.id, _BATCHES.c.origin).where(_BATCHES.c.origin.is_not(None))


@dataclass
class Present:
    """What the local file already holds; ``ids``: table → sender id → local id."""

    ids: dict[str, dict[int, int]] = field(default_factory=dict)
    guardians: set[tuple[str, str]] = field(default_factory=set)
    max_ordinal: int = 0
    groups: set[str] = field(default_factory=set)
    plan_versions: set[int] = field(default_factory=set)
    result_batches: dict[int, int] = field(default_factory=dict)  # local batch id → result id
    leaves_with_return: set[int] = field(default_factory=set)

    def local(self, table_name: str, sender_id: int) -> int | None:
        return self.ids.get(table_name, {}).get(sender_id)


def find_students(
    session: Session, profiles: Sequence[Mapping[str, Any]], sender: str
) -> list[Student | None]:
    """The local student each profile names, in order (None: a new student here)."""
    numbers = sorted({p["student_no"] for p in profiles if p["student_no"] is not None})
    found: list[int] = []  # ids first, a plain query: most students of an archive are new
    for chunk in chunks(numbers):
        found += session.scalars(_BY_NUMBER, {"numbers": chunk})
    by_number: dict[str, Student] = {}
    for chunk in chunks(found):
        for student in session.scalars(select(Student).where(Student.id.in_(chunk))):
            by_number[str(student.student_no)] = student
    # Only students without a 学籍号 are searched by origin: json_extract reads every row.
    unnumbered = sorted({p["id"] for p in profiles if p["student_no"] is None})
    by_origin: dict[int, Student] = {}
    for chunk in chunks(unnumbered):
        candidates = session.scalars(
            select(Student)
            .where(
                Student.student_no.is_(None),
                func.json_extract(Student.origin, "$.school") == sender,
                func.json_extract(Student.origin, "$.id").in_(chunk),
            )
            .order_by(Student.id)
        )
        for student in candidates:
            key = origin_key(student.origin, sender, "students")
            if key is not None:
                by_origin.setdefault(key, student)
    return [
        by_number.get(p["student_no"]) if p["student_no"] is not None else by_origin.get(p["id"])
        for p in profiles
    ]


def present_records(
    session: Session, student_ids: Sequence[int], sender: str
) -> dict[int, Present]:
    """student id → what his file holds, for each of ``student_ids``."""
    present = {student_id: Present() for student_id in student_ids}
    for chunk in chunks(sorted(present)):
        _read(session, chunk, sender, present)
    return present


def _read(session: Session, ids: list[int], sender: str, present: dict[int, Present]) -> None:
    for _, record in SECTIONS:
        if not record.has_origin:
            continue
        source = _table(record.table)
        for student_id in ids:
            present[student_id].ids[record.table] = {}
        rows = session.execute(
            select(source.c.student_id, source.c.id, source.c.origin).where(
                source.c.student_id.in_(ids), source.c.origin.is_not(None)
            )
        )
        for student_id, local_id, origin in rows:
            _remember(present[student_id].ids[record.table], local_id, origin, sender, record.table)
    leaves, returns = _table(LEAVE.table), _table(RETURN.table)
    for student_id in ids:
        present[student_id].ids[RETURN.table] = {}
    kept = session.execute(
        select(leaves.c.student_id, returns.c.id, returns.c.origin, returns.c.leave_id)
        .join(leaves, leaves.c.id == returns.c.leave_id)
        .where(leaves.c.student_id.in_(ids))
    )
    for student_id, local_id, origin, leave_id in kept:
        holder = present[student_id]
        _remember(holder.ids[RETURN.table], local_id, origin, sender, RETURN.table)
        holder.leaves_with_return.add(int(leave_id))
    guardians, groups = _table("guardians"), _table("student_groups")
    plans, results = _table("plans"), _table("screening_results")
    for student_id, name, phone, ordinal in session.execute(
        select(
            guardians.c.student_id, guardians.c.name, guardians.c.phone, guardians.c.ordinal
        ).where(guardians.c.student_id.in_(ids))
    ):
        present[student_id].guardians.add((name, phone))
        present[student_id].max_ordinal = max(present[student_id].max_ordinal, ordinal)
    for student_id, code in session.execute(
        select(groups.c.student_id, groups.c.code).where(groups.c.student_id.in_(ids))
    ):
        present[student_id].groups.add(code)
    for student_id, version in session.execute(
        select(plans.c.student_id, plans.c.version).where(plans.c.student_id.in_(ids))
    ):
        present[student_id].plan_versions.add(version)
    for student_id, batch_id, result_id in session.execute(
        select(results.c.student_id, results.c.batch_id, results.c.id).where(
            results.c.student_id.in_(ids)
        )
    ):
        present[student_id].result_batches[int(batch_id)] = int(result_id)


def sender_batches(session: Session, sender: str) -> dict[int, int]:
    """Sender batch id → the local batch an earlier import made for it."""
    rows = session.execute(_BATCH_ORIGINS)
    out: dict[int, int] = {}
    for local_id, origin in rows:
        _remember(out, local_id, origin, sender, "screening_batches")
    return out


def institutions(session: Session, names: set[str]) -> dict[tuple[str, str], int]:
    """(kind, name) → the local institution to reuse: one in the list if any, else the oldest."""
    found: dict[tuple[str, str], int] = {}
    for chunk in chunks(sorted(names)):
        rows = session.execute(
            select(Institution.id, Institution.kind, Institution.name)
            .where(Institution.name.in_(chunk))
            .order_by(Institution.deleted_at.is_not(None), Institution.id)
        )
        for identity, kind, name in rows:
            found.setdefault((kind, name), int(identity))
    return found


def chunks(values: Sequence[_T]) -> Iterator[list[_T]]:
    for start in range(0, len(values), CHUNK):
        yield list(values[start : start + CHUNK])


def _remember(out: dict[int, int], local_id: int, origin: str, sender: str, table: str) -> None:
    sender_id = origin_key(origin, sender, table)
    if sender_id is not None:
        out[sender_id] = int(local_id)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]
