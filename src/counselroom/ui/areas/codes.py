"""Shown names of the codes the work-area lists carry (referral states, task recipients, …).

Like `ui/labels.py`, translated at the moment of display with an explicit context, so lupdate
finds every string and one language switch covers them. An unknown code is shown as it is:
a list must never hide a row because a newer vault knows a state this window does not.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.domain.groups import CareGroup

translate = QCoreApplication.translate

# Instrument names are the published abbreviations, the same in every language.
_INSTRUMENTS = {"phq9": "PHQ-9", "gad7": "GAD-7", "mht": "MHT"}


def instrument_label(code: str) -> str:
    return _INSTRUMENTS.get(code, code)


def referral_state_label(code: str) -> str:
    names = {
        "proposed": translate("codes", "proposed"),
        "consent_pending": translate("codes", "awaiting guardian consent"),
        "consent_given": translate("codes", "consent given"),
        "consent_refused": translate("codes", "consent refused"),
        "sent": translate("codes", "referred"),
        "seen": translate("codes", "seen by the institution"),
        "feedback": translate("codes", "feedback received"),
        "closed": translate("codes", "closed"),
        "withdrawn": translate("codes", "withdrawn"),
    }
    return names.get(code, code)


def urgency_label(code: str) -> str:
    names = {
        "routine": translate("codes", "routine"),
        "urgent": translate("codes", "urgent"),
        "emergency": translate("codes", "emergency"),
    }
    return names.get(code, code)


def recipient_label(code: str) -> str:
    """Who a notification task must reach (a role, not a person)."""
    names = {
        "head_teacher": translate("codes", "head teacher"),
        "subject_teacher": translate("codes", "subject teachers"),
        "subject_teachers": translate("codes", "subject teachers"),
        "moral_education": translate("codes", "moral education office"),
        "safety_office": translate("codes", "safety office"),
        "vice_principal": translate("codes", "vice principal in charge"),
        "principal": translate("codes", "principal"),
        "guardian": translate("codes", "guardian"),
        "district": translate("codes", "district education bureau"),
        "counsellor": translate("codes", "counsellor (same-day risk assessment)"),
        "grade_leader": translate("codes", "grade leader"),
    }
    return names.get(code, code)


def interview_reason_label(code: str) -> str:
    """Why a student is on the interview list: a screening flag or a reported concern."""
    names = {
        "phq9_flag": translate("codes", "PHQ-9 above the cut-off"),
        "item9": translate("codes", "PHQ-9 item 9 answered (self-harm thoughts)"),
        "gad7_flag": translate("codes", "GAD-7 above the cut-off"),
        "mht_attention": translate("codes", "MHT total needs special attention"),
        "mht_invalid": translate("codes", "MHT sheet invalid (lie scale): retest"),
        "mht_scale_high": translate("codes", "an MHT scale is high"),
        "sheet_incomplete": translate("codes", "answer sheet incomplete: retest"),
        "concern": translate("codes", "reported concern"),
    }
    return names.get(code, code)


def screening_flags_text(codes: Sequence[str]) -> str:
    """A result's flags (筛查提示) in words, most urgent first as the service orders them."""
    return "；".join(interview_reason_label(code) for code in codes)


def mht_scale_label(code: str) -> str:
    """The eight MHT content scales and the lie scale (codes of domain.scoring.MHT_SCALES)."""
    names = {
        "learning": translate("codes", "learning anxiety"),
        "social": translate("codes", "social anxiety"),
        "lonely": translate("codes", "loneliness"),
        "self_blame": translate("codes", "self-blame"),
        "sensitive": translate("codes", "oversensitivity"),
        "somatic": translate("codes", "physical symptoms"),
        "phobic": translate("codes", "phobic tendency"),
        "impulsive": translate("codes", "impulsive tendency"),
        "lie": translate("codes", "lie scale"),
    }
    return names.get(code, code)


def severity_label(code: str | None) -> str:
    """A PHQ-9 / GAD-7 severity band (domain.cutoffs.Severity); MHT has none."""
    if not code:
        return ""
    names = {
        "none": translate("codes", "none"),
        "minimal": translate("codes", "minimal"),
        "mild": translate("codes", "mild"),
        "moderate": translate("codes", "moderate"),
        "moderately_severe": translate("codes", "moderately severe"),
        "severe": translate("codes", "severe"),
    }
    return names.get(code, code)


def screening_line_label(code: str) -> str:
    """What an import did with one row of a screening file (ScreeningLine.status)."""
    names = {
        "scored": translate("codes", "scored"),
        "invalid": translate("codes", "stored, sheet not valid"),
        "unmatched": translate("codes", "no matching student"),
        "skipped": translate("codes", "skipped"),
    }
    return names.get(code, code)


def care_group_label(code: str) -> str:
    """The groups of `domain.groups.CareGroup`; a code the domain does not know stays as is."""
    names = {
        CareGroup.LEFT_BEHIND: translate("codes", "left-behind children"),
        CareGroup.SINGLE_PARENT: translate("codes", "single-parent or bereaved"),
        CareGroup.DIVORCED: translate("codes", "divorced family"),
        CareGroup.MENTAL_DISORDER: translate("codes", "diagnosed mental disorder"),
        CareGroup.HARDSHIP: translate("codes", "children in hardship"),
        CareGroup.ORPHAN: translate("codes", "orphan"),
        CareGroup.MIGRANT: translate("codes", "migrant children"),
        CareGroup.DISABILITY: translate("codes", "disability"),
        CareGroup.POVERTY: translate("codes", "poverty or financial hardship"),
        CareGroup.INTERNET: translate("codes", "internet addiction"),
        CareGroup.BULLIED: translate("codes", "bullied at school"),
        CareGroup.DOMESTIC_VIOLENCE: translate("codes", "domestic violence"),
        CareGroup.FAMILY_CHANGE: translate("codes", "family upheaval"),
        CareGroup.EXAM_PRESSURE: translate("codes", "graduating-year exam pressure"),
    }
    try:
        return names[CareGroup(code)]
    except ValueError:
        return code


def care_group_order(code: str) -> int:
    """The domain's order (the order of the policy documents), unknown codes last."""
    members = list(CareGroup)
    try:
        return members.index(CareGroup(code))
    except ValueError:
        return len(members)
