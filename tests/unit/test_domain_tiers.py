"""Tier codes, names, colours and recipient roles are a stored format: pin every value."""

import pytest

from counselroom.domain.errors import ValidationError
from counselroom.domain.tiers import RecipientRole, Tier


def test_tier_codes() -> None:
    assert [int(t) for t in Tier] == [0, 1, 2, 3]
    assert [t.name for t in Tier] == ["NONE", "GENERAL", "SERIOUS", "CRISIS"]


def test_tier_labels_and_colours() -> None:
    assert [t.label_zh for t in Tier] == ["无/观察", "一般心理问题", "严重心理问题", "重大心理危机"]
    assert [t.colour for t in Tier] == ["green", "yellow", "orange", "red"]
    assert all(t.label_en for t in Tier)
    assert len({t.colour_hex for t in Tier}) == 4
    assert all(len(t.colour_hex) == 7 and t.colour_hex.startswith("#") for t in Tier)
    int(Tier.CRISIS.colour_hex[1:], 16)  # valid hex


def test_tiers_order_by_severity() -> None:
    assert Tier.NONE < Tier.GENERAL < Tier.SERIOUS < Tier.CRISIS


@pytest.mark.parametrize("code", [0, 1, 2, 3])
def test_from_code_accepts_0_to_3(code: int) -> None:
    assert Tier.from_code(code) == code


@pytest.mark.parametrize("code", [-1, 4, "2", True, None, 2.0])
def test_from_code_refuses_others(code: object) -> None:
    with pytest.raises(ValidationError, match="outside 0-3"):
        Tier.from_code(code)


def test_role_codes_and_labels() -> None:
    assert {r.value: r.label_zh for r in RecipientRole} == {
        "head_teacher": "班主任",
        "subject_teachers": "科任教师",
        "moral_education": "德育处",
        "safety_office": "安全管理办公室",
        "vice_principal": "分管校长",
        "principal": "校长",
        "guardian": "家长",
        "district": "区县教育部门",
    }


def test_only_guardian_and_district_are_external() -> None:
    external = {r for r in RecipientRole if not r.is_internal}
    assert external == {RecipientRole.GUARDIAN, RecipientRole.DISTRICT}


def test_role_from_code() -> None:
    assert RecipientRole.from_code("principal") is RecipientRole.PRINCIPAL
    with pytest.raises(ValidationError, match="unknown recipient role 'dean'"):
        RecipientRole.from_code("dean")
