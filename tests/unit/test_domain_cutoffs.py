"""Instrument bands and flags, checked at every score (a popular PHQ-9 form gets them wrong)."""

import copy
from typing import Any

import pytest

from counselroom.domain.cutoffs import (
    Band,
    Gad7Cutoffs,
    MhtCutoffs,
    Phq9Cutoffs,
    ScreeningCutoffs,
    Severity,
)
from counselroom.domain.dictreader import DictReader
from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import Policy

S = Severity

# DOMAIN.md: 0-4 none, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe.
PHQ9_EXPECTED = [S.NONE] * 5 + [S.MILD] * 5 + [S.MODERATE] * 5 + [S.MODERATELY_SEVERE] * 5
PHQ9_EXPECTED += [S.SEVERE] * 8
# DOMAIN.md: bands 5/10/15 mild/moderate/severe over 0-21.
GAD7_EXPECTED = [S.NONE] * 5 + [S.MILD] * 5 + [S.MODERATE] * 5 + [S.SEVERE] * 7


def test_expected_tables_cover_the_ranges() -> None:
    assert len(PHQ9_EXPECTED) == 28 and len(GAD7_EXPECTED) == 22


@pytest.mark.parametrize("total", range(28))
def test_phq9_band_of_every_total(total: int) -> None:
    assert Phq9Cutoffs().severity(total) == PHQ9_EXPECTED[total]


@pytest.mark.parametrize("total", range(22))
def test_gad7_band_of_every_total(total: int) -> None:
    assert Gad7Cutoffs().severity(total) == GAD7_EXPECTED[total]


def test_phq9_flag_from_11() -> None:
    cut = Phq9Cutoffs()
    assert [t for t in range(28) if cut.is_flagged(t)] == list(range(11, 28))


def test_gad7_flag_from_10() -> None:
    cut = Gad7Cutoffs()
    assert [t for t in range(22) if cut.is_flagged(t)] == list(range(10, 22))


def test_phq9_item9_any_positive_answer_alerts() -> None:
    assert [Phq9Cutoffs().item9_alert(a) for a in range(4)] == [False, True, True, True]


def test_item9_threshold_cannot_disable_the_alert() -> None:
    assert Phq9Cutoffs(item9_alert_above=2).item9_alert(3)
    with pytest.raises(ValidationError, match="at most 2"):
        Phq9Cutoffs(item9_alert_above=3)


@pytest.mark.parametrize("total", [-1, 28])
def test_phq9_total_out_of_range_refused(total: int) -> None:
    with pytest.raises(ValidationError, match="phq9 total"):
        Phq9Cutoffs().severity(total)
    with pytest.raises(ValidationError):
        Phq9Cutoffs().is_flagged(total)


def test_gad7_total_out_of_range_refused() -> None:
    with pytest.raises(ValidationError, match="at most 21"):
        Gad7Cutoffs().severity(22)


def test_custom_flag_and_bands_are_used() -> None:
    cut = Phq9Cutoffs(flag_at=10, bands=(Band(0, S.NONE), Band(8, S.SEVERE)))
    assert (cut.is_flagged(9), cut.is_flagged(10)) == (False, True)
    assert (cut.severity(7), cut.severity(8)) == (S.NONE, S.SEVERE)


def test_mht_lie_scale_voids_sheet_from_7() -> None:
    assert [lie for lie in range(11) if MhtCutoffs().is_invalid(lie)] == [7, 8, 9, 10]


def test_mht_total_needs_attention_from_65() -> None:
    cut = MhtCutoffs()
    assert (cut.needs_attention(64), cut.needs_attention(65), cut.needs_attention(90)) == (
        False,
        True,
        True,
    )


def test_mht_scale_high_from_8() -> None:
    cut = MhtCutoffs()
    assert (cut.is_high(7), cut.is_high(8), cut.is_high(15)) == (False, True, True)


@pytest.mark.parametrize(
    ("call", "value"),
    [("is_invalid", 11), ("needs_attention", 91), ("is_high", 16), ("is_high", -1)],
)
def test_mht_scores_out_of_range_refused(call: str, value: int) -> None:
    with pytest.raises(ValidationError):
        getattr(MhtCutoffs(), call)(value)


def test_severity_labels() -> None:
    assert [s.label_zh for s in Severity] == ["无", "轻度", "中度", "中重度", "重度"]


# --- MHT item key ------------------------------------------------------------------------------


def test_mht_item_key_defaults_to_every_yes_scoring() -> None:
    assert MhtCutoffs().item_key == "1" * 100
    assert MhtCutoffs().to_dict()["item_key"] == "1" * 100


def test_edited_item_key_round_trips() -> None:
    key = "0" * 15 + "1" * 85
    cut = ScreeningCutoffs(mht=MhtCutoffs(item_key=key))
    again = ScreeningCutoffs.from_reader(DictReader(cut.to_dict(), "screening"))
    assert again.mht.item_key == key
    assert again == cut


def test_policy_saved_before_the_item_key_still_loads() -> None:
    data: dict[str, Any] = copy.deepcopy(Policy.default().to_dict())
    del data["screening"]["mht"]["item_key"]
    assert set(data["screening"]["mht"]) == {
        "lie_invalid_at",
        "total_attention_at",
        "scale_high_at",
    }
    assert Policy.from_dict(data) == Policy.default()


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("1" * 99, "must have one 0 or 1 for each of the 100 items (got 99)"),
        ("1" * 101, "must have one 0 or 1 for each of the 100 items (got 101)"),
        ("1111211111" + "1" * 90, "item 5 must be 1 (是 scores) or 0 (否 scores) (got '2')"),
        ("1" * 99 + "是", "item 100 must be 1 (是 scores) or 0 (否 scores) (got '是')"),
        (["1"] * 100, "must be text (got list)"),
        (None, "must be text (got NoneType)"),
    ],
)
def test_bad_item_key_is_refused_by_path(key: object, message: str) -> None:
    data: dict[str, Any] = copy.deepcopy(Policy.default().to_dict())
    data["screening"]["mht"]["item_key"] = key
    with pytest.raises(ValidationError) as caught:
        Policy.from_dict(data)
    assert (caught.value.field, caught.value.message) == ("screening.mht.item_key", message)


def test_bad_item_key_is_refused_in_code() -> None:
    with pytest.raises(ValidationError, match="got 3") as caught:
        MhtCutoffs(item_key="101")
    assert caught.value.field == "screening.mht.item_key"
