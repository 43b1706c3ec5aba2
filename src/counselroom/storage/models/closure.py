"""Closure (结案) of a file, and its reopening."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, number, one_of, origin, student_fk, user_fk
from .choices import CLOSURE_REASONS


class Closure(Base):
    """The closing record; ``district_evaluation`` is the 结案评估 required in a crisis case.

    A reopened file keeps this row with ``reopened_at`` set; a later closure is a new row.
    """

    __tablename__ = "closures"
    __table_args__ = (one_of("reason", CLOSURE_REASONS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk()
    closed_on: Mapped[date]
    reason: Mapped[str]
    sessions_count: Mapped[int] = number(0)
    goals_achieved: Mapped[str] = mapped_column(Text)
    goals_not_achieved: Mapped[str | None] = mapped_column(Text)
    last_scores: Mapped[str | None] = mapped_column(Text)
    evaluation: Mapped[str] = mapped_column(Text)
    district_evaluation: Mapped[str | None] = mapped_column(Text)
    closed_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    reopened_at: Mapped[datetime | None]
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    reopened_by_id: Mapped[int | None] = user_fk(nullable=True)
    origin: Mapped[str | None] = origin()
