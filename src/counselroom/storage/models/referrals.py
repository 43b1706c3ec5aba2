"""Referral through the green channel (绿色转介通道) to partner institutions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, one_of, origin, student_fk, user_fk
from .choices import INSTITUTION_KINDS, REFERRAL_STATES, REFERRAL_URGENCIES


class Institution(Base):
    """A hospital, hotline or service; soft-deleted so old referrals keep their target."""

    __tablename__ = "institutions"
    __table_args__ = (one_of("kind", INSTITUTION_KINDS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    name: Mapped[str]
    department: Mapped[str] = empty_text()
    address: Mapped[str] = empty_text()
    phone: Mapped[str] = empty_text()
    contact: Mapped[str] = empty_text()
    green_channel_contact: Mapped[str] = empty_text()
    hours: Mapped[str] = empty_text()
    deleted_at: Mapped[datetime | None]


class Referral(Base):
    """A referral and its status until closed.

    ``diagnosis_received``, ``treatment`` and ``advice`` are information received from the
    hospital (精神卫生法 23: the school does not diagnose).
    """

    __tablename__ = "referrals"
    __table_args__ = (
        one_of("urgency", REFERRAL_URGENCIES),
        one_of("state", REFERRAL_STATES),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk()
    institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(default="routine", server_default="routine")
    state: Mapped[str] = mapped_column(default="proposed", server_default="proposed", index=True)
    proposed_on: Mapped[date]
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("consents.id", ondelete="SET NULL"))
    sent_on: Mapped[date | None]
    seen_on: Mapped[date | None]
    feedback_on: Mapped[date | None]
    feedback_text: Mapped[str | None] = mapped_column(Text)
    diagnosis_received: Mapped[str | None] = mapped_column(Text)
    treatment: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None]
    created_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    origin: Mapped[str | None] = origin()

    institution: Mapped[Institution] = relationship()
    events: Mapped[list[ReferralEvent]] = relationship(
        back_populates="referral",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ReferralEvent.at, ReferralEvent.id",
    )


class ReferralEvent(Base):
    """A step of the referral: the state reached, the day it happened (``on``, typed by the
    user), and who recorded it when (``by_id``, ``at``: the signature)."""

    __tablename__ = "referral_events"
    __table_args__ = (one_of("state", REFERRAL_STATES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str]
    at: Mapped[datetime]
    by_id: Mapped[int] = user_fk()
    note: Mapped[str] = empty_text(Text)
    # migration 0003, hence last: the day of the step, which may be before it was recorded
    on: Mapped[date]

    referral: Mapped[Referral] = relationship(back_populates="events")
