"""Screening batches: input checks, the batch view (flagged, retest, coverage) and hand entry."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from test_screening_import import TODAY, School, batch_input, build_school, snapshot

from counselroom.domain.errors import ValidationError
from counselroom.domain.screening_flags import ITEM9, MHT_INVALID, PHQ9_FLAG, SHEET_INCOMPLETE
from counselroom.domain.terms import term_of
from counselroom.services.localtime import local_date
from counselroom.services.roles import PermissionDenied
from counselroom.services.screening_batch_view import batch_detail
from counselroom.services.screening_batches import BatchInput, create_batch, enter_result
from counselroom.storage.models import AuditEntry, NotificationTask, ScreeningBatch


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    built = build_school(tmp_path)
    try:
        yield built
    finally:
        built.admin.close()


def refused(school: School, call: Any, field: str | None = None) -> ValidationError:
    before = snapshot(school.admin)
    with pytest.raises(ValidationError) as caught:
        call()
    assert snapshot(school.admin) == before
    if field is not None:
        assert caught.value.field == field, caught.value
    return caught.value


# -- creating a batch -----------------------------------------------------------------------


def test_create_batch_stores_the_normalised_input_and_audits(school: School) -> None:
    term = term_of(TODAY).label_zh.replace("-", "－")  # a full-width dash, as typed
    data = BatchInput("phq9", TODAY, term, (9, 7, 8, 8), " 告知书2026-3 ", None)
    batch_id = create_batch(school.counsellor, data)
    with school.admin.vault.read() as s:
        batch = s.get(ScreeningBatch, batch_id)
        assert batch is not None
        assert (batch.instrument, batch.on, batch.grades) == ("phq9", TODAY, "7,8,9")
        assert (batch.term, batch.consent_ref) == (term_of(TODAY).label_zh, "告知书2026-3")
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "screening.batch")).one()
        assert entry.target == f"batch:{batch_id}"
        assert entry.detail == "instrument=phq9 grades=7,8,9"


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"instrument": "scl90"}, "instrument", "not one of"),
        ({"term": "2026秋"}, "term", "not a term"),
        ({"on": TODAY + timedelta(days=1)}, "date", "in the future"),
        ({"on": TODAY - timedelta(days=400)}, "date", "is not in"),
        ({"grades": ()}, "grades", "at least one grade"),
        ({"grades": (7, 13)}, "grades", "1-12"),
        ({"instrument": "mht", "grades": (3, 4)}, "grades", "grade 4 and up"),
        ({"consent_ref": "a\x00b"}, "consent_ref", "NUL"),
    ],
)
def test_create_batch_refuses_bad_input(
    school: School, change: dict[str, Any], field: str, words: str
) -> None:
    data = dataclasses.replace(batch_input(), **change)
    error = refused(school, lambda: create_batch(school.counsellor, data), field)
    assert words in error.message


def test_a_viewer_may_neither_create_nor_read_a_batch(school: School) -> None:
    with pytest.raises(PermissionDenied):
        create_batch(school.viewer, batch_input())
    batch = create_batch(school.counsellor, batch_input())
    with pytest.raises(PermissionDenied):
        batch_detail(school.viewer, batch)


# -- hand entry ----------------------------------------------------------------------------------


def test_enter_result_scores_stores_and_creates_the_item9_task(school: School) -> None:
    batch = create_batch(school.counsellor, batch_input())
    row = enter_result(
        school.counsellor, batch, school.ids["wang"], answers=[0, 0, 0, 0, 0, 0, 0, 0, 3]
    )
    assert (row.student_id, row.total, row.band, row.item9) == (school.ids["wang"], 3, "none", 3)
    assert row.flags == (ITEM9,) and row.valid and row.class_label == "初二(3)班"
    with school.admin.vault.read() as s:
        task = s.scalars(select(NotificationTask)).one()
        assert (task.recipient_role, task.tier_change_id) == ("counsellor", None)
        assert local_date(task.due_at) == TODAY and "第9题 3 分" in (task.note or "")
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "screening.result")).one()
        assert entry.detail == f"batch={batch} result={row.result_id} valid=1 flags=1 task=1"


def test_enter_result_with_a_blank_answer_stores_an_incomplete_sheet(school: School) -> None:
    batch = create_batch(school.counsellor, batch_input())
    row = enter_result(school.counsellor, batch, school.ids["chen"], answers=[3] * 8 + [None])
    assert (row.total, row.valid, row.flags) == (None, False, (SHEET_INCOMPLETE,))


def test_enter_result_takes_mht_scale_scores(school: School) -> None:
    batch = create_batch(school.counsellor, batch_input("mht"))
    scales = {c: 1 for c in ("learning", "social", "lonely", "self_blame", "sensitive")}
    scales |= {"somatic": 1, "phobic": 1, "impulsive": 1}
    row = enter_result(school.counsellor, batch, school.ids["wang"], scales=scales, lie=7)
    assert (row.total, row.lie, row.valid, row.flags) == (8, 7, False, (MHT_INVALID,))


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"answers": [0] * 7}, "answers", "9 items"),
        ({"answers": [0] * 8 + [4]}, "item9", "0-3"),
        ({"answers": [0] * 8 + [True]}, "item9", "0-3"),
        ({}, "answers", "either"),
        ({"scales": {"learning": 1}, "lie": 0}, "scales", "not scale scores"),
    ],
)
def test_enter_result_refuses_bad_values(
    school: School, kwargs: dict[str, Any], field: str, words: str
) -> None:
    batch = create_batch(school.counsellor, batch_input())
    call = lambda: enter_result(school.counsellor, batch, school.ids["wang"], **kwargs)  # noqa: E731
    assert words in refused(school, call, field).message


def test_enter_result_refuses_the_students_an_import_skips(school: School) -> None:
    batch = create_batch(school.counsellor, batch_input())
    ok = [0] * 9
    enter_result(school.counsellor, batch, school.ids["wang"], answers=ok)
    for key, words in (
        ("wang", "already has a result"),
        ("zhao", "left the school"),
        ("sun", "grade 5"),
    ):
        call = lambda key=key: enter_result(  # noqa: E731
            school.counsellor, batch, school.ids[key], answers=ok
        )
        error = refused(school, call)
        assert words in error.message and error.record == f"student {school.ids[key]}"
    refused(school, lambda: enter_result(school.counsellor, batch, 99999, answers=ok), "student")
    refused(school, lambda: enter_result(school.counsellor, 99999, 1, answers=ok), "batch")


# -- the batch view ------------------------------------------------------------------------------


def test_batch_detail_lists_flagged_item9_first_retest_and_missing(school: School) -> None:
    batch = create_batch(school.counsellor, batch_input())
    ids = school.ids
    enter_result(school.counsellor, batch, ids["chen"], answers=[3] * 8 + [0])  # PHQ-9 flag
    enter_result(school.counsellor, batch, ids["wang"], answers=[0] * 8 + [1])  # item 9
    enter_result(school.counsellor, batch, ids["zhang1"], answers=[None] + [0] * 8)  # retest
    detail = batch_detail(school.counsellor, batch)
    assert (detail.instrument, detail.grades, detail.on) == ("phq9", (7, 8, 9), TODAY)
    assert [r.student_id for r in detail.flagged] == [ids["wang"], ids["chen"]]
    assert detail.flagged[1].flags == (PHQ9_FLAG,)
    assert [r.student_id for r in detail.retest] == [ids["zhang1"]]
    # by class (初二 before 初三), then name
    assert [r.class_label for r in detail.results] == ["初二(3)班", "初二(3)班", "初三(1)班"]
    missing = {m.student_id: m for m in detail.missing}
    # 李华 is on leave and still listed; 赵六 left; 孙九 is in grade 5
    assert set(missing) == {ids["li"], ids["zhang2"], ids["liu"]}
    assert missing[ids["li"]].status == "on_leave" and missing[ids["liu"]].grade_level == 8
    with school.admin.vault.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "screening.view")).one()
        assert entry.detail == "results=3 flagged=2 missing=3"


def test_coverage_of_last_years_batch_uses_last_years_grades(school: School) -> None:
    last_year = TODAY.replace(year=TODAY.year - 1)
    data = BatchInput("phq9", last_year, term_of(last_year).label_zh, (7,), None, None)
    batch = create_batch(school.counsellor, data)
    detail = batch_detail(school.counsellor, batch)
    # today's 初二 were in 初一 a year ago
    assert {m.student_id for m in detail.missing} == {
        school.ids[k] for k in ("wang", "li", "zhang1", "zhang2", "liu")
    }
    assert {m.grade_level for m in detail.missing} == {7}
