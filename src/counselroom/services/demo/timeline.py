"""The school calendar the case history runs on: terms, screening days, school days.

The history covers the two most recent terms whose screening has taken place by ``today``;
counselling happens on school days (no weekends, no winter or summer holiday, no National Day
week), and grades are those of the school year a date falls in.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from counselroom.domain.terms import SchoolTerm, term_of

ENTRY_AGE = 6  # 满6周岁入学 (义务教育法 art. 11): age by 31 August before grade 1


def _previous(term: SchoolTerm) -> SchoolTerm:
    if term.term == 2:
        return SchoolTerm(term.year_start, 1)
    return SchoolTerm(term.year_start - 1, 2)


def _latest_term(today: date) -> SchoolTerm:
    term = term_of(today)
    return SchoolTerm(term.year_start, 2) if term.term is None else term


def screening_day(term: SchoolTerm, rng: random.Random) -> date:
    """About four weeks into the term, on a weekday."""
    day = term.start + timedelta(days=(21 if term.term == 1 else 24) + rng.randrange(10))
    if term.term == 1 and date(day.year, 10, 1) <= day <= date(day.year, 10, 7):
        day = date(day.year, 10, 9)
    return next_school_day(day)


def history_terms(today: date, rng: random.Random) -> list[tuple[SchoolTerm, date]]:
    """The two latest terms whose screening day is at least a few days before ``today``."""
    found: list[tuple[SchoolTerm, date]] = []
    term = _latest_term(today)
    while len(found) < 2:
        day = screening_day(term, rng)
        if day <= today - timedelta(days=3):
            found.append((term, day))
        term = _previous(term)
    found.reverse()
    return found


def is_holiday(day: date) -> bool:
    md = (day.month, day.day)
    return (
        (7, 10) <= md <= (8, 31)  # summer
        or (1, 20) <= md <= (2, 20)  # winter and the Spring Festival
        or (10, 1) <= md <= (10, 7)  # National Day week
        or (5, 1) <= md <= (5, 3)
    )


def is_school_day(day: date) -> bool:
    return day.weekday() < 5 and not is_holiday(day)


def next_school_day(day: date) -> date:
    while not is_school_day(day):
        day += timedelta(days=1)
    return day


def school_days(first: date, end: date) -> list[date]:
    """School days from ``first`` up to, not including, ``end``."""
    days: list[date] = []
    day = first
    while day < end:
        if is_school_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def school_year_start(day: date) -> int:
    """School year a date belongs to; the summer counts with the year that is ending."""
    return term_of(day).year_start


def grade_on(grade_now: int, day: date, today: date) -> int:
    """The grade a pupil who is in ``grade_now`` today was in on ``day``."""
    return grade_now - (school_year_start(today) - school_year_start(day))


def birth_window(grade: int, year_start: int, extra_years: int) -> tuple[date, date]:
    """Birth dates giving age ``grade + ENTRY_AGE - 1 + extra_years`` on 31 August.

    A child who is 6 by 31 August (the usual entry cut-off) enters grade 1 on 1 September, so
    on 31 August before school year ``year_start`` an on-time pupil of grade ``g`` is
    ``g + 5``; ``extra_years`` of 1 is a pupil who started or repeated a year late.
    """
    entry_year = year_start - (grade - 1) - extra_years
    first = date(entry_year - ENTRY_AGE - 1, 9, 1)
    last = date(entry_year - ENTRY_AGE, 8, 31)
    return first, last
