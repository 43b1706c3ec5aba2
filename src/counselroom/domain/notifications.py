"""The notification matrix: which roles a tier must reach, and by when.

Defaults follow seed 003 (二)6 for the lists and common school plans for the deadlines (no
national rule exists): tier 1 within 7 days; tier 2 within 48 hours; tier 3 school staff
"immediately" (a task due within 1 hour), guardians and the district within 24 hours.
Deadlines are whole minutes so the JSON form (``within_minutes``) round-trips exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, NamedTuple

from counselroom.domain.dictreader import DictReader, join_path
from counselroom.domain.durations import MINUTE, check_duration, count_of
from counselroom.domain.errors import ValidationError
from counselroom.domain.tiers import RecipientRole, Tier

# One year: anything longer is certainly a typo in minutes.
MAX_DEADLINE_MINUTES = 366 * 24 * 60
FIELD = "notifications"


class Recipient(NamedTuple):
    """One row of a tier's list; a tuple so callers can write ``for role, within in plan``."""

    role: RecipientRole
    within: timedelta


R = RecipientRole
_HOUR = timedelta(hours=1)

DEFAULT_NOTIFICATIONS: tuple[tuple[Recipient, ...], ...] = (
    (),
    (
        Recipient(R.HEAD_TEACHER, timedelta(days=7)),
        Recipient(R.GUARDIAN, timedelta(days=7)),
    ),
    (
        Recipient(R.HEAD_TEACHER, 48 * _HOUR),
        Recipient(R.MORAL_EDUCATION, 48 * _HOUR),
        Recipient(R.VICE_PRINCIPAL, 48 * _HOUR),
        Recipient(R.GUARDIAN, 48 * _HOUR),
        Recipient(R.DISTRICT, 48 * _HOUR),
    ),
    (
        Recipient(R.HEAD_TEACHER, _HOUR),
        Recipient(R.SUBJECT_TEACHERS, _HOUR),
        Recipient(R.MORAL_EDUCATION, _HOUR),
        Recipient(R.SAFETY_OFFICE, _HOUR),
        Recipient(R.PRINCIPAL, _HOUR),
        Recipient(R.GUARDIAN, 24 * _HOUR),
        Recipient(R.DISTRICT, 24 * _HOUR),
    ),
)


@dataclass(frozen=True)
class NotificationMatrix:
    """Recipients per tier, indexed by tier code (a tuple of four, so it is immutable).

    List order is kept: it is the order tasks are created and shown in, most urgent first.
    """

    by_tier: tuple[tuple[Recipient, ...], ...] = DEFAULT_NOTIFICATIONS

    def __post_init__(self) -> None:
        if not isinstance(self.by_tier, tuple) or len(self.by_tier) != len(Tier):
            raise ValidationError("must hold one list for each tier 0-3", field=FIELD)
        for tier, recipients in zip(Tier, self.by_tier, strict=True):
            _check_recipients(recipients, join_path(FIELD, str(tier.value)))

    @classmethod
    def of(cls, lists: Mapping[Tier, Iterable[Recipient]]) -> NotificationMatrix:
        """Build from a mapping; tiers left out notify nobody."""
        return cls(tuple(tuple(lists.get(tier, ())) for tier in Tier))

    def for_tier(self, tier: Tier) -> tuple[Recipient, ...]:
        return self.by_tier[Tier.from_code(tier)]

    def to_dict(self) -> dict[str, Any]:
        return {
            str(tier.value): [
                {"role": r.role.value, "within_minutes": count_of(r.within, MINUTE)}
                for r in self.by_tier[tier]
            ]
            for tier in Tier
        }

    @classmethod
    def from_reader(cls, reader: DictReader) -> NotificationMatrix:
        codes = {str(tier.value) for tier in Tier}
        for key in reader.key_names():
            if key not in codes:
                raise ValidationError(f"tier {key} is outside 0-3", field=reader.field(key))
        lists: dict[Tier, list[Recipient]] = {}
        for tier in Tier:
            key = str(tier.value)
            lists[tier] = [
                _read_recipient(item, join_path(reader.field(key), index))
                for index, item in enumerate(reader.get_list(key))
            ]
        reader.finish()
        return cls.of(lists)


def _read_recipient(item: object, path: str) -> Recipient:
    reader = DictReader(item, path)
    role = reader.get_str("role")
    if role not in set(RecipientRole):
        raise ValidationError(f"unknown recipient role {role!r}", field=reader.field("role"))
    minutes = reader.get_int("within_minutes", minimum=1, maximum=MAX_DEADLINE_MINUTES)
    reader.finish()
    return Recipient(RecipientRole(role), minutes * MINUTE)


def _check_recipients(recipients: object, path: str) -> None:
    if not isinstance(recipients, tuple):
        raise ValidationError("must be a tuple of recipients", field=path)
    seen: set[RecipientRole] = set()
    for index, recipient in enumerate(recipients):
        where = join_path(path, index)
        if not isinstance(recipient, Recipient) or not isinstance(recipient.role, RecipientRole):
            raise ValidationError("must be a Recipient(RecipientRole, timedelta)", field=where)
        if recipient.role in seen:
            raise ValidationError(f"role {recipient.role} appears twice", field=where)
        seen.add(recipient.role)
        check_duration(
            recipient.within,
            MINUTE,
            join_path(where, "within_minutes"),
            maximum=MAX_DEADLINE_MINUTES,
        )
