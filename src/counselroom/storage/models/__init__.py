"""Every table of the vault. Importing this package registers them all on ``Base.metadata``.

Allowed values of coded columns are in :mod:`counselroom.storage.models.choices`.
"""

from __future__ import annotations

from counselroom.storage.base import Base

from .audit import AuditEntry
from .closure import Closure
from .concerns import Concern
from .consent import Consent
from .contacts import GroupActivity, ParentContact
from .documents import DocumentRecord
from .leave import Leave, ReturnRecord
from .people import Guardian, SchoolClass, Staff, Student, StudentGroup
from .plans import Plan, PlanMeasure
from .policy import NoticeTemplate, PolicySetting
from .referrals import Institution, Referral, ReferralEvent
from .school import SchoolCard, SchoolIdentity, SchoolProfile
from .screening import ScreeningBatch, ScreeningResult
from .sessions import BreakGlassRecord, CounsellingSession, SessionAmendment
from .tiers import NotificationTask, TierChange
from .transfer import TransferRecord, TransferStudent
from .users import User

__all__ = [
    "AuditEntry",
    "Base",
    "BreakGlassRecord",
    "Closure",
    "Concern",
    "Consent",
    "CounsellingSession",
    "DocumentRecord",
    "GroupActivity",
    "Guardian",
    "Institution",
    "Leave",
    "NoticeTemplate",
    "NotificationTask",
    "ParentContact",
    "Plan",
    "PlanMeasure",
    "PolicySetting",
    "Referral",
    "ReferralEvent",
    "ReturnRecord",
    "SchoolCard",
    "SchoolClass",
    "SchoolIdentity",
    "SchoolProfile",
    "ScreeningBatch",
    "ScreeningResult",
    "SessionAmendment",
    "Staff",
    "Student",
    "StudentGroup",
    "TierChange",
    "TransferRecord",
    "TransferStudent",
    "User",
]
