"""Errors the program raises on purpose.

Every deliberate failure derives from :class:`CounselRoomError`, so the CLI and the GUI can tell
"the user or the data is wrong" (show the message, exit 1) from a programming bug (traceback).
"""

from __future__ import annotations


class CounselRoomError(Exception):
    """Base of every expected, user-facing error; its message is shown as it is."""


class ValidationError(CounselRoomError):
    """A value broke a rule; the message says which rule, ``field``/``record`` say where.

    The reason is kept apart from the location so a low-level check (an ID number) can raise
    without knowing where the value came from, and an importer can add "row 12, 身份证件号"
    with :meth:`located` before reporting it.
    """

    def __init__(
        self, message: str, *, field: str | None = None, record: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.record = record

    def located(self, *, field: str | None = None, record: str | None = None) -> ValidationError:
        """Return a copy that also names where the bad value was; known parts are kept."""
        return ValidationError(
            self.message,
            field=self.field if field is None else field,
            record=self.record if record is None else record,
        )

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.record, self.field) if part)
        return f"{where}: {self.message}" if where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments are lost by Exception's default pickling; worker processes
        # and copy.copy() must keep the location.
        return (_rebuild_validation_error, (self.message, self.field, self.record))


def _rebuild_validation_error(
    message: str, field: str | None, record: str | None
) -> ValidationError:
    return ValidationError(message, field=field, record=record)


class StaleRecordError(CounselRoomError):
    """The record changed (another window, another user) after the form was filled from it."""
