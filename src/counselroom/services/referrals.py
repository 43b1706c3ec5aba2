"""Referral through the green channel (绿色转介通道), step by step (docs/referrals.md).

proposed → guardian consent (asked, given or refused with a witness) → sent → seen → the
hospital's feedback → closed, or withdrawn before the feedback. Every function is one
transaction, needs EDIT_CASES, refuses a closed file, checks everything before it writes (the
step rules are in referral_steps.py) and writes one audit entry ("referral.<step>", the student
as target, ids and states only).

The reason is written factually (what was observed and said); what the hospital sends back —
including a diagnosis, when the family shares one — is stored as information received
(精神卫生法 art. 23: the school neither diagnoses nor treats).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.services.checks import (
    choice,
    not_before_school,
    optional_text,
    past_or_today,
    required_text,
)
from counselroom.services.consents import (
    ConsentInput,
    check_consent_input,
    consent_detail,
    new_consent,
)
from counselroom.services.context import Context
from counselroom.services.file_state import open_file_if_none, require_not_closed
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.institutions import get_live_institution
from counselroom.services.policy import policy_in
from counselroom.services.referral_steps import load_referral, require_state, step
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.storage.base import utcnow
from counselroom.storage.models import Referral, ReferralEvent
from counselroom.storage.models.choices import REFERRAL_URGENCIES

# REFERRAL_URGENCIES is re-exported: the window offers them and may not import storage.
__all__ = [
    "REFERRAL_URGENCIES",
    "ask_referral_consent",
    "close_referral",
    "mark_referral_seen",
    "mark_referral_sent",
    "propose_referral",
    "record_referral_consent",
    "record_referral_feedback",
    "withdraw_referral",
]


def _open(ctx: Context, session: Session, referral_id: int, expected: str | None) -> Referral:
    """The referral a step applies to, on a file that takes case work, in the state the form
    was filled on."""
    referral = load_referral(session, referral_id)
    require_not_closed(get_student(session, referral.student_id))
    require_state(referral, expected)
    return referral


def _audit(
    ctx: Context, session: Session, action: str, referral: Referral, extra: str = ""
) -> None:
    detail = f"referral={referral.id} state={referral.state}" + (f" {extra}" if extra else "")
    ctx.audit(session, action, target=f"student:{referral.student_id}", detail=detail)


def _simple_step(
    ctx: Context,
    referral_id: int,
    target: str,
    action: str,
    on: date,
    note: str | None,
    expected_state: str | None,
) -> None:
    ctx.require(Permission.EDIT_CASES)
    day = past_or_today(on, "on")
    note_text = optional_text(note, "note")
    with ctx.vault.write() as session:
        referral = _open(ctx, session, referral_id, expected_state)
        step(ctx, session, referral, target, day, note_text)
        _audit(ctx, session, action, referral)


def propose_referral(
    ctx: Context,
    student_id: int,
    *,
    institution_id: int,
    urgency: str,
    reason: str,
    on: date,
) -> int:
    """Propose a referral to a live institution of the directory; opens the file if none."""
    ctx.require(Permission.EDIT_CASES)
    urgency = choice(urgency, REFERRAL_URGENCIES, "urgency")
    reason = required_text(reason, "reason")
    day = past_or_today(on, "on")
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        require_not_closed(student)
        not_before_school(day, student.enrolled_on, student.birth_date, "on")
        institution = get_live_institution(session, institution_id, "institution_id")
        referral = Referral(
            student_id=student.id,
            institution_id=institution.id,
            reason=reason,
            urgency=urgency,
            state="proposed",
            proposed_on=day,
            created_by_id=ctx.actor.user_id,
        )
        referral.events.append(
            ReferralEvent(state="proposed", on=day, at=utcnow(), by_id=ctx.actor.user_id)
        )
        session.add(referral)
        opened = open_file_if_none(ctx, student)
        if opened:  # a newly opened file gets its follow-up date like any other
            refresh_follow_up(session, student, policy_in(session))
        session.flush()
        extra = f"institution={institution.id} urgency={urgency}"
        _audit(
            ctx, session, "referral.propose", referral, extra + (" file=opened" if opened else "")
        )
        return referral.id


def ask_referral_consent(
    ctx: Context,
    referral_id: int,
    *,
    on: date,
    note: str | None = None,
    expected_state: str | None = None,
) -> None:
    """The family was asked for its consent (again, after a refusal): consent_pending."""
    _simple_step(
        ctx, referral_id, "consent_pending", "referral.ask_consent", on, note, expected_state
    )


def record_referral_consent(
    ctx: Context, referral_id: int, data: ConsentInput, expected_state: str | None = None
) -> int:
    """The guardian's answer: consent_given, or consent_refused (with a witness). Returns the
    consent's id; the referral points to it from now on."""
    ctx.require(Permission.EDIT_CASES)
    checked = check_consent_input(data, for_referral=True)
    with ctx.vault.write() as session:
        referral = _open(ctx, session, referral_id, expected_state)
        student = get_student(session, referral.student_id)
        target = "consent_given" if checked.given else "consent_refused"
        step(ctx, session, referral, target, checked.on, None)
        consent = new_consent(ctx, session, student, checked)
        referral.consent_id = consent.id
        _audit(ctx, session, "referral.consent", referral, consent_detail(consent))
        return consent.id


