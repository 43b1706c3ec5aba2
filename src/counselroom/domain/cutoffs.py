"""Screening cut-offs (PHQ-9, GAD-7, MHT) as school policy.

A cut-off turns a score into a *screening flag* (筛查提示) that puts a student on the interview
list; it never sets a tier. The numbers are policy the administrator may change, but the instrument
ranges (PHQ-9 0-27, GAD-7 0-21, MHT lie 0-10, content 0-90, a scale at most 15 items) are not, so
they bound every setting. The severity bands are spelled out and tested because a widely used
open-source PHQ-9 form ships wrong ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, NamedTuple

from counselroom.domain.dictreader import DictReader, check_int, join_path
from counselroom.domain.errors import ValidationError

_SEVERITY_ZH = {
    "none": "无",
    "mild": "轻度",
    "moderate": "中度",
    "moderately_severe": "中重度",
    "severe": "重度",
}


class Severity(StrEnum):
    """Symptom-severity band of a questionnaire total; stable codes, stored with results."""

    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    MODERATELY_SEVERE = "moderately_severe"
    SEVERE = "severe"

    @property
    def label_zh(self) -> str:
        return _SEVERITY_ZH[self.value]


class Band(NamedTuple):
    """A band starts at ``lower`` and runs up to the next band's lower bound minus one."""

    lower: int
    severity: Severity


@dataclass(frozen=True)
class _BandedCutoffs:
    """Shared rules of questionnaires scored as one total with severity bands and a flag."""

    MAX_TOTAL: ClassVar[int]
    KEY: ClassVar[str]
    flag_at: int
    bands: tuple[Band, ...]

    def __post_init__(self) -> None:
        check_int(self.flag_at, self._field("flag_at"), minimum=1, maximum=self.MAX_TOTAL)
        _check_bands(self.bands, self.MAX_TOTAL, self._field("bands"))

    def _field(self, key: str) -> str:
        return join_path(join_path("screening", self.KEY), key)

    def _check_total(self, total: int) -> None:
        check_int(total, f"{self.KEY} total", minimum=0, maximum=self.MAX_TOTAL)

    def severity(self, total: int) -> Severity:
        self._check_total(total)
        found = self.bands[0].severity
        for band in self.bands:
            if total >= band.lower:
                found = band.severity
        return found

    def is_flagged(self, total: int) -> bool:
        self._check_total(total)
        return total >= self.flag_at

    def _common_dict(self) -> dict[str, Any]:
        return {
            "flag_at": self.flag_at,
            "bands": [{"lower": b.lower, "severity": b.severity.value} for b in self.bands],
        }


def _check_bands(bands: object, max_total: int, field: str) -> None:
    if not isinstance(bands, tuple) or not bands:
        raise ValidationError("must be a non-empty tuple of bands", field=field)
    previous = -1
    seen: set[Severity] = set()
    for index, band in enumerate(bands):
        where = join_path(field, index)
        if not isinstance(band, Band) or not isinstance(band.severity, Severity):
            raise ValidationError("must be a Band(lower, Severity)", field=where)
        lower = check_int(band.lower, join_path(where, "lower"), minimum=0, maximum=max_total)
        if index == 0 and lower != 0:
            raise ValidationError(f"first band must start at 0 (got {lower})", field=where)
        if index and lower <= previous:
            raise ValidationError(
                f"bands must start at rising scores ({lower} after {previous})", field=where
            )
        if band.severity in seen:
            raise ValidationError(f"severity {band.severity} appears twice", field=where)
        seen.add(band.severity)
        previous = lower


def _read_bands(reader: DictReader) -> tuple[Band, ...]:
    bands = []
    for index, item in enumerate(reader.get_list("bands")):
        band = DictReader(item, join_path(reader.field("bands"), index))
        lower = band.get_int("lower", minimum=0)
        code = band.get_str("severity")
        if code not in _SEVERITY_ZH:
            raise ValidationError(f"unknown severity {code!r}", field=band.field("severity"))
        band.finish()
        bands.append(Band(lower, Severity(code)))
    return tuple(bands)


