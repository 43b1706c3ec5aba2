"""Sending and receiving through the window, between two schools made in the test: A exports to
B's trusted card, B previews and imports (an unknown sender needs the tick), a second import
says nothing new; a wrong passphrase is refused in the window's language; Cancel writes
nothing."""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from transfers_support import Schools, open_page, scripted_prompter, two_schools

from counselroom.services import transfer_export
from counselroom.services.school_cards import UNKNOWN, read_card_file, trust_card
from counselroom.services.students import list_students
from counselroom.services.transfer_export import ExportRequest, export_students
from counselroom.services.transfer_history import transfer_history
from counselroom.services.transfer_import import IMPORTED, preview_import
from counselroom.storage.models import Student
from counselroom.transfer.errors import ArchiveError
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.problem_text import error_text
from counselroom.ui.transfers import export_dialog as export_module
from counselroom.ui.transfers.export_dialog import ExportDialog
from counselroom.ui.transfers.import_dialog import ImportDialog
from counselroom.ui.transfers.models import I_NAME, I_OUTCOME
from counselroom.ui.transfers.page import TransfersPage
from counselroom.ui.transfers.texts import outcome_label

translate = QCoreApplication.translate


@pytest.fixture
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    yield from scripted_prompter()


@pytest.fixture
def schools(tmp_path: Path) -> Iterator[Schools]:
    yield from two_schools(tmp_path)


def loaded_export(qtbot: QtBot, page: TransfersPage) -> ExportDialog:
    dialog = page.export_dialog or page.open_export()
    qtbot.waitUntil(lambda: dialog.chooser.list.count() > 0, timeout=10_000)
    return dialog


def opened_import(qtbot: QtBot, page: TransfersPage, path: Path) -> ImportDialog:
    dialog = page.open_import()
    dialog.choose_file = lambda _parent, _title, _folder: path
    with qtbot.waitSignal(dialog.step_done, timeout=20_000):
        assert dialog.choose()
    return dialog


def test_export_to_a_trusted_card_then_import_through_the_window(
    qtbot: QtBot, schools: Schools, prompter: dialogs.ScriptedPrompter, tmp_path: Path
) -> None:
    trust_card(schools.a, read_card_file(schools.card_file(schools.b, "b.crcard")))
    sender = open_page(qtbot, schools.sender)
    dialog = loaded_export(qtbot, sender)
    rows = [r for r in list_students(schools.a) if r.student_no][:2]
    assert dialog.recipient_box.use_card.isChecked()  # a trusted school is offered first
    assert "乙中学" in dialog.recipient_box.card_box.currentText()
    dialog.chooser.search.setText(rows[0].name)
    items = [dialog.chooser.list.item(n) for n in range(dialog.chooser.list.count())]
    qtbot.waitUntil(lambda: sum(not item.isHidden() for item in items) < len(items))
    assert all(rows[0].name in item.text() for item in items if not item.isHidden())
    dialog.chooser.search.clear()
    dialog.chooser.tick([r.id for r in rows])
    assert dialog.chooser.choice().count == 2
    assert not dialog.start_button.isEnabled()  # no consent, no file yet
    assert dialog.problem() == translate(
        "ExportDialog", "Record the family's consent (PIPL art. 23)."
    )
    dialog.consent.setText("转学知情同意书 2026-07")
    target = tmp_path / "to-b.crx"
    dialog.choose_path = lambda _parent, _title, suggested: target
    dialog.browse()
    assert dialog.path_edit.text() == str(target)
    assert dialog.start_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        assert dialog.start()
    assert "2" in prompter.asked[-1][1] and "乙中学" in prompter.asked[-1][1]
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    said = dialog.status_label.text()
    assert digest in said and str(target) in said
    assert said.startswith(
        fill(translate("ExportDialog", "%1 student(s) exported and marked 转出 (transferred out).\n"
                       "File: %2\nSHA-256: %3"), 2, target, digest).split("\n")[0]
    )  # fmt: skip
    with schools.a.vault.read() as session:
        marked = set(session.scalars(select(Student.id).where(Student.status == "transferred")))
    assert {r.id for r in rows} <= marked
    qtbot.waitUntil(lambda: len(sender.history.entries()) == 1, timeout=10_000)
    assert sender.history.entries()[0].direction == "export"
    # the cover letter of this archive: its SHA-256 and the receiving school, in the preview
    assert dialog.letter_button.isVisible()
    assert dialog.print_cover_letter()
    qtbot.waitUntil(lambda: dialog.cover_letter.preview is not None, timeout=20_000)
    letter = dialog.cover_letter.preview
    assert letter is not None
    letter_text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(letter.rendered.pdf)).pages
    )
    flat = "".join(letter_text.split())
    assert "乙中学" in flat and digest[:4] in flat and "档案转接函" in flat
    letter.reject()

    receiver = open_page(qtbot, schools.receiver)
    incoming = opened_import(qtbot, receiver, target)
    assert not incoming.passphrase_row.isVisible()
    preview = incoming.view
    names = [preview.model.index(n, I_NAME).data() for n in range(preview.model.rowCount())]
    assert names == [r.name for r in rows]
    assert preview.preview is not None and preview.preview.standing == UNKNOWN
    assert preview.warning.isVisible() and incoming.compared.isVisible()
    assert preview.details["consent"].text() == "转学知情同意书 2026-07"
    assert preview.model.index(0, I_OUTCOME).data() == outcome_label(IMPORTED)
    assert not incoming.import_button.isEnabled()  # unknown sender: the tick first
    assert not incoming.start_import()
    incoming.compared.setChecked(True)
    assert incoming.import_button.isEnabled()
    with qtbot.waitSignal(incoming.step_done, timeout=30_000):
        incoming.import_button.click()
    assert incoming.import_result is not None and incoming.import_result.transfer_id is not None
    assert incoming.import_result.trusted_now
    here = {r.name for r in list_students(schools.b)}
    assert {r.name for r in rows} <= here
    assert not incoming.import_button.isEnabled()  # done: no second press in this dialog
    qtbot.waitUntil(lambda: len(receiver.trust_list.cards()) == 1, timeout=10_000)
    incoming.reject()
    qtbot.waitUntil(lambda: receiver.import_dialog is None)

    again = opened_import(qtbot, receiver, target)
    assert not again.compared.isVisible()  # the sender is trusted now
    with qtbot.waitSignal(again.step_done, timeout=30_000):
        again.import_button.click()
    assert again.import_result is not None and again.import_result.transfer_id is None
    assert again.status_label.text() == translate(
        "ImportDialog", "Nothing new: this archive was imported before; nothing changed."
    )
    assert len(transfer_history(schools.b)) == 1


