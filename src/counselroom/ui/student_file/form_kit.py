"""What every case-work form of the student file shares: fields with a red line under each,
a message line, Save and Cancel, and one way to run the service and take its answer.

A form never writes by itself. Save asks the subclass for the service call (`call()`), runs
it in the background through the window (`FileHost.run_service`), and then:
- success: the form closes and the window reloads the file;
- ValidationError: the message goes under the field the service named (`exc.field`: the
  form's field of the same name; "measures[2].what" goes under "measures"), nothing is
  saved, everything typed stays;
- StaleRecordError: the form stays open with what was typed, says the file changed, and the
  window reloads the file behind it, so the newer version and the typed one are both visible.

Forms are non-modal (`show()`, DESIGN convention 7): the counsellor can read the file while
writing, and tests drive them without a nested event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError, StaleRecordError, ValidationError
from counselroom.services.context import Context
from counselroom.services.roles import PermissionDenied
from counselroom.services.student_file import StudentFile
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.student_file.field_errors import describe, describe_error
from counselroom.ui.student_file.form_fields import Field, field_value

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

STYLE = """
QLabel#fieldCaption { color: #37474F; font-weight: 600; }
QLabel#fieldHint { color: #607D8B; }
QLabel#fieldError { color: #C62828; }
QLabel#formMessage[tone="error"] { color: #C62828; }
QLabel#formMessage[tone="busy"] { color: #546E7A; }
QLabel#formIntro { color: #37474F; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] { border: 1px solid #C62828; }
"""


class FileHost(Protocol):
    """What a form needs of the student-file window."""

    student_id: int
    file: StudentFile | None

    def context(self) -> Context | None: ...

    def run_service(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], object],
        on_failure: Callable[[BaseException], object],
    ) -> None: ...

    def reload(self) -> None: ...


class FormDialog(QDialog):
    """Base of the case-work forms; a subclass lays out `Field`s and says what Save calls."""

    saved = Signal(object)  # the service's result, after the form closed

    def __init__(self, host: FileHost, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.fields: dict[str, Field] = {}
        self.saving = False
        self.stale = False  # the last save met a newer version of the record
        ctx = host.context()
        self.owner_id = ctx.actor.user_id if ctx is not None else None
        self.setWindowTitle(title)
        self.setModal(False)
        self.setStyleSheet(STYLE)
        self.message = named(QLabel(), "formMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = named(
            self.buttons.addButton(self.save_text(), QDialogButtonBox.ButtonRole.AcceptRole),
            "formSave",
        )
        self.cancel_button: QPushButton = named(
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "formCancel"
        )
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        outer.setSpacing(10)
        outer.addLayout(self.body, 1)
        outer.addWidget(self.message)
        outer.addWidget(self.buttons)
        self._baseline: tuple[object, ...] = ()
        self.finished.connect(self.deleteLater)  # not WA_DeleteOnClose: see ui/login.py

    # -- building ----------------------------------------------------------------------------

    def save_text(self) -> str:
        return translate("CaseForm", "Save")

    def field(self, key: str, caption: str, widget: QWidget, hint: str = "") -> QWidget:
        """Register a field; returns the box (caption, widget, error) to lay out."""
        entry = Field(key, caption, widget, hint)
        self.fields[key] = entry
        return entry.box

    def widget(self, key: str) -> QWidget:
        return self.fields[key].widget

    def intro(self, text: str) -> QLabel:
        label = named(QLabel(text), "formIntro")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def ready(self) -> None:
        """Call at the end of building: what is on the form now counts as "nothing typed"."""
        self._baseline = self._values()

    # -- state -------------------------------------------------------------------------------

    def _values(self) -> tuple[object, ...]:
        return tuple(field_value(f.widget) for f in self.fields.values())

    def is_dirty(self) -> bool:
        return self._values() != self._baseline

    def error_text(self, key: str) -> str:
        """The message under a field ("" when none); for tests and accessibility."""
        label = self.fields[key].error
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for entry in self.fields.values():
            entry.clear_error()

    def show_error(self, key: str, text: str) -> None:
        self.fields[key].show_error(text)

    def say(self, text: str, tone: str = "error") -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("tone", tone)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    # -- subclass hooks ----------------------------------------------------------------------

    # Every form defines `call(ctx)`: the service call for what the form holds. It may raise
    # ValidationError (shown as the service's would be) for what cannot be sent at all.
    call: Callable[[Context], Callable[[], object]]

    def succeeded(self, result: object) -> None:
        """After a successful save, before the form closes (a notice, a follow-up dialog)."""

    def file_reloaded(self, student_file: StudentFile) -> None:
        """The window read the file again while the form is open (after a stale save)."""

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        ctx = self.host.context()
        if ctx is None:
            self.say(translate("CaseForm", "Nothing was saved: the window is locked."))
            return
        try:
            fn = self.call(ctx)
        except ValidationError as exc:
            self._refused(exc)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.say(translate("CaseForm", "Saving…"), "busy")
        self.host.run_service(fn, self._succeeded, self._failed)

    def _succeeded(self, result: object) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        self.say("", "")
        self._baseline = self._values()
        self.succeeded(result)
        self.host.reload()
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._refused(exc)
        elif isinstance(exc, StaleRecordError):
            self.stale = True
            self.say(self.stale_text())
            self.host.reload()
        elif isinstance(exc, PermissionDenied):
            self.say(
                fill(
                    translate("CaseForm", "Nothing was saved: your account may not do this (%1)."),
                    exc,
                )
            )
        elif isinstance(exc, CounselRoomError):
            self.say(fill(translate("CaseForm", "Nothing was saved: %1"), describe(str(exc))))
        else:
            log.error("a case-work form failed to save", exc_info=exc)
            self.say(
                fill(
                    translate(
                        "CaseForm",
                        "Nothing was saved because of an unexpected error (%1). What you typed "
                        "is still here: try again, and report the problem if it persists.",
                    ),
                    type(exc).__name__,
                )
            )

    def _refused(self, exc: ValidationError) -> None:
        key = exc.field or ""
        if key not in self.fields:  # "measures[2].what" is shown under "measures"
            key = key.split("[")[0].split(".")[0]
        if key in self.fields and self.fields[key].shown():
            self.show_error(key, describe_error(exc))
            self.say(translate("CaseForm", "Nothing was saved: correct the field marked in red."))
            self.fields[key].widget.setFocus()
        else:
            self.say(fill(translate("CaseForm", "Nothing was saved: %1"), describe_error(exc)))

    def stale_text(self) -> str:
        return translate(
            "CaseForm",
            "Nothing was saved: this file was changed elsewhere after you opened this form. "
            "The file behind this window now shows the newer version; what you typed is still "
            "here. Compare them, then save again to make yours the newest.",
        )

    # -- closing -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel; typed notes are not thrown away without asking."""
        if self.saving:
            return
        if self.is_dirty() and not dialogs.ask(
            self,
            translate("CaseForm", "Discard what you typed?"),
            translate("CaseForm", "Nothing on this form has been saved. Close it anyway?"),
            destructive=True,
        ):
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (the session was locked by another user)."""
        self._baseline = self._values()
        super().reject()
