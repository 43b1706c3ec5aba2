"""Which column of a results file holds what, and one row's answers read and scored.

Apart from `screening_fields` (the headers a results file may use): that module only names
columns, for the import dialog and the CLI to guess a mapping before anything is checked. This
one runs once a mapping is chosen — it refuses a file that cannot be this instrument's results
as a whole (`screening_layout`), then reads each row's cells into a scored sheet
(`read_sheet`) for the importer. Refusals and cell problems are the templates of
screening_reasons.py with the data apart, for the window to show in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from counselroom.domain.answers import parse_likert, parse_yes_no_answer
from counselroom.domain.cells import quote_cell
from counselroom.domain.cutoffs import ScreeningCutoffs
from counselroom.domain.errors import ValidationError
from counselroom.domain.scoring import (
    ITEM_COUNTS,
    MHT_LIE_ITEMS,
    MHT_SCALES,
    SheetScore,
    score_mht_scales,
    score_sheet,
)
from counselroom.domain.screening_flags import SHEET_INCOMPLETE
from counselroom.domain.text import squeeze
from counselroom.intake import screening_reasons as why
from counselroom.intake.problems import Problem, column_name
from counselroom.intake.screening_fields import (
    IDENTITY_KEYS,
    INSTRUMENT_NAMES,
    SCALE_KEYS,
    detect_mht_mode,
    item_key_number,
    item_number,
)
from counselroom.intake.sheets import SheetRow, Table

__all__ = ["ScreeningLayout", "read_sheet", "screening_layout"]

# PHQ-9 and GAD-7 forms end with an unscored question on how difficult the problems made life
# (PHQ-9's 10th, GAD-7's 8th): a column for it is expected, and ignored.
_DIFFICULTY_ITEM = {"phq9": 10, "gad7": 8}


@dataclass(frozen=True)
class ScreeningLayout:
    """Which column holds what, once a file passed the whole-file checks."""

    instrument: str
    headers: tuple[str, ...]
    identity: dict[str, int]  # identity field key -> column
    items: tuple[int, ...] | None  # the column of item 1, 2, … (answer sheets)
    scales: dict[str, int] | None  # scale code, "lie", "total" -> column (MHT platform export)

    def header(self, column: int) -> str:
        """The column as a problem names it: its header, else its letter."""
        return column_name(self.headers, column)

    def cell(self, row: SheetRow, column: int) -> str:
        return row.cells[column] if column < len(row.cells) else ""


def screening_layout(
    table: Table, header_row: int, mapping: Mapping[str, int], instrument: str
) -> ScreeningLayout:
    """Check that the mapped columns can be a results file of ``instrument`` and say which
    column holds what; ValidationError(record=file name) refuses the file as a whole.

    Refused: no data rows; no way to tell who a row is (neither 学籍号 nor 姓名 + 班级); item
    columns of another instrument (7 items given as PHQ-9, 100 given as PHQ-9); no item or
    scale columns; MHT scale scores given as PHQ-9/GAD-7; an incomplete set of MHT scales."""
    if instrument not in ITEM_COUNTS:
        raise ValueError(f"unknown instrument {instrument!r}")
    if not 0 <= header_row < len(table.rows):
        raise ValueError(f"header row {header_row} is not a row of the table")
    headers = table.rows[header_row].cells
    # Item keys of any number are data (a mapping made for another instrument is refused
    # below with the item numbers); any other unknown key is the caller's mistake.
    known = {*IDENTITY_KEYS, *(SCALE_KEYS if instrument == "mht" else ())}
    unknown = sorted(k for k in mapping if k not in known and item_key_number(k) is None)
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r} for {instrument}")

    def refuse(template: str, *args: object) -> ValidationError:
        return ValidationError.of(template, *args, record=table.name)

    if header_row == len(table.rows) - 1:
        raise refuse(why.NO_DATA_ROWS)
    identity = {key: mapping[key] for key in IDENTITY_KEYS if key in mapping}
    if "student_no" not in identity and not {"name", "class"} <= set(identity):
        raise refuse(why.NO_IDENTITY)
    name = INSTRUMENT_NAMES[instrument]
    scale_cols = {key: mapping[key] for key in SCALE_KEYS if key in mapping}
    item_cols = {key: column for key, column in mapping.items() if item_key_number(key)}
    if scale_cols and item_cols:
        raise refuse(why.ITEMS_AND_SCALES)
    if scale_cols:
        missing = ", ".join(s.label_zh for s in MHT_SCALES if s.code not in scale_cols)
        if "lie" not in scale_cols:
            raise refuse(why.SCALES_AND_LIE_MISSING if missing else why.LIE_MISSING, missing)
        if missing:
            raise refuse(why.SCALES_MISSING, missing)
        return ScreeningLayout(instrument, headers, identity, None, scale_cols)
    if instrument != "mht" and detect_mht_mode(headers):
        raise refuse(why.MHT_SCALES_GIVEN, name, ITEM_COUNTS[instrument])
    return ScreeningLayout(
        instrument, headers, identity, _item_columns(headers, mapping, instrument, refuse), None
    )


def _item_columns(
    headers: Sequence[str],
    mapping: Mapping[str, int],
    instrument: str,
    refuse: Callable[..., ValidationError],
) -> tuple[int, ...]:
    """The column of each item; the item numbers of unmapped headers count too, so a file
    with more questions than the instrument is seen for what it is."""
    count, name = ITEM_COUNTS[instrument], INSTRUMENT_NAMES[instrument]
    mapped = {
        number: column
        for key, column in mapping.items()
        if (number := item_key_number(key)) is not None
    }
    used = set(mapping.values())
    found = set(mapped)
    for column, header in enumerate(headers):
        number = item_number(header) if column not in used else None
        if number is not None:
            found.add(number)
    if not found:
        raise refuse(why.NO_ITEMS, name, count)
    allowed = set(range(1, count + 1)) | {_DIFFICULTY_ITEM.get(instrument, count)}
    missing = sorted(set(range(1, count + 1)) - set(mapped))
    if missing or found - allowed:
        guess = _guess_instrument(found, instrument)
        facts = (_ranges(found), name, count)
        if guess:
            wrong = why.WRONG_ITEMS_AN if guess == "mht" else why.WRONG_ITEMS_A
            raise refuse(wrong, *facts, INSTRUMENT_NAMES[guess])
        if missing:
            raise refuse(why.ITEMS_MISSING, *facts, _ranges(missing))
        raise refuse(why.WRONG_ITEMS, *facts)
    return tuple(mapped[n] for n in range(1, count + 1))


def _guess_instrument(found: set[int], instrument: str) -> str | None:
    """The other instrument whose items (and difficulty question) the file has exactly."""
    for other, count in ITEM_COUNTS.items():
        if other == instrument:
            continue
        expected = set(range(1, count + 1))
        with_difficulty = expected | {_DIFFICULTY_ITEM.get(other, count)}
        if found in (expected, with_difficulty):
            return other
    return None


def _ranges(numbers: Iterable[int]) -> str:
    """1,2,3,5,7,8 → "1-3, 5, 7-8"."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = previous = ordered[0]
    for number in [*ordered[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


# -- reading one row's answers ----------------------------------------------------------------

_SCORE = re.compile(r"(\d+)(?:\.0+)?分?")
# Key → (rules, the scale's name for %2 or none, the highest score).
_SCALE_MAX: dict[str, tuple[tuple[str, str, str], tuple[str, ...], int]] = {
    **{scale.code: (why.SCALE_RULES, (scale.label_zh,), len(scale.items)) for scale in MHT_SCALES},
    "lie": (why.LIE_RULES, (), len(MHT_LIE_ITEMS)),
    "total": (why.TOTAL_RULES, (), sum(len(scale.items) for scale in MHT_SCALES)),
}


def read_sheet(
    row: SheetRow, layout: ScreeningLayout, cutoffs: ScreeningCutoffs
) -> tuple[SheetScore | None, list[Problem]]:
    """The row's answers (or MHT scale scores) scored, with a problem per unreadable cell; None
    when the row holds no answer at all (the student did not sit the screening).

    An unreadable cell counts as missing, so the sheet is incomplete and never scored — a
    guessed answer would change whether the student is interviewed."""
    if layout.scales is not None:
        return _read_scales(row, layout, layout.scales, cutoffs)
    assert layout.items is not None
    mht = layout.instrument == "mht"
    answers: list[int | None] = []
    problems: list[Problem] = []
    for column in layout.items:
        answer = _answer(layout.cell(row, column), mht)
        if isinstance(answer, ValidationError):
            problems.append(Problem.of_error(row.number, layout.header(column), answer))
            answers.append(None)
        else:
            answers.append(answer)
    if not problems and all(answer is None for answer in answers):
        return None, []
    return score_sheet(layout.instrument, answers, cutoffs), problems


@lru_cache(maxsize=4096)
def _answer(text: str, mht: bool) -> int | ValidationError | None:
    """One answer cell: the answer, None for a blank, or why it cannot be read (returned, never
    raised again, so the cached error gathers no tracebacks). Cached: a file of 5,000 sheets
    holds a handful of distinct answer texts."""
    try:
        return parse_yes_no_answer(text) if mht else parse_likert(text)
    except ValidationError as error:
        return error


def _read_scales(
    row: SheetRow, layout: ScreeningLayout, columns: Mapping[str, int], cutoffs: ScreeningCutoffs
) -> tuple[SheetScore | None, list[Problem]]:
    values: dict[str, int] = {}
    problems: list[Problem] = []
    for key, at in columns.items():
        try:
            value = _score_cell(layout.cell(row, at), *_SCALE_MAX[key])
        except ValidationError as error:
            problems.append(Problem.of_error(row.number, layout.header(at), error))
            continue
        if value is not None:
            values[key] = value
    if not problems and not values:
        return None, []
    missing = [key for key in columns if key != "total" and key not in values]
    if not problems and not missing:
        total = values.pop("total", None)
        lie = values.pop("lie")
        try:
            return score_mht_scales(values, lie, total, cutoffs.mht), []
        except ValidationError as error:
            column = columns.get(error.field or "")
            where = None if column is None else layout.header(column)
            problems.append(Problem.of_error(row.number, where, error))
    return _incomplete_scales(), problems


def _score_cell(
    text: str, rules: tuple[str, str, str], name: tuple[str, ...], maximum: int
) -> int | None:
    value = squeeze(text)
    if not value:
        return None
    formula, not_a_score, out_of_range = rules
    if value.startswith("="):
        raise ValidationError.of(formula, quote_cell(text), *name, maximum)
    match = _SCORE.fullmatch(value)
    if match is None:
        raise ValidationError.of(not_a_score, quote_cell(text), *name, maximum)
    if int(match[1]) > maximum:
        raise ValidationError.of(out_of_range, quote_cell(text), *name, maximum)
    return int(match[1])


def _incomplete_scales() -> SheetScore:
    """A platform row with a missing or unreadable score: stored as incomplete, never scored."""
    return SheetScore(
        instrument="mht",
        complete=False,
        valid=False,
        total=None,
        band=None,
        item9=None,
        scales=None,
        lie=None,
        answers=None,
        missing=(),
        flags=(SHEET_INCOMPLETE,),
    )
