"""The home–school contact log (家校沟通, DOMAIN.md "Home–school work").

Every contact with a student's family — 家长会, 家访, a phone call, a messaging-app exchange, a
meeting — is logged with the date, who was met, what was said and what was agreed. A contact is
case work: it opens the student's file when he has none, and a closed file takes none until it
is reopened. Reading the log is part of the file (``case_records.read_contacts``).
"""

from __future__ import annotations

from datetime import date

from counselroom.services.checks import (
    choice,
    not_before_school,
    optional_text,
    past_or_today,
    required_text,
)
from counselroom.services.context import Context
from counselroom.services.file_state import open_file_if_none, require_not_closed
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.storage.models import ParentContact
from counselroom.storage.models.choices import PARENT_CONTACT_KINDS

# PARENT_CONTACT_KINDS is re-exported: the window takes the kinds from here, not from storage.
__all__ = ["PARENT_CONTACT_KINDS", "add_parent_contact"]


def add_parent_contact(
    ctx: Context,
    student_id: int,
    *,
    on: date,
    kind: str,
    with_whom: str,
    summary: str,
    agreed: str | None = None,
) -> int:
    """Log one contact with the family; returns its id."""
    ctx.require(Permission.EDIT_CASES)
    on = past_or_today(on, "on")
    kind = choice(kind, PARENT_CONTACT_KINDS, "kind")
    with_whom = required_text(with_whom, "with_whom")
    summary = required_text(summary, "summary")
    agreed_text = optional_text(agreed, "agreed")
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        require_not_closed(student)
        not_before_school(on, student.enrolled_on, student.birth_date, "on")
        contact = ParentContact(
            student_id=student.id,
            on=on,
            kind=kind,
            with_whom=with_whom,
            summary=summary,
            agreed=agreed_text,
            created_by_id=ctx.actor.user_id,
        )
        session.add(contact)
        opened = open_file_if_none(ctx, student)
        if opened:  # a newly opened file gets its follow-up date like any other
            refresh_follow_up(session, student, policy_in(session))
        session.flush()
        detail = f"contact={contact.id} kind={kind}"
        if opened:
            detail += " file=opened"
        ctx.audit(session, "contact.add", target=f"student:{student.id}", detail=detail)
        return contact.id
