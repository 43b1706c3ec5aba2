"""The page of a printed document: A4 geometry, paragraph styles, running head and footer.

The proportions follow GB/T 9704 (党政机关公文格式): a 156 × 225 mm text block with 37 mm at the
top, 35 mm at the bottom, 28 mm on the left; body in 三号 (16 pt) on a 28 pt line, titles in 二号
(22 pt). The running head (school, 保密, title, 文书编号) sits in the top margin and the footer
(第 x 页 / 共 y 页, who printed it and when) in the bottom margin, so body text, which only ever
flows inside the frame, can never touch them.

"共 y 页" is only known once a document is laid out to its end, and in a batch each document
counts its own pages: :class:`PagedCanvas` holds the finished pages and writes the footers when
the PDF is saved, instead of laying everything out twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate

from counselroom.documents.fonts import FontSet
from counselroom.documents.model import Align, RunningHead
from counselroom.domain.dates import format_date_zh

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

# Running head and footer: bands (top edge measured from the bottom of the page).
_HEAD_TOP = PAGE_HEIGHT - 11 * mm
_SCHOOL_HEIGHT = 8 * mm
_LINE_TOP = PAGE_HEIGHT - 20.5 * mm
_LINE_HEIGHT = 5 * mm
_RULE_Y = PAGE_HEIGHT - 27 * mm
_PAGE_NO_TOP = MARGIN_BOTTOM - 8 * mm
_PRINTED_TOP = MARGIN_BOTTOM - 16 * mm
_FOOT_HEIGHT = 5 * mm
_MARK_WIDTH = 18 * mm
_MIN_SIZE = 5.0

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


def printed_at_text(at: datetime) -> str:
    """2026年11月22日 14:05, the way Chinese official documents write a date."""
    return f"{format_date_zh(at.date())} {at:%H:%M}"


def page_number_text(page: int, total: int) -> str:
    return f"第 {page} 页 / 共 {total} 页"


def printed_by_text(head: RunningHead) -> str:
    # One space: paragraph markup collapses runs of any whitespace (even U+3000) into one.
    return f"打印：{head.printed_by} {printed_at_text(head.printed_at)}"


def number_text(head: RunningHead) -> str:
    return f"文书编号：{head.number}"


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


def _fitted(
    text: str,
    style: ParagraphStyle,
    width: float,
    height: float,
    styles: Styles,
    bold: bool = False,
) -> Paragraph:
    """``text`` on one line of ``width`` if a smaller size allows it, never beyond ``height``.

    Running heads repeat what the body already says, so a very long school name is shrunk rather
    than allowed to run into the body or off the paper.
    """
    size = style.fontSize
    while True:
        fitted = ParagraphStyle(
            f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.2
        )
        para = styles.paragraph(text, fitted, bold=bold)
        _, h = para.wrap(width, 10 * PAGE_HEIGHT)
        if (len(para.blPara.lines) <= 1 and h <= height) or size <= _MIN_SIZE:
            return para
        size = max(_MIN_SIZE, size - 0.5)


def _draw_band(
    canv: Canvas, para: Paragraph, x: float, top: float, width: float, height: float
) -> None:
    """Draw ``para`` hanging from ``top``; scaled down evenly if still taller than the band."""
    _, h = para.wrap(width, 10 * PAGE_HEIGHT)
    if h <= height:
        para.drawOn(canv, x, top - h)
        return
    scale = height / h
    canv.saveState()
    canv.translate(x, top - height)
    canv.scale(scale, scale)
    para.wrap(width / scale, 10 * PAGE_HEIGHT)
    para.drawOn(canv, 0, 0)
    canv.restoreState()


def _natural_width(para: Paragraph) -> float:
    para.wrap(10 * PAGE_WIDTH, PAGE_HEIGHT)
    return max(para.getActualLineWidths0() or [0.0])


class _Band(NamedTuple):
    para: Paragraph
    x: float
    top: float
    width: float
    height: float

    def draw(self, canv: Canvas) -> None:
        _draw_band(canv, self.para, self.x, self.top, self.width, self.height)


@dataclass
class RunningHeads:
    """Draws each document's head (as its pages begin) and footers (when the PDF is saved)."""

    heads: Sequence[RunningHead]
    styles: Styles
    page_docs: list[int] = field(default_factory=list)  # document index of every page, in order
    _bands: dict[int, tuple[list[_Band], _Band | None]] = field(default_factory=dict)

    def on_page(self, index: int) -> Callable[[Canvas, BaseDocTemplate], None]:
        def draw(canv: Canvas, _doc: BaseDocTemplate) -> None:
            self.page_docs.append(index)
            self.draw_head(canv, index)

        return draw

    def draw_head(self, canv: Canvas, index: int) -> None:
        if index not in self._bands:  # the same on every page of a document: fit it once
            self._bands[index] = self._fit_head(self.heads[index])
        bands, mark = self._bands[index]
        for band in bands:
            band.draw(canv)
        canv.saveState()
        canv.setStrokeColor(black)
        canv.setLineWidth(0.8)
        canv.line(FRAME_X, _RULE_Y, FRAME_X + FRAME_WIDTH, _RULE_Y)
        if mark is not None:  # 保密 boxed in black: legible on a black-and-white printer
            mark.draw(canv)
            h = min(mark.para.wrap(mark.width, PAGE_HEIGHT)[1], mark.height)
            canv.setLineWidth(1.2)
            canv.rect(mark.x - mm, mark.top - h - 1.2 * mm, mark.width + 2 * mm, h + 2 * mm)
        canv.restoreState()

    def _fit_head(self, head: RunningHead) -> tuple[list[_Band], _Band | None]:
        st = self.styles
        mark = None
        school_width = FRAME_WIDTH
        top = _HEAD_TOP - 1.5 * mm
        if head.confidential:
            school_width -= _MARK_WIDTH + 4 * mm
            inner, height = _MARK_WIDTH - 2 * mm, _SCHOOL_HEIGHT - 2 * mm
            para = _fitted(head.confidential, st.mark, inner, height, st, bold=True)
            mark = _Band(para, FRAME_X + FRAME_WIDTH - _MARK_WIDTH + mm, top, inner, height)
        school = _fitted(head.school, st.head, school_width, _SCHOOL_HEIGHT, st)
        number = number_text(head)
        right = ParagraphStyle("cr-number", parent=st.small, alignment=TA_RIGHT)
        number_width = min(FRAME_WIDTH * 0.45, _natural_width(st.paragraph(number, right)) + 2)
        title_width = FRAME_WIDTH - number_width - 4 * mm
        return [
            _Band(school, FRAME_X, top, school_width, _SCHOOL_HEIGHT),
            _Band(
                _fitted(head.title, st.small, title_width, _LINE_HEIGHT, st),
                FRAME_X,
                _LINE_TOP,
                title_width,
                _LINE_HEIGHT,
            ),
            _Band(
                _fitted(number, right, number_width, _LINE_HEIGHT, st),
                FRAME_X + FRAME_WIDTH - number_width,
                _LINE_TOP,
                number_width,
                _LINE_HEIGHT,
            ),
        ], mark

    def draw_footer(self, canv: Canvas, index: int, page: int, total: int) -> None:
        st, head = self.styles, self.heads[index]
        centre = ParagraphStyle("cr-page-no", parent=st.small, fontSize=10.5, alignment=TA_CENTER)
        page_no = _fitted(page_number_text(page, total), centre, FRAME_WIDTH, _FOOT_HEIGHT, st)
        _Band(page_no, FRAME_X, _PAGE_NO_TOP, FRAME_WIDTH, _FOOT_HEIGHT).draw(canv)
        printed = _fitted(printed_by_text(head), st.small, FRAME_WIDTH, _FOOT_HEIGHT, st)
        _Band(printed, FRAME_X, _PRINTED_TOP, FRAME_WIDTH, _FOOT_HEIGHT).draw(canv)


class PagedCanvas(Canvas):
    """Keeps every page until :meth:`save`, then writes the footers with each document's total.

    Page ``k`` belongs to document ``heads.page_docs[k]`` (recorded as the page began), so a
    batch numbers every document from 1.
    """

    def __init__(self, *args: Any, heads: RunningHeads, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._heads = heads
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        docs = self._heads.page_docs
        if len(docs) != len(self._held_pages):
            raise RuntimeError(f"{len(self._held_pages)} pages laid out, {len(docs)} begun")
        totals = Counter(docs)
        seen: Counter[int] = Counter()
        for state, index in zip(self._held_pages, docs, strict=True):
            self.__dict__.update(state)
            seen[index] += 1
            self._heads.draw_footer(self, index, seen[index], totals[index])
            super().showPage()
        super().save()
