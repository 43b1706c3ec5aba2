"""The batched import (one query and one INSERT per table for all documents) against the
one-by-one import it replaces: the same outcomes and, record by record, the same files."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from counselroom.services.context import Context
from counselroom.services.demo import create_demo_vault
from counselroom.services.student_export import student_documents
from counselroom.services.student_import import (
    import_student,
    import_students,
    plan_import,
    plan_imports,
    rounds,
)
from counselroom.storage.models import Guardian, Plan, Student, StudentGroup
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from services.test_student_document import positional
from services.test_student_merge import counts
from vault_fixtures import make_vault

SENDER = "16180339887498948482"
_MADE = datetime(2025, 9, 1, 8, 0)
Docs = list[dict[str, Any]]


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Docs:
    ctx, _, _ = create_demo_vault(
        tmp_path_factory.mktemp("sender") / "vault",
        24,
        seed=5,
        file_rate=1.0,
        kdf=INSECURE_TEST_PARAMS,
        today=date(2025, 11, 20),
    )
    try:
        with ctx.vault.read() as session:
            ids = list(session.scalars(select(Student.id).order_by(Student.id)))
            return [json.loads(json.dumps(doc)) for _, doc in student_documents(session, ids)]
    finally:
        ctx.close()


def _files(ctx: Context) -> dict[str | None, dict[str, Any]]:
    """Every student's document as positions (ids differ between vaults), by 学籍号."""
    with ctx.vault.read() as session:
        ids = list(session.scalars(select(Student.id).order_by(Student.id)))
        docs = [json.loads(json.dumps(doc)) for _, doc in student_documents(session, ids)]
    files = {doc["student"]["student_no"]: positional(doc) for doc in docs}
    assert len(files) == len(docs)
    return files


def _one_by_one(ctx: Context, docs: Docs) -> list[tuple[str, int]]:
    out = []
    for doc in docs:  # a transaction each, as two separate imports would be
        with ctx.vault.write() as session:
            outcome = import_student(session, doc, SENDER, ctx.actor.user_id)
        out.append((outcome.outcome, outcome.added))
    return out


def _batched(ctx: Context, docs: Docs) -> list[tuple[str, int]]:
    with ctx.vault.write() as session:
        outcomes = import_students(session, docs, SENDER, ctx.actor.user_id)
    return [(outcome.outcome, outcome.added) for outcome in outcomes]


def _local_student(ctx: Context, doc: dict[str, Any]) -> None:
    """The student already here: his own name, one of the sender's guardians and groups, an
    open file with a plan of his own (so the sender's plans are renumbered after it)."""
    with ctx.vault.write() as session:
        student = Student(
            student_no=doc["student"]["student_no"],
            name="本校姓名",
            file_state="open",
            tier=1,
            created_at=_MADE,  # the same in both vaults
            updated_at=_MADE,
        )
        guardian = doc["guardians"][0]
        student.guardians.append(Guardian(name=guardian["name"], phone=guardian["phone"]))
        student.groups.append(StudentGroup(code=doc["groups"][0]["code"], note="本校备注"))
        session.add(student)
        session.flush()
        session.add(
            Plan(
                student_id=student.id,
                version=1,
                created_by_id=ctx.actor.user_id,
                assessment="本校评估",
                goals="本校目标",
                review_on=date(2025, 12, 1),
                created_at=_MADE,
            )
        )


def _pair(tmp_path: Path, prepare: Callable[[Context], None]) -> tuple[Context, Context]:
    one, _ = make_vault(tmp_path / "one")
    batch, _ = make_vault(tmp_path / "batch")
    prepare(one)
    prepare(batch)
    return one, batch


def test_a_whole_school_in_one_batch_equals_one_by_one(sent: Docs, tmp_path: Path) -> None:
    one, batch = _pair(tmp_path, lambda ctx: None)
    try:
        assert _batched(batch, sent) == _one_by_one(one, sent)
        assert _files(batch) == _files(one)
        assert counts(batch) == counts(one)
        assert len(_files(batch)) == len(sent)
    finally:
        one.close()
        batch.close()


def test_merges_repeats_and_students_without_a_number_equal_one_by_one(
    sent: Docs, tmp_path: Path
) -> None:
    rich = sorted(sent, key=lambda doc: len(doc["sessions"]) + len(doc["plans"]))[-3:]
    merged, repeated, unnumbered = (copy.deepcopy(doc) for doc in rich)
    assert merged["guardians"] and merged["groups"] and merged["plans"]
    grown = copy.deepcopy(repeated)  # the same student again, with one more session
    extra = copy.deepcopy(grown["sessions"][-1])
    extra.update(id=10**9, amendments=[], break_glass=[], presenting="后来的一次面谈")
    grown["sessions"].append(extra)
    unnumbered["student"]["student_no"] = None
    others = [doc for doc in sent if doc not in rich][:5]
    docs = [merged, repeated, unnumbered, *others, repeated, grown, unnumbered, merged]
    one, batch = _pair(tmp_path, lambda ctx: _local_student(ctx, merged))
    try:
        expected = _one_by_one(one, docs)
        assert _batched(batch, docs) == expected
        # what makes this case worth testing: a merge, repeats and one addition in one batch
        assert expected[0][0] == "merged" and expected[1][0] == "imported"
        repeats = [("unchanged", 0), ("merged", 1), ("unchanged", 0), ("unchanged", 0)]
        assert expected[-4:] == repeats
        assert _files(batch) == _files(one)
        assert counts(batch) == counts(one)
        with batch.vault.read() as session:
            versions = session.scalars(
                select(Plan.version)
                .join(Student)
                .where(Student.student_no == merged["student"]["student_no"])
            )
            assert sorted(versions) == list(range(1, len(merged["plans"]) + 2))
    finally:
        one.close()
        batch.close()


def test_the_batched_preview_equals_previews_one_by_one(sent: Docs, tmp_path: Path) -> None:
    receiver, _ = make_vault(tmp_path / "receiver")
    try:
        _local_student(receiver, sent[0])
        _batched(receiver, sent[5:10])
        grown = copy.deepcopy(sent[6])
        again = {**grown["sessions"][0], "id": 10**9, "amendments": [], "break_glass": []}
        grown["sessions"] = [*grown["sessions"][:1], again]
        docs = [*sent[:12], grown, sent[0]]
        with receiver.vault.read() as session:
            single = [plan_import(session, doc, SENDER) for doc in docs]
            together = plan_imports(session, docs, SENDER)
        assert together == single
        assert {plan.outcome for plan in single} == {"imported", "merged", "unchanged"}
    finally:
        receiver.close()


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", None]), st.integers(1, 3))))
def test_rounds_name_each_student_once_and_keep_his_documents_in_order(
    keys: list[tuple[str | None, int]],
) -> None:
    docs = [{"student": {"student_no": number, "id": identity}} for number, identity in keys]
    split = rounds(docs)
    assert sorted(index for indexes in split for index in indexes) == list(range(len(docs)))

    def student(index: int) -> object:
        number, identity = keys[index]
        return number if number is not None else ("no number", identity)

    seen: dict[object, int] = {}
    for number, indexes in enumerate(split):
        assert indexes == sorted(indexes)
        assert len({student(index) for index in indexes}) == len(indexes)
        for index in indexes:
            seen.setdefault(student(index), -1)
            assert number > seen[student(index)]
            seen[student(index)] = number
    # a student's documents go to successive rounds in their order
    for who in seen:
        mine = [index for index in range(len(docs)) if student(index) == who]
        placed = [next(n for n, ix in enumerate(split) if index in ix) for index in mine]
        assert placed == list(range(len(mine)))
