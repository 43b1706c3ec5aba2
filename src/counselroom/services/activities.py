"""The group activities log: 团体辅导 and 讲座, kept for the term statistics.

Seed 004 counts 团体辅导场次 and 讲座场次; ``services.statistics`` counts these rows by date. An
activity belongs to no student and carries no personal data (topic, audience, head count), so
any role that may see statistics may list it; adding one is counsellor work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from counselroom.domain.errors import ValidationError
from counselroom.services.checks import (
    choice,
    local_day,
    optional_text,
    past_or_today,
    required_text,
)
from counselroom.services.context import Context
from counselroom.services.file_records import AuthorNames
from counselroom.services.roles import Permission
from counselroom.storage.models import GroupActivity
from counselroom.storage.models.choices import GROUP_ACTIVITY_KINDS

# GROUP_ACTIVITY_KINDS is re-exported: the window takes the kinds from here, not from storage.
__all__ = [
    "GROUP_ACTIVITY_KINDS",
    "MAX_COUNT",
    "GroupActivityEntry",
    "add_group_activity",
    "list_group_activities",
]

# More than a whole large school in one hall is a typing slip, not a lecture.
MAX_COUNT = 5000


@dataclass(frozen=True)
class GroupActivityEntry:
    id: int
    on: date
    kind: str
    topic: str
    audience: str
    count: int
    leader: str | None
    note: str | None
    created_by: str


def _count(value: object) -> int:
    # bool is an int subclass: True would silently be stored as one participant.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"must be a whole number (got {value!r})", field="count")
    if not 1 <= value <= MAX_COUNT:
        raise ValidationError(f"{value} is not between 1 and {MAX_COUNT}", field="count")
    return value


def add_group_activity(
    ctx: Context,
    *,
    on: date,
    kind: str,
    topic: str,
    audience: str,
    count: int,
    leader: str | None = None,
    note: str | None = None,
) -> int:
    """Log one group counselling session or lecture; returns its id. ``audience`` may be
    blank (a lecture to "everyone" needs no label)."""
    ctx.require(Permission.EDIT_CASES)
    on = past_or_today(on, "on")
    kind = choice(kind, GROUP_ACTIVITY_KINDS, "kind")
    topic = required_text(topic, "topic")
    audience_text = optional_text(audience, "audience") or ""
    count = _count(count)
    leader_text = optional_text(leader, "leader")
    note_text = optional_text(note, "note")
    with ctx.vault.write() as session:
        activity = GroupActivity(
            on=on,
            kind=kind,
            topic=topic,
            audience=audience_text,
            count=count,
            leader=leader_text,
            note=note_text,
            created_by_id=ctx.actor.user_id,
        )
        session.add(activity)
        session.flush()
        ctx.audit(
            session,
            "activity.add",
            target=f"activity:{activity.id}",
            detail=f"kind={kind} count={count}",
        )
        return activity.id


def list_group_activities(
    ctx: Context, *, start: date | None = None, end: date | None = None
) -> tuple[GroupActivityEntry, ...]:
    """Activities between ``start`` and ``end`` (both included, either open), newest first."""
    ctx.require(Permission.LIST_STUDENTS)
    first = None if start is None else local_day(start, "start")
    last = None if end is None else local_day(end, "end")
    if first is not None and last is not None and first > last:
        raise ValidationError(
            f"{last.isoformat()} is before the start ({first.isoformat()})", field="end"
        )
    query = select(GroupActivity).order_by(GroupActivity.on.desc(), GroupActivity.id.desc())
    if first is not None:
        query = query.where(GroupActivity.on >= first)
    if last is not None:
        query = query.where(GroupActivity.on <= last)
    with ctx.vault.read() as session:
        names = AuthorNames(session)
        return tuple(
            GroupActivityEntry(
                id=a.id,
                on=a.on,
                kind=a.kind,
                topic=a.topic,
                audience=a.audience,
                count=a.count,
                leader=a.leader,
                note=a.note,
                created_by=names(a.created_by_id),
            )
            for a in session.scalars(query)
        )
