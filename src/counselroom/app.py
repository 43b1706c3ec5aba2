"""The Qt application: language, font, names, and the windows from login onwards.

`counselroom.cli` imports this module only for the `gui` command, so the command-line tools
never load Qt.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from counselroom import __version__
from counselroom.paths import APP_NAME
from counselroom.ui.binding_check import binding_problem
from counselroom.ui.flow import SessionFlow
from counselroom.ui.fonts import apply_default_font
from counselroom.ui.i18n import ENGLISH, install_translators, resolve_language

log = logging.getLogger(__name__)

ORGANISATION = "CounselRoom"
DEMO_STUDENTS = 1000  # size S of DESIGN.md: a realistic secondary school


class CounselRoomApp(QApplication):
    """One per process. `language`: "zh_CN" (default) or "en"; None reads $COUNSELROOM_LANG."""

    def __init__(self, argv: Sequence[str] | None = None, *, language: str | None = None) -> None:
        super().__init__(list(argv) if argv is not None else sys.argv[:1])
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


def run_gui(
    vault_folder: Path,
    *,
    demo_credentials: tuple[str, str] | None = None,
    language: str | None = None,
) -> int:
    """Show the login window for `vault_folder`, then the main window; return the exit code."""
    problem = binding_problem()
    if problem:  # said loudly, not refused: a developer may still want to look at a window
        log.error("%s", problem)
        print(f"counselroom: warning: {problem}", file=sys.stderr)
    app = _application(language)
    flow = SessionFlow(Path(vault_folder), demo_credentials=demo_credentials)
    flow.start()
    return app.exec()


def run_demo_gui(
    students: int = DEMO_STUDENTS, *, seed: int = 1, language: str | None = None
) -> int:
    """The window on a throwaway demo vault in a temporary folder, deleted on exit.

    Cheap Argon2 parameters are acceptable here: the data is synthetic and the folder is gone
    when the window closes.
    """
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
