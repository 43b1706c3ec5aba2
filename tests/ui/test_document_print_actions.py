"""文书 tab: "Print document…" offers the file's documents, greys the others with the reason,
asks the note, previews, and after a save the tab lists the record; a viewer cannot print."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from test_casework_support import Case, make_case, open_file_window, records
from test_document_preview import NOTE, add_students, records_of

from counselroom.services.documents import DocumentRequest, render_document
from counselroom.services.plans import MeasureInput, PlanInput, save_plan_version
from counselroom.services.roles import PermissionDenied
from counselroom.storage.models import Student
from counselroom.ui.documents.note_dialog import NoteDialog
from counselroom.ui.documents.preview_dialog import DocumentPreviewDialog, service_reason
from counselroom.ui.documents.print_actions import PRINT_DOCUMENT, DocumentActions
from counselroom.ui.student_file import StudentFileWindow, labels
from counselroom.ui.student_file.window import DOCUMENTS


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


def document_tab(
    qtbot: QtBot, case: Case, *, viewer: bool = False
) -> tuple[StudentFileWindow, DocumentActions]:
    ctx = case.viewer if viewer else case.counsellor
    window = open_file_window(qtbot, ctx, case.student_id)
    actions = window.casework.documents
    if not viewer:  # the options are read after the file, in the worker
        qtbot.waitUntil(lambda: bool(actions.options), timeout=10_000)
    window.tabs.setCurrentWidget(window.page(DOCUMENTS))
    return window, actions


def menu_entries(actions: DocumentActions) -> dict[str, QAction]:
    return {action.text(): action for action in actions.menu.actions()}


def test_the_menu_lists_the_files_documents_with_reasons(qtbot: QtBot, case: Case) -> None:
    add_students(case)
    _window, actions = document_tab(qtbot, case)
    button = actions.bar.buttons[PRINT_DOCUMENT]
    assert button.isVisible() and button.isEnabled()
    entries = menu_entries(actions)
    assert [o.title for o in actions.options] == list(entries)
    notice = next(o for o in actions.options if o.request.kind == "parent-notice")
    assert notice.available and entries[notice.title].isEnabled()
    plan = next(o for o in actions.options if o.request.kind == "plan")
    assert not plan.available and not entries[plan.title].isEnabled()
    assert plan.why_not == "the file has no plan"  # the service's English (the CLI's words)
    no_plan = QCoreApplication.translate("problems", "the file has no plan")
    assert no_plan in entries[plan.title].toolTip()  # shown in the window's language
    closure = next(o for o in actions.options if o.request.kind == "closure-report")
    assert closure.why_not
    assert service_reason(closure.why_not) in entries[closure.title].toolTip()
    # Triggering a greyed option (a keyboard shortcut, a stale menu) does nothing.
    assert actions.choose(plan) is None and not actions.rendering
    menu = actions.show_menu()
    assert menu.isVisible()
    menu.hide()


def test_a_notice_is_previewed_saved_and_listed(qtbot: QtBot, case: Case, tmp_path: Path) -> None:
    add_students(case)
    window, actions = document_tab(qtbot, case)
    assert records(window, DOCUMENTS).sections[0].model.rowCount() == 0
    notice = next(o for o in actions.options if o.request.kind == "parent-notice")
    note = actions.choose(notice)
    assert isinstance(note, NoteDialog) and note.isVisible()
    note.note.setPlainText(NOTE)
    with qtbot.waitSignal(actions.preview_opened, timeout=20_000) as opened:
        note.ok_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, DocumentPreviewDialog) and dialog.isVisible()
    assert dialog.rendered.kind == "parent-notice" and dialog.view.page_count() >= 1
    assert records_of(case) == []  # a preview records nothing
    dialog.choose_path = lambda _p, _t, suggested: tmp_path / suggested.name
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        dialog.save_button.click()
    page = records(window, DOCUMENTS)
    model = page.sections[0].model
    assert model.rowCount() == 1
    assert model.index(0, 4).data() == labels.document_action("save")
    assert model.index(0, 3).data() == dialog.rendered.title
    # the number printed on the paper is how a paper copy is matched to this record
    assert model.index(0, 1).data() == dialog.rendered.numbers[0]
    [record] = records_of(case)
    assert (record.action, record.student_id) == ("save", case.student_id)
    saved = dialog.saved_path
    assert saved is not None and saved.read_bytes() == dialog.rendered.pdf


def test_a_kind_without_a_note_goes_straight_to_the_preview(qtbot: QtBot, case: Case) -> None:
    add_students(case)
    save_plan_version(
        case.counsellor,
        case.student_id,
        PlanInput(
            assessment="睡眠差，情绪低落",
            goals="恢复规律作息",
            measures=(MeasureInput("psychology_teacher", "每周谈心一次", "每周"),),
        ),
        based_on_version=None,
    )
    _window, actions = document_tab(qtbot, case)
    plan = next(o for o in actions.options if o.request.kind == "plan")
    assert plan.available and menu_entries(actions)[plan.title].isEnabled()
    with qtbot.waitSignal(actions.preview_opened, timeout=20_000) as opened:
        assert actions.choose(plan) is None  # no note asked
    assert opened.args[0].rendered.kind == "plan"
    assert actions.note_dialog is None


def test_a_tier_0_student_gets_no_parent_notice(qtbot: QtBot, case: Case) -> None:
    add_students(case)
    with case.admin.vault.write() as s:
        student = s.get(Student, case.student_id)
        assert student is not None
        student.tier = 0
    _window, actions = document_tab(qtbot, case)
    notice = next(o for o in actions.options if o.request.kind == "parent-notice")
    assert not notice.available and "tier 0" in notice.why_not
    entry = menu_entries(actions)[notice.title]
    reason = QCoreApplication.translate(
        "problems", "the student is at tier 0: parent notices go out from tier 1"
    )
    assert service_reason(notice.why_not) == reason
    assert not entry.isEnabled() and reason in entry.toolTip()


def test_a_viewer_sees_the_button_disabled_with_the_reason(qtbot: QtBot, case: Case) -> None:
    add_students(case)
    _window, actions = document_tab(qtbot, case, viewer=True)
    button = actions.bar.buttons[PRINT_DOCUMENT]
    assert button.isVisible() and not button.isEnabled()
    assert button.toolTip() == QCoreApplication.translate(
        "DocumentActions", "Printing documents needs a counsellor account."
    )
    assert actions.menu.actions() == []
    request = DocumentRequest("parent-notice", case.student_id)
    with pytest.raises(PermissionDenied):  # the service refuses too
        render_document(case.viewer, request)


def test_locking_closes_the_preview(qtbot: QtBot, case: Case) -> None:
    add_students(case)
    window, actions = document_tab(qtbot, case)
    notice = next(o for o in actions.options if o.request.kind == "parent-notice")
    note = actions.choose(notice)
    assert note is not None
    with qtbot.waitSignal(actions.preview_opened, timeout=20_000) as opened:
        note.accept()
    dialog = opened.args[0]
    window._locked()  # what the session's `locked` signal calls
    assert not dialog.isVisible() and dialog.view.page_count() == 0  # the names are gone
    assert actions.preview is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # deleted, not only hidden
