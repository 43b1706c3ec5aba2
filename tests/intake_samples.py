"""Write small messy spreadsheets for intake tests, the way schools' programs save them.

Shared by the sheet, roster and screening tests, so every importer is tried on the same kinds
of files: an .xlsx with a merged title row above the header (as the student-status system
exports), and CSV in the encodings and separators Chinese Excel and WPS use.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    title: str | None = None,
    merge_title: bool = True,
) -> Path:
    """Write ``rows`` to the first sheet of an .xlsx; return ``path``.

    Cells are written as given: None is an empty cell, numbers and dates stay numbers and
    dates, and a str starting with "=" becomes a formula. An empty list is a blank row. With
    ``title``, a title row goes above the rows, merged across the first row's width when
    ``merge_title`` (the layout that must not be taken for the header).
    """
    workbook = Workbook()
    sheet = workbook.active
    if title is not None:
        sheet.append([title])
        width = len(rows[0]) if rows else 1
        if merge_title and width > 1:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
) -> Path:
    """Write ``rows`` as CSV; return ``path``.

    The defaults give Excel's "CSV UTF-8"; encoding="gb18030" is what Chinese Excel saves as
    plain CSV, and encoding="utf-16" with delimiter="\\t" is its "Unicode text". Cells are
    quoted only when needed (a delimiter, a quote or a line break inside), None is written as
    an empty cell and an empty list as a blank line.
    """
    with path.open("w", encoding=encoding, newline="") as out:
        csv.writer(out, delimiter=delimiter).writerows(rows)
    return path
