"""The running head and footer of every page, and the canvas that numbers each document's pages.

The head (school, 保密, title, 文书编号) sits in the top margin and the footer (第 x 页 / 共 y
页, who printed it and when) in the bottom margin, so body text, which only ever flows inside
the frame (layout.py), can never touch them. They are apart from layout.py because they are
drawn on the canvas, outside the flow, with their own fitting (a long school name is shrunk
rather than allowed to spill).

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

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate

from counselroom.documents.layout import (
    FRAME_WIDTH,
    FRAME_X,
    MARGIN_BOTTOM,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Styles,
)
from counselroom.documents.model import RunningHead
from counselroom.domain.dates import format_date_zh

__all__ = [
    "PagedCanvas",
    "RunningHeads",
    "number_text",
    "page_number_text",
    "printed_at_text",
    "printed_by_text",
]

# Bands (top edge measured from the bottom of the page).
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


def printed_at_text(at: datetime) -> str:
    """2026年11月22日 14:05, the way Chinese official documents write a date."""
    return f"{format_date_zh(at.date())} {at:%H:%M}"


def page_number_text(page: int, total: int) -> str:
    return f"第 {page} 页 / 共 {total} 页"


def printed_by_text(head: RunningHead) -> str:
    # One space: paragraph markup collapses runs of any whitespace (even U+3000) into one.
    return f"打印：{head.printed_by} {printed_at_text(head.printed_at)}"


def number_text(head: RunningHead) -> str:
    """The 文书编号 line, or nothing for a paper that is not numbered (the recovery sheet,
    which is never recorded)."""
    return f"文书编号：{head.number}" if head.number else ""


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
