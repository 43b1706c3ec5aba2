"""Printed documents of a student's file: preview, print, save (issue 7).

A render reads the file, the school's wording and the next 文书编号 in one transaction, builds
the document(s) (documents/kinds) and renders the PDF (documents/render) with this PC's fonts;
it is audited "document.preview" and records nothing in the file. Printing and saving record
one DocumentRecord per document inside the PDF (documents with the same SHA-256) and audit each
("document.print" / "document.save": number, kind, student id, hash prefix — never a name);
a save writes the file inside that transaction, so a failed write records nothing. Which kinds
apply to a file is document_options.py's; the facts printed are document_data.py's.

This module is the one the window and the CLI import documents from. It holds the single
render from a file; the building it shares is document_building.py's, the batch is
document_batch.py's and the documents about no student (ledger, recovery sheet, template
sample) are document_standalone.py's, all re-exported here.
"""

from __future__ import annotations

from counselroom.domain.errors import ValidationError
from counselroom.services.context import Context
from counselroom.services.document_batch import BATCH_KINDS, BatchCancelled, render_batch
from counselroom.services.document_building import data_for, package, targets_of, worded
from counselroom.services.document_fonts import FontStatus, document_fonts, font_status
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
    check_request,
    file_facts,
    student_options,
    viewer_options,
    why_not,
)
from counselroom.services.document_standalone import (
    printed_school_card,
    render_ledger,
    render_recovery_sheet,
    render_sample,
)
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.services.students import resolve_student
from counselroom.storage.models import Student

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
    "printed_school_card",
    "record_output",
    "render_batch",
    "render_document",
    "render_ledger",
    "render_recovery_sheet",
    "render_sample",
    "save_document",
    "student_id_for",
]


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
        targets = targets_of(session, request, facts)
        numbers = next_numbers(session, local_today().year, len(targets))
        documents = [
            worded(session, data_for(ctx, session, student, request, target, number))
            for target, number in zip(targets, numbers, strict=True)
        ]
        rendered = package(documents, request.kind, [student.id] * len(documents), fonts)
        ctx.audit(
            session,
            "document.preview",
            target=f"student:{student.id}",
            detail=f"kind={request.kind} student={student.id} documents={len(documents)}",
        )
    return rendered
