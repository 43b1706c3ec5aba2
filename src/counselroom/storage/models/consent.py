"""Guardian consent (知情同意), recorded with date and text version (PIPL art. 29, 31, 23)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, number, one_of, origin, student_fk, user_fk
from .choices import CONSENT_METHODS, CONSENT_PURPOSES


class Consent(Base):
    """A guardian's answer for one purpose; ``given`` False records a refusal.

    ``text_version`` names the consent wording the guardian saw; ``reference`` is the paper
    form's number or where it is filed. ``by_student``: the student consented himself (14 or
    older on ``on``, PIPL art. 31; never for a referral). ``withdrawal_note`` says how a
    withdrawal reached the school.
    """

    __tablename__ = "consents"
    __table_args__ = (
        one_of("purpose", CONSENT_PURPOSES),
        one_of("method", CONSENT_METHODS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = student_fk()
    purpose: Mapped[str]
    guardian_name: Mapped[str]
    relation: Mapped[str] = mapped_column(default="", server_default="")
    method: Mapped[str]
    given: Mapped[bool]
    on: Mapped[date]
    text_version: Mapped[str]
    witness: Mapped[str | None]
    withdrawn_on: Mapped[date | None]
    reference: Mapped[str | None]
    recorded_by_id: Mapped[int] = user_fk()
    created_at: Mapped[datetime] = created_at()
    # migration 0003, hence last
    by_student: Mapped[bool] = number(False)
    withdrawal_note: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = origin()  # migration 0005: recorded at another school
