"""The window's backups: "Back up now" on Settings, the daily and closing schedule, and
“Restore from a backup…” on the sign-in window (questions answered through `dialogs`)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from conftest import SampleVault
from counselroom.preferences import (
    BACKUP_FOLDER,
    BACKUP_KEEP,
    BackupRecord,
    Preferences,
    last_backup,
    remember_backup,
)
from counselroom.services import auth
from counselroom.services.backups import backup_vault
from counselroom.services.roles import Role
from counselroom.services.users import add_user
from counselroom.ui import dialogs
from counselroom.ui.backup_schedule import BackupSchedule
from counselroom.ui.login import LoginWindow
from counselroom.ui.main_window import MainWindow
from counselroom.ui.restore_dialog import RestoreDialog
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_backups import BackupsGroup
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

translate = QCoreApplication.translate
NEVER = 10**9  # ms: the schedule's own timers stay out of the way; tests call check()


@pytest.fixture
def handle(sample_vault: SampleVault, tmp_path: Path) -> Iterator[SessionHandle]:
    ctx = auth.login(sample_vault.folder, "admin", sample_vault.password)
    prefs = Preferences(tmp_path / "config" / "preferences.json")
    handle = SessionHandle(ctx, preferences=prefs)
    yield handle
    handle.end()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def backups_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.crbackup"))


def test_back_up_now_writes_a_file_and_shows_it(
    qtbot: QtBot, handle: SessionHandle, usb: Path
) -> None:
    group = BackupsGroup(handle)
    qtbot.addWidget(group)
    assert not group.backup_button.isEnabled()  # no folder yet
    assert group.set_backup_folder(str(usb))
    group.keep_spin.setValue(3)
    assert Preferences.load(handle.preferences.path).get(BACKUP_KEEP) == 3
    assert group.backup_button.isEnabled()

    job = group.back_up_now()
    assert job is not None and group.busy_bar.isVisibleTo(group)
    qtbot.waitUntil(lambda: group._job is None, timeout=10_000)

    files = backups_in(usb)
    assert len(files) == 1
    assert files[0] in group.feedback.text() or str(usb / files[0]) in group.feedback.text()
    record = last_backup(handle.preferences, handle.last_context.vault.vault_id)
    assert record is not None and record.file == files[0]
    assert files[0] in group.last_label.text()
    assert group.last_label.objectName() == "note"


def test_a_failed_backup_is_shown_and_remembered(
    qtbot: QtBot, handle: SessionHandle, usb: Path
) -> None:
    group = BackupsGroup(handle)
    qtbot.addWidget(group)
    assert group.set_backup_folder(str(usb))
    usb.rmdir()  # the USB drive was pulled
    group.back_up_now()
    qtbot.waitUntil(lambda: group._job is None, timeout=10_000)
    assert group.feedback.objectName() == "problem"
    assert "USB" in group.feedback.text()
    failure = last_backup(handle.preferences, handle.last_context.vault.vault_id, failed=True)
    assert failure is not None and "USB" in failure.error
    assert group.last_label.objectName() == "problem"


def test_a_viewer_cannot_back_up(
    qtbot: QtBot, sample_vault: SampleVault, tmp_path: Path, usb: Path
) -> None:
    admin = auth.login(sample_vault.folder, "admin", sample_vault.password)
    add_user(admin, "view", "viewer-pass-123", Role.VIEWER, kdf=INSECURE_TEST_PARAMS)
    admin.close()
    ctx = auth.login(sample_vault.folder, "view", "viewer-pass-123")
    handle = SessionHandle(ctx, preferences=Preferences(tmp_path / "p.json"))
    try:
        group = BackupsGroup(handle)
        qtbot.addWidget(group)
        group.set_backup_folder(str(usb))
        assert not group.backup_button.isEnabled()
        assert group.role_note.isVisibleTo(group)
        schedule = BackupSchedule(handle, check_ms=NEVER, first_check_ms=NEVER)
        assert not schedule.wanted() and schedule.check() is None
    finally:
        handle.end()


def test_the_schedule_backs_up_once_a_day(qtbot: QtBot, handle: SessionHandle, usb: Path) -> None:
    now = [datetime(2026, 3, 2, 1, 0)]  # 09:00 in Beijing
    schedule = BackupSchedule(handle, check_ms=NEVER, first_check_ms=NEVER, clock=lambda: now[0])
    assert not schedule.due()  # no folder chosen
    handle.preferences.set(BACKUP_FOLDER, str(usb))
    assert schedule.due()

    with qtbot.waitSignal(schedule.finished, timeout=10_000):
        assert schedule.check() is not None
    assert len(backups_in(usb)) == 1
    # the service stamps the real time; the rule compares local dates
    record = last_backup(handle.preferences, handle.last_context.vault.vault_id)
    assert record is not None
    now[0] = record.at + timedelta(minutes=30)
    assert not schedule.due() and schedule.check() is None
    now[0] = record.at + timedelta(days=1)
    assert schedule.due()

    # as if the last success were two days old, to see the pause after a failure on its own
    earlier = BackupRecord(record.at - timedelta(days=2), record.file, "")
    remember_backup(handle.preferences, handle.last_context.vault.vault_id, earlier)
    shutil.rmtree(usb)
    with qtbot.waitSignal(schedule.failed, timeout=10_000) as failed:
        schedule.check()
    assert "USB" in failed.args[0]
    failure = last_backup(handle.preferences, handle.last_context.vault.vault_id, failed=True)
    assert failure is not None
    now[0] = failure.at + timedelta(minutes=20)
    assert not schedule.due()  # an hour between attempts after a failure
    now[0] = failure.at + timedelta(hours=2)
    assert schedule.due()
    handle.lock()
    assert not schedule.due()  # nothing is backed up while the vault is locked


def test_closing_the_window_backs_up_first(qtbot: QtBot, handle: SessionHandle, usb: Path) -> None:
    handle.preferences.set(BACKUP_FOLDER, str(usb))
    window = MainWindow(handle, pages=[])
    qtbot.addWidget(window)
    window.show()
    assert not window.close()  # kept open while the backup is written
    assert window.backups.closing
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert len(backups_in(usb)) == 1
    assert handle.is_locked  # the session ended after the backup


def test_a_failed_backup_on_closing_asks_before_closing(
    qtbot: QtBot, handle: SessionHandle, usb: Path
) -> None:
    handle.preferences.set(BACKUP_FOLDER, str(usb))
    usb.rmdir()
    window = MainWindow(handle, pages=[])
    qtbot.addWidget(window)
    window.show()
    with dialogs.replaced(dialogs.ScriptedPrompter(answers=[False])) as prompter:
        assert not window.close()
        qtbot.waitUntil(lambda: bool(prompter.asked), timeout=10_000)
    assert window.isVisible() and not window.backups.closing
    assert "USB" in prompter.asked[0][1]
    assert "USB" in window.statusBar().currentMessage()
    with dialogs.replaced(dialogs.ScriptedPrompter(answer=True)):
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)


def test_restore_dialog_restores_and_says_where_the_old_vault_is(
    qtbot: QtBot, sample_vault: SampleVault, tmp_path: Path
) -> None:
    ctx = auth.login(sample_vault.folder, "admin", sample_vault.password)
    file = backup_vault(ctx, tmp_path / "school.crbackup").file
    ctx.close()
    login = LoginWindow(sample_vault.folder)
    qtbot.addWidget(login)
    login.show()
    login.restore_button.click()
    dialog = login.restore_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.restore_button.isEnabled()
    dialog.file_edit.setText(str(file))
    dialog.password_edit.setText("wrong-password")
    with dialogs.replaced(dialogs.ScriptedPrompter(answer=False)):
        assert dialog.submit() is None  # "replace the vault?" answered no: nothing runs
    with dialogs.replaced(dialogs.ScriptedPrompter(answer=True)):
        assert dialog.submit() is not None
        qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.error_label.text() == translate(
        "RestoreDialog",
        "The password opens none of the backup's accounts (or the account is disabled "
        "in the backup). Nothing was replaced.",
    )
    assert not any(".replaced-" in p.name for p in sample_vault.folder.parent.iterdir())

    dialog.password_edit.setText(sample_vault.password)
    prompter = dialogs.ScriptedPrompter(answer=True)
    with dialogs.replaced(prompter), qtbot.waitSignal(dialog.restored, timeout=10_000) as restored:
        dialog.submit()
    result = restored.args[0]
    assert result.replaced_folder is not None and result.replaced_folder.is_dir()
    assert str(result.replaced_folder) in prompter.informed[0][1]
    assert login.user_box.currentText() == "admin"
    qtbot.waitUntil(lambda: login.restore_dialog is None)
    # deleted once finished (ui/login.py); let that happen before the test drops its wrapper
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))


def test_restore_dialog_names_a_damaged_file(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.crbackup"
    bad.write_bytes(b"not a backup")
    dialog = RestoreDialog(tmp_path / "vault")
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(bad))
    dialog.password_edit.setText("whatever-1")
    with dialogs.replaced(dialogs.ScriptedPrompter(answer=True)):
        dialog.submit()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert str(bad) in dialog.error_label.text()
    assert not (tmp_path / "vault").exists()
