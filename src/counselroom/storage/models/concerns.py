"""Concerns (预警信息): what the warning network or a screening brought to the counsellor."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, one_of, origin, student_fk, user_fk
from .choices import CONCERN_SOURCES


class Concern(Base):
    """A report about a student, with its source and reporter.

    ``handled_at``/``outcome`` record that the counsellor followed it up (interview done, tier
    set or no action), so unhandled concerns can be listed on the dashboard.
    """

    __tablename__ = "concerns"
    __table_args__ = (one_of("source", CONCERN_SOURCES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk()
    reported_on: Mapped[date]
    source: Mapped[str]
    reporter: Mapped[str] = empty_text()
    description: Mapped[str] = mapped_column(Text)
    screening_result_id: Mapped[int | None] = mapped_column(
        ForeignKey("screening_results.id", ondelete="SET NULL")
    )
    handled_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    origin: Mapped[str | None] = origin()
