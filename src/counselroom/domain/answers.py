"""Reading one questionnaire answer from a spreadsheet cell.

Screening platforms and hand-typed sheets write the same answer many ways: ``3``, ``3分``,
``3.0`` (a number cell), full-width ``３``, or the printed option label. Each is read exactly;
anything else is refused with the text quoted, because a guessed answer would change a total and
therefore whether a student is interviewed. An empty cell is a missing answer (``None``), which
leaves the sheet incomplete rather than scored low. Refusals are templates marked for the
catalogue (QT_TRANSLATE_NOOP) with the cell as their data, for the window to translate.
"""

from __future__ import annotations

import re

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.text import squeeze

# Option labels of the Chinese PHQ-9 and GAD-7 forms (with the variants platforms export), after
# squeeze(): the printed score of each option is its position 0-3.
LIKERT_LABELS = {
    "完全不会": 0,
    "没有": 0,
    "好几天": 1,
    "有几天": 1,
    "几天": 1,
    "一半以上的天数": 2,
    "一半以上时间": 2,
    "一半以上的时间": 2,
    "一半以上的日子": 2,
    "几乎每天": 3,
    "几乎每一天": 3,
}

# MHT answers (是 = 1, 否 = 0), compared after squeeze() and lower(). TRUE/FALSE is how a
# spreadsheet's check-box (boolean) cell arrives.
YES_NO_ANSWERS = {
    **dict.fromkeys(("是", "y", "yes", "1", "√", "✓", "✔", "对", "true"), 1),
    **dict.fromkeys(("否", "n", "no", "0", "×", "✗", "✘", "错", "false"), 0),
}

# A number as a cell holds it, optionally followed by 分 ("3分"); sign and fraction are matched
# so that "-1" and "2.5" get a message about their value rather than "not an answer".
_NUMBER = re.compile(r"([+-]?)(\d+)(?:\.(\d+))?分?")
_SHOWN = 24  # a long text in an answer cell is quoted only this far


def parse_likert(text: str, *, maximum: int = 3) -> int | None:
    """One PHQ-9/GAD-7 answer 0..``maximum``; ``None`` when the cell is empty."""
    if isinstance(maximum, bool) or not isinstance(maximum, int) or maximum < 1:
        raise ValueError(f"maximum must be a whole number of at least 1 (got {maximum!r})")
    value = squeeze(text)
    if not value:
        return None
    label = LIKERT_LABELS.get(value)
    if label is not None and label <= maximum:
        return label
    if value.startswith("="):
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is a formula: an answer is 0-%2"),
            _quoted(text),
            maximum,
        )
    number = _NUMBER.fullmatch(value)
    if number is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is not an answer: an answer is 0-%2"),
            _quoted(text),
            maximum,
        )
    sign, whole, fraction = number.groups()
    if fraction is not None and fraction.strip("0"):
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is not a whole number: an answer is 0-%2"),
            _quoted(text),
            maximum,
        )
    result = int(whole)
    if (sign == "-" and result) or result > maximum:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is out of range: an answer is 0-%2"),
            _quoted(text),
            maximum,
        )
    return result


def parse_yes_no_answer(text: str) -> int | None:
    """One MHT answer: 1 for 是, 0 for 否; ``None`` when the cell is empty."""
    value = squeeze(text).lower()
    if not value:
        return None
    answer = YES_NO_ANSWERS.get(value)
    if answer is None:
        if value.startswith("="):
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 is a formula: an MHT answer is 是/否 (1/0)"),
                _quoted(text),
            )
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is not an answer: an MHT answer is 是/否 (1/0)"),
            _quoted(text),
        )
    return answer


def _quoted(text: str) -> str:
    shown = text.strip()
    if len(shown) > _SHOWN:
        shown = shown[:_SHOWN] + "…"
    return f"'{shown}'"
