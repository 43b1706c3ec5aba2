"""Which documents a student's file can give, and why not when it cannot.

One rule set serves the 文书 tab (an option per document, greyed with a reason), the CLI (a kind
that does not apply is refused with the same reason) and batches (students skipped with it):

* parent-notice: tier 1-3 and an open file;
* escalation-notice: an open file and an internal role (school staff, not the guardian or the
  district) on the current tier's notification list — one option per such role;
* district-report: an open file whose tier's list includes the district;
* referral-letter: a referral that was not withdrawn — one option per referral;
* plan: a plan; return-assessment: a return from leave (复学); closure-report: a closure that
  was not reopened.

The rules themselves, with their reasons, are in services/document_reasons.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import ValidationError
from counselroom.domain.tiers import RecipientRole, Tier
from counselroom.services.document_reasons import VIEWER_REASON, internal_roles, why_not
from counselroom.services.policy import policy_in
from counselroom.storage.models import (
    Closure,
    Institution,
    Leave,
    Plan,
    Referral,
    ReturnRecord,
    Student,
)

__all__ = [
    "KIND_TITLES",
    "STUDENT_KINDS",
    "DocumentOption",
    "DocumentRequest",
    "FileFacts",
    "check_request",
    "current_plan",
    "file_facts",
    "internal_roles",
    "latest_return",
    "live_referrals",
    "standing_closure",
    "student_options",
    "viewer_options",
    "why_not",
]

STUDENT_KINDS = (
    "parent-notice",
    "escalation-notice",
    "district-report",
    "referral-letter",
    "plan",
    "return-assessment",
    "closure-report",
)
# The printed names, for the menu; the document's own title is the school's wording.
KIND_TITLES = {
    "parent-notice": "家长告知书",
    "escalation-notice": "分级通报单",
    "district-report": "上报单（区县教育部门）",
    "referral-letter": "转介函",
    "plan": "一生一策方案",
    "return-assessment": "复学评估表",
    "closure-report": "结案报告",
}
NOTED_KINDS = ("parent-notice", "escalation-notice", "district-report", "referral-letter")


@dataclass(frozen=True)
class DocumentRequest:
    kind: str  # one of STUDENT_KINDS
    student_id: int
    # escalation-notice: an internal RecipientRole code; None = one notice per internal role
    # of the tier's list, in one PDF
    recipient: str | None = None
    # referral-letter: None = the latest referral that is not withdrawn
    referral_id: int | None = None
    note: str = ""  # the counsellor's addition (parent notice, escalation, referral)


@dataclass(frozen=True)
class DocumentOption:
    request: DocumentRequest
    title: str  # Chinese, as printed, e.g. "分级通报单（班主任）"
    available: bool
    # English reason when not available, else ""; a document_reasons.Reason, whose template
    # the window translates
    why_not: str


# -- the records a kind is printed from (shared with document_data.py) ---------------------


def current_plan(session: Session, student_id: int) -> Plan | None:
    return session.scalars(
        select(Plan).where(Plan.student_id == student_id).order_by(Plan.version.desc()).limit(1)
    ).first()


def live_referrals(session: Session, student_id: int) -> list[Referral]:
    """The student's referrals that were not withdrawn, newest first."""
    return list(
        session.scalars(
            select(Referral)
            .where(Referral.student_id == student_id, Referral.state != "withdrawn")
            .order_by(Referral.proposed_on.desc(), Referral.id.desc())
        )
    )


