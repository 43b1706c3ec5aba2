"""School policy and notice templates: versioned, never overwritten (changes are audited)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, user_fk


class PolicySetting(Base):
    """One version of the whole policy as JSON; the current one has the highest version."""

    __tablename__ = "policy_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(unique=True)
    data_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at()
    created_by_id: Mapped[int | None] = user_fk(nullable=True)
    note: Mapped[str] = empty_text()


class NoticeTemplate(Base):
    """One version of an editable document template; the current one has the highest version."""

    __tablename__ = "notice_templates"
    __table_args__ = (UniqueConstraint("kind", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    version: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at()
    created_by_id: Mapped[int | None] = user_fk(nullable=True)
    note: Mapped[str] = empty_text()
