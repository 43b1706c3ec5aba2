"""休学 (leave with a hospital certificate) and 复学 (return after recovery)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, one_of, origin, student_fk, user_fk
from .choices import LEAVE_STATES


class Leave(Base):
    """A period of leave; the file stays open and follow-up pauses while ``on_leave``."""

    __tablename__ = "leaves"
    __table_args__ = (one_of("state", LEAVE_STATES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk()
    state: Mapped[str] = mapped_column(default="on_leave", server_default="on_leave")
    start_on: Mapped[date]
    expected_return_on: Mapped[date | None]
    certificate: Mapped[str] = empty_text(Text)
    reason: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    origin: Mapped[str | None] = origin()

    return_record: Mapped[ReturnRecord | None] = relationship(
        back_populates="leave", cascade="all, delete-orphan", passive_deletes=True
    )


class ReturnRecord(Base):
    """The return (愈后复学): certificate, assessment, meeting, plan and who watches.

    ``close_follow_up_until`` ends the period of closer follow-up after the return.
    """

    __tablename__ = "returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    leave_id: Mapped[int] = mapped_column(ForeignKey("leaves.id", ondelete="CASCADE"), unique=True)
    application_on: Mapped[date | None]
    recovery_certificate: Mapped[str | None] = mapped_column(Text)
    missing_certificate_reason: Mapped[str | None] = mapped_column(Text)
    assessment: Mapped[str] = mapped_column(Text)
    meeting_on: Mapped[date | None]
    return_plan: Mapped[str] = mapped_column(Text)
    watchers: Mapped[str] = empty_text(Text)
    session_frequency: Mapped[str] = empty_text()
    returned_on: Mapped[date]
    close_follow_up_until: Mapped[date | None]
    created_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    origin: Mapped[str | None] = origin()

    leave: Mapped[Leave] = relationship(back_populates="return_record")
