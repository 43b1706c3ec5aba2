"""The facts each kind of document prints, as the services gather them from the vault.

Plain frozen values in Chinese-ready form (codes are kept as codes; the kinds turn them into the
printed words of domain/printed_labels.py and domain/tiers.py). Dates are ``date`` values; the
kinds print them as 2026年11月22日.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class SchoolInfo:
    name: str
    code: str = ""
    district: str = ""
    address: str = ""
    phone: str = ""
    partner_hospital: str = ""
    district_contact: str = ""


@dataclass(frozen=True)
class Guardian:
    name: str
    relation: str = ""
    phone: str = ""


@dataclass(frozen=True)
class StudentInfo:
    id: int
    name: str
    student_no: str | None
    gender: str  # M / F / U
    birth_date: date | None
    grade: str  # printed form, e.g. 初二
    class_label: str  # e.g. 初二(3)班
    head_teacher: str
    guardians: tuple[Guardian, ...] = ()
    address: str = ""


@dataclass(frozen=True)
class Issue:
    """Who issues the document, when, and under which number (文书编号)."""

    number: str
    on: date
    at: datetime
    by: str  # the signed-in user's display name
    counsellor: str = ""  # the file's counsellor as printed (defaults to ``by``)
    phone: str = ""  # the counselling room's phone (school profile) for "whom to call"


@dataclass(frozen=True)
class Measure:
    who: str
    person: str
    what: str
    frequency: str


@dataclass(frozen=True)
class ParentNoticeData:
    """家长告知书: tier 1-3; ``note`` is what the counsellor adds for this family (may be "")."""

    school: SchoolInfo
    student: StudentInfo
    issue: Issue
    tier: int
    note: str = ""


@dataclass(frozen=True)
class EscalationData:
    """分级通报单 to one internal recipient role (``role`` a RecipientRole code), or the 上报单
    to the district when ``role`` is "district"; ``reason`` is the tier decision's reason
    (internal documents carry it; parent notices never do)."""

    school: SchoolInfo
    student: StudentInfo
    issue: Issue
    tier: int
    tier_since: date
    role: str
    person: str  # who holds the role for this student, "" when unknown
    due: datetime | None
    reason: str
    evidence: str = ""
    measures: tuple[Measure, ...] = ()
    guardian_informed: date | None = None
    referral_state: str = ""  # a referral state code, "" when none
    note: str = ""


@dataclass(frozen=True)
class ReferralLetterData:
    """转介函 with the hospital's feedback slip (回执)."""

    school: SchoolInfo
    student: StudentInfo
    issue: Issue
    referral_id: int
    institution: str
    urgency: str  # routine / urgent / emergency codes as stored
    reason: str
    proposed_on: date
    consent_on: date | None
    consent_by: str  # e.g. "监护人 王芳（母亲）" or "学生本人"
    note: str = ""


@dataclass(frozen=True)
class PlanData:
    """一生一策 plan, current version."""

    school: SchoolInfo
    student: StudentInfo
    issue: Issue
    tier: int
    version: int
    made_on: date
    made_by: str
    assessment: str
    risk_factors: str
    protective_factors: str
    goals: str
    measures: tuple[Measure, ...]
    review_on: date
    change_note: str = ""


@dataclass(frozen=True)
class ReturnAssessmentData:
    """复学评估表 and return plan for one leave with its return record."""

    school: SchoolInfo
    student: StudentInfo
    issue: Issue
    leave_from: date
    leave_reason: str
    leave_certificate: str
    application_on: date | None
    recovery_certificate: str
    missing_certificate_reason: str
    assessment: str
    meeting_on: date | None
    returned_on: date
    return_plan: str
    watchers: str
    session_frequency: str
    close_follow_up_until: date | None


@dataclass(frozen=True)
class ClosureReportData:
    """结案报告."""

    school: SchoolInfo
    student: StudentInfo
    issue: Issue
    opened_on: date | None
    closed_on: date
    reason: str  # a closure reason code
    highest_tier: int
    sessions_count: int
    goals_achieved: str
    goals_not_achieved: str
    last_scores: str
    evaluation: str
    district_evaluation: str
    closed_by: str


@dataclass(frozen=True)
class LedgerLine:
    student_no: str
    name: str
    gender: str
    class_label: str
    head_teacher: str
    since: date | None
    tier: int
    last_contact: date | None
    next_follow_up: date | None


@dataclass(frozen=True)
class LedgerData:
    """台账 of one care group (group code as stored)."""

    school: SchoolInfo
    issue: Issue
    group: str
    lines: tuple[LedgerLine, ...]


@dataclass(frozen=True)
class SchoolCardInfo:
    """What another school needs to send archives here (issue 8 fills it)."""

    name: str
    code: str
    district: str
    age_recipient: str
    signing_public_hex: str
    fingerprint: str  # as read aloud, e.g. groups of four
    qr_payload: str


@dataclass(frozen=True)
class RecoverySheetData:
    """The vault's recovery sheet: the recovery code shown once at creation."""

    school: SchoolInfo
    issue: Issue
    vault_id: str
    recovery_code: str
    admin: str
    card: SchoolCardInfo | None = None


@dataclass(frozen=True)
class TransferStudent:
    name: str
    student_no: str | None
    class_label: str


@dataclass(frozen=True)
class TransferLetterData:
    """档案转接函: goes on paper with the archive; the fingerprint lets the receiver check it."""

    school: SchoolInfo
    issue: Issue
    to_school: str
    students: tuple[TransferStudent, ...]
    archive_sha256: str
    method: str  # "card" or "passphrase"
    purpose: str
    consent_ref: str
    recipient_fingerprint: str = ""
