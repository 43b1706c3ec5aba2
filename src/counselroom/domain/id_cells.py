"""Roster cells holding an ID number or a 全国学籍号, and the Excel damage they show.

Apart from cells.py because these two parsers are not about reading a spelling but about a
number Excel may have mangled: an 18-digit ID typed into a number cell comes back in scientific
notation or with its last three digits zeroed, and the school must be told that, not merely
"check character is 0". The number rules themselves are idnumbers'; this module adds the cell's
field and the Excel explanation. Each message is a template marked for the catalogue
(QT_TRANSLATE_NOOP, context "problems") with the cell as its data.
"""

from __future__ import annotations

import re
from datetime import date

from counselroom.domain.cells import quote_cell
from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.idnumbers import (
    BAD_REGION,
    BIRTH_IN_FUTURE,
    BIRTH_TOO_EARLY,
    NOT_A_REAL_DATE,
    WRONG_CHECK,
    canonical_id_number,
    canonical_student_no,
)
from counselroom.domain.text import squeeze

__all__ = ["parse_id_cell", "parse_student_no_cell"]

# "1.10101200001011e+17" (the sheet reader's 15 significant digits) or "1.10101E+17" (what
# Excel itself shows and writes to CSV): an ID that was typed into a number cell.
_SCIENTIFIC = re.compile(r"^[0-9]+(?:\.[0-9]*)?E\+?[0-9]+$")
# Each reason an 18-digit number can fail for, with the Excel explanation added (the ID's
# reason templates are idnumbers' named constants).
_LOST_DIGITS_HINTS = {
    BAD_REGION: QT_TRANSLATE_NOOP(
        "problems",
        "region code %1 is invalid; the number ends in 000, so Excel probably stored it as a"
        " number and lost its last digits: format the column as text (文本) and export again",
    ),
    NOT_A_REAL_DATE: QT_TRANSLATE_NOOP(
        "problems",
        "birth date %1 is not a real date; the number ends in 000, so Excel probably stored it"
        " as a number and lost its last digits: format the column as text (文本) and export"
        " again",
    ),
    BIRTH_TOO_EARLY: QT_TRANSLATE_NOOP(
        "problems",
        "birth date %1 is before %2; the number ends in 000, so Excel probably stored it as a"
        " number and lost its last digits: format the column as text (文本) and export again",
    ),
    BIRTH_IN_FUTURE: QT_TRANSLATE_NOOP(
        "problems",
        "birth date %1 is in the future; the number ends in 000, so Excel probably stored it as"
        " a number and lost its last digits: format the column as text (文本) and export again",
    ),
    WRONG_CHECK: QT_TRANSLATE_NOOP(
        "problems",
        "check character is %1, expected %2; the number ends in 000, so Excel probably stored"
        " it as a number and lost its last digits: format the column as text (文本) and export"
        " again",
    ),
}


def parse_id_cell(text: str, *, field: str, today: date) -> str:
    """The canonical 18-character ID number; a birth date after ``today`` is refused."""
    _refuse_scientific(text, field)
    try:
        return canonical_id_number(text, on=today)
    except ValidationError as error:
        raise _with_lost_digits_hint(error, squeeze(text)).located(field=field) from None


def parse_student_no_cell(text: str, *, field: str, today: date) -> str:
    """The canonical 全国学籍号 ("G" and an 18-character ID number)."""
    _refuse_scientific(text, field)
    try:
        return canonical_student_no(text, on=today)
    except ValidationError as error:
        raise error.located(field=field) from None


def _refuse_scientific(text: str, field: str) -> None:
    if _SCIENTIFIC.match(squeeze(text).upper()):
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "%1: the number was stored as a number in Excel and lost its last digits;"
                " format the column as text (文本) and export again",
            ),
            quote_cell(text),
            field=field,
        )


def _with_lost_digits_hint(error: ValidationError, digits: str) -> ValidationError:
    """Add the Excel explanation when an 18-digit number failed and ends in 000.

    Excel keeps 15 significant digits, so an ID typed into a number cell and shown in full
    comes back with its last three digits zeroed; the check character then (almost always)
    fails, and "check character is 0" alone would not tell the school what went wrong.
    """
    hint = _LOST_DIGITS_HINTS.get(error.template or "")
    zeroed = len(digits) == 18 and digits.isascii() and digits.isdigit() and digits.endswith("000")
    if hint and zeroed:
        return ValidationError.of(hint, *error.args, field=error.field)
    return error
