"""Reading a file's referrals and consents (READ_CASE_NOTES only), one query per part.

A referral carries the consent it rests on and, while it waits for the hospital, the day its
feedback is due (the policy's ``referral_feedback_overdue`` after it was sent), so the window
and the dashboard show the same date.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.policy import Policy, referral_feedback_due
from counselroom.domain.referral_flow import AWAITING_FEEDBACK
from counselroom.services.file_records import AuthorNames
from counselroom.services.policy import policy_in
from counselroom.services.referral_entries import (
    ConsentEntry,
    ReferralEntry,
    ReferralEventEntry,
)
from counselroom.storage.models import Consent, Institution, Referral, ReferralEvent

__all__ = ["consent_entry", "read_consents", "read_referrals"]


def consent_entry(c: Any, names: AuthorNames) -> ConsentEntry:
    """A consent row (ORM object or Core row of ``consents``) as its DTO."""
    return ConsentEntry(
        id=c.id,
        purpose=c.purpose,
        given=bool(c.given),
        on=c.on,
        by_student=bool(c.by_student),
        guardian_name=c.guardian_name,
        relation=c.relation,
        method=c.method,
        text_version=c.text_version,
        witness=c.witness,
        withdrawn_on=c.withdrawn_on,
        reference=c.reference,
        recorded_by=names(c.recorded_by_id),
        created_at=c.created_at,
        withdrawal_note=c.withdrawal_note,
    )


def read_consents(
    session: Session, student_id: int, names: AuthorNames
) -> tuple[ConsentEntry, ...]:
    """Every consent and refusal of the student, oldest first (referral consents included)."""
    rows = session.execute(
        select(Consent.__table__)
        .where(Consent.student_id == student_id)
        .order_by(Consent.on, Consent.id)
    )
    return tuple(consent_entry(c, names) for c in rows)


def read_referrals(
    session: Session, student_id: int, names: AuthorNames, policy: Policy | None = None
) -> tuple[ReferralEntry, ...]:
    """The student's referrals by proposal date, each with its steps in the order recorded."""
    rules = policy if policy is not None else policy_in(session)
    events: dict[int, list[ReferralEventEntry]] = defaultdict(list)
    for e in session.execute(
        select(ReferralEvent.__table__)
        .join(Referral, ReferralEvent.referral_id == Referral.id)
        .where(Referral.student_id == student_id)
        .order_by(ReferralEvent.at, ReferralEvent.id)
    ):
        events[e.referral_id].append(
            ReferralEventEntry(e.id, e.state, e.at, names(e.by_id), e.note, e.on)
        )
    consents = {c.id: c for c in read_consents(session, student_id, names)}
    rows = session.execute(
        select(Referral, Institution.name, Institution.kind)
        .join(Institution, Referral.institution_id == Institution.id)
        .where(Referral.student_id == student_id)
        .order_by(Referral.proposed_on, Referral.id)
    )
    return tuple(
        ReferralEntry(
            id=r.id,
            institution=institution,
            institution_kind=kind,
            reason=r.reason,
            urgency=r.urgency,
            state=r.state,
            proposed_on=r.proposed_on,
            consent_id=r.consent_id,
            sent_on=r.sent_on,
            seen_on=r.seen_on,
            feedback_on=r.feedback_on,
            feedback_text=r.feedback_text,
            diagnosis_received=r.diagnosis_received,
            treatment=r.treatment,
            advice=r.advice,
            closed_on=r.closed_on,
            created_at=r.created_at,
            events=tuple(events.get(r.id, ())),
            consent=None if r.consent_id is None else consents.get(r.consent_id),
            feedback_due=referral_feedback_due(rules, r.sent_on)
            if r.state in AWAITING_FEEDBACK and r.sent_on is not None
            else None,
        )
        for r, institution, kind in rows
    )
