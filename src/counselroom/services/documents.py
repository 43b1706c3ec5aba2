"""Printed documents of a student's file: preview, print, save (issue 7).

A render reads the file, the school's wording and the next 文书编号 in one transaction, builds
the document(s) (documents/kinds) and renders the PDF (documents/render) with this PC's fonts;
it is audited "document.preview" and records nothing in the file. Printing and saving record
one DocumentRecord per document inside the PDF (documents with the same SHA-256) and audit each
("document.print" / "document.save": number, kind, student id, hash prefix — never a name);
a save writes the file inside that transaction, so a failed write records nothing. Which kinds
apply to a file is document_options.py's; the facts printed are document_data.py's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from counselroom.documents.data import Issue, RecoverySheetData, SchoolInfo
from counselroom.documents.fonts import FontSet
from counselroom.documents.kinds import Sample, build, sample_document, template_key_for
from counselroom.documents.model import Document
from counselroom.documents.render import render
from counselroom.documents.templates import DEFAULT_TEMPLATES
from counselroom.domain.errors import QT_TRANSLATE_NOOP, CounselRoomError, ValidationError
from counselroom.services import document_data as facts_of
from counselroom.services.checks import choice
from counselroom.services.context import Context
from counselroom.services.doc_templates import template_in
from counselroom.services.document_fonts import (
    FontStatus,
    chosen_font_file,
    document_fonts,
    font_note,
    font_status,
)
from counselroom.services.document_numbers import (
    RenderedDocument,
    next_numbers,
    record_output,
    save_document,
)
from counselroom.services.document_options import (
    STUDENT_KINDS,
    DocumentOption,
    DocumentRequest,
    FileFacts,
    check_request,
    file_facts,
    internal_roles,
    live_referrals,
    student_options,
    viewer_options,
    why_not,
)
from counselroom.services.document_reasons import Reason
from counselroom.services.localtime import local_today, to_local
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.services.students import resolve_student
from counselroom.storage.base import utcnow
from counselroom.storage.models import Referral, Student
from counselroom.storage.models.choices import CARE_GROUP_CODES

__all__ = [
    "BATCH_KINDS",
    "STUDENT_KINDS",
    "BatchCancelled",
    "DocumentOption",
    "DocumentRequest",
    "FontStatus",
    "RenderedDocument",
    "document_fonts",
    "document_options",
    "font_status",
    "record_output",
    "render_batch",
    "render_document",
    "render_ledger",
    "render_recovery_sheet",
    "render_sample",
    "save_document",
    "student_id_for",
]

BATCH_KINDS = ("parent-notice", "escalation-notice")


class BatchCancelled(CounselRoomError):
    """The user stopped a batch before its PDF was made; nothing was produced or audited."""


def _who(student: Student) -> str:
    no = f" ({student.student_no})" if student.student_no else ""
    return f"student {student.id}{no}"


def student_id_for(ctx: Context, sid: str) -> int:
    """The internal id of the student a 学籍号 or id names (the CLI's SID)."""
    ctx.require(Permission.LIST_STUDENTS)
    with ctx.vault.read() as session:
        return resolve_student(session, sid).id


def document_options(ctx: Context, student_id: int) -> list[DocumentOption]:
    """What the 文书 tab offers; a viewer gets every kind greyed ("printing needs a counsellor")."""
    ctx.require(Permission.LIST_STUDENTS)
    with ctx.vault.read() as session:
        student = get_student(session, student_id)
        if not ctx.may(Permission.EDIT_CASES):
            return viewer_options(student.id)
        return student_options(file_facts(session, student))


# -- building --------------------------------------------------------------------------------


def _targets(session: Session, request: DocumentRequest, facts: FileFacts) -> list[str | int]:
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


def _data(
    ctx: Context,
    session: Session,
    student: Student,
    request: DocumentRequest,
    target: str | int,
    number: str,
) -> Sample:
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


def _worded(session: Session, data: Sample) -> Document:
    """The document in the school's wording in force for its template."""
    wording = template_in(session, template_key_for(data))
    return build(data, wording.parts, template_version=wording.version)


def _package(
    documents: Sequence[Document],
    kind: str,
    student_ids: Sequence[int | None],
    fonts: FontSet,
    skipped: Sequence[tuple[int, str]] = (),
    progress: Callable[[int], None] | None = None,
) -> RenderedDocument:
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


def render_document(ctx: Context, request: DocumentRequest) -> RenderedDocument:
    """The PDF of ``request`` with the next free number(s); nothing is recorded in the file.

    Refuses (ValidationError naming the student) a kind the file does not give; MissingGlyphs
    (a CounselRoomError) names characters no font on this PC can print.
    """
    ctx.require(Permission.EDIT_CASES)
    request = check_request(request)
    fonts = document_fonts()
    with ctx.vault.write() as session:
        student = get_student(session, request.student_id)
        facts = file_facts(session, student)
        reason = why_not(facts, request)
        if reason:
            # The CLI prints the whole sentence; the window translates the reason's template.
            raise ValidationError(
                f"no {request.kind} can be printed: {reason}",
                record=_who(student),
                template=reason.template,
                args=reason.args,
            )
        targets = _targets(session, request, facts)
        numbers = next_numbers(session, local_today().year, len(targets))
        documents = [
            _worded(session, _data(ctx, session, student, request, target, number))
            for target, number in zip(targets, numbers, strict=True)
        ]
        rendered = _package(documents, request.kind, [student.id] * len(documents), fonts)
        ctx.audit(
            session,
            "document.preview",
            target=f"student:{student.id}",
            detail=f"kind={request.kind} student={student.id} documents={len(documents)}",
        )
    return rendered


def render_batch(
    ctx: Context,
    kind: str,
    student_ids: Sequence[int],
    *,
    note: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderedDocument:
    """Parent notices (or escalation notices to the head teacher) for many students in one
    PDF, each document its own pages; students the kind does not apply to are skipped with the
    reason. ``progress(done, total)`` counts each student twice (facts gathered, notice laid
    out); ``cancelled`` is asked at each step (BatchCancelled: nothing produced or audited)."""
    ctx.require(Permission.EDIT_CASES)
    if kind not in BATCH_KINDS:
        raise ValidationError(f"a batch prints {' or '.join(BATCH_KINDS)}", field="kind")
    recipient = "head_teacher" if kind == "escalation-notice" else None
    fonts = document_fonts()
    ids = list(dict.fromkeys(student_ids))
    with ctx.vault.write() as session:
        chosen: list[tuple[Student, DocumentRequest]] = []
        skipped: list[tuple[int, str]] = []
        for student_id in ids:
            student = session.get(Student, student_id)
            if student is None:
                gone = Reason(QT_TRANSLATE_NOOP("problems", "no student with id %1"), student_id)
                skipped.append((student_id, gone))
                continue
            request = check_request(DocumentRequest(kind, student.id, recipient, note=note))
            reason = why_not(file_facts(session, student), request)
            if reason:
                skipped.append((student.id, reason))
            else:
                chosen.append((student, request))
        if not chosen:
            first = f" ({skipped[0][1]})" if skipped else ""
            raise ValidationError(f"none of the {len(ids)} students can get a {kind}{first}")
        numbers = next_numbers(session, local_today().year, len(chosen))
        # Progress runs over two passes: gathering each student's facts, then laying each
        # notice out (most of the time); cancelling is honoured in both.
        total = 2 * len(chosen)

        def step(done: int) -> None:
            if cancelled is not None and cancelled():
                raise BatchCancelled(f"the batch of {kind} was cancelled")
            if progress is not None:
                progress(done, total)

        documents = []
        for index, ((student, request), number) in enumerate(zip(chosen, numbers, strict=True)):
            target = recipient or kind
            data = _data(ctx, session, student, request, target, number)
            documents.append(_worded(session, data))
            step(index + 1)

        def laid_out(done: int) -> None:
            step(len(chosen) + done)

        chosen_ids = [s.id for s, _r in chosen]
        rendered = _package(documents, kind, chosen_ids, fonts, skipped, progress=laid_out)
        ctx.audit(
            session,
            "document.preview",
            detail=f"kind={kind} students={len(chosen)} skipped={len(skipped)}",
        )
    return rendered


# -- documents about no student ------------------------------------------------------------


def render_ledger(ctx: Context, group: str) -> RenderedDocument:
    """The 台账 of a care group on paper (names on paper: EXPORT); record it like any other."""
    ctx.require(Permission.EXPORT)
    code = choice(group, CARE_GROUP_CODES, "group")
    fonts = document_fonts()
    with ctx.vault.write() as session:
        (number,) = next_numbers(session, local_today().year, 1)
        data = facts_of.ledger_data(session, code, facts_of.issue_for(ctx, session, number))
        rendered = _package([_worded(session, data)], "ledger", [None], fonts)
        ctx.audit(
            session,
            "document.preview",
            detail=f"kind=ledger group={code} rows={len(data.lines)}",
        )
    return rendered


def render_recovery_sheet(
    school_name: str, vault_id: str, recovery_code: str, admin: str, printed_by: str
) -> bytes:
    """The recovery sheet shown once at creation; the code is never recorded or audited, and
    the sheet carries the built-in wording (no vault is open to read another from)."""
    now = utcnow()
    data = RecoverySheetData(
        school=SchoolInfo(name=school_name),
        issue=Issue(number="", on=to_local(now).date(), at=to_local(now), by=printed_by),
        vault_id=vault_id,
        recovery_code=recovery_code,
        admin=admin,
    )
    document = build(data, DEFAULT_TEMPLATES["recovery-sheet"], template_version=0)
    return render(document, document_fonts()).pdf


def render_sample(key: str, parts: dict[str, str]) -> RenderedDocument:
    """A template's wording on fictional data (doc_templates.preview_template)."""
    document = sample_document(key, parts)
    return _package([document], key, [None], document_fonts())
