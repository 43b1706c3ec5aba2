"""Scoring of screening sheets: PHQ-9, GAD-7 and MHT, into totals, bands and flags.

A result is a screening flag (筛查提示), never a diagnosis (DOMAIN.md "Screening"). Two rules shape
everything here: a sheet with a missing answer is never scored (a blank read as 0 would hide a
student who needs an interview), and a positive PHQ-9 item 9 is never lost — not to a missing
answer elsewhere, not to a low total.

MHT scale structure, from 周步成 (主修订)《心理健康诊断测验（MHT）手册》,
华东师范大学心理学系, 1991 (revised from 铃木清's 不安倾向诊断测验): eight content scales
over items 1-80 and the odd items 81-99, and a ten-item lie (效度) scale on the even items
82-100. Only item numbers are kept: the item texts are copyrighted and the program stores
answers and scores, never questions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from counselroom.domain.cutoffs import (
    MHT_ITEM_COUNT,
    Gad7Cutoffs,
    MhtCutoffs,
    Phq9Cutoffs,
    ScreeningCutoffs,
)
from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.screening_flags import (
    GAD7_FLAG,
    ITEM9,
    MHT_ATTENTION,
    MHT_INVALID,
    MHT_SCALE_HIGH,
    PHQ9_FLAG,
    SHEET_INCOMPLETE,
    ordered_flags,
)


@dataclass(frozen=True)
class MhtScale:
    """One MHT content scale; ``code`` is stored with results, ``label_zh`` is the manual's name."""

    code: str
    label_zh: str
    items: tuple[int, ...]  # 1-based item numbers


MHT_SCALES: tuple[MhtScale, ...] = (
    MhtScale("learning", "学习焦虑", tuple(range(1, 16))),
    MhtScale("social", "对人焦虑", tuple(range(16, 26))),
    MhtScale("lonely", "孤独倾向", tuple(range(26, 36))),
    MhtScale("self_blame", "自责倾向", tuple(range(36, 46))),
    MhtScale("sensitive", "过敏倾向", tuple(range(46, 56))),
    MhtScale("somatic", "身体症状", tuple(range(56, 71))),
    MhtScale("phobic", "恐怖倾向", tuple(range(71, 81))),
    MhtScale("impulsive", "冲动倾向", tuple(range(81, 100, 2))),
)
MHT_LIE_ITEMS: tuple[int, ...] = tuple(range(82, 101, 2))
ITEM_COUNTS = {"phq9": 9, "gad7": 7, "mht": MHT_ITEM_COUNT}

_LIKERT_MAX = 3  # PHQ-9 and GAD-7 answers are 0-3
_PHQ9_ITEM9 = 9


@dataclass(frozen=True)
class SheetScore:
    """What one answer sheet (or one platform's score row) says, as it is stored."""

    instrument: str  # "phq9" | "gad7" | "mht"
    complete: bool  # every answer present and valid
    valid: bool  # complete and (MHT) lie below the invalid cut-off
    total: int | None  # None unless complete
    band: str | None  # Severity value (phq9/gad7) when complete; None for MHT
    item9: int | None  # PHQ-9 item 9 answer when present, even on an incomplete sheet
    scales: dict[str, int] | None  # MHT scale code -> score, when complete
    lie: int | None  # MHT lie score, when complete
    answers: tuple[int | None, ...] | None  # as given (None = missing), when scored from items
    missing: tuple[int, ...]  # 1-based item numbers missing
    flags: tuple[str, ...]  # screening_flags codes, INTERVIEW_FLAGS then RETEST_FLAGS order


def score_phq9(answers: Sequence[int | None], cutoffs: Phq9Cutoffs) -> SheetScore:
    given = _checked("phq9", answers, _LIKERT_MAX)
    item9 = given[_PHQ9_ITEM9 - 1]
    # Item 9 alerts whatever the total and whatever else is missing: same-day risk assessment.
    alert = (ITEM9,) if item9 is not None and cutoffs.item9_alert(item9) else ()
    return _banded("phq9", given, cutoffs, PHQ9_FLAG, item9, alert)


def score_gad7(answers: Sequence[int | None], cutoffs: Gad7Cutoffs) -> SheetScore:
    given = _checked("gad7", answers, _LIKERT_MAX)
    return _banded("gad7", given, cutoffs, GAD7_FLAG, None, ())


def score_mht_answers(answers: Sequence[int | None], cutoffs: MhtCutoffs) -> SheetScore:
    """Score 100 yes/no answers with the school's item key (``cutoffs.item_key``)."""
    given = _checked("mht", answers, 1)
    missing = _missing(given)
    if missing:
        return _incomplete("mht", given, missing, None, ())
    # item_key[i] is the answer to item i+1 that scores: "1" for 是, "0" for 否.
    key = cutoffs.item_key
    points = [int(key[index] == str(answer)) for index, answer in enumerate(given)]

    def score(items: tuple[int, ...]) -> int:
        return sum(points[item - 1] for item in items)

    scales = {scale.code: score(scale.items) for scale in MHT_SCALES}
    return _mht_result(scales, score(MHT_LIE_ITEMS), sum(scales.values()), cutoffs, given)


