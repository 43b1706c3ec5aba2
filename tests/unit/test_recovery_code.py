"""Recovery codes: ≥128 bits, grouped, and every typo is caught and located."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.vault.errors import RecoveryCodeError
from counselroom.vault.recovery import (
    DATA_DIGITS,
    GROUPS,
    damm_digit,
    new_recovery_code,
    normalise_recovery_code,
)


def test_code_shape_and_entropy() -> None:
    code = new_recovery_code()
    assert re.fullmatch(r"(\d{6}-){7}\d{6}", code)
    assert GROUPS * DATA_DIGITS * math.log2(10) >= 128
    assert normalise_recovery_code(code) == code


def test_codes_are_random() -> None:
    assert len({new_recovery_code() for _ in range(50)}) == 50


def test_damm_known_value() -> None:
    # Worked example of the Damm algorithm: 572 → check digit 4, and 5724 checks to 0.
    assert damm_digit("572") == 4
    assert damm_digit("5724") == 0


def test_spaces_full_width_and_dashes_are_accepted() -> None:
    code = new_recovery_code()
    typed = code.replace("-", " ").translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert normalise_recovery_code(typed) == code


@given(st.integers(0, GROUPS * 6 - 1), st.integers(1, 9), st.data())
def test_any_single_wrong_digit_names_its_group(
    position: int, delta: int, data: st.DataObject
) -> None:
    code = new_recovery_code().replace("-", "")
    wrong = str((int(code[position]) + delta) % 10)
    typo = code[:position] + wrong + code[position + 1 :]
    with pytest.raises(RecoveryCodeError, match=f"group {position // 6 + 1} "):
        normalise_recovery_code(typo)


@given(st.integers(0, GROUPS - 1), st.integers(0, 4))
def test_adjacent_swap_within_a_group_is_caught(group: int, offset: int) -> None:
    code = new_recovery_code().replace("-", "")
    i = group * 6 + offset
    if code[i] == code[i + 1]:
        return  # swapping equal digits changes nothing
    swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
    with pytest.raises(RecoveryCodeError, match=f"group {group + 1} "):
        normalise_recovery_code(swapped)


def test_missing_digit_and_letters_are_refused() -> None:
    code = new_recovery_code()
    with pytest.raises(RecoveryCodeError, match="got 47"):
        normalise_recovery_code(code[:-1])
    with pytest.raises(RecoveryCodeError, match="only digits"):
        normalise_recovery_code("A" + code[1:])