PHQ9_DEFAULT_BANDS = (
    Band(0, Severity.NONE),
    Band(5, Severity.MILD),
    Band(10, Severity.MODERATE),
    Band(15, Severity.MODERATELY_SEVERE),
    Band(20, Severity.SEVERE),
)
GAD7_DEFAULT_BANDS = (
    Band(0, Severity.NONE),
    Band(5, Severity.MILD),
    Band(10, Severity.MODERATE),
    Band(15, Severity.SEVERE),
)


@dataclass(frozen=True)
class Phq9Cutoffs(_BandedCutoffs):
    """PHQ-9: flag at 11 for adolescents (Richardson 2010); any item-9 answer above 0 alerts.

    Item 9 (thoughts of self-harm) is checked apart from the total because a low total with a
    positive item 9 still needs a same-day risk assessment.
    """

    MAX_TOTAL: ClassVar[int] = 27
    KEY: ClassVar[str] = "phq9"
    flag_at: int = 11
    bands: tuple[Band, ...] = PHQ9_DEFAULT_BANDS
    item9_alert_above: int = 0

    def __post_init__(self) -> None:
        super().__post_init__()
        # Capped at 2 so a policy edit can never switch the self-harm alert off entirely.
        check_int(self.item9_alert_above, self._field("item9_alert_above"), minimum=0, maximum=2)

    def item9_alert(self, item9: int) -> bool:
        check_int(item9, "phq9 item 9", minimum=0, maximum=3)
        return item9 > self.item9_alert_above

    def to_dict(self) -> dict[str, Any]:
        return {**self._common_dict(), "item9_alert_above": self.item9_alert_above}

    @classmethod
    def from_reader(cls, reader: DictReader) -> Phq9Cutoffs:
        result = cls(
            flag_at=reader.get_int("flag_at", minimum=1, maximum=cls.MAX_TOTAL),
            bands=_read_bands(reader),
            item9_alert_above=reader.get_int("item9_alert_above", minimum=0, maximum=2),
        )
        reader.finish()
        return result


@dataclass(frozen=True)
class Gad7Cutoffs(_BandedCutoffs):
    """GAD-7: bands 5/10/15 (mild/moderate/severe), flag at 10."""

    MAX_TOTAL: ClassVar[int] = 21
    KEY: ClassVar[str] = "gad7"
    flag_at: int = 10
    bands: tuple[Band, ...] = GAD7_DEFAULT_BANDS

    def to_dict(self) -> dict[str, Any]:
        return self._common_dict()

    @classmethod
    def from_reader(cls, reader: DictReader) -> Gad7Cutoffs:
        result = cls(
            flag_at=reader.get_int("flag_at", minimum=1, maximum=cls.MAX_TOTAL),
            bands=_read_bands(reader),
        )
        reader.finish()
        return result


# Every MHT item scores a point for 是 in 周步成's manual; a school whose answer sheets print some
# items reversed edits the key instead of rewriting the answers.
MHT_ITEM_COUNT = 100
MHT_DEFAULT_ITEM_KEY = "1" * MHT_ITEM_COUNT


