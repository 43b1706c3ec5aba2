"""Opening a student file from the main window: one window per student, hidden while locked,
closed when the user signs out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytestqt.qtbot import QtBot

from counselroom.app import AppFlow
from counselroom.ui import dialogs
from counselroom.ui.main_window import MainWindow
from counselroom.ui.student_file.concern_dialog import ConcernDialog

if TYPE_CHECKING:
    from conftest import SampleVault


def signed_in(qtbot: QtBot, vault: SampleVault) -> tuple[AppFlow, MainWindow]:
    flow = AppFlow(vault.folder, remember=False)
    login = flow.start()
    qtbot.addWidget(login)
    login.password_edit.setText(vault.password)
    with qtbot.waitSignal(flow.main_window_shown, timeout=10_000) as blocker:
        login.login_button.click()
    main: MainWindow = blocker.args[0]
    qtbot.addWidget(main)
    main.show_page("students")
    qtbot.waitUntil(lambda: main.students.model.rowCount() == len(vault.students), timeout=10_000)
    return flow, main


def test_a_row_opens_its_file_once_and_lock_hides_it(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    flow, main = signed_in(qtbot, sample_vault)
    assert flow.file_windows is not None
    row = main.students.model.row_at(0)
    main.students.open_student.emit(row.id)
    window = flow.file_windows.windows[row.id]
    # not addWidget: FileWindows owns it and deletes it when it closes (sign_out below)
    qtbot.waitUntil(lambda: window.file is not None, timeout=10_000)
    assert window.isVisible() and row.name in window.windowTitle()

    main.students.open_student.emit(row.id)  # the same student again: the same window
    assert list(flow.file_windows.windows) == [row.id]

    main.lock()
    assert main.handle.ctx is None
    assert not window.isVisible() and window.file is None  # nothing of the file on screen

    main.sign_out()
    assert flow.file_windows.windows == {}


def test_closing_a_file_with_typed_notes_asks_first(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    flow, main = signed_in(qtbot, sample_vault)
    assert flow.file_windows is not None
    row = main.students.model.row_at(0)
    main.students.open_student.emit(row.id)
    window = flow.file_windows.windows[row.id]
    qtbot.waitUntil(lambda: window.file is not None, timeout=10_000)
    form = window.casework.tiers.record_concern()
    assert isinstance(form, ConcernDialog)
    form.description.setPlainText("课间独自哭泣")

    with dialogs.replaced(dialogs.ScriptedPrompter(answer=False)) as kept:
        window.close()
    assert kept.asked and window.isVisible()  # "No": the window and the typing stay
    assert flow.file_windows.windows == {row.id: window}
    assert form.description.toPlainText() == "课间独自哭泣"

    with dialogs.replaced(dialogs.ScriptedPrompter(answer=True)):
        window.close()
    assert flow.file_windows.windows == {}

    main.students.open_student.emit(row.id)  # signing out closes without asking
    again = flow.file_windows.windows[row.id]
    qtbot.waitUntil(lambda: again.file is not None, timeout=10_000)
    typed = again.casework.tiers.record_concern()
    assert isinstance(typed, ConcernDialog)
    typed.description.setPlainText("再次记录")
    with dialogs.replaced(dialogs.ScriptedPrompter(answer=False)) as not_asked:
        main.sign_out()
    assert not_asked.asked == [] or all("Discard" not in t for t, _ in not_asked.asked)
    assert flow.file_windows.windows == {}
