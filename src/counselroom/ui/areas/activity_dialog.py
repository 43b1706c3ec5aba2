"""记录活动: one group counselling session or lecture, for the term statistics.

The dialog does not save by itself: Save emits `save_requested` with an `ActivityInput`, the
page runs the service in the worker and answers with `saved()` or `save_failed()`. A refused
entry keeps everything as typed and puts the service's reason under the field it names
(`ValidationError.field`), so the user sees which box to correct.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services.activities import GROUP_ACTIVITY_KINDS, MAX_COUNT
from counselroom.services.roles import PermissionDenied
from counselroom.ui.areas.activity_model import activity_kind_label
from counselroom.ui.areas.dialog_footer import (
    StandardButton,
    clear_messages,
    message_line,
    save_button_of,
    save_buttons,
    show_message,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

translate = QCoreApplication.translate

FIELDS = ("on", "kind", "topic", "audience", "count", "leader", "note")
_ERROR_STYLE = "QLabel[fieldError=true] { color: #B71C1C; }"


@dataclass(frozen=True)
class ActivityInput:
    """What the user typed, in the keywords of `add_group_activity`."""

    on: date
    kind: str
    topic: str
    audience: str
    count: int
    leader: str | None
    note: str | None


_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^is required$"), lambda m: translate("activities", "Required.")),
    (
        re.compile(r"^(-?\d+) is not between (\d+) and (\d+)$"),
        lambda m: fill(
            translate("activities", "Give the number of participants, from %1 to %2."),
            m[2],
            m[3],
        ),
    ),
    (
        re.compile(r"^(\S+) is in the future"),
        lambda m: fill(translate("activities", "%1 is in the future."), m[1]),
    ),
    (
        re.compile(r"^is (\d+) characters long \(at most (\d+)\)$"),
        lambda m: fill(translate("activities", "Too long: at most %1 characters."), m[2]),
    ),
]


def field_message(message: str) -> str:
    """The service's reason in the user's language; an unknown reason is shown as it is."""
    for pattern, say in _RULES:
        match = pattern.search(message)
        if match:
            return say(match)
    return message


class ActivityDialog(QDialog):
    save_requested = Signal(object)  # ActivityInput

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log a group activity"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.saving = False

        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(
            QDate(today.year, today.month, today.day)
        )  # an activity is logged after it happened
        self.kind_box = QComboBox()
        for code in GROUP_ACTIVITY_KINDS:
            self.kind_box.addItem(activity_kind_label(code), code)
        self.topic_edit = QLineEdit()
        self.topic_edit.setPlaceholderText(self.tr("e.g. Coping with exam stress"))
        self.audience_edit = QLineEdit()
        self.audience_edit.setPlaceholderText(self.tr("e.g. Grade 8, class 3; all of grade 9"))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(0, 99_999)  # the service says what is too many, and why
        self.count_spin.setSpecialValueText("—")  # 0: not given yet
        self.count_spin.setSuffix(self.tr(" people"))
        self.count_spin.setToolTip(fill(self.tr("1 to %1 participants"), MAX_COUNT))
        self.leader_edit = QLineEdit()
        self.leader_edit.setPlaceholderText(self.tr("Who ran it (optional)"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().height() * 4 + 12)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("on", self.tr("&Date:"), self.date_edit),
            ("kind", self.tr("&Kind:"), self.kind_box),
            ("topic", self.tr("&Topic:"), self.topic_edit),
            ("audience", self.tr("&Audience:"), self.audience_edit),
            ("count", self.tr("&Participants:"), self.count_spin),
            ("leader", self.tr("&Led by:"), self.leader_edit),
            ("note", self.tr("&Note:"), self.note_edit),
        ]
        for field, caption, editor in rows:
            label = QLabel(caption)
            label.setBuddy(editor)
            error = named(QLabel(), f"error_{field}")
            error.setProperty("fieldError", True)
            error.setWordWrap(True)
            error.hide()
            self.errors[field] = error
            holder = QVBoxLayout()
            holder.setSpacing(2)
            holder.addWidget(editor)
            holder.addWidget(error)
            form.addRow(label, holder)

        self.message_label = message_line()
        self.buttons = save_buttons(self.save, self.reject, second=StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setStyleSheet(_ERROR_STYLE)
        self.setMinimumWidth(460)

    @property
    def save_button(self) -> QPushButton:
        return save_button_of(self.buttons)

    def value(self) -> ActivityInput:
        note = self.note_edit.toPlainText()
        return ActivityInput(
            on=self.date_edit.date().toPython(),  # type: ignore[arg-type]
            kind=str(self.kind_box.currentData()),
            topic=self.topic_edit.text(),
            audience=self.audience_edit.text(),
            count=self.count_spin.value(),
            leader=self.leader_edit.text() or None,
            note=note or None,
        )

    def save(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        self.saving = True
        self.save_button.setEnabled(False)
        self.save_requested.emit(self.value())

    def saved(self) -> None:
        self.saving = False
        self.accept()

    def save_failed(self, error: BaseException) -> None:
        """Say what is wrong, under its field when the service named one; keep the input."""
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in self.errors:
            label = self.errors[error.field]
            label.setText(field_message(error.message))
            label.show()
            self._focus(error.field)
            return
        if isinstance(error, PermissionDenied):
            text = self.tr("Your account may not log activities.")
        elif isinstance(error, CounselRoomError):
            text = fill(self.tr("Not saved: %1"), error)
        else:
            text = fill(self.tr("Not saved (unexpected error): %1"), error)
        show_message(self.message_label, text)

    def clear_errors(self) -> None:
        clear_messages(self.errors, self.message_label)

    def _focus(self, field: str) -> None:
        editors: dict[str, QWidget] = {
            "on": self.date_edit,
            "kind": self.kind_box,
            "topic": self.topic_edit,
            "audience": self.audience_edit,
            "count": self.count_spin,
            "leader": self.leader_edit,
            "note": self.note_edit,
        }
        editors[field].setFocus()
