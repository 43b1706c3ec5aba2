"""一生一策 tab: write and review the plan (stale versions kept apart), close and reopen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableWidgetItem
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

from counselroom.domain.policy import FollowUpPolicy
from counselroom.services.casework import change_tier, record_concern
from counselroom.services.localtime import local_today
from counselroom.services.plans import MeasureInput, PlanInput, save_plan_version
from counselroom.ui.student_file import StudentFileWindow
from counselroom.ui.student_file.closure_dialog import ClosureDialog, ReopenDialog
from counselroom.ui.student_file.field_errors import describe
from counselroom.ui.student_file.form_fields import read_date
from counselroom.ui.student_file.measures_table import COL_PERSON, COL_WHAT, COL_WHO
from counselroom.ui.student_file.plan_actions import CLOSE, PLAN, REOPEN
from counselroom.ui.student_file.plan_dialog import PlanDialog
from counselroom.ui.student_file.session_actions import NEW
from counselroom.ui.student_file.window import PLAN as PLAN_TAB


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


@pytest.fixture
def window(qtbot: QtBot, case: Case) -> Iterator[StudentFileWindow]:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(PLAN_TAB))
    yield window
    window.wait_for_jobs()


def reload(qtbot: QtBot, window: StudentFileWindow) -> None:
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()


def plan_form(qtbot: QtBot, window: StudentFileWindow) -> PlanDialog:
    press(qtbot, window.casework.plan, PLAN)
    return opened(window.casework.plan, PLAN, PlanDialog)


def set_measure(dialog: PlanDialog, row: int, who: str, what: str, person: str = "") -> None:
    table = dialog.measures.table
    while table.rowCount() <= row:
        dialog.measures.add_row()
    combo = table.cellWidget(row, COL_WHO)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(who))
    table.setItem(row, COL_WHAT, QTableWidgetItem(what))
    table.setItem(row, COL_PERSON, QTableWidgetItem(person))


def first_plan(case: Case) -> None:
    save_plan_version(
        case.counsellor,
        case.student_id,
        PlanInput(
            assessment="第一版评估",
            goals="第一版目标",
            measures=(MeasureInput("head_teacher", "每天观察情绪", "每天", "王班主任"),),
        ),
        based_on_version=None,
    )


def test_the_first_plan_is_written_with_its_measures(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    dialog = plan_form(qtbot, window)
    assert dialog.fields["change_note"].box.isHidden()  # nothing to review yet
    assert read_date(dialog.review_on) == local_today() + FollowUpPolicy().plan_review
    fill(dialog.assessment, "学业压力大，睡眠差")
    fill(dialog.goals, "恢复规律睡眠")
    set_measure(dialog, 0, "psychology_teacher", "每周个别辅导")
    set_measure(dialog, 1, "guardian", "保证手机不进卧室", "李母")
    save_and_reload(qtbot, window, dialog)

    [plan] = file_of(case).plans or ()
    assert (plan.version, plan.assessment, plan.goals) == (1, "学业压力大，睡眠差", "恢复规律睡眠")
    assert [(m.who, m.what, m.person) for m in plan.measures] == [
        ("psychology_teacher", "每周个别辅导", None),
        ("guardian", "保证手机不进卧室", "李母"),
    ]
    assert records(window, PLAN_TAB).sections[0].model.rowCount() == 1


def test_a_review_is_prefilled_and_must_say_what_changed(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    first_plan(case)
    reload(qtbot, window)
    dialog = plan_form(qtbot, window)
    assert dialog.base_version == 1
    assert dialog.assessment.toPlainText() == "第一版评估"
    assert dialog.measures.values()[0][:2] == ("head_teacher", "每天观察情绪")
    fill(dialog.goals, "第二版目标")
    before = audit_count(case)
    save_refused(qtbot, dialog)
    assert dialog.error_text("change_note") == describe(
        "a plan review must say what changed and why"
    )
    assert audit_count(case) == before and len(file_of(case).plans or ()) == 1

    fill(dialog.change_note, "睡眠改善，目标调整为学业")
    save_and_reload(qtbot, window, dialog)
    plans = sorted(file_of(case).plans or (), key=lambda p: p.version)
    assert [(p.version, p.goals) for p in plans] == [(1, "第一版目标"), (2, "第二版目标")]
    assert plans[1].change_note == "睡眠改善，目标调整为学业"
    assert records(window, PLAN_TAB).sections[0].model.rowCount() == 2


def test_a_bad_measure_is_named_by_its_row(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    dialog = plan_form(qtbot, window)
    fill(dialog.assessment, "评估")
    fill(dialog.goals, "目标")
    set_measure(dialog, 0, "psychology_teacher", "每周辅导")
    set_measure(dialog, 1, "head_teacher", "", "王班主任")  # who, but not what
    save_refused(qtbot, dialog)
    error = dialog.error_text("measures")
    assert "2" in error and describe("is required") in error
    assert file_of(case).plans == ()


def test_a_plan_saved_elsewhere_meanwhile_keeps_both(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    first_plan(case)
    reload(qtbot, window)
    dialog = plan_form(qtbot, window)
    save_plan_version(  # another window saves version 2 while this form is open
        case.colleague,
        case.student_id,
        PlanInput(
            assessment="别处的评估",
            goals="别处的目标",
            measures=(MeasureInput("guardian", "每晚聊天"),),
            change_note="另一位老师的修订",
        ),
        based_on_version=1,
    )
    fill(dialog.goals, "这里写的目标")
    fill(dialog.change_note, "这里的修订")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.stale
    assert dialog.message.text() == dialog.stale_text()
    assert dialog.goals.toPlainText() == "这里写的目标"  # the typing is kept
    assert len(file_of(case).plans or ()) == 2
    page = records(window, PLAN_TAB)
    assert page.sections[0].model.rowCount() == 2  # the newer version is on screen
    assert dialog.base_version == 2 and "3" in dialog.basis.text()

    save_and_reload(qtbot, window, dialog)  # knowingly saved on top: version 3
    plans = sorted(file_of(case).plans or (), key=lambda p: p.version)
    assert [p.goals for p in plans] == ["第一版目标", "别处的目标", "这里写的目标"]


def test_closing_is_blocked_while_someone_must_still_be_told(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    change_tier(
        case.counsellor,
        case.student_id,
        to_tier=1,
        effective_on=local_today(),
        reason="一般",
        evidence_kind="interview",
        evidence="访谈",
    )
    reload(qtbot, window)
    press(qtbot, window.casework.plan, CLOSE)
    dialog = opened(window.casework.plan, CLOSE, ClosureDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.preview is not None and dialog.preview.open_tasks > 0
    assert dialog.blocked.isVisible() and str(dialog.preview.open_tasks) in dialog.blocked.text()
    assert not dialog.save_button.isEnabled()
    dialog.reject()


def test_a_file_is_closed_then_reopened(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    record_concern(
        case.counsellor,
        case.student_id,
        source="head_teacher",
        reporter="王班主任",
        description="情绪低落",
        reported_on=local_today() - timedelta(days=3),
    )
    reload(qtbot, window)
    actions = window.casework.plan
    assert actions.bar.buttons[REOPEN].isHidden()
    press(qtbot, actions, CLOSE)
    dialog = opened(actions, CLOSE, ClosureDialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
    assert dialog.fields["district_evaluation"].box.isHidden()  # not a crisis case
    assert "0" in dialog.facts.text()  # no sessions
    fill(dialog.goals_achieved, "情绪平稳")
    fill(dialog.evaluation, "可以结案")
    save_and_reload(qtbot, window, dialog)

    f = file_of(case)
    assert f.header.file_state == "closed"
    [closure] = f.closures or ()
    assert (closure.reason, closure.goals_achieved, closure.evaluation) == (
        "goals_met",
        "情绪平稳",
        "可以结案",
    )
    assert records(window, PLAN_TAB).sections[1].model.rowCount() == 1
    assert actions.bar.buttons[CLOSE].isHidden() and not actions.bar.buttons[REOPEN].isHidden()
    assert not actions.bar.buttons[PLAN].isEnabled()  # a closed file takes no new work
    new_session = window.casework.sessions.bar.buttons[NEW]
    assert not new_session.isEnabled() and new_session.toolTip()

    press(qtbot, actions, REOPEN)
    reopen = opened(actions, REOPEN, ReopenDialog)
    before = audit_count(case)
    save_refused(qtbot, reopen)  # a reason is required
    assert reopen.error_text("reason") == describe("is required")
    assert audit_count(case) == before
    fill(reopen.reason, "再次出现失眠")
    save_and_reload(qtbot, window, reopen)
    f = file_of(case)
    assert f.header.file_state == "open"
    assert (f.closures or ())[0].reopen_reason == "再次出现失眠"
    assert new_session.isEnabled()