def score_mht_scales(
    scales: Mapping[str, int], lie: int, total: int | None, cutoffs: MhtCutoffs
) -> SheetScore:
    """Score a platform's export: the 8 scale scores and the lie score, with its total if any.

    The numbers come from a file, so impossible ones are refused as data (ValidationError with
    the scale code, "lie" or "total" as field); a scale code this module does not know is a
    caller's mistake (ValueError).
    """
    unknown = sorted(set(scales) - {scale.code for scale in MHT_SCALES})
    if unknown:
        raise ValueError(f"unknown MHT scale {unknown[0]!r}")
    checked: dict[str, int] = {}
    for scale in MHT_SCALES:
        if scale.code not in scales:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 score is missing"),
                scale.label_zh,
                field=scale.code,
            )
        checked[scale.code] = _score_in_range(
            scales[scale.code], _SCALE_RULES, len(scale.items), scale.code, scale.label_zh
        )
    lie_score = _score_in_range(lie, _LIE_RULES, len(MHT_LIE_ITEMS), "lie")
    content = sum(checked.values())
    if total is not None:
        _score_in_range(total, _TOTAL_RULES, MhtCutoffs.MAX_TOTAL, "total")
        if total != content:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "total %1 is not the sum of the scales (%2)"),
                total,
                content,
                field="total",
            )
    return _mht_result(checked, lie_score, content, cutoffs, None)


def score_sheet(
    instrument: str, answers: Sequence[int | None], cutoffs: ScreeningCutoffs
) -> SheetScore:
    if instrument == "phq9":
        return score_phq9(answers, cutoffs.phq9)
    if instrument == "gad7":
        return score_gad7(answers, cutoffs.gad7)
    if instrument == "mht":
        return score_mht_answers(answers, cutoffs.mht)
    raise ValueError(f"unknown instrument {instrument!r}")


def _checked(
    instrument: str, answers: Sequence[int | None], maximum: int
) -> tuple[int | None, ...]:
    """Answers as a tuple; a wrong length or value is the caller's bug, the parsers refuse data."""
    given = tuple(answers)
    expected = ITEM_COUNTS[instrument]
    if len(given) != expected:
        raise ValueError(f"{instrument} needs {expected} answers (got {len(given)})")
    for item, answer in enumerate(given, 1):
        if answer is None:
            continue
        if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= maximum:
            raise ValueError(
                f"{instrument} item {item}: answer must be 0-{maximum} (got {answer!r})"
            )
    return given


def _missing(answers: tuple[int | None, ...]) -> tuple[int, ...]:
    return tuple(item for item, answer in enumerate(answers, 1) if answer is None)


def _incomplete(
    instrument: str,
    answers: tuple[int | None, ...],
    missing: tuple[int, ...],
    item9: int | None,
    alert: tuple[str, ...],
) -> SheetScore:
    return SheetScore(
        instrument=instrument,
        complete=False,
        valid=False,
        total=None,
        band=None,
        item9=item9,
        scales=None,
        lie=None,
        answers=answers,
        missing=missing,
        flags=ordered_flags((*alert, SHEET_INCOMPLETE)),
    )


def _banded(
    instrument: str,
    answers: tuple[int | None, ...],
    cutoffs: Phq9Cutoffs | Gad7Cutoffs,
    flag: str,
    item9: int | None,
    alert: tuple[str, ...],
) -> SheetScore:
    missing = _missing(answers)
    if missing:
        return _incomplete(instrument, answers, missing, item9, alert)
    total = sum(answer for answer in answers if answer is not None)
    flags = (*alert, flag) if cutoffs.is_flagged(total) else alert
    return SheetScore(
        instrument=instrument,
        complete=True,
        valid=True,
        total=total,
        band=cutoffs.severity(total).value,
        item9=item9,
        scales=None,
        lie=None,
        answers=answers,
        missing=(),
        flags=ordered_flags(flags),
    )


def _mht_result(
    scales: dict[str, int],
    lie: int,
    total: int,
    cutoffs: MhtCutoffs,
    answers: tuple[int | None, ...] | None,
) -> SheetScore:
    """A complete MHT sheet; a void one (lie at the cut-off) is stored but not interpreted."""
    invalid = cutoffs.is_invalid(lie)
    flags: list[str] = []
    if invalid:
        flags.append(MHT_INVALID)
    else:
        if cutoffs.needs_attention(total):
            flags.append(MHT_ATTENTION)
        if any(cutoffs.is_high(score) for score in scales.values()):
            flags.append(MHT_SCALE_HIGH)
    return SheetScore(
        instrument="mht",
        complete=True,
        valid=not invalid,
        total=total,
        band=None,
        item9=None,
        scales=scales,
        lie=lie,
        answers=answers,
        missing=(),
        flags=ordered_flags(flags),
    )


# (not a whole number, out of range) for a scale score (its name is %1), the lie score and the
# total: each named in the template, so no English word is left to the data.
_SCALE_RULES = (
    QT_TRANSLATE_NOOP("problems", "%1 score must be a whole number (got %2)"),
    QT_TRANSLATE_NOOP("problems", "%1 score must be 0-%2 (got %3)"),
)
_LIE_RULES = (
    QT_TRANSLATE_NOOP("problems", "lie (效度) score must be a whole number (got %1)"),
    QT_TRANSLATE_NOOP("problems", "lie (效度) score must be 0-%1 (got %2)"),
)
_TOTAL_RULES = (
    QT_TRANSLATE_NOOP("problems", "total must be a whole number (got %1)"),
    QT_TRANSLATE_NOOP("problems", "total must be 0-%1 (got %2)"),
)


def _score_in_range(
    value: object, rules: tuple[str, str], maximum: int, field: str, *name: str
) -> int:
    """``value`` checked as a score 0..``maximum``; ``name`` fills the scale rules' %1."""
    whole, in_range = rules
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError.of(whole, *name, repr(value), field=field)
    if not 0 <= value <= maximum:
        raise ValidationError.of(in_range, *name, maximum, value, field=field)
    return value
