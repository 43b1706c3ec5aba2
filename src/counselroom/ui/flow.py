"""Which window is on screen: the login, then the main window, and the login again on sign-out.

Windows are closed and dropped, not deleted explicitly, so a test holding one keeps it valid.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from counselroom.services import auth
from counselroom.services.context import Context
from counselroom.ui.login import LoginFn, LoginWindow
from counselroom.ui.main_window import MainWindow


class SessionFlow(QObject):
    main_window_shown = Signal(object)  # MainWindow

    def __init__(
        self,
        vault_folder: Path,
        *,
        demo_credentials: tuple[str, str] | None = None,
        login: LoginFn = auth.login,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_folder = Path(vault_folder)
        self.demo_credentials = demo_credentials
        self._login = login
        self.login_window: LoginWindow | None = None
        self.main_window: MainWindow | None = None

    def start(self) -> LoginWindow:
        window = LoginWindow(
            self.vault_folder, demo_credentials=self.demo_credentials, login=self._login
        )
        window.logged_in.connect(self._logged_in)
        self.login_window = window
        window.show()
        return window

    def _logged_in(self, ctx: Context) -> None:
        main = MainWindow(ctx)
        main.closed.connect(self._main_closed)
        self.main_window = main
        main.show()  # before the login closes, or the application would quit
        main.load()
        if self.login_window is not None:
            self.login_window.close()
            self.login_window = None
        self.main_window_shown.emit(main)

    def _main_closed(self, signed_out: bool) -> None:
        self.main_window = None
        if signed_out:
            self.start()
