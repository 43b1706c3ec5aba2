"""活动: the group-activity log by term, and the dialog that adds to it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from casework_pages_support import (
    DEMO_TODAY,
    SignIn,
    Stub,
    column,
    load,
    make_demo_vault,
    sign_in_to,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from counselroom.domain.errors import ValidationError
from counselroom.services.activities import GroupActivityEntry, list_group_activities
from counselroom.services.demo import VIEWER_USERNAME
from counselroom.services.localtime import local_today
from counselroom.storage.models import AuditEntry, GroupActivity
from counselroom.ui.areas.activities_page import ActivitiesPage, ActivityLog
from counselroom.ui.areas.activity_dialog import ActivityDialog, field_message
from counselroom.ui.areas.activity_model import COL_COUNT, COL_DATE, COL_KIND, COL_TOPIC
from counselroom.ui.areas.activity_model import activity_kind_label as kind_label
from counselroom.ui.session import SessionHandle

if TYPE_CHECKING:
    from conftest import SampleVault


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_vault(tmp_path_factory)


@pytest.fixture
def demo_sign_in(demo_vault: Path) -> Iterator[SignIn]:
    yield from sign_in_to(demo_vault)


@pytest.fixture
def admin(sample_vault: SampleVault) -> Iterator[SessionHandle]:
    """A fresh vault without activities, signed in as its administrator."""
    sign_in = sign_in_to(sample_vault.folder, sample_vault.password)
    yield next(sign_in)("admin")
    next(sign_in, None)


def activities_page(qtbot: QtBot, handle: object, today: date | None = None) -> ActivitiesPage:
    day = today or local_today()
    page = ActivitiesPage(handle, clock=lambda: day)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1180, 640)
    return page


def counts(handle: SessionHandle) -> tuple[int, int]:
    with handle.require().vault.read() as session:
        return (
            session.scalar(select(func.count()).select_from(GroupActivity)) or 0,
            session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def open_dialog(page: ActivitiesPage) -> ActivityDialog:
    dialog = page.open_log_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


# -- logging ---------------------------------------------------------------------------------


def test_a_logged_activity_appears_in_the_list(qtbot: QtBot, admin: SessionHandle) -> None:
    page = activities_page(qtbot, admin)
    page.show()
    load(qtbot, page)
    assert page.empty_label.isVisibleTo(page) and page.log_button.isEnabled()
    dialog = open_dialog(page)
    assert dialog.date_edit.date().toPython() == local_today()  # today by default
    assert not page.log_button.isEnabled()  # one dialog at a time
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("lecture"))
    dialog.topic_edit.setText("考前心理调适")
    dialog.audience_edit.setText("初三全体学生")
    dialog.count_spin.setValue(320)
    dialog.leader_edit.setText("林老师")
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        dialog.save_button.click()
    assert page.dialog is None  # closed (and deleted)
    assert column(page.proxy, COL_TOPIC) == ["考前心理调适"]
    assert column(page.proxy, COL_KIND) == [kind_label("lecture")]
    assert column(page.proxy, COL_COUNT) == ["320"]
    assert column(page.proxy, COL_DATE) == [local_today().isoformat()]
    saved = list_group_activities(admin.require())
    assert [(a.kind, a.topic, a.audience, a.count, a.leader) for a in saved] == [
        ("lecture", "考前心理调适", "初三全体学生", 320, "林老师")
    ]
    assert "320" in page.subtitle_label.text() and not page.empty_label.isVisibleTo(page)
    assert page.log_button.isEnabled()


@pytest.mark.parametrize(
    ("count", "topic", "field"),
    [(0, "人际交往团体辅导", "count"), (6000, "人际交往团体辅导", "count"), (12, "  ", "topic")],
)
def test_a_refused_entry_shows_its_error_and_saves_nothing(
    qtbot: QtBot, admin: SessionHandle, count: int, topic: str, field: str
) -> None:
    page = activities_page(qtbot, admin)
    page.show()
    load(qtbot, page)
    before = counts(admin)
    dialog = open_dialog(page)
    dialog.topic_edit.setText(topic)
    dialog.count_spin.setValue(count)
    dialog.save_button.click()
    error = dialog.errors[field]
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert error.text()
    assert all(not label.isVisible() for key, label in dialog.errors.items() if key != field)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.topic_edit.text() == topic and dialog.count_spin.value() == count  # kept
    assert counts(admin) == before  # no activity, no audit entry
    # corrected, it saves, and the error goes
    dialog.topic_edit.setText("人际交往团体辅导")
    dialog.count_spin.setValue(12)
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        dialog.save_button.click()
    assert column(page.proxy, COL_TOPIC) == ["人际交往团体辅导"]


def test_field_messages_are_retold() -> None:
    assert field_message("0 is not between 1 and 5000") != "0 is not between 1 and 5000"
    assert "5000" in field_message("0 is not between 1 and 5000")
    assert field_message("is required") != "is required"
    assert field_message("something new") == "something new"  # unknown: shown as it is


def test_a_message_without_a_known_field_goes_below_the_form(qtbot: QtBot) -> None:
    dialog = ActivityDialog(date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    dialog.save_failed(ValidationError("no such thing", field="elsewhere"))
    assert dialog.message_label.isVisible() and "no such thing" in dialog.message_label.text()
    assert all(not label.isVisible() for label in dialog.errors.values())


def test_viewer_reads_the_log_but_cannot_add(qtbot: QtBot, demo_sign_in: SignIn) -> None:
    page = activities_page(qtbot, demo_sign_in(VIEWER_USERNAME), DEMO_TODAY)
    load(qtbot, page)
    assert page.model.rowCount() > 0 and not page.notice_label.isVisibleTo(page)
    assert not page.log_button.isEnabled() and page.log_button.toolTip()
    assert page.open_log_dialog() is None and page.dialog is None


# -- terms -----------------------------------------------------------------------------------


def entry(
    eid: int, on: date, kind: str = "group_counselling", count: int = 10
) -> GroupActivityEntry:
    return GroupActivityEntry(eid, on, kind, f"活动{eid}", "初二学生", count, None, None, "林心怡")


LOG = (
    entry(4, date(2026, 11, 9)),
    entry(3, date(2026, 9, 21), "lecture", 500),
    entry(2, date(2026, 5, 6)),
    entry(1, date(2025, 10, 8), "lecture", 300),
)


def test_the_term_chooser_filters_the_log(qtbot: QtBot) -> None:
    page = activities_page(qtbot, Stub(), date(2026, 11, 20))
    page.show_result(ActivityLog(LOG, date(2026, 11, 20), may_log=False))
    box = page.term_box
    labels = [box.itemText(i) for i in range(1, box.count())]
    assert labels == ["2026-2027学年第一学期", "2025-2026学年第二学期", "2025-2026学年第一学期"]
    assert box.currentText() == "2026-2027学年第一学期"  # the current term first
    assert column(page.proxy, COL_TOPIC) == ["活动4", "活动3"]
    assert "510" in page.subtitle_label.text()
    box.setCurrentIndex(0)  # all terms
    assert column(page.proxy, COL_TOPIC) == ["活动4", "活动3", "活动2", "活动1"]
    box.setCurrentIndex(box.findData("2025-2026学年第二学期"))
    assert column(page.proxy, COL_TOPIC) == ["活动2"]
    # a reload keeps the chosen term
    page.show_result(ActivityLog(LOG, date(2026, 11, 20), may_log=False))
    assert box.currentText() == "2025-2026学年第二学期"


def test_an_empty_current_term_says_so_and_clear_forgets(qtbot: QtBot) -> None:
    page = activities_page(qtbot, Stub(), date(2027, 3, 1))
    page.show_result(ActivityLog(LOG, date(2027, 3, 1), may_log=True))
    assert page.term_box.currentText() == "2026-2027学年第二学期"
    assert page.proxy.rowCount() == 0 and page.empty_label.isVisibleTo(page)
    assert page.log_button.isEnabled()
    page.open_log_dialog()
    page.clear()
    assert page.dialog is None and page.model.rowCount() == 0 and page.term_box.count() == 0
    assert not page.log_button.isEnabled() and page.subtitle_label.text() == ""
