"""The consent, referral and leave records of a student document (format
"counselroom-student", v1): the parts of a file that involve the family's consent, a hospital and
a return to school. transfer/student_records.py lists them in SECTIONS with the rest.
"""

from __future__ import annotations

from counselroom.storage.models.choices import (
    CONSENT_METHODS,
    CONSENT_PURPOSES,
    INSTITUTION_KINDS,
    LEAVE_STATES,
    REFERRAL_STATES,
    REFERRAL_URGENCIES,
)
from counselroom.transfer.student_fields import (
    BOOL,
    OBJECT,
    Field,
    Record,
    author,
    children,
    choice,
    day,
    id_field,
    moment,
    ref,
    text,
)

CONSENT = Record(
    "consents",
    (
        id_field(),
        choice("purpose", CONSENT_PURPOSES),
        text("guardian_name"),
        text("relation"),
        choice("method", CONSENT_METHODS),
        Field("given", BOOL),
        day("on"),
        text("text_version"),
        text("witness", True),
        day("withdrawn_on", True),
        text("reference", True),
        author("recorded_by"),
        moment("created_at"),
        Field("by_student", BOOL),
        text("withdrawal_note", True),
    ),
)
# No "id" and no deleted_at: an institution is the receiving school's list, matched by kind+name.
INSTITUTION = Record(
    "institutions",
    (
        choice("kind", INSTITUTION_KINDS),
        text("name"),
        text("department"),
        text("address"),
        text("phone"),
        text("contact"),
        text("green_channel_contact"),
        text("hours"),
    ),
)
REFERRAL_EVENT = Record(
    "referral_events",
    (
        id_field(),
        choice("state", REFERRAL_STATES),
        moment("at"),
        author("by"),
        text("note"),
        day("on"),
    ),
)
REFERRAL = Record(
    "referrals",
    (
        id_field(),
        Field("institution", OBJECT, column="institution_id", record=INSTITUTION),
        text("reason"),
        choice("urgency", REFERRAL_URGENCIES),
        choice("state", REFERRAL_STATES),
        day("proposed_on"),
        ref("consent", "consents"),
        day("sent_on", True),
        day("seen_on", True),
        day("feedback_on", True),
        text("feedback_text", True),
        text("diagnosis_received", True),
        text("treatment", True),
        text("advice", True),
        day("closed_on", True),
        author("created_by"),
        moment("created_at"),
        children("events", REFERRAL_EVENT),
    ),
)
RETURN = Record(
    "returns",
    (
        id_field(),
        day("application_on", True),
        text("recovery_certificate", True),
        text("missing_certificate_reason", True),
        text("assessment"),
        day("meeting_on", True),
        text("return_plan"),
        text("watchers"),
        text("session_frequency"),
        day("returned_on"),
        day("close_follow_up_until", True),
        author("created_by"),
        moment("created_at"),
    ),
)
LEAVE = Record(
    "leaves",
    (
        id_field(),
        choice("state", LEAVE_STATES),
        day("start_on"),
        day("expected_return_on", True),
        text("certificate"),
        text("reason"),
        author("created_by"),
        moment("created_at"),
        children("returns", RETURN, max_items=1),  # one return per leave (unique leave_id)
    ),
)
