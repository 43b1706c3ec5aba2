"""Referral through the green channel, with consent and events; leave (休学) and return (复学).

A referral moves proposed → consent → sent → seen → feedback → closed, each step on its own
date; its state is the last step reached by ``today``. A diagnosis is stored only as what the
hospital told the school with the family's agreement.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from counselroom.domain.hotlines import phone_key
from counselroom.storage.models import (
    Consent,
    DocumentRecord,
    Institution,
    Leave,
    Referral,
    ReferralEvent,
    ReturnRecord,
)

from . import places, wording
from .phrases import pick
from .tables import utc
from .world import Pupil, World


@dataclass(frozen=True)
class ReferralOutcome:
    seen_on: date | None
    hospital: str


def add_institutions(world: World) -> None:
    """The demo district's directory, less what the vault already lists (its preset hotlines,
    matched by phone as the migration matches them)."""
    for kind, name, department, phone, hours in places.INSTITUTIONS:
        if phone_key(phone) in world.known_phones:
            continue
        world.institutions[name] = world.tables.add(
            Institution,
            kind=kind,
            name=name,
            department=department,
            address=places.DISTRICT,
            phone=phone,
            contact="",
            green_channel_contact="门诊办公室" if kind == "hospital" else "",
            hours=hours,
            deleted_at=None,
        )


def document(world: World, pupil: Pupil, kind: str, title: str, day: date) -> None:
    """A printed document's log entry; the hash stands for the bytes of the printed PDF."""
    digest = hashlib.sha256(f"demo|{kind}|{pupil.id}|{day.isoformat()}".encode()).hexdigest()
    world.tables.add(
        DocumentRecord,
        student_id=pupil.id,
        kind=kind,
        title=title,
        created_at=utc(day, 17),
        created_by_id=world.counsellor_id,
        template_version=1,
        sha256=digest,
        action="print",
    )


def add_referral(world: World, pupil: Pupil, day: date, tier: int) -> ReferralOutcome:
    rng = world.rng
    today = world.today
    hospital = places.PARTNER_HOSPITAL if rng.random() < 0.8 else places.INSTITUTIONS[1][1]
    urgency = ("emergency" if rng.random() < 0.3 else "urgent") if tier == 3 else "routine"
    fast = urgency != "routine"
    consent_on = day + timedelta(days=rng.randint(0, 1) if fast else rng.randint(1, 5))
    given = rng.random() < 0.93
    guardian = pupil.guardian
    steps: list[tuple[str, date]] = [("proposed", day), ("consent_pending", day)]
    consent_id: int | None = None
    sent = seen = feedback = closed = None
    if consent_on <= today:
        consent_id = world.tables.add(
            Consent,
            student_id=pupil.id,
            purpose="referral",
            guardian_name=guardian.name,
            relation=guardian.relation,
            method="paper" if given else "in_person",
            given=given,
            on=consent_on,
            text_version="转介知情同意书 第1版",
            witness=pupil.head_teacher,
            withdrawn_on=None,
            reference=f"ZJ-{consent_on.year}-{pupil.id:05d}",
            recorded_by_id=world.counsellor_id,
            created_at=utc(consent_on, 17),
            by_student=False,  # a referral always needs the guardian
            withdrawal_note=None,
        )
        steps.append(("consent_given" if given else "consent_refused", consent_on))
        if given:
            sent = consent_on + timedelta(days=rng.randint(0, 1) if fast else rng.randint(1, 4))
            seen = sent + timedelta(days=rng.randint(0, 2) if fast else rng.randint(3, 10))
            feedback = seen + timedelta(days=rng.randint(7, 21))
            closed = feedback + timedelta(days=rng.randint(20, 60))
            for state, when in (
                ("sent", sent),
                ("seen", seen),
                ("feedback", feedback),
                ("closed", closed),
            ):
                if when <= today:
                    steps.append((state, when))
    reached = {state: when for state, when in steps}
    shared = "feedback" in reached and rng.random() < 0.7
    referral_id = world.tables.add(
        Referral,
        student_id=pupil.id,
        institution_id=world.institutions[hospital],
        reason=pick(rng, wording.REFERRAL_REASONS if tier < 3 else wording.REFERRAL_REASONS[1:2]),
        urgency=urgency,
        state=steps[-1][0],
        proposed_on=day,
        consent_id=consent_id,
        sent_on=reached.get("sent"),
        seen_on=reached.get("seen"),
        feedback_on=reached.get("feedback"),
        feedback_text=wording.FEEDBACK if "feedback" in reached else None,
        diagnosis_received=pick(rng, wording.DIAGNOSES) if shared else None,
        treatment=pick(rng, wording.TREATMENT) if "feedback" in reached else None,
        advice=pick(rng, wording.ADVICE) if "feedback" in reached else None,
        closed_on=reached.get("closed"),
        created_by_id=world.counsellor_id,
        created_at=utc(day, 17),
        origin=None,
    )
    for hour, (state, when) in enumerate(steps):
        world.tables.add(
            ReferralEvent,
            referral_id=referral_id,
            state=state,
            on=when,
            at=utc(when, 9 + hour),
            by_id=world.counsellor_id,
            note=wording.EVENT_NOTES[state],
        )
    if "sent" in reached:
        document(world, pupil, "referral-letter", "转介函", reached["sent"])
    if shared and feedback is not None:
        pupil.groups.setdefault("mental_disorder", feedback)
    return ReferralOutcome(reached.get("seen"), hospital)


def add_leave(world: World, pupil: Pupil, start: date, back: date, hospital: str) -> bool:
    """A leave from ``start``; returns True when the pupil came back (复学) by ``today``."""
    rng = world.rng
    returned = back <= world.today - timedelta(days=3)
    leave_id = world.tables.add(
        Leave,
        student_id=pupil.id,
        state="returned" if returned else "on_leave",
        start_on=start,
        expected_return_on=back,
        certificate=wording.LEAVE_CERTIFICATE.format(hospital=hospital),
        reason=wording.LEAVE_REASON,
        created_by_id=world.counsellor_id,
        created_at=utc(start, 16),
        origin=None,
    )
    if not returned:
        pupil.status = "on_leave"
        return False
    meeting = back - timedelta(days=rng.randint(1, 4))
    world.tables.add(
        ReturnRecord,
        leave_id=leave_id,
        application_on=meeting - timedelta(days=rng.randint(3, 7)),
        recovery_certificate=wording.RECOVERY_CERTIFICATE.format(hospital=hospital),
        missing_certificate_reason=None,
        assessment=wording.RETURN_ASSESSMENT,
        meeting_on=meeting,
        return_plan=wording.RETURN_PLAN,
        watchers=wording.RETURN_WATCHERS,
        session_frequency="每周一次",
        returned_on=back,
        close_follow_up_until=back
        + world.policy.return_follow_up.interval * world.policy.return_follow_up.count,
        created_by_id=world.counsellor_id,
        created_at=utc(meeting, 17),
        origin=None,
    )
    document(world, pupil, "return-assessment", "复学评估表", meeting)
    return True
