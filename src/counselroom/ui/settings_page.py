"""Settings: this PC's preferences, and school policy: the idle-lock time, the screening
cut-offs, the referral and return intervals, and the institutions directory.

Language, text size and the backups (ui.settings_backups) belong to the PC (preferences.json);
the idle lock is a security control and the cut-offs decide who is flagged, so both are kept
in the vault, changed only by an administrator and audited (services.policy). The page says
which is which. The cut-offs (ui.settings_screening) and the referral intervals
(ui.settings_referrals) are shown read-only to counsellors and not at all to viewers, who never
see screening results or referrals; the institutions directory (ui.settings_institutions) is
read by every role. The printing font (ui.settings_fonts) belongs to the PC; the wording of
printed documents (ui.settings_templates) is policy, shown read-only to all but administrators.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError
from counselroom.preferences import LANGUAGE, TEXT_SCALE
from counselroom.services import policy as policy_service
from counselroom.services.context import Context
from counselroom.services.roles import Permission, PermissionDenied, allowed
from counselroom.ui.fonts import BASE_POINT_SIZE as BASE_POINT_SIZE  # moved: start-up needs
from counselroom.ui.fonts import apply_text_scale as apply_text_scale  # it without this page
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_backups import BackupsGroup
from counselroom.ui.settings_fonts import FontsGroup
from counselroom.ui.settings_institutions import InstitutionsGroup
from counselroom.ui.settings_referrals import ReferralPolicyGroup
from counselroom.ui.settings_screening import ScreeningCutoffsGroup
from counselroom.ui.settings_templates import TemplatesGroup

translate = QCoreApplication.translate

# Shown in their own language: someone who cannot read the current one must find theirs.
LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))

_STYLE = """
QLabel#note { color: #616161; }
QLabel#saved { color: #1B5E20; }
QLabel#problem { color: #B71C1C; }
"""


class SettingsPage(QWidget):
    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self.prefs = handle.preferences
        self.setObjectName("settingsPage")
        self.setStyleSheet(_STYLE)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self._build_pc_group())
        self.backups_group = BackupsGroup(handle)
        self.backup_edit = self.backups_group.folder_edit
        self.clear_backup_button = self.backups_group.clear_button
        layout.addWidget(self.backups_group)
        self.fonts_group = FontsGroup(self.prefs)
        layout.addWidget(self.fonts_group)
        layout.addWidget(self._build_policy_group())
        self.screening_group: ScreeningCutoffsGroup | None = None
        self.referral_group: ReferralPolicyGroup | None = None
        if allowed(handle.actor.role, Permission.READ_CASE_NOTES):  # not for viewers
            self.screening_group = ScreeningCutoffsGroup(handle)
            layout.addWidget(self.screening_group)
            self.referral_group = ReferralPolicyGroup(handle)
            layout.addWidget(self.referral_group)
        # every role: a directory of hospitals and hotlines names no student
        self.institutions_group = InstitutionsGroup(handle)
        layout.addWidget(self.institutions_group)
        self.templates_group = TemplatesGroup(handle)  # read-only but for administrators
        layout.addWidget(self.templates_group)
        self.fonts_group.changed.connect(self.templates_group.refresh_preview)
        layout.addStretch(1)
        scroll = QScrollArea()  # the cut-offs make the page taller than a laptop screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMaximumWidth(860)  # a form, not a spreadsheet: lines stay readable
        self._apply_role()

    # -- this PC -----------------------------------------------------------------------------

    def _build_pc_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("This computer"))
        self.language_box = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(self.prefs.get(LANGUAGE)))
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        language_note = self._note(self.tr("Takes effect the next time CounselRoom starts."))

        self.scale_box = QComboBox()
        for percent in TEXT_SCALE.choices:
            self.scale_box.addItem(f"{percent} %", percent)
        self.scale_box.setCurrentIndex(self.scale_box.findData(self.prefs.get(TEXT_SCALE)))
        self.scale_box.currentIndexChanged.connect(self._scale_chosen)

        self.pc_feedback = named(QLabel(), "saved")
        self.pc_feedback.setWordWrap(True)

        form = QFormLayout(group)
        form.addRow(self.tr("&Language:"), self.language_box)
        form.addRow("", language_note)
        form.addRow(self.tr("&Text size:"), self.scale_box)
        form.addRow(self.pc_feedback)
        form.setRowVisible(self.pc_feedback, False)
        self._pc_form = form
        return group

    def _note(self, text: str) -> QLabel:
        label = named(QLabel(text), "note")
        label.setWordWrap(True)
        return label

    def _save_preferences(self, done: str) -> bool:
        try:
            self.prefs.save()
        except OSError as exc:
            self._feedback(
                self.pc_feedback,
                fill(
                    self.tr("Could not save the settings in %1: %2"),
                    self.prefs.path,
                    exc.strerror or type(exc).__name__,
                ),
                ok=False,
            )
            return False
        self._feedback(self.pc_feedback, done, ok=True)
        return True

    def _language_chosen(self) -> None:
        code = str(self.language_box.currentData())
        self.prefs.set(LANGUAGE, code)
        self._save_preferences(
            self.tr("Saved. The new language is used the next time CounselRoom starts.")
        )

    def _scale_chosen(self) -> None:
        percent = int(self.scale_box.currentData())
        self.prefs.set(TEXT_SCALE, percent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_text_scale(app, percent)
        self._save_preferences(fill(self.tr("Saved. Text size %1 %."), percent))

    # The backup folder moved to ui.settings_backups; these names stay for callers.
    def choose_backup_folder(self) -> QFileDialog:
        return self.backups_group.choose_backup_folder()

    def set_backup_folder(self, folder: str) -> bool:
        return self.backups_group.set_backup_folder(folder)

    # -- school policy -----------------------------------------------------------------------

    def _build_policy_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("School policy (all computers of this vault, audited)"))
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, policy_service.MAX_IDLE_LOCK_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(5)
        self.idle_save = QPushButton(self.tr("&Save"))
        self.idle_save.clicked.connect(self.save_idle_lock)
        row = QHBoxLayout()
        row.addWidget(self.idle_spin)
        row.addWidget(self.idle_save)
        row.addStretch(1)
        self.idle_note = self._note(
            fill(
                self.tr(
                    "The window locks after this many minutes without use (1 to %1): the keys "
                    "are dropped and the password is asked again."
                ),
                policy_service.MAX_IDLE_LOCK_MINUTES,
            )
        )
        self.role_note = self._note(self.tr("Only an administrator can change the school policy."))
        self.policy_feedback = named(QLabel(), "saved")
        self.policy_feedback.setWordWrap(True)
        form = QFormLayout(group)
        form.addRow(self._buddy(self.tr("&Idle lock after:"), self.idle_spin), row)
        form.addRow("", self.idle_note)
        form.addRow("", self.role_note)
        form.addRow(self.policy_feedback)
        form.setRowVisible(self.policy_feedback, False)
        self._policy_form = form
        return group

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        """A row label for a field inside a layout: Qt sets the buddy only for a lone widget."""
        label = QLabel(text)
        label.setBuddy(field)
        return label

    @property
    def may_edit_policy(self) -> bool:
        return allowed(self.handle.actor.role, Permission.EDIT_POLICY)

    def _apply_role(self) -> None:
        editable = self.may_edit_policy
        self.idle_spin.setReadOnly(not editable)
        self.idle_spin.setButtonSymbols(
            QSpinBox.ButtonSymbols.UpDownArrows if editable else QSpinBox.ButtonSymbols.NoButtons
        )
        self.idle_save.setVisible(editable)
        self._policy_form.setRowVisible(self.role_note, not editable)

    def reload(self) -> None:
        self._apply_role()
        for group in self._groups():
            group.reload()
        self.handle.run(
            policy_service.idle_lock_minutes,
            owner=self,
            on_success=self.idle_spin.setValue,
            on_failure=lambda exc: self._feedback(
                self.policy_feedback, self._describe(exc), ok=False
            ),
        )

    def clear(self) -> None:
        """Nothing here is about a student; kept as it is across a lock."""
        self._policy_form.setRowVisible(self.policy_feedback, False)
        for group in self._groups():
            group.clear()

    def _groups(self) -> list[Any]:
        groups = (self.backups_group, self.fonts_group, self.screening_group,
                  self.referral_group, self.institutions_group, self.templates_group)  # fmt: skip
        return [group for group in groups if group is not None]

    def save_idle_lock(self) -> None:
        minutes = self.idle_spin.value()
        self.idle_save.setEnabled(False)

        def save(ctx: Context) -> int:
            policy_service.set_idle_lock(ctx, minutes)
            return minutes

        job = self.handle.run(save, owner=self, on_success=self._saved, on_failure=self._refused)
        if job is None:
            self.idle_save.setEnabled(True)

    def _saved(self, minutes: int) -> None:
        self.idle_save.setEnabled(True)
        self.handle.set_idle_lock_minutes(minutes)
        self._feedback(
            self.policy_feedback,
            fill(self.tr("Saved. The window now locks after %1 minutes without use."), minutes),
            ok=True,
        )

    def _refused(self, exc: BaseException) -> None:
        self.idle_save.setEnabled(True)
        self._feedback(self.policy_feedback, self._describe(exc), ok=False)

    def _describe(self, exc: BaseException) -> str:
        if isinstance(exc, PermissionDenied):
            return self.tr("Not saved: only an administrator can change the school policy.")
        if isinstance(exc, CounselRoomError):
            return fill(self.tr("Not saved: %1"), exc)
        return fill(self.tr("Not saved: unexpected error (%1)."), type(exc).__name__)

    def _feedback(self, label: QLabel, text: str, *, ok: bool) -> None:
        label.setObjectName("saved" if ok else "problem")
        label.setText(text)
        form = self._pc_form if label is self.pc_feedback else self._policy_form
        form.setRowVisible(label, True)
        label.style().unpolish(label)
        label.style().polish(label)
