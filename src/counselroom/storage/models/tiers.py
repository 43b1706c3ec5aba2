"""Tier history (分类分层) and the notification tasks a raise creates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counselroom.storage.base import Base

from ._columns import between, created_at, one_of, origin, student_fk, user_fk
from .choices import EVIDENCE_KINDS, NOTIFY_METHODS


class TierChange(Base):
    """One decision on a student's tier; never updated, the latest one is the current tier.

    ``review_note`` is the 研判 record that lowering a tier requires.
    """

    __tablename__ = "tier_changes"
    __table_args__ = (
        between("from_tier", 0, 3),
        between("to_tier", 0, 3),
        one_of("evidence_kind", EVIDENCE_KINDS),
        Index("ix_tier_changes_student_id_effective_on", "student_id", "effective_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk(index=False)  # leading column of the index above
    from_tier: Mapped[int]
    to_tier: Mapped[int]
    effective_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    evidence_kind: Mapped[str]
    evidence: Mapped[str] = mapped_column(Text)
    review_note: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    origin: Mapped[str | None] = origin()

    tasks: Mapped[list[NotificationTask]] = relationship(back_populates="tier_change")


class NotificationTask(Base):
    """Someone who must be told (班主任, 家长, 区县教育部门…), by when, and proof that it was done.

    ``recipient_role`` is a free string (the list per tier is policy); ``person`` names who.
    """

    __tablename__ = "notification_tasks"
    __table_args__ = (
        one_of("method", NOTIFY_METHODS),
        one_of("done_method", NOTIFY_METHODS),
        Index("ix_notification_tasks_done_at_due_at", "done_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk()
    tier_change_id: Mapped[int | None] = mapped_column(
        ForeignKey("tier_changes.id", ondelete="SET NULL"), index=True
    )
    recipient_role: Mapped[str]
    person: Mapped[str] = mapped_column(default="", server_default="")
    method: Mapped[str | None]
    due_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    done_by_id: Mapped[int | None] = user_fk(nullable=True)
    done_method: Mapped[str | None]
    acknowledgement: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at()
    origin: Mapped[str | None] = origin()

    tier_change: Mapped[TierChange | None] = relationship(back_populates="tasks")
