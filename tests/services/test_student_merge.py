"""Importing student documents: merge into a student already here, idempotence, the preview."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counselroom.services.context import Context
from counselroom.services.demo import create_demo_vault
from counselroom.services.student_export import student_documents
from counselroom.services.student_import import import_student, plan_import
from counselroom.storage.models import (
    Base,
    CounsellingSession,
    Guardian,
    Institution,
    Plan,
    ScreeningBatch,
    Student,
    StudentGroup,
)
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from vault_fixtures import make_vault

SENDER = "27182818284590452353"


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    ctx, _, _ = create_demo_vault(
        tmp_path_factory.mktemp("sender") / "vault",
        40,
        seed=7,
        file_rate=1.0,
        kdf=INSECURE_TEST_PARAMS,
        today=date(2025, 11, 20),
    )
    try:
        with ctx.vault.read() as session:
            ids = list(session.scalars(select(Student.id).order_by(Student.id)))
            pairs = student_documents(session, ids)
            return [json.loads(json.dumps(doc, ensure_ascii=False)) for _, doc in pairs]
    finally:
        ctx.close()


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Context]:
    ctx, _ = make_vault(tmp_path / "receiver")
    yield ctx
    ctx.close()


def counts(ctx: Context) -> dict[str, int]:
    with ctx.vault.read() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
            if name != "audit_log"
        }


def run(ctx: Context, docs: list[dict[str, Any]]) -> list[Any]:
    with ctx.vault.write() as session:
        return [import_student(session, doc, SENDER, ctx.actor.user_id) for doc in docs]


def richest(docs: list[dict[str, Any]]) -> dict[str, Any]:
    return copy.deepcopy(max(docs, key=lambda doc: len(doc["sessions"])))


def test_importing_twice_changes_nothing_the_second_time(
    sent: list[dict[str, Any]], receiver: Context
) -> None:
    first = run(receiver, sent)
    assert {outcome.outcome for outcome in first} == {"imported"}
    after_first = counts(receiver)
    assert after_first["sessions"] == sum(len(doc["sessions"]) for doc in sent)
    with receiver.vault.read() as session:
        previews = [plan_import(session, doc, SENDER) for doc in sent]
    assert {(p.outcome, p.added) for p in previews} == {("unchanged", 0)}
    assert [p.student_id for p in previews] == [o.student_id for o in first]
    second = run(receiver, sent)
    assert {(outcome.outcome, outcome.added) for outcome in second} == {("unchanged", 0)}
    assert counts(receiver) == after_first


def test_a_document_with_one_more_session_adds_only_that_session(
    sent: list[dict[str, Any]], receiver: Context
) -> None:
    run(receiver, sent)
    before = counts(receiver)
    doc = richest(sent)
    extra = copy.deepcopy(doc["sessions"][-1])
    extra.update(id=10**9, amendments=[], break_glass=[], presenting="新的一次面谈")
    doc["sessions"].append(extra)
    with receiver.vault.read() as session:
        preview = plan_import(session, doc, SENDER)
    assert (preview.outcome, preview.added) == ("merged", 1)
    [outcome] = run(receiver, [doc])
    assert (outcome.outcome, outcome.added, outcome.student_id) == ("merged", 1, preview.student_id)
    after = counts(receiver)
    assert {name for name in after if after[name] != before[name]} == {"sessions"}
    assert after["sessions"] == before["sessions"] + 1
    with receiver.vault.read() as session:
        row = session.scalars(
            select(CounsellingSession).where(CounsellingSession.presenting == "新的一次面谈")
        ).one()
        assert json.loads(row.origin or "")["id"] == 10**9
    assert run(receiver, [doc])[0].outcome == "unchanged"


def _local_student(ctx: Context, doc: dict[str, Any], **values: Any) -> int:
    profile = doc["student"]
    with ctx.vault.write() as session:
        student = Student(student_no=profile["student_no"], name="本校姓名", **values)
        guardian = doc["guardians"][0]
        student.guardians.append(Guardian(name=guardian["name"], phone=guardian["phone"]))
        student.groups.append(StudentGroup(code=doc["groups"][0]["code"], note="本校备注"))
        session.add(student)
        session.flush()
        return student.id


def test_a_student_already_here_keeps_his_profile_and_gains_the_senders_records(
    sent: list[dict[str, Any]], receiver: Context
) -> None:
    doc = richest(sent)
    assert doc["guardians"] and doc["groups"] and doc["student"]["file_state"] != "none"
    local_id = _local_student(receiver, doc)
    with receiver.vault.read() as session:
        preview = plan_import(session, doc, SENDER)
    assert preview.outcome == "merged" and preview.student_id == local_id
    assert f"name here 本校姓名, at the sender {doc['student']['name']}" in preview.conflicts
    [outcome] = run(receiver, [doc])
    assert (outcome.student_id, outcome.added) == (local_id, preview.added)
    with receiver.vault.read() as session:
        student = session.get(Student, local_id)
        assert student is not None
        assert student.name == "本校姓名"  # the local profile is kept
        # no case work here: he takes the sender's file as it stands
        assert (student.file_state, student.tier) == (
            doc["student"]["file_state"],
            doc["student"]["tier"],
        )
        assert student.keeper_id == receiver.actor.user_id
        guardians = [(g.name, g.phone) for g in student.guardians]
        assert len(guardians) == len(set(guardians)) == len(doc["guardians"])
        assert sorted(g.code for g in student.groups) == sorted(g["code"] for g in doc["groups"])
        sessions = session.scalar(
            select(func.count()).where(CounsellingSession.student_id == local_id)
        )
        assert sessions == len(doc["sessions"])
    assert counts(receiver)["students"] == 1


def test_a_student_with_a_file_here_keeps_it_and_the_difference_is_a_conflict(
    sent: list[dict[str, Any]], receiver: Context
) -> None:
    doc = richest(sent)
    sender_tier = doc["student"]["tier"]
    local_id = _local_student(receiver, doc, file_state="open", tier=(sender_tier + 1) % 4)
    with receiver.vault.write() as session:
        session.add(
            Plan(
                student_id=local_id,
                version=1,
                created_by_id=receiver.actor.user_id,
                assessment="本校评估",
                goals="本校目标",
                review_on=date(2025, 12, 1),
            )
        )
    with receiver.vault.read() as session:
        preview = plan_import(session, doc, SENDER)
    assert f"tier here {(sender_tier + 1) % 4}, at the sender {sender_tier}" in preview.conflicts
    assert any(text.startswith("plan versions") for text in preview.conflicts)
    run(receiver, [doc])
    with receiver.vault.read() as session:
        student = session.get(Student, local_id)
        assert student is not None and student.tier == (sender_tier + 1) % 4
        versions = sorted(session.scalars(select(Plan.version).where(Plan.student_id == local_id)))
        assert versions == list(range(1, len(doc["plans"]) + 2))  # the sender's follow ours


def test_a_student_without_a_student_number_is_found_again_by_origin(
    sent: list[dict[str, Any]], receiver: Context
) -> None:
    doc = richest(sent)
    doc["student"]["student_no"] = None
    assert run(receiver, [doc])[0].outcome == "imported"
    before = counts(receiver)
    assert run(receiver, [doc])[0].outcome == "unchanged"
    assert counts(receiver) == before
    other = copy.deepcopy(doc)
    other["student"]["id"] += 1  # another student of the sender: a new student here
    assert run(receiver, [other])[0].outcome == "imported"


def test_institutions_and_batches_are_reused_or_kept_apart(
    sent: list[dict[str, Any]], receiver: Context
) -> None:
    with receiver.vault.read() as session:
        known = {(i.kind, i.name) for i in session.scalars(select(Institution))}
    run(receiver, sent)
    named = {
        (r["institution"]["kind"], r["institution"]["name"]) for d in sent for r in d["referrals"]
    }
    batches = {r["batch"]["id"] for d in sent for r in d["screening_results"]}
    with receiver.vault.read() as session:
        rows = session.scalars(select(Institution)).all()
        for institution in rows:
            key = (institution.kind, institution.name)
            # reused when this school lists it, else kept only for the record (deleted)
            assert (institution.deleted_at is None) == (key in known)
        assert {(i.kind, i.name) for i in rows} == known | named
        assert len(rows) == len(known | named)
        local_batches = session.scalars(select(ScreeningBatch)).all()
        assert len(local_batches) == len(batches)  # one per sender batch, shared by students
        assert {json.loads(b.origin or "")["id"] for b in local_batches} == batches


def test_the_preview_writes_nothing_and_counts_what_the_import_adds(
    sent: list[dict[str, Any]], receiver: Context
) -> None:
    before = counts(receiver)
    with receiver.vault.read() as session:
        previews = [plan_import(session, doc, SENDER) for doc in sent]
    assert counts(receiver) == before
    outcomes = run(receiver, sent)
    assert [p.added for p in previews] == [o.added for o in outcomes]
    after = counts(receiver)
    added = sum(after[name] - before[name] for name in after)
    new_shared = (after["institutions"] - before["institutions"]) + after["screening_batches"]
    new_students = after["students"] - before["students"]  # the student is not a record of his file
    assert sum(o.added for o in outcomes) == added - new_shared - new_students
