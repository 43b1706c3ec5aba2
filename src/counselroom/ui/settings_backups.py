"""Settings → Backups: the folder (a USB drive), how many backups it keeps, "Back up now", and
when the last backup of this vault was made on this PC (or why it failed).

The folder and the number are this PC's preferences; the backups themselves are made by
`services.backups` in the worker, audited in the vault. Viewers see the group but cannot make
a backup (the service refuses them too).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from counselroom.preferences import BACKUP_FOLDER, BACKUP_KEEP, last_backup
from counselroom.services.backups import BackupResult
from counselroom.services.localtime import to_local
from counselroom.services.roles import Permission, allowed
from counselroom.ui.backup_folder import backup_folder_problem
from counselroom.ui.backup_schedule import start_backup
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.session import SessionHandle
from counselroom.ui.worker import BackgroundJob


class BackupsGroup(QGroupBox):
    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backups (this computer)"))
        self.handle = handle
        self.prefs = handle.preferences
        self._vault_id = handle.last_context.vault.vault_id
        self._job: BackgroundJob[BackupResult] | None = None

        self.folder_edit = QLineEdit(self.prefs.get(BACKUP_FOLDER))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("not chosen"))
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self.choose_backup_folder)
        self.clear_button = QPushButton(self.tr("Clea&r"))
        self.clear_button.clicked.connect(lambda: self.set_backup_folder(""))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        folder_row.addWidget(self.clear_button)

        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(BACKUP_KEEP.minimum or 1, BACKUP_KEEP.maximum or 365)
        self.keep_spin.setValue(self.prefs.get(BACKUP_KEEP))
        self.keep_spin.valueChanged.connect(self._keep_changed)

        self.backup_button = QPushButton(self.tr("Back up &now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.busy_bar = named(QProgressBar(), "busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        now_row = QHBoxLayout()
        now_row.addWidget(self.backup_button)
        now_row.addWidget(self.busy_bar)
        now_row.addStretch(1)

        self.last_label = named(QLabel(), "note")
        self.last_label.setWordWrap(True)
        self.role_note = self._note(
            self.tr("Only counsellors and administrators can make backups.")
        )
        explanation = self._note(
            self.tr(
                "A backup is one encrypted file (.crbackup) holding the whole vault; it opens "
                "only with the password of one of the vault's accounts. While a folder is "
                "chosen, CounselRoom backs up once a day while it is open and each time the "
                "window is closed, and keeps the newest backups of this vault there; other "
                "files in the folder are never touched. Keep the USB drive locked away, like "
                "the paper files. To restore, use “Restore from a backup…” on the sign-in "
                "window."
            )
        )
        self.feedback = named(QLabel(), "saved")
        self.feedback.setWordWrap(True)

        form = QFormLayout(self)
        label = QLabel(self.tr("&Backup folder:"))
        label.setBuddy(self.folder_edit)
        form.addRow(label, folder_row)
        form.addRow(self.tr("&Keep the newest:"), self.keep_spin)
        form.addRow("", now_row)
        form.addRow("", self.last_label)
        form.addRow("", self.role_note)
        form.addRow("", explanation)
        form.addRow(self.feedback)
        form.setRowVisible(self.feedback, False)
        self._form = form
        self.keep_spin.setSuffix(self.tr(" backups"))
        self.reload()

    def _note(self, text: str) -> QLabel:
        label = named(QLabel(text), "note")
        label.setWordWrap(True)
        return label

    # -- state -------------------------------------------------------------------------------

    @property
    def may_back_up(self) -> bool:
        return allowed(self.handle.actor.role, Permission.EXPORT)

    def reload(self) -> None:
        self._form.setRowVisible(self.role_note, not self.may_back_up)
        self._update_button()
        self.show_last()

    def clear(self) -> None:
        """Nothing here is about a student; kept as it is across a lock."""

    def _update_button(self) -> None:
        self.backup_button.setEnabled(
            self.may_back_up and bool(self.prefs.get(BACKUP_FOLDER)) and self._job is None
        )

    def show_last(self) -> None:
        done = last_backup(self.prefs, self._vault_id)
        failure = last_backup(self.prefs, self._vault_id, failed=True)
        parts = []
        if done is not None:
            parts.append(
                fill(
                    self.tr("Last backup: %1, %2"),
                    f"{to_local(done.at):%Y-%m-%d %H:%M}",
                    done.file,
                )
            )
        else:
            parts.append(self.tr("No backup of this vault has been made on this computer yet."))
        if failure is not None:
            parts.append(
                fill(
                    self.tr("The backup at %1 failed: %2"),
                    f"{to_local(failure.at):%Y-%m-%d %H:%M}",
                    failure.error,
                )
            )
        self.last_label.setText("\n".join(parts))
        self.last_label.setObjectName("problem" if failure is not None else "note")
        self._repolish(self.last_label)

    # -- folder and number -------------------------------------------------------------------

    def choose_backup_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Backup folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.finished.connect(dialog.deleteLater)  # not WA_DeleteOnClose: see ui/login.py
        if self.folder_edit.text():
            dialog.setDirectory(self.folder_edit.text())
        dialog.fileSelected.connect(self.set_backup_folder)
        dialog.open()
        return dialog

    def set_backup_folder(self, folder: str) -> bool:
        """Remember `folder` ("" forgets it) if backups could be written there."""
        if folder:
            problem = backup_folder_problem(Path(folder), self.handle.vault_folder)
            if problem is not None:
                self._feedback(fill(self.tr("Not saved: %1"), problem), ok=False)
                return False
            folder = str(Path(folder).resolve())
        self.prefs.set(BACKUP_FOLDER, folder)
        self.folder_edit.setText(folder)
        self._update_button()
        return self._save(
            self.tr("Saved. Backups go to this folder.")
            if folder
            else self.tr("Saved. No scheduled backups on this computer.")
        )

    def _keep_changed(self, value: int) -> None:
        self.prefs.set(BACKUP_KEEP, value)
        self._save(fill(self.tr("Saved. The folder keeps the newest %1 backups."), value))

    def _save(self, done: str) -> bool:
        try:
            self.prefs.save()
        except OSError as exc:
            self._feedback(
                fill(
                    self.tr("Could not save the settings in %1: %2"),
                    self.prefs.path,
                    exc.strerror or type(exc).__name__,
                ),
                ok=False,
            )
            return False
        self._feedback(done, ok=True)
        return True

    # -- backing up --------------------------------------------------------------------------

    def back_up_now(self) -> BackgroundJob[BackupResult] | None:
        if self._job is not None or not self.backup_button.isEnabled():
            return None
        job = start_backup(self.handle, self, on_done=self._done, on_failed=self._failed)
        if job is None:
            return None
        self._job = job
        self.busy_bar.show()
        self._update_button()
        self._feedback(self.tr("Backing up…"), ok=True)
        return job

    def _finished(self) -> None:
        self._job = None
        self.busy_bar.hide()
        self._update_button()
        self.show_last()

    def _done(self, result: BackupResult) -> None:
        self._finished()
        text = fill(self.tr("Backed up to %1."), result.file)
        if result.deleted:
            text += " " + fill(self.tr("%1 older backups were deleted."), len(result.deleted))
        self._feedback(text, ok=True)

    def _failed(self, text: str) -> None:
        self._finished()
        self._feedback(fill(self.tr("The backup failed: %1"), text), ok=False)

    def _feedback(self, text: str, *, ok: bool) -> None:
        self.feedback.setObjectName("saved" if ok else "problem")
        self.feedback.setText(text)
        self._form.setRowVisible(self.feedback, True)
        self._repolish(self.feedback)

    @staticmethod
    def _repolish(label: QLabel) -> None:
        label.style().unpolish(label)
        label.style().polish(label)
