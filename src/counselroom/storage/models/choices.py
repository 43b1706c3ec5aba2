"""Allowed values of the short ASCII codes stored in the vault.

The models keep their own copy of these lists (``counselroom.domain`` owns the meaning, the
storage layer must not import it): each tuple feeds a CHECK constraint, so a value outside the
list is refused by the database itself. Changing a tuple needs a migration.
"""

from __future__ import annotations

SCHOOL_TYPES = ("primary", "junior", "senior", "complete")
USER_ROLES = ("admin", "counsellor", "viewer")
STAFF_ROLES = (
    "head_teacher",
    "subject_teacher",
    "moral_education",
    "safety_office",
    "vice_principal",
    "principal",
    "psychology_teacher",
    "grade_leader",
    "other",
)

GENDERS = ("M", "F", "U")
STUDENT_STATUSES = ("enrolled", "on_leave", "transferred", "graduated")
FILE_STATES = ("none", "open", "closed")
TIERS = (0, 1, 2, 3)
GRADE_MIN, GRADE_MAX = 1, 12

# Care-group codes (重点关爱群体). Not a CHECK constraint: the list is school policy.
CARE_GROUP_CODES = (
    "left_behind",
    "single_parent",
    "divorced",
    "mental_disorder",
    "hardship",
    "orphan",
    "migrant",
    "disability",
    "poverty",
    "internet",
    "bullied",
    "domestic_violence",
    "family_change",
    "exam_pressure",
)

CONCERN_SOURCES = (
    "head_teacher",
    "subject_teacher",
    "peer",
    "parent",
    "self",
    "screening",
    "hospital",
    "police",
    "observation",
    "other",
)
EVIDENCE_KINDS = ("interview", "screening", "report", "hospital", "other")

# Notification recipients: free strings, the list per tier is policy. Usual values:
# head_teacher, subject_teacher, moral_education, vice_principal, safety_office, principal,
# guardian, district, counsellor (e.g. the same-day risk assessment after PHQ-9 item 9).
NOTIFY_METHODS = ("in_person", "phone", "message", "letter", "meeting")

# Plan measure ``who``: free role strings, usually psychology_teacher, head_teacher, guardian,
# peer_monitor, subject_teacher, hospital.

SESSION_MODES = ("in_person", "phone", "online")
SESSION_KINDS = ("interview", "individual", "group", "crisis", "family", "home_visit")
RISK_CHECKS = ("none", "self_harm", "harm_others")

INSTITUTION_KINDS = ("hospital", "hotline", "service")
REFERRAL_URGENCIES = ("routine", "urgent", "emergency")
REFERRAL_STATES = (
    "proposed",
    "consent_pending",
    "consent_given",
    "consent_refused",
    "sent",
    "seen",
    "feedback",
    "closed",
    "withdrawn",
)

CONSENT_PURPOSES = ("screening", "referral", "transfer")
CONSENT_METHODS = ("paper", "in_person", "phone", "message")

LEAVE_STATES = ("on_leave", "returned", "cancelled")

PARENT_CONTACT_KINDS = ("meeting", "home_visit", "phone", "message", "parents_meeting")
GROUP_ACTIVITY_KINDS = ("group_counselling", "lecture")

INSTRUMENTS = ("phq9", "gad7", "mht")

# Document kinds: free strings; the CLI ones are parent-notice, escalation-notice,
# district-report, referral-letter, plan, return-assessment, closure-report.
DOCUMENT_ACTIONS = ("print", "save")

CLOSURE_REASONS = ("goals_met", "transferred", "graduated", "referred", "lost", "other")

TRANSFER_DIRECTIONS = ("export", "import")
TRANSFER_METHODS = ("card", "passphrase")
# what an archive did to one student: sent away, new here, added to a file already here,
# or already imported before (the same archive twice changes nothing)
TRANSFER_OUTCOMES = ("exported", "imported", "merged", "unchanged")
