"""Scoring against hand-computed sheets: every total, band and flag below was worked out by hand
from DOMAIN.md "Screening" and is written out literally, never computed by the code under test."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.cutoffs import Gad7Cutoffs, MhtCutoffs, Phq9Cutoffs, ScreeningCutoffs
from counselroom.domain.errors import ValidationError
from counselroom.domain.scoring import (
    ITEM_COUNTS,
    MHT_LIE_ITEMS,
    MHT_SCALES,
    SheetScore,
    score_gad7,
    score_mht_answers,
    score_mht_scales,
    score_phq9,
    score_sheet,
)
from counselroom.domain.screening_flags import (
    GAD7_FLAG,
    INTERVIEW_FLAGS,
    ITEM9,
    LABELS_ZH,
    MHT_ATTENTION,
    MHT_INVALID,
    MHT_SCALE_HIGH,
    PHQ9_FLAG,
    RETEST_FLAGS,
    SHEET_INCOMPLETE,
    ordered_flags,
)

PHQ9 = Phq9Cutoffs()
GAD7 = Gad7Cutoffs()
MHT = MhtCutoffs()

# DOMAIN.md bands, one entry per total (the same tables as test_domain_cutoffs).
PHQ9_BANDS = ["none"] * 5 + ["mild"] * 5 + ["moderate"] * 5 + ["moderately_severe"] * 5
PHQ9_BANDS += ["severe"] * 8
GAD7_BANDS = ["none"] * 5 + ["mild"] * 5 + ["moderate"] * 5 + ["severe"] * 7

# --- PHQ-9 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "total", "band", "flags"),
    [
        ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "none", ()),
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild", ()),
        ([2, 2, 2, 1, 1, 1, 0, 0, 0], 9, "mild", ()),
        ([2, 2, 2, 1, 1, 1, 1, 0, 0], 10, "moderate", ()),  # moderate, but the flag is at 11
        ([2, 2, 2, 2, 1, 1, 1, 0, 0], 11, "moderate", (PHQ9_FLAG,)),
        ([2, 2, 2, 2, 2, 2, 1, 1, 0], 14, "moderate", (PHQ9_FLAG,)),
        ([2, 2, 2, 2, 2, 2, 2, 1, 0], 15, "moderately_severe", (PHQ9_FLAG,)),
        ([3, 3, 3, 2, 2, 2, 2, 2, 0], 19, "moderately_severe", (PHQ9_FLAG,)),
        ([3, 3, 3, 3, 2, 2, 2, 2, 0], 20, "severe", (PHQ9_FLAG,)),
        ([3, 3, 3, 3, 3, 3, 3, 3, 3], 27, "severe", (ITEM9, PHQ9_FLAG)),
    ],
)
def test_phq9_band_boundaries(
    answers: list[int], total: int, band: str, flags: tuple[str, ...]
) -> None:
    score = score_phq9(answers, PHQ9)
    assert (score.total, score.band, score.flags) == (total, band, flags)
    assert (score.complete, score.valid, score.missing) == (True, True, ())
    assert score.answers == tuple(answers)
    assert (score.scales, score.lie) == (None, None)


@pytest.mark.parametrize(
    ("answers", "total", "flags"),
    [
        ([1, 0, 0, 0, 0, 0, 0, 0, 0], 1, ()),
        ([0, 0, 0, 0, 0, 0, 0, 0, 1], 1, (ITEM9,)),  # low total: item 9 alerts all the same
        ([0, 0, 0, 0, 0, 0, 0, 0, 3], 3, (ITEM9,)),
        ([3, 3, 3, 2, 2, 2, 2, 2, 1], 20, (ITEM9, PHQ9_FLAG)),
        ([3, 3, 2, 2, 2, 2, 2, 0, 3], 19, (ITEM9, PHQ9_FLAG)),
        ([3, 3, 3, 3, 3, 3, 2, 2, 0], 22, (PHQ9_FLAG,)),  # item 9 = 0 clears nothing
    ],
)
def test_phq9_item9(answers: list[int], total: int, flags: tuple[str, ...]) -> None:
    score = score_phq9(answers, PHQ9)
    assert (score.total, score.item9, score.flags) == (total, answers[8], flags)


def test_phq9_one_missing_item_is_not_scored() -> None:
    score = score_phq9([1, 1, None, 1, 1, 1, 1, 1, 0], PHQ9)
    assert score == SheetScore(
        instrument="phq9",
        complete=False,
        valid=False,
        total=None,
        band=None,
        item9=0,
        scales=None,
        lie=None,
        answers=(1, 1, None, 1, 1, 1, 1, 1, 0),
        missing=(3,),
        flags=(SHEET_INCOMPLETE,),
    )


def test_phq9_missing_item9_high_answers_still_not_scored() -> None:
    score = score_phq9([3, 3, 3, 3, 3, 3, 3, 3, None], PHQ9)
    assert (score.total, score.band, score.item9, score.missing) == (None, None, None, (9,))
    assert score.flags == (SHEET_INCOMPLETE,)


def test_phq9_positive_item9_survives_a_missing_answer() -> None:
    score = score_phq9([0, 0, None, 0, 0, 0, 0, 0, 2], PHQ9)
    assert score.flags == (ITEM9, SHEET_INCOMPLETE)
    assert (score.total, score.item9, score.complete, score.valid) == (None, 2, False, False)


def test_phq9_flag_follows_policy() -> None:
    ten = [2, 2, 2, 1, 1, 1, 1, 0, 0]
    assert score_phq9(ten, PHQ9).flags == ()
    assert score_phq9(ten, Phq9Cutoffs(flag_at=10)).flags == (PHQ9_FLAG,)
    item9_one = [0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert score_phq9(item9_one, Phq9Cutoffs(item9_alert_above=1)).flags == ()
    item9_two = [0, 0, 0, 0, 0, 0, 0, 0, 2]
    assert score_phq9(item9_two, Phq9Cutoffs(item9_alert_above=1)).flags == (ITEM9,)


# --- GAD-7 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "total", "band", "flags"),
    [
        ([1, 1, 1, 1, 0, 0, 0], 4, "none", ()),
        ([1, 1, 1, 1, 1, 0, 0], 5, "mild", ()),
        ([2, 2, 2, 1, 1, 1, 0], 9, "mild", ()),
        ([2, 2, 2, 1, 1, 1, 1], 10, "moderate", (GAD7_FLAG,)),
        ([2, 2, 2, 2, 2, 2, 2], 14, "moderate", (GAD7_FLAG,)),
        ([3, 2, 2, 2, 2, 2, 2], 15, "severe", (GAD7_FLAG,)),
        ([3, 3, 3, 3, 3, 3, 3], 21, "severe", (GAD7_FLAG,)),
    ],
)
def test_gad7_band_boundaries(
    answers: list[int], total: int, band: str, flags: tuple[str, ...]
) -> None:
    score = score_gad7(answers, GAD7)
    assert (score.total, score.band, score.flags, score.item9) == (total, band, flags, None)
    assert (score.complete, score.valid) == (True, True)


def test_gad7_flag_follows_policy() -> None:
    ten = [2, 2, 2, 1, 1, 1, 1]
    assert score_gad7(ten, Gad7Cutoffs(flag_at=11)).flags == ()


def test_gad7_incomplete() -> None:
    score = score_gad7([3, 3, 3, 3, 3, None, None], GAD7)
    assert (score.total, score.band, score.missing, score.flags) == (
        None,
        None,
        (6, 7),
        (SHEET_INCOMPLETE,),
    )


# --- MHT ------------------------------------------------------------------------------------


def test_mht_scale_structure() -> None:
    assert [(s.code, s.label_zh) for s in MHT_SCALES] == [
        ("learning", "学习焦虑"),
        ("social", "对人焦虑"),
        ("lonely", "孤独倾向"),
        ("self_blame", "自责倾向"),
        ("sensitive", "过敏倾向"),
        ("somatic", "身体症状"),
        ("phobic", "恐怖倾向"),
        ("impulsive", "冲动倾向"),
    ]
    items = {s.code: s.items for s in MHT_SCALES}
    assert items["learning"] == (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
    assert items["social"] == (16, 17, 18, 19, 20, 21, 22, 23, 24, 25)
    assert items["lonely"] == (26, 27, 28, 29, 30, 31, 32, 33, 34, 35)
    assert items["self_blame"] == (36, 37, 38, 39, 40, 41, 42, 43, 44, 45)
    assert items["sensitive"] == (46, 47, 48, 49, 50, 51, 52, 53, 54, 55)
    assert items["somatic"] == (56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70)
    assert items["phobic"] == (71, 72, 73, 74, 75, 76, 77, 78, 79, 80)
    assert items["impulsive"] == (81, 83, 85, 87, 89, 91, 93, 95, 97, 99)
    assert MHT_LIE_ITEMS == (82, 84, 86, 88, 90, 92, 94, 96, 98, 100)
    everything = sorted(i for s in MHT_SCALES for i in s.items) + list(MHT_LIE_ITEMS)
    assert sorted(everything) == list(range(1, 101))
    assert ITEM_COUNTS == {"phq9": 9, "gad7": 7, "mht": 100}


# A paper sheet, 10 answers a line as it is printed (1 = 是, 0 = 否). By hand:
# 学习焦虑 1-15: 7 + 3 = 10; 对人焦虑 16-25: 3 + 2 = 5; 孤独倾向 26-35: 0 + 1 = 1;
# 自责倾向 36-45: 5 + 3 = 8; 过敏倾向 46-55: 4 + 3 = 7; 身体症状 56-70: 2 + 4 = 6;
# 恐怖倾向 71-80: 2; 冲动倾向 81, 83, … 99: 1+1+0+1+0+1+0+1+1+0 = 6;
# lie 82, 84, … 100: 0+1+1+0+0+1+0+0+1+1 = 5; content total 10+5+1+8+7+6+2+6 = 45.
SHEET = [
    "1101101101",  # 1-10
    "1011010101",  # 11-20
    "0101000000",  # 21-30
    "0000111111",  # 31-40
    "1110001111",  # 41-50
    "1110000011",  # 51-60
    "1000111000",  # 61-70
    "1100000000",  # 71-80
    "1011011000",  # 81-90
    "1100101101",  # 91-100
]
SHEET_SCALES = {
    "learning": 10,
    "social": 5,
    "lonely": 1,
    "self_blame": 8,
    "sensitive": 7,
    "somatic": 6,
    "phobic": 2,
    "impulsive": 6,
}


def _answers(lines: list[str]) -> list[int | None]:
    return [int(c) for c in "".join(lines)]


def _with(answers: list[int | None], **changes: int | None) -> list[int | None]:
    """``_with(a, i88=1)``: the sheet with item 88 answered 1."""
    changed = list(answers)
    for name, value in changes.items():
        changed[int(name[1:]) - 1] = value
    return changed


def test_mht_hand_scored_sheet() -> None:
    score = score_mht_answers(_answers(SHEET), MHT)
    assert score.scales == SHEET_SCALES
    assert list(score.scales) == [s.code for s in MHT_SCALES]  # stored in the manual's order
    assert (score.lie, score.total, score.band, score.item9) == (5, 45, None, None)
    assert (score.complete, score.valid, score.missing) == (True, True, ())
    assert score.flags == (MHT_SCALE_HIGH,)  # 自责倾向 8
    assert score.answers == tuple(_answers(SHEET))


def test_mht_lie_6_valid_7_invalid() -> None:
    six = score_mht_answers(_with(_answers(SHEET), i88=1), MHT)
    assert (six.lie, six.valid, six.flags) == (6, True, (MHT_SCALE_HIGH,))
    seven = score_mht_answers(_with(_answers(SHEET), i88=1, i90=1), MHT)
    # A void sheet is kept with its scores but not interpreted: no scale or total flag.
    assert (seven.lie, seven.valid, seven.complete, seven.flags) == (7, False, True, (MHT_INVALID,))
    assert (seven.total, seven.scales) == (45, SHEET_SCALES)


def test_mht_edited_item_key_changes_exactly_those_scores() -> None:
    # Items 1, 2, 26 and 82 printed reversed: 否 scores there. Sheet answers: 1=是, 2=是, 26=否,
    # 82=否, so 学习焦虑 10-2 = 8, 孤独倾向 1+1 = 2, lie 5+1 = 6, total 45-2+1 = 44.
    key = [
        "0011111111",  # 1-10
        "1111111111",
        "1111101111",  # 21-30: item 26
        "1111111111",
        "1111111111",
        "1111111111",
        "1111111111",
        "1111111111",
        "1011111111",  # 81-90: item 82
        "1111111111",
    ]
    score = score_mht_answers(_answers(SHEET), MhtCutoffs(item_key="".join(key)))
    assert score.scales == {**SHEET_SCALES, "learning": 8, "lonely": 2}
    assert (score.lie, score.total) == (6, 44)


def test_mht_missing_answer_is_not_scored() -> None:
    score = score_mht_answers(_with(_answers(SHEET), i50=None, i100=None), MHT)
    assert (score.complete, score.valid, score.total, score.scales, score.lie) == (
        False,
        False,
        None,
        None,
        None,
    )
    assert (score.missing, score.flags) == ((50, 100), (SHEET_INCOMPLETE,))


# Scale scores below are 15+10+10+10+10+9 = 64 and with 身体症状 10, 65.
SCALES_64 = {
    "learning": 15,
    "social": 10,
    "lonely": 10,
    "self_blame": 10,
    "sensitive": 10,
    "somatic": 9,
    "phobic": 0,
    "impulsive": 0,
}
QUIET = dict.fromkeys(SHEET_SCALES, 0)


def test_mht_total_64_and_65() -> None:
    at64 = score_mht_scales(SCALES_64, 2, 64, MHT)
    assert (at64.total, at64.flags) == (64, (MHT_SCALE_HIGH,))
    at65 = score_mht_scales({**SCALES_64, "somatic": 10}, 2, None, MHT)
    assert (at65.total, at65.flags) == (65, (MHT_ATTENTION, MHT_SCALE_HIGH))
    assert (at65.valid, at65.answers, at65.missing, at65.lie) == (True, None, (), 2)


def test_mht_scale_7_and_8() -> None:
    assert score_mht_scales({**QUIET, "social": 7}, 0, 7, MHT).flags == ()
    assert score_mht_scales({**QUIET, "social": 8}, 0, 8, MHT).flags == (MHT_SCALE_HIGH,)
    assert score_mht_scales({**QUIET, "social": 8}, 0, 8, MhtCutoffs(scale_high_at=9)).flags == ()


def test_mht_scales_lie_6_and_7() -> None:
    assert score_mht_scales(SCALES_64, 6, 64, MHT).valid
    void = score_mht_scales({**SCALES_64, "somatic": 10}, 7, 65, MHT)
    assert (void.valid, void.flags, void.total, void.lie) == (False, (MHT_INVALID,), 65, 7)


def test_mht_total_not_the_sum_is_refused() -> None:
    scales = {**SCALES_64, "learning": 13, "somatic": 5}  # 13+10+10+10+10+5 = 58
    with pytest.raises(ValidationError) as caught:
        score_mht_scales(scales, 2, 60, MHT)
    assert (caught.value.field, caught.value.message) == (
        "total",
        "total 60 is not the sum of the scales (58)",
    )


@pytest.mark.parametrize(
    ("scales", "lie", "field", "message"),
    [
        ({**QUIET, "social": 11}, 0, "social", "对人焦虑 score must be 0-10 (got 11)"),
        ({**QUIET, "learning": 16}, 0, "learning", "学习焦虑 score must be 0-15 (got 16)"),
        ({**QUIET, "impulsive": -1}, 0, "impulsive", "冲动倾向 score must be 0-10 (got -1)"),
        ({**QUIET, "phobic": 2.0}, 0, "phobic", "恐怖倾向 score must be a whole number (got 2.0)"),
        (QUIET, 11, "lie", "lie (效度) score must be 0-10 (got 11)"),
        (
            {k: v for k, v in QUIET.items() if k != "lonely"},
            0,
            "lonely",
            "孤独倾向 score is missing",
        ),
    ],
)
def test_mht_impossible_scale_scores_are_refused(
    scales: dict[str, int], lie: int, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        score_mht_scales(scales, lie, None, MHT)
    assert (caught.value.field, caught.value.message) == (field, message)


def test_unknown_scale_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="learning_anxiety"):
        score_mht_scales({**QUIET, "learning_anxiety": 3}, 0, None, MHT)


# --- programming errors and dispatch ----------------------------------------------------------


@pytest.mark.parametrize(
    ("instrument", "answers"),
    [
        ("phq9", [0] * 8),
        ("phq9", [0] * 10),
        ("phq9", [0, 0, 0, 0, 4, 0, 0, 0, 0]),
        ("phq9", [0, 0, 0, 0, -1, 0, 0, 0, 0]),
        ("phq9", [0, 0, 0, 0, True, 0, 0, 0, 0]),
        ("gad7", [0] * 9),
        ("mht", [0] * 99),
        ("mht", [2] + [0] * 99),
    ],
)
def test_wrong_length_or_value_is_a_programming_error(
    instrument: str, answers: list[int | None]
) -> None:
    with pytest.raises(ValueError, match=instrument):
        score_sheet(instrument, answers, ScreeningCutoffs())


def test_score_sheet_uses_the_instrument_cutoffs() -> None:
    cutoffs = ScreeningCutoffs(phq9=Phq9Cutoffs(flag_at=10), gad7=Gad7Cutoffs(flag_at=11))
    assert score_sheet("phq9", [2, 2, 2, 1, 1, 1, 1, 0, 0], cutoffs).flags == (PHQ9_FLAG,)
    assert score_sheet("gad7", [2, 2, 2, 1, 1, 1, 1], cutoffs).flags == ()
    assert score_sheet("mht", _answers(SHEET), cutoffs).total == 45
    with pytest.raises(ValueError, match="phq10"):
        score_sheet("phq10", [0] * 10, cutoffs)


# --- flag lists --------------------------------------------------------------------------------


def test_interview_and_retest_lists() -> None:
    assert INTERVIEW_FLAGS == (ITEM9, PHQ9_FLAG, GAD7_FLAG, MHT_ATTENTION, MHT_SCALE_HIGH)
    assert RETEST_FLAGS == (MHT_INVALID, SHEET_INCOMPLETE)
    assert LABELS_ZH[SHEET_INCOMPLETE] == "答卷不完整，需重测"
    assert LABELS_ZH[MHT_SCALE_HIGH] == "MHT 单项量表偏高"
    assert set(LABELS_ZH) == set(INTERVIEW_FLAGS + RETEST_FLAGS)


def test_ordered_flags() -> None:
    given_order = [SHEET_INCOMPLETE, MHT_SCALE_HIGH, ITEM9, MHT_INVALID, ITEM9]
    assert ordered_flags(given_order) == (ITEM9, MHT_SCALE_HIGH, MHT_INVALID, SHEET_INCOMPLETE)
    with pytest.raises(ValueError, match="mht_total"):
        ordered_flags(["mht_total"])


# --- properties ---------------------------------------------------------------------------------

_likert = st.integers(0, 3)


@given(st.lists(_likert, min_size=9, max_size=9), st.integers(0, 2))
def test_complete_phq9_properties(answers: list[int], above: int) -> None:
    score = score_phq9(answers, Phq9Cutoffs(item9_alert_above=above))
    assert score.total == sum(answers)
    assert score.band == PHQ9_BANDS[sum(answers)]
    assert (ITEM9 in score.flags) == (answers[8] > above)
    assert (PHQ9_FLAG in score.flags) == (sum(answers) >= 11)
    assert score.complete and score.valid and SHEET_INCOMPLETE not in score.flags


@given(st.lists(_likert, min_size=7, max_size=7))
def test_complete_gad7_properties(answers: list[int]) -> None:
    score = score_gad7(answers, GAD7)
    assert (score.total, score.band) == (sum(answers), GAD7_BANDS[sum(answers)])
    assert (GAD7_FLAG in score.flags) == (sum(answers) >= 10)


@given(
    st.lists(st.none() | _likert, min_size=9, max_size=9).filter(lambda a: None in a),
)
def test_incomplete_phq9_properties(answers: list[int | None]) -> None:
    score = score_phq9(answers, PHQ9)
    assert (score.total, score.band, score.complete, score.valid) == (None, None, False, False)
    assert score.missing == tuple(i + 1 for i, a in enumerate(answers) if a is None)
    assert (ITEM9 in score.flags) == (answers[8] is not None and answers[8] > 0)
    assert SHEET_INCOMPLETE in score.flags and PHQ9_FLAG not in score.flags
    assert score.item9 == answers[8]


@given(st.lists(st.integers(0, 1), min_size=100, max_size=100))
def test_mht_default_key_properties(answers: list[int]) -> None:
    score = score_mht_answers(answers, MHT)
    lie = sum(answers[i - 1] for i in range(82, 101, 2))
    assert score.lie == lie
    assert score.total == sum(answers) - lie
    assert score.scales is not None and sum(score.scales.values()) == score.total
    assert score.valid == (lie < 7)
    if lie >= 7:
        assert score.flags == (MHT_INVALID,)
    else:
        assert (MHT_ATTENTION in score.flags) == (sum(answers) - lie >= 65)
