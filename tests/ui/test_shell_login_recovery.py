"""“Forgot password” on the login window: recovery code → new password → new recovery code."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counselroom.services import auth
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.ui import dialogs
from counselroom.ui.login import LoginWindow
from counselroom.ui.recovery_dialog import RecoveryDialog
from counselroom.vault.errors import AuthenticationError
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from counselroom.vault.recovery import new_recovery_code

OLD = "correct-horse-1"
NEW = "a brand new passphrase"
cheap_recover = functools.partial(auth.recover, kdf=INSECURE_TEST_PARAMS)


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


@pytest.fixture
def vault(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "vault"
    ctx, code = init_vault(
        folder, SchoolDetails("测试中学"), "admin", OLD, kdf=INSECURE_TEST_PARAMS
    )
    ctx.close()
    return folder, code


def open_dialog(qtbot: QtBot, folder: Path) -> tuple[LoginWindow, RecoveryDialog]:
    window = LoginWindow(folder, recover=cheap_recover)
    qtbot.addWidget(window)
    window.show()
    assert window.forgot_button.isVisible() and window.forgot_button.isEnabled()
    window.forgot_button.click()
    dialog = window.recovery_dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.user_box.currentText() == "admin"
    return window, dialog


def shown_code(dialog: RecoveryDialog) -> str:
    return dialog.check.shown_code()


def test_recovery_from_the_login_window_resets_the_password(
    qtbot: QtBot, vault: tuple[Path, str], prompter: dialogs.ScriptedPrompter
) -> None:
    folder, code = vault
    window, dialog = open_dialog(qtbot, folder)
    assert not dialog.reset_button.isEnabled()
    dialog.code_input.fields[0].setFocus()
    for digit in code.replace("-", ""):  # typed straight through: each full box moves on
        focused = dialog.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, digit)
    assert dialog.code_input.code() == code and dialog.code_input.is_complete()
    dialog.password_edit.setText(NEW)
    assert not dialog.reset_button.isEnabled()  # not repeated yet
    dialog.repeat_edit.setText(NEW)
    assert dialog.reset_button.isEnabled()
    dialog.reset_button.click()
    assert dialog.busy and not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.showing_new_code, timeout=20_000)
    new_code = shown_code(dialog)
    assert new_code != code and len(new_code.split("-")) == 8
    assert dialog.password_edit.text() == "" and dialog.code_input.code() == "-" * 7
    assert not dialog.done_button.isEnabled()
    dialog.check.retype.setText(dialog.check.expected)
    with qtbot.waitSignal(dialog.password_reset) as blocker:
        dialog.done_button.click()
    assert blocker.args == ["admin"]
    assert window.user_box.currentText() == "admin" and len(prompter.informed) == 1
    qtbot.waitUntil(lambda: window.recovery_dialog is None)

    auth.login(folder, "admin", NEW).close()
    with pytest.raises(AuthenticationError):
        auth.login(folder, "admin", OLD)
    with pytest.raises(AuthenticationError):
        cheap_recover(folder, code, "admin", "yet another pass 1")  # the old code is gone
    cheap_recover(folder, new_code, "admin", "yet another pass 1")  # the shown one works


def test_a_typo_is_shown_on_its_group(qtbot: QtBot, vault: tuple[Path, str]) -> None:
    folder, code = vault
    _window, dialog = open_dialog(qtbot, folder)
    groups = code.split("-")
    third = groups[2]
    groups[2] = third[:-1] + str((int(third[-1]) + 1) % 10)  # the check digit catches it
    dialog.code_input.set_code("-".join(groups))
    assert dialog.code_input.fields[2].property("typo") is True
    assert dialog.code_input.fields[1].property("typo") is False
    assert "3" in dialog.code_input.problem.text()
    dialog.password_edit.setText(NEW)
    dialog.repeat_edit.setText(NEW)
    assert not dialog.reset_button.isEnabled()
    dialog.code_input.set_code(code)
    assert dialog.reset_button.isEnabled() and not dialog.code_input.problem.text()


def test_a_code_of_another_vault_is_refused(qtbot: QtBot, vault: tuple[Path, str]) -> None:
    folder, _code = vault
    _window, dialog = open_dialog(qtbot, folder)
    dialog.code_input.set_code(new_recovery_code())
    dialog.password_edit.setText(NEW)
    dialog.repeat_edit.setText(NEW)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.error_label.isVisible() and not dialog.showing_new_code
    assert dialog.reset_button.isEnabled()
    auth.login(folder, "admin", OLD).close()  # nothing changed


def test_closing_before_the_new_code_is_confirmed_asks(
    qtbot: QtBot, vault: tuple[Path, str], prompter: dialogs.ScriptedPrompter
) -> None:
    folder, code = vault
    _window, dialog = open_dialog(qtbot, folder)
    dialog.code_input.set_code(code)
    dialog.password_edit.setText(NEW)
    dialog.repeat_edit.setText(NEW)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.showing_new_code, timeout=20_000)
    prompter.answers = [False, True]
    dialog.reject()
    assert dialog.isVisible() and len(prompter.asked) == 1
    with qtbot.waitSignal(dialog.password_reset):
        dialog.reject()
    assert not dialog.isVisible()


def test_cancel_on_the_first_step_changes_nothing(
    qtbot: QtBot, vault: tuple[Path, str], prompter: dialogs.ScriptedPrompter
) -> None:
    folder, _code = vault
    window, dialog = open_dialog(qtbot, folder)
    dialog.cancel_button.click()
    assert not dialog.isVisible() and prompter.asked == []
    assert window.isVisible()
    auth.login(folder, "admin", OLD).close()


def test_no_recovery_when_the_folder_holds_no_vault(qtbot: QtBot, tmp_path: Path) -> None:
    window = LoginWindow(tmp_path / "nothing")
    qtbot.addWidget(window)
    window.show()
    assert not window.forgot_button.isEnabled()


def test_last_user_is_preselected(qtbot: QtBot, vault: tuple[Path, str]) -> None:
    from counselroom.services import users
    from counselroom.services.roles import Role

    folder, _code = vault
    ctx = auth.login(folder, "admin", OLD)
    users.add_user(ctx, "zhang", "zhang-password", Role.COUNSELLOR, kdf=INSECURE_TEST_PARAMS)
    ctx.close()
    window = LoginWindow(folder, last_user="zhang")
    qtbot.addWidget(window)
    assert window.user_box.currentText() == "zhang"
    other = LoginWindow(folder, last_user="gone")
    qtbot.addWidget(other)
    assert other.user_box.currentText() == "admin"
