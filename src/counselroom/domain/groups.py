"""Groups that get particular care (重点关爱群体), each with a stable ASCII code.

Codes are stored and exported in transfer archives, so they never change; labels are shown and
printed on ledgers (台账).
"""

from __future__ import annotations

from enum import StrEnum

from counselroom.domain.errors import ValidationError

_LABELS_ZH: dict[str, str] = {
    "left_behind": "留守儿童",
    "single_parent": "单亲/丧亲",
    "divorced": "离异家庭",
    "mental_disorder": "心理障碍",
    "hardship": "困境儿童",
    "orphan": "孤儿",
    "migrant": "流动/随迁子女",
    "disability": "残疾",
    "poverty": "贫困/经济困难",
    "internet": "沉迷网络",
    "bullied": "遭遇校园欺凌",
    "domestic_violence": "遭遇家暴",
    "family_change": "家庭变故",
    "exam_pressure": "毕业年级升学压力",
}


class CareGroup(StrEnum):
    LEFT_BEHIND = "left_behind"
    SINGLE_PARENT = "single_parent"
    DIVORCED = "divorced"
    MENTAL_DISORDER = "mental_disorder"
    HARDSHIP = "hardship"
    ORPHAN = "orphan"
    MIGRANT = "migrant"
    DISABILITY = "disability"
    POVERTY = "poverty"
    INTERNET = "internet"
    BULLIED = "bullied"
    DOMESTIC_VIOLENCE = "domestic_violence"
    FAMILY_CHANGE = "family_change"
    EXAM_PRESSURE = "exam_pressure"

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self.value]

    @classmethod
    def from_text(cls, text: str) -> CareGroup:
        """Accept the code or the Chinese label, as a settings file or a user may give either."""
        value = text.strip()
        if value in _LABELS_ZH:
            return cls(value)
        for code, label in _LABELS_ZH.items():
            if value == label:
                return cls(code)
        raise ValidationError(f"unknown care group {text!r}", field="group")
