"""The records of a student document, section by section (format "counselroom-student", v1).

See :mod:`counselroom.transfer.student_fields` for what each kind of field holds. SECTIONS is the
order of a document's lists and of the importer's inserts: a record another section refers to
(the screening result a concern names) comes first.
"""

from __future__ import annotations

from counselroom.storage.models.choices import (
    CLOSURE_REASONS,
    CONCERN_SOURCES,
    DOCUMENT_ACTIONS,
    EVIDENCE_KINDS,
    FILE_STATES,
    GENDERS,
    GRADE_MAX,
    GRADE_MIN,
    INSTRUMENTS,
    NOTIFY_METHODS,
    PARENT_CONTACT_KINDS,
    RISK_CHECKS,
    SESSION_KINDS,
    SESSION_MODES,
    STUDENT_STATUSES,
)
from counselroom.transfer.student_fields import (
    AUTHOR,
    BOOL,
    INT_LIST,
    INT_MAP,
    OBJECT,
    TEXT_LIST,
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
    whole,
)
from counselroom.transfer.student_records_care import CONSENT, LEAVE, REFERRAL

HEAD_TEACHER = Record("staff", (text("name"), text("phone")))

# "class_label", "head_teacher" and "keeper" are the sender's view of the class and of the file's
# keeper: the exporter and importer treat them apart (see services/student_export_rows.py).
STUDENT = Record(
    "students",
    (
        id_field(),
        text("student_no", True),
        text("name"),
        text("name_pinyin", True),
        choice("gender", GENDERS),
        day("birth_date", True),
        text("id_type", True),
        text("id_number", True),
        text("ethnicity", True),
        whole("grade_level", GRADE_MIN, GRADE_MAX, True),
        text("class_label", True),
        Field("head_teacher", OBJECT, True, record=HEAD_TEACHER),
        text("roll_no", True),
        text("address", True),
        text("phone", True),
        choice("status", STUDENT_STATUSES),
        choice("file_state", FILE_STATES),
        whole("tier", 0, 3),
        day("next_follow_up", True),
        moment("file_opened_at", True),
        Field("keeper", AUTHOR, True, column="keeper_id"),
        moment("created_at"),
        moment("updated_at"),
        day("enrolled_on", True),
    ),
)

