"""Find the header row of a table and map its columns to the fields an importer needs.

Exporters word their headers differently (学籍号, 全国学籍号, 学生编号; 第1题, Q1, 1、) and decorate
them (姓名*, 出生日期(yyyy-mm-dd), 性别：), so headers are compared by a normalised key, never as
typed. The mapping is only a proposal: the window lets the counsellor change it and remembers the
choice per header for the next file, and the CLI takes ``--map FIELD=COLUMN``.

Only find_header's refusal reaches the window, so only it is a template for the catalogue
(QT_TRANSLATE_NOOP); the ``--map`` refusals are the CLI's own and stay English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.text import normalise_ascii
from counselroom.intake.sheets import SheetRow, Table, column_letter

# Header decorations: a required-field star, and a trailing explanation in brackets.
_STARS = str.maketrans("", "", "*＊")
_BRACKETS = {")": "(", "]": "[", "】": "【", "〕": "〔"}
_TRAILING = ".、:："
_MAX_LETTERS = 3  # XFD, the last column of Excel, has three letters


@dataclass(frozen=True)
class FieldSpec:
    """A value an importer reads from one column, and the headers that announce it."""

    key: str  # stable ASCII code, e.g. "student_no", "item3", "member1_name"
    synonyms: tuple[str, ...]  # header texts recognised (compared by header_key)
    required: bool = False


@dataclass(frozen=True)
class HeaderGuess:
    """The header row found in a table and the automatic mapping of its columns."""

    row_index: int  # index into Table.rows of the header row
    headers: tuple[str, ...]  # that row's cell texts (original)
    mapping: dict[str, int]  # field key -> column index (0-based), automatic


def header_key(text: str) -> str:
    """The form headers are compared in: "姓名（必填）：" and "姓名 *" both give "姓名"."""
    key = "".join(normalise_ascii(text).split()).translate(_STARS)
    while True:  # "出生日期(yyyy-mm-dd)：" has a bracket and then a colon
        trimmed = _drop_bracketed_tail(key.rstrip(_TRAILING))
        if trimmed == key:
            return key.lower()
        key = trimmed


def _drop_bracketed_tail(key: str) -> str:
    """Drop a trailing "(…)" or "【…】", nested brackets included, unless it is all there is."""
    if not key or key[-1] not in _BRACKETS:
        return key
    depth = 0
    for index in range(len(key) - 1, -1, -1):
        char = key[index]
        if char in _BRACKETS:
            depth += 1
        elif char in _BRACKETS.values():
            depth -= 1
            if depth == 0:
                return key[:index] if index > 0 else key
    return key  # unbalanced: leave it as written


def _synonym_index(fields: Sequence[FieldSpec]) -> dict[str, str]:
    """header key -> the first field (in the given order) that recognises it."""
    index: dict[str, str] = {}
    for spec in fields:
        for synonym in spec.synonyms:
            index.setdefault(header_key(synonym), spec.key)
    return index


def _map_with(headers: Sequence[str], index: Mapping[str, str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for column, header in enumerate(headers):
        field = index.get(header_key(header))
        if field is not None and field not in mapping:
            mapping[field] = column
    return mapping


def auto_map(headers: Sequence[str], fields: Sequence[FieldSpec]) -> dict[str, int]:
    """field key -> column index, for the headers the fields recognise; first column wins."""
    return _map_with(headers, _synonym_index(fields))


def find_header(table: Table, fields: Sequence[FieldSpec], *, scan_rows: int = 10) -> HeaderGuess:
    """The row among the first ``scan_rows`` with the most recognised headers (ties: earliest).

    A title row or merged cells above the header recognise nothing and are skipped this way.
    """
    index = _synonym_index(fields)
    best: HeaderGuess | None = None
    for row_index, row in enumerate(table.rows[:scan_rows]):
        mapping = _map_with(row.cells, index)
        if len(mapping) >= 2 and (best is None or len(mapping) > len(best.mapping)):
            best = HeaderGuess(row_index, row.cells, mapping)
    if best is None:
        expected = [f for f in fields if f.required] + [f for f in fields if not f.required]
        examples = "、".join(f.synonyms[0] for f in expected[:6] if f.synonyms)
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "no header row found in the first %1 rows; expected column headers such as %2",
            ),
            scan_rows,
            examples,
            record=table.name,
        )
    return best


def missing_required(mapping: Mapping[str, int], fields: Sequence[FieldSpec]) -> list[FieldSpec]:
    """The required fields that no column is mapped to."""
    return [spec for spec in fields if spec.required and spec.key not in mapping]


def resolve_column(ref: str, headers: Sequence[str]) -> int:
    """The column a ``--map`` value names: a header of the file, else a letter ("C", "AA")."""
    key = header_key(ref)
    if key:
        for column, header in enumerate(headers):
            if header_key(header) == key:
                return column
    letters = ref.strip().upper()
    if letters.isascii() and letters.isalpha() and len(letters) <= _MAX_LETTERS:
        column = 0
        for char in letters:
            column = column * 26 + ord(char) - 64
        if column <= len(headers):
            return column - 1
        last = column_letter(len(headers) - 1) if headers else "none"
        raise ValidationError(
            f"column {letters} is past the last column of the header row ({last})"
        )
    raise ValidationError(
        f"no column '{ref}': give a header of the file or a column letter (A, B, …)"
    )


def parse_map_options(
    options: Sequence[str], headers: Sequence[str], fields: Sequence[FieldSpec]
) -> dict[str, int]:
    """``["name=姓名", "class=D"]`` -> {"name": 1, "class": 3}; the CLI's ``--map`` options."""
    known = {spec.key for spec in fields}
    mapping: dict[str, int] = {}
    for option in options:
        field, sep, ref = option.partition("=")
        field, ref = field.strip(), ref.strip()
        if not sep or not field or not ref:
            raise ValidationError(f"'{option}' is not FIELD=COLUMN (e.g. name=姓名 or name=C)")
        if field not in known:
            raise ValidationError(
                f"unknown field '{field}'; the fields are {', '.join(sorted(known))}",
                field=field,
            )
        if field in mapping:
            raise ValidationError(f"field '{field}' is mapped twice", field=field)
        column = resolve_column(ref, headers)
        for other, taken in mapping.items():
            if taken == column:
                raise ValidationError(
                    f"column {column_letter(column)} is mapped to both {other} and {field}",
                    field=field,
                )
        mapping[field] = column
    return mapping


