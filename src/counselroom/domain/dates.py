"""Dates as Chinese documents write them, ages, and dates as rosters spell them."""

from __future__ import annotations

import re
from datetime import date

from counselroom.domain.errors import ValidationError
from counselroom.domain.text import squeeze


def format_date_zh(d: date) -> str:
    """Write 2026年11月22日: GB/T 9704 dates use Arabic numerals without leading zeros."""
    return f"{d.year}年{d.month}月{d.day}日"


def age_on(birth: date, d: date) -> int:
    """Completed years (周岁) on ``d``; a 29 February birthday counts from 1 March."""
    if d < birth:
        raise ValidationError(f"date {d.isoformat()} is before birth date {birth.isoformat()}")
    before_birthday = (d.month, d.day) < (birth.month, birth.day)
    return d.year - birth.year - before_birthday


_DATE = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$")


def parse_date(text: str) -> date:
    """Read the spellings a school roster uses: 2012-03-05, 2012/3/5, 2012.3.5, 20120305,
    2012年3月5日 (full-width digits too). Other forms are refused rather than guessed.
    """
    cleaned = squeeze(text)
    match = _DATE.match(cleaned)
    if match is None:
        raise ValidationError(f"{text!r} is not a date like 2012-03-05")
    year = int(match[1])
    month = int(match[2] or match[4])
    day = int(match[3] or match[5])
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"{text!r} is not a real date") from None
