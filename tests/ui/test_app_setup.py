"""The application object and `run_gui`, as `counselroom gui` starts them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from counselroom import app as app_module
from counselroom.app import CounselRoomApp, run_gui
from counselroom.ui.fonts import CJK_FAMILIES, available_cjk_families
from counselroom.ui.login import LoginWindow


def test_application_identity_and_language(qapp: QApplication) -> None:
    assert isinstance(qapp, CounselRoomApp)
    # applicationName is renamed by pytest-qt after construction; these two are ours
    assert qapp.applicationDisplayName() == "CounselRoom"
    assert qapp.organizationName() == "CounselRoom"
    assert qapp.language == "zh_CN"
    assert len(qapp.translators) == 2  # qtbase and ours


def test_default_font_prefers_installed_cjk_families(qapp: QApplication) -> None:
    families = qapp.font().families()
    installed = available_cjk_families()
    assert families[: len(installed)] == installed
    assert all(f in CJK_FAMILIES for f in installed)


def _close_all_later(seen: list[QWidget]) -> None:
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                seen.append(widget)
                widget.close()

    QTimer.singleShot(200, close)


def test_run_gui_shows_the_login_and_returns_the_exit_code(
    qapp: QApplication, vault_folder: Path
) -> None:
    seen: list[QWidget] = []
    _close_all_later(seen)
    assert run_gui(vault_folder, demo_credentials=("admin", "demo-password")) == 0
    logins = [w for w in seen if isinstance(w, LoginWindow)]
    assert len(logins) == 1 and not logins[0].demo_note.isHidden()
    assert logins[0].vault_folder == vault_folder


def test_run_demo_gui_builds_a_throwaway_vault(qapp: QApplication) -> None:
    demo = pytest.importorskip("counselroom.services.demo")
    if not hasattr(demo, "create_demo_vault"):
        pytest.skip("the demo generator is not there yet")
    seen: list[QWidget] = []
    _close_all_later(seen)
    assert app_module.run_demo_gui(students=20) == 0
    login = next(w for w in seen if isinstance(w, LoginWindow))
    assert demo.DEMO_PASSWORD in login.demo_note.text()
    assert not login.vault_folder.exists()  # deleted on exit
