"""休复学 tab: start a leave, record the return (with or without a certificate), cancel one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
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

from counselroom.services.leave import ReturnInput, record_return, start_leave
from counselroom.services.localtime import local_today
from counselroom.ui.labels import status_label
from counselroom.ui.student_file import StudentFileWindow, labels
from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.leave_actions import CANCEL, RETURN, START, LeaveActions
from counselroom.ui.student_file.leave_dialogs import CancelLeaveDialog, StartLeaveDialog
from counselroom.ui.student_file.return_dialog import ReturnDialog
from counselroom.ui.student_file.window import LEAVE

translate = QCoreApplication.translate
CERTIFICATE = "市精神卫生中心 诊断证明书 2026-1187"


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


def leave_actions(window: StudentFileWindow) -> LeaveActions:
    actions = window.casework.leave
    assert isinstance(actions, LeaveActions)
    return actions


def allowed(actions: TabActions, name: str) -> bool:
    return actions.bar.buttons[name].isEnabled()


def why(actions: TabActions, name: str) -> str:
    return actions.bar.buttons[name].toolTip()


def begin_leave(case: Case, days_ago: int = 30) -> int:
    return start_leave(
        case.counsellor,
        case.student_id,
        start_on=local_today() - timedelta(days=days_ago),
        certificate=CERTIFICATE,
        reason="抑郁发作，住院治疗",
    )


def test_start_leave_saves_and_the_tab_and_header_say_on_leave(qtbot: QtBot, case: Case) -> None:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(LEAVE))
    actions = leave_actions(window)
    assert actions.bar.isVisible()
    assert allowed(actions, START)
    not_on_leave = translate("CaseActions", "The student is not on leave.")
    assert not allowed(actions, RETURN) and why(actions, RETURN) == not_on_leave
    assert not allowed(actions, CANCEL) and why(actions, CANCEL) == not_on_leave

    press(qtbot, actions, START)
    dialog = opened(actions, START, StartLeaveDialog)
    fill(dialog.reason, "抑郁发作，住院治疗")
    before = audit_count(case)
    save_refused(qtbot, dialog)  # the hospital certificate is required
    assert dialog.error_text("certificate")
    assert dialog.error_text("reason") == ""
    assert audit_count(case) == before and file_of(case).leaves == ()

    fill(dialog.certificate, CERTIFICATE)
    dialog.expected_return_on.check.setChecked(True)
    expected = dialog.expected_return_on.day()
    save_and_reload(qtbot, window, dialog)
    [leave] = file_of(case).leaves or ()
    assert (leave.state, leave.start_on, leave.expected_return_on) == (
        "on_leave",
        local_today(),
        expected,
    )
    assert (leave.certificate, leave.reason) == (CERTIFICATE, "抑郁发作，住院治疗")
    assert file_of(case).header.status == "on_leave"
    assert file_of(case).header.next_follow_up is None  # follow-up pauses
    assert window.header.status_chip.text() == status_label("on_leave")
    assert status_label("on_leave") == translate("labels", "on leave")
    page = records(window, LEAVE)
    assert page.sections[0].model.index(0, 1).data() == labels.leave_state("on_leave")
    assert translate("StudentFile", "paused while the student is on leave") in page.detail_text()
    # now the leave can end, and no second one can start
    assert not allowed(actions, START)
    assert why(actions, START) == translate(
        "CaseActions",
        "The student is already on leave: record the return, or cancel a leave entered in "
        "error, first.",
    )
    assert allowed(actions, RETURN) and allowed(actions, CANCEL)
    window.wait_for_jobs()


def fill_return(dialog: ReturnDialog) -> None:
    fill(dialog.assessment, "情绪稳定，睡眠恢复，可以返校")
    fill(dialog.return_plan, "前两周半天在校，逐步恢复全天")
    fill(dialog.watchers, "班主任王老师，心理委员李同学")
    fill(dialog.session_frequency, "每周一次")


def test_a_return_needs_a_certificate_or_the_reason_there_is_none(qtbot: QtBot, case: Case) -> None:
    leave_id = begin_leave(case)
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(LEAVE))
    actions = leave_actions(window)
    press(qtbot, actions, RETURN)
    dialog = opened(actions, f"{RETURN}:{leave_id}", ReturnDialog)
    fill_return(dialog)
    before = audit_count(case)
    save_refused(qtbot, dialog)
    # under the certificate, where one looks, in the window's language (a templated refusal)
    assert dialog.error_text("recovery_certificate") == QCoreApplication.translate(
        "problems",
        "is required: record the recovery certificate, or the reason there is none "
        "(missing_certificate_reason)",
    )
    assert all(
        dialog.error_text(key) == "" for key in dialog.fields if key != "recovery_certificate"
    )
    assert audit_count(case) == before
    [leave] = file_of(case).leaves or ()
    assert leave.state == "on_leave" and leave.return_record is None
    assert file_of(case).header.status == "on_leave"

    fill(dialog.missing_certificate_reason, "医院复诊排期在下月，家长书面说明已存档")
    save_and_reload(qtbot, window, dialog)
    [leave] = file_of(case).leaves or ()
    back = leave.return_record
    assert leave.state == "returned" and back is not None
    assert back.recovery_certificate is None
    assert back.missing_certificate_reason == "医院复诊排期在下月，家长书面说明已存档"
    assert (back.watchers, back.session_frequency) == ("班主任王老师，心理委员李同学", "每周一次")
    assert back.returned_on == local_today()
    assert back.close_follow_up_until == local_today() + timedelta(weeks=4)  # policy default
    assert file_of(case).header.status == "enrolled"
    assert window.header.status_chip.text() == status_label("enrolled")
    page = records(window, LEAVE)
    assert page.sections[0].model.index(0, 1).data() == labels.leave_state("returned")
    assert labels.day(back.close_follow_up_until) in page.detail_text()
    # the chosen leave has ended: a new one may start, this one cannot end again
    assert allowed(actions, START)
    assert not allowed(actions, RETURN) and not allowed(actions, CANCEL)
    assert why(actions, RETURN) == translate(
        "CaseActions", "The chosen leave has already ended: choose the current leave."
    )
    window.wait_for_jobs()


def test_a_return_with_a_certificate_saves(qtbot: QtBot, case: Case) -> None:
    leave_id = begin_leave(case)
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(LEAVE))
    actions = leave_actions(window)
    press(qtbot, actions, RETURN)
    dialog = opened(actions, f"{RETURN}:{leave_id}", ReturnDialog)
    fill_return(dialog)
    fill(dialog.recovery_certificate, "市精神卫生中心 复学证明 2026-2231")
    save_and_reload(qtbot, window, dialog)
    [leave] = file_of(case).leaves or ()
    assert leave.return_record is not None
    assert leave.return_record.recovery_certificate == "市精神卫生中心 复学证明 2026-2231"
    assert leave.return_record.missing_certificate_reason is None
    window.wait_for_jobs()


def test_a_leave_entered_in_error_is_cancelled(qtbot: QtBot, case: Case) -> None:
    leave_id = begin_leave(case, days_ago=2)
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(LEAVE))
    actions = leave_actions(window)
    press(qtbot, actions, CANCEL)
    dialog = opened(actions, f"{CANCEL}:{leave_id}", CancelLeaveDialog)
    before = audit_count(case)
    save_refused(qtbot, dialog)  # the reason is required
    assert dialog.error_text("reason")
    assert audit_count(case) == before and file_of(case).header.status == "on_leave"
    fill(dialog.reason, "误录：应为另一名学生")
    save_and_reload(qtbot, window, dialog)
    [leave] = file_of(case).leaves or ()
    assert leave.state == "cancelled"
    assert file_of(case).header.status == "enrolled"
    assert records(window, LEAVE).sections[0].model.index(0, 1).data() == labels.leave_state(
        "cancelled"
    )
    assert allowed(actions, START) and not allowed(actions, CANCEL)
    window.wait_for_jobs()


def test_return_and_cancel_follow_the_chosen_leave(qtbot: QtBot, case: Case) -> None:
    old = begin_leave(case, days_ago=90)
    record_return(
        case.counsellor,
        old,
        ReturnInput(
            returned_on=local_today() - timedelta(days=60),
            application_on=local_today() - timedelta(days=65),
            meeting_on=local_today() - timedelta(days=62),
            assessment="可以返校",
            return_plan="逐步恢复",
            watchers="班主任",
            session_frequency="每周一次",
            recovery_certificate="复学证明",
        ),
    )
    current = begin_leave(case, days_ago=10)
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(LEAVE))
    actions = leave_actions(window)
    page = records(window, LEAVE)
    assert page.chosen_id("leave") == current  # the newest is chosen first
    assert allowed(actions, RETURN) and allowed(actions, CANCEL)
    assert page.select(("leave", old))
    assert not allowed(actions, RETURN) and not allowed(actions, CANCEL)
    assert page.select(("leave", current))
    assert allowed(actions, RETURN)
    press(qtbot, actions, RETURN)
    assert opened(actions, f"{RETURN}:{current}", ReturnDialog).leave.id == current
    window.wait_for_jobs()


def test_a_closed_file_or_a_student_who_left_takes_no_leave(qtbot: QtBot, case: Case) -> None:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    actions = leave_actions(window)
    student_file = file_of(case)
    actor = case.counsellor.actor.user_id
    closed = replace(student_file, header=replace(student_file.header, file_state="closed"))
    actions.update(closed, editable=True, actor_id=actor)
    for name in (START, RETURN, CANCEL):
        assert not allowed(actions, name) and why(actions, name) == TabActions.closed_text()
    assert actions.start_leave() is None
    gone = replace(student_file, header=replace(student_file.header, status="transferred"))
    actions.update(gone, editable=True, actor_id=actor)
    assert not allowed(actions, START)
    assert status_label("transferred") in why(actions, START)
    window.wait_for_jobs()


def test_a_viewer_sees_no_leave_bar(qtbot: QtBot, case: Case) -> None:
    begin_leave(case)
    window = open_file_window(qtbot, case.viewer, case.student_id)
    actions = leave_actions(window)
    assert actions.bar.isHidden()
    assert not window.tabs.isTabEnabled(window.tab_index(LEAVE))  # nor the leave records
    counsellor = open_file_window(qtbot, case.counsellor, case.student_id)
    counsellor.tabs.setCurrentWidget(counsellor.page(LEAVE))
    assert leave_actions(counsellor).bar.isVisible()
    window.wait_for_jobs()
    counsellor.wait_for_jobs()
