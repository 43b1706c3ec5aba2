"""The ledger (台账) as an .xlsx workbook: what a school files and prints, in Chinese.

Pure: takes the ledger, returns the bytes; the caller writes them atomically. The sheet looks
like the paper ledgers of seed 004: a title row, a 保密 mark and the export date, one header
row (frozen, repeated on every printed page) and one row per student. Dates are real Excel
dates so a school can sort and filter them; the tier is a number plus its name, since the
number survives colour blindness and black-and-white printing.

Text is always stored as text: a name or class label from a roster that starts with "=" would
otherwise become a formula (spreadsheet formula injection), and control characters that the
file format cannot hold are dropped rather than failing the export.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from counselroom.domain.dates import format_date_zh
from counselroom.domain.groups import CareGroup
from counselroom.domain.printed_labels import FILE_STATE_ZH, GENDER_ZH, STUDENT_STATUS_ZH
from counselroom.domain.tiers import Tier
from counselroom.services.ledgers import Ledger, LedgerRow

__all__ = ["HEADERS", "TITLE_ROWS", "cell_values", "workbook_bytes"]

HEADERS = (
    "学籍号",
    "姓名",
    "性别",
    "年级",
    "班级",
    "班主任",
    "纳入日期",
    "分级",
    "档案状态",
    "学籍状态",
    "最近联系",
    "下次随访",
)
TITLE_ROWS = 3  # title, 保密 mark and date, header: data starts on the row after
DATE_FORMAT = "yyyy-mm-dd"
_SHEET_TITLE_FORBIDDEN = str.maketrans({c: "·" for c in "/\\?*[]:"})
_MAX_WIDTH = 40


def cell_values(row: LedgerRow) -> tuple[Any, ...]:
    """The values of one data row, in the order of :data:`HEADERS`."""
    return (
        row.student_no,
        row.name,
        GENDER_ZH.get(row.gender, ""),
        row.grade,
        row.class_label,
        row.head_teacher,
        row.since,
        f"{row.tier} {Tier.from_code(row.tier).label_zh}",
        FILE_STATE_ZH.get(row.file_state, row.file_state),
        STUDENT_STATUS_ZH.get(row.status, row.status),
        row.last_contact,
        row.next_follow_up,
    )


def workbook_bytes(ledger: Ledger, school: str) -> bytes:
    label = CareGroup(ledger.group).label_zh
    book = Workbook()
    book.properties.creator = "CounselRoom"  # not the user: the file leaves the vault
    sheet = book.active
    sheet.title = f"{label}台账".translate(_SHEET_TITLE_FORBIDDEN)[:31]
    columns = len(HEADERS)

    _put(sheet, 1, 1, f"{school} {label}台账".strip(), Font(size=16, bold=True))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30

    _put(sheet, 2, 1, "保密", Font(bold=True, color="C00000"))
    _put(sheet, 2, 3, f"共{len(ledger.rows)}人")
    _put(sheet, 2, columns - 2, f"导出日期：{format_date_zh(ledger.today)}")
    sheet.merge_cells(start_row=2, start_column=columns - 2, end_row=2, end_column=columns)
    sheet.cell(2, columns - 2).alignment = Alignment(horizontal="right")

    header_fill = PatternFill("solid", fgColor="D9D9D9")
    for column, text in enumerate(HEADERS, start=1):
        cell = _put(sheet, TITLE_ROWS, column, text, Font(bold=True))
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center")

    for offset, row in enumerate(ledger.rows, start=TITLE_ROWS + 1):
        for column, value in enumerate(cell_values(row), start=1):
            _put(sheet, offset, column, value)
        if row.tier > 0:
            tier_cell = sheet.cell(offset, HEADERS.index("分级") + 1)
            colour = Tier.from_code(row.tier).colour_hex.lstrip("#")
            tier_cell.fill = PatternFill("solid", fgColor=colour)
            tier_cell.font = Font(color="FFFFFF", bold=True)

    sheet.freeze_panes = sheet.cell(TITLE_ROWS + 1, 1)
    _fit_widths(sheet, [HEADERS, *(cell_values(r) for r in ledger.rows)])
    sheet.print_title_rows = f"{TITLE_ROWS}:{TITLE_ROWS}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _put(sheet: Any, row: int, column: int, value: Any, font: Font | None = None) -> Any:
    cell = sheet.cell(row, column)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        if text:  # an unknown value stays a blank cell, as Excel's blank filter expects
            cell.value = text
            cell.data_type = "s"  # never a formula, whatever the text starts with
    else:
        cell.value = value
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
    if font is not None:
        cell.font = font
    return cell


def _display_width(value: Any) -> int:
    """Characters as a spreadsheet draws them: a CJK character is about two columns wide."""
    if value is None:
        return 0
    if isinstance(value, date):
        return len(DATE_FORMAT)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(value))


def _fit_widths(sheet: Any, rows: Sequence[Sequence[Any]]) -> None:
    for column in range(len(HEADERS)):
        widest = max(_display_width(r[column]) for r in rows)
        sheet.column_dimensions[get_column_letter(column + 1)].width = min(widest + 2, _MAX_WIDTH)
