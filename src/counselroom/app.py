"""The Qt application: language, font, names, and which window shows when.

First start (no vault in the folder) → the wizard; otherwise the login; then the main window,
and the login again after signing out. `counselroom.cli` imports this module only for the `gui`
command, so the command-line tools never load Qt.

Start-up imports only what the login window needs: Qt, the translations, `services.auth` (whose
`usernames` reads `vault.keys` without SQLAlchemy) and the login widgets. The vault, SQLAlchemy,
Alembic, pypinyin's dictionaries, the main window and its pages are imported by the worker
thread once the password has been accepted (`_login_and_load_windows`), and the wizard only on a
first start — about a second of imports the login window no longer waits for (BENCHMARKS.md).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from counselroom import __version__
from counselroom.paths import APP_NAME
from counselroom.preferences import LANGUAGE, LAST_USER, LAST_VAULT, TEXT_SCALE, Preferences
from counselroom.services import auth
from counselroom.ui.fonts import apply_default_font, apply_text_scale
from counselroom.ui.gc_guard import MainThreadCollector
from counselroom.ui.i18n import ENGLISH, LANGUAGE_ENV, install_translators, resolve_language
from counselroom.ui.login import LoginFn, LoginWindow
from counselroom.vault.lockfile import LOCK_NAME

if TYPE_CHECKING:
    from counselroom.services.context import Context
    from counselroom.ui.file_windows import FileWindows
    from counselroom.ui.main_window import MainWindow
    from counselroom.ui.recovery_dialog import RecoverFn
    from counselroom.ui.wizard import FirstRunWizard
    from counselroom.vault.kdf import KdfParams

log = logging.getLogger(__name__)

# What the main window needs, imported in the worker thread after a successful sign-in (module
# imports only: no widget is made off the GUI thread).
MAIN_WINDOW_MODULES = ("counselroom.ui.main_window", "counselroom.ui.file_windows")

ORGANISATION = "CounselRoom"
DEMO_STUDENTS = 1000  # size S of DESIGN.md: a realistic secondary school


class CounselRoomApp(QApplication):
    """One per process. `language`: "zh_CN" (default) or "en"; None reads $COUNSELROOM_LANG."""

    def __init__(self, argv: Sequence[str] | None = None, *, language: str | None = None) -> None:
        super().__init__(list(argv) if argv is not None else sys.argv[:1])
        self.collector = MainThreadCollector(self)  # see ui/gc_guard.py
        self.setApplicationName(APP_NAME)
        self.setApplicationDisplayName(APP_NAME)
        self.setOrganizationName(ORGANISATION)
        self.setApplicationVersion(__version__)
        self.language = resolve_language(language)
        self.translators: list[QTranslator] = install_translators(self, self.language)
        apply_default_font(self, cjk_first=self.language != ENGLISH)


def _application(language: str | None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing  # tests and embedders may have made one already
    return CounselRoomApp(language=language)


def is_first_run(folder: Path) -> bool:
    """No vault yet: the folder is missing, or empty (a lock file left by nothing aside).

    A folder holding only one of `vault.keys` and `vault.db` is a damaged vault, and a folder
    with other files is not ours: both go to the login window, which says what is wrong,
    rather than to a wizard that would create a vault over or beside them.
    """
    folder = Path(folder)
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    return all(entry.name == LOCK_NAME for entry in folder.iterdir())


class AppFlow(QObject):
    """Which window is on screen: wizard or login, then the main window, then the login again.

    Windows are closed and dropped, not deleted explicitly, so a test holding one keeps it valid.
    """

    main_window_shown = Signal(object)  # MainWindow

    def __init__(
        self,
        vault_folder: Path,
        *,
        preferences: Preferences | None = None,
        demo_credentials: tuple[str, str] | None = None,
        login: LoginFn = auth.login,
        recover: RecoverFn = auth.recover,
        calibrate: Callable[[], KdfParams] | None = None,
        remember: bool = True,
        parent: QObject | None = None,
    ) -> None:
        """`remember`: keep the folder and user name in the preferences (not for the demo);
        `calibrate`: the wizard's Argon2id calibration (default `vault.kdf.calibrate`)."""
        super().__init__(parent)
        self.vault_folder = Path(vault_folder)
        self.preferences = preferences if preferences is not None else Preferences.load()
        self.demo_credentials = demo_credentials
        self._login = login
        self._recover = recover
        self._calibrate = calibrate
        self._remember = remember
        self.wizard: FirstRunWizard | None = None
        self.login_window: LoginWindow | None = None
        self.main_window: MainWindow | None = None
        self.file_windows: FileWindows | None = None

    def start(self) -> FirstRunWizard | LoginWindow:
        if is_first_run(self.vault_folder):
            from counselroom.ui.wizard import FirstRunWizard  # only on a first start
            from counselroom.vault.kdf import calibrate

            wizard = FirstRunWizard(self.vault_folder, calibrate=self._calibrate or calibrate)
            wizard.created.connect(self._signed_in)
            self.wizard = wizard
            wizard.show()
            return wizard
        return self.show_login()

    def show_login(self) -> LoginWindow:
        last = self.preferences.get(LAST_USER) if self._remember else None
        window = LoginWindow(
            self.vault_folder,
            demo_credentials=self.demo_credentials,
            last_user=last or None,
            login=self._login_and_load_windows,
            recover=self._recover,
        )
        window.logged_in.connect(self._signed_in)
        self.login_window = window
        window.show()
        return window

    def _login_and_load_windows(self, folder: Path, username: str, password: str) -> Context:
        """The login, then the main window's modules: both in the login's worker thread, so
        the window stays responsive while SQLAlchemy, the pages and the rest are imported."""
        ctx = self._login(folder, username, password)
        try:
            for module in MAIN_WINDOW_MODULES:
                importlib.import_module(module)
        except BaseException:
            ctx.close()
            raise
        return ctx

    def _signed_in(self, ctx: Context) -> None:
        from counselroom.ui.file_windows import FileWindows  # loaded by now (see above)
        from counselroom.ui.main_window import MainWindow
        from counselroom.ui.session import SessionHandle

        handle = SessionHandle(ctx, preferences=self.preferences)
        handle.unlocked.connect(self._remember_user)  # a switch of user counts as well
        self._remember_user(ctx)
        main = MainWindow(handle, login=self._login)
        main.closed.connect(self._main_closed)
        self.file_windows = FileWindows(handle, main)
        main.closed.connect(self.file_windows.close_all)
        self.main_window = main
        main.show()  # before the login closes, or the application would quit
        for window in (self.login_window, self.wizard):
            if window is not None and window.isVisible():
                window.close()
        self.login_window = self.wizard = None
        self.main_window_shown.emit(main)

    def _remember_user(self, ctx: Context) -> None:
        if not self._remember:
            return
        self.preferences.set(LAST_USER, ctx.actor.username)
        self.preferences.set(LAST_VAULT, str(self.vault_folder.resolve()))
        try:
            self.preferences.save()
        except OSError as exc:  # a preference is not worth stopping anyone
            log.warning("cannot save the preferences: %s", exc)

    def _main_closed(self, signed_out: bool) -> None:
        self.main_window = None
        if signed_out:
            self.show_login()


