"""Ruled grids: label/value fields and data tables.

Grids put a Paragraph in every cell so any text wraps, and a cell taller than a page is cut into
continuation rows (reportlab cannot split one cell across pages and would stop with a
LayoutError). They are apart from flowables.py because the splitting and ruling is most of the
layout code, and nothing else shares it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable

from counselroom.documents.layout import FRAME_HEIGHT, FRAME_WIDTH, SHADE, Styles

__all__ = ["RuledTable", "data_table", "fields_grid", "natural_width"]

_PAD_X = 4.0
_PAD_Y = 3.0
_PIECE_LINES = 8  # a cell taller than this is continued in the rows below
_RULE = 0.5
_OUTER = 0.9


class RuledTable(RLTable):
    """A table whose parts, when it breaks across pages, are each closed by a rule.

    reportlab drops BOX's bottom edge on a split part (and its "splitlast" row selector is
    lost after the second split), so every part gets its own edge here.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts[:-1]:
            if isinstance(part, RLTable):
                part.setStyle([("LINEBELOW", (0, -1), (-1, -1), _OUTER, black)])
        for part in parts[1:]:
            if isinstance(part, RLTable):
                part.setStyle([("LINEABOVE", (0, 0), (-1, 0), _OUTER, black)])
        return parts


def _pieces(para: Paragraph, width: float) -> list[Paragraph]:
    """``para`` cut at line boundaries into pieces of at most :data:`_PIECE_LINES` lines.

    Small pieces let a long cell fill the page before moving on (a row only breaks between
    rows), at the cost of a few more rows.
    """
    limit = _PIECE_LINES * para.style.leading + 0.5
    out: list[Paragraph] = []
    rest = para
    while True:
        _, h = rest.wrap(width, 100 * FRAME_HEIGHT)
        parts = rest.split(width, limit) if h > limit else []
        if len(parts) < 2:
            out.append(rest)
            return out
        out.append(parts[0])
        rest = parts[1]


def _expand(
    cells: Sequence[Paragraph | str], widths: Sequence[float], top: int
) -> tuple[list[list[Paragraph | str]], list[tuple[Any, ...]]]:
    """One logical row as table rows from row ``top`` on, tall cells continued in the rows
    below, with the commands that close the padding between them so the text reads on."""
    columns: list[list[Paragraph | str]] = []
    for cell, width in zip(cells, widths, strict=True):
        if isinstance(cell, Paragraph):
            columns.append(_pieces(cell, width - 2 * _PAD_X))
        else:
            columns.append([cell])
    height = max(len(col) for col in columns)
    rows = [[col[i] if i < len(col) else "" for col in columns] for i in range(height)]
    commands: list[tuple[Any, ...]] = []
    if height > 1:
        last = top + height - 1
        commands.append(("BOTTOMPADDING", (0, top), (-1, last - 1), 0))
        commands.append(("TOPPADDING", (0, top + 1), (-1, last), 0))
    return rows, commands


def natural_width(para: Paragraph) -> float:
    """The width ``para`` takes on one line."""
    para.wrap(100 * FRAME_WIDTH, FRAME_HEIGHT)
    return max(para.getActualLineWidths0() or [0.0])


def _grid(
    data: list[list[Any]],
    widths: Sequence[float],
    commands: list[tuple[Any, ...]],
    repeat: int,
    styles: Styles,
) -> RLTable:
    base: list[tuple[Any, ...]] = [
        # Empty cells are strings; without this the PDF names an unembedded Helvetica for them.
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.primary.name),
        ("BOX", (0, 0), (-1, -1), _OUTER, black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), _PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_Y + 1),
    ]
    if len(widths) > 1:
        base.append(("LINEAFTER", (0, 0), (-2, -1), _RULE, black))
    return RuledTable(
        data,
        colWidths=list(widths),
        style=base + commands,
        repeatRows=repeat,
        splitByRow=1,
        spaceBefore=4,
        spaceAfter=10,
        hAlign="CENTER",
    )


def data_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    relative: Sequence[float] | None,
    empty_text: str,
    styles: Styles,
) -> RLTable:
    """A ruled table, header shaded and repeated on every page."""
    par, n = styles.paragraph, len(headers)
    if n == 0:
        raise ValueError("a table needs at least one column")
    weights = list(relative) if relative is not None else [1.0] * n
    if len(weights) != n or any(w <= 0 for w in weights):
        raise ValueError(f"table widths {weights!r} do not fit {n} columns")
    widths = [FRAME_WIDTH * w / sum(weights) for w in weights]
    data: list[list[Any]] = [[par(h, styles.cell_bold, bold=True) for h in headers]]
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), _OUTER, black),
    ]
    if not rows:
        centre = ParagraphStyle("cr-empty", parent=styles.cell, alignment=TA_CENTER)
        data.append([par(empty_text, centre)] + [""] * (n - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
        return _grid(data, widths, commands, 1, styles)
    for number, row in enumerate(rows, start=1):
        if len(row) != n:
            raise ValueError(f"table row {number} has {len(row)} cells for {n} headers")
        expanded, closing = _expand([par(cell, styles.cell) for cell in row], widths, len(data))
        data.extend(expanded)
        commands.extend(closing)
        # A rule under the logical row only: continuation rows read as one cell.
        commands.append(("LINEBELOW", (0, len(data) - 1), (-1, len(data) - 1), _RULE, black))
    return _grid(data, widths, commands, 1, styles)


def fields_grid(rows: Sequence[tuple[str, str]], columns: int, styles: Styles) -> RLTable:
    """Label/value pairs, ``columns`` pairs a row, labels shaded.

    A value too long for two lines of its cell gets a row of its own, and the last value of a
    row runs to the right edge, so no empty cells are left.
    """
    par, cell = styles.paragraph, styles.cell
    columns = max(1, columns)
    pair = FRAME_WIDTH / columns
    label_need = max((natural_width(par(label, cell)) for label, _ in rows), default=0.0)
    label_w = min(max(label_need + 2 * _PAD_X + 1, 4 * cell.fontSize), pair * 0.45)
    value_w = pair - label_w
    widths = [label_w, value_w] * columns
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []

    def emit(pairs: list[tuple[str, str]]) -> None:
        cells = [par(text, cell) for pair_ in pairs for text in pair_]
        last = len(cells) - 1
        top = len(data)
        expanded, closing = _expand(cells, [*widths[:last], sum(widths[last:])], top)
        data.extend(list(row) + [""] * (len(widths) - len(row)) for row in expanded)
        commands.extend(closing)
        bottom = len(data) - 1
        for r in range(top, bottom + 1) if last < len(widths) - 1 else ():
            commands.append(("SPAN", (last, r), (-1, r)))
        for c in range(0, last, 2):
            commands.append(("BACKGROUND", (c, top), (c, bottom), SHADE))
        commands.append(("LINEBELOW", (0, bottom), (-1, bottom), _RULE, black))

    line: list[tuple[str, str]] = []
    for label, value in rows:
        if columns > 1 and natural_width(par(value, cell)) > 2 * (value_w - 2 * _PAD_X):
            if line:
                emit(line)
                line = []
            emit([(label, value)])
            continue
        line.append((label, value))
        if len(line) == columns:
            emit(line)
            line = []
    if line:
        emit(line)
    if not data:
        data.append([""] * len(widths))
    return _grid(data, widths, commands, 0, styles)
