"""The idle lock: notice when nobody has touched the program, and the screen that unlocks it.

`IdleWatcher` filters every event of the application (so typing in a student-file window
counts too) and notes the time of the last key, click, wheel or touch; a single timer checks it
when the idle time could have run out. Noting a time is cheaper than restarting a timer on
each of the hundreds of mouse-move events a second.

`LockScreen` replaces the window's content while locked: it shows who was signed in and asks
for the password (`auth.login` in the worker), or, for "switch user", any account.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
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
from counselroom.services.context import Actor, Context
from counselroom.ui.i18n import fill
from counselroom.ui.labels import role_label
from counselroom.ui.login import LoginFn
from counselroom.ui.login_errors import describe_folder_error, describe_login_error
from counselroom.ui.named import named
from counselroom.ui.worker import BackgroundJob, run_in_background

MINUTE_MS = 60_000

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` once after `interval_ms` without input; `start()` arms it again."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._interval_ms = interval_ms
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._installed = False

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    def set_interval(self, interval_ms: int) -> None:
        self._interval_ms = interval_ms
        if self.active:
            self._schedule()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._last = time.monotonic()
        self._schedule()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = time.monotonic()
        return False  # never swallow an event

    def _schedule(self) -> None:
        elapsed_ms = int((time.monotonic() - self._last) * 1000)
        self._timer.start(max(self._interval_ms - elapsed_ms, 0))

    def _check(self) -> None:
        if (time.monotonic() - self._last) * 1000 >= self._interval_ms:
            self.stop()
            self.idle.emit()
        else:
            self._schedule()


_STYLE = """
QFrame#lockCard { background: palette(base); border: 1px solid palette(mid);
                  border-radius: 10px; }
QLabel#lockTitle { font-size: 18pt; font-weight: 600; }
QLabel#lockUser { font-size: 12pt; }
QLabel#lockError { background: #FFEBEE; border: 1px solid #C62828; border-radius: 6px;
                   padding: 8px; color: #B71C1C; }
QProgressBar#busy { max-height: 6px; }
QPushButton#unlock { background: #1565C0; color: white; border: none; border-radius: 4px;
                     padding: 7px 18px; font-weight: 600; }
QPushButton#unlock:disabled { background: #90A4AE; }
QPushButton#switchUser { border: none; color: #1565C0; text-decoration: underline; }
"""


class LockScreen(QWidget):
    """Shown instead of the pages while locked; emits `unlocked(Context)`."""

    unlocked = Signal(object)  # Context

    def __init__(
        self, vault_folder: Path, *, login: LoginFn = auth.login, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault_folder = Path(vault_folder)
        self._login = login
        self._job: BackgroundJob[Context] | None = None
        self._actor: Actor | None = None
        self.switching = False
        self.setObjectName("lockScreen")
        self.setStyleSheet(_STYLE)
        self._build()

    def _build(self) -> None:
        self.title = named(QLabel(self.tr("CounselRoom is locked")), "lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user_label = named(QLabel(), "lockUser")
        self.user_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user_label.setWordWrap(True)
        self.user_box = QComboBox()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.submit)
        form = QFormLayout()
        self.user_row_label = QLabel(self.tr("&User:"))
        self.user_row_label.setBuddy(self.user_box)
        form.addRow(self.user_row_label, self.user_box)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.error_label = named(QLabel(), "lockError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.busy_bar = named(QProgressBar(), "busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.unlock_button = named(QPushButton(self.tr("&Unlock")), "unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button = named(QPushButton(self.tr("&Switch user…")), "switchUser")
        self.switch_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.switch_button.clicked.connect(lambda: self.show_for(self._actor, switching=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        card = named(QFrame(), "lockCard")
        card.setFixedWidth(420)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.user_label)
        inner.addLayout(form)
        inner.addWidget(self.error_label)
        inner.addWidget(self.busy_bar)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    # -- showing -----------------------------------------------------------------------------

    def show_for(self, actor: Actor | None, *, switching: bool = False) -> None:
        """Ask `actor` for the password, or (switching) let anyone sign in."""
        self._actor = actor
        self.switching = switching or actor is None
        self.error_label.hide()
        self.password_edit.clear()
        self.user_box.clear()
        if self.switching:
            self.user_label.setText(self.tr("Choose the account to sign in with."))
            try:
                names = auth.usernames(self.vault_folder)
            except Exception as exc:  # shown; nothing can be unlocked
                self._show_error(describe_folder_error(exc, str(self.vault_folder)))
                names = []
            self.user_box.addItems(names)
            if actor is not None and actor.username in names:
                self.user_box.setCurrentText(actor.username)
        elif actor is not None:
            self.user_box.addItem(actor.username)
            self.user_label.setText(
                fill(
                    self.tr("Signed in: %1 (%2, %3). Type the password to go on."),
                    actor.display_name or actor.username,
                    actor.username,
                    role_label(actor.role),
                )
            )
        self.user_box.setVisible(self.switching)
        self.user_row_label.setVisible(self.switching)
        self.switch_button.setVisible(not self.switching)
        self.password_edit.setFocus()

    @property
    def username(self) -> str:
        return self.user_box.currentText()

    # -- unlocking ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None

    def submit(self) -> None:
        if self.busy:
            return
        username, password = self.username, self.password_edit.text()
        if not username:
            return
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
        self.unlocked.emit(ctx)

    def _failed(self, exc: BaseException, username: str) -> None:
        self._job = None
        self._set_busy(False)
        self._show_error(describe_login_error(exc, username))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (self.user_box, self.password_edit, self.unlock_button, self.switch_button):
            widget.setEnabled(not busy)