def latest_return(session: Session, student_id: int) -> tuple[Leave, ReturnRecord] | None:
    row = session.execute(
        select(Leave, ReturnRecord)
        .join(ReturnRecord, ReturnRecord.leave_id == Leave.id)
        .where(Leave.student_id == student_id)
        .order_by(ReturnRecord.returned_on.desc(), ReturnRecord.id.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def _latest_closure(session: Session, student_id: int) -> Closure | None:
    return session.scalars(
        select(Closure).where(Closure.student_id == student_id).order_by(Closure.id.desc())
    ).first()


def standing_closure(session: Session, student_id: int) -> Closure | None:
    """The latest closure, if it was not reopened."""
    closure = _latest_closure(session, student_id)
    return closure if closure is not None and closure.reopened_at is None else None


# -- facts and rules ----------------------------------------------------------------------


@dataclass(frozen=True)
class FileFacts:
    """What the rules look at, read once per student."""

    student_id: int
    tier: int
    file_state: str
    roles: tuple[str, ...]  # the current tier's notification list, in policy order
    plan: bool
    referrals: tuple[tuple[int, str, date], ...]  # (id, institution, proposed) newest first
    withdrawn: tuple[int, ...]
    returned: bool
    closure: str  # "none", "reopened" or "standing"


def file_facts(session: Session, student: Student) -> FileFacts:
    policy = policy_in(session)
    tier = Tier.from_code(student.tier)
    live = session.execute(
        select(Referral.id, Institution.name, Referral.proposed_on, Referral.state)
        .join(Institution, Referral.institution_id == Institution.id)
        .where(Referral.student_id == student.id)
        .order_by(Referral.proposed_on.desc(), Referral.id.desc())
    ).all()
    closure = _latest_closure(session, student.id)
    return FileFacts(
        student_id=student.id,
        tier=tier.value,
        file_state=student.file_state,
        roles=tuple(r.role.value for r in policy.notifications.for_tier(tier)),
        plan=current_plan(session, student.id) is not None,
        referrals=tuple((int(i), str(n), d) for i, n, d, s in live if s != "withdrawn"),
        withdrawn=tuple(int(i) for i, _n, _d, s in live if s == "withdrawn"),
        returned=latest_return(session, student.id) is not None,
        closure="none" if closure is None else "reopened" if closure.reopened_at else "standing",
    )


def check_request(request: DocumentRequest) -> DocumentRequest:
    """Refuse a request that is malformed whatever the file holds (a usage error)."""
    if not isinstance(request, DocumentRequest):
        raise ValidationError(f"must be a DocumentRequest (got {type(request).__name__})")
    if request.kind not in STUDENT_KINDS:
        raise ValidationError(
            f"unknown document kind {request.kind!r} (choose one of {', '.join(STUDENT_KINDS)})",
            field="kind",
        )
    if request.recipient is not None:
        if request.kind != "escalation-notice":
            raise ValidationError(
                "a recipient applies to escalation-notice only", field="recipient"
            )
        RecipientRole.from_code(request.recipient)
    if request.referral_id is not None and request.kind != "referral-letter":
        raise ValidationError("a referral applies to referral-letter only", field="referral_id")
    if not isinstance(request.note, str):
        raise ValidationError("must be text", field="note")
    if request.note.strip() and request.kind not in NOTED_KINDS:
        raise ValidationError(f"a note is printed only on {', '.join(NOTED_KINDS)}", field="note")
    return request


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _requests(facts: FileFacts) -> list[tuple[DocumentRequest, str]]:
    sid = facts.student_id
    out = [(DocumentRequest("parent-notice", sid), KIND_TITLES["parent-notice"])]
    internal = internal_roles(facts.roles)
    base = KIND_TITLES["escalation-notice"]
    out += [
        (DocumentRequest("escalation-notice", sid, recipient=role), f"{base}（{_role_zh(role)}）")
        for role in internal
    ] or [(DocumentRequest("escalation-notice", sid), base)]
    out.append((DocumentRequest("district-report", sid), KIND_TITLES["district-report"]))
    base = KIND_TITLES["referral-letter"]
    out += [
        (DocumentRequest("referral-letter", sid, referral_id=ref), f"{base}（{name}，{_day(on)}）")
        for ref, name, on in facts.referrals
    ] or [(DocumentRequest("referral-letter", sid), base)]
    for kind in ("plan", "return-assessment", "closure-report"):
        out.append((DocumentRequest(kind, sid), KIND_TITLES[kind]))
    return out


def _role_zh(code: str) -> str:
    return RecipientRole(code).label_zh


def student_options(facts: FileFacts) -> list[DocumentOption]:
    options = []
    for request, title in _requests(facts):
        reason = why_not(facts, request)
        options.append(DocumentOption(request, title, not reason, reason))
    return options


def viewer_options(student_id: int) -> list[DocumentOption]:
    """One greyed option per kind: a viewer may not see which referrals or plans exist."""
    return [
        DocumentOption(DocumentRequest(kind, student_id), KIND_TITLES[kind], False, VIEWER_REASON)
        for kind in STUDENT_KINDS
    ]
