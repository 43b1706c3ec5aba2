"""Recovery codes: 8 groups of 6 digits, the last digit of each group a Damm check digit.

Digits only, because a counsellor types the code from a printed sheet and digits are the same
on every Chinese keyboard layout and in every font. 8 × 5 random digits carry 132.9 bits
(≥ 128). The Damm check digit catches every single wrong digit and every swap of two adjacent
digits within a group, so a typo is reported with the group it is in before any slow key
derivation runs.
"""

from __future__ import annotations

import secrets

from counselroom.vault.errors import RecoveryCodeError

GROUPS = 8
DATA_DIGITS = 5
GROUP_DIGITS = DATA_DIGITS + 1

# The Damm quasigroup of order 10 (weakly totally anti-symmetric).
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def damm_digit(digits: str) -> int:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


def new_recovery_code() -> str:
    number = secrets.randbelow(10 ** (GROUPS * DATA_DIGITS))
    data = f"{number:0{GROUPS * DATA_DIGITS}d}"
    groups = []
    for i in range(GROUPS):
        chunk = data[i * DATA_DIGITS : (i + 1) * DATA_DIGITS]
        groups.append(chunk + str(damm_digit(chunk)))
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """Return the canonical `dddddd-…` form, or raise naming the first bad group."""
    digits = []
    for ch in text.translate(_FULL_WIDTH):
        if ch.isdigit() and ch.isascii():
            digits.append(ch)
        elif ch in " -\t\n\r—－":
            continue
        else:
            raise RecoveryCodeError(f"recovery code contains {ch!r}: only digits are used")
    expected = GROUPS * GROUP_DIGITS
    if len(digits) != expected:
        raise RecoveryCodeError(
            f"recovery code must have {GROUPS} groups of {GROUP_DIGITS} digits "
            f"({expected} digits), got {len(digits)}"
        )
    joined = "".join(digits)
    groups = [joined[i * GROUP_DIGITS : (i + 1) * GROUP_DIGITS] for i in range(GROUPS)]
    for number, group in enumerate(groups, start=1):
        if damm_digit(group) != 0:
            raise RecoveryCodeError(f"recovery code group {number} ({group}) has a typo")
    return "-".join(groups)
