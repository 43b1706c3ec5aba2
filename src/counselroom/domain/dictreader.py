"""Strict reading of JSON-shaped dictionaries (policy, settings) with located errors.

Policy is edited by administrators and stored as JSON; a typo must be refused with the exact key
("follow_up.interval_days.3: must be at least 1 (got 0)") rather than silently becoming a default,
so every read checks presence, type and range, and unknown keys are refused too.
"""

from __future__ import annotations

from collections.abc import Mapping

from counselroom.domain.errors import ValidationError


def join_path(path: str, key: str | int) -> str:
    """Dotted path for object keys, ``[i]`` for list items: ``notifications.3[0].role``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class DictReader:
    """Reads one JSON object; call :meth:`finish` last to refuse keys nobody read."""

    def __init__(self, data: object, path: str = "") -> None:
        if not isinstance(data, Mapping):
            raise ValidationError(
                f"must be an object (got {type(data).__name__})", field=path or None
            )
        self._data: Mapping[object, object] = data
        self._path = path
        self._read: set[str] = set()

    @property
    def path(self) -> str:
        return self._path

    def key_names(self) -> list[str]:
        """All keys, for objects keyed by data (tier codes) rather than by fixed names."""
        return [str(key) for key in self._data]

    def field(self, key: str) -> str:
        return join_path(self._path, key)

    def get(self, key: str) -> object:
        if key not in self._data:
            raise ValidationError("is missing", field=self.field(key))
        self._read.add(key)
        return self._data[key]

    def get_int(self, key: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
        return check_int(self.get(key), self.field(key), minimum=minimum, maximum=maximum)

    def get_optional_int(
        self, key: str, *, minimum: int | None = None, maximum: int | None = None
    ) -> int | None:
        """The key must be present; ``null`` means "not set" (e.g. no follow-up for tier 0)."""
        value = self.get(key)
        if value is None:
            return None
        return check_int(value, self.field(key), minimum=minimum, maximum=maximum)

    def get_str(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str):
            raise ValidationError(
                f"must be text (got {type(value).__name__})", field=self.field(key)
            )
        return value

    def get_object(self, key: str) -> DictReader:
        return DictReader(self.get(key), self.field(key))

    def get_list(self, key: str) -> list[object]:
        value = self.get(key)
        if not isinstance(value, list | tuple):
            raise ValidationError(
                f"must be a list (got {type(value).__name__})", field=self.field(key)
            )
        return list(value)

    def finish(self) -> None:
        unknown = sorted(str(key) for key in self._data if key not in self._read)
        if unknown:
            raise ValidationError("is not a known setting", field=self.field(unknown[0]))


def check_int(
    value: object, field: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Accept a true integer only: JSON ``true`` or ``7.5`` in a cut-off is a mistake."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"must be a whole number (got {value!r})", field=field)
    if minimum is not None and value < minimum:
        raise ValidationError(f"must be at least {minimum} (got {value})", field=field)
    if maximum is not None and value > maximum:
        raise ValidationError(f"must be at most {maximum} (got {value})", field=field)
    return value
