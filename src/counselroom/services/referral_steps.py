"""One step of a referral inside the caller's transaction: the rules every step keeps.

A step is allowed only where domain.referral_flow allows it (no state skipped), is dated on or
after the step before it, and is recorded as a ReferralEvent — the day it happened (``on``),
when it was recorded (``at``) and by whom (the signature) — with the referral's state and the
date column of that step (sent_on, seen_on, feedback_on, closed_on; a withdrawal closes too).
A form opened on one state that finds the referral in another (a second window) is refused as
stale rather than applied to a referral the user did not see.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, StaleRecordError, ValidationError
from counselroom.domain.referral_flow import check_step_date, check_transition
from counselroom.services.context import Context
from counselroom.storage.base import utcnow
from counselroom.storage.models import Referral, ReferralEvent

__all__ = ["last_step", "load_referral", "require_state", "step"]

# The date column each state sets on the referral.
_DATE_COLUMN = {
    "sent": "sent_on",
    "seen": "seen_on",
    "feedback": "feedback_on",
    "closed": "closed_on",
    "withdrawn": "closed_on",
}


def load_referral(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "there is no referral with id %1"),
            referral_id,
            record=f"referral {referral_id}",
        )
    return referral


def require_state(referral: Referral, expected_state: str | None) -> None:
    """Refuse a step based on a state the referral has left since the form was filled."""
    if expected_state is not None and referral.state != expected_state:
        raise StaleRecordError(
            f"referral {referral.id} changed meanwhile: it is now {referral.state}, the form "
            f"was filled when it was {expected_state}; reopen the file to see the change"
        )


def last_step(referral: Referral) -> tuple[str, date]:
    """The latest step (by its day, then by when it was recorded) and its day; the proposal
    when no step was recorded (a referral imported without its history)."""
    latest: tuple[str, date] = ("proposed", referral.proposed_on)
    best: tuple[date, datetime, int] | None = None
    for event in referral.events:
        key = (event.on, event.at, event.id or 0)
        if best is None or key > best:
            best = key
            latest = (event.state, event.on)
    if latest[1] < referral.proposed_on:
        return ("proposed", referral.proposed_on)
    return latest


def step(
    ctx: Context,
    session: Session,
    referral: Referral,
    target: str,
    on: date,
    note: str | None,
    *,
    field: str = "on",
) -> ReferralEvent:
    """Move ``referral`` to ``target`` on ``on`` (checked first; nothing changes if refused)."""
    check_transition(referral.state, target)
    previous_state, previous_on = last_step(referral)
    check_step_date(previous_state, previous_on, on, field)
    event = ReferralEvent(
        state=target, on=on, at=utcnow(), by_id=ctx.actor.user_id, note=note or ""
    )
    referral.events.append(event)
    referral.state = target
    column = _DATE_COLUMN.get(target)
    if column is not None:
        setattr(referral, column, on)
    session.flush()
    return event
