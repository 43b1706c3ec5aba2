"""Errors the program raises on purpose.

Every deliberate failure derives from :class:`CounselRoomError`, so the CLI and the GUI can tell
"the user or the data is wrong" (show the message, exit 1) from a programming bug (traceback).
"""

from __future__ import annotations

import re

PROBLEMS = "problems"  # the translation context of every data problem the window shows
_PLACEHOLDER = re.compile(r"%([1-9][0-9]?)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the translation catalogue and return it unchanged.

    The domain, intake and service layers must not import Qt, yet the window shows their
    messages in Chinese. ``pyside6-lupdate`` reads the source and collects every call of a
    function of this name, whatever module defines it; the window then translates the template
    (``QCoreApplication.translate(PROBLEMS, template)``) and fills in the data. The context
    must be written as the literal "problems": lupdate reads it from the call, not from
    :data:`PROBLEMS`.
    """
    return text


def fill(template: str, *args: object) -> str:
    """Qt-style ``%1`` … ``%99`` placeholders replaced by ``args``, in one pass.

    One pass, so a cell text that holds "%2" is shown as it is rather than replaced again; a
    placeholder without an argument ("%3" with two arguments) is left as written, as Qt does.
    """
    texts = [str(arg) for arg in args]

    def argument(match: re.Match[str]) -> str:
        number = int(match[1])
        return texts[number - 1] if number <= len(texts) else match[0]

    return _PLACEHOLDER.sub(argument, template)


class CounselRoomError(Exception):
    """Base of every expected, user-facing error; its message is shown as it is."""


class ValidationError(CounselRoomError):
    """A value broke a rule; the message says which rule, ``field``/``record`` say where.

    The reason is kept apart from the location so a low-level check (an ID number) can raise
    without knowing where the value came from, and an importer can add "row 12, 身份证件号"
    with :meth:`located` before reporting it.

    ``message`` is English (the CLI prints it). A message made with :meth:`of` also keeps its
    ``template`` (marked with QT_TRANSLATE_NOOP) and the data filled into it (``args``), so the
    window can show the same reason in its own language.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        record: str | None = None,
        template: str | None = None,
        args: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.record = record
        self.template = template
        self.args = args

    @classmethod
    def of(
        cls,
        template: str,
        *args: object,
        field: str | None = None,
        record: str | None = None,
    ) -> ValidationError:
        """The error whose English message is ``template`` filled with ``args`` (as text)."""
        texts = tuple(str(arg) for arg in args)
        return cls(
            fill(template, *texts), field=field, record=record, template=template, args=texts
        )

    def located(self, *, field: str | None = None, record: str | None = None) -> ValidationError:
        """Return a copy that also names where the bad value was; known parts are kept."""
        return ValidationError(
            self.message,
            field=self.field if field is None else field,
            record=self.record if record is None else record,
            template=self.template,
            args=self.args,
        )

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.record, self.field) if part)
        return f"{where}: {self.message}" if where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments are lost by Exception's default pickling; worker processes
        # and copy.copy() must keep the location and the template.
        return (
            _rebuild_validation_error,
            (self.message, self.field, self.record, self.template, self.args),
        )


def _rebuild_validation_error(
    message: str,
    field: str | None,
    record: str | None,
    template: str | None = None,
    args: tuple[str, ...] = (),
) -> ValidationError:
    return ValidationError(message, field=field, record=record, template=template, args=args)


class StaleRecordError(CounselRoomError):
    """The record changed (another window, another user) after the form was filled from it."""
