"""Grade and class names as schools write them in rosters and score sheets.

One class is written many ways: 初二(3)班, 八年级3班, 高一.5, 七年级（2）班, 2024级3班, 三(2)班, or
a 年级 column "八年级" beside a 班级 column "3班". All must land on the same (level, number) so a
student is not filed twice, while the text as written is kept for the import report.

Rules that need a decision (each refuses rather than guesses):
- A bare grade numeral without 年级/初/高 (三(2)班, 8.3) is absolute from 七 up (七(1)班 is how
  七八九 schools write 初一); 一 to 六 are 一年级…六年级 in a primary school and the first,
  second or third year of a junior or senior school; in a complete secondary school they are
  ambiguous unless the other cell names the stage.
- A cohort (2024级 = the year of entry, 2026届 = the year of graduation) is placed with the
  school year of ``today`` (terms.term_of: August still belongs to the year that is ending) and
  a stage: 初/初中/高/高中/小学 in the text, else the school type, else the other cell's grade.
- A grade digit must be followed by a bracket or separator (初2(3)班, 8.3): "初23班" could be
  初二(3)班 or 初(23)班. A grade written in Chinese needs none (初二三班, 高一十二班).
- When both cells give a grade they must agree; ``original`` is then "grade cell / class cell".

Refusals are templates marked for the catalogue (QT_TRANSLATE_NOOP) with the cells as data, so
the window can show them in Chinese; the example "初二(3)班" is therefore written into each.
The numerals themselves (八, 十二) are read by class_numerals.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counselroom.domain.cells import quote_cell
from counselroom.domain.class_numerals import MAX_CLASS_NUMBER, class_number, digit
from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.grades import Stage, grade_label, stage_of
from counselroom.domain.terms import term_of
from counselroom.domain.text import normalise_ascii

__all__ = ["SCHOOL_TYPES", "ClassName", "parse_class"]

# Stage a school type implies for cohorts and bare numerals; None: junior and senior both.
SCHOOL_TYPES: dict[str, Stage | None] = {
    "primary": Stage.PRIMARY,
    "junior": Stage.JUNIOR,
    "senior": Stage.SENIOR,
    "complete": None,
}
_LEVELS = {Stage.PRIMARY: (1, 6), Stage.JUNIOR: (7, 9), Stage.SENIOR: (10, 12)}
_PREFIXES = {"小学": Stage.PRIMARY, "初": Stage.JUNIOR, "初中": Stage.JUNIOR}
_PREFIXES |= {"高": Stage.SENIOR, "高中": Stage.SENIOR}

# Brackets and traditional characters an input method may give; full-width forms are handled
# by normalise_ascii first.
_VARIANTS = str.maketrans("【】〔〕[]﹙﹚級屆", "()()()()级届")
_P = r"(?:初中|初|高中|高|小学)"
_COHORT = rf"(?P<cp>{_P})? ?(?P<cy>[0-9]{{4}}) ?(?P<ck>[级届])"
_YEAR_GRADE = rf"(?P<yp>{_P})? ?(?P<yn>[1-9]|[一二三四五六七八九]) ?年级"
_INITIAL = r"(?P<ip>初中|初|高中|高) ?(?P<in>[一二三])"
_INITIAL_DIGIT = r"(?P<dp>初中|初|高中|高) ?(?P<dn>[1-3])"
_BARE = r"(?P<bn>[1-9]|[一二三四五六七八九])"
_SEP = r"[.\-_·・。、/\\#—–]"
_CLASS = r"\(? ?(?P<num>[0-9]+|[零〇一二三四五六七八九十]+) ?\)? ?班?"
_READS_GRADE_FIRST = re.compile(rf"^(?:{_COHORT}|{_YEAR_GRADE}|{_INITIAL})(?: ?{_SEP})? ?{_CLASS}$")
_NEEDS_SEPARATOR = re.compile(rf"^(?:{_INITIAL_DIGIT}|{_BARE})(?: ?{_SEP} ?| |(?=\()){_CLASS}$")
_CLASS_ONLY = re.compile(rf"^{_CLASS}$")
_GRADE_ONLY = re.compile(rf"^(?:{_COHORT}|{_YEAR_GRADE}|{_INITIAL}|{_INITIAL_DIGIT}|{_BARE})$")


@dataclass(frozen=True)
class ClassName:
    """A class (grade level and number) and the text it was read from."""

    grade_level: int
    number: int
    original: str  # the class cell, or "grade cell / class cell" when a grade cell was given

    def __post_init__(self) -> None:
        grade_label(self.grade_level)  # refuses a level outside 1-12
        if not 1 <= self.number <= MAX_CLASS_NUMBER:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "class number must be 1-%1 (got %2)"),
                MAX_CLASS_NUMBER,
                self.number,
                field="class",
            )

    @property
    def label(self) -> str:
        """The normalised name, 初二(3)班: the form stored, shown and compared."""
        return f"{grade_label(self.grade_level)}({self.number})班"


@dataclass(frozen=True)
class _Grade:
    """A grade as one cell wrote it, before the stage and school year are known."""

    cell: str  # "class" or "grade": the field an error about it belongs to
    text: str
    level: int | None = None  # known already (初二, 八年级, 七)
    numeral: int | None = None  # a bare 1-6, which counts within its stage
    cohort: int | None = None
    graduation: bool = False  # 届 (year of leaving) rather than 级 (year of entry)
    stage: Stage | None = None  # from a 初/高/小学 prefix


def parse_class(
    class_text: str,
    grade_text: str = "",
    *,
    school_type: str = "complete",
    today: date | None = None,
) -> ClassName:
    """Read a class cell, with the roster's grade cell when it has one.

    ``today`` is needed only to place a cohort (2024级); calling without it on such a text is a
    programming error (ValueError). An unknown ``school_type`` is one too.
    """
    if school_type not in SCHOOL_TYPES:
        raise ValueError(f"unknown school type {school_type!r}")
    school_stage = SCHOOL_TYPES[school_type]
    class_text, grade_text = class_text.strip(), grade_text.strip()
    from_class, number = _read_class_cell(class_text)
    from_grade = _read_grade_cell(grade_text) if grade_text else None
    grades = [g for g in (from_class, from_grade) if g is not None]
    if not grades:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "%1 has no grade; write it like 初二(3)班, or fill the grade (年级) column",
            ),
            quote_cell(class_text),
            field="class",
        )
    first_pass = [_level(g, school_stage, today) for g in grades]
    known = [level for level in first_pass if level is not None]
    if len(known) < len(grades):
        # Only now may the other cell's grade say which stage a cohort or numeral is in.
        hint = stage_of(known[0]) if known else None
        second_pass = [_level(g, school_stage or hint, today) for g in grades]
        known = [level for level in second_pass if level is not None]
    if len(known) < len(grades):
        vague = next(g for g in grades if g.level is None)  # a cohort or a numeral 一-六
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "%1 does not say whether it is 初中 or 高中; write 初%2 or 高%2, or fill the grade"
                " (年级) column",
            ),
            quote_cell(_both(class_text, grade_text)),
            _clean(vague.text),
            field=vague.cell,
        )
    if len(set(known)) > 1:
        said = grade_label(known[1])
        cells = (quote_cell(class_text), grade_label(known[0]), quote_cell(grade_text))
        if _clean(grade_text) == said:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "class %1 is in %2 but the grade column says %3"),
                *cells,
                field="class",
            )
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "class %1 is in %2 but the grade column says %3 (%4)"),
            *cells,
            said,
            field="class",
        )
    return ClassName(known[0], number, _both(class_text, grade_text))


def _both(class_text: str, grade_text: str) -> str:
    return f"{grade_text} / {class_text}" if grade_text else class_text


def _clean(text: str) -> str:
    return " ".join(normalise_ascii(text).translate(_VARIANTS).split())


def _read_class_cell(text: str) -> tuple[_Grade | None, int]:
    cleaned = _clean(text)
    for pattern in (_READS_GRADE_FIRST, _NEEDS_SEPARATOR, _CLASS_ONLY):
        if match := pattern.match(cleaned):
            return _grade_of(match, "class", text), class_number(match["num"], text)
    if _GRADE_ONLY.match(cleaned):
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 has no class number; write it like 初二(3)班"),
            quote_cell(text),
            field="class",
        )
    raise ValidationError.of(
        QT_TRANSLATE_NOOP(
            "problems", "cannot read a grade and class from %1 (write it like 初二(3)班)"
        ),
        quote_cell(text),
        field="class",
    )


def _read_grade_cell(text: str) -> _Grade:
    match = _GRADE_ONLY.match(_clean(text))
    grade = None if match is None else _grade_of(match, "grade", text)
    if grade is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems", "cannot read a grade from %1 (write it like 初二 or 八年级)"
            ),
            quote_cell(text),
            field="grade",
        )
    return grade


def _grade_of(match: re.Match[str], cell: str, text: str) -> _Grade | None:
    found = match.groupdict()
    if found.get("cy"):
        stage = _PREFIXES.get(found["cp"] or "")
        return _Grade(
            cell, text, cohort=int(found["cy"]), graduation=found["ck"] == "届", stage=stage
        )
    if found.get("yn"):
        return _Grade(cell, text, level=_year_grade(found["yp"], digit(found["yn"]), cell, text))
    for prefix, numeral in ((found.get("ip"), found.get("in")), (found.get("dp"), found.get("dn"))):
        if prefix and numeral:
            return _Grade(cell, text, level=_LEVELS[_PREFIXES[prefix]][0] + digit(numeral) - 1)
    if not found.get("bn"):
        return None
    bare = digit(found["bn"])
    return _Grade(cell, text, level=bare) if bare >= 7 else _Grade(cell, text, numeral=bare)


def _year_grade(prefix: str | None, n: int, cell: str, text: str) -> int:
    """八年级, 初中二年级, 初二年级, 小学三年级: N is absolute, or counts within 初中/高中."""
    stage = _PREFIXES.get(prefix or "")
    first, last = _LEVELS[stage] if stage else (1, 9)
    if first <= n <= last:
        return n
    if stage in (Stage.JUNIOR, Stage.SENIOR) and n <= 3:
        return first + n - 1
    # Only a prefixed form gets here: without one, 1-9年级 is always a grade.
    name = stage.label_zh if stage else ""
    raise ValidationError.of(
        QT_TRANSLATE_NOOP("problems", "%1 is not a grade of %2; write it like 初二(3)班"),
        quote_cell(text),
        name,
        field=cell,
    )


def _level(grade: _Grade, stage_hint: Stage | None, today: date | None) -> int | None:
    """The grade's level, or None when it needs a stage that neither it nor the hint gives."""
    if grade.level is not None:
        return grade.level
    stage = grade.stage or stage_hint
    if stage is None:
        return None
    first, last = _LEVELS[stage]
    if grade.numeral is not None:
        level = first + grade.numeral - 1
        if level > last:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1: %2 has no grade %3; write it like 初二(3)班"),
                quote_cell(grade.text),
                stage.label_zh,
                grade.numeral,
                field=grade.cell,
            )
        return level
    if today is None:
        raise ValueError("parse_class needs today= to place a cohort such as 2024级")
    year = term_of(today).year_start
    cohort = grade.cohort or 0
    level = last - (cohort - year - 1) if grade.graduation else first + (year - cohort)
    if not first <= level <= last:
        span = last - first
        lowest = year + 1 if grade.graduation else year - span
        mark = "届" if grade.graduation else "级"
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "%1: %2 is not a %3 class in the %4-%5 school year (%3 classes are %6-%7)",
            ),
            quote_cell(grade.text),
            f"{cohort}{mark}",
            stage.label_zh,
            year,
            year + 1,
            f"{lowest}{mark}",
            f"{lowest + span}{mark}",
            field=grade.cell,
        )
    return level
