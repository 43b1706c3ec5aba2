"""Read an .xlsx or .csv file into rows of trimmed text, numbered as a spreadsheet shows them.

Everything later (header detection, field parsers, importers) works on text, so the rules that
turn a cell into text live here, once: a 学籍号 typed as a number, a date cell and a formula
must all arrive in a form the parsers can recognise and explain. Row numbers are the physical
ones (blank rows counted) because every problem is reported as "row 12" and the counsellor
looks that row up in Excel or WPS. A refusal is a template of sheet_reasons.py with its data
apart, so the window can show it in Chinese.
"""

from __future__ import annotations

import csv
import io
import struct
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]
from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # type: ignore[import-untyped]

from counselroom.domain.errors import ValidationError
from counselroom.intake import sheet_reasons as why

MAX_DATA_ROWS = 50_000  # a school roster or screening file is < 20,000 rows; more is a wrong file
# Checked before anything is decoded, so a wrong file (a video, a database dump) is refused
# at once instead of filling the memory; 50,000 rows of 60 columns stay well below it.
MAX_FILE_BYTES = 100 * 1024 * 1024

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
# Binary formats openpyxl cannot read: the student-status system and WPS save these.
OLD_SUFFIXES = frozenset({".xls", ".et"})

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, and any password-protected workbook
# Excel's last row. A damaged row number beyond it would make openpyxl yield blank rows for
# hours; no real sheet goes there.
_EXCEL_MAX_ROW = 1_048_576
# What openpyxl, zipfile, zlib and the XML parser raise on a damaged or foreign file, while
# loading or while rows are read lazily. ParseError is a SyntaxError.
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    InvalidFileException,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    SyntaxError,
    EOFError,
    OSError,
    OverflowError,
    RuntimeError,  # zipfile: an encrypted member, or a compression method it cannot read
    struct.error,
)


@dataclass(frozen=True)
class SheetRow:
    """One non-blank row of a file."""

    number: int  # row number as Excel/WPS shows it (1-based, physical, blank rows counted)
    cells: tuple[str, ...]  # text of each cell; "" for empty; trailing empty cells trimmed


@dataclass(frozen=True)
class Table:
    """The non-blank rows of a file's first worksheet, as text."""

    name: str  # the file's name (no folder), used in messages
    rows: tuple[SheetRow, ...]  # NON-blank rows only, in order

    def width(self) -> int:
        """The number of columns in use: the longest row."""
        return max((len(row.cells) for row in self.rows), default=0)


def column_letter(index: int) -> str:
    """The spreadsheet name of a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA"."""
    if index < 0:
        raise ValueError(f"a column index is 0 or more, not {index}")
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_formula(text: str) -> bool:
    """Whether a cell's text is a formula, which importers refuse rather than trust."""
    return text.startswith("=") and len(text) > 1


def read_table(path: Path) -> Table:
    """Read the first worksheet of an .xlsx, or a .csv/.txt file, into a Table.

    Raises ValidationError(record=<file name>) when the file as a whole cannot be used; the
    message says what to do about it.
    """
    name = path.name
    suffix = path.suffix.lower()
    if suffix in OLD_SUFFIXES:
        raise _refuse(name, why.OLD_WORKBOOK, suffix)
    if suffix not in XLSX_SUFFIXES and suffix not in TEXT_SUFFIXES:
        if suffix:
            raise _refuse(name, why.UNKNOWN_SUFFIX, suffix)
        raise _refuse(name, why.NO_SUFFIX)
    data = _read_bytes(path)
    rows = _xlsx_rows(data, name) if suffix in XLSX_SUFFIXES else _text_rows(data, name)
    if not rows:
        raise _refuse(name, why.NO_ROWS)
    return Table(name=name, rows=tuple(rows))


def _refuse(name: str, template: str, *args: object) -> ValidationError:
    return ValidationError.of(template, *args, record=name)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            megabytes = size // (1024 * 1024)
            raise _refuse(path.name, why.TOO_LARGE, megabytes)
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _refuse(path.name, why.CANNOT_OPEN, reason) from exc


def _too_many(name: str) -> ValidationError:
    return _refuse(name, why.TOO_MANY_ROWS, f"{MAX_DATA_ROWS:,}")


