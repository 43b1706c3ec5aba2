"""Messages as templates: filled in one pass, kept through copies, the English unchanged.

The window translates a problem's template and fills in its data (ui/problem_text.py); the CLI
prints the English. Both must say the same thing, so the template and its data travel with
every copy of an error and every Problem made from one.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from datetime import date

import pytest

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError, fill
from counselroom.domain.id_cells import _LOST_DIGITS_HINTS, parse_id_cell
from counselroom.domain.idnumbers import (
    BAD_REGION,
    BIRTH_IN_FUTURE,
    BIRTH_TOO_EARLY,
    NOT_A_REAL_DATE,
    WRONG_CHECK,
    make_id_number,
)
from counselroom.intake.problems import Problem

TODAY = date(2026, 3, 2)


def test_qt_translate_noop_returns_the_text_unchanged() -> None:
    assert QT_TRANSLATE_NOOP("problems", "check character is %1") == "check character is %1"


def test_fill_replaces_each_placeholder_by_its_argument() -> None:
    assert fill("%2 before %1, %1 again", "a", "b") == "b before a, a again"
    assert fill("row %1 of %2", 12, 3.5) == "row 12 of 3.5"  # any value, as text


def test_fill_is_one_pass_so_data_holding_placeholders_stays_as_typed() -> None:
    # A cell that says "%2" or "%1" is data: it must not be filled in again.
    assert fill("%1 and %2", "%2", "x") == "%2 and x"
    assert fill("%1 and %2", "a", "%1") == "a and %1"


def test_fill_reads_two_digit_placeholders_whole() -> None:
    ten = [str(n) for n in range(1, 11)]
    assert fill("%10|%1", *ten) == "10|1"  # %10 is the tenth argument, not %1 then "0"
    assert fill("%10|%1", "one") == "%10|one"  # no tenth argument: left as written


def test_fill_leaves_placeholders_without_arguments_and_lone_percent_signs() -> None:
    assert fill("%1 of %3", "a", "b") == "a of %3"
    assert fill("100% sure, %1%", "a") == "100% sure, a%"
    assert fill("%0 stays", "a") == "%0 stays"


def test_of_fills_the_message_and_keeps_template_and_data_as_text() -> None:
    error = ValidationError.of("check character is %1, expected %2", 5, "X", field="id_number")
    assert error.message == "check character is 5, expected X"
    assert error.template == "check character is %1, expected %2"
    assert error.args == ("5", "X")
    assert (error.field, error.record) == ("id_number", None)
    assert str(error) == "id_number: check character is 5, expected X"


def test_a_plain_error_has_no_template() -> None:
    error = ValidationError("is wrong")
    assert (error.template, error.args) == (None, ())


def test_located_keeps_template_and_data() -> None:
    error = ValidationError.of("%1 is not a date", "'x'", field="birth_date")
    moved = error.located(record="roster.xlsx")
    assert (moved.message, moved.template, moved.args) == (
        "'x' is not a date",
        "%1 is not a date",
        ("'x'",),
    )
    assert (moved.field, moved.record) == ("birth_date", "roster.xlsx")


@pytest.mark.parametrize(
    "clone",
    [copy.copy, copy.deepcopy, lambda e: pickle.loads(pickle.dumps(e))],
    ids=["copy", "deepcopy", "pickle"],
)
def test_copies_and_pickles_keep_template_and_data(
    clone: Callable[[ValidationError], ValidationError],
) -> None:
    error = ValidationError.of("%1 is before %2", "2010-01-01", 1990, field="f", record="r")
    again = clone(error)
    assert (again.message, again.field, again.record, again.template, again.args) == (
        "2010-01-01 is before 1990",
        "f",
        "r",
        "%1 is before %2",
        ("2010-01-01", "1990"),
    )


def test_problem_of_fills_its_reason_and_keeps_the_template() -> None:
    problem = Problem.of(12, "学籍号", "the same 学籍号 is on row %1", "9, 10")
    assert problem.reason == "the same 学籍号 is on row 9, 10"
    assert (problem.template, problem.args) == ("the same 学籍号 is on row %1", ("9, 10",))
    assert problem.to_json() == {"row": 12, "column": "学籍号", "reason": problem.reason}


def test_problem_of_error_copies_message_template_and_data() -> None:
    error = ValidationError.of("unknown gender %1", "'X'", field="gender")
    problem = Problem.of_error(8, "性别", error)
    assert (problem.row, problem.column, problem.reason) == (8, "性别", "unknown gender 'X'")
    assert (problem.template, problem.args) == ("unknown gender %1", ("'X'",))
    plain = Problem.of_error(8, None, ValidationError("no template"))
    assert (plain.reason, plain.template, plain.args) == ("no template", "", ())


def test_a_problem_built_the_old_way_still_works() -> None:
    problem = Problem(3, None, "a note")
    assert (problem.template, problem.args) == ("", ())


# -- the ID number's reasons with Excel's lost digits -------------------------------------------

EXCEL_HINT = (
    "; the number ends in 000, so Excel probably stored it as a number and lost its last"
    " digits: format the column as text (文本) and export again"
)


def test_every_id_reason_has_its_excel_variant_with_the_same_english() -> None:
    reasons = {BAD_REGION, NOT_A_REAL_DATE, BIRTH_TOO_EARLY, BIRTH_IN_FUTURE, WRONG_CHECK}
    assert set(_LOST_DIGITS_HINTS) == reasons
    for reason, hinted in _LOST_DIGITS_HINTS.items():
        assert hinted == reason + EXCEL_HINT


@pytest.mark.parametrize(
    ("number", "template"),
    [
        ("990101201001010000", BAD_REGION),  # region starting with 9
        ("110101201002300000", NOT_A_REAL_DATE),
        ("110101179901010000", BIRTH_TOO_EARLY),
        ("110101202701010000", BIRTH_IN_FUTURE),
    ],
)
def test_a_zeroed_id_keeps_its_data_in_the_excel_variant(number: str, template: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_id_cell(number, field="id_number", today=TODAY)
    error = caught.value
    assert error.template == _LOST_DIGITS_HINTS[template]
    assert error.message == fill(template, *error.args) + EXCEL_HINT
    assert error.field == "id_number"


def test_a_wrong_check_character_on_a_zeroed_id_names_both_characters() -> None:
    zeroed = make_id_number("110101", date(2012, 3, 5), 11)[:15] + "000"
    with pytest.raises(ValidationError) as caught:
        parse_id_cell(zeroed, field="id_number", today=TODAY)
    error = caught.value
    assert error.template == _LOST_DIGITS_HINTS[WRONG_CHECK]
    assert error.args[0] == "0" and len(error.args) == 2
    assert error.message.startswith(f"check character is 0, expected {error.args[1]};")
