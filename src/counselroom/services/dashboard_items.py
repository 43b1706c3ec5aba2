"""One line of the 工作台 and the query pieces every list of it shares.

Kept apart from services/dashboard.py so the lists (the dashboard's own, the interview list in
services/dashboard_interviews.py) build their lines the same way and sort them in one order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from counselroom.storage.models import SchoolClass, Student

__all__ = ["DashboardItem", "item", "sort_items", "who"]


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
