"""Local time: the vault stores naive UTC; the school lives on Beijing time (UTC+8, no DST).

Every date a person sees or types ("today", a due date, an audit filter) is a local day; every
stored moment is UTC. These helpers are the one place that converts between them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from counselroom.storage.base import utcnow

LOCAL_OFFSET = timedelta(hours=8)


def to_local(moment: datetime) -> datetime:
    """Stored UTC → Beijing wall-clock time (naive), for display."""
    return moment + LOCAL_OFFSET


def local_date(moment: datetime) -> date:
    return to_local(moment).date()


def local_today() -> date:
    return local_date(utcnow())


def utc_start_of(day: date) -> datetime:
    """The stored (UTC) form of local midnight at the start of ``day``."""
    return datetime.combine(day, time()) - LOCAL_OFFSET


def day_moment(day: date, entered: datetime | None = None) -> datetime:
    """A date-only record as a moment: when it was entered if that was on ``day``."""
    if entered is not None and local_date(entered) == day:
        return entered
    return utc_start_of(day)


def from_local(wall: datetime) -> datetime:
    """Beijing wall-clock time as typed (naive) → the stored naive UTC form."""
    if wall.tzinfo is not None:
        raise ValueError("from_local takes a naive wall-clock time")
    return wall - LOCAL_OFFSET
