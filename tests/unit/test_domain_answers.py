"""Every form an answer cell takes is read exactly, and anything else is refused with its text."""

import pytest

from counselroom.domain.answers import parse_likert, parse_yes_no_answer
from counselroom.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("1", 1),
        ("2", 2),
        ("3", 3),
        ("3分", 3),
        ("0分", 0),
        ("3.0", 3),  # a number cell read as a float
        ("2.00", 2),
        ("３", 3),  # full-width digit from a Chinese input method
        ("２分", 2),
        ("３．０", 3),
        (" 2 ", 2),
        ("1\u3000", 1),
        ("\u00a01", 1),
        ("3 分", 3),
        ("完全不会", 0),
        ("没有", 0),
        ("好几天", 1),
        ("有几天", 1),
        ("一半以上的天数", 2),
        ("一半以上时间", 2),
        ("几乎每天", 3),
        ("几乎每一天", 3),
        (" 几乎每天 ", 3),
    ],
)
def test_likert_forms(text: str, expected: int) -> None:
    assert parse_likert(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_likert_empty_cell_is_missing(text: str) -> None:
    assert parse_likert(text) is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("很多", "is not an answer"),
        ("abc", "is not an answer"),
        ("3分钟", "is not an answer"),
        ("1,2", "is not an answer"),
        ("=A1", "is a formula"),
        ("=SUM(B2:B10)", "is a formula"),
        ("4", "is out of range"),
        ("4分", "is out of range"),
        ("-1", "is out of range"),
        ("2.5", "is not a whole number"),
        ("0.5分", "is not a whole number"),
    ],
)
def test_likert_refusals_quote_the_text(text: str, why: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_likert(text)
    assert caught.value.message == f"'{text}' {why}: an answer is 0-3"


def test_likert_maximum_is_used() -> None:
    assert parse_likert("4", maximum=4) == 4
    with pytest.raises(ValidationError, match="'5' is out of range: an answer is 0-4"):
        parse_likert("5", maximum=4)
    # An option label scoring above the instrument's maximum is no answer to it.
    with pytest.raises(ValidationError, match="an answer is 0-2"):
        parse_likert("几乎每天", maximum=2)


def test_likert_maximum_must_make_sense() -> None:
    with pytest.raises(ValueError, match="maximum"):
        parse_likert("1", maximum=0)


def test_long_text_is_quoted_shortened() -> None:
    text = "这位同学在这一题旁边写了很长的一段话而没有选择任何一个选项所以无法计分" * 3
    with pytest.raises(ValidationError) as caught:
        parse_likert(text)
    assert caught.value.message.startswith(f"'{text[:24]}…' is not an answer")
    assert text not in caught.value.message


@pytest.mark.parametrize(
    "text",
    ["是", "Y", "y", "yes", "YES", "Yes", "1", "１", "√", "✓", "✔", "对", "TRUE", " 是 "],
)
def test_yes_forms(text: str) -> None:
    assert parse_yes_no_answer(text) == 1


@pytest.mark.parametrize(
    "text", ["否", "N", "n", "no", "NO", "0", "０", "×", "✗", "✘", "错", "FALSE", "否\u3000"]
)
def test_no_forms(text: str) -> None:
    assert parse_yes_no_answer(text) == 0


@pytest.mark.parametrize("text", ["", "  "])
def test_yes_no_empty_cell_is_missing(text: str) -> None:
    assert parse_yes_no_answer(text) is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2", "is not an answer"),
        ("-1", "is not an answer"),
        ("0.5", "is not an answer"),
        ("是否", "is not an answer"),
        ("maybe", "is not an answer"),
        ("=B2", "is a formula"),
    ],
)
def test_yes_no_refusals_quote_the_text(text: str, why: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_yes_no_answer(text)
    assert caught.value.message == f"'{text}' {why}: an MHT answer is 是/否 (1/0)"