@dataclass(frozen=True)
class MhtCutoffs:
    """MHT (心理健康诊断测验): lie ≥ 7 voids the sheet, total ≥ 65 and scale ≥ 8 need attention.

    ``item_key`` holds, for each item in order, the answer that scores a point ("1" = 是,
    "0" = 否). It is policy rather than a constant because schools receive answer sheets laid
    out differently and must be able to match the key to the sheet they use.
    """

    MAX_LIE: ClassVar[int] = 10
    MAX_TOTAL: ClassVar[int] = 90  # 90 content items over 8 scales
    MAX_SCALE: ClassVar[int] = 15  # the longest scales (学习焦虑, 身体症状) have 15 items
    lie_invalid_at: int = 7
    total_attention_at: int = 65
    scale_high_at: int = 8
    item_key: str = MHT_DEFAULT_ITEM_KEY

    def __post_init__(self) -> None:
        field = "screening.mht."
        check_int(self.lie_invalid_at, field + "lie_invalid_at", minimum=1, maximum=self.MAX_LIE)
        check_int(
            self.total_attention_at,
            field + "total_attention_at",
            minimum=1,
            maximum=self.MAX_TOTAL,
        )
        check_int(self.scale_high_at, field + "scale_high_at", minimum=1, maximum=self.MAX_SCALE)
        _check_item_key(self.item_key, field + "item_key")

    def is_invalid(self, lie: int) -> bool:
        """A sheet with this lie (效度) score is void: retest, do not interpret it."""
        return check_int(lie, "mht lie", minimum=0, maximum=self.MAX_LIE) >= self.lie_invalid_at

    def needs_attention(self, total: int) -> bool:
        """Content total at which the student gets special attention and an individual plan."""
        checked = check_int(total, "mht total", minimum=0, maximum=self.MAX_TOTAL)
        return checked >= self.total_attention_at

    def is_high(self, scale_score: int) -> bool:
        checked = check_int(scale_score, "mht scale", minimum=0, maximum=self.MAX_SCALE)
        return checked >= self.scale_high_at

    def to_dict(self) -> dict[str, Any]:
        return {
            "lie_invalid_at": self.lie_invalid_at,
            "total_attention_at": self.total_attention_at,
            "scale_high_at": self.scale_high_at,
            "item_key": self.item_key,
        }

    @classmethod
    def from_reader(cls, reader: DictReader) -> MhtCutoffs:
        result = cls(
            lie_invalid_at=reader.get_int("lie_invalid_at", minimum=1, maximum=cls.MAX_LIE),
            total_attention_at=reader.get_int(
                "total_attention_at", minimum=1, maximum=cls.MAX_TOTAL
            ),
            scale_high_at=reader.get_int("scale_high_at", minimum=1, maximum=cls.MAX_SCALE),
            # Policies saved before the key became editable lack it; they used the manual's key.
            item_key=(
                reader.get_str("item_key")
                if "item_key" in reader.key_names()
                else MHT_DEFAULT_ITEM_KEY
            ),
        )
        reader.finish()
        return result


def _check_item_key(key: object, field: str) -> None:
    if not isinstance(key, str):
        raise ValidationError(f"must be text (got {type(key).__name__})", field=field)
    if len(key) != MHT_ITEM_COUNT:
        raise ValidationError(
            f"must have one 0 or 1 for each of the {MHT_ITEM_COUNT} items (got {len(key)})",
            field=field,
        )
    for index, char in enumerate(key):
        if char not in "01":
            raise ValidationError(
                f"item {index + 1} must be 1 (是 scores) or 0 (否 scores) (got {char!r})",
                field=field,
            )


@dataclass(frozen=True)
class ScreeningCutoffs:
    """All instruments' cut-offs, kept together because they are edited on one settings page."""

    phq9: Phq9Cutoffs = Phq9Cutoffs()
    gad7: Gad7Cutoffs = Gad7Cutoffs()
    mht: MhtCutoffs = MhtCutoffs()

    def to_dict(self) -> dict[str, Any]:
        return {
            "phq9": self.phq9.to_dict(),
            "gad7": self.gad7.to_dict(),
            "mht": self.mht.to_dict(),
        }

    @classmethod
    def from_reader(cls, reader: DictReader) -> ScreeningCutoffs:
        result = cls(
            phq9=Phq9Cutoffs.from_reader(reader.get_object("phq9")),
            gad7=Gad7Cutoffs.from_reader(reader.get_object("gad7")),
            mht=MhtCutoffs.from_reader(reader.get_object("mht")),
        )
        reader.finish()
        return result
