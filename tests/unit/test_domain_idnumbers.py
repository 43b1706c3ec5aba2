"""GB 11643-1999 ID numbers and 学籍号, with hand-computed check characters."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.errors import ValidationError
from counselroom.domain.idnumbers import (
    birth_date_from_id,
    canonical_id_number,
    canonical_student_no,
    gender_from_id,
    id_check_char,
    make_id_number,
    make_student_no,
    normalise_ascii,
    validate_id_number,
    validate_student_no,
)

# 11010519491231002X, by hand:
#   digits   1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
#   weights  7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
#   products 7  9  0  5  0 20  2  9 24 27  7 18 30  5  0  0  4   sum 167
#   167 mod 11 = 2 -> "10X98765432"[2] = "X"
BEIJING = "11010519491231002X"
# 440524188001010014, by hand:
#   digits   4  4  0  5  2  4  1  8  8  0  0  1  0  1  0  0  1
#   products 28 36 0 25 16 16  2  8 48  0  0  9  0  5  0  0  2   sum 195
#   195 mod 11 = 8 -> "10X98765432"[8] = "4"
SHANTOU = "440524188001010014"


def test_check_characters_computed_by_hand() -> None:
    assert id_check_char(BEIJING[:17]) == "X"
    assert id_check_char(SHANTOU[:17]) == "4"


def _iso7064_check(first17: str) -> str:
    """Independent oracle from the standard's definition (ISO 7064 MOD 11-2).

    Counting positions from the right with the check character at i = 1, weight Wi = 2^(i-1)
    mod 11, and the check value a1 makes the weighted sum of all 18 characters = 1 (mod 11);
    a value of 10 is written X.
    """
    total = sum(int(c) * pow(2, 17 - k, 11) for k, c in enumerate(first17))
    value = (1 - total) % 11
    return "X" if value == 10 else str(value)


@given(st.text("0123456789", min_size=17, max_size=17))
def test_check_char_agrees_with_the_standard_definition(first17: str) -> None:
    assert id_check_char(first17) == _iso7064_check(first17)


@pytest.mark.parametrize(
    ("first17", "check"),
    # A 1 in one position: the sum is that position's weight w, check = (1 - w) mod 11.
    [
        ("10000000000000000", "5"),  # w=7: 1-7 = -6 = 5
        ("01000000000000000", "3"),  # w=9: -8 = 3
        ("00100000000000000", "2"),  # w=10: -9 = 2
        ("00010000000000000", "7"),  # w=5: -4 = 7
        ("00001000000000000", "4"),  # w=8: -7 = 4
        ("00000100000000000", "8"),  # w=4: -3 = 8
        ("00000010000000000", "X"),  # w=2: -1 = 10 -> X
        ("00000001000000000", "0"),  # w=1: 0
        ("00000000100000000", "6"),  # w=6: -5 = 6
        ("00000000010000000", "9"),  # w=3: -2 = 9
        ("00000000000000000", "1"),  # sum 0: check 1
    ],
)
def test_each_weight_and_residue_by_hand(first17: str, check: str) -> None:
    assert id_check_char(first17) == check


@pytest.mark.parametrize("number", [BEIJING, SHANTOU])
def test_hand_checked_numbers_are_valid(number: str) -> None:
    validate_id_number(number)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("11010519491231002", "ID number must be 18 characters (got 17)"),
        ("11010519491231002X1", "ID number must be 18 characters (got 19)"),
        ("", "ID number must be 18 characters (got 0)"),
        # one digit changed: 0 -> 3 in position 18 is the check character itself
        ("110105194912310023", "check character is 3, expected X"),
        # position 17: 2 -> 3 adds weight 2: 169 mod 11 = 4 -> "8"
        ("11010519491231003X", "check character is X, expected 8"),
        # position 15: 0 -> 1 adds weight 8: 203 mod 11 = 5 -> "7"
        ("440524188001011014", "check character is 4, expected 7"),
        ("110105201502300021", "birth date 20150230 is not a real date"),
        ("110105201513010021", "birth date 20151301 is not a real date"),
        ("110105179912310021", "birth date 17991231 is before 1800"),
        ("000000201501010023", "region code 000000 is invalid"),
        ("910105201501010023", "region code 910105 is invalid"),
        ("010105201501010023", "region code 010105 is invalid"),
        ("1101051949123100A2", "character 17 must be a digit (got 'A')"),
        ("11010519491231002Y", "check character must be a digit or X (got 'Y')"),
    ],
)
def test_invalid_numbers_say_why(number: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number(number)
    assert caught.value.message == message


def test_normalisation_spaces_lower_x_and_full_width() -> None:
    for typed in (
        "11010519491231002x",
        " 110105 19491231 002X ",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
        "110105\u300019491231002X",
    ):
        validate_id_number(typed)
        assert canonical_id_number(typed) == BEIJING


def test_normalise_ascii_only_touches_full_width_forms() -> None:
    assert normalise_ascii("０９ＡＺａｚＧ－\u3000①㈠张") == "09AZazG- ①㈠张"


def test_future_birth_refused_only_when_asked() -> None:
    number = make_id_number("110105", date(2030, 1, 1), 1)
    validate_id_number(number)
    with pytest.raises(ValidationError, match="birth date 20300101 is in the future"):
        validate_id_number(number, on=date(2026, 11, 22))


def test_birth_date_and_gender() -> None:
    assert birth_date_from_id(BEIJING) == date(1949, 12, 31)
    assert gender_from_id(BEIJING) == "F"  # 17th digit 2: even
    assert birth_date_from_id(SHANTOU) == date(1880, 1, 1)
    assert gender_from_id(SHANTOU) == "M"  # 17th digit 1: odd


def test_birth_date_of_invalid_number_is_refused() -> None:
    with pytest.raises(ValidationError, match="expected X"):
        birth_date_from_id("110105194912310023")


def test_make_id_number_matches_hand_computed() -> None:
    assert make_id_number("110105", date(1949, 12, 31), 2) == BEIJING
    assert make_id_number("440524", date(1880, 1, 1), 1) == SHANTOU


@pytest.mark.parametrize(
    ("region", "birth", "seq", "match"),
    [
        ("000000", date(2012, 1, 1), 1, "region code 000000"),
        ("11010", date(2012, 1, 1), 1, "region code 11010 "),
        ("110105", date(2012, 1, 1), 1000, "sequence code must be 0-999"),
        ("110105", date(2012, 1, 1), -1, "sequence code"),
        ("110105", date(1799, 12, 31), 1, "before 1800"),
    ],
)
def test_make_id_number_refuses_bad_parts(region: str, birth: date, seq: int, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        make_id_number(region, birth, seq)


@pytest.mark.parametrize(
    "first17", ["1101051949123100", "1101051949123100A", "１１０１０５１９４９１２３１００２"]
)
def test_check_char_needs_17_ascii_digits(first17: str) -> None:
    with pytest.raises(ValidationError, match="need 17 digits"):
        id_check_char(first17)


regions = st.tuples(st.integers(1, 8), st.integers(0, 99999)).map(lambda p: f"{p[0]}{p[1]:05d}")
births = st.dates(min_value=date(1800, 1, 1), max_value=date(9999, 12, 31))
sequences = st.integers(0, 999)


@given(regions, births, sequences)
def test_made_numbers_always_validate_and_decode(region: str, birth: date, seq: int) -> None:
    number = make_id_number(region, birth, seq)
    validate_id_number(number)
    assert birth_date_from_id(number) == birth
    assert gender_from_id(number) == ("M" if seq % 2 else "F")
    assert number[:6] == region


@given(regions, births, sequences, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_is_detected(
    region: str, birth: date, seq: int, position: int, delta: int
) -> None:
    number = make_id_number(region, birth, seq)
    digit = (int(number[position]) + delta) % 10
    changed = number[:position] + str(digit) + number[position + 1 :]
    # The MOD 11-2 property itself: the changed 17 digits have another check character...
    assert id_check_char(changed[:17]) != number[17]
    # ...so validation refuses the number, for that reason or an earlier one.
    with pytest.raises(ValidationError):
        validate_id_number(changed)


@given(regions, births, sequences, st.integers(0, 15))
def test_adjacent_transposition_is_detected(
    region: str, birth: date, seq: int, position: int
) -> None:
    number = make_id_number(region, birth, seq)
    a, b = number[position], number[position + 1]
    if a == b:
        return
    swapped = number[:position] + b + a + number[position + 2 :]
    assert id_check_char(swapped[:17]) != number[17]


# --- 学籍号 -----------------------------------------------------------------------------------


def test_student_number_is_g_and_id() -> None:
    assert make_student_no(BEIJING) == "G" + BEIJING
    assert make_student_no("１１０１０５１９４９１２３１００２ｘ") == "G" + BEIJING
    validate_student_no("G" + BEIJING)
    assert canonical_student_no(" g11010519491231002x ") == "G" + BEIJING
    assert canonical_student_no("Ｇ" + BEIJING) == "G" + BEIJING


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (BEIJING, "student number must start with G (got '1')"),
        ("L" + BEIJING, "student number must start with G (got 'L')"),
        (
            "G" + BEIJING[:17],
            "student number must be 19 characters, G and an 18-character ID number (got 18)",
        ),
        ("G110105194912310023", "check character is 3, expected X"),
    ],
)
def test_invalid_student_numbers_say_why(number: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_student_no(number)
    assert caught.value.message == message


def test_make_student_no_refuses_invalid_id() -> None:
    with pytest.raises(ValidationError, match="expected X"):
        make_student_no("110105194912310023")
