"""Exporting students to a transfer archive (档案转接, seed 003 (二)5; PIPL art. 23).

One transaction: the students' whole files are read, sealed to the receiving school's card (or a
passphrase), written atomically to the target, the students are marked 转出 and the transfer is
recorded and audited. The file is written last, inside the transaction: if writing fails nothing
is marked; if the commit fails after the write, the file is removed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, CounselRoomError, ValidationError
from counselroom.domain.grades import grade_level
from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.services.saved_files import save_file
from counselroom.services.school_cards import TRUSTED, standing, trusted_card
from counselroom.services.school_identity import own_keys
from counselroom.services.student_export import student_documents
from counselroom.storage.base import utcnow
from counselroom.storage.models import SchoolClass, Student, TransferRecord, TransferStudent
from counselroom.transfer.archive import MIN_PASSPHRASE, Outgoing, seal
from counselroom.transfer.cards import Card
from counselroom.transfer.manifest import METHOD_CARD, METHOD_PASSPHRASE, TEXT_LIMIT
from counselroom.transfer.student_schema import check_student_document

Progress = Callable[[int, int], bool]  # (done, total) → False to cancel


@dataclass(frozen=True)
class ExportRequest:
    student_ids: tuple[int, ...]
    purpose: str  # why the files are handed over, e.g. 转学 / 升学
    consent_ref: str  # the family's consent (知情同意书编号 or title)
    card_id: int | None = None  # a card on the trust list …
    card: Card | None = None  # … or a card file's card (must be trusted too)
    passphrase: str | None = None  # … or a passphrase for a school without a card
    recipient_name: str = ""  # with a passphrase: the receiving school, for the records


@dataclass(frozen=True)
class ExportedStudent:
    id: int
    student_no: str | None
    name: str


@dataclass(frozen=True)
class ExportResult:
    transfer_id: int
    path: Path
    sha256: str
    method: str
    recipient: str  # the receiving school's name; "" for a passphrase
    recipient_fingerprint: str | None
    students: tuple[ExportedStudent, ...]


def grade_students(ctx: Context, grade: str) -> tuple[int, ...]:
    """Every student of a grade ("9", "初三", "九年级") who has not left already."""
    ctx.require(Permission.EXPORT)
    text = grade.strip()
    level = int(text) if text.isdigit() else grade_level(text)
    with ctx.vault.read() as session:
        return tuple(
            session.scalars(
                select(Student.id)
                .where(Student.grade_level == level, Student.status != "transferred")
                .order_by(Student.id)
            )
        )


def all_students(ctx: Context) -> tuple[int, ...]:
    """Every student of the vault (a school merged into another hands over everything)."""
    ctx.require(Permission.EXPORT)
    with ctx.vault.read() as session:
        return tuple(session.scalars(select(Student.id).order_by(Student.id)))


def export_students(
    ctx: Context, request: ExportRequest, target: Path, progress: Progress | None = None
) -> ExportResult:
    ctx.require(Permission.EXPORT)
    purpose, consent = _checked_reasons(request)
    if not request.student_ids:
        raise ValidationError("choose at least one student to export", field="students")
    if len(set(request.student_ids)) != len(request.student_ids):
        raise ValidationError("a student is listed twice", field="students")
    written = False
    try:
        with ctx.vault.write() as session:
            keys = own_keys(session)
            recipient = _recipient(session, request)
            outgoing = _outgoing(session, request.student_ids, progress)
            created = utcnow()
            data = seal(
                outgoing,
                sender=keys.card,
                signing_private=keys.signing_private,
                recipient=recipient,
                passphrase=request.passphrase if recipient is None else None,
                purpose=purpose,
                consent_ref=consent,
                created_at=created,
            )
            students = tuple(
                ExportedStudent(sid, out.student_no, out.name)
                for sid, out in zip(request.student_ids, outgoing, strict=True)
            )
            to_name = recipient.name if recipient else request.recipient_name.strip()
            result = _record(
                ctx, session, students, (recipient, to_name), data, target, (purpose, consent)
            )
            save_file(target, data)
            written = True
    except BaseException:
        # The file was written but something failed after it: if the commit itself failed
        # there is no record, and an archive without its record must not stay. (If only the
        # chain head's save after the commit failed, the record exists: keep the file.)
        if written and not _recorded(ctx, result.sha256):
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    return result


def _recorded(ctx: Context, sha256: str) -> bool:
    try:
        with ctx.vault.read() as session:
            found = session.scalar(
                select(TransferRecord.id).where(TransferRecord.archive_sha256 == sha256)
            )
    except Exception:  # the vault cannot be read now: keep the file rather than lose it
        return True
    return found is not None


def _checked_reasons(request: ExportRequest) -> tuple[str, str]:
    purpose, consent = request.purpose.strip(), request.consent_ref.strip()
    if not purpose:
        raise ValidationError("say why the files are handed over (purpose)", field="purpose")
    if not consent:
        raise ValidationError(
            "record the family's consent to the transfer (PIPL art. 23)", field="consent"
        )
    for value, field in ((purpose, "purpose"), (consent, "consent")):
        if len(value) > TEXT_LIMIT:
            raise ValidationError(f"at most {TEXT_LIMIT} characters", field=field)
    chosen = [request.card_id is not None, request.card is not None, request.passphrase is not None]
    if sum(chosen) != 1:
        raise ValidationError("choose the receiving school's card or a passphrase", field="to")
    if request.passphrase is not None and len(request.passphrase) < MIN_PASSPHRASE:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "the passphrase needs at least %1 characters"),
            MIN_PASSPHRASE,
            field="passphrase",
        )
    return purpose, consent


def _recipient(session: Session, request: ExportRequest) -> Card | None:
    if request.card_id is not None:
        return trusted_card(session, request.card_id)
    if request.card is None:
        return None
    place = standing(session, request.card)
    if place.standing != TRUSTED:
        raise CounselRoomError(
            f"the card of {request.card.name} (fingerprint {place.card.spoken_fingerprint}) is "
            "not on the trust list: compare the fingerprint with that school by phone, then "
            "add the card (counselroom card trust FILE, or 转接 → 学校名片) before sending to it"
        )
    return request.card


def _outgoing(session: Session, ids: Sequence[int], progress: Progress | None) -> list[Outgoing]:
    rows = {
        student.id: (student, label)
        for student, label in session.execute(
            select(Student, func.coalesce(SchoolClass.label, Student.class_label_original, ""))
            .outerjoin(SchoolClass, SchoolClass.id == Student.class_id)
            .where(Student.id.in_(ids))
        )
    }
    missing = [str(i) for i in ids if i not in rows]
    if missing:
        raise CounselRoomError(f"no student with id {', '.join(missing)}")
    outgoing: list[Outgoing] = []
    for done, (student_id, document) in enumerate(student_documents(session, ids), start=1):
        student, label = rows[student_id]
        # the receiver checks every document against the schema; a value stored here that
        # does not fit (a defect) must stop the export here, naming the student, not there
        check_student_document(document, f"student {student_id} ({student.student_no or '-'})")
        outgoing.append(
            Outgoing(student.student_no, student.name, student.grade_level, label, document)
        )
        if progress is not None and not progress(done, len(ids)):
            raise CounselRoomError("the export was cancelled; nothing was written")
    return outgoing


def _record(
    ctx: Context,
    session: Session,
    students: tuple[ExportedStudent, ...],
    to: tuple[Card | None, str],
    data: bytes,
    target: Path,
    reasons: tuple[str, str],
) -> ExportResult:
    """The transfer record, the 转出 marks and the audit entry, inside the export's transaction."""
    (recipient, to_name), (purpose, consent) = to, reasons
    digest = hashlib.sha256(data).hexdigest()
    method = METHOD_CARD if recipient else METHOD_PASSPHRASE
    record = TransferRecord(
        direction="export",
        at=utcnow(),
        by_id=ctx.actor.user_id,
        counterpart=to_name,
        counterpart_fingerprint=recipient.fingerprint if recipient else None,
        method=method,
        purpose=purpose,
        consent_ref=consent,
        archive_sha256=digest,
        student_count=len(students),
        detail_json=json.dumps({"file": target.name}, ensure_ascii=False),
    )
    session.add(record)
    session.flush()
    ids = [s.id for s in students]
    # Core statements, not one ORM object per student: a whole school is 5,000 rows each
    for start in range(0, len(ids), 500):  # 转出: the file stays here, read-only in practice
        chunk = ids[start : start + 500]
        session.execute(update(Student).where(Student.id.in_(chunk)).values(status="transferred"))
    session.execute(
        insert(TransferStudent),
        [
            {
                "transfer_id": record.id,
                "student_id": s.id,
                "student_no": s.student_no,
                "outcome": "exported",
            }
            for s in students
        ],
    )
    ctx.audit(
        session,
        "transfer.export",
        target=f"transfer:{record.id}",
        detail=f"students={len(students)} method={method} sha256={digest[:16]}",
    )
    return ExportResult(
        transfer_id=record.id,
        path=target,
        sha256=digest,
        method=method,
        recipient=to_name,
        recipient_fingerprint=recipient.fingerprint if recipient else None,
        students=students,
    )
