"""Import one checked student document into the receiving vault: a new student, or a merge.

Rules (docs/decisions.md): a student already here (same 学籍号) keeps his profile and records
and gains the sender's records, each marked with its origin; a record whose origin is already
in his file is skipped, so the same document imported twice adds nothing the second time. A new
student is enrolled here without a class (the sender's class label is kept as the roster's
original label). Writes go into the caller's transaction; no commit and no audit here (the
transfer service audits the import as a whole).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from counselroom.services.student_export import table
from counselroom.services.student_import_present import institutions
from counselroom.services.student_import_rows import Item, column_values, origin_text
from counselroom.services.student_import_work import Work, prepare
from counselroom.storage.base import Base, utcnow
from counselroom.storage.models import Institution, Leave, ReturnRecord, ScreeningBatch, Student
from counselroom.transfer.student_fields import OBJECT, REF, Record
from counselroom.transfer.student_records import BATCH, INSTITUTION, RETURN, SECTIONS, STUDENT

# The relationship that holds a LIST field's rows on the parent model.
_RELATIONSHIPS = {
    "measures": "measures",
    "amendments": "amendments",
    "break_glass": "break_glass",
    "events": "events",
    "returns": "return_record",
}
_MODELS: dict[str, type[Any]] = {
    mapper.local_table.name: mapper.class_  # type: ignore[attr-defined]
    for mapper in Base.registry.mappers
}


@dataclass(frozen=True)
class StudentPlan:
    """What importing a document would do (the preview); ``student_id`` is None for a new one."""

    outcome: str  # "imported" | "merged" | "unchanged"
    student_id: int | None
    student_no: str | None
    added: int  # rows of his file that would be added: records, children, guardians, groups
    # (not the student row itself, nor a batch or institution made to hold them)
    conflicts: tuple[str, ...]  # short English texts, e.g. "tier here 0, at the sender 3"


@dataclass(frozen=True)
class StudentOutcome:
    outcome: str
    student_id: int
    student_no: str | None
    added: int


def plan_import(session: Session, doc: Mapping[str, Any], sender: str) -> StudentPlan:
    """Preview the import of ``doc`` (checked by check_student_document) from ``sender`` (the
    sending school's fingerprint); reads only."""
    work = prepare(session, doc, sender)
    return StudentPlan(
        outcome=work.outcome,
        student_id=work.student.id if work.student is not None else None,
        student_no=doc["student"]["student_no"],
        added=work.added,
        conflicts=tuple(work.conflicts),
    )


def import_student(
    session: Session, doc: Mapping[str, Any], sender: str, user_id: int
) -> StudentOutcome:
    """Import ``doc`` in the caller's transaction; ``user_id`` (the importing account) becomes
    the author of every row, the sender's author is kept in the row's origin."""
    work = prepare(session, doc, sender)
    outcome, added = work.outcome, work.added
    student = work.student
    if student is None:
        student = _new_student(doc["student"], sender, user_id)
        session.add(student)
        session.flush()
    elif work.take_file_state:
        _take_file_state(student, doc["student"], user_id)
    if added:
        _Writer(session, work, student.id, user_id).write()
    return StudentOutcome(outcome, student.id, doc["student"]["student_no"], added)


def _new_student(profile: Item, sender: str, user_id: int) -> Student:
    values = column_values(STUDENT, profile, user_id, {})
    values["class_label_original"] = values.pop("class_label")
    values["keeper_id"] = user_id if profile["file_state"] != "none" else None
    values["status"] = "enrolled"
    values["origin"] = origin_text(STUDENT, profile, sender)
    return Student(**values)


def _take_file_state(student: Student, profile: Item, user_id: int) -> None:
    """A student with no case work here takes the sender's file as it stands."""
    values = column_values(STUDENT, profile, user_id, {})
    for name in ("file_state", "tier", "next_follow_up", "file_opened_at"):
        setattr(student, name, values[name])
    if student.keeper_id is None:
        student.keeper_id = user_id


class _Writer:
    def __init__(self, session: Session, work: Work, student_id: int, user_id: int) -> None:
        self.session = session
        self.work = work
        self.student_id = student_id
        self.user_id = user_id
        self.refs: dict[str, dict[int, int]] = {
            name: dict(work.present.ids.get(record.table, {})) for name, record in SECTIONS
        }
        self.objects: dict[str, Callable[[Item], int]] = {
            "batch": self.batch,
            "institution": self.institution,
        }
        names = {item["institution"]["name"] for item in work.new["referrals"]}
        self.institutions = institutions(session, names)

    def write(self) -> None:
        """Records no other record names first, then flush for their ids, then the rest."""
        later = [(name, record) for name, record in SECTIONS if _refers(record)]
        first = [(name, record) for name, record in SECTIONS if not _refers(record)]
        added = []
        for name, record in first:
            for ordinal, item in enumerate(self.work.new[name], start=1):
                added.append((name, item["id"], self.build(record, item, ordinal)))
        self.session.add_all(row for _, _, row in added)
        self.session.add_all(self.returns())
        self.session.flush()
        for name, sender_id, row in added:
            self.refs[name][sender_id] = row.id
        self.session.add_all(
            self.build(record, item, 0) for name, record in later for item in self.work.new[name]
        )

    def build(self, record: Record, item: Item, ordinal: int) -> Any:
        values = column_values(record, item, self.user_id, self.refs)
        if "student_id" in table(record.table).c:
            values["student_id"] = self.student_id
        if record.has_origin:
            values["origin"] = origin_text(record, item, self.work.sender)
        for field in record.fields:
            if field.kind == OBJECT:
                values[field.source] = self.objects[field.name](item[field.name])
        for field in record.children:
            assert field.record is not None
            rows = [self.build(field.record, child, 0) for child in item[field.name]]
            relationship = _RELATIONSHIPS[field.name]
            values[relationship] = (rows[0] if rows else None) if field.max_items == 1 else rows
        if record.table == "guardians" and self.work.present.max_ordinal:
            values["ordinal"] = self.work.present.max_ordinal + ordinal  # after the local ones
        if record.table == "plans" and item["id"] in self.work.plan_versions:
            values["version"] = self.work.plan_versions[item["id"]]
        return _MODELS[record.table](**values)

    def returns(self) -> list[ReturnRecord]:
        """Returns recorded at the sender after their leave was imported here."""
        rows = []
        for leave_id, leave, item in self.work.new_returns:
            rows.append(self.build(RETURN, item, 0))
            rows[-1].leave_id = leave_id
            local = self.session.get(Leave, leave_id)
            if local is not None:
                local.state = leave["state"]  # the sender's leave it is: now returned
        return rows

    def batch(self, item: Item) -> int:
        """The local batch made for the sender's batch, made now if this is its first result."""
        local = self.work.batches.get(item["id"])
        if local is None:
            values = column_values(BATCH, item, self.user_id, {})
            batch = ScreeningBatch(**values, origin=origin_text(BATCH, item, self.work.sender))
            self.session.add(batch)
            self.session.flush()
            local = self.work.batches[item["id"]] = batch.id
        return local

    def institution(self, item: Item) -> int:
        """A local institution of that kind and name, else one kept only for the record (deleted,
        so it is not offered in this school's lists)."""
        key = (item["kind"], item["name"])
        local = self.institutions.get(key)
        if local is None:
            values = column_values(INSTITUTION, item, self.user_id, {})
            institution = Institution(**values, deleted_at=utcnow())
            self.session.add(institution)
            self.session.flush()
            local = self.institutions[key] = institution.id
        return local


def _refers(record: Record) -> bool:
    return any(field.kind == REF for field in record.fields)
