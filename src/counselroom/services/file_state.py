"""Whether a student has a 一生一策 file, and the rules that follow from it.

A file is opened by the first piece of case work (a concern, a tier decision, a plan, a
session); a closed file (结案) keeps every record but takes no new case work until it is
reopened with a reason (services.closure), so nothing is added behind a closure's back.
"""

from __future__ import annotations

from counselroom.domain.errors import ValidationError
from counselroom.services.context import Context
from counselroom.storage.base import utcnow
from counselroom.storage.models import Student

__all__ = ["open_file_if_none", "require_not_closed"]


def open_file_if_none(ctx: Context, student: Student) -> bool:
    """Give a student without a file one (keeper = the actor); True if it was opened now."""
    if student.file_state != "none":
        return False
    student.file_state = "open"
    student.file_opened_at = utcnow()
    student.keeper_id = ctx.actor.user_id
    return True


def require_not_closed(student: Student) -> None:
    if student.file_state == "closed":
        raise ValidationError(
            "the file is closed (结案); reopen it with a reason before adding case work",
            record=f"student {student.id}",
        )
