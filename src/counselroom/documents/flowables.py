"""Small flowables the official-document look needs beyond plain paragraphs.

The cut line of a tear-off receipt, a QR code drawn as vector squares (no image, no temp file),
and the signature lines. The ruled grids (fields, data tables) are tables.py's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import segno
from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable

from counselroom.documents.layout import FRAME_WIDTH, Styles
from counselroom.documents.tables import natural_width


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


def sign_lines(labels: Sequence[str], styles: Styles) -> list[Flowable]:
    """ "家长签名：________" blanks side by side, each line starting right after its label and
    drawn just under the text's baseline; as many to a row (three at most) as leave every
    blank at least 25 mm to write on."""
    style = ParagraphStyle(
        "cr-sign", parent=styles.para("left", False, False), leading=styles.body.fontSize * 1.2
    )
    paras = [styles.paragraph(f"{label}：", style) for label in labels]
    need = [natural_width(para) + 1 for para in paras]
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
