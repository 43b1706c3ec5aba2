"""Generated score files never crash the importer and never leave a partial import.

Each example is a PHQ-9 file with random identities (known by 学籍号, known by name + class,
unknown, misspelt, ambiguous, blank), random cells (good, "3分", blank, text, formulas, out of
range) and sometimes a column missing. It is imported for real into a new batch of a vault
shared by the examples; the vault afterwards must hold exactly what the report says.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from test_screening_import import (
    PHQ_HEADER,
    School,
    batch_input,
    build_school,
    run,
    snapshot,
)

from counselroom.domain.errors import ValidationError
from counselroom.domain.screening_flags import ITEM9
from counselroom.storage.models import NotificationTask, ScreeningResult
from intake_samples import write_csv

GOOD = st.one_of(st.integers(0, 3), st.sampled_from(["3分", "０", "2.0", "几乎每天"]))
CELLS = st.one_of(GOOD, st.sampled_from(["", "abc", "=A1+1", "4", "-1", "一半"]))
# A clean sheet (every answer readable) or a messy one (anything in any cell).
SHEETS = st.one_of(st.lists(GOOD, min_size=9, max_size=9), st.lists(CELLS, min_size=9, max_size=9))
KNOWN = st.sampled_from(["wang", "li", "chen", "liu-by-name"])
ODD = st.sampled_from(["zhao", "sun", "zhang-by-name", "nobody", "bad-no", ""])
IDENTITIES = st.one_of(KNOWN, KNOWN, ODD)  # two in three rows name a student who can be stored
ROWS = st.lists(st.tuples(IDENTITIES, SHEETS), max_size=8)
DROP = st.sampled_from([None, None, None, 0, 1, 2, 5])  # sometimes a column is missing
_files = count()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    built = build_school(tmp_path_factory.mktemp("screening-props"))
    try:
        yield built
    finally:
        built.admin.close()


def _row(school: School, who: str, cells: list[Any]) -> list[Any]:
    nos = school.nos
    if who in nos:
        return [nos[who], "", "", *cells]
    identity = {
        "liu-by-name": ["", "刘八", "初二(1)班"],
        "zhang-by-name": ["", "张伟", "初二(3)班"],
        "nobody": ["", "无名氏", "初二(3)班"],
        "bad-no": [nos["wang"][:-1] + ("0" if nos["wang"][-1] != "0" else "1"), "", ""],
        "": ["", "", ""],
    }[who]
    return [*identity, *cells]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=ROWS, drop=DROP)
def test_generated_files_import_whole_or_not_at_all(
    shared: School, tmp_path: Path, rows: list[tuple[str, list[Any]]], drop: int | None
) -> None:
    table = [PHQ_HEADER, *(_row(shared, who, cells) for who, cells in rows)]
    if drop is not None:
        table = [r[:drop] + r[drop + 1 :] for r in table]
    path = write_csv(tmp_path / f"gen{next(_files)}.csv", table)
    before = snapshot(shared.admin)
    try:
        report = run(shared.counsellor, path, batch=batch_input())
    except ValidationError as error:
        assert error.record == path.name
        assert snapshot(shared.admin) == before
        event("refused as a whole")
        return
    event(f"imported, {report.scored + report.invalid} stored")
    for line in report.lines:
        event(line.status)
    assert report.scored + report.invalid + report.unmatched + report.skipped == report.rows
    assert report.rows == len(rows) == len(report.lines)
    with shared.admin.vault.read() as s:
        stored = s.scalars(
            select(ScreeningResult).where(ScreeningResult.batch_id == report.batch_id)
        ).all()
        new_tasks = s.scalar(select(func.count()).select_from(NotificationTask)) - before[0][2]
        assert len(stored) == report.scored + report.invalid
        assert sum(r.valid for r in stored) == report.scored
        assert new_tasks == report.item9_alerts
        assert sum(ITEM9 in json.loads(r.flags_json) for r in stored) == report.item9_alerts
        by_student = {r.student_id: r for r in stored}
        kept = {line.student_id for line in report.lines if line.status in ("scored", "invalid")}
        assert set(by_student) == kept
        for result in stored:
            answers = json.loads(result.answers_json or "[]")
            assert len(answers) == 9
            if result.valid:
                assert result.total == sum(answers)
            else:  # incomplete: never scored, never a guessed total
                assert result.total is None and None in answers