def data_rows(table: Table, guess_row_index: int) -> tuple[SheetRow, ...]:
    """The rows below the header row."""
    return table.rows[guess_row_index + 1 :]


def remembered_mapping(
    headers: Sequence[str], remembered: Mapping[str, str], fields: Sequence[FieldSpec]
) -> dict[str, int]:
    """auto_map, overridden by the choices saved from a previous file for headers present.

    ``remembered`` is {header_key: field key, or "" for a column the user ignored}. A
    remembered choice moves its field to that column; a field no longer known is ignored.
    """
    known = {spec.key for spec in fields}
    by_column = {column: field for field, column in auto_map(headers, fields).items()}
    chosen: set[str] = set()
    for column, header in enumerate(headers):
        key = header_key(header)
        if not key or key not in remembered:
            continue
        field = remembered[key]
        if field and field not in known:
            continue
        by_column.pop(column, None)
        if field and field not in chosen:
            for other in [c for c, f in by_column.items() if f == field]:
                del by_column[other]
            by_column[column] = field
            chosen.add(field)
    return {field: column for column, field in sorted(by_column.items())}


def mapping_to_remember(headers: Sequence[str], mapping: Mapping[str, int]) -> dict[str, str]:
    """{header_key: field or ""} for every non-empty header, to save for the next file."""
    by_column = {column: field for field, column in mapping.items()}
    remember: dict[str, str] = {}
    for column, header in enumerate(headers):
        key = header_key(header)
        if key:  # a repeated header keeps its first column's choice, as auto_map does
            remember.setdefault(key, by_column.get(column, ""))
    return remember
