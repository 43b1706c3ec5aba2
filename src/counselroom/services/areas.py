"""The 筛查 and 转介 areas of the main window: lists read from the vault (counsellors only).

Each list is one aggregate or joined query. Screening rows carry counts, never names; the
referral list names students, so it needs READ_CASE_NOTES like the referrals in a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, or_, select

from counselroom.domain.screening_flags import INTERVIEW_FLAGS, ITEM9
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.storage.models import (
    Institution,
    Referral,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    Student,
)

# Working order of the referral list: waiting on the hospital, then on the family, then done.
REFERRAL_STATE_ORDER = (
    "sent",
    "seen",
    "consent_given",
    "consent_pending",
    "proposed",
    "feedback",
    "consent_refused",
    "closed",
    "withdrawn",
)
AWAITING_FEEDBACK = ("sent", "seen")


@dataclass(frozen=True)
class ScreeningBatchRow:
    id: int
    instrument: str
    on: date
    term: str
    grades: str
    results: int
    flagged: int
    item9_alerts: int
    invalid: int


@dataclass(frozen=True)
class ReferralRow:
    id: int
    student_id: int
    name: str
    class_label: str
    institution: str
    urgency: str
    state: str
    proposed_on: date
    sent_on: date | None
    seen_on: date | None
    feedback_on: date | None
    feedback_due: date | None
    overdue: bool


def screening_batches(ctx: Context) -> list[ScreeningBatchRow]:
    """Every batch, newest first, with its counts. A result is flagged when it has a flag that
    puts the student on the interview list; an incomplete or void sheet (a retest flag) is
    counted as invalid, not flagged."""
    ctx.require(Permission.READ_CASE_NOTES)
    flagged = case((or_(*(_has_flag(code) for code in INTERVIEW_FLAGS)), 1), else_=0)
    item9 = case((_has_flag(ITEM9), 1), else_=0)
    invalid = case((ScreeningResult.valid.is_(False), 1), else_=0)
    query = (
        select(
            ScreeningBatch.id,
            ScreeningBatch.instrument,
            ScreeningBatch.on,
            ScreeningBatch.term,
            ScreeningBatch.grades,
            func.count(ScreeningResult.id),
            func.coalesce(func.sum(flagged), 0),
            func.coalesce(func.sum(item9), 0),
            func.coalesce(func.sum(invalid), 0),
        )
        .outerjoin(ScreeningResult, ScreeningResult.batch_id == ScreeningBatch.id)
        .group_by(ScreeningBatch.id)
        .order_by(ScreeningBatch.on.desc(), ScreeningBatch.id.desc())
    )
    with ctx.vault.read() as session:
        return [
            ScreeningBatchRow(
                id=int(row[0]),
                instrument=str(row[1]),
                on=row[2],
                term=str(row[3]),
                grades=str(row[4]),
                results=int(row[5]),
                flagged=int(row[6]),
                item9_alerts=int(row[7]),
                invalid=int(row[8]),
            )
            for row in session.execute(query)
        ]


def _has_flag(code: str) -> ColumnElement[bool]:
    return ScreeningResult.flags_json.contains(f'"{code}"', autoescape=True)


def referrals(ctx: Context, today: date | None = None) -> list[ReferralRow]:
    """Every referral: overdue feedback first, then by state (working order) and date."""
    ctx.require(Permission.READ_CASE_NOTES)
    day = today or local_today()
    query = (
        select(
            Referral,
            Student.name,
            func.coalesce(SchoolClass.label, Student.class_label_original, ""),
            Institution.name,
        )
        .join(Student, Referral.student_id == Student.id)
        .outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
        .join(Institution, Referral.institution_id == Institution.id)
    )
    with ctx.vault.read() as session:
        policy = policy_in(session)
        rows = []
        for r, name, label, institution in session.execute(query):
            due = None
            if r.state in AWAITING_FEEDBACK and r.feedback_on is None:
                due = (r.sent_on or r.proposed_on) + policy.referral_feedback_overdue
            rows.append(
                ReferralRow(
                    id=r.id,
                    student_id=r.student_id,
                    name=name,
                    class_label=label or "",
                    institution=institution,
                    urgency=r.urgency,
                    state=r.state,
                    proposed_on=r.proposed_on,
                    sent_on=r.sent_on,
                    seen_on=r.seen_on,
                    feedback_on=r.feedback_on,
                    feedback_due=due,
                    overdue=due is not None and due < day,
                )
            )
    order = {state: rank for rank, state in enumerate(REFERRAL_STATE_ORDER)}
    rows.sort(
        key=lambda r: (
            not r.overdue,
            order.get(r.state, len(order)),
            r.feedback_due or date.max,
            r.sent_on or r.proposed_on,
            r.id,
        )
    )
    return rows