def test_a_wrong_passphrase_is_refused_in_the_window_language(
    qtbot: QtBot, schools: Schools, tmp_path: Path
) -> None:
    target = tmp_path / "pass.crx"
    ids = tuple(r.id for r in list_students(schools.a)[:1])
    export_students(
        schools.a,
        ExportRequest(ids, "转学", "同意书 1", passphrase="right-passphrase-42"),
        target,
    )
    page = open_page(qtbot, schools.receiver)
    dialog = opened_import(qtbot, page, target)
    assert dialog.passphrase_row.isVisible()
    assert not dialog.import_button.isEnabled()
    dialog.passphrase.setText("wrong-passphrase-42")
    with qtbot.waitSignal(dialog.step_done, timeout=30_000):
        assert dialog.open_preview()
    with pytest.raises(ArchiveError) as refused:
        preview_import(schools.b, target, "wrong-passphrase-42")
    error = refused.value
    assert error.check == "decrypt"
    translated = fill(translate("problems", error.template), *error.args_text)
    assert error_text(error) == translated
    assert dialog.status_label.text() == fill(translate("ImportDialog", "Refused: %1"), translated)
    assert dialog.status_label.property("tone") == "error"
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    assert list_students(schools.b) == []


def test_cancel_stops_the_export_and_marks_no_one(
    qtbot: QtBot,
    schools: Schools,
    prompter: dialogs.ScriptedPrompter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = threading.Event()
    real = transfer_export.export_students

    def held(*args: object, **kwargs: object) -> object:
        gate.wait(10)  # the user presses Cancel while the archive is being made
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(export_module, "export_students", held)
    page = open_page(qtbot, schools.sender)
    dialog = loaded_export(qtbot, page)
    dialog.chooser.use_all.setChecked(True)
    dialog.recipient_box.use_passphrase.setChecked(True)
    dialog.recipient_box.passphrase.setText("short")
    dialog.recipient_box.repeat.setText("short")
    assert not dialog.start_button.isEnabled()  # under ten characters
    dialog.recipient_box.passphrase.setText("long-enough-1")
    dialog.recipient_box.repeat.setText("long-enough-2")
    assert not dialog.start_button.isEnabled()  # the two differ
    dialog.recipient_box.repeat.setText("long-enough-1")
    dialog.consent.setText("合并办学 同意书")
    target = tmp_path / "all.crx"
    dialog.path_edit.setText(str(target))
    assert dialog.start()
    assert dialog.progress.isVisible()
    dialog.cancel()
    with qtbot.waitSignal(dialog.ended, timeout=30_000):
        gate.set()
    assert dialog.exported_result is None
    assert dialog.status_label.text() == translate(
        "ExportDialog", "Cancelled: nothing was written and no student was marked."
    )
    assert not target.exists()
    assert not any(r.status == "transferred" for r in list_students(schools.a))
    assert transfer_history(schools.a) == []
