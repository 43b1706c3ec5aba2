"""What a printed document is made of, before any PDF exists: plain frozen values.

A document is a :class:`Document` — the running head every page carries (school, title, number,
保密, who printed it and when) and a sequence of blocks. Kinds (documents/kinds/) compose blocks
from the data the services gather and from the school's editable wording (documents/templates.py);
documents/render.py turns blocks into A4 PDF pages with reportlab. Keeping the three apart lets a
kind be tested without a PDF, and the renderer be tested without a vault.

Every text here is Chinese as printed; nothing is translated at render time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class RunningHead:
    """Printed on every page: school and 保密 mark at the top, number and title, and a footer
    with page x/y and who printed the document when (DOMAIN.md "Official-document layout")."""

    school: str
    title: str
    number: str
    printed_by: str
    printed_at: datetime
    confidential: str = "保密"


@dataclass(frozen=True)
class Heading:
    """The document's title, large and bold, centred (GB/T 9704 标题)."""

    text: str
    subtitle: str = ""


@dataclass(frozen=True)
class Para:
    """Body text; ``indent`` gives the two-character first-line indent of official text."""

    text: str
    indent: bool = True
    align: Align = "justify"
    bold: bool = False


@dataclass(frozen=True)
class SectionTitle:
    """A numbered sub-heading (一、二、…) in bold body size."""

    text: str


@dataclass(frozen=True)
class Fields:
    """Label/value pairs in a ruled grid (``columns`` pairs per row); long values wrap."""

    rows: tuple[tuple[str, str], ...]
    columns: int = 2


@dataclass(frozen=True)
class Table:
    """A ruled table with a header row repeated on every page; ``widths`` are relative."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None
    empty_text: str = "（无）"


@dataclass(frozen=True)
class Signature:
    """The closing block at the right: e.g. school name, date, and a 盖章 note."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class SignLines:
    """Blank lines to sign on, e.g. ("家长签名", "日期"), side by side."""

    labels: tuple[str, ...]


@dataclass(frozen=True)
class QRCode:
    """A QR code (segno) with a caption under it; ``data`` is encoded as given."""

    data: str
    caption: str = ""
    size_mm: float = 35.0


@dataclass(frozen=True)
class TearOff:
    """A dashed cut line ("请沿虚线剪下") followed by a receipt (回执) that is kept on one page:
    if it does not fit under the letter it moves whole to the next page."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (
    Heading
    | Para
    | SectionTitle
    | Fields
    | Table
    | Signature
    | SignLines
    | QRCode
    | TearOff
    | PageBreak
)


@dataclass(frozen=True)
class Document:
    """One document; several may be rendered into one PDF (a batch), each numbering its own
    pages from 1."""

    head: RunningHead
    blocks: tuple[Block, ...]
    # The template version whose wording the document carries (None: no editable wording).
    template_version: int | None = None
    kind: str = ""
    notes: tuple[str, ...] = field(default=())
