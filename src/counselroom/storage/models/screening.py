"""Screening batches and results. A result is a flag for an interview, never a diagnosis.

Item texts are copyrighted (MHT) and never stored: only answers and scores.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, number, one_of, origin, student_fk, user_fk
from .choices import INSTRUMENTS


class ScreeningBatch(Base):
    """One administration of an instrument to some grades (``grades``: e.g. "7,8,9")."""

    __tablename__ = "screening_batches"
    __table_args__ = (one_of("instrument", INSTRUMENTS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument: Mapped[str]
    on: Mapped[date] = mapped_column(index=True)
    term: Mapped[str]
    grades: Mapped[str] = empty_text()
    consent_ref: Mapped[str | None]
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    # migration 0005: a batch made to hold results that came in a transfer archive
    origin: Mapped[str | None] = origin()

    results: Mapped[list[ScreeningResult]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", passive_deletes=True
    )


class ScreeningResult(Base):
    """One student's scores in a batch.

    ``answers_json``: list of item answers when an answer sheet was scored; ``scales_json``: MHT
    scale scores; ``flags_json``: JSON list of flag codes; ``item9``: PHQ-9 item 9 answer.
    """

    __tablename__ = "screening_results"
    __table_args__ = (UniqueConstraint("batch_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("screening_batches.id", ondelete="CASCADE"))
    student_id: Mapped[int] = student_fk()
    answers_json: Mapped[str | None] = mapped_column(Text)
    total: Mapped[int | None]
    scales_json: Mapped[str | None] = mapped_column(Text)
    lie_score: Mapped[int | None]
    band: Mapped[str | None]
    flags_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    valid: Mapped[bool] = number(True)
    item9: Mapped[int | None]
    created_at: Mapped[datetime] = created_at()
    origin: Mapped[str | None] = origin()

    batch: Mapped[ScreeningBatch] = relationship(back_populates="results")
