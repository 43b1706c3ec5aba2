"""The referral and consent records of a file as frozen DTOs (issue 6).

Kept apart from file_entries.py, which re-exports them, so each module stays small; callers
import them from either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ConsentEntry:
    """A consent or refusal (知情同意); ``by_student``: the student consented himself, and then
    ``guardian_name``/``relation`` are whatever was also written (often "")."""

    id: int
    purpose: str
    given: bool
    on: date
    by_student: bool
    guardian_name: str
    relation: str
    method: str
    text_version: str
    witness: str | None
    withdrawn_on: date | None
    reference: str | None
    recorded_by: str
    created_at: datetime
    withdrawal_note: str | None = None


@dataclass(frozen=True)
class ReferralEventEntry:
    """A step: ``on`` the day it happened, ``at`` when ``by`` recorded (signed) it."""

    id: int
    state: str
    at: datetime
    by: str
    note: str
    on: date


@dataclass(frozen=True)
class ReferralEntry:
    """A referral with its steps; ``diagnosis_received``, ``treatment`` and ``advice`` are what
    the hospital told the school (information received, never the school's finding)."""

    id: int
    institution: str
    institution_kind: str
    reason: str
    urgency: str
    state: str
    proposed_on: date
    consent_id: int | None
    sent_on: date | None
    seen_on: date | None
    feedback_on: date | None
    feedback_text: str | None
    diagnosis_received: str | None
    treatment: str | None
    advice: str | None
    closed_on: date | None
    created_at: datetime
    events: tuple[ReferralEventEntry, ...]
    # Defaulted (issue 6) so DTOs built by hand keep working; read_referrals fills both.
    consent: ConsentEntry | None = None  # the consent the referral rests on (consent_id's)
    feedback_due: date | None = None  # sent_on + policy, while sent or seen without feedback
