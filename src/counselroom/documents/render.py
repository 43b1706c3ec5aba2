"""Documents (documents/model.py) → A4 PDF bytes, with reportlab's platypus.

One PDF may hold a batch: every document starts on a new page, carries its own running head and
numbers its own pages (running_head.PagedCanvas). Before anything is laid out every printed
string is checked against the fonts, because a character no face can draw would print as an
empty box — on a parent notice that may be the child's name (MissingGlyphs names the document
and the characters, and nothing is produced).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreakIfNotEmpty, Spacer
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate

from counselroom.documents.flowables import CutLine, QRMatrix, sign_lines
from counselroom.documents.fonts import FontSet, MissingGlyphs
from counselroom.documents.layout import PAGE_HEIGHT, PAGE_WIDTH, Styles, body_frame, make_styles
from counselroom.documents.model import (
    Block,
    Document,
    Fields,
    Heading,
    PageBreak,
    Para,
    QRCode,
    RunningHead,
    SectionTitle,
    Signature,
    SignLines,
    Table,
    TearOff,
)
from counselroom.documents.running_head import (
    PagedCanvas,
    RunningHeads,
    number_text,
    page_number_text,
    printed_by_text,
)
from counselroom.documents.tables import data_table, fields_grid

CUT_TEXT = "请沿虚线剪下"


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    pages: int
    page_counts: tuple[int, ...]  # pages of each document, in the order given


def _as_list(documents: Document | Sequence[Document]) -> list[Document]:
    docs = [documents] if isinstance(documents, Document) else list(documents)
    if not docs:
        raise ValueError("nothing to render: no documents")
    return docs


def _head_strings(head: RunningHead) -> Iterator[str]:
    yield head.school
    yield head.title
    yield number_text(head)
    yield head.confidential
    yield printed_by_text(head)
    yield page_number_text(0, 0)


def _block_strings(block: Block) -> Iterator[str]:
    match block:
        case Heading(text=text, subtitle=subtitle):
            yield from (text, subtitle)
        case Para(text=text) | SectionTitle(text=text):
            yield text
        case Fields(rows=rows):
            for label, value in rows:
                yield from (label, value)
        case Table(headers=headers, rows=rows, empty_text=empty):
            yield from headers
            for row in rows:
                yield from row
            if not rows:
                yield empty
        case Signature(lines=lines):
            yield from lines
        case SignLines(labels=labels):
            yield from (f"{label}：" for label in labels)
        case QRCode(caption=caption):
            yield caption  # the data is encoded, not printed
        case TearOff(title=title, blocks=blocks):
            yield CUT_TEXT
            yield title
            for inner in blocks:
                yield from _block_strings(inner)
        case PageBreak():
            pass


def check_glyphs(documents: Document | Sequence[Document], fonts: FontSet) -> None:
    """Raise MissingGlyphs for the first document with text no face of ``fonts`` can draw."""
    for doc in _as_list(documents):
        strings = list(_head_strings(doc.head))
        for block in doc.blocks:
            strings.extend(_block_strings(block))
        missing = fonts.missing("\n".join(strings))
        if missing:
            raise MissingGlyphs(missing, where=doc.head.title)


def _flowables(block: Block, styles: Styles) -> list[Flowable]:
    par = styles.paragraph
    match block:
        case Heading(text=text, subtitle=subtitle):
            out: list[Flowable] = [par(text, styles.title, bold=True)]
            if subtitle:
                out.append(par(subtitle, styles.subtitle))
            out.append(Spacer(0, 14))
            return out
        case Para(text=text, indent=indent, align=align, bold=bold):
            # One paragraph per line: each gets the first-line indent, as official text does.
            style = styles.para(align, indent, bold)
            return [par(line, style, bold=bold) for line in text.split("\n") if line.strip()]
        case SectionTitle(text=text):
            heading = par(text, styles.section, bold=True)
            heading.keepWithNext = True
            return [heading]
        case Fields(rows=rows, columns=columns):
            return [fields_grid(rows, columns, styles)]
        case Table(headers=headers, rows=rows, widths=widths, empty_text=empty):
            return [data_table(headers, rows, widths, empty, styles)]
        case Signature(lines=lines):
            closing: list[Flowable] = [Spacer(0, styles.body.leading)]
            closing += [par(line, styles.signature) for line in lines]
            return [KeepTogether(closing)]
        case SignLines(labels=labels):
            return sign_lines(labels, styles)
        case QRCode(data=data, caption=caption, size_mm=size):
            parts: list[Flowable] = [Spacer(0, 4), QRMatrix(data, size * mm)]
            if caption:
                parts.append(par(caption, styles.caption))
            return [KeepTogether(parts)]
        case TearOff(title=title, blocks=blocks):
            receipt: list[Flowable] = [CutLine(par(CUT_TEXT, styles.caption))]
            if title:
                receipt += [par(title, styles.receipt_title, bold=True), Spacer(0, 4)]
            for inner in blocks:
                if not isinstance(inner, PageBreak):  # a receipt is one piece of paper
                    receipt.extend(_flowables(inner, styles))
            return [KeepTogether(receipt)]
        case PageBreak():
            return [PageBreakIfNotEmpty()]
    raise TypeError(f"not a document block: {block!r}")


class _Milestone(Flowable):
    """Takes no room; when placed on a page, tells ``progress`` that documents up to and
    including number ``done`` are laid out (a batch of 500 notices takes seconds)."""

    def __init__(self, done: int, progress: Callable[[int], None]) -> None:
        super().__init__()
        self.done = done
        self.progress = progress

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (0.0, 0.0)

    def draw(self) -> None:
        self.progress(self.done)


def _story(
    docs: Sequence[Document], styles: Styles, progress: Callable[[int], None] | None
) -> list[Flowable]:
    story: list[Flowable] = []
    for index, doc in enumerate(docs):
        if index:
            story.append(PageBreakIfNotEmpty(nextTemplate=f"doc{index}"))
        # Something on every document's first page, so an empty document still owns a page.
        story.append(Spacer(0, 0.01))
        for block in doc.blocks:
            story.extend(_flowables(block, styles))
        if progress is not None:
            story.append(_Milestone(index + 1, progress))
    return story


def render(
    documents: Document | Sequence[Document],
    fonts: FontSet,
    *,
    progress: Callable[[int], None] | None = None,
) -> RenderResult:
    """Lay ``documents`` out as one A4 PDF; MissingGlyphs before anything is built.

    ``progress(n)`` is called as the n-th document is finished; an exception it raises (a
    batch cancelled) ends the build and nothing is returned.
    """
    docs = _as_list(documents)
    check_glyphs(docs, fonts)
    styles = make_styles(fonts)
    heads = RunningHeads([doc.head for doc in docs], styles)
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        title=docs[0].head.title,
        author=docs[0].head.school,
        subject="",
        creator="CounselRoom",
        producer="CounselRoom (ReportLab)",
        keywords="",
        invariant=True,  # the same documents give the same bytes (hashes of printed files)
        initialFontName=fonts.primary.name,  # else every page names an unembedded Helvetica
        pageTemplates=[
            PageTemplate(id=f"doc{i}", frames=[body_frame(f"body{i}")], onPage=heads.on_page(i))
            for i in range(len(docs))
        ],
    )
    template.build(_story(docs, styles, progress), canvasmaker=partial(PagedCanvas, heads=heads))
    counts = tuple(heads.page_docs.count(i) for i in range(len(docs)))
    return RenderResult(pdf=buffer.getvalue(), pages=len(heads.page_docs), page_counts=counts)
