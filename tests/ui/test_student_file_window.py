"""The student file window on a demo school: header, every tab, roles, timeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_student_file_support import (
    all_texts,
    copy_vault,
    make_demo_folder,
    open_window,
    sign_in,
)

from counselroom.services.context import Context
from counselroom.services.student_file import StudentFile, open_student_file
from counselroom.ui.labels import status_label, tier_full
from counselroom.ui.session import SessionHandle
from counselroom.ui.student_file import StudentFileWindow, labels
from counselroom.ui.student_file.records import RecordsPage, restricted_text
from counselroom.ui.student_file.window import (
    DOCUMENTS,
    OVERVIEW,
    PLAN,
    REFERRALS,
    RESTRICTED_TABS,
    SCREENING,
    SESSIONS,
    TIERS,
    TIMELINE,
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return make_demo_folder(tmp_path_factory.mktemp("student_file"))


@pytest.fixture
def counsellor(demo: tuple[Path, int], tmp_path: Path) -> Iterator[Context]:
    ctx = sign_in(copy_vault(demo[0], tmp_path), "counsellor")
    yield ctx
    ctx.close()


@pytest.fixture
def window(
    qtbot: QtBot, counsellor: Context, demo: tuple[Path, int]
) -> Iterator[StudentFileWindow]:
    window = open_window(qtbot, counsellor, demo[1])
    yield window
    window.wait_for_jobs()  # a read still running finishes before the vault closes


def section_rows(window: StudentFileWindow, key: str) -> list[int]:
    page = window.page(key)
    assert isinstance(page, RecordsPage)
    return [view.model.rowCount() for view in page.sections]


def test_the_header_says_who_and_how(window: StudentFileWindow, counsellor: Context) -> None:
    header = open_student_file(counsellor, window.student_id).header
    shown = window.header
    assert shown.name_label.text() == header.name
    assert header.student_no and header.student_no in shown.facts_label.text()
    assert header.class_label in shown.facts_label.text()
    assert header.head_teacher and header.head_teacher in shown.facts_label.text()
    assert tier_full(header.tier) in shown.tier_badge.text()
    assert shown.tier_badge.text().startswith(str(header.tier))
    assert shown.status_chip.text() == status_label(header.status)
    assert shown.group_texts() == [labels.group_label(code) for code in header.groups]
    assert all(code not in " ".join(shown.group_texts()) for code in header.groups)
    assert window.title() == header.name


def test_a_counsellor_sees_every_record(window: StudentFileWindow, counsellor: Context) -> None:
    f: StudentFile = open_student_file(counsellor, window.student_id)
    assert f.sessions and f.plans and f.referrals and f.screenings and f.documents
    assert all(window.tabs.isTabEnabled(i) for i in range(window.tabs.count()))
    assert window.tabs.count() == 10
    assert section_rows(window, SESSIONS) == [len(f.sessions)]
    assert section_rows(window, PLAN)[0] == len(f.plans)
    assert section_rows(window, TIERS) == [
        len(f.tier_history),
        len(f.tasks),
        len(f.concerns or ()),
    ]
    assert section_rows(window, REFERRALS) == [len(f.referrals)]
    assert section_rows(window, SCREENING) == [len(f.screenings)]
    assert section_rows(window, DOCUMENTS) == [len(f.documents)]
    assert window.timeline.model.rowCount() == len(f.timeline)

    # The newest session is chosen and its notes are in the reading pane, codes as words.
    sessions = window.page(SESSIONS)
    assert isinstance(sessions, RecordsPage)
    newest = max(f.sessions, key=lambda s: s.started_at)
    text = sessions.detail_text()
    assert newest.observation.strip()[:20] in text
    assert labels.session_kind(newest.kind) in text
    assert sessions.sections[0].model.index(0, 1).data() == labels.session_kind(newest.kind)


def test_every_record_opens_in_the_reading_pane(window: StudentFileWindow) -> None:
    for key in (PLAN, SESSIONS, TIERS, REFERRALS, SCREENING, DOCUMENTS):
        page = window.page(key)
        assert isinstance(page, RecordsPage)
        for view in page.sections:
            for row in range(view.model.rowCount()):
                view.table.selectRow(row)
                assert page.detail_text().strip(), (key, view.section.title, row)


def test_the_timeline_is_newest_first_and_opens_records(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    model = window.timeline.model
    moments = [model.item_at(row).on for row in range(model.rowCount())]
    assert moments == sorted(moments, reverse=True) and len(moments) > 5
    assert model.index(0, 0).data() == labels.moment(moments[0])
    kinds = {model.index(row, 1).data() for row in range(model.rowCount())}
    assert "session" not in kinds and labels.timeline_kind("session") in kinds
    row = next(r for r in range(model.rowCount()) if model.item_at(r).kind == "session")
    item = model.item_at(row)
    window.tabs.setCurrentWidget(window.page(TIMELINE))
    view = window.timeline.table
    rect = view.visualRect(model.index(row, 2))
    view.scrollTo(model.index(row, 2))
    rect = view.visualRect(model.index(row, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.page(SESSIONS)
    session = next(
        s
        for s in open_student_file(counsellor, window.student_id).sessions or ()
        if s.id == item.record_id
    )
    page = window.page(SESSIONS)
    assert isinstance(page, RecordsPage)
    assert session.observation.strip()[:20] in page.detail_text()


def test_a_viewer_sees_no_notes_and_cannot_edit(
    qtbot: QtBot, demo: tuple[Path, int], tmp_path: Path
) -> None:
    folder = copy_vault(demo[0], tmp_path)
    counsellor = sign_in(folder, "counsellor")
    try:
        full = open_student_file(counsellor, demo[1])
    finally:
        counsellor.close()
    assert full.sessions and full.plans and full.concerns
    secrets = [
        full.sessions[0].observation.strip()[:12],
        full.sessions[-1].presenting.strip()[:12],
        full.plans[-1].goals.strip()[:12],
        full.concerns[0].description.strip()[:12],
        full.tier_history[-1].reason.strip()[:12],
    ]
    assert all(secrets)

    viewer = sign_in(folder, "viewer")
    window = open_window(qtbot, viewer, demo[1])
    try:
        assert window.file is not None and window.file.restricted
        texts = "\n".join(all_texts(window))
        for secret in secrets:
            assert secret not in texts
        assert window.header.name_label.text() == full.header.name  # the header is there
        for key in RESTRICTED_TABS:
            index = window.tab_index(key)
            assert not window.tabs.isTabEnabled(index)
            assert window.tabs.tabToolTip(index) == restricted_text()
            page = window.page(key)
            assert isinstance(page, RecordsPage)
            assert page.notice.text() == restricted_text() and not page.sections
        tiers = window.page(TIERS)
        assert isinstance(tiers, RecordsPage)
        assert tiers.sections[0].model.rowCount() == len(full.tier_history)  # tier: visible
        assert tiers.sections[1].model.rowCount() == len(full.tasks)  # required actions
        assert tiers.sections[2].section.restricted  # concerns: not
        editor = window.page(OVERVIEW)
        assert editor is window.profile
        assert window.profile.save_button.isHidden()
        assert window.profile.name_edit.isReadOnly()
        assert not window.profile.read_only_note.isHidden()
    finally:
        window.wait_for_jobs()
        viewer.close()


def test_lock_hides_the_file_and_unlock_reloads_it(
    qtbot: QtBot, demo: tuple[Path, int], tmp_path: Path
) -> None:
    folder = copy_vault(demo[0], tmp_path)
    handle = SessionHandle(sign_in(folder, "counsellor"))
    window = StudentFileWindow(handle, demo[1])
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.loaded, timeout=10_000):
            window.reload()
        name = window.header.name_label.text()
        assert name
        handle.lock()
        assert window.file is None and window.tabs.isHidden()
        assert window.header.name_label.text() == ""
        assert window.timeline.model.rowCount() == 0
        with qtbot.waitSignal(window.loaded, timeout=10_000):
            handle.unlock(sign_in(folder, "viewer"))  # another user, another role
        assert window.header.name_label.text() == name
        assert window.file is not None and window.file.restricted
        assert not window.tabs.isTabEnabled(window.tab_index(SESSIONS))
        assert window.profile.save_button.isHidden()
    finally:
        window.wait_for_jobs()
        handle.end()
