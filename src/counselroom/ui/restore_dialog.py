"""“Restore from a backup…” on the sign-in window: choose the file, type a password, restore.

The password is tried on each account of the BACKUP (its accounts may differ from today's).
The restore runs in the worker (`services.backups.restore_backup`): the backup is checked,
opened and verified before anything is replaced, and the vault that was there is kept aside;
the dialog says where. Open with `open()`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError
from counselroom.services.backups import RestoreResult, restore_backup
from counselroom.services.roles import PermissionDenied
from counselroom.transfer.backup_file import SUFFIX
from counselroom.transfer.errors import ArchiveError
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.problem_text import message_text
from counselroom.ui.worker import BackgroundJob, run_in_background
from counselroom.vault.errors import AuthenticationError, VaultInUseError

# (backup file, vault folder, password, user name or None) -> what was done
RestoreFn = Callable[[Path, Path, str, "str | None"], RestoreResult]

_STYLE = """
QLabel#restoreError { background: #FFEBEE; border: 1px solid #C62828; border-radius: 6px;
                      padding: 8px; color: #B71C1C; }
QProgressBar#busy { max-height: 6px; }
"""


class RestoreDialog(QDialog):
    restored = Signal(object)  # RestoreResult

    def __init__(
        self,
        vault_folder: Path,
        *,
        restore: RestoreFn = restore_backup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_folder = Path(vault_folder)
        self._restore = restore
        self._job: BackgroundJob[RestoreResult] | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setStyleSheet(_STYLE)
        intro = QLabel(
            fill(
                self.tr(
                    "The vault in %1 is replaced by the backup. The backup is checked and "
                    "opened first; the vault there now is kept in a folder beside it, never "
                    "deleted. Type the password of an account as it was when the backup was "
                    "made."
                ),
                self.vault_folder,
            )
        )
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("a .crbackup file"))
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        label = QLabel(self.tr("Backup &file:"))
        label.setBuddy(self.file_edit)
        form.addRow(label, file_row)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.error_label = named(QLabel(), "restoreError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.busy_bar = named(QProgressBar(), "busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.file_edit.textChanged.connect(self._update)
        self.password_edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self._update()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _update(self) -> None:
        ready = bool(self.file_edit.text().strip() and self.password_edit.text())
        self.restore_button.setEnabled(ready and not self.busy)

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Choose a backup"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(fill(self.tr("CounselRoom backups (*%1)"), SUFFIX))
        dialog.finished.connect(dialog.deleteLater)  # not WA_DeleteOnClose: see ui/login.py
        dialog.fileSelected.connect(self.file_edit.setText)
        dialog.open()
        return dialog

    def submit(self) -> BackgroundJob[RestoreResult] | None:
        if self.busy or not self.restore_button.isEnabled():
            return None
        file = Path(self.file_edit.text().strip())
        sure = dialogs.ask(
            self,
            self.tr("Replace the vault?"),
            fill(
                self.tr(
                    "Replace the vault in %1 by the backup %2?\n\nRecords written since the "
                    "backup was made are not in it; the vault there now is kept aside."
                ),
                self.vault_folder,
                file.name,
            ),
            destructive=True,
        )
        if not sure:
            return None
        folder, password, restore = self.vault_folder, self.password_edit.text(), self._restore
        self.error_label.hide()
        self._set_busy(True)
        self._job = run_in_background(
            lambda: restore(file, folder, password, None),
            owner=self,
            on_success=self._done,
            on_failure=self._failed,
        )
        return self._job

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (self.file_edit, self.password_edit, self.cancel_button):
            widget.setEnabled(not busy)
        self._update()

    def _done(self, result: RestoreResult) -> None:
        self._job = None
        self._set_busy(False)
        self.password_edit.clear()
        self.restored.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        self.error_label.setText(self.describe(exc))
        self.error_label.show()

    def describe(self, exc: BaseException) -> str:
        if isinstance(exc, AuthenticationError):
            return self.tr(
                "The password opens none of the backup's accounts (or the account is disabled "
                "in the backup). Nothing was replaced."
            )
        if isinstance(exc, VaultInUseError):
            return self.tr(
                "The vault is open in another CounselRoom window or command. Close it, then "
                "restore again. Nothing was replaced."
            )
        if isinstance(exc, PermissionDenied):
            return self.tr("Only a counsellor or an administrator can restore a backup.")
        if isinstance(exc, ArchiveError):
            reason = message_text(exc.template, exc.args_text, str(exc))
            return fill(self.tr("Not restored: %1"), reason)
        if isinstance(exc, CounselRoomError):
            return fill(self.tr("Not restored: %1"), exc)
        return fill(self.tr("Not restored: unexpected error (%1)."), type(exc).__name__)

    def reject(self) -> None:
        if self.busy:
            return  # the restore is being written; it cannot be stopped half-way
        super().reject()
