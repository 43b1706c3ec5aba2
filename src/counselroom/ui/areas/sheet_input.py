"""A typed paper sheet as numbers: the answer line read, the student found, errors placed.

Apart from `result_entry_dialog` because none of this needs a widget: the dialog hands over
what was typed and gets back a `SheetInput` (or a ValidationError naming the field), and a
service's error back to the box it concerns. Messages keep the dialog's translation context
("ResultEntryDialog"), so the catalogue's entries are the same as when the dialog built them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from counselroom.domain.answers import parse_likert, parse_yes_no_answer
from counselroom.domain.errors import ValidationError
from counselroom.domain.scoring import ITEM_COUNTS
from counselroom.services.screening_batch_view import CoverageRow
from counselroom.ui.areas.codes import instrument_label
from counselroom.ui.i18n import fill

__all__ = ["BLANK", "SheetInput", "error_key", "find_student", "parse_answers", "student_text"]

translate = QCoreApplication.translate

BLANK = "-"  # typed for an item the student left blank: the sheet is stored as incomplete
_SCALE_FIELDS = re.compile(
    r"^(scales?|lie|total|learning|social|lonely|self_blame|sensitive|"
    r"somatic|phobic|impulsive)$"
)


@dataclass(frozen=True)
class SheetInput:
    """One sheet in the keywords of `services.screening_batches.enter_result`."""

    student_id: int
    answers: tuple[int | None, ...] | None = None
    scales: dict[str, int] | None = None
    lie: int | None = None
    total: int | None = None


def student_text(row: CoverageRow) -> str:
    return "　".join(part for part in (row.name, row.class_label, row.student_no or "") if part)


def find_student(text: str, missing: Iterable[CoverageRow]) -> int:
    """The one student still without a sheet whose 学籍号 or name is ``text`` (as typed when no
    entry of the list was chosen); ValidationError(field "student") for none or several."""
    found = [
        row.student_id
        for row in missing
        if text and (text.upper() == (row.student_no or "").upper() or text == row.name)
    ]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise ValidationError(
            fill(
                translate(
                    "ResultEntryDialog", "Several students are called %1: choose one from the list."
                ),
                text,
            ),
            field="student",
        )
    raise ValidationError(
        translate(
            "ResultEntryDialog", "Choose a student of this batch's grades without a sheet yet."
        ),
        field="student",
    )


def parse_answers(text: str, instrument: str) -> tuple[int | None, ...]:
    """The answer line (spaces ignored, BLANK for an item left blank) as one answer per item of
    ``instrument``; ValidationError(field "answers") for a wrong count or an unreadable answer."""
    count = ITEM_COUNTS[instrument]
    typed = [char for char in text if not char.isspace()]
    if len(typed) != count:
        raise ValidationError(
            fill(
                translate(
                    "ResultEntryDialog",
                    "%1 answers typed; the %2 has %3 items (type - for a blank item).",
                ),
                len(typed),
                instrument_label(instrument),
                count,
            ),
            field="answers",
        )
    answers: list[int | None] = []
    for number, char in enumerate(typed, start=1):
        try:
            if char == BLANK:
                answers.append(None)
            elif instrument == "mht":
                answers.append(parse_yes_no_answer(char))
            else:
                answers.append(parse_likert(char))
        except ValidationError:
            allowed = (
                translate("ResultEntryDialog", "1 or 0")
                if instrument == "mht"
                else translate("ResultEntryDialog", "0 to 3")
            )
            raise ValidationError(
                fill(
                    translate("ResultEntryDialog", "Answer %1 is “%2”: an answer is %3."),
                    number,
                    char,
                    allowed,
                ),
                field="answers",
            ) from None
    return tuple(answers)


def error_key(field: str | None) -> str | None:
    """Which box a service's field belongs to: the student, the answers or the scale scores."""
    if not field:
        return None
    if field in ("student", "student_id"):
        return "student"
    if field == "answers" or re.fullmatch(r"item\d+", field):
        return "answers"
    if _SCALE_FIELDS.match(field):
        return "scales"
    return None
