"""Codes of screening flags (筛查提示) stored on a result, and how a person reads them.

A flag puts a student on the interview list or the retest list; it is never a diagnosis
(DOMAIN.md "Screening"). Codes are stored in the vault, so they never change once released.
"""

from __future__ import annotations

from collections.abc import Iterable

PHQ9_FLAG = "phq9_flag"  # PHQ-9 total at or above the policy threshold
ITEM9 = "item9"  # PHQ-9 item 9 (thoughts of self-harm) above 0: same-day risk assessment
GAD7_FLAG = "gad7_flag"
MHT_ATTENTION = "mht_attention"  # MHT content total at or above the attention threshold
MHT_SCALE_HIGH = "mht_scale_high"  # some MHT content scale at or above scale_high_at
MHT_INVALID = "mht_invalid"  # MHT lie score too high: the sheet is invalid, retest
SHEET_INCOMPLETE = "sheet_incomplete"  # a missing or unreadable answer: never scored, retest

LABELS_ZH = {
    PHQ9_FLAG: "PHQ-9 达到提示线",
    ITEM9: "PHQ-9 第9题自伤念头提示",
    GAD7_FLAG: "GAD-7 达到提示线",
    MHT_ATTENTION: "MHT 需特别关注",
    MHT_SCALE_HIGH: "MHT 单项量表偏高",
    MHT_INVALID: "MHT 效度不足，需重测",
    SHEET_INCOMPLETE: "答卷不完整，需重测",
}

# Flags that put a student on the interview list, most urgent first: the dashboard shows the
# first one a student has as the reason.
INTERVIEW_FLAGS = (ITEM9, PHQ9_FLAG, GAD7_FLAG, MHT_ATTENTION, MHT_SCALE_HIGH)
# Flags of a sheet that says nothing about the student (void or incomplete): the student sits the
# screening again instead of being interviewed on its strength. ITEM9 may accompany them and then
# still asks for the same-day assessment.
RETEST_FLAGS = (MHT_INVALID, SHEET_INCOMPLETE)
_ORDER = {code: index for index, code in enumerate(INTERVIEW_FLAGS + RETEST_FLAGS)}


def flag_label_zh(code: str) -> str:
    return LABELS_ZH.get(code, code)


def ordered_flags(codes: Iterable[str]) -> tuple[str, ...]:
    """Known codes without repeats, as INTERVIEW_FLAGS then RETEST_FLAGS list them.

    One order everywhere means a stored result compares equal however it was scored, and the
    first code is always the most urgent one. Unknown codes are a programming error.
    """
    found = set(codes)
    unknown = sorted(found - _ORDER.keys())
    if unknown:
        raise ValueError(f"unknown screening flag {unknown[0]!r}")
    return tuple(sorted(found, key=_ORDER.__getitem__))
