"""One line of the 工作台 and the query pieces its lists and the week calendar share.

Kept apart from services/dashboard.py so the lists (the dashboard's own, the interview list in
services/dashboard_interviews.py, the calendar) read students and plans the same way and sort
their lines in one order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import aliased

from counselroom.storage.models import Plan, SchoolClass, Student

__all__ = ["DashboardItem", "item", "latest_plan", "sort_items", "who"]


@dataclass(frozen=True)
class DashboardItem:
    """One line; ``detail`` is a short code for the window to translate (a recipient role,
    a flag code, "concern", a referral state, the follow-up's tier…), never clinical text.
    ``record_id`` is the task, screening result, concern, plan or referral behind the line."""

    student_id: int
    name: str
    class_label: str
    tier: int
    kind: str
    detail: str
    due: date | None
    overdue: bool
    record_id: int | None = None


def who() -> Any:
    """Columns every line needs: the student and his class label."""
    return select(
        Student.id,
        Student.name,
        func.coalesce(SchoolClass.label, Student.class_label_original, ""),
        Student.tier,
    )


def item(
    row: Any, kind: str, detail: str, due: date | None, overdue: bool, rid: int | None
) -> DashboardItem:
    return DashboardItem(
        student_id=int(row[0]),
        name=str(row[1]),
        class_label=str(row[2] or ""),
        tier=int(row[3]),
        kind=kind,
        detail=detail,
        due=due,
        overdue=overdue,
        record_id=rid,
    )


def _order(i: DashboardItem) -> tuple[bool, date, int, int, int]:
    """Overdue first, then by due date; the higher tier first on the same day."""
    return (not i.overdue, i.due or date.max, -i.tier, i.student_id, i.record_id or 0)


def sort_items(items: Iterable[DashboardItem]) -> tuple[DashboardItem, ...]:
    return tuple(sorted(items, key=_order))


def latest_plan() -> ColumnElement[bool]:
    """True for the current version of a plan: none later exists. NOT EXISTS walks the
    (student_id, version) index per candidate — three times faster at L than grouping every
    plan first."""
    later = aliased(Plan)
    return ~exists().where(later.student_id == Plan.student_id, later.version > Plan.version)
