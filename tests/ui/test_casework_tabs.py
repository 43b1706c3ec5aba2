"""The action bars as a whole: home–school contacts, who sees them, and forms while locked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot
from test_casework_support import (
    Case,
    audit_count,
    file_of,
    fill,
    make_case,
    open_file_window,
    opened,
    press,
    records,
    save_and_reload,
    save_refused,
)

from counselroom.services.context import Context
from counselroom.ui import dialogs
from counselroom.ui.student_file import StudentFileWindow
from counselroom.ui.student_file.contact_dialog import CONTACT, ContactDialog
from counselroom.ui.student_file.field_errors import describe
from counselroom.ui.student_file.session_actions import NEW
from counselroom.ui.student_file.session_dialog import SessionDialog
from counselroom.ui.student_file.window import CONTACTS, SESSIONS, TIERS


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


def test_a_contact_with_the_family_is_logged(qtbot: QtBot, case: Case) -> None:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(CONTACTS))
    actions = window.casework.contacts
    press(qtbot, actions, CONTACT)
    dialog = opened(actions, CONTACT, ContactDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("home_visit"))
    fill(dialog.summary, "了解家庭作息")
    before = audit_count(case)
    save_refused(qtbot, dialog)  # with whom is required
    assert dialog.error_text("with_whom") == describe("is required")
    assert audit_count(case) == before and file_of(case).contacts == ()

    fill(dialog.with_whom, "母亲李女士")
    fill(dialog.agreed, "每周五电话反馈")
    save_and_reload(qtbot, window, dialog)
    [contact] = file_of(case).contacts or ()
    assert (contact.kind, contact.with_whom, contact.summary, contact.agreed) == (
        "home_visit",
        "母亲李女士",
        "了解家庭作息",
        "每周五电话反馈",
    )
    page = records(window, CONTACTS)
    assert page.sections[0].model.index(0, 2).data() == "母亲李女士"
    window.wait_for_jobs()


def test_a_viewer_has_no_action_bar(qtbot: QtBot, case: Case) -> None:
    window = open_file_window(qtbot, case.viewer, case.student_id)
    window.tabs.setCurrentWidget(window.page(TIERS))  # the one case tab a viewer opens
    for actions in window.casework.tabs():
        assert actions.bar.isHidden()
        assert not any(b.isVisible() for b in actions.bar.buttons.values())
    counsellor = open_file_window(qtbot, case.counsellor, case.student_id)
    counsellor.tabs.setCurrentWidget(counsellor.page(TIERS))
    assert counsellor.casework.tiers.bar.isVisible()
    window.wait_for_jobs()
    counsellor.wait_for_jobs()


class LockingSource(QObject):
    """The parts of the session handle the window listens to: a context, lock and unlock."""

    locked = Signal()
    unlocked = Signal(object)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx: Context | None = ctx

    def lock(self) -> None:
        self.ctx = None
        self.locked.emit()

    def unlock(self, ctx: Context) -> None:
        self.ctx = ctx
        self.unlocked.emit(ctx)


def open_session_form(
    qtbot: QtBot, source: LockingSource, case: Case
) -> tuple[StudentFileWindow, SessionDialog]:
    window = StudentFileWindow(source, case.student_id)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    window.tabs.setCurrentWidget(window.page(SESSIONS))
    press(qtbot, window.casework.sessions, NEW)
    dialog = opened(window.casework.sessions, NEW, SessionDialog)
    fill(dialog.observation, "锁屏前写了一半")
    return window, dialog


def test_a_form_hides_while_locked_and_returns_to_its_writer(qtbot: QtBot, case: Case) -> None:
    source = LockingSource(case.counsellor)
    window, dialog = open_session_form(qtbot, source, case)
    source.lock()
    assert not dialog.isVisible()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        source.unlock(case.counsellor)
    assert dialog.isVisible() and dialog.observation.toPlainText() == "锁屏前写了一半"
    window.wait_for_jobs()


def test_another_user_never_sees_the_form(qtbot: QtBot, case: Case) -> None:
    source = LockingSource(case.counsellor)
    window, dialog = open_session_form(qtbot, source, case)
    source.lock()
    with (
        dialogs.replaced(dialogs.ScriptedPrompter()) as prompter,
        qtbot.waitSignal(window.loaded, timeout=10_000),
    ):
        source.unlock(case.colleague)
    assert prompter.asked == []  # thrown away without asking the other user
    assert NEW not in window.casework.sessions.dialogs
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    window.wait_for_jobs()


def test_cancel_asks_before_throwing_typing_away(qtbot: QtBot, case: Case) -> None:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(CONTACTS))
    actions = window.casework.contacts
    press(qtbot, actions, CONTACT)
    dialog = opened(actions, CONTACT, ContactDialog)
    with dialogs.replaced(dialogs.ScriptedPrompter(answer=False)) as prompter:
        dialog.cancel_button.click()  # nothing typed: closes without a question
    assert prompter.asked == [] and not dialog.isVisible()

    press(qtbot, actions, CONTACT)
    dialog = opened(actions, CONTACT, ContactDialog)
    fill(dialog.summary, "电话里谈了很久")
    with dialogs.replaced(dialogs.ScriptedPrompter(answers=[False, True])) as prompter:
        dialog.cancel_button.click()
        assert dialog.isVisible() and dialog.summary.toPlainText() == "电话里谈了很久"
        dialog.cancel_button.click()
    assert len(prompter.asked) == 2 and not dialog.isVisible()
    assert file_of(case).contacts == ()
    window.wait_for_jobs()


def test_closing_the_file_asks_when_a_form_holds_typing(qtbot: QtBot, case: Case) -> None:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    assert window.may_close()  # no form open
    window.tabs.setCurrentWidget(window.page(CONTACTS))
    press(qtbot, window.casework.contacts, CONTACT)
    dialog = opened(window.casework.contacts, CONTACT, ContactDialog)
    with dialogs.replaced(dialogs.ScriptedPrompter(answer=True)) as prompter:
        assert window.may_close()  # open but empty: nothing to lose, nothing asked
    assert prompter.asked == []
    fill(dialog.with_whom, "父亲")
    with dialogs.replaced(dialogs.ScriptedPrompter(answers=[False, True])) as prompter:
        assert not window.may_close()
        assert window.may_close()
    assert len(prompter.asked) == 2
    window.wait_for_jobs()
