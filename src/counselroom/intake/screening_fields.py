"""The columns of a screening results file: who the student is, and the answers or scores.

Screening platforms and hand-made sheets head item columns every way a person can write a
number: ``3``, ``Q3``, ``题3``, ``第3题``, ``第三题``, ``item3``, ``Q03``. All of them are
recognised, for every item of the instrument, so a file needs no mapping by hand in the usual
case. ``item_number`` recognises the same forms for *any* number: `screening_layout` uses it to
see that a file has the item columns of another instrument (a GAD-7 file given as PHQ-9) and
to refuse it as a whole instead of scoring the wrong questionnaire.

学号 is deliberately not an identity synonym: in a school it is the 班内学号 (a pupil's number in
his class, 1-50), which matches nobody in the vault.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.scoring import ITEM_COUNTS, MHT_SCALES
from counselroom.intake.columns import (
    FieldSpec,
    HeaderGuess,
    auto_map,
    find_header,
    header_key,
)
from counselroom.intake.sheets import Table

__all__ = [
    "IDENTITY_KEYS",
    "INSTRUMENT_NAMES",
    "SCALE_KEYS",
    "detect_mht_mode",
    "guess_header",
    "item_field",
    "item_key_number",
    "item_number",
    "screening_fields",
]

_IDENTITY = (
    FieldSpec("student_no", ("学籍号", "全国学籍号", "学生编号", "学籍编号", "学籍号码")),
    FieldSpec("name", ("姓名", "学生姓名")),
    FieldSpec("class", ("班级", "班级名称", "所在班级", "班别")),
    FieldSpec("grade", ("年级", "所在年级")),
)
IDENTITY_KEYS = tuple(spec.key for spec in _IDENTITY)
SCALE_KEYS = (*(scale.code for scale in MHT_SCALES), "lie", "total")
_LIE_SYNONYMS = ("效度", "效度量表", "测谎", "测谎量表", "说谎", "说谎量表")
_TOTAL_SYNONYMS = ("总分", "总焦虑倾向", "总焦虑倾向分", "总焦虑分", "焦虑总分")
# Fewer recognised scale headers than this is a coincidence, not a platform export.
_SCALE_MODE_MIN = 3

INSTRUMENT_NAMES = {"phq9": "PHQ-9", "gad7": "GAD-7", "mht": "MHT"}

_DIGITS = "一二三四五六七八九"
# After header_key(): an optional prefix, the number (Arabic, possibly zero-padded, or Chinese),
# an optional suffix. "第3" alone is accepted as well: some platforms drop the 题.
_ITEM = re.compile(
    r"^(?:q|t|item|题|题目|问题|第)?(?P<number>\d{1,3}|[一二三四五六七八九十百]{1,4})(?:题|项)?$"
)


def item_field(number: int) -> str:
    """Field key of item ``number`` (1-based): ``item3``."""
    return f"item{number}"


def item_key_number(key: str) -> int | None:
    """``item3`` → 3; None for other field keys."""
    digits = key[4:]
    if key.startswith("item") and digits.isascii() and digits.isdigit() and int(digits) > 0:
        return int(digits)
    return None


def chinese_number(number: int) -> str:
    """1-100 in Chinese numerals, as 第三题 / 第十二题 / 第一百题 write them."""
    if number == 100:
        return "一百"
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens - 1] + "十")
    return head + ("" if ones == 0 else _DIGITS[ones - 1])


def _from_chinese(text: str) -> int | None:
    if text == "一百":
        return 100
    for number in range(1, 100):
        if chinese_number(number) == text:
            return number
    return None


def item_number(header: str) -> int | None:
    """The item number a column header names (``第3题`` → 3), or None for other headers.

    Numbers outside 1-100 are not item numbers (a column headed 2024 is a year)."""
    match = _ITEM.match(header_key(header))
    if match is None:
        return None
    text = match["number"]
    number = int(text) if text.isdigit() else _from_chinese(text)
    if number is None or not 1 <= number <= 100:
        return None
    return number


def _item_synonyms(n: int) -> tuple[str, ...]:
    forms = [str(n), f"q{n}", f"题{n}", f"第{n}题", f"item{n}", f"第{n}项", f"题目{n}", f"t{n}"]
    forms += [f"问题{n}", f"第{chinese_number(n)}题", f"第{chinese_number(n)}项"]
    if n < 10:  # Q01 / 01 / 题01, as platforms pad their columns
        padded = f"{n:02d}"
        forms += [padded, f"q{padded}", f"题{padded}", f"第{padded}题", f"item{padded}"]
    if n < 100:
        padded = f"{n:03d}"
        forms += [f"q{padded}", f"item{padded}"]
    return tuple(forms)


def _scale_fields() -> tuple[FieldSpec, ...]:
    specs = [
        FieldSpec(
            scale.code,
            (scale.label_zh, f"{scale.label_zh}分", f"{scale.label_zh}得分", scale.code),
            required=True,
        )
        for scale in MHT_SCALES
    ]
    specs.append(FieldSpec("lie", (*_LIE_SYNONYMS, *(s + "分" for s in _LIE_SYNONYMS), "lie")))
    specs.append(FieldSpec("total", (*_TOTAL_SYNONYMS, "total")))
    return tuple(specs)


def screening_fields(instrument: str, *, scales: bool = False) -> tuple[FieldSpec, ...]:
    """Identity fields, then either the instrument's items or (MHT platform export, ``scales``)
    the eight scale scores, the lie score and the total. Item fields are required: a sheet
    without one of its questions cannot be scored."""
    if instrument not in ITEM_COUNTS:
        raise ValueError(f"unknown instrument {instrument!r}")
    if scales:
        if instrument != "mht":
            raise ValueError("only MHT files carry scale scores")
        return (*_IDENTITY, *_scale_fields())
    items = tuple(
        FieldSpec(item_field(n), _item_synonyms(n), required=True)
        for n in range(1, ITEM_COUNTS[instrument] + 1)
    )
    return (*_IDENTITY, *items)


def detect_mht_mode(headers: Sequence[str]) -> bool:
    """True when the headers are a platform's MHT scores (scale names such as 学习焦虑, 效度)
    rather than the 100 answers."""
    keys = {header_key(h) for h in headers if h}
    found = 0
    for spec in _scale_fields():
        if spec.key == "total":  # 总分 heads answer sheets too
            continue
        if any(header_key(s) in keys for s in spec.synonyms):
            found += 1
    return found >= _SCALE_MODE_MIN


def guess_header(table: Table, instrument: str) -> tuple[HeaderGuess, bool]:
    """The header row of a results file and whether it is an MHT platform export (scales).

    For MHT the header is searched with the answer-sheet and the scale fields together: a
    platform's data row (12, 5, 3, 9 …) would otherwise look like item headers 12, 5, 3, 9 and
    win over a header row that recognises only 学籍号 and 姓名 as answer-sheet fields."""
    fields = screening_fields(instrument)
    if instrument == "mht":
        keys = {spec.key for spec in fields}
        fields += tuple(s for s in screening_fields("mht", scales=True) if s.key not in keys)
    try:
        guess = find_header(table, fields)
    except ValidationError:
        count = ITEM_COUNTS[instrument]
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "no header row found in the first 10 rows; expected column headers such as 学籍号,"
                " 姓名, 班级 and 第1题 … 第%1题 (or 1 … %1, Q1 … Q%1)",
            ),
            count,
            record=table.name,
        ) from None
    scales = instrument == "mht" and detect_mht_mode(guess.headers)
    mapping = auto_map(guess.headers, screening_fields(instrument, scales=scales))
    return HeaderGuess(guess.row_index, guess.headers, mapping), scales
