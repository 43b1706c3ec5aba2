"""分级与通报 tab: record a concern, change the tier (tasks told), mark a task done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_casework_support import (
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

from counselroom.domain.policy import Policy, notification_plan
from counselroom.domain.tiers import Tier
from counselroom.services.casework import change_tier
from counselroom.services.localtime import local_today
from counselroom.ui import dialogs
from counselroom.ui.student_file import StudentFileWindow
from counselroom.ui.student_file.concern_dialog import ConcernDialog
from counselroom.ui.student_file.field_errors import describe
from counselroom.ui.student_file.task_dialog import TaskDoneDialog
from counselroom.ui.student_file.tier_actions import CONCERN, TASK_DONE, TIER
from counselroom.ui.student_file.tier_dialog import TierDialog
from counselroom.ui.student_file.window import TIERS


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


@pytest.fixture
def window(qtbot: QtBot, case: Case) -> Iterator[StudentFileWindow]:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(TIERS))
    yield window
    window.wait_for_jobs()


def test_a_concern_is_recorded_and_listed(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    actions = window.casework.tiers
    press(qtbot, actions, CONCERN)
    dialog = opened(actions, CONCERN, ConcernDialog)
    dialog.source.setCurrentIndex(dialog.source.findData("peer"))
    fill(dialog.reporter, "心理委员小刘")
    fill(dialog.description, "课间独自哭泣，说不想活了")
    save_and_reload(qtbot, window, dialog)

    concerns = file_of(case).concerns or ()
    assert [(c.source, c.reporter, c.description, c.reported_on) for c in concerns] == [
        ("peer", "心理委员小刘", "课间独自哭泣，说不想活了", local_today())
    ]
    section = records(window, TIERS).sections[2]
    assert section.model.rowCount() == 1
    assert section.model.index(0, 2).data() == "心理委员小刘"


def test_raising_the_tier_says_how_many_tasks_were_created(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    actions = window.casework.tiers
    press(qtbot, actions, TIER)
    dialog = opened(actions, TIER, TierDialog)
    assert dialog.to_tier.currentData() == 1  # one step up from 0
    dialog.to_tier.setCurrentIndex(2)
    assert dialog.fields["review_note"].box.isHidden()  # a raise needs no 研判
    fill(dialog.reason, "访谈发现持续低落两周")
    fill(dialog.evidence, "个别访谈记录")
    with dialogs.replaced(dialogs.ScriptedPrompter()) as prompter:
        save_and_reload(qtbot, window, dialog)

    expected = len(notification_plan(Policy(), Tier.SERIOUS))
    f = file_of(case)
    assert f.header.tier == 2
    assert len(f.tasks) == expected > 0
    assert len(prompter.informed) == 1 and str(expected) in prompter.informed[0][1]
    page = records(window, TIERS)
    assert page.sections[1].model.rowCount() == expected
    assert window.header.tier_badge.text().startswith("2")


def test_lowering_needs_the_review_and_a_refusal_saves_nothing(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    change_tier(
        case.counsellor,
        case.student_id,
        to_tier=2,
        effective_on=local_today(),
        reason="初评",
        evidence_kind="interview",
        evidence="访谈",
    )
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    actions = window.casework.tiers
    press(qtbot, actions, TIER)
    dialog = opened(actions, TIER, TierDialog)
    dialog.to_tier.setCurrentIndex(1)
    assert not dialog.fields["review_note"].box.isHidden()
    fill(dialog.reason, "情绪明显好转")
    fill(dialog.evidence, "复评访谈")
    before = audit_count(case)
    save_refused(qtbot, dialog)  # the 研判 is empty

    assert dialog.error_text("review_note") == describe("lowering a tier needs a review record")
    assert dialog.reason.toPlainText() == "情绪明显好转"  # what was typed stays
    assert audit_count(case) == before and file_of(case).header.tier == 2

    fill(dialog.review_note, "与班主任、家长共同研判")
    tasks = len(file_of(case).tasks)
    with dialogs.replaced(dialogs.ScriptedPrompter()) as prompter:
        save_and_reload(qtbot, window, dialog)
    f = file_of(case)
    assert f.header.tier == 1 and f.tier_history[-1].review_note == "与班主任、家长共同研判"
    assert len(f.tasks) == tasks  # a lowering notifies nobody
    assert len(prompter.informed) == 1


def test_a_required_field_left_empty_is_marked_and_nothing_is_saved(
    qtbot: QtBot, case: Case, window: StudentFileWindow
) -> None:
    actions = window.casework.tiers
    press(qtbot, actions, TIER)
    dialog = opened(actions, TIER, TierDialog)
    fill(dialog.evidence, "筛查 PHQ-9 16 分")
    before = audit_count(case)
    save_refused(qtbot, dialog)
    assert dialog.error_text("reason") == describe("is required")
    assert dialog.error_text("evidence") == ""
    assert dialog.evidence.toPlainText() == "筛查 PHQ-9 16 分"
    assert audit_count(case) == before and file_of(case).tier_history == ()


def test_an_open_task_is_marked_done(qtbot: QtBot, case: Case, window: StudentFileWindow) -> None:
    change_tier(
        case.counsellor,
        case.student_id,
        to_tier=1,
        effective_on=local_today(),
        reason="一般心理问题",
        evidence_kind="interview",
        evidence="访谈",
    )
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    actions = window.casework.tiers
    page = records(window, TIERS)
    page.sections[0].table.selectRow(0)  # a tier change: nothing to mark done
    assert not actions.bar.buttons[TASK_DONE].isEnabled()
    assert actions.bar.buttons[TASK_DONE].toolTip()
    task = next(t for t in file_of(case).tasks if t.recipient_role == "head_teacher")
    assert task.person == HEAD_TEACHER
    assert page.select(("task", task.id))
    press(qtbot, actions, TASK_DONE)
    dialog = opened(actions, f"{TASK_DONE}:{task.id}", TaskDoneDialog)
    dialog.method.setCurrentIndex(dialog.method.findData("in_person"))
    fill(dialog.acknowledgement, "已知悉，会多关注")
    save_and_reload(qtbot, window, dialog)

    done = next(t for t in file_of(case).tasks if t.id == task.id)
    assert done.done_at is not None
    assert (done.done_method, done.acknowledgement) == ("in_person", "已知悉，会多关注")
    assert page.chosen_id("task") == task.id  # the reload kept the task chosen
    assert not actions.bar.buttons[TASK_DONE].isEnabled()  # done: nothing more to mark
