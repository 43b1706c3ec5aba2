"""Flowables the official-document look needs beyond plain paragraphs.

The cut line of a tear-off receipt, a QR code drawn as vector squares (no image, no temp file),
and the ruled grids — label/value fields, data tables, signature lines. Grids put a Paragraph in
every cell so any text wraps, and a cell taller than a page is cut into continuation rows
(reportlab cannot split one cell across pages and would stop with a LayoutError).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import segno
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable

from counselroom.documents.layout import FRAME_HEIGHT, FRAME_WIDTH, SHADE, Styles

_PAD_X = 4.0
_PAD_Y = 3.0
_PIECE_LINES = 8  # a cell taller than this is continued in the rows below
_RULE = 0.5
_OUTER = 0.9


class CutLine(Flowable):
    """A dashed line across the frame, broken in the middle by "请沿虚线剪下"."""

    def __init__(self, para: Paragraph) -> None:
        super().__init__()
        self._para = para
        self._text_width = 0.0
        self.spaceBefore = 18
        self.spaceAfter = 10

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        _, self.height = self._para.wrap(availWidth * 0.6, availHeight)
        self._text_width = max(self._para.getActualLineWidths0() or [0.0])
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        mid_y = self.height / 2
        gap = self._text_width / 2 + 3 * mm
        centre = self.width / 2
        canv.saveState()
        canv.setStrokeColor(black)
        canv.setLineWidth(0.8)
        canv.setDash(4, 3)
        canv.line(0, mid_y, max(0.0, centre - gap), mid_y)
        canv.line(min(self.width, centre + gap), mid_y, self.width, mid_y)
        canv.restoreState()
        self._para.drawOn(canv, self.width * 0.2, 0)


class QRMatrix(Flowable):
    """A QR code as filled rectangles, one per run of dark modules in a row.

    The size includes the four-module quiet zone the standard asks for, so the flowable can sit
    next to text without the scanner losing the code's edge.
    """

    _QUIET = 4

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self._qr = segno.make(data, error="m", micro=False)
        self.width = self.height = size
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        matrix = self._qr.matrix
        count = len(matrix) + 2 * self._QUIET
        module = self.width / count
        canv = self.canv
        canv.saveState()
        canv.setFillColor(black)
        for r, row in enumerate(matrix):
            y = self.height - (r + self._QUIET + 1) * module
            c = 0
            while c < len(row):
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                x = (start + self._QUIET) * module
                canv.rect(x, y, (c - start) * module, module, stroke=0, fill=1)
        canv.restoreState()


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


def _natural(para: Paragraph) -> float:
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
    label_need = max((_natural(par(label, cell)) for label, _ in rows), default=0.0)
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
        if columns > 1 and _natural(par(value, cell)) > 2 * (value_w - 2 * _PAD_X):
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


def sign_lines(labels: Sequence[str], styles: Styles) -> list[Flowable]:
    """ "家长签名：________" blanks side by side, each line starting right after its label and
    drawn just under the text's baseline; as many to a row (three at most) as leave every
    blank at least 25 mm to write on."""
    style = ParagraphStyle(
        "cr-sign", parent=styles.para("left", False, False), leading=styles.body.fontSize * 1.2
    )
    paras = [styles.paragraph(f"{label}：", style) for label in labels]
    need = [_natural(para) + 1 for para in paras]
    per_row = 1
    for n in (3, 2):
        if n <= len(paras) and max(need) + 25 * mm + 6 * mm <= FRAME_WIDTH / n:
            per_row = n
            break
    pair = FRAME_WIDTH / per_row
    gap = 6 * mm if per_row > 1 else 0.0
    out: list[Flowable] = []
    for start in range(0, len(paras), per_row):
        row: list[Any] = []
        widths: list[float] = []
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), styles.fonts.primary.name),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
        for i in range(start, min(start + per_row, len(paras))):
            label_w = min(need[i], pair * 0.6)
            row += [paras[i], "", ""]
            widths += [label_w, pair - label_w - gap, gap]
            col = 3 * (i - start) + 1
            commands.append(("LINEBELOW", (col, 0), (col, 0), 0.8, black))
        out.append(RLTable([row], colWidths=widths, style=commands, spaceBefore=18, spaceAfter=4))
    return out
