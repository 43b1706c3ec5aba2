"""辅导记录 tab: new session, edit own, sign (asked first), amend, and the break-glass record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_casework_support import (
    GUARDIAN,
    HEAD_TEACHER,
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

from counselroom.services.counselling import SessionInput, edit_session, record_session
from counselroom.services.student_file import SessionEntry
from counselroom.storage.base import utcnow
from counselroom.ui import dialogs
from counselroom.ui.labels import tier_full
from counselroom.ui.student_file import StudentFileWindow, labels
from counselroom.ui.student_file.amend_dialog import AmendDialog
from counselroom.ui.student_file.break_glass_dialog import BreakGlassDialog
from counselroom.ui.student_file.field_errors import describe
from counselroom.ui.student_file.form_fields import now_local, set_moment
from counselroom.ui.student_file.session_actions import AMEND, EDIT, NEW, SIGN, TOLD
from counselroom.ui.student_file.session_dialog import SessionDialog
from counselroom.ui.student_file.window import SESSIONS


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


@pytest.fixture
def window(qtbot: QtBot, case: Case) -> Iterator[StudentFileWindow]:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(SESSIONS))
    yield window
    window.wait_for_jobs()


def sessions(case: Case) -> tuple[SessionEntry, ...]:
    return file_of(case).sessions or ()


def reload(qtbot: QtBot, window: StudentFileWindow) -> None:
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()


def new_session_form(qtbot: QtBot, window: StudentFileWindow) -> SessionDialog:
    press(qtbot, window.casework.sessions, NEW)
    return opened(window.casework.sessions, NEW, SessionDialog)


def test_a_new_session_is_saved_listed_and_chosen(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    dialog = new_session_form(qtbot, window)
    assert dialog.kind.currentData() == "interview"  # the first session of a file
    dialog.duration_min.setValue(50)
    dialog.mode.setCurrentIndex(dialog.mode.findData("online"))
    fill(dialog.participants, "学生本人")
    fill(dialog.presenting, "最近睡不好")
    fill(dialog.observation, "语速慢，眼神回避")
    fill(dialog.assessment, "一般心理问题")
    fill(dialog.plan_text, "下周复谈")
    dialog.next_appointment.check.setChecked(True)
    save_and_reload(qtbot, window, dialog)

    [saved] = sessions(case)
    assert (saved.duration_min, saved.mode, saved.kind, saved.risk_check) == (
        50,
        "online",
        "interview",
        "none",
    )
    assert (saved.participants, saved.observation) == ("学生本人", "语速慢，眼神回避")
    assert saved.next_appointment is not None
    assert saved.next_appointment - saved.started_at == timedelta(days=7)
    page = records(window, SESSIONS)
    assert page.sections[0].model.rowCount() == 1
    assert page.chosen_id("session") == saved.id
    assert "语速慢，眼神回避" in page.detail_text()
    assert not window.casework.sessions.bar.warning.isVisible()


def test_a_session_in_the_future_is_refused_next_to_its_date(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    dialog = new_session_form(qtbot, window)
    set_moment(dialog.started_at, now_local() + timedelta(days=2))
    fill(dialog.observation, "写错了日期")
    before = audit_count(case)
    save_refused(qtbot, dialog)
    assert dialog.error_text("started_at") == describe("is in the future")
    assert dialog.observation.toPlainText() == "写错了日期"
    assert audit_count(case) == before and sessions(case) == ()


def test_a_risk_opens_who_was_told_and_the_red_line_stays_until_both_are(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    actions = window.casework.sessions
    dialog = new_session_form(qtbot, window)
    dialog.risk_check.setCurrentIndex(dialog.risk_check.findData("self_harm"))
    fill(dialog.observation, "手臂有划痕")
    save_and_reload(qtbot, window, dialog)
    [risky] = sessions(case)
    told = opened(actions, f"{TOLD}:{risky.id}", BreakGlassDialog)  # opened by itself
    assert HEAD_TEACHER in told.fields["head_teacher_informed_at"].caption.text()
    assert GUARDIAN in told.fields["guardian_informed_at"].caption.text()

    told.reject()  # closed without recording: nothing typed, nothing asked
    assert not told.isVisible()
    warning = actions.bar.warning
    assert warning.isVisible() and labels.moment(risky.started_at) in warning.text()
    assert actions.bar.buttons[TOLD].isEnabled()

    press(qtbot, actions, TOLD)  # the head teacher first
    told = opened(actions, f"{TOLD}:{risky.id}", BreakGlassDialog)
    told.head_teacher.check.setChecked(True)
    fill(told.note, "当面告知班主任")
    save_and_reload(qtbot, window, told)
    [b] = sessions(case)[0].break_glass
    assert b.head_teacher_informed_at is not None and b.guardian_informed_at is None
    assert warning.isVisible()  # the guardian is still to be told

    press(qtbot, actions, TOLD)
    told = opened(actions, f"{TOLD}:{risky.id}", BreakGlassDialog)
    assert told.head_teacher.isHidden()  # already recorded
    told.guardian.check.setChecked(True)
    save_and_reload(qtbot, window, told)
    assert [x.guardian_informed_at is not None for x in sessions(case)[0].break_glass] == [
        False,
        True,
    ]
    assert not warning.isVisible()
    assert not actions.bar.buttons[TOLD].isEnabled()


def test_recording_nobody_told_is_refused(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    session = record_session(
        case.counsellor,
        case.student_id,
        SessionInput(utcnow() - timedelta(hours=1), 40, "crisis", risk_check="harm_others"),
    )
    reload(qtbot, window)
    actions = window.casework.sessions
    assert records(window, SESSIONS).select(("session", session.session_id))
    press(qtbot, actions, TOLD)
    told = opened(actions, f"{TOLD}:{session.session_id}", BreakGlassDialog)
    fill(told.note, "还没联系上")
    save_refused(qtbot, told)
    assert told.error_text("head_teacher_informed_at")
    assert told.note.toPlainText() == "还没联系上"
    assert sessions(case)[0].break_glass == ()


def test_only_the_writer_edits_an_unlocked_session(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    mine = record_session(
        case.counsellor,
        case.student_id,
        SessionInput(utcnow() - timedelta(hours=2), 40, "individual", observation="初稿"),
    )
    theirs = record_session(
        case.colleague, case.student_id, SessionInput(utcnow() - timedelta(hours=1), 30, "group")
    )
    reload(qtbot, window)
    actions, page = window.casework.sessions, records(window, SESSIONS)
    assert page.select(("session", theirs.session_id))
    for name in (EDIT, SIGN):
        assert not actions.bar.buttons[name].isEnabled()
        assert actions.bar.buttons[name].toolTip()
    assert page.select(("session", mine.session_id))
    press(qtbot, actions, EDIT)
    dialog = opened(actions, f"{EDIT}:{mine.session_id}", SessionDialog)
    assert dialog.observation.toPlainText() == "初稿"
    fill(dialog.observation, "修改后的观察")
    save_and_reload(qtbot, window, dialog)
    edited = next(s for s in sessions(case) if s.id == mine.session_id)
    assert edited.observation == "修改后的观察" and edited.updated_at is not None


def test_an_edit_of_a_session_changed_elsewhere_keeps_the_typing(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    start = utcnow() - timedelta(hours=2)
    mine = record_session(
        case.counsellor, case.student_id, SessionInput(start, 40, "individual", observation="初稿")
    )
    reload(qtbot, window)
    actions = window.casework.sessions
    press(qtbot, actions, EDIT)
    dialog = opened(actions, f"{EDIT}:{mine.session_id}", SessionDialog)
    entry = sessions(case)[0]
    edit_session(  # another window of the same counsellor saves first
        case.counsellor,
        mine.session_id,
        SessionInput(start, 40, "individual", observation="另一个窗口的版本"),
        expected_updated_at=entry.created_at,
    )
    fill(dialog.observation, "这个窗口的版本")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.stale
    assert dialog.message.text() == dialog.stale_text()
    assert dialog.observation.toPlainText() == "这个窗口的版本"
    assert "另一个窗口的版本" in records(window, SESSIONS).detail_text()  # both on screen
    assert sessions(case)[0].observation == "另一个窗口的版本"

    save_and_reload(qtbot, window, dialog)  # now knowingly on top of the other version
    assert sessions(case)[0].observation == "这个窗口的版本"


def test_signing_asks_first_then_locks_and_amendments_follow(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    saved = record_session(
        case.counsellor,
        case.student_id,
        SessionInput(utcnow() - timedelta(hours=1), 40, "individual", observation="当日记录"),
    )
    reload(qtbot, window)
    actions = window.casework.sessions
    assert not actions.bar.buttons[AMEND].isEnabled()  # not locked yet
    with dialogs.replaced(dialogs.ScriptedPrompter(answer=False)) as prompter:
        press(qtbot, actions, SIGN)
    assert len(prompter.asked) == 1
    window.wait_for_jobs()
    assert sessions(case)[0].signed_at is None and actions.bar.buttons[SIGN].isEnabled()

    with (
        dialogs.replaced(dialogs.ScriptedPrompter(answer=True)),
        qtbot.waitSignal(window.loaded, timeout=10_000),
    ):
        press(qtbot, actions, SIGN)
    assert sessions(case)[0].signed_at is not None
    assert not actions.bar.buttons[EDIT].isEnabled()
    assert not actions.bar.buttons[SIGN].isEnabled()

    press(qtbot, actions, AMEND)
    dialog = opened(actions, f"{AMEND}:{saved.session_id}", AmendDialog)
    dialog.part.setCurrentIndex(dialog.part.findData("observation"))
    assert dialog.original.toPlainText() == "当日记录"
    fill(dialog.text, "补充：提到与同桌冲突")
    fill(dialog.reason, "当日遗漏")
    save_and_reload(qtbot, window, dialog)
    [amendment] = sessions(case)[0].amendments
    assert (amendment.field, amendment.text, amendment.reason) == (
        "observation",
        "补充：提到与同桌冲突",
        "当日遗漏",
    )
    assert sessions(case)[0].observation == "当日记录"  # the original is kept
    assert "补充：提到与同桌冲突" in records(window, SESSIONS).detail_text()


def test_a_session_with_the_defaults_opens_the_file_and_sets_no_tier(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    """A session opens the file but sets no tier: only a counsellor's tier change does."""
    dialog = new_session_form(qtbot, window)
    save_and_reload(qtbot, window, dialog)
    assert file_of(case).header.file_state == "open"
    assert tier_full(0) in window.header.tier_badge.text()
