"""档案转接函: the cover letter printed for an exported archive (documents/kinds/transfer_letter).

It is made from the transfer record, not from the export's memory, so it can be printed again
later; it takes a 文书编号 and is recorded (print or save) like the ledger — a document about
several students at once, so its record names no single student.
"""

from __future__ import annotations

from sqlalchemy import func, select

from counselroom.documents.data import TransferLetterData
from counselroom.documents.data import TransferStudent as LetterStudent
from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.services.document_building import package, worded
from counselroom.services.document_fonts import document_fonts
from counselroom.services.document_numbers import RenderedDocument, next_numbers
from counselroom.services.document_parties import issue_for, school_in
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission
from counselroom.storage.models import SchoolClass, Student, TransferRecord, TransferStudent
from counselroom.transfer.cards import spoken

KIND = "transfer-letter"


def render_transfer_letter(ctx: Context, transfer_id: int) -> RenderedDocument:
    ctx.require(Permission.EXPORT)
    fonts = document_fonts()
    with ctx.vault.write() as session:
        record = session.get(TransferRecord, transfer_id)
        if record is None or record.direction != "export":
            raise CounselRoomError(f"no exported archive with transfer id {transfer_id}")
        rows = session.execute(
            select(
                Student.name,
                TransferStudent.student_no,
                func.coalesce(SchoolClass.label, Student.class_label_original, ""),
            )
            .join(Student, Student.id == TransferStudent.student_id)
            .outerjoin(SchoolClass, SchoolClass.id == Student.class_id)
            .where(TransferStudent.transfer_id == transfer_id)
            .order_by(TransferStudent.id)
        ).all()
        (number,) = next_numbers(session, local_today().year, 1)
        fingerprint = record.counterpart_fingerprint
        data = TransferLetterData(
            school=school_in(session),
            issue=issue_for(ctx, session, number),
            to_school=record.counterpart or "（凭口令接收的学校）",
            students=tuple(LetterStudent(name, no, label) for name, no, label in rows),
            archive_sha256=record.archive_sha256,
            method=record.method,
            purpose=record.purpose,
            consent_ref=record.consent_ref,
            recipient_fingerprint=spoken(fingerprint) if fingerprint else "",
        )
        rendered = package([worded(session, data)], KIND, [None], fonts)
        ctx.audit(
            session,
            "document.preview",
            target=f"transfer:{transfer_id}",
            detail=f"kind={KIND} students={len(rows)}",
        )
    return rendered
