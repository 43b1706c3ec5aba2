"""Checks of the 概况 form's fields, each reporting through ``fail(field, message)``.

The profile edit collects every problem of a form at once (services/profile.py), so these take
a ``fail`` callback instead of raising, and return the cleaned value (or None when empty).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

from counselroom.domain.text import normalise_ascii

EARLIEST_BIRTH = date(1990, 1, 1)
PHONE_CHARS = frozenset("0123456789 -+")
PHONE_LENGTH = (7, 20)
MAX_NAME = 50


def enrolment_day(value: object, birth: date | None, today: date, fail: Any) -> date | None:
    """The enrolment day, or None when empty or wrong. It is compared with the birth date only
    when that one is valid itself, so a wrong birth date gives one message, under its field."""
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        fail("enrolled_on", f"enrolment day must be a date (got {value!r})")
        return None
    day = value.isoformat()
    if value > today:
        fail("enrolled_on", f"enrolment day {day} is in the future (today is {today.isoformat()})")
    elif birth is not None and EARLIEST_BIRTH <= birth <= today and value < birth:
        fail(
            "enrolled_on",
            f"enrolment day {day} is before the student's birth date ({birth.isoformat()})",
        )
    elif value < EARLIEST_BIRTH:
        fail("enrolled_on", f"enrolment day {day} is before {EARLIEST_BIRTH.year}")
    else:
        return value
    return None


def person_name(text: str | None, field: str, fail: Any) -> str:
    name = " ".join(normalise_ascii(text or "").split())
    if not name:
        fail(field, "the name is required")
    elif len(name) > MAX_NAME:
        fail(field, f"a name may have at most {MAX_NAME} characters")
    elif has_control(name):
        fail(field, "a name may not hold control characters")
    return name


def has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text)


def blank(text: str | None) -> str | None:
    """None for an empty or blank field."""
    if text is None:
        return None
    stripped = normalise_ascii(text).strip()
    return stripped or None


def short_text(text: str | None, field: str, limit: int, fail: Any) -> str | None:
    value = blank(text)
    if value is not None and len(value) > limit:
        fail(field, f"at most {limit} characters")
    if value is not None and has_control(value):
        fail(field, "must be one line of text, without control characters")
    return value


def phone_number(text: str | None, field: str, fail: Any) -> str | None:
    value = blank(text)
    if value is None:
        return None
    low, high = PHONE_LENGTH
    if any(ch not in PHONE_CHARS for ch in value):
        fail(field, "a phone number may hold only digits, spaces, '-' and '+'")
    elif not low <= len(value) <= high:
        fail(field, f"a phone number has {low}-{high} characters")
    elif sum(ch.isdigit() for ch in value) < low:
        fail(field, f"a phone number has at least {low} digits")
    return value
