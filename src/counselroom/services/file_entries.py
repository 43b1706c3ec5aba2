"""The records of one student's file as plain, frozen DTOs (what the window and CLI hold)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from counselroom.domain.cutoffs import ScreeningCutoffs
from counselroom.domain.policy import FollowUpPolicy
from counselroom.services.referral_entries import ConsentEntry as ConsentEntry
from counselroom.services.referral_entries import ReferralEntry as ReferralEntry
from counselroom.services.referral_entries import ReferralEventEntry as ReferralEventEntry
from counselroom.services.timeline import TimelineItem


@dataclass(frozen=True)
class GuardianEntry:
    name: str
    relation: str = ""
    phone: str = ""
    is_guardian: bool = True


@dataclass(frozen=True)
class FileHeader:
    student_id: int
    name: str
    student_no: str | None
    grade: str
    class_label: str
    head_teacher: str
    tier: int
    groups: tuple[str, ...]
    status: str
    file_state: str
    next_follow_up: date | None
    # the latest transfer archive that took the student away or brought his file here
    transfer: TransferFact | None = None


@dataclass(frozen=True)
class TransferFact:
    direction: str  # "export" (转出) or "import" (转入)
    on: date  # local date
    school: str  # the receiving school, or the one the file came from ("" for a passphrase)


@dataclass(frozen=True)
class StudentProfile:
    """The 概况 tab; ``updated_at`` is the token :func:`profile.update_profile` checks."""

    student_no: str | None
    name: str
    gender: str
    birth_date: date | None
    id_number: str | None
    ethnicity: str | None
    grade_level: int | None
    class_id: int | None
    class_label: str
    roll_no: str | None
    address: str | None
    phone: str | None
    guardians: tuple[GuardianEntry, ...]
    groups: tuple[str, ...]
    updated_at: datetime
    # 入学日期 (migration 0002, hence last and defaulted: DTOs built by hand predate it); no
    # session or parent contact may be dated before it. student_profile always fills it.
    enrolled_on: date | None = None


@dataclass(frozen=True)
class TierEntry:
    """For a viewer ``reason``, ``evidence`` and ``review_note`` are ""."""

    id: int
    from_tier: int
    to_tier: int
    effective_on: date
    reason: str
    evidence_kind: str
    evidence: str
    review_note: str
    decided_by: str
    created_at: datetime


@dataclass(frozen=True)
class TaskEntry:
    """A notification task; ``note`` is "" for a viewer."""

    id: int
    recipient_role: str
    person: str
    method: str | None
    due_at: datetime
    done_at: datetime | None
    done_by: str
    done_method: str | None
    acknowledgement: str | None
    note: str
    tier_change_id: int | None


@dataclass(frozen=True)
class MeasureEntry:
    who: str
    person: str | None
    what: str
    frequency: str


@dataclass(frozen=True)
class PlanEntry:
    id: int
    version: int
    created_at: datetime
    created_by: str
    assessment: str
    risk_factors: str
    protective_factors: str
    goals: str
    review_on: date
    change_note: str | None
    measures: tuple[MeasureEntry, ...]


@dataclass(frozen=True)
class AmendmentEntry:
    id: int
    created_at: datetime
    created_by: str
    field: str
    text: str
    reason: str


@dataclass(frozen=True)
class BreakGlassEntry:
    id: int
    head_teacher_informed_at: datetime | None
    guardian_informed_at: datetime | None
    informed_by: str
    note: str


@dataclass(frozen=True)
class SessionEntry:
    id: int
    started_at: datetime
    duration_min: int
    mode: str
    kind: str
    participants: str | None
    presenting: str
    observation: str
    assessment: str
    plan_text: str
    risk_check: str
    next_appointment: datetime | None
    counsellor: str
    signed_at: datetime | None
    amendments: tuple[AmendmentEntry, ...]
    break_glass: tuple[BreakGlassEntry, ...] = ()
    # The defaults below only serve DTOs built by hand (tests, previews): read_sessions always
    # fills them. ``updated_at or created_at`` is the token counselling.edit_session checks;
    # ``locked`` (signed, or written 24 hours ago) is computed when the file is read.
    created_at: datetime = datetime.min
    updated_at: datetime | None = None
    counsellor_id: int = 0
    locked: bool = True


@dataclass(frozen=True)
class ConcernEntry:
    id: int
    reported_on: date
    source: str
    reporter: str
    description: str
    screening_result_id: int | None
    handled_at: datetime | None
    outcome: str | None
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class ContactEntry:
    id: int
    on: date
    kind: str
    with_whom: str
    summary: str
    agreed: str | None
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class ReturnEntry:
    id: int
    application_on: date | None
    recovery_certificate: str | None
    missing_certificate_reason: str | None
    assessment: str
    meeting_on: date | None
    return_plan: str
    watchers: str
    session_frequency: str
    returned_on: date
    close_follow_up_until: date | None
    created_at: datetime


@dataclass(frozen=True)
class LeaveEntry:
    id: int
    state: str
    start_on: date
    expected_return_on: date | None
    certificate: str
    reason: str
    created_at: datetime
    return_record: ReturnEntry | None


@dataclass(frozen=True)
class ScreeningEntry:
    id: int
    batch_id: int
    instrument: str
    on: date
    term: str
    total: int | None
    band: str | None
    flags: tuple[str, ...]
    valid: bool
    lie_score: int | None
    item9: int | None
    scales: tuple[tuple[str, int], ...]
    answers: tuple[int | None, ...] | None  # None in a place: that item was not answered
    created_at: datetime


@dataclass(frozen=True)
class DocumentEntry:
    id: int
    kind: str
    title: str
    created_at: datetime
    created_by: str
    action: str
    template_version: int | None
    sha256: str
    # 文书编号 printed on the paper (migration 0004); None for records made before it
    number: str | None = None


@dataclass(frozen=True)
class ClosureEntry:
    id: int
    closed_on: date
    reason: str
    sessions_count: int
    goals_achieved: str
    goals_not_achieved: str | None
    last_scores: str | None
    evaluation: str
    district_evaluation: str | None
    closed_by: str
    created_at: datetime
    reopened_at: datetime | None
    reopen_reason: str | None
    reopened_by: str


@dataclass(frozen=True)
class StudentFile:
    """The whole file; parts a viewer may not see are None."""

    header: FileHeader
    profile: StudentProfile
    restricted: bool
    tier_history: tuple[TierEntry, ...]
    tasks: tuple[TaskEntry, ...]
    plans: tuple[PlanEntry, ...] | None
    sessions: tuple[SessionEntry, ...] | None
    concerns: tuple[ConcernEntry, ...] | None
    referrals: tuple[ReferralEntry, ...] | None
    contacts: tuple[ContactEntry, ...] | None
    leaves: tuple[LeaveEntry, ...] | None
    screenings: tuple[ScreeningEntry, ...] | None
    documents: tuple[DocumentEntry, ...]
    closures: tuple[ClosureEntry, ...] | None
    timeline: tuple[TimelineItem, ...]
    # The school's plan-review interval, read in the same transaction: the plan form dates the
    # next review with it (the service's own default for a plan saved without a date).
    plan_review_after: timedelta = field(default_factory=lambda: FollowUpPolicy().plan_review)
    # the cut-off lines of the screening trend chart: the policy the results are read against
    screening_cutoffs: ScreeningCutoffs = field(default_factory=ScreeningCutoffs)
    # consents and refusals (家校沟通 → 知情同意), oldest first; None for a viewer
    consents: tuple[ConsentEntry, ...] | None = None


# -- public functions ----------------------------------------------------------------------
