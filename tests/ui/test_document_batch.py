"""Batch printing: parent notices for chosen students, skipped ones named with their reason,
progress to the total, and a Cancel that stops the batch and records nothing."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_casework_support import Case, make_case
from test_document_preview import add_students, records_of
from test_student_file_support import StaticSource

from counselroom.services import documents as document_service
from counselroom.services.roles import Role
from counselroom.services.students import StudentRow, list_students
from counselroom.ui.documents import batch_dialog
from counselroom.ui.documents.batch_dialog import BatchPrintDialog, classes_of
from counselroom.ui.documents.preview_dialog import DocumentPreviewDialog, service_reason
from counselroom.ui.session import SessionHandle
from counselroom.ui.students_page import StudentsPage


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


def rows_of(case: Case) -> list[StudentRow]:
    return list_students(case.counsellor)


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    """The students page in the program: the batch dialog deletes itself when it closes."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def batch(owner: QWidget, case: Case, selected: list[StudentRow]) -> BatchPrintDialog:
    dialog = BatchPrintDialog(StaticSource(case.counsellor), rows_of(case), selected, owner)
    dialog.show()
    return dialog


def test_three_students_give_two_notices_and_one_left_out(
    qtbot: QtBot, case: Case, owner: QWidget
) -> None:
    ids = add_students(case)
    rows = rows_of(case)
    dialog = batch(owner, case, rows)
    assert dialog.use_selection.isChecked() and len(dialog.chosen_students()) == 3
    progress: list[tuple[int, int]] = []
    dialog.progressed.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(dialog.preview_opened, timeout=30_000) as opened:
        dialog.start_button.click()
    preview = opened.args[0]
    assert preview.parentWidget() is dialog.parentWidget()  # outlives the batch dialog
    assert isinstance(preview, DocumentPreviewDialog) and preview.isVisible()
    rendered = preview.rendered
    assert len(rendered.numbers) == 2 and set(rendered.student_ids) == {ids["张三"], ids["李四"]}
    assert [sid for sid, _reason in rendered.skipped] == [ids["王五"]]
    assert progress[-1] == (4, 4) and progress == sorted(progress)
    assert (
        preview.view.page_count()
        == rendered.pages
        == len(PdfReader(io.BytesIO(rendered.pdf)).pages)
    )
    text = preview.skipped_label.text()
    assert preview.skipped_area.isVisibleTo(preview)
    reason = QCoreApplication.translate(
        "problems", "the student is at tier 0: parent notices go out from tier 1"
    )
    assert service_reason(rendered.skipped[0][1]) == reason  # the service's reason, translated
    assert "王五" in text and reason in text  # the name and the reason
    assert len(set(rendered.numbers)) == 2
    assert records_of(case) == []  # nothing recorded until printed or saved
    assert not dialog.isVisible()


def test_cancel_stops_the_batch_and_records_nothing(
    qtbot: QtBot, case: Case, owner: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_students(case)
    gate = threading.Event()
    real = document_service.render_batch
    calls: list[int] = []

    def held(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def report(done: int, total: int) -> None:
            progress(done, total)
            calls.append(done)
            if done == 1:  # hold the worker until the user has pressed Cancel
                assert gate.wait(10)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(batch_dialog, "render_batch", held)
    dialog = batch(owner, case, rows_of(case))
    opened: list[object] = []
    dialog.preview_opened.connect(opened.append)

    def first_progress(done: int, _total: int) -> None:
        if done == 1:
            dialog.cancel_button.click()
            gate.set()

    dialog.progressed.connect(first_progress)
    dialog.start_button.click()
    assert dialog.job is not None and not dialog.start_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30_000)
    assert calls == [1]  # the second notice was never made
    assert opened == [] and dialog.isVisible()
    assert dialog.status_label.text() == QCoreApplication.translate(
        "BatchPrintDialog", "Cancelled: nothing was printed or recorded."
    )
    assert dialog.start_button.isEnabled() and records_of(case) == []


def test_a_class_sends_its_students_in_care(case: Case, owner: QWidget) -> None:
    ids = add_students(case)
    rows = rows_of(case)
    [(label, members)] = classes_of(rows)
    assert label == "初二(3)班" and {r.id for r in members} == {ids["张三"], ids["李四"]}
    dialog = batch(owner, case, [])
    assert not dialog.use_selection.isEnabled() and dialog.use_class.isChecked()
    assert {r.id for r in dialog.chosen_students()} == {ids["张三"], ids["李四"]}


def test_the_students_page_offers_batches_to_counsellors_only(qtbot: QtBot, case: Case) -> None:
    add_students(case)
    counsellor = StudentsPage(SessionHandle(case.counsellor), debounce_ms=0)
    viewer = StudentsPage(SessionHandle(case.viewer), debounce_ms=0)
    for page in (counsellor, viewer):
        qtbot.addWidget(page)
    assert case.viewer.actor.role == Role.VIEWER
    assert not viewer.print_button.isVisibleTo(viewer) and viewer.open_batch_print() is None
    assert counsellor.print_button.isVisibleTo(counsellor)
    counsellor.panel.set_rows(rows_of(case))
    counsellor.panel.view.selectAll()
    dialog = counsellor.open_batch_print()
    assert dialog is not None and len(dialog.selected) == 3
    assert counsellor.open_batch_print() is dialog  # the open one, not a second
    dialog.reject()
    assert counsellor.batch_dialog is None
