"""Shown names of the codes a student file stores (session kinds, referral states, …).

Every label goes through Qt's translator at the moment of display, as in `ui/labels.py`; the
English source strings are turned into Chinese by the catalogue. A code the tables do not know
is shown as it is rather than hidden, so a newer vault read by an older program loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from counselroom.domain.groups import CareGroup
from counselroom.services.localtime import to_local
from counselroom.ui.areas.codes import interview_reason_label, mht_scale_label, severity_label

# lupdate finds `translate("StudentFileLabels", "…")` calls only with the context spelled out.
translate = QCoreApplication.translate


def _lookup(table: Callable[[], dict[str, str]]) -> Callable[[str | None], str]:
    """Build the table when asked, so the language in force at display time is used."""

    def label(code: str | None) -> str:
        if not code:
            return ""
        return table().get(code, code)

    return label


session_kind = _lookup(
    lambda: {
        "interview": translate("StudentFileLabels", "interview"),
        "individual": translate("StudentFileLabels", "individual counselling"),
        "group": translate("StudentFileLabels", "group counselling"),
        "crisis": translate("StudentFileLabels", "crisis intervention"),
        "family": translate("StudentFileLabels", "family meeting"),
        "home_visit": translate("StudentFileLabels", "home visit"),
    }
)
session_mode = _lookup(
    lambda: {
        "in_person": translate("StudentFileLabels", "face to face"),
        "phone": translate("StudentFileLabels", "by phone"),
        "online": translate("StudentFileLabels", "online"),
    }
)
risk_check = _lookup(
    lambda: {
        "none": translate("StudentFileLabels", "no risk found"),
        "self_harm": translate("StudentFileLabels", "risk of self-harm"),
        "harm_others": translate("StudentFileLabels", "risk of harm to others"),
    }
)
session_field = _lookup(
    lambda: {
        "presenting": translate("StudentFileLabels", "Presenting state"),
        "observation": translate("StudentFileLabels", "Observation"),
        "assessment": translate("StudentFileLabels", "Assessment"),
        "plan_text": translate("StudentFileLabels", "Plan"),
        "participants": translate("StudentFileLabels", "Participants"),
    }
)
recipient_role = _lookup(
    lambda: {
        "head_teacher": translate("StudentFileLabels", "head teacher"),
        "subject_teacher": translate("StudentFileLabels", "subject teachers"),
        "subject_teachers": translate("StudentFileLabels", "subject teachers"),
        "moral_education": translate("StudentFileLabels", "moral education office"),
        "safety_office": translate("StudentFileLabels", "safety office"),
        "vice_principal": translate("StudentFileLabels", "vice principal in charge"),
        "principal": translate("StudentFileLabels", "principal"),
        "guardian": translate("StudentFileLabels", "parents"),
        "district": translate("StudentFileLabels", "district education bureau"),
        "counsellor": translate("StudentFileLabels", "psychology teacher"),
        "psychology_teacher": translate("StudentFileLabels", "psychology teacher"),
        "peer_monitor": translate("StudentFileLabels", "class peer supporter"),
        "hospital": translate("StudentFileLabels", "hospital"),
        "grade_leader": translate("StudentFileLabels", "grade leader"),
        "other": translate("StudentFileLabels", "other"),
    }
)
notify_method = _lookup(
    lambda: {
        "in_person": translate("StudentFileLabels", "in person"),
        "phone": translate("StudentFileLabels", "phone"),
        "message": translate("StudentFileLabels", "message"),
        "letter": translate("StudentFileLabels", "letter"),
        "meeting": translate("StudentFileLabels", "meeting"),
    }
)
evidence_kind = _lookup(
    lambda: {
        "interview": translate("StudentFileLabels", "interview"),
        "screening": translate("StudentFileLabels", "screening"),
        "report": translate("StudentFileLabels", "report from the warning network"),
        "hospital": translate("StudentFileLabels", "hospital information"),
        "other": translate("StudentFileLabels", "other"),
    }
)
concern_source = _lookup(
    lambda: {
        "head_teacher": translate("StudentFileLabels", "head teacher"),
        "subject_teacher": translate("StudentFileLabels", "subject teacher"),
        "peer": translate("StudentFileLabels", "class peer supporter"),
        "parent": translate("StudentFileLabels", "parent"),
        "self": translate("StudentFileLabels", "the student himself"),
        "screening": translate("StudentFileLabels", "screening"),
        "hospital": translate("StudentFileLabels", "hospital"),
        "police": translate("StudentFileLabels", "police"),
        "observation": translate("StudentFileLabels", "counsellor's observation"),
        "other": translate("StudentFileLabels", "other"),
    }
)
referral_state = _lookup(
    lambda: {
        "proposed": translate("StudentFileLabels", "proposed"),
        "consent_pending": translate("StudentFileLabels", "awaiting parents' consent"),
        "consent_given": translate("StudentFileLabels", "parents consented"),
        "consent_refused": translate("StudentFileLabels", "parents refused"),
        "sent": translate("StudentFileLabels", "referred"),
        "seen": translate("StudentFileLabels", "seen by the hospital"),
        "feedback": translate("StudentFileLabels", "feedback received"),
        "closed": translate("StudentFileLabels", "closed"),
        "withdrawn": translate("StudentFileLabels", "withdrawn"),
    }
)
referral_urgency = _lookup(
    lambda: {
        "routine": translate("StudentFileLabels", "routine"),
        "urgent": translate("StudentFileLabels", "urgent"),
        "emergency": translate("StudentFileLabels", "emergency"),
    }
)
institution_kind = _lookup(
    lambda: {
        "hospital": translate("StudentFileLabels", "hospital"),
        "hotline": translate("StudentFileLabels", "hotline"),
        "service": translate("StudentFileLabels", "service"),
    }
)
contact_kind = _lookup(
    lambda: {
        "meeting": translate("StudentFileLabels", "meeting"),
        "home_visit": translate("StudentFileLabels", "home visit"),
        "phone": translate("StudentFileLabels", "phone call"),
        "message": translate("StudentFileLabels", "message"),
        "parents_meeting": translate("StudentFileLabels", "parents' meeting"),
    }
)
consent_purpose = _lookup(
    lambda: {
        "screening": translate("StudentFileLabels", "screening participation"),
        "referral": translate("StudentFileLabels", "referral"),
        "transfer": translate("StudentFileLabels", "transfer of the file"),
    }
)
consent_method = _lookup(
    lambda: {
        "paper": translate("StudentFileLabels", "signed paper form"),
        "in_person": translate("StudentFileLabels", "in person"),
        "phone": translate("StudentFileLabels", "by phone"),
        "message": translate("StudentFileLabels", "by message"),
    }
)
leave_state = _lookup(
    lambda: {
        "on_leave": translate("StudentFileLabels", "on leave"),
        "returned": translate("StudentFileLabels", "returned"),
        "cancelled": translate("StudentFileLabels", "cancelled"),
    }
)
# One vocabulary for screening words in the whole window (ui/areas/codes.py): the file's tab,
# the 筛查 page and the dashboard must call a flag by the same name.
severity = severity_label
screening_flag = interview_reason_label
mht_scale = mht_scale_label
document_kind = _lookup(
    lambda: {
        "parent-notice": translate("StudentFileLabels", "notice to parents"),
        "escalation-notice": translate("StudentFileLabels", "tier escalation notice"),
        "district-report": translate("StudentFileLabels", "report to the district"),
        "referral-letter": translate("StudentFileLabels", "referral letter"),
        "plan": translate("StudentFileLabels", "one student, one plan"),
        "return-assessment": translate("StudentFileLabels", "return-to-school assessment"),
        "closure-report": translate("StudentFileLabels", "closure report"),
    }
)
document_action = _lookup(
    lambda: {
        "print": translate("StudentFileLabels", "printed"),
        "save": translate("StudentFileLabels", "saved"),
    }
)
closure_reason = _lookup(
    lambda: {
        "goals_met": translate("StudentFileLabels", "goals met"),
        "transferred": translate("StudentFileLabels", "transferred"),
        "graduated": translate("StudentFileLabels", "graduated"),
        "referred": translate("StudentFileLabels", "referred and handed over"),
        "lost": translate("StudentFileLabels", "lost to follow-up"),
        "other": translate("StudentFileLabels", "other"),
    }
)
file_state = _lookup(
    lambda: {
        "none": translate("StudentFileLabels", "no file"),
        "open": translate("StudentFileLabels", "file open"),
        "closed": translate("StudentFileLabels", "file closed"),
    }
)
gender = _lookup(
    lambda: {
        "M": translate("StudentFileLabels", "male"),
        "F": translate("StudentFileLabels", "female"),
        "U": translate("StudentFileLabels", "not given"),
    }
)
timeline_kind = _lookup(
    lambda: {
        "concern": translate("StudentFileLabels", "Concern"),
        "tier": translate("StudentFileLabels", "Tier"),
        "task": translate("StudentFileLabels", "Notification"),
        "plan": translate("StudentFileLabels", "Plan"),
        "session": translate("StudentFileLabels", "Session"),
        "amendment": translate("StudentFileLabels", "Amendment"),
        "referral": translate("StudentFileLabels", "Referral"),
        "referral_event": translate("StudentFileLabels", "Referral"),
        "contact": translate("StudentFileLabels", "Home–school"),
        "consent": translate("StudentFileLabels", "Consent"),
        "leave": translate("StudentFileLabels", "Leave"),
        "return": translate("StudentFileLabels", "Return"),
        "screening": translate("StudentFileLabels", "Screening"),
        "document": translate("StudentFileLabels", "Document"),
        "closure": translate("StudentFileLabels", "Closure"),
    }
)

INSTRUMENTS = {"phq9": "PHQ-9", "gad7": "GAD-7", "mht": "MHT"}


def instrument(code: str) -> str:
    return INSTRUMENTS.get(code, code)


def group_label(code: str) -> str:
    """Care groups keep the domain's Chinese names: they are the ledgers' own titles."""
    try:
        return CareGroup(code).label_zh
    except ValueError:
        return code


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def moment(value: datetime | None) -> str:
    """A stored (UTC) time as Beijing wall-clock time, to the minute."""
    return to_local(value).strftime("%Y-%m-%d %H:%M") if value else ""


def yes_no(value: bool) -> str:
    return translate("StudentFileLabels", "yes") if value else translate("StudentFileLabels", "no")


def consent_answer(given: bool, withdrawn_on: date | None = None) -> str:
    """A consent's answer as it stands now: a withdrawn consent no longer counts as given."""
    if not given:
        return translate("StudentFileLabels", "refused")
    if withdrawn_on is not None:
        return translate("StudentFileLabels", "withdrawn")
    return translate("StudentFileLabels", "given")


def consent_who(by_student: bool, guardian_name: str, relation: str) -> str:
    """Who answered: the guardian with the relation, or the student himself (14 or over)."""
    if by_student:
        return translate("StudentFileLabels", "the student")
    return f"{guardian_name}（{relation}）" if relation else guardian_name
