"""The 工作台's interview list: students waiting for a 面对面访谈 after a screening flag or a
concern from the warning network (DOMAIN.md "Screening": a flag is never a diagnosis, only the
counsellor's interview sets a tier)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from counselroom.domain.screening_flags import INTERVIEW_FLAGS, ITEM9
from counselroom.services.dashboard_items import DashboardItem, item, sort_items, who
from counselroom.services.localtime import local_date
from counselroom.storage.models import (
    Concern,
    CounsellingSession,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    Student,
)

__all__ = ["INTERVIEW_GRACE", "interview_items"]

# A screening flag or a concern is due for an interview on the day it arrives; item 9 is overdue
# the next day (same-day risk assessment), other reasons after this grace.
INTERVIEW_GRACE = timedelta(days=7)
# Students who left the school wait for no interview here.
GONE = ("transferred", "graduated")


def interview_items(session: Session, day: date) -> tuple[DashboardItem, ...]:
    """Students with a flag or an unhandled concern and no interview since; one line each,
    for the most urgent reason.

    A flag is also cleared by a handled concern of the student reported on or after the
    screening day: the counsellor records the interview's outcome on the concern the flag
    raised, and one interview answers every flag of that day (PHQ-9 and GAD-7 together).
    Interviews are looked up last, for the few students still waiting (the session table is
    the largest one)."""
    last_handled = {
        int(sid): on
        for sid, on in session.execute(
            select(Concern.student_id, func.max(Concern.reported_on))
            .where(Concern.handled_at.is_not(None))
            .group_by(Concern.student_id)
        )
    }
    # (student id, (urgency rank, due, detail, record id), row)
    waiting: list[tuple[int, tuple[int, date, str, int], Any]] = []
    flagged = session.execute(
        who()
        .add_columns(ScreeningResult.id, ScreeningResult.flags_json, ScreeningBatch.on)
        .join(ScreeningResult, ScreeningResult.student_id == Student.id)
        .join(ScreeningBatch, ScreeningResult.batch_id == ScreeningBatch.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(Student.status.not_in(GONE), or_(*(_has_flag(code) for code in INTERVIEW_FLAGS)))
    )
    for row in flagged:
        student_id, result_id, flags_json, on = int(row[0]), int(row[4]), row[5], row[6]
        codes = set(json.loads(flags_json or "[]"))
        reasons = [f for f in INTERVIEW_FLAGS if f in codes]
        handled = last_handled.get(student_id)
        if not reasons or (handled is not None and handled >= on):
            continue
        rank = INTERVIEW_FLAGS.index(reasons[0])
        waiting.append((student_id, (rank, on, reasons[0], result_id), row))
    concerns = session.execute(
        who()
        .add_columns(Concern.id, Concern.reported_on)
        .join(Concern, Concern.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .where(Student.status.not_in(GONE), Concern.handled_at.is_(None))
    )
    for row in concerns:
        reason = (len(INTERVIEW_FLAGS), row[5], "concern", int(row[4]))
        waiting.append((int(row[0]), reason, row))

    last_interview = _last_interviews(session, {sid for sid, _, _ in waiting})
    pending: dict[int, tuple[int, date, str, int]] = {}
    row_of: dict[int, Any] = {}
    for student_id, reason, row in waiting:
        last = last_interview.get(student_id)
        if last is not None and last >= reason[1]:
            continue
        row_of[student_id] = row
        _keep(pending, student_id, reason)
    items = []
    for student_id, (_rank, due, detail, rid) in pending.items():
        grace = timedelta(0) if detail == ITEM9 else INTERVIEW_GRACE
        items.append(item(row_of[student_id], "interview", detail, due, due + grace < day, rid))
    return sort_items(items)


def _last_interviews(session: Session, student_ids: set[int]) -> dict[int, date]:
    """Local day of each student's latest interview-kind session."""
    found: dict[int, date] = {}
    ids = sorted(student_ids)
    for start in range(0, len(ids), 500):
        for sid, at in session.execute(
            select(CounsellingSession.student_id, func.max(CounsellingSession.started_at))
            .where(
                CounsellingSession.student_id.in_(ids[start : start + 500]),
                CounsellingSession.kind == "interview",
            )
            .group_by(CounsellingSession.student_id)
        ):
            found[int(sid)] = local_date(at)
    return found


def _has_flag(code: str) -> ColumnElement[bool]:
    return ScreeningResult.flags_json.contains(f'"{code}"', autoescape=True)


def _keep(
    pending: dict[int, tuple[int, date, str, int]],
    student_id: int,
    candidate: tuple[int, date, str, int],
) -> None:
    """Keep the most urgent reason; its due date is the earliest of all pending reasons."""
    held = pending.get(student_id)
    if held is None:
        pending[student_id] = candidate
        return
    best = min(held, candidate)
    pending[student_id] = (best[0], min(held[1], candidate[1]), best[2], best[3])
