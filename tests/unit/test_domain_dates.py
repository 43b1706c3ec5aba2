"""Chinese date format, completed-year age and roster date spellings."""

from datetime import date

import pytest

from counselroom.domain.dates import age_on, format_date_zh, parse_date
from counselroom.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 11, 22), "2026年11月22日"),
        (date(2027, 1, 5), "2027年1月5日"),  # no leading zeros
        (date(2026, 10, 1), "2026年10月1日"),
    ],
)
def test_format_date_zh(day: date, text: str) -> None:
    assert format_date_zh(day) == text


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(2012, 3, 5), date(2026, 3, 4), 13),  # day before the birthday
        (date(2012, 3, 5), date(2026, 3, 5), 14),  # on the birthday
        (date(2012, 3, 5), date(2026, 12, 31), 14),
        (date(2012, 3, 5), date(2012, 3, 5), 0),
        (date(2012, 2, 29), date(2027, 2, 28), 14),  # leap-day birthday counts from 1 March
        (date(2012, 2, 29), date(2027, 3, 1), 15),
        (date(2012, 2, 29), date(2028, 2, 29), 16),
    ],
)
def test_age_on(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_age_before_birth_refused() -> None:
    with pytest.raises(ValidationError, match="before birth date"):
        age_on(date(2012, 3, 5), date(2012, 3, 4))


@pytest.mark.parametrize(
    "text",
    [
        "2012-03-05",
        "2012-3-5",
        "2012/3/5",
        "2012.03.05",
        "20120305",
        "2012年3月5日",
        "２０１２年３月５日",
        " 2012-03-05 ",
    ],
)
def test_parse_roster_dates(text: str) -> None:
    assert parse_date(text) == date(2012, 3, 5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2012-02-30", "is not a real date"),
        ("20121301", "is not a real date"),
        ("05/03/2012", "is not a date like 2012-03-05"),
        ("2012", "is not a date like"),
        ("", "is not a date like"),
    ],
)
def test_parse_refuses_other_forms(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_date(text)
