"""Grade levels 1-12 and the names schools and the student-status system give them.

Levels are stored, names are shown: rosters say 七年级 where the school says 初一, and both
must land on the same level so one student is not filed twice.
"""

from __future__ import annotations

from enum import StrEnum

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.text import squeeze

_NUMERALS = "一二三四五六七八九"
_LABELS: dict[int, str] = {
    **{level: f"{_NUMERALS[level - 1]}年级" for level in range(1, 7)},
    7: "初一",
    8: "初二",
    9: "初三",
    10: "高一",
    11: "高二",
    12: "高三",
}
_ALIASES: dict[str, int] = {
    **{label: level for level, label in _LABELS.items()},
    **{f"{_NUMERALS[level - 1]}年级": level for level in range(7, 10)},
    **{f"初中{_NUMERALS[n - 1]}年级": 6 + n for n in range(1, 4)},
    **{f"高中{_NUMERALS[n - 1]}年级": 9 + n for n in range(1, 4)},
}
MIN_LEVEL, MAX_LEVEL = 1, 12


class Stage(StrEnum):
    """School stage; screening and MHT eligibility and ledgers are kept per stage."""

    PRIMARY = "primary"
    JUNIOR = "junior"
    SENIOR = "senior"

    @property
    def label_zh(self) -> str:
        return {"primary": "小学", "junior": "初中", "senior": "高中"}[self.value]


def _check_level(level: int) -> int:
    if (
        isinstance(level, bool)
        or not isinstance(level, int)
        or not (MIN_LEVEL <= level <= MAX_LEVEL)
    ):
        raise ValidationError(f"grade level must be 1-12 (got {level!r})", field="grade")
    return level


def grade_label(level: int) -> str:
    """The name the school uses: 一年级…六年级, 初一…初三, 高一…高三."""
    return _LABELS[_check_level(level)]


def grade_level(label: str) -> int:
    """Level of a grade name; accepts 七年级/八年级/九年级 and 初中一年级/高中一年级 forms."""
    level = _ALIASES.get(squeeze(label))
    if level is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "unknown grade %1"), repr(label), field="grade"
        )
    return level


def stage_of(level: int) -> Stage:
    level = _check_level(level)
    if level <= 6:
        return Stage.PRIMARY
    return Stage.JUNIOR if level <= 9 else Stage.SENIOR


def is_graduating(level: int) -> bool:
    """Last year of a stage (六年级, 初三, 高三): 毕业前后 is a key period for follow-up."""
    return _check_level(level) in (6, 9, 12)


def is_exam_year(level: int) -> bool:
    """初三 and 高三, the years of 中考/高考: the 毕业年级升学压力 care group."""
    return _check_level(level) in (9, 12)
