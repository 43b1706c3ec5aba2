"""Import checked student documents into the receiving vault: new students, or merges.

Rules (docs/decisions.md): a student already here (same 学籍号) keeps his profile and records
and gains the sender's records, each marked with its origin; a record whose origin is already
in his file is skipped, so the same document imported twice adds nothing the second time. A new
student is enrolled here without a class (the sender's class label is kept as the roster's
original label). Writes go into the caller's transaction; no commit and no audit here (the
transfer service audits the import as a whole).

A whole archive is imported as a batch (``import_students``): what the vault holds is read with
a few queries for all documents, and each table is written once for all of them
(student_import_write.py). The result is the same as importing the documents one by one, in
order: documents naming the same student are imported in successive rounds, so the second sees
what the first added.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from counselroom.services.student_import_work import Work, prepare, prepare_all
from counselroom.services.student_import_write import write_round


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
    return _plan(prepare(session, doc, sender))


def plan_imports(
    session: Session, docs: Sequence[Mapping[str, Any]], sender: str
) -> list[StudentPlan]:
    """``[plan_import(session, doc, sender) for doc in docs]``, with a few queries for all of
    them instead of a few per document; reads only."""
    plans: list[StudentPlan | None] = [None] * len(docs)
    for indexes in rounds(docs):  # nothing is written between rounds: each sees the vault
        works = prepare_all(session, [docs[index] for index in indexes], sender)
        for index, work in zip(indexes, works, strict=True):
            plans[index] = _plan(work)
    return [plan for plan in plans if plan is not None]


def import_student(
    session: Session, doc: Mapping[str, Any], sender: str, user_id: int
) -> StudentOutcome:
    """Import one document; see import_students."""
    return import_students(session, [doc], sender, user_id)[0]


def import_students(
    session: Session, docs: Sequence[Mapping[str, Any]], sender: str, user_id: int
) -> list[StudentOutcome]:
    """Import ``docs`` in the caller's transaction, with the outcome of each in order;
    ``user_id`` (the importing account) becomes the author of every row, the sender's author
    is kept in the row's origin."""
    outcomes: list[StudentOutcome | None] = [None] * len(docs)
    for indexes in rounds(docs):
        works = prepare_all(session, [docs[index] for index in indexes], sender)
        decided = [(work.outcome, work.added) for work in works]  # before anything is written
        student_ids = write_round(session, works, user_id)
        for index, (outcome, added), student_id in zip(indexes, decided, student_ids, strict=True):
            outcomes[index] = StudentOutcome(
                outcome, student_id, docs[index]["student"]["student_no"], added
            )
    return [outcome for outcome in outcomes if outcome is not None]


def rounds(docs: Sequence[Mapping[str, Any]]) -> list[list[int]]:
    """Indexes of ``docs`` split so that no round names one student twice; a student's second
    document goes to the round after his first, so rounds keep the documents' order."""
    out: list[list[int]] = []
    last: dict[Hashable, int] = {}  # student → the round of his latest document
    for index, doc in enumerate(docs):
        number, identity = doc["student"]["student_no"], doc["student"]["id"]
        key = ("no", number) if number is not None else ("id", identity)
        round_ = last.get(key, -1) + 1
        if round_ == len(out):
            out.append([])
        out[round_].append(index)
        last[key] = round_
    return out


def _plan(work: Work) -> StudentPlan:
    return StudentPlan(
        outcome=work.outcome,
        student_id=work.student.id if work.student is not None else None,
        student_no=work.doc["student"]["student_no"],
        added=work.added,
        conflicts=tuple(work.conflicts),
    )
