"""Log of every document printed or saved (PIPL processing record); the PDF is not kept."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Mapped, mapped_column

from counselroom.storage.base import Base

from ._columns import created_at, one_of, origin, student_fk, user_fk
from .choices import DOCUMENT_ACTIONS


class DocumentRecord(Base):
    """A document produced: kind (e.g. ``parent-notice``), template version and the SHA-256
    of the bytes, so a paper copy can be matched to this record; ``number`` is the 文书编号
    printed on it (migration 0004, hence last; NULL on rows logged before documents had one).
    A PDF holding several documents (a batch) gives one row per document, all with the same
    SHA-256."""

    __tablename__ = "documents"
    __table_args__ = (one_of("action", DOCUMENT_ACTIONS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int | None] = student_fk(nullable=True)
    kind: Mapped[str]
    title: Mapped[str]
    created_at: Mapped[datetime] = created_at()
    created_by_id: Mapped[int] = user_fk()
    template_version: Mapped[int | None]
    sha256: Mapped[str]
    action: Mapped[str]
    number: Mapped[str | None] = mapped_column(index=True)
    origin: Mapped[str | None] = origin()  # migration 0005: logged at another school
