"""The login window: pick an account, type the password, unlock the vault in the background.

Unlocking runs Argon2id (about half a second by design), so it goes through the worker and the
window stays responsive with a busy bar. On success the window emits `logged_in(Context)` and
the caller owns the context from then on.

This window is what start-up waits for, so it sets nothing through PySide6's `Qt` namespace:
the first use of `Qt` builds all 93 of its enums at once (17 ms, a tenth of a bare PySide6
window's start; BENCHMARKS.md). Its two flags go through Qt's property system by key name, and
the link button takes its hand cursor when the mouse first comes over it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.services import auth
from counselroom.ui.i18n import fill
from counselroom.ui.login_errors import describe_folder_error, describe_login_error
from counselroom.ui.named import named

if TYPE_CHECKING:  # the window shows before the vault code is loaded (app.py's docstring)
    from PySide6.QtGui import QCloseEvent, QEnterEvent, QShowEvent

    from counselroom.services.backups import RestoreResult
    from counselroom.services.context import Context
    from counselroom.ui.recovery_dialog import RecoverFn, RecoveryDialog
    from counselroom.ui.restore_dialog import RestoreDialog
    from counselroom.ui.worker import BackgroundJob

LoginFn = Callable[[Path, str, str], "Context"]

_STYLE = """
QLabel#appTitle { font-size: 20pt; font-weight: 600; }
QLabel#vaultPath { color: #616161; }
QLabel#demoNote { background: #FFF8E1; border: 1px solid #F9A825; border-radius: 6px;
                  padding: 8px; color: #5D4037; }
QLabel#loginError { background: #FFEBEE; border: 1px solid #C62828; border-radius: 6px;
                    padding: 8px; color: #B71C1C; }
QProgressBar#busy { max-height: 6px; }
QPushButton#signIn { background: #1565C0; color: white; border: none; border-radius: 4px;
                     padding: 7px; font-weight: 600; }
QPushButton#signIn:hover { background: #0D47A1; }
QPushButton#signIn:disabled { background: #90A4AE; }
QPushButton#forgotPassword { border: none; color: #1565C0; text-decoration: underline;
                             padding: 2px; }
QPushButton#forgotPassword:disabled { color: #90A4AE; }
"""


def selectable(label: QLabel) -> QLabel:
    """Let the mouse select (and copy) the label's text: Qt.TextInteractionFlag's
    TextSelectableByMouse, written by key name (see the module docstring)."""
    label.setProperty("textInteractionFlags", "TextSelectableByMouse")
    return label


class LinkButton(QPushButton):
    """A push button drawn as a link by the style sheet, with the pointing hand over it.

    The cursor is set on the first hover rather than here (see the module docstring).
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._hand = False

    def enterEvent(self, event: QEnterEvent) -> None:
        if not self._hand:
            from PySide6.QtCore import Qt

            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self._hand = True
        super().enterEvent(event)


