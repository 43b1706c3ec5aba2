"""Consent records (知情同意, PIPL art. 23, 29, 31; docs/referrals.md "Consent records").

A consent is recorded for one purpose — screening participation, a referral, a transfer of the
file — with who agreed (a guardian by name and relation, or the student himself from 14), how,
on which day, and the version of the text agreed to. A refusal is recorded too, with a witness.
A withdrawal is dated and kept beside the consent; nothing is deleted.

A referral's consent is its consent step (services.referrals.record_referral_consent), checked
by the same rules here. Withdrawing it before the referral was sent withdraws the referral (the
school may no longer pass anything to the hospital); after, the referral keeps its history —
the visit happened — and only the consent records the withdrawal.

Screening and transfer consents are not case work: they neither open a file nor are refused
on a closed one (a transfer consent is often taken as a file is closed for a transfer).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.consent_rules import age_on, needs_guardian
from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.services.checks import choice, optional_text, past_or_today, required_text
from counselroom.services.context import Context
from counselroom.services.file_state import require_not_closed
from counselroom.services.referral_steps import step
from counselroom.services.roles import Permission
from counselroom.services.student_file import get_student
from counselroom.storage.models import Consent, Referral, Student
from counselroom.storage.models.choices import CONSENT_METHODS, CONSENT_PURPOSES

# The code lists are re-exported: the window offers them and may not import storage.
__all__ = [
    "CONSENT_METHODS",
    "CONSENT_PURPOSES",
    "ConsentInput",
    "check_consent_input",
    "new_consent",
    "record_consent",
    "withdraw_consent",
]

# Noted on the referral's "withdrawn" step when the family withdraws its consent. Stored text,
# like every note, in the school's language.
WITHDRAWN_CONSENT_NOTE = "监护人撤回转介知情同意"


@dataclass(frozen=True)
class ConsentInput:
    purpose: str  # screening | referral | transfer
    given: bool  # False = refused
    on: date  # not in the future
    method: str  # paper | in_person | phone | message
    text_version: str  # the wording the family saw, e.g. "转介知情同意书 第1版"
    guardian_name: str = ""  # required unless by_student
    relation: str = ""  # required unless by_student ("母亲", "父亲", "祖母", …)
    by_student: bool = False  # only at 14+ on ``on``, never for a referral
    witness: str | None = None  # required when given is False
    reference: str | None = None  # paper form number / where filed


def check_consent_input(data: ConsentInput, *, for_referral: bool) -> ConsentInput:
    """``data`` checked field by field (errors name the ConsentInput attribute), stripped.

    ``for_referral``: the consent step of a referral, which only a guardian may give; the other
    purposes are recorded with :func:`record_consent`.
    """
    purposes = (
        ("referral",) if for_referral else tuple(p for p in CONSENT_PURPOSES if p != "referral")
    )
    if for_referral or data.purpose != "referral":
        purpose = choice(data.purpose, purposes, "purpose")
    else:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems", "a referral's consent is recorded as a step of the referral"
            ),
            field="purpose",
        )
    if not isinstance(data.given, bool):
        raise ValidationError(f"must be true or false (got {data.given!r})", field="given")
    if not isinstance(data.by_student, bool):
        raise ValidationError(
            f"must be true or false (got {data.by_student!r})", field="by_student"
        )
    on = past_or_today(data.on, "on")
    method = choice(data.method, CONSENT_METHODS, "method")
    text_version = required_text(data.text_version, "text_version")
    if data.by_student and for_referral:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "a referral needs a guardian's consent"),
            field="by_student",
        )
    if data.by_student:
        guardian = optional_text(data.guardian_name, "guardian_name") or ""
        relation = optional_text(data.relation, "relation") or ""
    else:
        guardian = required_text(data.guardian_name, "guardian_name")
        relation = required_text(data.relation, "relation")
    witness = optional_text(data.witness, "witness")
    if not data.given and witness is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "a refusal is recorded with the name of a witness"),
            field="witness",
        )
    return replace(
        data,
        purpose=purpose,
        on=on,
        method=method,
        text_version=text_version,
        guardian_name=guardian,
        relation=relation,
        witness=witness,
        reference=optional_text(data.reference, "reference"),
    )


def _check_consenter(data: ConsentInput, student: Student) -> None:
    """The student consents himself only at 14 or over on the consent day (PIPL art. 31)."""
    birth = student.birth_date
    if birth is not None and data.on < birth:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is before the student's birth date (%2)"),
            data.on.isoformat(),
            birth.isoformat(),
            field="on",
        )
    if not data.by_student or not needs_guardian(birth, data.on):
        return
    if birth is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "the student's birth date is unknown, so a guardian must consent (under 14 "
                "only a guardian may)",
            ),
            field="by_student",
        )
    raise ValidationError.of(
        QT_TRANSLATE_NOOP(
            "problems", "the student is %1 on %2 (born %3): under 14 a guardian must consent"
        ),
        age_on(birth, data.on),
        data.on.isoformat(),
        birth.isoformat(),
        field="by_student",
    )


def new_consent(ctx: Context, session: Session, student: Student, data: ConsentInput) -> Consent:
    """Add the consent row for checked ``data`` (see :func:`check_consent_input`)."""
    _check_consenter(data, student)
    consent = Consent(
        student_id=student.id,
        purpose=data.purpose,
        guardian_name=data.guardian_name,
        relation=data.relation,
        method=data.method,
        given=data.given,
        on=data.on,
        text_version=data.text_version,
        witness=data.witness,
        withdrawn_on=None,
        reference=data.reference,
        recorded_by_id=ctx.actor.user_id,
        by_student=data.by_student,
    )
    session.add(consent)
    session.flush()
    return consent


def consent_detail(consent: Consent) -> str:
    """The audit detail of a consent: codes and flags only."""
    return (
        f"consent={consent.id} purpose={consent.purpose} given={int(consent.given)} "
        f"by_student={int(consent.by_student)}"
    )


def record_consent(ctx: Context, student_id: int, data: ConsentInput) -> int:
    """Record a screening or transfer consent (or refusal); returns its id."""
    ctx.require(Permission.EDIT_CASES)
    checked = check_consent_input(data, for_referral=False)
    with ctx.vault.write() as session:
        student = get_student(session, student_id)
        consent = new_consent(ctx, session, student, checked)
        ctx.audit(
            session, "consent.add", target=f"student:{student.id}", detail=consent_detail(consent)
        )
        return consent.id


def withdraw_consent(ctx: Context, consent_id: int, *, on: date, note: str | None = None) -> None:
    """Record that a consent was withdrawn on ``on``; a referral not yet sent is withdrawn."""
    ctx.require(Permission.EDIT_CASES)
    on = past_or_today(on, "on")
    note_text = optional_text(note, "note")
    with ctx.vault.write() as session:
        consent = session.get(Consent, consent_id)
        record = f"consent {consent_id}"
        if consent is None:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "there is no consent with id %1"),
                consent_id,
                record=record,
            )
        if not consent.given:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "a refusal cannot be withdrawn"), record=record
            )
        if consent.withdrawn_on is not None:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "the consent was already withdrawn on %1"),
                consent.withdrawn_on.isoformat(),
                record=record,
            )
        if on < consent.on:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 is before the consent was given on %2"),
                on.isoformat(),
                consent.on.isoformat(),
                field="on",
            )
        detail = f"consent={consent.id} purpose={consent.purpose}"
        referral = session.scalar(select(Referral).where(Referral.consent_id == consent.id))
        if referral is not None:
            detail += f" referral={referral.id}"
            if referral.state == "consent_given":
                require_not_closed(get_student(session, referral.student_id))
                note_line = WITHDRAWN_CONSENT_NOTE + (f"：{note_text}" if note_text else "")
                step(ctx, session, referral, "withdrawn", on, note_line, field="on")
                detail += " state=withdrawn"
        consent.withdrawn_on = on
        consent.withdrawal_note = note_text
        ctx.audit(
            session, "consent.withdraw", target=f"student:{consent.student_id}", detail=detail
        )
