"""一生一策 plans: every revision is a new version, older versions stay readable."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, origin, student_fk, user_fk


class Plan(Base):
    """One version of a student's plan; the current plan has the highest version."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("student_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk(index=False)  # the unique constraint indexes it
    version: Mapped[int]
    created_at: Mapped[datetime] = created_at()
    created_by_id: Mapped[int] = user_fk()
    assessment: Mapped[str] = mapped_column(Text)
    risk_factors: Mapped[str] = empty_text(Text)
    protective_factors: Mapped[str] = empty_text(Text)
    goals: Mapped[str] = mapped_column(Text)
    review_on: Mapped[date]
    change_note: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = origin()

    measures: Mapped[list[PlanMeasure]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanMeasure.id",
        lazy="selectin",
    )


class PlanMeasure(Base):
    """Who does what how often; ``who`` is a role string, ``person`` optionally names him."""

    __tablename__ = "plan_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    who: Mapped[str]
    person: Mapped[str | None]
    what: Mapped[str] = mapped_column(Text)
    frequency: Mapped[str] = empty_text()

    plan: Mapped[Plan] = relationship(back_populates="measures")
