"""Roster cells: dates, gender, yes/no, ID numbers and 学籍号 as spreadsheets deliver them."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.cells import (
    parse_date_cell,
    parse_gender_cell,
    parse_yes_no_cell,
    quote_cell,
)
from counselroom.domain.errors import ValidationError
from counselroom.domain.id_cells import parse_id_cell, parse_student_no_cell
from counselroom.domain.idnumbers import id_check_char, make_id_number

TODAY = date(2026, 10, 1)
BEIJING = "11010519491231002X"  # hand-checked in test_domain_idnumbers.py
PUPIL = make_id_number("500103", date(2012, 3, 5), 21)


@pytest.mark.parametrize(
    "text",
    [
        "2010-03-05",
        "2010/3/5",
        "2010.3.5",
        "20100305",
        "2010年3月5日",
        "2010年03月05号",
        "2010年3月5",
        "2010-03-05 00:00",
        "2010-03-05 00:00:00",
        "2010/3/5 0:00",
        "2010-03-05T00:00:00",
        "２０１０－０３－０５",
        " 2010 年 3 月 5 日 ",
        "2010-3-05",
    ],
)
def test_full_dates(text: str) -> None:
    assert parse_date_cell(text, field="birth_date") == date(2010, 3, 5)


@pytest.mark.parametrize(
    "text", ["2010-03", "2010.03", "2010/3", "2010年3月", "2010年03月", "201003", "２０１０．３"]
)
def test_year_and_month_give_the_first_of_the_month(text: str) -> None:
    assert parse_date_cell(text, field="birth_date") == date(2010, 3, 1)


def test_year_dot_1_could_be_january_or_october() -> None:
    with pytest.raises(ValidationError, match="January or October") as caught:
        parse_date_cell("2010.1", field="birth_date")
    assert caught.value.field == "birth_date"
    assert parse_date_cell("2010.01", field="birth_date") == date(2010, 1, 1)
    assert parse_date_cell("2010-1", field="birth_date") == date(2010, 1, 1)
    assert parse_date_cell("2010.11", field="birth_date") == date(2010, 11, 1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("40241", date(2010, 3, 4)),  # 40179 is 2010-01-01; +31 +28 +3
        ("36526", date(2000, 1, 1)),
        ("30000", date(1982, 2, 18)),
        ("60000", date(2064, 4, 8)),
    ],
)
def test_excel_serial_numbers_in_range(text: str, day: date) -> None:
    assert parse_date_cell(text, field="birth_date") == day


@pytest.mark.parametrize("text", ["29999", "60001", "10000", "99999"])
def test_excel_serial_numbers_out_of_range_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="30000-60000") as caught:
        parse_date_cell(text, field="birth_date")
    assert f"'{text}'" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "2010-02-30",
        "2011-02-29",
        "2010-13-01",
        "2010-00-10",
        "20100230",
        "2010年4月31日",
        "2010-13",
        "201000",
    ],
)
def test_impossible_dates_are_refused_naming_the_text(text: str) -> None:
    with pytest.raises(ValidationError, match="not a real date") as caught:
        parse_date_cell(text, field="enrolled_on")
    assert f"'{text}'" in caught.value.message
    assert caught.value.field == "enrolled_on"


def test_leap_day_is_accepted() -> None:
    assert parse_date_cell("2012-02-29", field="birth_date") == date(2012, 2, 29)


@pytest.mark.parametrize(
    "text", ["10-3-5", "10/03/05", "10.3.5", "10年3月5日", "10年3月", "100305"]
)
def test_two_digit_years_are_refused_as_ambiguous(text: str) -> None:
    with pytest.raises(ValidationError, match="two-digit year") as caught:
        parse_date_cell(text, field="birth_date")
    assert "2010-03-05" in caught.value.message  # says what to write


@pytest.mark.parametrize("text", ["3/5/2010", "05-03-2010", "5.3.2010"])
def test_year_last_is_refused_as_ambiguous(text: str) -> None:
    with pytest.raises(ValidationError, match="year first"):
        parse_date_cell(text, field="birth_date")


@pytest.mark.parametrize("text", ["0210-03-05", "1899-12-31", "1800年1月"])
def test_years_before_1900_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="before 1900"):
        parse_date_cell(text, field="birth_date")


def test_future_dates_are_left_to_the_caller() -> None:
    assert parse_date_cell("2090-01-01", field="birth_date") == date(2090, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "2010-03-05 25:00",
        "2010-03-05 12:60",
        "2010--03-05",
        "3月5日",
        "2010",
        "2010-03-05x",
        "00:00",
    ],
)
def test_unreadable_dates_quote_the_text_and_the_accepted_forms(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date_cell(text, field="birth_date")
    message = caught.value.message
    assert f"'{text}'" in message
    assert "2010-03-05" in message and "2010年3月5日" in message
    assert caught.value.field == "birth_date"
    assert str(caught.value).startswith("birth_date: ")


def test_empty_date_says_it_is_empty() -> None:
    with pytest.raises(ValidationError, match="empty"):
        parse_date_cell("  ", field="birth_date")


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.integers(0, 4))
def test_any_date_reads_back_in_every_form(day: date, form: int) -> None:
    text = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day:%Y%m%d}",
        f"{day.isoformat()} 00:00",
    ][form]
    assert parse_date_cell(text, field="birth_date") == day


@given(st.integers(30_000, 60_000))
def test_serial_numbers_count_days_from_1899_12_30(serial: int) -> None:
    day = parse_date_cell(str(serial), field="birth_date")
    assert (day - date(1899, 12, 30)) == timedelta(days=serial)


@given(st.one_of(st.text(), st.text("0123456789-/.年月日号 :T０", max_size=20)))
def test_any_text_gives_a_date_or_a_validation_error(text: str) -> None:
    try:
        parse_date_cell(text, field="birth_date")
    except ValidationError as error:
        assert error.field == "birth_date"


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("男", "M"),
        ("男性", "M"),
        ("M", "M"),
        ("m", "M"),
        ("male", "M"),
        ("Male", "M"),
        ("1", "M"),
        ("１", "M"),
        (" 男 ", "M"),
        ("女", "F"),
        ("女性", "F"),
        ("F", "F"),
        ("f", "F"),
        ("female", "F"),
        ("FEMALE", "F"),
        ("2", "F"),
        ("", "U"),
        ("  ", "U"),
        ("未知", "U"),
        ("0", "U"),
        ("9", "U"),
        ("未说明的性别", "U"),
    ],
)
def test_gender_values(text: str, gender: str) -> None:
    assert parse_gender_cell(text) == gender


@pytest.mark.parametrize("text", ["3", "男女", "boy", "x", "公"])
def test_unknown_gender_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="unknown gender") as caught:
        parse_gender_cell(text)
    assert caught.value.field == "gender"
    assert f"'{text}'" in caught.value.message


@pytest.mark.parametrize(
    "text",
    ["是", "Y", "y", "yes", "YES", "1", "√", "✓", "✔", "对", "有", "TRUE", "true", "Ｙ", " 是 "],
)
def test_yes_values(text: str) -> None:
    assert parse_yes_no_cell(text, field="left_behind") is True


@pytest.mark.parametrize(
    "text",
    ["否", "N", "n", "no", "No", "0", "×", "✗", "✘", "错", "无", "没有", "FALSE", "false", "０"],
)
def test_no_values(text: str) -> None:
    assert parse_yes_no_cell(text, field="left_behind") is False


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty_yes_no_is_unknown(text: str) -> None:
    assert parse_yes_no_cell(text, field="left_behind") is None


@pytest.mark.parametrize("text", ["2", "也许", "是否", "x", "yes!"])
def test_other_yes_no_values_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="not a yes/no answer") as caught:
        parse_yes_no_cell(text, field="orphan")
    assert caught.value.field == "orphan"
    assert f"'{text}'" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        BEIJING,
        BEIJING.lower(),
        " 110105 19491231 002x ",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
    ],
)
def test_id_numbers_are_normalised(text: str) -> None:
    assert parse_id_cell(text, field="id_number", today=TODAY) == BEIJING


@pytest.mark.parametrize(
    "text",
    ["1.10101200001011e+17", "1.10101E+17", "5.00103E+17", "1.1E17", "１．１０１０１Ｅ＋１７"],
)
def test_ids_mangled_into_excel_numbers_say_so(text: str) -> None:
    for parse, field in ((parse_id_cell, "id_number"), (parse_student_no_cell, "student_no")):
        with pytest.raises(ValidationError, match="format the column as text") as caught:
            parse(text, field=field, today=TODAY)
        assert "lost its last digits" in caught.value.message
        assert caught.value.field == field


def test_id_with_last_digits_zeroed_by_excel_gets_the_hint() -> None:
    zeroed = PUPIL[:15] + "000"
    assert id_check_char(zeroed[:17]) != "0"  # the premise: this number is invalid
    with pytest.raises(ValidationError) as caught:
        parse_id_cell(zeroed, field="id_number", today=TODAY)
    message = caught.value.message
    assert message.startswith("check character is 0, expected ")
    assert "format the column as text" in message


def test_a_valid_id_ending_in_000_is_accepted() -> None:
    first15 = PUPIL[:15]
    # find the sequence digits that make "…00" + check character "0" valid
    seq = next(d for d in "0123456789" if id_check_char(first15[:14] + d + "00") == "0")
    number = first15[:14] + seq + "000"
    assert parse_id_cell(number, field="id_number", today=TODAY) == number


def test_id_errors_keep_the_check_message_and_gain_the_field() -> None:
    wrong = BEIJING[:17] + "5"
    with pytest.raises(ValidationError) as caught:
        parse_id_cell(wrong, field="id_number", today=TODAY)
    assert caught.value.message == "check character is 5, expected X"
    assert caught.value.field == "id_number"
    assert "Excel" not in caught.value.message


def test_id_with_a_birth_after_today_is_refused() -> None:
    future = make_id_number("110105", date(2027, 1, 1), 11)
    with pytest.raises(ValidationError, match="in the future"):
        parse_id_cell(future, field="id_number", today=TODAY)
    assert parse_id_cell(future, field="id_number", today=date(2027, 1, 1)) == future


@pytest.mark.parametrize(
    "text", ["G" + BEIJING, "g" + BEIJING.lower(), "Ｇ" + BEIJING, " G 110105 19491231002X"]
)
def test_student_numbers_are_normalised(text: str) -> None:
    assert parse_student_no_cell(text, field="student_no", today=TODAY) == "G" + BEIJING


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BEIJING, "must start with G"),
        ("G" + BEIJING[:17], "must be 19 characters"),
        ("G" + BEIJING[:17] + "1", "check character is 1, expected X"),
    ],
)
def test_student_number_errors_keep_their_message(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        parse_student_no_cell(text, field="student_no", today=TODAY)
    assert caught.value.field == "student_no"


@given(st.text())
def test_id_parsers_raise_only_validation_errors(text: str) -> None:
    for parse in (parse_id_cell, parse_student_no_cell):
        try:
            parse(text, field="id_number", today=TODAY)
        except ValidationError as error:
            assert error.field == "id_number"


def test_quote_cell_keeps_messages_on_one_short_line() -> None:
    assert quote_cell(" 初二\n(3)班 ") == "'初二 (3)班'"
    long = quote_cell("字" * 100)
    assert len(long) == 42 and long.endswith("…'")
