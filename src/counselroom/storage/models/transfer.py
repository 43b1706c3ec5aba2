"""Record of every transfer archive sent or received (档案转接; PIPL art. 23)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, one_of, student_fk, user_fk
from .choices import TRANSFER_DIRECTIONS, TRANSFER_METHODS, TRANSFER_OUTCOMES


class TransferRecord(Base):
    """One archive exported or imported; ``detail_json`` lists the students (ids, 学籍号).

    ``counterpart_fingerprint`` is NULL for a passphrase archive to a school with no card.
    """

    __tablename__ = "transfers"
    __table_args__ = (
        one_of("direction", TRANSFER_DIRECTIONS),
        one_of("method", TRANSFER_METHODS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str]
    at: Mapped[datetime] = created_at()
    by_id: Mapped[int] = user_fk()
    counterpart: Mapped[str]
    counterpart_fingerprint: Mapped[str | None]
    method: Mapped[str] = mapped_column(default="card", server_default="card")
    purpose: Mapped[str]
    consent_ref: Mapped[str] = empty_text()
    archive_sha256: Mapped[str]
    student_count: Mapped[int]
    detail_json: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class TransferStudent(Base):
    """One student of one archive: who left for which school on which date, or who came in.

    ``student_id`` is NULL only if the student was later deleted; ``student_no`` keeps the
    学籍号 the archive carried so the transfer record still says whom it concerned.
    """

    __tablename__ = "transfer_students"
    __table_args__ = (one_of("outcome", TRANSFER_OUTCOMES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(
        ForeignKey("transfers.id", ondelete="CASCADE"), index=True
    )
    student_id: Mapped[int | None] = student_fk(nullable=True)
    student_no: Mapped[str | None]
    outcome: Mapped[str]
