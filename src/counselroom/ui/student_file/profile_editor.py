"""概况: the student's basic data, family members and care groups, editable by a counsellor.

The editor does not save by itself: Save emits `save_requested` with the edit and the profile's
`updated_at` token, and the window runs the service in the worker and reports back with
`saved()` or `save_failed()`. A refused edit leaves every field as the user typed it; each
problem appears in red under its own field, and the message line says what happened.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError, StaleRecordError
from counselroom.services.profile import ProfileEdit, ProfileErrors
from counselroom.services.roles import PermissionDenied
from counselroom.services.student_file import StudentProfile
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.field_errors import bad_date_text, describe_error
from counselroom.ui.student_file.profile_form import ProfileFields, _set_interactive, parse_date

log = logging.getLogger(__name__)


class ProfileEditor(ProfileFields):
    save_requested = Signal(object, object)  # ProfileEdit, expected updated_at (datetime)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: StudentProfile | None = None
        self._baseline: tuple[object, ...] = ()
        self._editable = False
        self._saving = False
        self._build()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)

        self.message = named(QLabel(), "saveMessage")
        self.message.setWordWrap(True)
        self.revert_button = named(QPushButton(self.tr("Undo changes")), "revertProfile")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = named(QPushButton(self.tr("Save")), "saveProfile")
        self.save_button.clicked.connect(self.save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)

        for edit in self._line_edits():
            edit.textEdited.connect(self._edited)
        for combo in (self.gender_combo, self.class_combo):
            combo.currentIndexChanged.connect(self._edited)
        for box in self.group_boxes.values():
            box.toggled.connect(self._edited)
        self.guardians.changed.connect(self._edited)

    # -- content -----------------------------------------------------------------------------

    @property
    def profile(self) -> StudentProfile | None:
        return self._profile

    def set_profile(
        self,
        profile: StudentProfile,
        *,
        classes: Sequence[tuple[int, str]] = (),
        editable: bool,
    ) -> None:
        """Show `profile`; `classes` are the choices of the class box when editable."""
        self._profile = profile
        self._editable = editable
        widgets: list[QWidget] = [*self._line_edits(), self.gender_combo, self.class_combo]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.name_edit.setText(profile.name)
            self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(profile.gender)))
            self.birth_edit.setText(labels.day(profile.birth_date))
            self.enrolled_edit.setText(labels.day(profile.enrolled_on))
            self.ethnicity_edit.setText(profile.ethnicity or "")
            self.id_edit.setText(profile.id_number or "")
            self.student_no_edit.setText(profile.student_no or "")
            self._fill_classes(profile, classes if editable else ())
            self.roll_edit.setText(profile.roll_no or "")
            self.phone_edit.setText(profile.phone or "")
            self.address_edit.setText(profile.address or "")
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.guardians.set_entries(profile.guardians, editable=editable)
        for code, box in self.group_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in profile.groups)
            box.blockSignals(False)
        for edit in self._line_edits():
            edit.setReadOnly(not editable)
        for widget in (self.gender_combo, self.class_combo, *self.group_boxes.values()):
            _set_interactive(widget, editable)
        for widget in (*self._line_edits(), self.gender_combo, self.class_combo):
            widget.style().unpolish(widget)  # the style sheet reads readOnly / interactive
            widget.style().polish(widget)
        self.read_only_note.setVisible(not editable)
        self.save_button.setVisible(editable)
        self.revert_button.setVisible(editable)
        self.clear_errors()
        self._baseline = self._snapshot()
        self._update_buttons()

    def _fill_classes(self, profile: StudentProfile, classes: Sequence[tuple[int, str]]) -> None:
        self.class_combo.clear()
        self.class_combo.addItem(self.tr("(no class)"), None)
        offered = list(classes)
        if profile.class_id is not None and all(cid != profile.class_id for cid, _ in offered):
            offered.append((profile.class_id, profile.class_label))
        for class_id, label in offered:
            self.class_combo.addItem(label, class_id)
        index = self.class_combo.findData(profile.class_id) if profile.class_id else 0
        self.class_combo.setCurrentIndex(max(index, 0))
        if profile.class_id is None and profile.class_label:
            self.class_combo.setItemText(0, profile.class_label)  # from the roster, unmatched

    def _snapshot(self) -> tuple[object, ...]:
        """Everything the user can change, as typed: equal to the baseline means unchanged."""
        return (
            *(edit.text().strip() for edit in self._line_edits()),
            self.gender_combo.currentData(),
            self.class_combo.currentData(),
            self.guardians.entries(),
            self.selected_groups(),
        )

    def is_dirty(self) -> bool:
        return self._profile is not None and self._snapshot() != self._baseline

    def _edited(self) -> None:
        sender = self.sender()
        for key, widget in self.fields.items():
            if widget is sender:
                self._clear_error(key)
        if sender is self.guardians:
            self.guardians.clear_errors()
        if isinstance(sender, QCheckBox):
            self._clear_error("groups")
        if self.message.property("tone") == "ok":
            self._say("", "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(self._editable and dirty and not self._saving)
        self.revert_button.setEnabled(self._editable and dirty and not self._saving)

    def revert(self) -> None:
        if self._profile is not None:
            profile, editable = self._profile, self._editable
            classes = [
                (self.class_combo.itemData(i), self.class_combo.itemText(i))
                for i in range(1, self.class_combo.count())
            ]
            self.set_profile(profile, classes=classes, editable=editable)
            self._say("", "")

    # -- saving ------------------------------------------------------------------------------

    def current_edit(self) -> ProfileEdit:
        """The form as an edit; raises ValueError (and marks the field) for an unreadable date."""
        birth, enrolled = self._dates()
        return ProfileEdit(
            student_no=self.student_no_edit.text().strip() or None,
            name=self.name_edit.text().strip(),
            gender=self.gender_combo.currentData() or "U",
            birth_date=birth,
            id_number=self.id_edit.text().strip() or None,
            ethnicity=self.ethnicity_edit.text().strip() or None,
            class_id=self.class_combo.currentData(),
            roll_no=self.roll_edit.text().strip() or None,
            address=self.address_edit.text().strip() or None,
            phone=self.phone_edit.text().strip() or None,
            guardians=self.guardians.entries(),
            groups=self.selected_groups(),
            enrolled_on=enrolled,
        )

    def _dates(self) -> tuple[date | None, date | None]:
        """The birth date and the enrolment day. Both are read before ValueError is raised, so
        two unreadable dates are both marked at once."""
        read: dict[str, date | None] = {}
        for field, edit in (("birth_date", self.birth_edit), ("enrolled_on", self.enrolled_edit)):
            try:
                read[field] = parse_date(edit.text())
            except ValueError:
                self._show_error(field, bad_date_text())
        if len(read) < 2:
            raise ValueError("unreadable date")
        return read["birth_date"], read["enrolled_on"]

    def save(self) -> None:
        if self._profile is None or not self._editable or self._saving or not self.is_dirty():
            return
        self.clear_errors()
        try:
            edit = self.current_edit()
        except ValueError:
            self._say(self.tr("Nothing was saved: correct the field marked in red."), "error")
            return
        self._saving = True
        self._update_buttons()
        self._say(self.tr("Saving…"), "")
        self.save_requested.emit(edit, self._profile.updated_at)

    def saved(self, profile: StudentProfile) -> None:
        """The service accepted the edit: `profile` is what is stored now."""
        self._saving = False
        classes = [
            (self.class_combo.itemData(i), self.class_combo.itemText(i))
            for i in range(1, self.class_combo.count())
        ]
        self.set_profile(profile, classes=classes, editable=self._editable)
        self._say(
            fill(self.tr("Saved at %1."), datetime.now().strftime("%H:%M")),
            "ok",
        )

    def save_failed(self, exc: BaseException) -> None:
        """Nothing was saved; the form keeps what the user typed."""
        self._saving = False
        self._update_buttons()
        if isinstance(exc, ProfileErrors):
            self._show_profile_errors(exc)
            self._say(
                fill(
                    self.tr("Nothing was saved: %1 problem(s) are marked in red below."),
                    len(exc.errors),
                ),
                "error",
            )
        elif isinstance(exc, PermissionDenied):
            self._say(self.tr("Nothing was saved: your account may not change files."), "error")
        elif isinstance(exc, StaleRecordError):
            self._say(
                self.tr(
                    "Nothing was saved: this file was changed elsewhere after you opened it. "
                    "Your input is still here; note what you need, reload the file and make "
                    "the change again."
                ),
                "error",
            )
        elif isinstance(exc, CounselRoomError):
            self._say(fill(self.tr("Nothing was saved: %1"), exc), "error")
        else:
            log.error("saving a profile failed", exc_info=exc)
            self._say(
                fill(
                    self.tr(
                        "Nothing was saved because of an unexpected error (%1). Your input is "
                        "still here: try again, and report the problem if it persists."
                    ),
                    type(exc).__name__,
                ),
                "error",
            )

    def _show_profile_errors(self, exc: ProfileErrors) -> None:
        family: list[tuple[str, str]] = []
        general: list[str] = []
        for error in exc.errors:
            field = error.field or ""
            if field.startswith("guardians"):
                family.append((field, error.message))
            elif field in self.errors:
                self._show_error(field, describe_error(error))
            else:
                general.append(describe_error(error))
        self.guardians.show_errors(family)
        if general:
            self._show_error("name", "\n".join(general))

    def _say(self, text: str, tone: str) -> None:
        self.message.setText(text)
        self.message.setProperty("tone", tone)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
