"""The numerals in a class name: a grade's digit (八, 8) and a class number (3, 十二, 二十三).

Apart from classes.py, which decides what a class name means (which grade, which stage, which
school year); this module only turns the characters into numbers and refuses a class number
out of range. Its refusals are templates marked for the catalogue (QT_TRANSLATE_NOOP, context
"problems") with the cell as data, like those of classes.py.
"""

from __future__ import annotations

from counselroom.domain.cells import quote_cell
from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = ["MAX_CLASS_NUMBER", "class_number", "digit"]

MAX_CLASS_NUMBER = 99
_ZH_DIGITS = {"零": 0, "〇": 0, **{c: n for n, c in enumerate("一二三四五六七八九", start=1)}}


def class_number(text: str, cell_text: str) -> int:
    """The class number ``text`` writes (the digits or 一…九十九 the class pattern matched);
    ``cell_text`` is the whole cell, quoted when the number is refused."""
    if text.isascii():
        # Digits only (the pattern says so); a long run is out of range without converting it.
        number: int | None = int(text) if len(text) <= 4 else MAX_CLASS_NUMBER + 1
    else:
        number = _zh_number(text)
    if number is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems", "cannot read a class number from %1 (write it like 初二(3)班)"
            ),
            quote_cell(cell_text),
            field="class",
        )
    if 1 <= number <= MAX_CLASS_NUMBER:
        return number
    raise ValidationError.of(
        QT_TRANSLATE_NOOP("problems", "%1: a class number must be 1-%2"),
        quote_cell(cell_text),
        MAX_CLASS_NUMBER,
        field="class",
    )


def digit(char: str) -> int:
    """A one-character numeral the grade patterns matched: 1-9 or 零, 〇, 一…九."""
    return int(char) if char.isascii() else _ZH_DIGITS[char]


def _zh_number(text: str) -> int | None:
    """一…九十九 as written in class names (十二, 二十, 二十三); None when it is no such number."""
    if text in _ZH_DIGITS:
        return _ZH_DIGITS[text]
    tens, ten, units = text.partition("十")
    if not ten or len(tens) > 1 or len(units) > 1:
        return None
    tens_value = _ZH_DIGITS.get(tens, -1) if tens else 1
    units_value = _ZH_DIGITS.get(units, -1) if units else 0
    if tens_value < 1 or (units and units_value < 1):
        return None
    return 10 * tens_value + units_value
