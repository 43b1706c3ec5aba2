"""The school itself: its profile, its transfer identity and the cards of other schools."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, empty_text, one_of, user_fk
from .choices import SCHOOL_TYPES


class SchoolProfile(Base):
    """Single row (id = 1): what printed notices and reports say about the school."""

    __tablename__ = "school_profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        one_of("school_type", SCHOOL_TYPES),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False, default=1)
    name: Mapped[str]
    code: Mapped[str] = empty_text()
    district: Mapped[str] = empty_text()
    address: Mapped[str] = empty_text()
    phone: Mapped[str] = empty_text()
    partner_hospital: Mapped[str] = empty_text()
    district_contact: Mapped[str] = empty_text()
    school_type: Mapped[str] = mapped_column(default="junior", server_default="junior")
    created_at: Mapped[datetime] = created_at()


class SchoolIdentity(Base):
    """Key pairs for transfer archives; private halves live only in the encrypted vault.

    ``age_identity`` is the age X25519 secret ("AGE-SECRET-KEY-1…"); ``signing_private`` the raw
    32-byte Ed25519 private key. The current identity is the row with the highest id.
    """

    __tablename__ = "school_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    age_identity: Mapped[str]
    age_recipient: Mapped[str]
    signing_private: Mapped[bytes] = mapped_column(LargeBinary)
    signing_public: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = created_at()


class SchoolCard(Base):
    """Another school this one trusts to send archives to / receive archives from."""

    __tablename__ = "school_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    code: Mapped[str] = empty_text()
    district: Mapped[str] = empty_text()
    age_recipient: Mapped[str]
    signing_public: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(index=True)
    trusted_at: Mapped[datetime] = created_at()
    trusted_by_id: Mapped[int] = user_fk()
    removed_at: Mapped[datetime | None]
