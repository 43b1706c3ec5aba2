"""Grade names to levels and back, and the graduating/exam-year groups."""

import pytest

from counselroom.domain.errors import ValidationError
from counselroom.domain.grades import (
    Stage,
    grade_label,
    grade_level,
    is_exam_year,
    is_graduating,
    stage_of,
)

LABELS = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级",
          "初一", "初二", "初三", "高一", "高二", "高三"]  # fmt: skip


def test_labels_of_levels_1_to_12() -> None:
    assert [grade_label(level) for level in range(1, 13)] == LABELS


@pytest.mark.parametrize("level", range(1, 13))
def test_label_round_trip(level: int) -> None:
    assert grade_level(grade_label(level)) == level


@pytest.mark.parametrize(
    ("label", "level"),
    [
        ("七年级", 7),
        ("八年级", 8),
        ("九年级", 9),
        ("初中一年级", 7),
        ("初中三年级", 9),
        ("高中一年级", 10),
        ("高中三年级", 12),
        (" 初二 ", 8),
    ],
)
def test_aliases(label: str, level: int) -> None:
    assert grade_level(label) == level


@pytest.mark.parametrize("label", ["十年级", "初四", "高四", "7", "", "Grade 7"])
def test_unknown_labels_refused(label: str) -> None:
    with pytest.raises(ValidationError, match="unknown grade"):
        grade_level(label)


@pytest.mark.parametrize("level", [0, 13, -1])
def test_levels_outside_1_to_12_refused(level: int) -> None:
    with pytest.raises(ValidationError, match="grade level must be 1-12"):
        grade_label(level)
    with pytest.raises(ValidationError):
        is_exam_year(level)


def test_graduating_years() -> None:
    assert [lv for lv in range(1, 13) if is_graduating(lv)] == [6, 9, 12]


def test_exam_years_are_chu_san_and_gao_san() -> None:
    assert [lv for lv in range(1, 13) if is_exam_year(lv)] == [9, 12]


def test_stages() -> None:
    assert [stage_of(lv) for lv in range(1, 13)] == [Stage.PRIMARY] * 6 + [Stage.JUNIOR] * 3 + [
        Stage.SENIOR
    ] * 3
    assert [s.label_zh for s in Stage] == ["小学", "初中", "高中"]
