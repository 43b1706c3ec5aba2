"""Codes of screening flags (筛查提示) stored on a result, and how a person reads them.

A flag puts a student on the interview list; it is never a diagnosis (DOMAIN.md "Screening").
"""

from __future__ import annotations

PHQ9_FLAG = "phq9_flag"  # PHQ-9 total at or above the policy threshold
ITEM9 = "item9"  # PHQ-9 item 9 (thoughts of self-harm) above 0: same-day risk assessment
GAD7_FLAG = "gad7_flag"
MHT_ATTENTION = "mht_attention"  # MHT content total at or above the attention threshold
MHT_INVALID = "mht_invalid"  # MHT lie score too high: the sheet is invalid, retest

LABELS_ZH = {
    PHQ9_FLAG: "PHQ-9 达到提示线",
    ITEM9: "PHQ-9 第9题自伤念头提示",
    GAD7_FLAG: "GAD-7 达到提示线",
    MHT_ATTENTION: "MHT 需特别关注",
    MHT_INVALID: "MHT 效度不足，需重测",
}

# Flags that put a student on the interview list, most urgent first: the dashboard shows the
# first one a student has as the reason.
INTERVIEW_FLAGS = (ITEM9, PHQ9_FLAG, GAD7_FLAG, MHT_ATTENTION, MHT_INVALID)


def flag_label_zh(code: str) -> str:
    return LABELS_ZH.get(code, code)
