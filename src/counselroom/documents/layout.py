"""The page of a printed document: A4 geometry, the text frame and the paragraph styles.

The proportions follow GB/T 9704 (党政机关公文格式): a 156 × 225 mm text block with 37 mm at the
top, 35 mm at the bottom, 28 mm on the left; body in 三号 (16 pt) on a 28 pt line, titles in 二号
(22 pt). Body text only ever flows inside that frame; the running head and footer drawn in the
margins around it are running_head.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Frame, Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from counselroom.documents.fonts import FontSet
from counselroom.documents.model import Align

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * mm
MARGIN_BOTTOM = 35 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
FRAME_X = MARGIN_LEFT
FRAME_Y = MARGIN_BOTTOM
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm
FRAME_TOP = FRAME_Y + FRAME_HEIGHT

BODY_SIZE = 16.0  # 三号
BODY_LEADING = 28.0
TITLE_SIZE = 22.0  # 二号
CELL_SIZE = 12.0  # 小四: grids and tables
CELL_LEADING = 17.0
SHADE = Color(0.9, 0.9, 0.9)  # label cells: light enough for a black-and-white laser printer

# Chinese punctuation that must not begin a line (GB/T 15834 避头点号 and closing marks).
# reportlab's list is Japanese and lacks the full-width comma, semicolon, colon and question
# mark, so its CJK wrap starts lines with "，"; with them added, the mark hangs at the end of
# the line above instead.
_CANNOT_START = "，。、；：？！）》〉」』】〕］｝”’％‰·"


def _chinese_line_breaking() -> None:
    # Both copies: one-font paragraphs wrap in textsplit, mixed-font ones in paragraph.
    for module in (rl_textsplit, rl_paragraph):
        missing = "".join(c for c in _CANNOT_START if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing


_chinese_line_breaking()

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


class StrokedParagraph(Paragraph):
    """Bold without a bold face: glyphs filled and stroked (PDF text render mode 2).

    Many school PCs have a single Chinese font; titles and headings must still stand out.
    """

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(self.style.textColor)
        canv.setLineWidth(self.style.fontSize * 0.03)
        canv._code.append("2 Tr")
        super().draw()
        canv._code.append("0 Tr")
        canv.restoreState()


@dataclass(frozen=True)
class Styles:
    """Every paragraph style of a document, made for one font set."""

    fonts: FontSet
    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    section: ParagraphStyle
    signature: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    caption: ParagraphStyle
    receipt_title: ParagraphStyle
    head: ParagraphStyle
    small: ParagraphStyle
    mark: ParagraphStyle

    def paragraph(self, text: str, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
        """``text`` (plain, as in the model) set in ``style``; bold from the bold face, or drawn
        with outlined glyphs when the font set has no separate bold face."""
        markup = self.fonts.markup(text, bold=bold)
        if bold and self.fonts.bold_name == self.fonts.primary.name:
            return StrokedParagraph(markup, style)
        return Paragraph(markup, style)

    def para(self, align: Align, indent: bool, bold: bool) -> ParagraphStyle:
        """A body variant: official text indents two characters and justifies."""
        return ParagraphStyle(
            f"body-{align}-{indent}-{bold}",
            parent=self.body,
            alignment=_ALIGN[align],
            firstLineIndent=2 * BODY_SIZE if indent else 0,
            fontName=self.fonts.bold_name if bold else self.body.fontName,
        )


def make_styles(fonts: FontSet) -> Styles:
    regular = fonts.primary.name
    bold = fonts.bold_name
    base = ParagraphStyle(
        "cr-base",
        fontName=regular,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        wordWrap="CJK",  # Chinese breaks between any two characters; long ASCII runs too
        splitLongWords=True,
        textColor=black,
    )

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(f"cr-{name}", parent=base, **kw)

    center = TA_CENTER
    cell = {"fontSize": CELL_SIZE, "leading": CELL_LEADING}
    return Styles(
        fonts=fonts,
        title=style("title", fontName=bold, fontSize=TITLE_SIZE, leading=32, alignment=center),
        subtitle=style("subtitle", alignment=center, spaceAfter=6),
        body=style("body", alignment=TA_JUSTIFY, firstLineIndent=2 * BODY_SIZE),
        section=style("section", fontName=bold, firstLineIndent=2 * BODY_SIZE, spaceBefore=4),
        signature=style("signature", alignment=TA_RIGHT, rightIndent=2 * BODY_SIZE),
        cell=style("cell", **cell),
        cell_bold=style("cell-bold", fontName=bold, alignment=center, **cell),
        caption=style("caption", fontSize=10.5, leading=14, alignment=center),
        receipt_title=style("receipt", fontName=bold, fontSize=18, leading=26, alignment=center),
        head=style("head", fontSize=12, leading=14),
        small=style("small", fontSize=9, leading=11),
        mark=style("mark", fontName=bold, fontSize=14, leading=16, alignment=center),
    )


def body_frame(name: str) -> Frame:
    """The text block; no padding, so the frame is exactly the GB/T 9704 版心."""
    pads = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    return Frame(FRAME_X, FRAME_Y, FRAME_WIDTH, FRAME_HEIGHT, id=name, **pads)
