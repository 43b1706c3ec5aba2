"""From login to the student list, and closing the window drops the keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselroom.app import AppFlow
from counselroom.services import auth
from counselroom.ui.main_window import MainWindow
from counselroom.ui.students_model import COL_NAME, COL_TIER

if TYPE_CHECKING:
    from conftest import SampleVault


def sign_in(qtbot: QtBot, vault: SampleVault) -> tuple[AppFlow, MainWindow]:
    flow = AppFlow(vault.folder, remember=False)
    login = flow.start()
    qtbot.addWidget(login)
    login.password_edit.setText(vault.password)
    with qtbot.waitSignal(flow.main_window_shown, timeout=10_000) as blocker:
        login.login_button.click()
    main: MainWindow = blocker.args[0]
    qtbot.addWidget(main)
    assert main.current_key() == "dashboard"  # the day starts on 工作台
    assert main.show_page("students")
    assert not login.isVisible() and flow.login_window is None
    return flow, main


def loaded(main: MainWindow) -> bool:
    return main.students.model.rowCount() == 5


def test_login_opens_the_main_window_listing_students(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    _flow, main = sign_in(qtbot, sample_vault)
    assert main.isVisible()
    qtbot.waitUntil(lambda: loaded(main), timeout=10_000)
    names = {main.students.proxy.index(r, COL_NAME).data() for r in range(5)}
    assert names == {s[1] for s in sample_vault.students}
    assert main.header.school_label.text() == sample_vault.school
    assert sample_vault.school in main.windowTitle()
    assert "admin" in main.header.user_label.text() and "管理员" in main.header.user_label.text()
    assert main.counts_label.text() == "共 5 名学生，显示 5 名"
    assert not main.busy_bar.isVisible()


def test_search_updates_the_counts(qtbot: QtBot, sample_vault: SampleVault) -> None:
    _flow, main = sign_in(qtbot, sample_vault)
    qtbot.waitUntil(lambda: loaded(main), timeout=10_000)
    qtbot.keyClicks(main.students.search_box, "zs")
    qtbot.waitUntil(lambda: main.students.proxy.rowCount() == 1, timeout=2000)
    assert main.counts_label.text() == "共 5 名学生，显示 1 名"
    main.students.search_box.setText("nobody")
    main.students.search_box.returnPressed.emit()
    assert main.students.empty_label.isVisible()
    assert "nobody" in main.students.empty_label.text()
    main.students.search_box.clear()
    assert main.counts_label.text() == "共 5 名学生，显示 5 名"
    assert not main.students.empty_label.isVisible()


def test_sorting_from_the_header(qtbot: QtBot, sample_vault: SampleVault) -> None:
    _flow, main = sign_in(qtbot, sample_vault)
    qtbot.waitUntil(lambda: loaded(main), timeout=10_000)
    view = main.students.view
    assert view.isSortingEnabled()
    view.sortByColumn(COL_TIER, Qt.SortOrder.DescendingOrder)
    assert main.students.proxy.index(0, COL_NAME).data() == "王小明"  # tier 3


def test_closing_the_window_closes_the_vault(qtbot: QtBot, sample_vault: SampleVault) -> None:
    flow, main = sign_in(qtbot, sample_vault)
    qtbot.waitUntil(lambda: loaded(main), timeout=10_000)
    ctx = main.ctx
    main.close()
    assert not ctx.vault.is_open
    assert flow.main_window is None and flow.login_window is None
    auth.login(sample_vault.folder, "admin", sample_vault.password).close()  # the lock was released


def test_sign_out_returns_to_the_login(qtbot: QtBot, sample_vault: SampleVault) -> None:
    flow, main = sign_in(qtbot, sample_vault)
    main.sign_out()
    assert not main.ctx.vault.is_open
    assert flow.login_window is not None and flow.login_window.isVisible()
    qtbot.addWidget(flow.login_window)
