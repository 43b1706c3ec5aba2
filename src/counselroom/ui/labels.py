"""Shown names of stored codes (tiers, statuses, roles), translated at the moment of display.

The domain keeps Chinese and English labels for documents; the window goes through Qt's
translator instead so the language switch is one mechanism for every string on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counselroom.domain.tiers import Tier
from counselroom.services.roles import Role

# lupdate finds `translate("labels", "…")` calls; a helper taking a variable would hide them.
translate = QCoreApplication.translate


def tier_short(tier: int) -> str:
    """Number plus one word ("2 serious"): the number survives colour blindness and printing."""
    words = {
        Tier.NONE: translate("labels", "none"),
        Tier.GENERAL: translate("labels", "general"),
        Tier.SERIOUS: translate("labels", "serious"),
        Tier.CRISIS: translate("labels", "crisis"),
    }
    return f"{tier} {words[Tier.from_code(tier)]}"


def tier_full(tier: int) -> str:
    names = {
        Tier.NONE: translate("labels", "none (observe)"),
        Tier.GENERAL: translate("labels", "general psychological problem"),
        Tier.SERIOUS: translate("labels", "serious psychological problem"),
        Tier.CRISIS: translate("labels", "major psychological crisis"),
    }
    return names[Tier.from_code(tier)]


def status_label(status: str) -> str:
    names = {
        "enrolled": translate("labels", "enrolled"),
        "on_leave": translate("labels", "on leave"),
        "transferred": translate("labels", "transferred out"),
        "graduated": translate("labels", "graduated"),
    }
    return names.get(status, status)


def role_label(role: Role) -> str:
    names = {
        Role.ADMIN: translate("labels", "administrator"),
        Role.COUNSELLOR: translate("labels", "counsellor"),
        Role.VIEWER: translate("labels", "viewer"),
    }
    return names[role]
