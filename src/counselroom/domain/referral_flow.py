"""The steps of a referral (转介) and the order they must come in (docs/referrals.md).

A referral is proposed, the guardian's consent is asked and given (or refused, and maybe asked
again), then the referral is sent, the student is seen, the hospital's feedback is received and
the referral is closed; it may be withdrawn at any point before the feedback. No step may be
skipped: the consent in particular comes before sending, also in an emergency (then recorded by
phone), because the family decides whether the school may pass anything to a hospital.

Pure: the services, the window (which offers only the next steps) and the tests share it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = [
    "AWAITING_FEEDBACK",
    "FINAL_STATES",
    "STEP_ORDER",
    "TRANSITIONS",
    "check_step_date",
    "check_transition",
    "next_states",
]

# The order the states are listed in (storage's REFERRAL_STATES keeps the same order).
STEP_ORDER: tuple[str, ...] = (
    "proposed",
    "consent_pending",
    "consent_given",
    "consent_refused",
    "sent",
    "seen",
    "feedback",
    "closed",
    "withdrawn",
)

# Typed as a read-only Mapping: callers look steps up, never change the diagram.
TRANSITIONS: Mapping[str, tuple[str, ...]] = {
    "proposed": ("consent_pending", "consent_given", "consent_refused", "withdrawn"),
    "consent_pending": ("consent_given", "consent_refused", "withdrawn"),
    # The family may be asked again after a refusal, or change its mind on the spot.
    "consent_refused": ("consent_pending", "consent_given", "withdrawn"),
    "consent_given": ("sent", "withdrawn"),
    "sent": ("seen", "withdrawn"),
    "seen": ("feedback", "withdrawn"),
    # Once the hospital has answered the referral did its work: it is closed, not withdrawn.
    "feedback": ("closed",),
    "closed": (),
    "withdrawn": (),
}

FINAL_STATES = frozenset({"closed", "withdrawn"})
# Sent to the hospital and not answered yet: the feedback reminder runs (policy, 14 days).
AWAITING_FEEDBACK: tuple[str, ...] = ("sent", "seen")

# What the previous step was, as the date message names it. One template per step, so the
# window can translate the whole sentence (the filled-in arguments are dates only).
_BEFORE: Mapping[str, str] = {
    "proposed": QT_TRANSLATE_NOOP("problems", "%1 is before the referral was proposed (%2)"),
    "consent_pending": QT_TRANSLATE_NOOP(
        "problems", "%1 is before the guardian was asked for consent (%2)"
    ),
    "consent_given": QT_TRANSLATE_NOOP("problems", "%1 is before the guardian's consent on %2"),
    "consent_refused": QT_TRANSLATE_NOOP("problems", "%1 is before the guardian's refusal on %2"),
    "sent": QT_TRANSLATE_NOOP("problems", "%1 is before the referral was sent on %2"),
    "seen": QT_TRANSLATE_NOOP("problems", "%1 is before the student was seen on %2"),
    "feedback": QT_TRANSLATE_NOOP("problems", "%1 is before the hospital's feedback on %2"),
}


_FINAL_TEMPLATE = QT_TRANSLATE_NOOP(
    "problems", "the referral is %1: no further step can be recorded"
)
_MOVE_TEMPLATE = QT_TRANSLATE_NOOP(
    "problems", "a referral in state %1 cannot go to %2 (the next step may be: %3)"
)
# Templates whose arguments are state codes (comma-separated lists for "%3"): the window shows
# each code by its translated name, the CLI prints the codes.
STATE_TEMPLATES = frozenset({_FINAL_TEMPLATE, _MOVE_TEMPLATE})


def next_states(state: str) -> tuple[str, ...]:
    """The states a referral in ``state`` may move to next (none for a final state)."""
    try:
        return TRANSITIONS[state]
    except KeyError:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is not a referral state"), state, field="state"
        ) from None


def check_transition(current: str, target: str) -> None:
    """Refuse a move the diagram does not have; the message names both states."""
    allowed = next_states(current)
    if target in allowed:
        return
    if target not in TRANSITIONS:
        next_states(target)  # raises: an unknown state
    if not allowed:
        raise ValidationError.of(_FINAL_TEMPLATE, current, field="state")
    raise ValidationError.of(
        _MOVE_TEMPLATE,
        current,
        target,
        ", ".join(allowed),
        field="state",
    )


def check_step_date(previous_state: str, previous_on: date, day: date, field: str) -> None:
    """A step is dated on or after the step before it (its day may equal it: an emergency
    referral is proposed, agreed to by phone and sent on one day)."""
    if day >= previous_on:
        return
    template = _BEFORE.get(previous_state)
    if template is None:  # a final state has no later step; check_transition refuses first
        raise ValueError(f"no step follows {previous_state!r}")
    raise ValidationError.of(template, day.isoformat(), previous_on.isoformat(), field=field)
