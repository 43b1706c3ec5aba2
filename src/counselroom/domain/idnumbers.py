"""Citizen ID numbers (GB 11643-1999) and national student numbers (全国学籍号).

IDs arrive from Excel rosters typed by hand: with spaces, a lower-case x, or full-width digits
from a Chinese input method. They are normalised first and then checked structure, region,
birth date and check character in that order, so the message names the first real problem.
Messages are English templates marked for the catalogue (QT_TRANSLATE_NOOP): the CLI prints
them, the window shows their translation.

The check character is the ISO 7064 MOD 11-2 digit: every single-character error in the first
17 positions changes the weighted sum by ``w * d`` with ``w`` coprime to 11 and ``0 < |d| < 10``,
so it is always detected.
"""

from __future__ import annotations

from datetime import date

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.text import normalise_ascii, squeeze

__all__ = [
    "BAD_REGION",
    "BIRTH_IN_FUTURE",
    "BIRTH_TOO_EARLY",
    "CHECK_CHARS",
    "NOT_A_REAL_DATE",
    "WEIGHTS",
    "WRONG_CHECK",
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

# The reasons an ID number with a real shape can fail, by name: cells.parse_id_cell adds the
# Excel explanation to each of them when the number ends in 000.
BAD_REGION = QT_TRANSLATE_NOOP("problems", "region code %1 is invalid")
NOT_A_REAL_DATE = QT_TRANSLATE_NOOP("problems", "birth date %1 is not a real date")
BIRTH_TOO_EARLY = QT_TRANSLATE_NOOP("problems", "birth date %1 is before %2")
BIRTH_IN_FUTURE = QT_TRANSLATE_NOOP("problems", "birth date %1 is in the future")
WRONG_CHECK = QT_TRANSLATE_NOOP("problems", "check character is %1, expected %2")


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
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "student number must start with %1 (got %2)"),
            STUDENT_NO_PREFIX,
            repr(number[:1]),
        )
    if len(number) != ID_LENGTH + 1:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "student number must be %1 characters, G and an 18-character ID number (got %2)",
            ),
            ID_LENGTH + 1,
            len(number),
        )
    _check_id(number[1:], on)
    return number


def make_student_no(id_number: str) -> str:
    return STUDENT_NO_PREFIX + canonical_id_number(id_number)


def _check_id(number: str, on: date | None) -> None:
    if len(number) != ID_LENGTH:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "ID number must be %1 characters (got %2)"),
            ID_LENGTH,
            len(number),
        )
    for position, char in enumerate(number[:17], start=1):
        if not _is_ascii_digits(char):
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "character %1 must be a digit (got %2)"),
                position,
                repr(char),
            )
    if number[17] not in CHECK_CHARS:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "check character must be a digit or X (got %1)"),
            repr(number[17]),
        )
    _check_region(number[:6])
    birth = _birth_date(number[6:14])
    if on is not None and birth > on:
        raise ValidationError.of(BIRTH_IN_FUTURE, number[6:14])
    expected = id_check_char(number[:17])
    if number[17] != expected:
        raise ValidationError.of(WRONG_CHECK, number[17], expected)


def _check_region(region: str) -> None:
    """Only the plausibility the standard guarantees: six digits, first digit 1-8, not 000000.

    Full region tables change every year (GB/T 2260) and old IDs keep old codes, so a finer
    check would refuse real students.
    """
    if len(region) != 6 or not _is_ascii_digits(region) or region[0] not in "12345678":
        raise ValidationError.of(BAD_REGION, region)


def _birth_date(yyyymmdd: str) -> date:
    try:
        birth = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise ValidationError.of(NOT_A_REAL_DATE, yyyymmdd) from None
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError.of(BIRTH_TOO_EARLY, yyyymmdd, EARLIEST_BIRTH_YEAR)
    return birth


def _is_ascii_digits(s: str) -> bool:
    # str.isdigit() also accepts "²" and other Unicode digits that int() may reject.
    return s.isascii() and s.isdigit()
