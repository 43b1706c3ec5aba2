"""Accounts. Passwords are not here: each account has a key slot in ``vault.keys``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, one_of
from .choices import USER_ROLES


class User(Base):
    """A person who logs in. Disabled, never deleted, so authorship stays resolvable."""

    __tablename__ = "users"
    __table_args__ = (one_of("role", USER_ROLES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(unique=True)
    display_name: Mapped[str]
    role: Mapped[str]
    created_at: Mapped[datetime] = created_at()
    disabled_at: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]

    @property
    def active(self) -> bool:
        return self.disabled_at is None
