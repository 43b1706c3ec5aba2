"""The window shell: wizard or login at start, navigation over registered pages, status bar,
student requests, geometry and last user remembered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot

from counselroom.app import AppFlow, is_first_run
from counselroom.preferences import LAST_USER, LAST_VAULT, WINDOW_GEOMETRY, Preferences
from counselroom.services import auth
from counselroom.services.roles import Role
from counselroom.ui import dialogs
from counselroom.ui.login import LoginWindow
from counselroom.ui.main_window import MainWindow
from counselroom.ui.pages import PAGES, PageSpec, pages_for
from counselroom.ui.session import SessionHandle
from counselroom.ui.students_model import COL_NAME
from counselroom.ui.students_page import StudentsPage
from counselroom.ui.wizard import FirstRunWizard
from counselroom.vault.kdf import INSECURE_TEST_PARAMS, KdfParams

if TYPE_CHECKING:
    from conftest import SampleVault


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


class RecordingPage(QLabel):
    open_student = Signal(int)
    status_changed = Signal(str)
    busy_changed = Signal(bool)
    message = Signal(str)

    def __init__(self, handle: SessionHandle) -> None:
        super().__init__("recording")
        self.handle = handle
        self.reloads = 0
        self.cleared = 0
        self.seen_ctx: list[object] = []

    def reload(self) -> None:
        self.reloads += 1
        self.seen_ctx.append(self.handle.ctx)
        self.status_changed.emit(f"reload {self.reloads}")

    def clear(self) -> None:
        self.cleared += 1


def cheap() -> KdfParams:
    return INSECURE_TEST_PARAMS


def main_window(qtbot: QtBot, vault: SampleVault, **kwargs: object) -> MainWindow:
    ctx = auth.login(vault.folder, vault.username, vault.password)
    main = MainWindow(SessionHandle(ctx), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(main)
    main.show()
    return main


def test_registry_pages_and_roles() -> None:
    # issues 3, 4 and 8: 工作台, 学生, 日程, 筛查, 转介, 台账, 转接 (not for viewers), 活动, 统计,
    # 设置, 审计 (admin only)
    assert [spec.key for spec in PAGES] == [
        "dashboard",
        "students",
        "calendar",
        "screening",
        "referrals",
        "ledgers",
        "transfers",
        "activities",
        "statistics",
        "settings",
        "audit",
    ]
    assert [spec.key for spec in PAGES if spec.admin_only] == ["audit"]
    assert all(spec.shown_title() for spec in PAGES)
    audit = PageSpec("audit", "Audit", lambda h: QWidget(), admin_only=True)
    pages = [*PAGES, audit]
    assert audit in pages_for(Role.ADMIN, pages)
    assert audit not in pages_for(Role.COUNSELLOR, pages)
    assert audit not in pages_for(Role.VIEWER, pages)
    viewer = [spec for spec in PAGES if not spec.admin_only and spec.key != "transfers"]
    assert pages_for(Role.VIEWER) == viewer  # transfers need Permission.EXPORT
    assert pages_for(Role.ADMIN) == PAGES


def test_navigation_status_bar_and_title(qtbot: QtBot, sample_vault: SampleVault) -> None:
    main = main_window(qtbot, sample_vault)
    assert main.nav.keys() == [spec.key for spec in PAGES]  # an administrator sees all
    assert main.current_key() == "dashboard"
    assert main.nav.focusPolicy() & Qt.FocusPolicy.TabFocus
    main.show_page("students")
    qtbot.waitUntil(lambda: main.students.model.rowCount() == 5, timeout=10_000)
    qtbot.waitUntil(lambda: sample_vault.school in main.windowTitle(), timeout=5000)
    assert main.windowTitle().startswith("CounselRoom") and "—" in main.windowTitle()
    assert main.header.school_label.text() == sample_vault.school
    assert "admin" in main.user_status.text() and "管理员" in main.user_status.text()
    assert main.counts_label.text() == "共 5 名学生，显示 5 名"
    keys = main.nav.keys()
    main.nav.setCurrentRow(keys.index("settings"))
    assert main.current_key() == "settings" and main.counts_label.text() == ""
    main.nav.setCurrentRow(keys.index("students"))
    assert main.counts_label.text() == "共 5 名学生，显示 5 名"  # kept per page
    # keyboard: arrows move through the navigation
    main.nav.setFocus()
    qtbot.keyClick(main.nav, Qt.Key.Key_Down)
    assert main.current_key() == keys[keys.index("students") + 1]


def test_reload_on_show_after_unlock_and_f5(qtbot: QtBot, sample_vault: SampleVault) -> None:
    pages = [PageSpec("rec", "Recording", RecordingPage), *PAGES]
    main = main_window(qtbot, sample_vault, pages=pages)
    page = main.page("rec")
    assert isinstance(page, RecordingPage)
    assert page.reloads == 1 and main.counts_label.text() == "reload 1"
    main.show_page("settings")
    main.show_page("rec")
    assert page.reloads == 1  # not stale: not read again
    main.reload_action.trigger()
    assert page.reloads == 2
    first_ctx = main.handle.ctx
    main.lock()
    assert page.cleared == 1
    main.lock_screen.password_edit.setText(sample_vault.password)
    with qtbot.waitSignal(main.handle.unlocked, timeout=10_000):
        main.lock_screen.submit()
    assert page.reloads == 3 and page.seen_ctx[-1] is main.handle.ctx
    assert page.seen_ctx[-1] is not first_ctx
    main.invalidate_pages()
    assert page.reloads == 4


def test_open_student_requests_are_relayed(qtbot: QtBot, sample_vault: SampleVault) -> None:
    pages = [PageSpec("rec", "Recording", RecordingPage), *PAGES]
    main = main_window(qtbot, sample_vault, pages=pages)
    page = main.page("rec")
    assert isinstance(page, RecordingPage)
    with qtbot.waitSignal(main.student_requested) as blocker:
        page.open_student.emit(42)
    assert blocker.args == [42]
    main.show_page("students")
    qtbot.waitUntil(lambda: main.students.model.rowCount() == 5, timeout=10_000)
    students = main.page("students")
    assert isinstance(students, StudentsPage)
    view = main.students.view
    index = main.students.proxy.index(0, COL_NAME)
    view.setCurrentIndex(index)
    row = main.students.selected_student()
    assert row is not None
    with qtbot.waitSignal(main.student_requested) as blocker:
        if hasattr(main.students, "open_student"):  # the panel asks for it itself
            main.students.open_student.emit(row.id)
        else:
            view.activated.emit(index)
    assert blocker.args == [row.id]
    main.lock()
    with qtbot.assertNotEmitted(main.student_requested):
        main.open_student(1)  # nothing opens on a locked window


def test_geometry_is_saved_and_restored(qtbot: QtBot, sample_vault: SampleVault) -> None:
    main = main_window(qtbot, sample_vault)
    main.resize(700, 500)  # the offscreen screen is 800 × 600: restoring clamps to it
    main.close()
    saved = Preferences.load().get(WINDOW_GEOMETRY)
    assert saved
    again = main_window(qtbot, sample_vault)
    assert (again.width(), again.height()) == (700, 500)


def test_first_run_shows_the_wizard_then_the_main_window(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "new-vault"
    assert is_first_run(folder)
    flow = AppFlow(folder, calibrate=cheap)
    wizard = flow.start()
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    wizard.school_page.name_edit.setText("测试中学")
    wizard.button(QWizard.WizardButton.NextButton).click()
    admin = wizard.admin_page
    admin.username_edit.setText("liu")
    admin.password_edit.setText("a quiet room 42")
    admin.repeat_edit.setText("a quiet room 42")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(
        lambda: wizard.recovery_code is not None and wizard.currentId() == 3, timeout=20_000
    )
    code = wizard.recovery_code
    assert code is not None
    wizard.recovery_page.check.retype.setText(
        code.split("-")[wizard.recovery_page.check.group_index]
    )
    with qtbot.waitSignal(flow.main_window_shown, timeout=10_000) as blocker:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    main: MainWindow = blocker.args[0]
    qtbot.addWidget(main)
    assert main.isVisible() and not wizard.isVisible() and flow.wizard is None
    assert main.ctx.actor.username == "liu"
    prefs = Preferences.load()
    assert prefs.get(LAST_USER) == "liu" and prefs.get(LAST_VAULT) == str(folder.resolve())
    assert not is_first_run(folder)
    main.sign_out()
    assert isinstance(flow.login_window, LoginWindow)
    qtbot.addWidget(flow.login_window)
    assert flow.login_window.user_box.currentText() == "liu"


@pytest.mark.parametrize("present", ["vault.keys", "vault.db"])
def test_a_half_vault_is_damage_not_a_first_run(qtbot: QtBot, tmp_path: Path, present: str) -> None:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / present).write_bytes(b"x")
    assert not is_first_run(folder)
    window = AppFlow(folder).start()
    qtbot.addWidget(window)
    assert isinstance(window, LoginWindow)
    assert window.error_label.isVisible() and not window.login_button.isEnabled()


def test_an_empty_folder_is_a_first_run(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert is_first_run(folder)
    (folder / "vault.lock").write_bytes(b"")
    assert is_first_run(folder)
    (folder / "notes.txt").write_text("x")
    assert not is_first_run(folder)  # not ours: the login says what is wrong
    assert not is_first_run(folder / "notes.txt")


def test_login_flow_remembers_the_user_after_switching(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    flow = AppFlow(sample_vault.folder)
    login = flow.start()
    assert isinstance(login, LoginWindow)
    qtbot.addWidget(login)
    login.password_edit.setText(sample_vault.password)
    with qtbot.waitSignal(flow.main_window_shown, timeout=10_000) as blocker:
        login.login_button.click()
    main: MainWindow = blocker.args[0]
    qtbot.addWidget(main)
    assert Preferences.load().get(LAST_USER) == "admin"
    main.close()
    assert flow.main_window is None and flow.login_window is None


def test_demo_flow_remembers_nothing(qtbot: QtBot, sample_vault: SampleVault) -> None:
    flow = AppFlow(sample_vault.folder, demo_credentials=("admin", "x"), remember=False)
    login = flow.start()
    qtbot.addWidget(login)
    assert isinstance(login, LoginWindow)
    login.password_edit.setText(sample_vault.password)
    with qtbot.waitSignal(flow.main_window_shown, timeout=10_000) as blocker:
        login.login_button.click()
    qtbot.addWidget(blocker.args[0])
    assert Preferences.load().get(LAST_USER) == ""
    assert not Preferences.load().path.exists()


def test_run_gui_opens_the_wizard_on_a_first_run(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from counselroom.app import run_gui

    seen: list[QWidget] = []

    def close_all() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                seen.append(widget)
                widget.close()

    QTimer.singleShot(200, close_all)
    assert run_gui(tmp_path / "fresh") == 0
    assert any(isinstance(w, FirstRunWizard) for w in seen)
    assert not (tmp_path / "fresh").exists()  # closing the wizard created nothing
