"""文书编号 and the log of printed and saved documents.

A number is "心〔2026〕0012号": the year of issue and a sequence that restarts each calendar year,
one sequence over all kinds (a school files its outgoing papers in one register). The next
number is 1 + the highest number of that year already recorded, so numbers are only taken by
recording a printed or saved document: a preview shows the number the document would get, and
recording refuses (StaleRecordError) when another document took that number meanwhile. The
same PDF printed and then saved is one document, recorded twice under its one number.

Printing and saving log one DocumentRecord per document inside the PDF (a batch: several, with
the same SHA-256) and audit each ("document.print" / "document.save": number, kind, student id,
hash prefix — never a name). A save writes the file inside that transaction, so a write that
fails records nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.services.saved_files import save_file
from counselroom.storage.models import DocumentRecord
from counselroom.storage.models.choices import DOCUMENT_ACTIONS

__all__ = [
    "OutputRow",
    "RenderedDocument",
    "format_number",
    "next_numbers",
    "parse_number",
    "pdf_path",
    "record_output",
    "record_rows",
    "save_document",
]

PREFIX = "心"
_NUMBER = re.compile(r"^心〔(\d{4})〕(\d{4,})号$")
SHA_SHOWN = 12  # characters of the SHA-256 an audit entry carries


def format_number(year: int, sequence: int) -> str:
    if sequence < 1:
        raise ValueError(f"a document sequence starts at 1 (got {sequence})")
    return f"{PREFIX}〔{year:04d}〕{sequence:04d}号"


def parse_number(text: str | None) -> tuple[int, int] | None:
    """(year, sequence) of a number this program wrote, None for anything else."""
    match = _NUMBER.match(text or "")
    return None if match is None else (int(match[1]), int(match[2]))


def next_numbers(session: Session, year: int, count: int) -> tuple[str, ...]:
    """The ``count`` numbers after the highest recorded in ``year``, in order."""
    rows = session.scalars(
        select(DocumentRecord.number).where(DocumentRecord.number.like(f"{PREFIX}〔{year:04d}〕%"))
    )
    used = [parsed[1] for parsed in map(parse_number, rows) if parsed is not None]
    start = max(used, default=0) + 1
    return tuple(format_number(year, start + i) for i in range(count))


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    kind: str
    title: str  # Chinese title (first document's; a batch: "家长告知书 ×12")
    numbers: tuple[str, ...]  # 文书编号 of each document inside, in order
    student_ids: tuple[int | None, ...]  # one per document inside
    template_version: int | None
    sha256: str  # of pdf
    pages: int
    font_note: str
    skipped: tuple[tuple[int, str], ...] = ()  # batch: (student_id, English reason)
    # one per document inside (a batch mixes tiers, hence wordings): what the log records
    titles: tuple[str, ...] = ()
    template_versions: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class OutputRow:
    """One document inside a PDF, as it is logged."""

    number: str
    student_id: int | None
    kind: str
    title: str
    template_version: int | None


def record_rows(
    ctx: Context, session: Session, rows: Sequence[OutputRow], sha256: str, action: str
) -> None:
    """Log each document of one PDF and audit it ("document.<action>"), in the caller's
    transaction; refuses before writing anything when a number went to another PDF."""
    if action not in DOCUMENT_ACTIONS:
        raise ValidationError(f"must be one of {', '.join(DOCUMENT_ACTIONS)}", field="action")
    numbers = [row.number for row in rows]
    taken = session.execute(
        select(DocumentRecord.number, DocumentRecord.sha256).where(
            DocumentRecord.number.in_(numbers), DocumentRecord.sha256 != sha256
        )
    ).first()
    if taken is not None:
        raise StaleRecordError(
            f"document number {taken[0]} was given to another document after this one was "
            "prepared; prepare the document again to give it the next free number"
        )
    for row in rows:
        record = DocumentRecord(
            student_id=row.student_id,
            kind=row.kind,
            title=row.title,
            created_by_id=ctx.actor.user_id,
            template_version=row.template_version,
            sha256=sha256,
            action=action,
            number=row.number,
        )
        session.add(record)
        session.flush()
        target = (
            f"student:{row.student_id}" if row.student_id is not None else f"document:{record.id}"
        )
        ctx.audit(
            session,
            f"document.{action}",
            target=target,
            detail=(
                f"number={row.number} kind={row.kind} student={row.student_id or '-'} "
                f"sha256={sha256[:SHA_SHOWN]}"
            ),
        )


def _rows(rendered: RenderedDocument) -> list[OutputRow]:
    if not isinstance(rendered, RenderedDocument):
        raise ValidationError(f"must be a RenderedDocument (got {type(rendered).__name__})")
    if hashlib.sha256(rendered.pdf).hexdigest() != rendered.sha256:
        raise ValidationError("the PDF does not match its SHA-256; render it again")
    count = len(rendered.numbers)
    titles = rendered.titles or (rendered.title,) * count
    versions = rendered.template_versions or (rendered.template_version,) * count
    if not count or len(rendered.student_ids) != count or len(titles) != count:
        raise ValidationError("the rendered document's numbers and students do not match")
    return [
        OutputRow(number, student_id, rendered.kind, title, version)
        for number, student_id, title, version in zip(
            rendered.numbers, rendered.student_ids, titles, versions, strict=True
        )
    ]


def record_output(ctx: Context, rendered: RenderedDocument, action: str) -> None:
    """Log a printed PDF (``action`` "print", called once the print dialog was accepted)."""
    ctx.require(Permission.EDIT_CASES)
    if action != "print":
        raise ValidationError(
            "only printing is recorded here; save with save_document", field="action"
        )
    rows = _rows(rendered)
    with ctx.vault.write() as session:
        record_rows(ctx, session, rows, rendered.sha256, "print")


def pdf_path(path: object) -> Path:
    if not isinstance(path, str | Path) or not str(path).strip():
        raise ValidationError("a file name is required", field="path")
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise ValidationError(f"{target.name!r} must end in .pdf", field="path")
    if not target.parent.is_dir():
        raise ValidationError(f"folder {str(target.parent)!r} does not exist", field="path")
    if target.is_dir():
        raise ValidationError(f"{str(target)!r} is a folder", field="path")
    return target


def save_document(ctx: Context, rendered: RenderedDocument, path: Path) -> None:
    """Write the PDF to ``path`` (atomic, owner-only) in the transaction that logs it."""
    ctx.require(Permission.EXPORT)
    target = pdf_path(path)
    rows = _rows(rendered)
    with ctx.vault.write() as session:
        record_rows(ctx, session, rows, rendered.sha256, "save")
        save_file(target, rendered.pdf)
