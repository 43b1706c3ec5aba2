"""Home–school contacts (家校共育) and group activities kept for statistics."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Text
from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, number, one_of, origin, student_fk, user_fk
from .choices import GROUP_ACTIVITY_KINDS, PARENT_CONTACT_KINDS


class ParentContact(Base):
    """One contact with a student's family: when, how, with whom, what was agreed."""

    __tablename__ = "parent_contacts"
    __table_args__ = (one_of("kind", PARENT_CONTACT_KINDS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk()
    on: Mapped[date]
    kind: Mapped[str]
    with_whom: Mapped[str] = empty_text()
    summary: Mapped[str] = mapped_column(Text)
    agreed: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    origin: Mapped[str | None] = origin()


class GroupActivity(Base):
    """A group counselling session (团体辅导) or lecture (讲座); not tied to one student."""

    __tablename__ = "group_activities"
    __table_args__ = (
        one_of("kind", GROUP_ACTIVITY_KINDS),
        CheckConstraint("count >= 0", name="count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    on: Mapped[date] = mapped_column(index=True)
    kind: Mapped[str]
    topic: Mapped[str]
    audience: Mapped[str] = empty_text()
    count: Mapped[int] = number(0)
    leader: Mapped[str | None]
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
