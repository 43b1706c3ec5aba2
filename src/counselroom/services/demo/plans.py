"""一生一策 plan versions and their measures (who does what, how often)."""

from __future__ import annotations

from datetime import date

from counselroom.domain.policy import next_plan_review
from counselroom.storage.models import Plan, PlanMeasure

from . import wording
from .phrases import pick
from .tables import utc
from .world import Pupil, World

_FREQUENCY = {0: "每月一次", 1: "每月一次", 2: "每两周一次", 3: "每周一次"}


def add_plan(
    world: World,
    pupil: Pupil,
    version: int,
    day: date,
    tier: int,
    *,
    referred: bool,
    change_note: str | None,
) -> date:
    """Add one version; return its review date."""
    rng = world.rng
    review_on = next_plan_review(world.policy, day)
    plan_id = world.tables.add(
        Plan,
        student_id=pupil.id,
        version=version,
        created_at=utc(day, 17, 30),
        created_by_id=world.counsellor_id,
        assessment=pick(rng, wording.PLAN_ASSESSMENT if tier < 3 else wording.PLAN_ASSESSMENT[3:]),
        risk_factors=pick(rng, wording.RISK_FACTORS),
        protective_factors=pick(rng, wording.PROTECTIVE_FACTORS),
        goals=pick(rng, wording.GOALS),
        review_on=review_on,
        change_note=change_note,
        origin=None,
    )
    measures = list(wording.MEASURES[:2])
    extra = [m for m in wording.MEASURES[2:] if m[0] != "hospital"]
    rng.shuffle(extra)
    measures += extra[: rng.randint(1, len(extra))]
    if referred:
        measures.append(wording.MEASURES[-1])
    for who, what, frequency in measures:
        person: str | None = None
        if who == "psychology_teacher":
            person, frequency = world.counsellor_name, _FREQUENCY[tier]
        elif who == "head_teacher":
            person = pupil.head_teacher
        elif who == "guardian":
            person = pupil.guardian.name
        world.tables.add(
            PlanMeasure, plan_id=plan_id, who=who, person=person, what=what, frequency=frequency
        )
    return review_on
