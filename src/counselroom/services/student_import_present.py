"""What of a sender's document the receiving vault already holds, read before anything is added.

A student is matched by 学籍号; one without a 学籍号 only by the origin an earlier import gave
him (the same sender and sender id), so a second import of his document still finds him. For a
student found, the origins of his records are read once per table: a record whose origin is
already there is skipped, which is what makes importing the same archive twice change nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.services.student_export import table
from counselroom.services.student_import_rows import origin_key
from counselroom.storage.models import Guardian, Institution, ScreeningBatch, Student
from counselroom.transfer.student_records import LEAVE, RETURN, SECTIONS


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


def find_student(session: Session, profile: Mapping[str, Any], sender: str) -> Student | None:
    student_no = profile["student_no"]
    if student_no is not None:
        return session.scalar(select(Student).where(Student.student_no == student_no))
    # Only students without a 学籍号 are searched by origin: json_extract reads every row.
    candidates = session.scalars(
        select(Student).where(
            Student.student_no.is_(None),
            func.json_extract(Student.origin, "$.school") == sender,
            func.json_extract(Student.origin, "$.id") == profile["id"],
        )
    )
    for student in candidates:
        if origin_key(student.origin, sender, "students") == profile["id"]:
            return student
    return None


def present_records(session: Session, student_id: int, sender: str) -> Present:
    present = Present()
    for _, record in SECTIONS:
        if not record.has_origin:
            continue
        source = table(record.table)
        origins = session.execute(
            select(source.c.id, source.c.origin).where(
                source.c.student_id == student_id, source.c.origin.is_not(None)
            )
        )
        present.ids[record.table] = _by_sender(origins, sender, record.table)
    leaves, returns = table(LEAVE.table), table(RETURN.table)
    kept = session.execute(
        select(returns.c.id, returns.c.origin, returns.c.leave_id)
        .join(leaves, leaves.c.id == returns.c.leave_id)
        .where(leaves.c.student_id == student_id)
    ).all()
    present.ids[RETURN.table] = _by_sender(((r[0], r[1]) for r in kept), sender, RETURN.table)
    present.leaves_with_return = {int(row[2]) for row in kept}
    for name, phone, ordinal in session.execute(
        select(Guardian.name, Guardian.phone, Guardian.ordinal).where(
            Guardian.student_id == student_id
        )
    ):
        present.guardians.add((name, phone))
        present.max_ordinal = max(present.max_ordinal, ordinal)
    groups, plans, results = table("student_groups"), table("plans"), table("screening_results")
    present.groups = set(
        session.scalars(select(groups.c.code).where(groups.c.student_id == student_id))
    )
    present.plan_versions = set(
        session.scalars(select(plans.c.version).where(plans.c.student_id == student_id))
    )
    present.result_batches = {
        int(batch_id): int(result_id)
        for batch_id, result_id in session.execute(
            select(results.c.batch_id, results.c.id).where(results.c.student_id == student_id)
        )
    }
    return present


def sender_batches(session: Session, sender: str) -> dict[int, int]:
    """Sender batch id → the local batch an earlier import made for it."""
    rows = session.execute(
        select(ScreeningBatch.id, ScreeningBatch.origin).where(ScreeningBatch.origin.is_not(None))
    )
    return _by_sender(rows, sender, "screening_batches")


def institutions(session: Session, names: set[str]) -> dict[tuple[str, str], int]:
    """(kind, name) → the local institution to reuse: one in the list if any, else the oldest."""
    if not names:
        return {}
    found: dict[tuple[str, str], int] = {}
    rows = session.execute(
        select(Institution.id, Institution.kind, Institution.name)
        .where(Institution.name.in_(sorted(names)))
        .order_by(Institution.deleted_at.is_not(None), Institution.id)
    )
    for identity, kind, name in rows:
        found.setdefault((kind, name), int(identity))
    return found


def _by_sender(rows: Any, sender: str, table_name: str) -> dict[int, int]:
    out: dict[int, int] = {}
    for local_id, origin in rows:
        sender_id = origin_key(origin, sender, table_name)
        if sender_id is not None:
            out[sender_id] = int(local_id)
    return out
