"""School years (学年) and terms (学期) from calendar dates.

A school year starts on 1 September: 2026-10 and 2027-03 both belong to 2026-2027学年.
第一学期 runs September-January (the winter holiday included), 第二学期 February-July.
August (暑假) belongs to no term: ``term`` is None and ``year_start`` is the school year that is
ending, because statistics close a year at the summer and August work (home visits, return
assessments) is reported with the year just finished.
Labels use an ASCII hyphen ("2026-2027学年第一学期"); parsing also accepts the dashes that
documents and input methods produce (–, —, －).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.text import squeeze

_TERM_ZH = {1: "第一学期", 2: "第二学期", None: "暑假"}
_LABEL = re.compile(r"^(\d{4})[-–—](\d{4})学年(第一学期|第二学期|暑假)$")


@dataclass(frozen=True)
class SchoolTerm:
    """One term of one school year; ``term`` is 1, 2, or None for the summer holiday."""

    year_start: int
    term: int | None

    def __post_init__(self) -> None:
        if self.term not in _TERM_ZH:
            raise ValidationError(f"term must be 1, 2 or None (got {self.term!r})", field="term")
        if not 1900 <= self.year_start <= 9998:
            raise ValidationError(
                f"school year {self.year_start} is out of range", field="year_start"
            )

    @property
    def year_label_zh(self) -> str:
        return f"{self.year_start}-{self.year_start + 1}学年"

    @property
    def label_zh(self) -> str:
        return self.year_label_zh + _TERM_ZH[self.term]

    @property
    def start(self) -> date:
        if self.term == 1:
            return date(self.year_start, 9, 1)
        if self.term == 2:
            return date(self.year_start + 1, 2, 1)
        return date(self.year_start + 1, 8, 1)

    @property
    def end(self) -> date:
        """Last day, inclusive."""
        if self.term == 1:
            return date(self.year_start + 1, 1, 31)
        if self.term == 2:
            return date(self.year_start + 1, 7, 31)
        return date(self.year_start + 1, 8, 31)

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end


def term_of(d: date) -> SchoolTerm:
    if d.month >= 9:
        return SchoolTerm(d.year, 1)
    if d.month == 1:
        return SchoolTerm(d.year - 1, 1)
    if d.month <= 7:
        return SchoolTerm(d.year - 1, 2)
    return SchoolTerm(d.year - 1, None)


def term_from_label(label: str) -> SchoolTerm:
    """Parse a label such as "2026-2027学年第一学期" (also "…学年暑假")."""
    text = squeeze(label)
    match = _LABEL.match(text)
    if match is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is not a term like 2026-2027学年第一学期"),
            repr(label),
            field="term",
        )
    first, second, term_zh = int(match[1]), int(match[2]), match[3]
    if second != first + 1:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "school year %1-%2 must span two consecutive years"),
            first,
            second,
            field="term",
        )
    term = {zh: code for code, zh in _TERM_ZH.items()}[term_zh]
    return SchoolTerm(first, term)
