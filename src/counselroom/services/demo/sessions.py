"""Counselling sessions, the rare amendment, and break-glass records after a disclosure."""

from __future__ import annotations

from datetime import date, timedelta

from counselroom.storage.models import BreakGlassRecord, CounsellingSession, SessionAmendment

from . import phrases, wording
from .phrases import pick
from .tables import utc
from .world import Pupil, World

# Local times a counsellor sees pupils: morning break, lunch, afternoon, after class.
SLOTS = ((10, 0), (12, 30), (14, 30), (16, 40))
AMENDMENT_RATE = 0.01


def add_session(
    world: World,
    pupil: Pupil,
    day: date,
    kind: str,
    *,
    mode: str = "in_person",
    self_harm: bool = False,
    next_in: timedelta | None = None,
    source: str = "",
    theme: str = "",
    brief: bool = False,
) -> int:
    """One session; ``brief`` is a short check-in between the regular sessions."""
    rng = world.rng
    if kind == "crisis":
        hour, minute = rng.choice((9, 11, 15)), 0
    else:
        hour, minute = SLOTS[rng.randrange(len(SLOTS))]
    started = utc(day, hour, minute)
    if mode == "phone":
        duration = rng.randint(10, 20)
    elif brief:
        duration = rng.randint(10, 15)
    elif kind in ("crisis", "family"):
        duration = rng.randint(50, 90)
    else:
        duration = rng.choice((20, 25, 30, 35, 40, 45))
    participants: str | None = None
    theme = theme or pick(rng, phrases.PRESENTING)
    presenting = phrases.follow_up_presenting(rng, theme)
    observation = phrases.observation(rng)
    assessment = phrases.assessment(rng, first_contact=kind == "interview")
    plan = phrases.plan_text(rng)
    if kind == "interview":
        opening = phrases.INTERVIEW_OPENING.get(source, phrases.INTERVIEW_OPENING_OTHER)
        presenting = opening + "：" + theme
    elif kind == "family":
        participants = pick(rng, phrases.FAMILY_PARTICIPANTS)
        observation = pick(rng, phrases.FAMILY_NOTES)
    elif mode == "phone":
        observation = pick(rng, phrases.PHONE_NOTES)
    elif brief:
        presenting = phrases.BRIEF_OPENING + presenting.removeprefix(phrases.FOLLOW_UP_PREFIX)
    if self_harm:
        observation = pick(rng, phrases.SELF_HARM_OBSERVATION)
        observation += pick(rng, phrases.OBSERVATION_CLOSE)
        assessment = phrases.SELF_HARM_ASSESSMENT
        plan = phrases.SELF_HARM_PLAN
    ended = started + timedelta(minutes=duration)
    signed = ended + timedelta(minutes=rng.randint(10, 120))
    session_id = world.tables.add(
        CounsellingSession,
        student_id=pupil.id,
        started_at=started,
        duration_min=duration,
        mode=mode,
        kind=kind,
        participants=participants,
        presenting=presenting,
        observation=observation,
        assessment=assessment,
        plan_text=plan,
        risk_check="self_harm" if self_harm else "none",
        next_appointment=started + next_in if next_in else None,
        counsellor_id=world.counsellor_id,
        created_at=ended,
        signed_at=signed,
        origin=None,
    )
    if self_harm:
        informed = ended + timedelta(minutes=rng.randint(5, 30))
        world.tables.add(
            BreakGlassRecord,
            session_id=session_id,
            student_id=pupil.id,
            head_teacher_informed_at=informed,
            guardian_informed_at=informed + timedelta(minutes=rng.randint(5, 60)),
            informed_by_id=world.counsellor_id,
            note=wording.BREAK_GLASS_NOTE,
            created_at=informed,
        )
    elif rng.random() < AMENDMENT_RATE:
        text, reason = wording.AMENDMENT
        world.tables.add(
            SessionAmendment,
            session_id=session_id,
            created_at=min(signed + timedelta(hours=rng.randint(2, 30)), world.now),
            created_by_id=world.counsellor_id,
            field="observation",
            text=text,
            reason=reason,
        )
    return session_id
