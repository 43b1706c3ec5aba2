"""The transfer records: every archive sent or received, and a student's 转出/转入 history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.storage.models import TransferRecord, TransferStudent, User


@dataclass(frozen=True)
class TransferEntry:
    id: int
    direction: str  # "export" or "import"
    at: datetime  # naive UTC
    by: str  # display name of the account
    counterpart: str  # the other school ("" for a passphrase export)
    counterpart_fingerprint: str | None
    method: str  # "card" or "passphrase"
    purpose: str
    consent_ref: str
    student_count: int
    sha256: str


@dataclass(frozen=True)
class StudentTransfer:
    """One line of a student's transfers: 转出 to a school, or came in from one."""

    transfer_id: int
    direction: str
    outcome: str  # exported, imported, merged, unchanged
    at: datetime
    counterpart: str
    purpose: str


def transfer_history(ctx: Context) -> list[TransferEntry]:
    """Newest first. Counsellors and administrators (the PIPL processing record)."""
    ctx.require(Permission.EXPORT)
    with ctx.vault.read() as session:
        rows = session.execute(
            select(TransferRecord, User.display_name)
            .join(User, User.id == TransferRecord.by_id)
            .order_by(TransferRecord.at.desc(), TransferRecord.id.desc())
        ).all()
    return [
        TransferEntry(
            id=r.id,
            direction=r.direction,
            at=r.at,
            by=by,
            counterpart=r.counterpart,
            counterpart_fingerprint=r.counterpart_fingerprint,
            method=r.method,
            purpose=r.purpose,
            consent_ref=r.consent_ref,
            student_count=r.student_count,
            sha256=r.archive_sha256,
        )
        for r, by in rows
    ]


def student_transfers(ctx: Context, student_id: int) -> list[StudentTransfer]:
    """Oldest first: the file header shows the last one (转出 2026-11-27 → 某中学)."""
    ctx.require(Permission.LIST_STUDENTS)  # where a student went is on the student list too
    with ctx.vault.read() as session:
        rows = session.execute(
            select(TransferStudent.outcome, TransferRecord)
            .join(TransferRecord, TransferRecord.id == TransferStudent.transfer_id)
            .where(TransferStudent.student_id == student_id)
            .order_by(TransferRecord.at, TransferRecord.id)
        ).all()
    return [
        StudentTransfer(r.id, r.direction, outcome, r.at, r.counterpart, r.purpose)
        for outcome, r in rows
    ]
