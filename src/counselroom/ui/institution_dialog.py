"""Add or edit one entry of the institutions directory (hospital, hotline or service).

The dialog does not save by itself: Save emits `save_requested` with an `InstitutionInput`, the
directory group runs the service in the worker and answers with `saved()` or `save_failed()`.
A refusal keeps everything as typed and puts the service's reason under the field it names
(the `InstitutionInput` attribute), as the activity dialog does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services.institutions import (
    INSTITUTION_KINDS,
    InstitutionEntry,
    InstitutionInput,
)
from counselroom.services.roles import PermissionDenied
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
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.field_errors import describe_error

translate = QCoreApplication.translate

TEXT_FIELDS = (
    "name",
    "department",
    "address",
    "phone",
    "contact",
    "green_channel_contact",
    "hours",
)
_ERROR_STYLE = "QLabel[fieldError=true] { color: #B71C1C; }"


class InstitutionDialog(QDialog):
    save_requested = Signal(object)  # InstitutionInput

    def __init__(self, entry: InstitutionEntry | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("institutionDialog")
        self.setWindowTitle(
            self.tr("Add an institution") if entry is None else self.tr("Edit an institution")
        )
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.saving = False
        self.kind_box = QComboBox()
        for code in INSTITUTION_KINDS:
            self.kind_box.addItem(labels.institution_kind(code), code)
        self.kind_box.setCurrentIndex(
            max(self.kind_box.findData(entry.kind if entry else "hospital"), 0)
        )
        placeholders = {
            "name": self.tr("e.g. 市精神卫生中心"),
            "department": self.tr("e.g. 儿童青少年心理科"),
            "phone": self.tr("e.g. 023-12345678"),
            "green_channel_contact": self.tr("Who takes a referral through the green channel"),
            "hours": self.tr("e.g. 周一至周五 8:00-17:00"),
        }
        self.edits: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS:
            edit = QLineEdit(str(getattr(entry, key)) if entry is not None else "")
            edit.setMaxLength(200)
            edit.setPlaceholderText(placeholders.get(key, ""))
            self.edits[key] = edit
        captions = {
            "kind": self.tr("&Kind:"),
            "name": self.tr("&Name:"),
            "department": self.tr("&Department:"),
            "address": self.tr("&Address:"),
            "phone": self.tr("&Phone:"),
            "contact": self.tr("&Contact person:"),
            "green_channel_contact": self.tr("&Green-channel contact:"),
            "hours": self.tr("&Hours:"),
        }
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key in ("kind", *TEXT_FIELDS):
            editor: QWidget = self.kind_box if key == "kind" else self.edits[key]
            label = QLabel(captions[key])
            label.setBuddy(editor)
            error = named(QLabel(), f"error_{key}")
            error.setProperty("fieldError", True)
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
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
        self.setMinimumWidth(480)

    @property
    def save_button(self) -> QPushButton:
        return save_button_of(self.buttons)

    def value(self) -> InstitutionInput:
        text = {key: edit.text() for key, edit in self.edits.items()}
        return InstitutionInput(kind=str(self.kind_box.currentData()), **text)

    def save(self) -> None:
        if self.saving:
            return
        clear_messages(self.errors, self.message_label)
        self.saving = True
        self.save_button.setEnabled(False)
        self.save_requested.emit(self.value())

    def reject(self) -> None:
        """Not while saving: the answer would come back to a closed form."""
        if not self.saving:
            super().reject()

    def discard(self) -> None:
        """Close whatever the state (the window is being locked)."""
        self.saving = False
        super().reject()

    def saved(self) -> None:
        self.saving = False
        self.accept()

    def save_failed(self, error: BaseException) -> None:
        """Say what is wrong, under its field when the service named one; keep the input."""
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in self.errors:
            label = self.errors[error.field]
            label.setText(describe_error(error))
            label.show()
            self._grow()
            (self.kind_box if error.field == "kind" else self.edits[error.field]).setFocus()
            return
        if isinstance(error, PermissionDenied):
            text = self.tr("Not saved: only an administrator can change the directory.")
        elif isinstance(error, ValidationError):
            text = fill(self.tr("Not saved: %1"), describe_error(error))
        elif isinstance(error, CounselRoomError):
            text = fill(self.tr("Not saved: %1"), error)
        else:
            text = fill(self.tr("Not saved: unexpected error (%1)."), type(error).__name__)
        show_message(self.message_label, text)
        self._grow()

    def _grow(self) -> None:
        """Make room for a message that just appeared: a wrapped label's height is known only
        for a given width, which the dialog's layout does not ask by itself."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def error_text(self, key: str) -> str:
        label = self.errors[key]
        return label.text() if not label.isHidden() else ""