GUARDIAN = Record(
    "guardians",
    (
        id_field(),
        whole("ordinal"),
        text("name"),
        text("relation"),
        text("phone"),
        Field("is_guardian", BOOL),
    ),
)
GROUP = Record("student_groups", (id_field(), text("code"), day("since", True), text("note")))
CONCERN = Record(
    "concerns",
    (
        id_field(),
        day("reported_on"),
        choice("source", CONCERN_SOURCES),
        text("reporter"),
        text("description"),
        ref("screening_result", "screening_results"),
        moment("handled_at", True),
        text("outcome", True),
        author("created_by"),
        moment("created_at"),
    ),
)
TIER_CHANGE = Record(
    "tier_changes",
    (
        id_field(),
        whole("from_tier", 0, 3),
        whole("to_tier", 0, 3),
        day("effective_on"),
        text("reason"),
        choice("evidence_kind", EVIDENCE_KINDS),
        text("evidence"),
        text("review_note", True),
        author("decided_by"),
        moment("created_at"),
    ),
)
NOTIFICATION_TASK = Record(
    "notification_tasks",
    (
        id_field(),
        ref("tier_change", "tier_changes"),
        text("recipient_role"),
        text("person"),
        choice("method", NOTIFY_METHODS, True),
        moment("due_at"),
        moment("done_at", True),
        author("done_by", True),
        choice("done_method", NOTIFY_METHODS, True),
        text("acknowledgement", True),
        text("note", True),
        moment("created_at"),
    ),
)
MEASURE = Record(
    "plan_measures",
    (id_field(), text("who"), text("person", True), text("what"), text("frequency")),
)
PLAN = Record(
    "plans",
    (
        id_field(),
        whole("version", 1),
        moment("created_at"),
        author("created_by"),
        text("assessment"),
        text("risk_factors"),
        text("protective_factors"),
        text("goals"),
        day("review_on"),
        text("change_note", True),
        children("measures", MEASURE),
    ),
)
AMENDMENT = Record(
    "session_amendments",
    (
        id_field(),
        moment("created_at"),
        author("created_by"),
        text("field"),
        text("text"),
        text("reason"),
    ),
)
BREAK_GLASS = Record(
    "break_glass_records",
    (
        id_field(),
        moment("head_teacher_informed_at", True),
        moment("guardian_informed_at", True),
        author("informed_by"),
        text("note"),
        moment("created_at"),
    ),
)
SESSION = Record(
    "sessions",
    (
        id_field(),
        moment("started_at"),
        whole("duration_min"),
        choice("mode", SESSION_MODES),
        choice("kind", SESSION_KINDS),
        text("participants", True),
        text("presenting"),
        text("observation"),
        text("assessment"),
        text("plan_text"),
        choice("risk_check", RISK_CHECKS),
        moment("next_appointment", True),
        author("counsellor"),
        moment("created_at"),
        moment("signed_at", True),
        moment("updated_at", True),
        children("amendments", AMENDMENT),
        children("break_glass", BREAK_GLASS),
    ),
)
PARENT_CONTACT = Record(
    "parent_contacts",
    (
        id_field(),
        day("on"),
        choice("kind", PARENT_CONTACT_KINDS),
        text("with_whom"),
        text("summary"),
        text("agreed", True),
        author("created_by"),
        moment("created_at"),
    ),
)
BATCH = Record(
    "screening_batches",
    (
        id_field(),
        choice("instrument", INSTRUMENTS),
        day("on"),
        text("term"),
        text("grades"),
        text("consent_ref", True),
        text("note", True),
        author("created_by"),
        moment("created_at"),
    ),
)
SCREENING_RESULT = Record(
    "screening_results",
    (
        id_field(),
        Field("batch", OBJECT, column="batch_id", record=BATCH),
        Field("answers", INT_LIST, True, column="answers_json"),
        whole("total", nullable=True),
        Field("scales", INT_MAP, True, column="scales_json"),
        whole("lie_score", nullable=True),
        text("band", True),
        Field("flags", TEXT_LIST, column="flags_json"),
        Field("valid", BOOL),
        whole("item9", 0, 3, True),
        moment("created_at"),
    ),
)
DOCUMENT = Record(
    "documents",
    (
        id_field(),
        text("kind"),
        text("title"),
        moment("created_at"),
        author("created_by"),
        whole("template_version", nullable=True),
        text("sha256"),
        choice("action", DOCUMENT_ACTIONS),
        text("number", True),
    ),
)
CLOSURE = Record(
    "closures",
    (
        id_field(),
        day("closed_on"),
        choice("reason", CLOSURE_REASONS),
        whole("sessions_count"),
        text("goals_achieved"),
        text("goals_not_achieved", True),
        text("last_scores", True),
        text("evaluation"),
        text("district_evaluation", True),
        author("closed_by"),
        moment("created_at"),
        moment("reopened_at", True),
        text("reopen_reason", True),
        author("reopened_by", True),
    ),
)

# The sections after "student", in the order a document lists them. The importer inserts them
# in this order too, so a record a later section refers to (a screening result named by a
# concern) is always known when the reference is resolved.
SECTIONS: tuple[tuple[str, Record], ...] = (
    ("guardians", GUARDIAN),
    ("groups", GROUP),
    ("screening_results", SCREENING_RESULT),
    ("concerns", CONCERN),
    ("tier_changes", TIER_CHANGE),
    ("notification_tasks", NOTIFICATION_TASK),
    ("plans", PLAN),
    ("sessions", SESSION),
    ("consents", CONSENT),
    ("referrals", REFERRAL),
    ("leaves", LEAVE),
    ("parent_contacts", PARENT_CONTACT),
    ("documents", DOCUMENT),
    ("closures", CLOSURE),
)

DOCUMENT_KEYS = ("format", "version", "student", *(name for name, _ in SECTIONS))
