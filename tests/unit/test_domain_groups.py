"""Care-group codes are a stored format; labels follow DOMAIN.md."""

import pytest

from counselroom.domain.errors import ValidationError
from counselroom.domain.groups import CareGroup

EXPECTED = {
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


def test_codes_and_labels() -> None:
    assert {g.value: g.label_zh for g in CareGroup} == EXPECTED


def test_codes_are_ascii_identifiers() -> None:
    assert all(g.value.isascii() and g.value.isidentifier() for g in CareGroup)


@pytest.mark.parametrize(
    ("text", "group"),
    [(c, CareGroup(c)) for c in EXPECTED]
    + [(label, CareGroup(code)) for code, label in EXPECTED.items()],
)
def test_from_text_accepts_code_or_label(text: str, group: CareGroup) -> None:
    assert CareGroup.from_text(text) is group


def test_from_text_refuses_unknown() -> None:
    with pytest.raises(ValidationError, match="unknown care group '单亲'"):
        CareGroup.from_text("单亲")
