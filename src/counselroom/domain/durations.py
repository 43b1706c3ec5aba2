"""Policy durations: timedeltas that must be whole minutes or whole days.

Policy JSON stores durations as integer minutes or days, so a policy object may only hold
durations that unit can express; otherwise saving and reloading would change the policy.
"""

from __future__ import annotations

from datetime import timedelta

from counselroom.domain.errors import ValidationError

MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)
_UNIT_NAMES = {MINUTE: "minutes", DAY: "days"}


def count_of(value: timedelta, unit: timedelta) -> int:
    """How many whole ``unit``s ``value`` is; callers have checked it with check_duration."""
    return value // unit


def check_duration(
    value: object,
    unit: timedelta,
    field: str,
    *,
    minimum: int = 1,
    maximum: int | None = None,
) -> timedelta:
    """Refuse a duration that is not a timedelta, not whole units, or out of range."""
    name = _UNIT_NAMES[unit]
    if not isinstance(value, timedelta):
        raise ValidationError(f"must be a duration (got {value!r})", field=field)
    if value % unit:
        raise ValidationError(f"must be a whole number of {name} (got {value})", field=field)
    count = count_of(value, unit)
    if count < minimum:
        raise ValidationError(f"must be at least {minimum} {name} (got {count})", field=field)
    if maximum is not None and count > maximum:
        raise ValidationError(f"must be at most {maximum} {name} (got {count})", field=field)
    return value