def _damaged(name: str, data: bytes) -> ValidationError:
    if data.startswith(_OLE2_MAGIC):
        return _refuse(name, why.DAMAGED_OLE2)
    return _refuse(name, why.DAMAGED)


def _xlsx_rows(data: bytes, name: str) -> list[SheetRow]:
    # openpyxl warns about styles and extensions it drops; they say nothing to a counsellor.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            # data_only=False: a formula arrives as its text; cached results are not trusted.
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except _DAMAGED as exc:
            raise _damaged(name, data) from exc
        try:
            return _worksheet_rows(workbook, name)
        except _DAMAGED as exc:  # rows are parsed lazily: damage can show up here too
            raise _damaged(name, data) from exc
        finally:
            workbook.close()


def _worksheet_rows(workbook: object, name: str) -> list[SheetRow]:
    sheet = getattr(workbook, "active", None)
    if not isinstance(sheet, ReadOnlyWorksheet):  # a chart sheet in front, or none at all
        sheets = getattr(workbook, "worksheets", [])
        sheet = next((s for s in sheets if isinstance(s, ReadOnlyWorksheet)), None)
        if sheet is None:
            raise _refuse(name, why.NO_WORKSHEET)
    # Some exporters write a wrong <dimension>; read-only mode would stop at it silently.
    sheet.reset_dimensions()
    rows: list[SheetRow] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        # Most cells are text: test for str inline before calling the general converter.
        cells = [v.strip() if v.__class__ is str else _cell_text(v) for v in values]
        if _keep(rows, number, cells, name):
            continue
        if number > _EXCEL_MAX_ROW:
            raise _damaged(name, b"")
    return rows


def _keep(rows: list[SheetRow], number: int, cells: list[str], name: str) -> bool:
    """Append the row unless it is blank (trailing empty cells dropped); False for a blank row.
    Refuses the file at the row past MAX_DATA_ROWS, before reading the rest of it."""
    while cells and not cells[-1]:
        cells.pop()
    if not cells:
        return False
    if len(rows) == MAX_DATA_ROWS:
        raise _too_many(name)
    rows.append(SheetRow(number, tuple(cells)))
    return True


def _cell_text(value: object) -> str:
    """The text of a non-str cell value, following the rules the field parsers expect."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, datetime):  # before date: datetime is a date
        if value.hour or value.minute or value.second or value.microsecond:
            return value.strftime("%Y-%m-%d %H:%M")
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value).strip()


def _float_text(value: float) -> str:
    # Excel keeps 15 significant digits: an 18-digit ID typed as a number has lost its last
    # digits already. Showing it as "1.10101200001011e+17" lets the ID parsers say so.
    if value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else format(value, ".15g")
    shortest = repr(value)
    mantissa = shortest.split("e")[0]
    digits = "".join(c for c in mantissa if c.isdigit()).strip("0")
    return format(value, ".15g") if len(digits) >= 16 else shortest


def _text_rows(data: bytes, name: str) -> list[SheetRow]:
    text = _decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[SheetRow] = []
    number = 0
    try:
        # One record is one spreadsheet row, even when a quoted cell spans several lines.
        for number, record in enumerate(reader, start=1):
            _keep(rows, number, [cell.strip() for cell in record], name)
    except csv.Error as exc:
        raise _refuse(name, why.BAD_CSV, number + 1, exc) from exc
    return rows


def _decode(data: bytes, name: str) -> str:
    if data.startswith(_ZIP_MAGIC):
        raise _refuse(name, why.WORKBOOK_AS_TEXT)
    if data.startswith(_OLE2_MAGIC):
        raise _refuse(name, why.OLD_WORKBOOK_AS_TEXT)
    if data.startswith(b"\xef\xbb\xbf"):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        candidates = ("utf-16",)
    else:  # Chinese Excel saves CSV in GB18030/GBK; other programs in UTF-8
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise _refuse(name, why.BINARY)
        return text
    raise _refuse(name, why.UNKNOWN_ENCODING)


def _delimiter(text: str) -> str:
    """Tab if the first line holding a tab or a comma has more tabs than commas, else comma.

    Looking past lines with neither skips a title line such as "2024级学生名单".
    """
    for line in text[:65536].splitlines():
        tabs, commas = line.count("\t"), line.count(",")
        if tabs or commas:
            return "\t" if tabs > commas else ","
    return ","
