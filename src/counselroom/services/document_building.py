"""Building printed documents of a student's file: from a request to the facts, the school's
wording, the Document, and the rendered PDF with its description.

Shared by the single render (documents.py), the batch (document_batch.py) and the documents
about no student (document_standalone.py); it is apart so each of those stays one short module
and none has to import another's internals. Every function works inside the caller's
transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from counselroom.documents.fonts import FontSet
from counselroom.documents.kinds import Sample, build, template_key_for
from counselroom.documents.model import Document
from counselroom.services import document_data as facts_of
from counselroom.services.context import Context
from counselroom.services.doc_templates import template_in
from counselroom.services.document_fonts import chosen_font_file, font_note
from counselroom.services.document_numbers import RenderedDocument
from counselroom.services.document_options import (
    DocumentRequest,
    FileFacts,
    internal_roles,
    live_referrals,
)
from counselroom.storage.models import Referral, Student

__all__ = ["data_for", "package", "targets_of", "worded"]


def targets_of(session: Session, request: DocumentRequest, facts: FileFacts) -> list[str | int]:
    """One entry per document the request makes: the role, the referral, or the kind."""
    if request.kind == "escalation-notice":
        if request.recipient is not None:
            return [request.recipient]
        return list(internal_roles(facts.roles))
    if request.kind == "referral-letter":
        if request.referral_id is not None:
            return [request.referral_id]
        return [live_referrals(session, facts.student_id)[0].id]
    return [request.kind]


def data_for(
    ctx: Context,
    session: Session,
    student: Student,
    request: DocumentRequest,
    target: str | int,
    number: str,
) -> Sample:
    """The facts of one document of ``request``: ``target`` is one entry of :func:`targets_of`,
    ``number`` its 文书编号."""
    issue = facts_of.issue_for(ctx, session, number, student)
    kind, note = request.kind, request.note.strip()
    if kind == "parent-notice":
        return facts_of.parent_notice_data(session, student, issue, note)
    if kind == "escalation-notice":
        return facts_of.escalation_data(session, student, issue, str(target), note)
    if kind == "district-report":
        return facts_of.escalation_data(session, student, issue, "district", note)
    if kind == "referral-letter":
        referral = session.get(Referral, target)
        assert referral is not None  # why_not checked it is one of the student's
        return facts_of.referral_letter_data(session, student, issue, referral, note)
    if kind == "plan":
        return facts_of.plan_data(session, student, issue)
    if kind == "return-assessment":
        return facts_of.return_assessment_data(session, student, issue)
    return facts_of.closure_report_data(session, student, issue)


def worded(session: Session, data: Sample) -> Document:
    """The document in the school's wording in force for its template."""
    wording = template_in(session, template_key_for(data))
    return build(data, wording.parts, template_version=wording.version)


def package(
    documents: Sequence[Document],
    kind: str,
    student_ids: Sequence[int | None],
    fonts: FontSet,
    skipped: Sequence[tuple[int, str]] = (),
    progress: Callable[[int], None] | None = None,
) -> RenderedDocument:
    """``documents`` rendered into one PDF with ``fonts``, described for recording and for the
    window (title, numbers, hash, pages, the font note); nothing is recorded here."""
    # reportlab (through render) is imported on the first document, not at the window's start
    from counselroom.documents.render import render

    result = render(list(documents), fonts, progress=progress)
    titles = tuple(doc.head.title for doc in documents)
    title = titles[0] if len(documents) == 1 else f"{titles[0]} ×{len(documents)}"
    return RenderedDocument(
        pdf=result.pdf,
        kind=kind,
        title=title,
        numbers=tuple(doc.head.number for doc in documents),
        student_ids=tuple(student_ids),
        template_version=documents[0].template_version,
        sha256=hashlib.sha256(result.pdf).hexdigest(),
        pages=result.pages,
        font_note=font_note(fonts, chosen_font_file()),
        skipped=tuple(skipped),
        titles=titles,
        template_versions=tuple(doc.template_version for doc in documents),
    )
