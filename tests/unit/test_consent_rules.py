"""Age on a day and who must consent (PIPL art. 31); the preset hotlines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.consent_rules import GUARDIAN_CONSENT_BELOW, age_on, needs_guardian
from counselroom.domain.hotlines import PRESET_INSTITUTIONS, phone_key
from counselroom.storage.models.choices import INSTITUTION_KINDS

BIRTH = date(2012, 3, 10)


def test_fourteen_on_the_birthday_itself_not_the_day_before() -> None:
    assert GUARDIAN_CONSENT_BELOW == 14
    birthday = date(2026, 3, 10)
    assert age_on(BIRTH, birthday - timedelta(days=1)) == 13
    assert age_on(BIRTH, birthday) == 14
    assert needs_guardian(BIRTH, birthday - timedelta(days=1))
    assert not needs_guardian(BIRTH, birthday)
    assert not needs_guardian(BIRTH, birthday + timedelta(days=1))


def test_born_on_29_february_turns_fourteen_on_1_march_in_a_common_year() -> None:
    leap = date(2012, 2, 29)
    assert age_on(leap, date(2026, 2, 28)) == 13
    assert age_on(leap, date(2026, 3, 1)) == 14
    assert age_on(leap, date(2028, 2, 29)) == 16


def test_an_unknown_birth_date_needs_a_guardian() -> None:
    assert needs_guardian(None, date(2026, 11, 20))


@pytest.mark.parametrize(("day", "age"), [(date(2012, 3, 10), 0), (date(2013, 3, 9), 0)])
def test_age_in_the_first_year(day: date, age: int) -> None:
    assert age_on(BIRTH, day) == age


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31)),
    st.integers(0, 30 * 366),
)
def test_age_counts_the_birthdays_passed(birth: date, days: int) -> None:
    day = birth + timedelta(days=days)
    birthdays = 0
    for year in range(birth.year + 1, day.year + 1):
        try:
            anniversary = birth.replace(year=year)
        except ValueError:  # 29 February in a common year: the birthday is 1 March
            anniversary = date(year, 3, 1)
        birthdays += anniversary <= day
    assert age_on(birth, day) == birthdays
    assert needs_guardian(birth, day) == (birthdays < 14)


def test_presets_are_hotlines_with_distinct_phones() -> None:
    assert len(PRESET_INSTITUTIONS) == 3
    assert {kind for kind, *_ in PRESET_INSTITUTIONS} <= set(INSTITUTION_KINDS)
    keys = [phone_key(phone) for *_, phone, _hours in PRESET_INSTITUTIONS]
    assert keys == ["12355", "12356", "4001619995"]
    assert all(name.strip() for _k, name, *_ in PRESET_INSTITUTIONS)


def test_phone_key_ignores_punctuation_and_spaces() -> None:
    assert phone_key("400-161-9995") == phone_key("400 161 9995") == "4001619995"
    assert phone_key("") == ""
