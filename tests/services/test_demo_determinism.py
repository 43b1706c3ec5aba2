"""Same seed, size, school type, date and profile → same school; options change what they
should."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services.demo import create_demo_vault
from counselroom.services.demo.tables import INSERT_ORDER
from counselroom.storage.models import (
    CounsellingSession,
    ScreeningBatch,
    Student,
    StudentGroup,
)
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

TODAY = date(2026, 11, 22)


def _dump(folder: Path, students: int, **options: Any) -> dict[str, list[tuple[Any, ...]]]:
    ctx, _code, _summary = create_demo_vault(
        folder, students, kdf=INSECURE_TEST_PARAMS, today=TODAY, **options
    )
    try:
        with ctx.vault.read() as session:
            tables = {}
            for model in INSERT_ORDER:
                table = model.__table__
                rows = session.execute(select(table).order_by(table.c.id)).all()
                tables[table.name] = [tuple(row) for row in rows]
            return tables
    finally:
        ctx.close()


def _column(dump: dict[str, list[tuple[Any, ...]]], model: Any, name: str) -> list[Any]:
    index = list(model.__table__.c.keys()).index(name)
    return [row[index] for row in dump[model.__tablename__]]


def test_same_seed_gives_the_same_school(tmp_path: Path) -> None:
    first = _dump(tmp_path / "a", 400, seed=7)
    second = _dump(tmp_path / "b", 400, seed=7)
    assert _column(first, Student, "name") == _column(second, Student, "name")
    assert _column(first, Student, "student_no") == _column(second, Student, "student_no")
    for field in ("presenting", "observation", "assessment", "plan_text"):
        texts = _column(first, CounsellingSession, field)
        assert texts and texts == _column(second, CounsellingSession, field)
    assert first == second  # every generated table, every column, timestamps included


def test_another_seed_gives_another_school(tmp_path: Path) -> None:
    first = _dump(tmp_path / "a", 200, seed=1)
    other = _dump(tmp_path / "b", 200, seed=2)
    names, other_names = _column(first, Student, "name"), _column(other, Student, "name")
    assert len(names) == len(other_names) == 200
    assert sum(a == b for a, b in zip(names, other_names, strict=True)) < 10
    assert _column(first, Student, "student_no") != _column(other, Student, "student_no")


def test_primary_urban_school(tmp_path: Path) -> None:
    dump = _dump(tmp_path / "p", 1000, seed=3, school_type="primary", rural=False)
    grades = Counter(_column(dump, Student, "grade_level"))
    assert sorted(grades) == [1, 2, 3, 4, 5, 6]
    assert max(grades.values()) - min(grades.values()) <= 1
    for grades_text in _column(dump, ScreeningBatch, "grades"):
        assert min(int(g) for g in grades_text.split(",")) >= 4  # PHQ-9 from grade 4
    codes = Counter(_column(dump, StudentGroup, "code"))
    assert codes["left_behind"] / 1000 < 0.1  # city school: few left-behind children
    assert 0.05 <= codes["migrant"] / 1000 <= 0.15
    assert "exam_pressure" not in codes  # no 初三/高三 in a primary school


def test_bad_options_are_refused_before_a_vault_is_made(tmp_path: Path) -> None:
    for students, school_type in ((0, "complete"), (10, "kindergarten")):
        with pytest.raises(ValidationError):
            create_demo_vault(
                tmp_path / "v", students, kdf=INSECURE_TEST_PARAMS, school_type=school_type
            )
        assert not (tmp_path / "v").exists()


def test_benchmark_profile_is_deterministic(tmp_path: Path) -> None:
    first = _dump(tmp_path / "a", 200, seed=5, profile="benchmark")
    second = _dump(tmp_path / "b", 200, seed=5, profile="benchmark")
    assert first == second
    school = _dump(tmp_path / "c", 200, seed=5)
    # The roster is drawn before the case history: the same pupils, another case load.
    assert _column(first, Student, "name") == _column(school, Student, "name")
    assert len(first["sessions"]) > 3 * len(school["sessions"])


def test_unknown_profile_is_refused_before_a_vault_is_made(tmp_path: Path) -> None:
    with pytest.raises(CounselRoomError, match="school, benchmark"):
        create_demo_vault(tmp_path / "v", 10, kdf=INSECURE_TEST_PARAMS, profile="huge")
    assert not (tmp_path / "v").exists()