def mark_referral_sent(
    ctx: Context,
    referral_id: int,
    *,
    on: date,
    note: str | None = None,
    expected_state: str | None = None,
) -> None:
    """The referral went to the hospital (letter sent, family went): sent, sent_on."""
    _simple_step(ctx, referral_id, "sent", "referral.sent", on, note, expected_state)


def mark_referral_seen(
    ctx: Context,
    referral_id: int,
    *,
    on: date,
    note: str | None = None,
    expected_state: str | None = None,
) -> None:
    """The hospital saw the student: seen, seen_on."""
    _simple_step(ctx, referral_id, "seen", "referral.seen", on, note, expected_state)


def record_referral_feedback(
    ctx: Context,
    referral_id: int,
    *,
    on: date,
    feedback_text: str,
    diagnosis_received: str | None = None,
    treatment: str | None = None,
    advice: str | None = None,
    seen_on: date | None = None,
    expected_state: str | None = None,
) -> None:
    """What the hospital told the school: feedback, feedback_on.

    From "seen"; from "sent" only with ``seen_on``, which is recorded as its own step first (in
    the same transaction): feedback without the day the student was seen is refused.
    """
    ctx.require(Permission.EDIT_CASES)
    day = past_or_today(on, "on")
    seen_day = None if seen_on is None else past_or_today(seen_on, "seen_on")
    text = required_text(feedback_text, "feedback_text")
    received = {
        "diagnosis_received": optional_text(diagnosis_received, "diagnosis_received"),
        "treatment": optional_text(treatment, "treatment"),
        "advice": optional_text(advice, "advice"),
    }
    with ctx.vault.write() as session:
        referral = _open(ctx, session, referral_id, expected_state)
        if referral.state == "sent":
            if seen_day is None:
                raise ValidationError.of(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "the hospital's feedback needs the day the student was seen (the "
                        "referral was sent on %1 and no visit is recorded)",
                    ),
                    referral.sent_on.isoformat() if referral.sent_on else "",
                    field="seen_on",
                )
            step(ctx, session, referral, "seen", seen_day, None, field="seen_on")
        elif seen_day is not None and referral.seen_on is not None and seen_day != referral.seen_on:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 differs from the visit already recorded (%2)"),
                seen_day.isoformat(),
                referral.seen_on.isoformat(),
                field="seen_on",
            )
        step(ctx, session, referral, "feedback", day, None)
        referral.feedback_text = text
        for key, value in received.items():
            setattr(referral, key, value)
        shared = "diagnosis=received" if received["diagnosis_received"] else "diagnosis=none"
        _audit(ctx, session, "referral.feedback", referral, shared)


def close_referral(
    ctx: Context,
    referral_id: int,
    *,
    on: date,
    note: str | None = None,
    expected_state: str | None = None,
) -> None:
    """End a referral whose feedback was received: closed, closed_on."""
    _simple_step(ctx, referral_id, "closed", "referral.close", on, note, expected_state)


def withdraw_referral(
    ctx: Context,
    referral_id: int,
    *,
    on: date,
    reason: str,
    expected_state: str | None = None,
) -> None:
    """Stop a referral before the hospital's feedback; the reason is the step's note."""
    ctx.require(Permission.EDIT_CASES)
    reason_text = required_text(reason, "reason")
    _simple_step(
        ctx, referral_id, "withdrawn", "referral.withdraw", on, reason_text, expected_state
    )
