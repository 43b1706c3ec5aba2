"""School policy: every number the closed loop runs on, with DOMAIN.md's defaults.

Policy lives in the vault, is edited by an administrator and audited, so it is an immutable value
(frozen dataclasses, tuples) with an exact JSON form: ``Policy.from_dict(p.to_dict()) == p`` for
every valid policy. Durations are therefore held in whole units and named by unit in JSON
(``within_minutes``, ``interval_days``). Invalid values are refused where they enter, with the key
path in the error, both when reading JSON and when building objects in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from counselroom.domain.cutoffs import (
    Band,
    Gad7Cutoffs,
    MhtCutoffs,
    Phq9Cutoffs,
    ScreeningCutoffs,
    Severity,
)
from counselroom.domain.dictreader import DictReader, join_path
from counselroom.domain.durations import DAY, MINUTE, check_duration, count_of
from counselroom.domain.errors import ValidationError
from counselroom.domain.notifications import NotificationMatrix, Recipient
from counselroom.domain.tiers import Tier

__all__ = [
    "POLICY_FORMAT",
    "Band",
    "FollowUpPolicy",
    "Gad7Cutoffs",
    "MhtCutoffs",
    "NotificationMatrix",
    "Phq9Cutoffs",
    "Policy",
    "Recipient",
    "ReturnFollowUp",
    "ScreeningCutoffs",
    "Severity",
    "next_follow_up",
    "next_plan_review",
    "notification_plan",
    "referral_feedback_due",
    "return_follow_up_dates",
]

POLICY_FORMAT = 1
MAX_INTERVAL_DAYS = 366
# The room PC holds sensitive files; an unlocked screen for more than an hour is not a policy
# choice the program offers.
MAX_IDLE_LOCK_MINUTES = 60

DEFAULT_FOLLOW_UP: tuple[timedelta | None, ...] = (
    None,
    timedelta(days=30),
    timedelta(days=14),
    timedelta(days=7),
)


@dataclass(frozen=True)
class FollowUpPolicy:
    """Follow-up interval per tier (index = tier code) and the plan-review interval.

    Tier 0 may have no scheduled follow-up (``None``); tiers 1-3 must have one, because DOMAIN.md
    requires the counsellor to keep following them and the dashboard shows what is overdue.
    """

    intervals: tuple[timedelta | None, ...] = DEFAULT_FOLLOW_UP
    plan_review: timedelta = timedelta(days=42)

    def __post_init__(self) -> None:
        path = "follow_up.interval_days"
        if not isinstance(self.intervals, tuple) or len(self.intervals) != len(Tier):
            raise ValidationError("must hold one interval for each tier 0-3", field=path)
        for tier, interval in zip(Tier, self.intervals, strict=True):
            where = join_path(path, str(tier.value))
            if interval is None:
                if tier != Tier.NONE:
                    raise ValidationError(f"tier {tier.value} must have a follow-up", field=where)
                continue
            check_duration(interval, DAY, where, maximum=MAX_INTERVAL_DAYS)
        check_duration(
            self.plan_review, DAY, "follow_up.plan_review_days", maximum=MAX_INTERVAL_DAYS
        )

    def interval_for(self, tier: Tier) -> timedelta | None:
        return self.intervals[Tier.from_code(tier)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "interval_days": {
                str(tier.value): None if days is None else count_of(days, DAY)
                for tier, days in zip(Tier, self.intervals, strict=True)
            },
            "plan_review_days": count_of(self.plan_review, DAY),
        }

    @classmethod
    def from_reader(cls, reader: DictReader) -> FollowUpPolicy:
        days = reader.get_object("interval_days")
        intervals = []
        for tier in Tier:
            count = days.get_optional_int(str(tier.value), minimum=1, maximum=MAX_INTERVAL_DAYS)
            intervals.append(None if count is None else count * DAY)
        days.finish()
        plan_review = reader.get_int("plan_review_days", minimum=1, maximum=MAX_INTERVAL_DAYS)
        reader.finish()
        return cls(tuple(intervals), plan_review * DAY)


@dataclass(frozen=True)
class ReturnFollowUp:
    """Closer follow-up after 复学 (seed 003 (三)8): by default weekly for the first 4 weeks."""

    interval: timedelta = timedelta(days=7)
    count: int = 4

    def __post_init__(self) -> None:
        check_duration(
            self.interval, DAY, "return_follow_up.interval_days", maximum=MAX_INTERVAL_DAYS
        )
        if (
            isinstance(self.count, bool)
            or not isinstance(self.count, int)
            or not (1 <= self.count <= 52)
        ):
            raise ValidationError(
                f"must be a whole number from 1 to 52 (got {self.count!r})",
                field="return_follow_up.count",
            )

    def to_dict(self) -> dict[str, Any]:
        return {"interval_days": count_of(self.interval, DAY), "count": self.count}

    @classmethod
    def from_reader(cls, reader: DictReader) -> ReturnFollowUp:
        days = reader.get_int("interval_days", minimum=1, maximum=MAX_INTERVAL_DAYS)
        count = reader.get_int("count", minimum=1, maximum=52)
        reader.finish()
        return cls(days * DAY, count)


@dataclass(frozen=True)
class Policy:
    """The whole school policy; ``Policy()`` and ``Policy.default()`` are DOMAIN.md's defaults."""

    notifications: NotificationMatrix = field(default_factory=NotificationMatrix)
    follow_up: FollowUpPolicy = field(default_factory=FollowUpPolicy)
    screening: ScreeningCutoffs = field(default_factory=ScreeningCutoffs)
    referral_feedback_overdue: timedelta = timedelta(days=14)
    return_follow_up: ReturnFollowUp = field(default_factory=ReturnFollowUp)
    idle_lock: timedelta = timedelta(minutes=5)

    def __post_init__(self) -> None:
        for name, kind in (
            ("notifications", NotificationMatrix),
            ("follow_up", FollowUpPolicy),
            ("screening", ScreeningCutoffs),
            ("return_follow_up", ReturnFollowUp),
        ):
            if not isinstance(getattr(self, name), kind):
                raise ValidationError(f"must be a {kind.__name__}", field=name)
        check_duration(
            self.referral_feedback_overdue,
            DAY,
            "referral_feedback_overdue_days",
            maximum=MAX_INTERVAL_DAYS,
        )
        check_duration(self.idle_lock, MINUTE, "idle_lock_minutes", maximum=MAX_IDLE_LOCK_MINUTES)

    @classmethod
    def default(cls) -> Policy:
        return cls()

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (ints, strings, lists, dicts, null); ``format`` allows later changes."""
        return {
            "format": POLICY_FORMAT,
            "notifications": self.notifications.to_dict(),
            "follow_up": self.follow_up.to_dict(),
            "screening": self.screening.to_dict(),
            "referral_feedback_overdue_days": count_of(self.referral_feedback_overdue, DAY),
            "return_follow_up": self.return_follow_up.to_dict(),
            "idle_lock_minutes": count_of(self.idle_lock, MINUTE),
        }

    @classmethod
    def from_dict(cls, data: object) -> Policy:
        """Read a policy, refusing missing, unknown, mistyped or out-of-range keys by path."""
        reader = DictReader(data)
        version = reader.get_int("format")
        if version != POLICY_FORMAT:
            raise ValidationError(
                f"unsupported policy format {version} (expected {POLICY_FORMAT})",
                field="format",
            )
        policy = cls(
            notifications=NotificationMatrix.from_reader(reader.get_object("notifications")),
            follow_up=FollowUpPolicy.from_reader(reader.get_object("follow_up")),
            screening=ScreeningCutoffs.from_reader(reader.get_object("screening")),
            referral_feedback_overdue=DAY
            * reader.get_int(
                "referral_feedback_overdue_days", minimum=1, maximum=MAX_INTERVAL_DAYS
            ),
            return_follow_up=ReturnFollowUp.from_reader(reader.get_object("return_follow_up")),
            idle_lock=MINUTE
            * reader.get_int("idle_lock_minutes", minimum=1, maximum=MAX_IDLE_LOCK_MINUTES),
        )
        reader.finish()
        return policy


def notification_plan(policy: Policy, tier: Tier) -> list[Recipient]:
    """Who must be told when a student is raised to ``tier``, and within how long.

    Only raising a tier notifies; lowering needs a review record and notifies nobody, which is
    the caller's decision since it alone knows the previous tier.
    """
    return list(policy.notifications.for_tier(tier))


def next_follow_up(policy: Policy, tier: Tier, last_contact: date) -> date | None:
    """Date the next follow-up is due, or None when the tier has no scheduled follow-up."""
    interval = policy.follow_up.interval_for(tier)
    return None if interval is None else last_contact + interval


def follow_up_due(
    policy: Policy, tier: Tier, anchor: date, appointment: date | None
) -> date | None:
    """The next follow-up after the latest contact or tier decision (``anchor``).

    An appointment sooner than the tier's interval brings the date forward; a later one does
    not push it back — the tier's interval is the longest a student may wait (DOMAIN.md
    "Tiers"). A tier without an interval (0) follows the appointment alone.
    """
    by_interval = next_follow_up(policy, tier, anchor)
    if appointment is not None and appointment < anchor:
        appointment = None  # an appointment before the contact it was set in is no guide
    candidates = [d for d in (by_interval, appointment) if d is not None]
    return min(candidates) if candidates else None


def next_plan_review(policy: Policy, last_review: date) -> date:
    return last_review + policy.follow_up.plan_review


def referral_feedback_due(policy: Policy, sent: date) -> date:
    """After this date a referral without hospital feedback is shown as overdue."""
    return sent + policy.referral_feedback_overdue


def return_follow_up_dates(policy: Policy, returned: date) -> list[date]:
    """The closer follow-ups after a student returns from leave (复学)."""
    rule = policy.return_follow_up
    return [returned + rule.interval * n for n in range(1, rule.count + 1)]
