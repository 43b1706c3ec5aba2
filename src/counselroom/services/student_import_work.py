"""What importing student documents would do: the preview and the import share this.

Decided here, before any write: which student receives each file (new, or the one with the same
学籍号), which records are new (their origin is not yet in his file), which guardians and care
groups are new, whether he takes the sender's file state, and what differs (the conflicts the
preview shows). What the vault holds is read for all documents at once. Nothing here writes to
the vault.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.services.document_reasons import Reason
from counselroom.services.student_import_present import (
    Present,
    find_students,
    present_records,
    sender_batches,
)
from counselroom.services.student_import_rows import Item, count_records
from counselroom.storage.models import Student
from counselroom.transfer.student_records import SECTIONS
from counselroom.transfer.student_records_care import LEAVE, RETURN

IMPORTED, MERGED, UNCHANGED = "imported", "merged", "unchanged"
# What differs between the file here and the sender's: one template per field, so the window
# shows the note in Chinese (services/document_reasons.Reason keeps template and values).
_FILE_FIELDS = {
    "file_state": QT_TRANSLATE_NOOP("problems", "file state here %1, at the sender %2"),
    "tier": QT_TRANSLATE_NOOP("problems", "tier here %1, at the sender %2"),
    "next_follow_up": QT_TRANSLATE_NOOP("problems", "next follow-up here %1, at the sender %2"),
}
_PROFILE_FIELDS = {
    "name": QT_TRANSLATE_NOOP("problems", "name here %1, at the sender %2"),
    "gender": QT_TRANSLATE_NOOP("problems", "gender here %1, at the sender %2"),
    "birth_date": QT_TRANSLATE_NOOP("problems", "birth date here %1, at the sender %2"),
    "id_number": QT_TRANSLATE_NOOP("problems", "ID number here %1, at the sender %2"),
}


@dataclass
class Work:
    doc: Mapping[str, Any]
    sender: str
    student: Student | None
    present: Present
    batches: dict[int, int]  # sender batch id → local batch id (shared by a round's works)
    new: dict[str, list[Item]] = field(default_factory=dict)  # section → records to add
    new_returns: list[tuple[int, Item, Item]] = field(default_factory=list)  # local leave id
    plan_versions: dict[int, int] = field(default_factory=dict)  # sender plan id → version
    take_file_state: bool = False
    conflicts: list[str] = field(default_factory=list)

    @cached_property
    def added(self) -> int:
        """Asked only once the work is decided (prepare_all returns it)."""
        records = dict(SECTIONS)
        total = sum(
            count_records(records[name], item) for name, items in self.new.items() for item in items
        )
        return total + len(self.new_returns)

    @property
    def outcome(self) -> str:
        if self.student is None:
            return IMPORTED
        return MERGED if self.added or self.take_file_state else UNCHANGED


def prepare(session: Session, doc: Mapping[str, Any], sender: str) -> Work:
    return prepare_all(session, [doc], sender)[0]


def prepare_all(session: Session, docs: Sequence[Mapping[str, Any]], sender: str) -> list[Work]:
    """The work of each document, in order. The documents must name different students (the
    importer splits a batch into rounds that do): two works of one student would each miss
    what the other adds."""
    students = find_students(session, [doc["student"] for doc in docs], sender)
    present = present_records(session, [s.id for s in students if s is not None], sender)
    batches = sender_batches(session, sender)
    return [
        _work(doc, sender, student, present[student.id] if student else Present(), batches)
        for doc, student in zip(docs, students, strict=True)
    ]


def _work(
    doc: Mapping[str, Any],
    sender: str,
    student: Student | None,
    present: Present,
    batches: dict[int, int],
) -> Work:
    work = Work(doc, sender, student, present, batches)
    for name, record in SECTIONS:
        if name == "guardians":
            work.new[name] = _new_guardians(doc[name], present)
        elif name == "groups":
            work.new[name] = _new_groups(doc[name], present)
        else:
            known = present.ids.get(record.table, {})
            work.new[name] = [item for item in doc[name] if item["id"] not in known]
    work.new["screening_results"] = _new_results(work)
    _returns_of_present_leaves(work)
    _plan_versions(work)
    if student is not None:
        _compare(work, student, doc["student"])
    return work


def _new_guardians(items: list[Item], present: Present) -> list[Item]:
    """A guardian already listed (same name and phone) is not added a second time."""
    seen = set(present.guardians)
    out = []
    for item in items:
        key = (item["name"], item["phone"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _new_groups(items: list[Item], present: Present) -> list[Item]:
    seen = set(present.groups)
    out = []
    for item in items:
        if item["code"] not in seen:
            seen.add(item["code"])
            out.append(item)
    return out


def _new_results(work: Work) -> list[Item]:
    """One result per batch and student: a result whose batch already holds one of his (the
    same sender batch imported before) is that result, so a concern naming it finds it. (The
    schema check refuses a document naming one batch twice.)"""
    out = []
    for item in work.new["screening_results"]:
        batch = work.batches.get(item["batch"]["id"])
        existing = work.present.result_batches.get(batch) if batch is not None else None
        if existing is not None:
            work.present.ids.setdefault("screening_results", {})[item["id"]] = existing
        else:
            out.append(item)
    return out


def _returns_of_present_leaves(work: Work) -> None:
    """A return recorded at the sender after the leave was imported here joins that leave."""
    leaves = work.present.ids.get(LEAVE.table, {})
    returns = work.present.ids.get(RETURN.table, {})
    for leave in work.doc["leaves"]:
        local = leaves.get(leave["id"])
        if local is None or local in work.present.leaves_with_return:
            continue
        for item in leave["returns"]:
            if item["id"] not in returns:
                work.new_returns.append((local, leave, item))


def _plan_versions(work: Work) -> None:
    """Versions are unique per student: the sender's plans follow the local ones, in order."""
    taken = work.present.plan_versions
    plans = work.new["plans"]
    if not taken or not plans:
        return
    start = max(taken)
    for offset, item in enumerate(plans, start=1):
        work.plan_versions[item["id"]] = start + offset
    first, last = plans[0]["version"], plans[-1]["version"]
    work.conflicts.append(
        Reason(
            QT_TRANSLATE_NOOP(
                "problems", "plan versions %1-%2 at the sender are numbered %3-%4 here"
            ),
            first,
            last,
            start + 1,
            start + len(plans),
        )
    )


def _compare(work: Work, student: Student, profile: Mapping[str, Any]) -> None:
    for name, template in _PROFILE_FIELDS.items():
        here, there = _text(getattr(student, name)), profile[name]
        if here is not None and there is not None and here != there and "U" not in (here, there):
            work.conflicts.append(Reason(template, here, there))
    if student.file_state == "none":
        work.take_file_state = profile["file_state"] != "none"
        return
    for name, template in _FILE_FIELDS.items():
        here, there = _text(getattr(student, name)), profile[name]
        if here != there:
            work.conflicts.append(Reason(template, _show(here), _show(there)))


def _text(value: object) -> Any:
    """A stored value as the document writes it (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def _show(value: object) -> str:
    return "none" if value is None else str(value)
