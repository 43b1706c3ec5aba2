"""The idle lock, Ctrl+L and switch user: keys dropped while locked, same page after unlock."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counselroom.services import auth, users
from counselroom.services import policy as policy_service
from counselroom.services.roles import Role
from counselroom.ui import dialogs
from counselroom.ui.main_window import MainWindow
from counselroom.ui.pages import PAGES, PageSpec
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_page import SettingsPage
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

if TYPE_CHECKING:
    from conftest import SampleVault

VIEWER_PASSWORD = "viewer-password-1"


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


def admin_only_page(_handle: SessionHandle) -> QWidget:
    return QLabel("audit")


WITH_ADMIN_PAGE = [*PAGES, PageSpec("admin-only", "Administration", admin_only_page, True)]


def open_main(
    qtbot: QtBot,
    vault: SampleVault,
    *,
    minute_ms: int = 60_000,
    wait: bool = True,
    **kwargs: object,
) -> MainWindow:
    ctx = auth.login(vault.folder, vault.username, vault.password)
    main = MainWindow(SessionHandle(ctx), idle_minute_ms=minute_ms, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(main)
    main.show()
    if wait:
        main.show_page("students")  # the window opens on 工作台
        qtbot.waitUntil(lambda: main.students.model.rowCount() == 5, timeout=10_000)
    return main


def assert_locked(main: MainWindow, vault: SampleVault) -> None:
    assert main.is_locked and main.handle.ctx is None
    assert not main.ctx.vault.is_open  # the key is gone with the context
    assert main.central.currentWidget() is main.lock_screen
    assert not main.shell.isVisible() and main.lock_screen.isVisible()
    assert main.students.model.rowCount() == 0  # nothing of a student is left in the view
    assert main.counts_label.text() == ""
    # the vault's lock file is free: the command line (or this test) can open it
    auth.login(vault.folder, vault.username, vault.password).close()


def unlock(qtbot: QtBot, main: MainWindow, password: str) -> None:
    main.lock_screen.password_edit.setText(password)
    with qtbot.waitSignal(main.handle.unlocked, timeout=10_000):
        main.lock_screen.unlock_button.click()


def test_idle_time_from_the_policy_locks_the_window(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    ctx = auth.login(sample_vault.folder, "admin", sample_vault.password)
    policy_service.set_idle_lock(ctx, 2)
    ctx.close()
    # A full garbage collection of a long test session's heap can stall the event loop for
    # longer than a key press's gap; frozen objects are not scanned again.
    gc.collect()
    gc.freeze()
    try:
        main = open_main(qtbot, sample_vault, minute_ms=200)  # 2 "minutes" = 400 ms
        qtbot.waitUntil(lambda: main.idle.interval_ms == 400, timeout=5000)
        qtbot.keyClick(main.students.search_box, Qt.Key.Key_Shift)  # the clock starts here
        started = time.monotonic()
        # activity keeps it open: a key every 100 ms for a second, well past the 400 ms
        for _ in range(10):
            qtbot.wait(100)
            qtbot.keyClick(main.students.search_box, Qt.Key.Key_Shift)
        assert not main.is_locked
    finally:
        gc.unfreeze()
    qtbot.waitUntil(lambda: main.is_locked, timeout=5000)
    assert time.monotonic() - started >= 0.75
    assert_locked(main, sample_vault)
    assert "admin" in main.lock_screen.user_label.text()
    assert not main.lock_screen.user_box.isVisible()  # the same user, no list
    assert not main.idle.active


def test_ctrl_l_locks_and_unlocking_returns_to_the_same_page(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    main = open_main(qtbot, sample_vault)
    assert main.lock_action.shortcut().toString() == "Ctrl+L"
    assert main.lock_action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    main.show_page("settings")
    settings = main.page("settings")
    assert isinstance(settings, SettingsPage)
    old_ctx = main.ctx
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=2000)
    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main.is_locked, timeout=2000)
    assert not old_ctx.vault.is_open
    assert_locked(main, sample_vault)
    assert not main.lock_action.isEnabled() and not main.reload_action.isEnabled()

    unlock(qtbot, main, sample_vault.password)
    assert not main.is_locked and main.handle.ctx is not None and main.handle.ctx is not old_ctx
    assert main.central.currentWidget() is main.shell
    assert main.current_key() == "settings"
    assert main.page("settings") is settings  # kept: it has clear()
    assert main.idle.active and main.lock_action.isEnabled()
    main.show_page("students")
    qtbot.waitUntil(lambda: main.students.model.rowCount() == 5, timeout=10_000)  # reloaded


def test_wrong_password_keeps_it_locked(qtbot: QtBot, sample_vault: SampleVault) -> None:
    main = open_main(qtbot, sample_vault)
    main.lock()
    main.lock_screen.password_edit.setText("not the password")
    with qtbot.assertNotEmitted(main.handle.unlocked, wait=50):
        main.lock_screen.submit()
        qtbot.waitUntil(lambda: not main.lock_screen.busy, timeout=10_000)
    assert main.lock_screen.error_label.isVisible()
    assert_locked(main, sample_vault)
    main.lock_screen.password_edit.clear()
    main.lock_screen.submit()  # an empty password is not sent
    assert not main.lock_screen.busy and main.lock_screen.error_label.isVisible()


def test_pages_without_clear_are_rebuilt(qtbot: QtBot, sample_vault: SampleVault) -> None:
    built: list[QWidget] = []

    def plain(_handle: SessionHandle) -> QWidget:
        built.append(QLabel("plain"))
        return built[-1]

    pages = [PageSpec("plain", "Plain", plain), *PAGES]
    main = open_main(qtbot, sample_vault, pages=pages, wait=False)
    assert main.current_key() == "plain" and len(built) == 1
    main.show_page("students")
    main.show_page("plain")
    assert len(built) == 1
    main.lock()
    assert main.page("plain") is None  # destroyed at lock
    unlock(qtbot, main, sample_vault.password)
    assert main.current_key() == "plain" and len(built) == 2
    assert main.page("plain") is built[1]


def test_switch_user_to_a_viewer(qtbot: QtBot, sample_vault: SampleVault) -> None:
    ctx = auth.login(sample_vault.folder, "admin", sample_vault.password)
    users.add_user(ctx, "teacher", VIEWER_PASSWORD, Role.VIEWER, kdf=INSECURE_TEST_PARAMS)
    ctx.close()
    main = open_main(qtbot, sample_vault, pages=WITH_ADMIN_PAGE)
    assert main.nav.keys() == [spec.key for spec in WITH_ADMIN_PAGE]
    main.show_page("admin-only")
    main.switch_user()
    assert_locked(main, sample_vault)
    screen = main.lock_screen
    assert screen.switching and screen.user_box.isVisible()
    assert [screen.user_box.itemText(i) for i in range(screen.user_box.count())] == [
        "admin",
        "teacher",
    ]
    screen.user_box.setCurrentText("teacher")
    unlock(qtbot, main, VIEWER_PASSWORD)
    assert main.handle.actor.username == "teacher" and main.ctx.actor.role is Role.VIEWER
    viewer_keys = [spec.key for spec in PAGES if spec.visible_to(Role.VIEWER)]
    assert "transfers" not in viewer_keys and "audit" not in viewer_keys
    assert main.nav.keys() == viewer_keys  # the administrator's pages are gone
    assert main.page("admin-only") is None
    # the page shown was not one a viewer may see: back to the first page, 工作台
    assert main.current_key() == viewer_keys[0] == "dashboard"
    main.show_page("students")
    assert "teacher" in main.header.user_label.text()
    assert "teacher" in main.user_status.text()
    qtbot.waitUntil(lambda: main.students.model.rowCount() == 5, timeout=10_000)  # may list
    main.show_page("settings")
    settings = main.page("settings")
    assert isinstance(settings, SettingsPage)
    assert settings.idle_spin.isReadOnly() and not settings.idle_save.isVisible()

    # and back to the administrator: the page comes back
    main.switch_user()
    main.lock_screen.user_box.setCurrentText("admin")
    unlock(qtbot, main, sample_vault.password)
    assert main.nav.keys() == [spec.key for spec in WITH_ADMIN_PAGE]
    assert main.current_key() == "settings"


def test_lock_waits_for_a_read_and_drops_its_result(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    main = open_main(qtbot, sample_vault)
    started, results = threading.Event(), []

    def slow_read(ctx: object) -> str:
        started.set()
        time.sleep(0.2)
        return "late"

    main.handle.run(slow_read, owner=main, on_success=results.append, on_failure=results.append)
    assert started.wait(5)
    main.lock()  # waits for the read before the database closes
    qtbot.wait(100)
    assert results == []  # delivered after the lock: dropped
    assert (
        main.handle.run(slow_read, owner=main, on_success=results.append, on_failure=results.append)
        is None
    )


def test_closing_while_locked_and_lock_twice(qtbot: QtBot, sample_vault: SampleVault) -> None:
    main = open_main(qtbot, sample_vault)
    main.lock()
    main.lock()  # nothing more to do
    main.switch_user()  # already locked: shows the list
    assert main.lock_screen.switching
    main.close()
    assert main.handle.ctx is None
    auth.login(sample_vault.folder, "admin", sample_vault.password).close()
