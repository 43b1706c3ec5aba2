"""School year and term boundaries (1 Sep, 1 Feb, 1 Aug) and term labels."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.errors import ValidationError
from counselroom.domain.terms import SchoolTerm, term_from_label, term_of


@pytest.mark.parametrize(
    ("day", "year_start", "term", "label"),
    [
        (date(2026, 8, 31), 2025, None, "2025-2026学年暑假"),
        (date(2026, 9, 1), 2026, 1, "2026-2027学年第一学期"),
        (date(2026, 10, 15), 2026, 1, "2026-2027学年第一学期"),
        (date(2026, 12, 31), 2026, 1, "2026-2027学年第一学期"),
        (date(2027, 1, 31), 2026, 1, "2026-2027学年第一学期"),
        (date(2027, 2, 1), 2026, 2, "2026-2027学年第二学期"),
        (date(2027, 3, 10), 2026, 2, "2026-2027学年第二学期"),
        (date(2027, 7, 31), 2026, 2, "2026-2027学年第二学期"),
        (date(2027, 8, 1), 2026, None, "2026-2027学年暑假"),
    ],
)
def test_boundaries(day: date, year_start: int, term: int | None, label: str) -> None:
    found = term_of(day)
    assert (found.year_start, found.term, found.label_zh) == (year_start, term, label)


def test_term_dates() -> None:
    first = SchoolTerm(2026, 1)
    assert (first.start, first.end) == (date(2026, 9, 1), date(2027, 1, 31))
    second = SchoolTerm(2026, 2)
    assert (second.start, second.end) == (date(2027, 2, 1), date(2027, 7, 31))
    summer = SchoolTerm(2026, None)
    assert (summer.start, summer.end) == (date(2027, 8, 1), date(2027, 8, 31))
    assert first.year_label_zh == "2026-2027学年"


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(9998, 12, 31)))
def test_every_day_lies_in_its_term(day: date) -> None:
    term = term_of(day)
    assert term.contains(day)
    assert term.start <= day <= term.end


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(9998, 12, 30)))
def test_terms_are_contiguous(day: date) -> None:
    # Consecutive days are in the same term or the second starts the day after the first ends.
    today, tomorrow = term_of(day), term_of(day + timedelta(days=1))
    assert today == tomorrow or (today.end == day and tomorrow.start == day + timedelta(days=1))


@pytest.mark.parametrize("term", [1, 2, None])
def test_label_round_trip(term: int | None) -> None:
    assert term_from_label(SchoolTerm(2026, term).label_zh) == SchoolTerm(2026, term)


@pytest.mark.parametrize(
    "label",
    [
        "2026—2027学年第一学期",
        "2026–2027学年第一学期",
        "２０２６－２０２７学年第一学期",
        " 2026-2027 学年 第一学期 ",
    ],
)
def test_label_dash_and_width_variants(label: str) -> None:
    assert term_from_label(label) == SchoolTerm(2026, 1)


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("2026-2028学年第一学期", "school year 2026-2028 must span two consecutive years"),
        ("2026-2027学年第三学期", "is not a term like 2026-2027学年第一学期"),
        ("2026学年第一学期", "is not a term like"),
        ("", "is not a term like"),
    ],
)
def test_bad_labels_refused(label: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        term_from_label(label)


def test_bad_terms_refused() -> None:
    with pytest.raises(ValidationError, match="term must be 1, 2 or None"):
        SchoolTerm(2026, 3)
