"""The audit chain: every view, print, export and change, MACed entry by entry."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, Text
from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base


class AuditEntry(Base):
    """One entry; ``mac`` = HMAC-SHA256 over the entry and the previous entry's MAC.

    ``seq`` is assigned by the application (consecutive, no gaps) so a missing entry shows.
    ``user_id`` has no foreign key: the chain must stay verifiable whatever happens to users.
    ``detail`` never holds clinical text or names.
    """

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[int | None]
    username: Mapped[str | None]
    action: Mapped[str] = mapped_column(index=True)
    target: Mapped[str | None] = mapped_column(index=True)
    detail: Mapped[str | None] = mapped_column(Text)
    mac: Mapped[bytes] = mapped_column(LargeBinary(32))
