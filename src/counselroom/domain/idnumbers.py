"""Citizen ID numbers (GB 11643-1999) and national student numbers (全国学籍号).

IDs arrive from Excel rosters typed by hand: with spaces, a lower-case x, or full-width digits
from a Chinese input method. They are normalised first and then checked structure, region,
birth date and check character in that order, so the message names the first real problem.
Messages are English source strings; the UI translates them.

The check character is the ISO 7064 MOD 11-2 digit: every single-character error in the first
17 positions changes the weighted sum by ``w * d`` with ``w`` coprime to 11 and ``0 < |d| < 10``,
so it is always detected.
"""

from __future__ import annotations

from datetime import date

from counselroom.domain.errors import ValidationError
from counselroom.domain.text import normalise_ascii, squeeze

__all__ = [
    "CHECK_CHARS",
    "WEIGHTS",
    "birth_date_from_id",
    "canonical_id_number",
    "canonical_student_no",
    "gender_from_id",
    "id_check_char",
    "make_id_number",
    "make_student_no",
    "normalise_ascii",
    "normalise_id_number",
    "validate_id_number",
    "validate_student_no",
]

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
ID_LENGTH = 18
STUDENT_NO_PREFIX = "G"
EARLIEST_BIRTH_YEAR = 1800


def normalise_id_number(s: str) -> str:
    """ASCII, no whitespace, upper-case X; no validation (see :func:`canonical_id_number`)."""
    return squeeze(s).upper()


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for 17 digits: ``"10X98765432"[Σ wᵢ·dᵢ mod 11]``."""
    if len(first17) != 17 or not _is_ascii_digits(first17):
        raise ValidationError(f"need 17 digits to compute a check character (got {first17!r})")
    total = sum(w * int(c) for w, c in zip(WEIGHTS, first17, strict=True))
    return CHECK_CHARS[total % 11]


def validate_id_number(s: str, *, on: date | None = None) -> None:
    """Raise ValidationError naming the first problem; ``on`` also refuses future births."""
    _check_id(normalise_id_number(s), on)


def canonical_id_number(s: str, *, on: date | None = None) -> str:
    """The normalised ID, after checking it: the form to store and compare."""
    number = normalise_id_number(s)
    _check_id(number, on)
    return number


def birth_date_from_id(s: str) -> date:
    number = canonical_id_number(s)
    return _birth_date(number[6:14])


def gender_from_id(s: str) -> str:
    """Return "M" or "F": the 17th character (sequence code) is odd for men, even for women."""
    number = canonical_id_number(s)
    return "M" if int(number[16]) % 2 else "F"


def make_id_number(region6: str, birth: date, seq3: int) -> str:
    """Build a valid ID, for the synthetic demo school; odd ``seq3`` gives a male ID."""
    _check_region(region6)
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError(f"birth year {birth.year} is before {EARLIEST_BIRTH_YEAR}")
    if isinstance(seq3, bool) or not isinstance(seq3, int) or not 0 <= seq3 <= 999:
        raise ValidationError(f"sequence code must be 0-999 (got {seq3!r})")
    first17 = f"{region6}{birth:%Y%m%d}{seq3:03d}"
    return first17 + id_check_char(first17)


def validate_student_no(s: str, *, on: date | None = None) -> None:
    """A 全国学籍号 here is "G" followed by a valid 18-character ID number."""
    canonical_student_no(s, on=on)


def canonical_student_no(s: str, *, on: date | None = None) -> str:
    number = normalise_id_number(s)
    if not number.startswith(STUDENT_NO_PREFIX):
        raise ValidationError(
            f"student number must start with {STUDENT_NO_PREFIX} (got {number[:1]!r})"
        )
    if len(number) != ID_LENGTH + 1:
        raise ValidationError(
            f"student number must be {ID_LENGTH + 1} characters, G and an 18-character ID number"
            f" (got {len(number)})"
        )
    _check_id(number[1:], on)
    return number


def make_student_no(id_number: str) -> str:
    return STUDENT_NO_PREFIX + canonical_id_number(id_number)


def _check_id(number: str, on: date | None) -> None:
    if len(number) != ID_LENGTH:
        raise ValidationError(f"ID number must be {ID_LENGTH} characters (got {len(number)})")
    for position, char in enumerate(number[:17], start=1):
        if not _is_ascii_digits(char):
            raise ValidationError(f"character {position} must be a digit (got {char!r})")
    if number[17] not in CHECK_CHARS:
        raise ValidationError(f"check character must be a digit or X (got {number[17]!r})")
    _check_region(number[:6])
    birth = _birth_date(number[6:14])
    if on is not None and birth > on:
        raise ValidationError(f"birth date {number[6:14]} is in the future")
    expected = id_check_char(number[:17])
    if number[17] != expected:
        raise ValidationError(f"check character is {number[17]}, expected {expected}")


def _check_region(region: str) -> None:
    """Only the plausibility the standard guarantees: six digits, first digit 1-8, not 000000.

    Full region tables change every year (GB/T 2260) and old IDs keep old codes, so a finer
    check would refuse real students.
    """
    if len(region) != 6 or not _is_ascii_digits(region) or region[0] not in "12345678":
        raise ValidationError(f"region code {region} is invalid")


def _birth_date(yyyymmdd: str) -> date:
    try:
        birth = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise ValidationError(f"birth date {yyyymmdd} is not a real date") from None
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError(f"birth date {yyyymmdd} is before {EARLIEST_BIRTH_YEAR}")
    return birth


def _is_ascii_digits(s: str) -> bool:
    # str.isdigit() also accepts "²" and other Unicode digits that int() may reject.
    return s.isascii() and s.isdigit()
