"""Home–school contacts (家校共育) and the room's group work and lectures, for statistics."""

from __future__ import annotations

from datetime import date, timedelta

from counselroom.domain.grades import grade_label
from counselroom.storage.models import GroupActivity, ParentContact

from . import wording
from .roster import LEVELS
from .tables import utc
from .timeline import is_school_day, next_school_day
from .world import Pupil, World


def add_parent_contact(world: World, pupil: Pupil, day: date, kind: str | None = None) -> None:
    rng = world.rng
    options = [s for s in wording.PARENT_SUMMARIES if kind is None or s[0] == kind]
    chosen, summary, agreed = options[rng.randrange(len(options))]
    if chosen == "home_visit" and "left_behind" not in pupil.groups:
        agreed = "家长同意每天提醒孩子按时作息。"
    guardian = pupil.guardian
    world.tables.add(
        ParentContact,
        student_id=pupil.id,
        on=day,
        kind=chosen,
        with_whom=f"{guardian.name}（{guardian.relation}）",
        summary=summary,
        agreed=agreed or None,
        created_by_id=world.counsellor_id,
        created_at=utc(day, 18),
        origin=None,
    )


def add_group_activities(world: World) -> None:
    """About two group sessions and one lecture a month during term time."""
    rng = world.rng
    levels = LEVELS[world.school_type]
    day = world.start + timedelta(days=7)
    while day < world.today:
        if is_school_day(day):
            kind, topic = wording.GROUP_TOPICS[rng.randrange(len(wording.GROUP_TOPICS))]
            grade = rng.choice(levels)
            if kind == "lecture":
                audience = "全体家长" if "家长" in topic else f"{grade_label(grade)}全体学生"
                count = rng.randint(200, 600)
            else:
                audience = f"{grade_label(grade)}学生"
                count = rng.randint(8, 16)
            world.tables.add(
                GroupActivity,
                on=day,
                kind=kind,
                topic=topic,
                audience=audience,
                count=count,
                leader=world.counsellor_name,
                note=None,
                created_by_id=world.counsellor_id,
                created_at=utc(day, 18),
            )
        day = next_school_day(day + timedelta(days=rng.randint(7, 14)))
