"""Reading the case parts of a file (READ_CASE_NOTES only): plans, sessions, concerns,
referrals, contacts, leave, screenings, closures — one query per part, never one per record.

Referrals and consents are read in referral_records.py (re-exported here)."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.session_lock import is_locked
from counselroom.services.file_entries import (
    AmendmentEntry,
    BreakGlassEntry,
    ClosureEntry,
    ConcernEntry,
    ContactEntry,
    LeaveEntry,
    MeasureEntry,
    PlanEntry,
    ReturnEntry,
    ScreeningEntry,
    SessionEntry,
)
from counselroom.services.file_records import AuthorNames
from counselroom.services.referral_records import read_consents as read_consents
from counselroom.services.referral_records import read_referrals as read_referrals
from counselroom.storage.base import utcnow
from counselroom.storage.models import (
    BreakGlassRecord,
    Closure,
    Concern,
    CounsellingSession,
    Leave,
    ParentContact,
    Plan,
    PlanMeasure,
    ReturnRecord,
    ScreeningBatch,
    ScreeningResult,
    SessionAmendment,
)


def read_plans(session: Session, student_id: int, names: AuthorNames) -> tuple[PlanEntry, ...]:
    plans = session.execute(
        select(Plan.__table__).where(Plan.student_id == student_id).order_by(Plan.version)
    ).all()
    measures: dict[int, list[MeasureEntry]] = defaultdict(list)
    for m in session.execute(
        select(PlanMeasure.__table__)
        .join(Plan, PlanMeasure.plan_id == Plan.id)
        .where(Plan.student_id == student_id)
        .order_by(PlanMeasure.id)
    ):
        measures[m.plan_id].append(MeasureEntry(m.who, m.person, m.what, m.frequency))
    return tuple(
        PlanEntry(
            id=p.id,
            version=p.version,
            created_at=p.created_at,
            created_by=names(p.created_by_id),
            assessment=p.assessment,
            risk_factors=p.risk_factors,
            protective_factors=p.protective_factors,
            goals=p.goals,
            review_on=p.review_on,
            change_note=p.change_note,
            measures=tuple(measures.get(p.id, ())),
        )
        for p in plans
    )


def read_sessions(
    session: Session, student_id: int, names: AuthorNames
) -> tuple[SessionEntry, ...]:
    # Core rows, not ORM objects: the model loads amendments per row (selectin), and a
    # 300-session file must stay a few queries.
    amendments: dict[int, list[AmendmentEntry]] = defaultdict(list)
    for a in session.execute(
        select(SessionAmendment.__table__)
        .join(CounsellingSession, SessionAmendment.session_id == CounsellingSession.id)
        .where(CounsellingSession.student_id == student_id)
        .order_by(SessionAmendment.id)
    ):
        amendments[a.session_id].append(
            AmendmentEntry(a.id, a.created_at, names(a.created_by_id), a.field, a.text, a.reason)
        )
    glass: dict[int, list[BreakGlassEntry]] = defaultdict(list)
    for b in session.execute(
        select(BreakGlassRecord.__table__)
        .where(BreakGlassRecord.student_id == student_id)
        .order_by(BreakGlassRecord.id)
    ):
        glass[b.session_id].append(
            BreakGlassEntry(
                b.id,
                b.head_teacher_informed_at,
                b.guardian_informed_at,
                names(b.informed_by_id),
                b.note,
            )
        )
    now = utcnow()
    rows = session.execute(
        select(CounsellingSession.__table__)
        .where(CounsellingSession.student_id == student_id)
        .order_by(CounsellingSession.started_at, CounsellingSession.id)
    )
    return tuple(
        SessionEntry(
            id=s.id,
            started_at=s.started_at,
            duration_min=s.duration_min,
            mode=s.mode,
            kind=s.kind,
            participants=s.participants,
            presenting=s.presenting,
            observation=s.observation,
            assessment=s.assessment,
            plan_text=s.plan_text,
            risk_check=s.risk_check,
            next_appointment=s.next_appointment,
            counsellor=names(s.counsellor_id),
            signed_at=s.signed_at,
            amendments=tuple(amendments.get(s.id, ())),
            break_glass=tuple(glass.get(s.id, ())),
            created_at=s.created_at,
            updated_at=s.updated_at,
            counsellor_id=s.counsellor_id,
            locked=is_locked(s.signed_at, s.created_at, now),
        )
        for s in rows
    )


def read_concerns(
    session: Session, student_id: int, names: AuthorNames
) -> tuple[ConcernEntry, ...]:
    rows = session.scalars(
        select(Concern)
        .where(Concern.student_id == student_id)
        .order_by(Concern.reported_on, Concern.id)
    )
    return tuple(
        ConcernEntry(
            id=c.id,
            reported_on=c.reported_on,
            source=c.source,
            reporter=c.reporter,
            description=c.description,
            screening_result_id=c.screening_result_id,
            handled_at=c.handled_at,
            outcome=c.outcome,
            created_by=names(c.created_by_id),
            created_at=c.created_at,
        )
        for c in rows
    )


def read_contacts(
    session: Session, student_id: int, names: AuthorNames
) -> tuple[ContactEntry, ...]:
    rows = session.scalars(
        select(ParentContact)
        .where(ParentContact.student_id == student_id)
        .order_by(ParentContact.on, ParentContact.id)
    )
    return tuple(
        ContactEntry(
            c.id,
            c.on,
            c.kind,
            c.with_whom,
            c.summary,
            c.agreed,
            names(c.created_by_id),
            c.created_at,
        )
        for c in rows
    )


def read_leaves(session: Session, student_id: int) -> tuple[LeaveEntry, ...]:
    rows = session.execute(
        select(Leave, ReturnRecord)
        .outerjoin(ReturnRecord, ReturnRecord.leave_id == Leave.id)
        .where(Leave.student_id == student_id)
        .order_by(Leave.start_on, Leave.id)
    )
    return tuple(
        LeaveEntry(
            id=leave.id,
            state=leave.state,
            start_on=leave.start_on,
            expected_return_on=leave.expected_return_on,
            certificate=leave.certificate,
            reason=leave.reason,
            created_at=leave.created_at,
            return_record=None
            if ret is None
            else ReturnEntry(
                id=ret.id,
                application_on=ret.application_on,
                recovery_certificate=ret.recovery_certificate,
                missing_certificate_reason=ret.missing_certificate_reason,
                assessment=ret.assessment,
                meeting_on=ret.meeting_on,
                return_plan=ret.return_plan,
                watchers=ret.watchers,
                session_frequency=ret.session_frequency,
                returned_on=ret.returned_on,
                close_follow_up_until=ret.close_follow_up_until,
                created_at=ret.created_at,
            ),
        )
        for leave, ret in rows
    )


def _json_list(text: str | None) -> list[object]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def _scales(text: str | None) -> tuple[tuple[str, int], ...]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return ()
    if not isinstance(value, dict):
        return ()
    return tuple((str(k), int(v)) for k, v in value.items() if isinstance(v, int))


def read_screenings(session: Session, student_id: int) -> tuple[ScreeningEntry, ...]:
    rows = session.execute(
        select(ScreeningResult, ScreeningBatch.instrument, ScreeningBatch.on, ScreeningBatch.term)
        .join(ScreeningBatch, ScreeningResult.batch_id == ScreeningBatch.id)
        .where(ScreeningResult.student_id == student_id)
        .order_by(ScreeningBatch.on, ScreeningResult.id)
    )
    result = []
    for r, instrument, on, term in rows:
        answers = _json_list(r.answers_json) if r.answers_json else None
        result.append(
            ScreeningEntry(
                id=r.id,
                batch_id=r.batch_id,
                instrument=instrument,
                on=on,
                term=term,
                total=r.total,
                band=r.band,
                flags=tuple(str(f) for f in _json_list(r.flags_json)),
                valid=bool(r.valid),
                lie_score=r.lie_score,
                item9=r.item9,
                scales=_scales(r.scales_json),
                # a missing answer stays in its place (None): dropping it would shift every
                # later item of an incomplete sheet to the wrong number
                answers=None
                if answers is None
                else tuple(a if isinstance(a, int) else None for a in answers),
                created_at=r.created_at,
            )
        )
    return tuple(result)


def read_closures(
    session: Session, student_id: int, names: AuthorNames
) -> tuple[ClosureEntry, ...]:
    rows = session.scalars(
        select(Closure).where(Closure.student_id == student_id).order_by(Closure.closed_on)
    )
    return tuple(
        ClosureEntry(
            id=c.id,
            closed_on=c.closed_on,
            reason=c.reason,
            sessions_count=c.sessions_count,
            goals_achieved=c.goals_achieved,
            goals_not_achieved=c.goals_not_achieved,
            last_scores=c.last_scores,
            evaluation=c.evaluation,
            district_evaluation=c.district_evaluation,
            closed_by=names(c.closed_by_id),
            created_at=c.created_at,
            reopened_at=c.reopened_at,
            reopen_reason=c.reopen_reason,
            reopened_by=names(c.reopened_by_id),
        )
        for c in rows
    )