def run_gui(
    vault_folder: Path,
    *,
    demo_credentials: tuple[str, str] | None = None,
    language: str | None = None,
) -> int:
    """The wizard (no vault yet) or the login for `vault_folder`; return the exit code.

    The language is the explicit one, else $COUNSELROOM_LANG, else the preference.
    """
    from counselroom.ui.binding_check import binding_problem

    problem = binding_problem()
    if problem:  # said loudly, not refused: a developer may still want to look at a window
        log.error("%s", problem)
        print(f"counselroom: warning: {problem}", file=sys.stderr)
    preferences = Preferences.load()
    for text in preferences.problems:
        print(f"counselroom: warning: preferences: {text}", file=sys.stderr)
    app = _application(language or os.environ.get(LANGUAGE_ENV) or preferences.get(LANGUAGE))
    apply_text_scale(app, preferences.get(TEXT_SCALE))
    flow = AppFlow(
        Path(vault_folder),
        preferences=preferences,
        demo_credentials=demo_credentials,
        remember=demo_credentials is None,
    )
    flow.start()
    return app.exec()


def run_demo_gui(
    students: int = DEMO_STUDENTS, *, seed: int = 1, language: str | None = None
) -> int:
    """The window on a throwaway demo vault in a temporary folder, deleted on exit.

    Cheap Argon2 parameters are acceptable here: the data is synthetic and the folder is gone
    when the window closes.
    """
    import tempfile

    from counselroom.services.demo import DEMO_PASSWORD, create_demo_vault
    from counselroom.vault.kdf import INSECURE_TEST_PARAMS

    with tempfile.TemporaryDirectory(prefix="counselroom-demo-") as tmp:
        folder = Path(tmp) / "vault"
        ctx, _code, _summary = create_demo_vault(
            folder, students, seed=seed, kdf=INSECURE_TEST_PARAMS
        )
        username = ctx.actor.username
        ctx.close()
        return run_gui(folder, demo_credentials=(username, DEMO_PASSWORD), language=language)
