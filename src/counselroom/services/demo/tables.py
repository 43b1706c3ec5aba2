"""Rows waiting to be inserted, with primary keys assigned up front.

The generator decides every id itself, so a session row can name its student and a referral
event its referral without asking the database: the loader then inserts each table with one
executemany. Rows are plain dicts with every column given, so the ORM applies no Python-side
default (``utcnow``) that would make two runs differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from counselroom.storage.base import Base
from counselroom.storage.models import (
    BreakGlassRecord,
    Closure,
    Concern,
    Consent,
    CounsellingSession,
    DocumentRecord,
    GroupActivity,
    Guardian,
    Institution,
    Leave,
    NotificationTask,
    ParentContact,
    Plan,
    PlanMeasure,
    Referral,
    ReferralEvent,
    ReturnRecord,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    SessionAmendment,
    Staff,
    Student,
    StudentGroup,
    TierChange,
)

Row = dict[str, Any]

# Parents before children: the order the loader inserts in (foreign keys are enforced).
INSERT_ORDER: tuple[type[Base], ...] = (
    Staff,
    SchoolClass,
    Student,
    Guardian,
    StudentGroup,
    Institution,
    ScreeningBatch,
    ScreeningResult,
    Concern,
    TierChange,
    NotificationTask,
    Plan,
    PlanMeasure,
    CounsellingSession,
    SessionAmendment,
    BreakGlassRecord,
    Consent,
    Referral,
    ReferralEvent,
    Leave,
    ReturnRecord,
    ParentContact,
    GroupActivity,
    Closure,
    DocumentRecord,
)

# China has one time zone and no daylight saving: local = UTC + 8 all year.
LOCAL_OFFSET = timedelta(hours=8)


def utc(day: date, hour: int = 8, minute: int = 0) -> datetime:
    """A local (Beijing) wall-clock time on ``day`` as the naive UTC the vault stores."""
    return datetime.combine(day, time(hour, minute)) - LOCAL_OFFSET


def local_day(moment: datetime) -> date:
    return (moment + LOCAL_OFFSET).date()


class Tables:
    """Rows per model; :meth:`add` assigns the next id of that table and returns it."""

    def __init__(self, first_ids: Mapping[type[Base], int] | None = None) -> None:
        self.rows: dict[type[Base], list[Row]] = {model: [] for model in INSERT_ORDER}
        self._next: dict[type[Base], int] = {model: 1 for model in INSERT_ORDER}
        for model, first in (first_ids or {}).items():
            self._next[model] = first

    def peek_id(self, model: type[Base]) -> int:
        return self._next[model]

    def reserve(self, model: type[Base]) -> int:
        """Take the next id now; the row is given later with :meth:`put`."""
        row_id = self._next[model]
        self._next[model] = row_id + 1
        return row_id

    def put(self, model: type[Base], row: Row) -> None:
        self.rows[model].append(row)

    def add(self, model: type[Base], **values: Any) -> int:
        row_id = self._next[model]
        self._next[model] = row_id + 1
        values["id"] = row_id
        self.rows[model].append(values)
        return row_id

    def count(self, model: type[Base]) -> int:
        return len(self.rows[model])