class LoginWindow(QWidget):
    logged_in = Signal(object)  # Context

    def __init__(
        self,
        vault_folder: Path,
        *,
        demo_credentials: tuple[str, str] | None = None,
        last_user: str | None = None,
        login: LoginFn = auth.login,
        recover: RecoverFn = auth.recover,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_folder = Path(vault_folder)
        self._login = login
        self._recover = recover
        self._job: BackgroundJob[Context] | None = None
        self._closed = False
        self.recovery_dialog: RecoveryDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.setObjectName("loginWindow")
        self.setWindowTitle(fill(self.tr("CounselRoom — %1"), self.vault_folder))
        self.setStyleSheet(_STYLE)
        self._build(demo_credentials)
        self._load_usernames(demo_credentials[0] if demo_credentials else last_user)

    # -- building ----------------------------------------------------------------------------

    def _build(self, demo_credentials: tuple[str, str] | None) -> None:
        title = named(QLabel(self.tr("CounselRoom counselling room")), "appTitle")
        path = named(QLabel(fill(self.tr("Vault: %1"), self.vault_folder)), "vaultPath")
        path.setWordWrap(True)
        selectable(path)

        self.demo_note = named(QLabel(), "demoNote")
        self.demo_note.setWordWrap(True)
        if demo_credentials:
            user, password = demo_credentials
            self.demo_note.setText(
                fill(self.tr("Demo vault: user name %1, password %2"), user, password)
            )
        self.demo_note.setVisible(demo_credentials is not None)

        self.user_box = QComboBox()
        self.user_box.setMinimumContentsLength(16)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("&User:"), self.user_box)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.error_label = named(QLabel(), "loginError")
        self.error_label.setWordWrap(True)
        selectable(self.error_label)
        self.error_label.hide()
        self.busy_bar = named(QProgressBar(), "busy")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.login_button = named(QPushButton(self.tr("Sign in")), "signIn")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.forgot_button = named(LinkButton(self.tr("Forgot password?")), "forgotPassword")
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(self.open_recovery)
        self.restore_button = named(LinkButton(self.tr("Restore from a backup…")), "forgotPassword")
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.open_restore)
        forgot_row = QHBoxLayout()
        forgot_row.addWidget(self.restore_button)
        forgot_row.addStretch(1)
        forgot_row.addWidget(self.forgot_button)

        card = named(QFrame(), "loginCard")
        inner = QVBoxLayout(card)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(path)
        inner.addWidget(self.demo_note)
        inner.addLayout(form)
        inner.addWidget(self.error_label)
        inner.addWidget(self.busy_bar)
        inner.addWidget(self.login_button)
        inner.addLayout(forgot_row)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 28, 32, 28)
        outer.addWidget(card)
        self.setMinimumWidth(440)

    def _load_usernames(self, preferred: str | None) -> None:
        # vault.keys is a small local file: reading it here costs less than a thread hop.
        try:
            names = auth.usernames(self.vault_folder)
        except Exception as exc:  # shown; nothing can be signed in
            self._show_error(describe_folder_error(exc, str(self.vault_folder)))
            self._set_enabled(False)
            return
        self.user_box.addItems(names)
        if preferred and preferred in names:
            self.user_box.setCurrentText(preferred)
        if not names:
            self._show_error(self.tr("This vault has no user accounts that can sign in."))
            self._set_enabled(False)
        self.password_edit.setFocus()

    # -- signing in --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None

    def submit(self) -> None:
        from counselroom.ui.worker import run_in_background  # not needed to show the window

        if self.busy or not self.login_button.isEnabled():
            return
        username, password = self.user_box.currentText(), self.password_edit.text()
        if not password:
            self._show_error(fill(self.tr("Type the password of “%1”."), username))
            return
        self.error_label.hide()
        self._set_busy(True)
        folder, login = self.vault_folder, self._login
        self._job = run_in_background(
            lambda: login(folder, username, password),
            owner=self,
            on_success=self._succeeded,
            on_failure=lambda exc: self._failed(exc, username),
        )

    def _succeeded(self, ctx: Context) -> None:
        self._job = None
        self._set_busy(False)
        self.password_edit.clear()
        if self._closed:  # the window was closed while the vault was unlocking
            ctx.close()
            return
        self.logged_in.emit(ctx)

    def _failed(self, exc: BaseException, username: str) -> None:
        self._job = None
        self._set_busy(False)
        self._show_error(describe_login_error(exc, username))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    # -- forgotten password ------------------------------------------------------------------

    def open_recovery(self) -> RecoveryDialog | None:
        """The recovery dialog, opened window-modal with `open()` (never `exec()`)."""
        from counselroom.ui.recovery_dialog import RecoveryDialog  # not needed at start-up

        if self.busy:
            return None
        names = [self.user_box.itemText(i) for i in range(self.user_box.count())]
        dialog = RecoveryDialog(
            self.vault_folder,
            usernames=names,
            username=self.user_box.currentText(),
            recover=self._recover,
            parent=self,
        )
        # Deleted after it finishes. Not with WA_DeleteOnClose: when the window's wrapper is
        # collected while that deferred delete is pending, PySide 6.11 crashes ("shared
        # QObject was deleted directly").
        dialog.finished.connect(dialog.deleteLater)
        dialog.password_reset.connect(self._password_reset)
        self.recovery_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "recovery_dialog", None))
        dialog.open()
        return dialog

    def _password_reset(self, username: str) -> None:
        from counselroom.ui import dialogs  # not needed to show the window

        self.user_box.setCurrentText(username)
        self.error_label.hide()
        self.password_edit.clear()
        self.password_edit.setFocus()
        dialogs.inform(
            self,
            self.tr("Password reset"),
            fill(self.tr("Sign in as “%1” with the new password."), username),
        )

    # -- restoring a backup ------------------------------------------------------------------

    def open_restore(self) -> RestoreDialog | None:
        """The restore dialog, window-modal with `open()`; works on a broken vault too."""
        from counselroom.ui.restore_dialog import RestoreDialog  # not needed at start-up

        if self.busy:
            return None
        dialog = RestoreDialog(self.vault_folder, parent=self)
        dialog.finished.connect(dialog.deleteLater)  # not WA_DeleteOnClose: see open_recovery
        dialog.restored.connect(self._restored)
        self.restore_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "restore_dialog", None))
        dialog.open()
        return dialog

    def _restored(self, result: RestoreResult) -> None:
        from counselroom.ui import dialogs

        self.user_box.clear()
        self.error_label.hide()
        self._set_enabled(True)
        self._load_usernames(result.username)
        text = self.tr("The vault was restored from the backup. Sign in as before.")
        if result.replaced_folder is not None:
            text += "\n\n" + fill(
                self.tr("The vault that was there is kept in %1."), result.replaced_folder
            )
        dialogs.inform(self, self.tr("Backup restored"), text)

    # -- state -------------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self._fit_height()

    def _fit_height(self) -> None:
        # A wrapped label's height depends on the width, which a top-level layout's minimum
        # size ignores; grow the window so the last line of a message is never cut off.
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self._set_enabled(not busy)
        self.restore_button.setEnabled(not busy)  # a broken vault can still be restored
        self.login_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.user_box, self.password_edit, self.login_button, self.forgot_button):
            widget.setEnabled(enabled)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._closed = False
        super().showEvent(event)
