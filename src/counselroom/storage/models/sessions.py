"""Counselling sessions, their amendments and break-glass records (自伤/他伤 disclosures)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, one_of, origin, student_fk, user_fk
from .choices import RISK_CHECKS, SESSION_KINDS, SESSION_MODES


class CounsellingSession(Base):
    """One contact with a student. Once ``signed_at`` is set the notes are changed only by
    ``SessionAmendment`` rows, so what was written on the day stays visible."""

    __tablename__ = "sessions"
    __table_args__ = (
        one_of("mode", SESSION_MODES),
        one_of("kind", SESSION_KINDS),
        one_of("risk_check", RISK_CHECKS),
        CheckConstraint("duration_min >= 0", name="duration_min"),
        Index("ix_sessions_student_id_started_at", "student_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk(index=False)  # leading column of the index above
    started_at: Mapped[datetime] = mapped_column(index=True)
    duration_min: Mapped[int]
    mode: Mapped[str] = mapped_column(default="in_person", server_default="in_person")
    kind: Mapped[str]
    participants: Mapped[str | None] = mapped_column(Text)
    presenting: Mapped[str] = empty_text(Text)
    observation: Mapped[str] = empty_text(Text)
    assessment: Mapped[str] = empty_text(Text)
    plan_text: Mapped[str] = empty_text(Text)
    risk_check: Mapped[str] = mapped_column(default="none", server_default="none")
    next_appointment: Mapped[datetime | None]
    counsellor_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    signed_at: Mapped[datetime | None]
    origin: Mapped[str | None] = origin()
    # Set by each edit before signing (migration 0002): a second window's edit is refused as
    # stale when it differs from what that window read.
    updated_at: Mapped[datetime | None]

    amendments: Mapped[list[SessionAmendment]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SessionAmendment.id",
        lazy="selectin",
    )
    break_glass: Mapped[list[BreakGlassRecord]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )


class SessionAmendment(Base):
    """An addition to a signed session: which field, the added text and why."""

    __tablename__ = "session_amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = created_at()
    created_by_id: Mapped[int] = user_fk()
    field: Mapped[str]
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = empty_text()

    session: Mapped[CounsellingSession] = relationship(back_populates="amendments")


class BreakGlassRecord(Base):
    """Proof that 班主任 and guardian were told after a self-harm / harm-to-others disclosure."""

    __tablename__ = "break_glass_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    student_id: Mapped[int] = student_fk()
    head_teacher_informed_at: Mapped[datetime | None]
    guardian_informed_at: Mapped[datetime | None]
    informed_by_id: Mapped[int] = user_fk()
    note: Mapped[str] = empty_text(Text)
    created_at: Mapped[datetime] = created_at()

    session: Mapped[CounsellingSession] = relationship(back_populates="break_glass")
