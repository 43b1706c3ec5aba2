"""Risk tiers (分类分层) and the people a tier change must reach.

Codes are stored in the vault and in transfer archives, so the integer values of :class:`Tier`
and the string values of :class:`RecipientRole` are a stable format: never renumber or rename
them, only add.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import NamedTuple

from counselroom.domain.errors import ValidationError


class _TierInfo(NamedTuple):
    label_zh: str
    label_en: str
    colour: str
    colour_hex: str


# Material-palette shades dark enough for white text and distinct in print and on screen.
_TIER_INFO: dict[int, _TierInfo] = {
    0: _TierInfo("无/观察", "none (observe)", "green", "#2E7D32"),
    1: _TierInfo("一般心理问题", "general psychological problem", "yellow", "#F9A825"),
    2: _TierInfo("严重心理问题", "serious psychological problem", "orange", "#EF6C00"),
    3: _TierInfo("重大心理危机", "major psychological crisis", "red", "#C62828"),
}


class Tier(IntEnum):
    """The four tiers of seed 003 (二)6; higher means more people told, sooner."""

    NONE = 0
    GENERAL = 1
    SERIOUS = 2
    CRISIS = 3

    @classmethod
    def from_code(cls, code: object) -> Tier:
        """Turn a stored code into a tier, raising ValidationError rather than ValueError."""
        if isinstance(code, bool) or not isinstance(code, int) or code not in _TIER_INFO:
            raise ValidationError(f"tier {code!r} is outside 0-3", field="tier")
        return cls(code)

    @property
    def label_zh(self) -> str:
        return _TIER_INFO[self.value].label_zh

    @property
    def label_en(self) -> str:
        return _TIER_INFO[self.value].label_en

    @property
    def colour(self) -> str:
        """Colour name as the policy documents say it (green/yellow/orange/red)."""
        return _TIER_INFO[self.value].colour

    @property
    def colour_hex(self) -> str:
        return _TIER_INFO[self.value].colour_hex


_ROLE_ZH: dict[str, str] = {
    "head_teacher": "班主任",
    "subject_teachers": "科任教师",
    "moral_education": "德育处",
    "safety_office": "安全管理办公室",
    "vice_principal": "分管校长",
    "principal": "校长",
    "guardian": "家长",
    "district": "区县教育部门",
}


class RecipientRole(StrEnum):
    """Who receives a tier notification; a role, not a person, so policy outlives staff changes."""

    HEAD_TEACHER = "head_teacher"
    SUBJECT_TEACHERS = "subject_teachers"
    MORAL_EDUCATION = "moral_education"
    SAFETY_OFFICE = "safety_office"
    VICE_PRINCIPAL = "vice_principal"
    PRINCIPAL = "principal"
    GUARDIAN = "guardian"
    DISTRICT = "district"

    @classmethod
    def from_code(cls, code: object) -> RecipientRole:
        """Turn a stored code into a role, raising ValidationError rather than ValueError."""
        if not isinstance(code, str) or code not in _ROLE_ZH:
            raise ValidationError(f"unknown recipient role {code!r}", field="role")
        return cls(code)

    @property
    def label_zh(self) -> str:
        return _ROLE_ZH[self.value]

    @property
    def is_internal(self) -> bool:
        """True for school staff: tier-3 policy tells them "immediately", outsiders within a day."""
        return self not in (RecipientRole.GUARDIAN, RecipientRole.DISTRICT)
