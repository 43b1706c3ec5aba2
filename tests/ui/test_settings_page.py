"""Settings: PC preferences saved at once, the idle lock saved as audited school policy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.preferences import BACKUP_FOLDER, LANGUAGE, TEXT_SCALE, Preferences
from counselroom.services import auth, users
from counselroom.services import policy as policy_service
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.models import AuditEntry, PolicySetting
from counselroom.ui import dialogs
from counselroom.ui.main_window import MainWindow
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_page import SettingsPage, apply_text_scale
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

if TYPE_CHECKING:
    from conftest import SampleVault

COUNSELLOR_PASSWORD = "counsellor-pass-1"


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


@pytest.fixture
def restore_font(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    yield
    apply_text_scale(qapp, 100)
    qapp.setFont(font)


def open_settings(qtbot: QtBot, vault: SampleVault, user: str, password: str) -> MainWindow:
    ctx = auth.login(vault.folder, user, password)
    main = MainWindow(SessionHandle(ctx))
    qtbot.addWidget(main)
    main.show()
    main.show_page("settings")
    return main


def page_of(main: MainWindow) -> SettingsPage:
    page = main.page("settings")
    assert isinstance(page, SettingsPage)
    return page


def add_counsellor(vault: SampleVault) -> None:
    ctx = auth.login(vault.folder, "admin", vault.password)
    users.add_user(ctx, "zhang", COUNSELLOR_PASSWORD, Role.COUNSELLOR, kdf=INSECURE_TEST_PARAMS)
    ctx.close()


def test_admin_changes_the_idle_lock(qtbot: QtBot, sample_vault: SampleVault) -> None:
    main = open_settings(qtbot, sample_vault, "admin", sample_vault.password)
    page = page_of(main)
    assert not page.idle_spin.isReadOnly() and page.idle_save.isVisible()
    assert not page.role_note.isVisible()
    qtbot.waitUntil(lambda: page.idle_spin.value() == 5, timeout=5000)
    page.idle_spin.setValue(12)
    with qtbot.waitSignal(main.handle.idle_lock_changed, timeout=10_000) as blocker:
        page.idle_save.click()
    assert blocker.args == [12]
    assert main.idle.interval_ms == 12 * 60_000  # the window follows at once
    assert page.policy_feedback.objectName() == "saved" and "12" in page.policy_feedback.text()
    ctx = main.handle.ctx
    assert ctx is not None
    assert policy_service.current_policy(ctx).idle_lock == timedelta(minutes=12)
    with ctx.vault.read() as session:
        versions = list(session.scalars(select(PolicySetting.version)))
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "policy.update")
        ).one()
    assert versions == [1, 2]
    assert (entry.username, entry.target, entry.detail) == (
        "admin",
        "policy:2",
        "idle_lock_minutes",
    )


def test_a_counsellor_sees_it_read_only_and_the_service_refuses(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    add_counsellor(sample_vault)
    main = open_settings(qtbot, sample_vault, "zhang", COUNSELLOR_PASSWORD)
    page = page_of(main)
    assert page.idle_spin.isReadOnly() and not page.idle_save.isVisible()
    assert page.role_note.isVisible()
    qtbot.waitUntil(lambda: page.idle_spin.value() == 5, timeout=5000)
    ctx = main.handle.ctx
    assert ctx is not None and ctx.actor.role is Role.COUNSELLOR
    with pytest.raises(PermissionDenied):
        policy_service.set_idle_lock(ctx, 30)
    # forced through the page, the service's refusal is shown
    page.save_idle_lock()
    qtbot.waitUntil(lambda: page.policy_feedback.objectName() == "problem", timeout=10_000)
    assert page.policy_feedback.text()
    assert policy_service.current_policy(ctx).idle_lock == timedelta(minutes=5)


def test_language_is_saved_for_the_next_start(qtbot: QtBot, sample_vault: SampleVault) -> None:
    main = open_settings(qtbot, sample_vault, "admin", sample_vault.password)
    page = page_of(main)
    assert page.language_box.currentData() == "zh_CN"
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    assert Preferences.load().get(LANGUAGE) == "en"
    assert page.pc_feedback.objectName() == "saved"
    assert QApplication.translate("LoginWindow", "Sign in") == "登录"  # not applied now


def test_text_size_applies_at_once(
    qtbot: QtBot, sample_vault: SampleVault, qapp: QApplication, restore_font: None
) -> None:
    main = open_settings(qtbot, sample_vault, "admin", sample_vault.password)
    page = page_of(main)
    before = qapp.font().pointSizeF()
    page.scale_box.setCurrentIndex(page.scale_box.findData(150))
    assert qapp.font().pointSizeF() == pytest.approx(before * 1.5, abs=0.1)
    qtbot.waitUntil(lambda: abs(page.font().pointSizeF() - before * 1.5) < 0.1, timeout=2000)
    assert Preferences.load().get(TEXT_SCALE) == 150
    page.scale_box.setCurrentIndex(page.scale_box.findData(100))
    assert qapp.font().pointSizeF() == pytest.approx(before, abs=0.1)


def test_backup_folder_is_checked(qtbot: QtBot, sample_vault: SampleVault, tmp_path: Path) -> None:
    main = open_settings(qtbot, sample_vault, "admin", sample_vault.password)
    page = page_of(main)
    assert not page.set_backup_folder(str(tmp_path / "no-such-drive"))
    assert page.backups_group.feedback.objectName() == "problem"
    assert not page.set_backup_folder(str(sample_vault.folder))
    (sample_vault.folder / "inside").mkdir()
    assert not page.set_backup_folder(str(sample_vault.folder / "inside"))
    assert Preferences.load().get(BACKUP_FOLDER) == ""
    usb = tmp_path / "usb"
    usb.mkdir()
    assert page.set_backup_folder(str(usb))
    assert page.backup_edit.text() == str(usb.resolve())
    assert Preferences.load().get(BACKUP_FOLDER) == str(usb.resolve())
    page.clear_backup_button.click()
    assert Preferences.load().get(BACKUP_FOLDER) == "" and page.backup_edit.text() == ""
    dialog = page.choose_backup_folder()  # opened with open(), never exec()
    assert dialog.isVisible()
    dialog.reject()


def test_a_preferences_file_that_cannot_be_written_is_reported(
    qtbot: QtBot, sample_vault: SampleVault, tmp_path: Path
) -> None:
    main = open_settings(qtbot, sample_vault, "admin", sample_vault.password)
    page = page_of(main)
    blocked = tmp_path / "blocked.json"
    blocked.mkdir()  # a folder where the file should be
    page.prefs.path = blocked
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    assert page.pc_feedback.objectName() == "problem"
    assert str(blocked) in page.pc_feedback.text()
