"""Input checks shared by the case-work services.

Each check raises ValidationError naming the field, before anything is written, so a refused
operation changes nothing. Text is stripped; NUL characters are refused because SQLite and the
documents would cut the text there.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.tiers import Tier
from counselroom.services.localtime import local_today
from counselroom.storage.base import utcnow

__all__ = [
    "choice",
    "local_day",
    "not_before_school",
    "optional_text",
    "past_or_today",
    "required_text",
    "tier",
    "utc_moment",
]

MAX_TEXT = 20_000  # a long session note is a few thousand characters


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"must be text (got {type(value).__name__})", field=field)
    text = value.strip()
    if "\x00" in text:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "contains a NUL character"), field=field
        )
    if len(text) > MAX_TEXT:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "is %1 characters long (at most %2)"),
            len(text),
            MAX_TEXT,
            field=field,
        )
    return text


def required_text(value: object, field: str) -> str:
    text = _text(value, field)
    if not text:
        raise ValidationError.of(QT_TRANSLATE_NOOP("problems", "is required"), field=field)
    return text


def optional_text(value: object, field: str) -> str | None:
    """Stripped text, or None for None and blank text."""
    if value is None:
        return None
    return _text(value, field) or None


def choice(value: object, choices: tuple[str, ...], field: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValidationError(f"{value!r} is not one of {', '.join(choices)}", field=field)
    return value


def local_day(value: object, field: str) -> date:
    """A calendar day (a datetime is refused: it would silently drop its time)."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(f"must be a date (got {value!r})", field=field)
    return value


def past_or_today(value: object, field: str) -> date:
    day = local_day(value, field)
    today = local_today()
    if day > today:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is in the future (today is %2)"),
            day.isoformat(),
            today.isoformat(),
            field=field,
        )
    return day


def utc_moment(value: object, field: str) -> datetime:
    """A moment as stored: naive UTC; an aware datetime is converted; None means now."""
    if value is None:
        return utcnow()
    if not isinstance(value, datetime):
        raise ValidationError(f"must be a date and time (got {value!r})", field=field)
    if value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def tier(value: object, field: str) -> Tier:
    try:
        return Tier.from_code(value)
    except ValidationError as exc:
        raise exc.located(field=field) from None


def not_before_school(
    day: date, enrolled_on: date | None, birth_date: date | None, field: str
) -> None:
    """A record about a student (a session, a family contact) cannot predate his enrolment, or
    — when the enrolment day is unknown — his birth (docs/decisions.md 37)."""
    if enrolled_on is not None:
        if day < enrolled_on:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 is before the student's enrolment (%2)"),
                day.isoformat(),
                enrolled_on.isoformat(),
                field=field,
            )
    elif birth_date is not None and day < birth_date:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is before the student's birth date (%2)"),
            day.isoformat(),
            birth_date.isoformat(),
            field=field,
        )
