"""The login window against a real (cheaply keyed) vault."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counselroom.services import auth
from counselroom.services.context import Context
from counselroom.ui.login import LoginWindow
from counselroom.ui.login_errors import describe_login_error
from counselroom.vault.errors import AuthenticationError, VaultFormatError, VaultInUseError


def make_window(qtbot: QtBot, folder: Path, **kwargs: object) -> LoginWindow:
    window = LoginWindow(folder, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    return window


def test_right_password_emits_logged_in(qtbot: QtBot, vault_folder: Path, password: str) -> None:
    window = make_window(qtbot, vault_folder)
    assert window.user_box.currentText() == "admin"
    assert str(vault_folder) in window.windowTitle()
    window.password_edit.setText(password)
    with qtbot.waitSignal(window.logged_in, timeout=10_000) as blocker:
        window.login_button.click()
    ctx = blocker.args[0]
    assert isinstance(ctx, Context)
    try:
        assert ctx.actor.username == "admin" and ctx.vault.is_open
        assert window.password_edit.text() == ""
    finally:
        ctx.close()


def test_wrong_password_shows_the_error_and_keeps_the_user(
    qtbot: QtBot, vault_folder: Path
) -> None:
    window = make_window(qtbot, vault_folder)
    window.password_edit.setText("not-the-password")
    with qtbot.assertNotEmitted(window.logged_in, wait=100):
        window.submit()
        assert window.busy and not window.login_button.isEnabled()
        qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    assert window.error_label.isVisible()
    assert window.error_label.text() == (
        "用户“admin”的密码错误。请检查大写锁定键和输入法，然后重试。"
    )
    assert window.isVisible() and window.user_box.currentText() == "admin"
    assert window.login_button.isEnabled() and window.login_button.text() == "登录"


def test_busy_indicator_while_unlocking(qtbot: QtBot, vault_folder: Path, password: str) -> None:
    release = threading.Event()

    def slow_login(folder: Path, user: str, password: str) -> Context:
        release.wait(5)
        return auth.login(folder, user, password)

    window = make_window(qtbot, vault_folder, login=slow_login)
    window.password_edit.setText(password)
    window.submit()
    assert window.busy_bar.isVisible() and window.login_button.text() == "正在登录…"
    assert not window.password_edit.isEnabled()
    window.submit()  # a second click while busy starts nothing
    with qtbot.waitSignal(window.logged_in, timeout=10_000) as blocker:
        release.set()
    blocker.args[0].close()
    assert not window.busy_bar.isVisible()


def test_empty_password_is_not_sent(qtbot: QtBot, vault_folder: Path) -> None:
    window = make_window(qtbot, vault_folder)
    window.submit()
    assert not window.busy and "请输入" in window.error_label.text()


def test_vault_in_use_is_explained(qtbot: QtBot, vault_folder: Path, password: str) -> None:
    holder = auth.login(vault_folder, "admin", password)
    try:
        window = make_window(qtbot, vault_folder)
        window.password_edit.setText(password)
        window.submit()
        qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
        assert "已在另一个 CounselRoom 窗口或命令中打开" in window.error_label.text()
    finally:
        holder.close()


def test_a_folder_without_a_vault_disables_login(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "nothing-here")
    assert window.error_label.isVisible()
    assert "counselroom init" in window.error_label.text()
    assert not window.login_button.isEnabled()


def test_demo_note_and_user_prefilled(qtbot: QtBot, vault_folder: Path) -> None:
    window = make_window(qtbot, vault_folder, demo_credentials=("admin", "demo-password"))
    assert window.demo_note.isVisible()
    assert window.demo_note.text() == "演示数据库：用户名 admin，密码 demo-password"
    assert window.user_box.currentText() == "admin"


def test_no_demo_note_on_a_real_vault(qtbot: QtBot, vault_folder: Path) -> None:
    assert not make_window(qtbot, vault_folder).demo_note.isVisible()


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (AuthenticationError("unknown user 'bob' in /x"), "本数据库中没有名为“bob”的账户。"),
        (AuthenticationError("user 'bob' is disabled"), "账户“bob”已停用，请联系管理员。"),
        (AuthenticationError("wrong password for user 'bob'"), "用户“bob”的密码错误"),
        (VaultInUseError("/x: in use"), "已在另一个 CounselRoom 窗口或命令中打开"),
        (VaultFormatError("/x/vault.keys: integrity check failed"), "无法打开数据库：文件已损坏"),
        (VaultFormatError("/x/vault.keys: integrity check failed"), "详情：/x/vault.keys"),
        (RuntimeError("secret detail"), "RuntimeError"),
    ],
)
def test_error_messages(qtbot: QtBot, error: BaseException, expected: str) -> None:
    text = describe_login_error(error, "bob")
    assert expected in text
    assert "secret detail" not in text


def test_text_is_selectable_and_the_link_button_shows_a_hand(
    qtbot: QtBot, vault_folder: Path
) -> None:
    # Both are set without PySide6's Qt namespace at start-up (see ui/login.py): check they take.
    window = make_window(qtbot, vault_folder)
    path = window.findChild(QLabel, "vaultPath")
    assert isinstance(path, QLabel)
    for label in (path, window.error_label):
        assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    button = window.forgot_button
    here = QPointF(2, 2)
    QApplication.sendEvent(button, QEnterEvent(here, here, button.mapToGlobal(here)))
    assert button.cursor().shape() == Qt.CursorShape.PointingHandCursor
