"""Recovery sheet from the wizard and the password reset: the code on paper, nowhere else."""

from __future__ import annotations

import functools
import io
import logging
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.domain.errors import CounselRoomError
from counselroom.services import auth
from counselroom.services.saved_files import save_file
from counselroom.services.school_identity import school_card
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.storage.models import AuditEntry
from counselroom.ui import dialogs, recovery_sheet
from counselroom.ui.i18n import fill
from counselroom.ui.recovery_dialog import RecoveryDialog
from counselroom.ui.recovery_sheet import RecoverySheetButtons, SheetFacts
from counselroom.ui.wizard import FirstRunWizard
from counselroom.ui.wizard.wizard import RECOVERY
from counselroom.vault.kdf import INSECURE_TEST_PARAMS, KdfParams
from counselroom.vault.keyslots import KeyFile

PASSWORD = "a quiet room 42"
NEW = "a brand new passphrase"
SCHOOL = "重庆市渝北区实验中学"
Button = QWizard.WizardButton
cheap_recover = functools.partial(auth.recover, kdf=INSECURE_TEST_PARAMS)
translate = QCoreApplication.translate


@dataclass
class CapturedOutput:
    """The output seam replaced: keeps what would have gone to the printer or the disk."""

    printed: list[bytes] = field(default_factory=list)
    saved: list[tuple[bytes, str]] = field(default_factory=list)

    def print_pdf(self, parent: QWidget, pdf: bytes) -> None:
        self.printed.append(pdf)

    def save_pdf(self, parent: QWidget, pdf: bytes, suggested: str) -> None:
        self.saved.append((pdf, suggested))


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


@pytest.fixture
def output() -> Iterator[CapturedOutput]:
    with recovery_sheet.replaced(CapturedOutput()) as captured:
        assert isinstance(captured, CapturedOutput)
        yield captured


def cheap() -> KdfParams:
    return INSECURE_TEST_PARAMS


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def shows_code(pdf: bytes, code: str) -> bool:
    """Every group of `code`, in order (the sheet sets them apart with spaces and lines)."""
    digits = "".join(ch for ch in pdf_text(pdf) if ch.isdigit())
    return "".join(code.split("-")) in digits


def vault_id(folder: Path) -> str:
    return KeyFile.parse((folder / "vault.keys").read_bytes()).vault_id


def created_wizard(qtbot: QtBot, folder: Path) -> FirstRunWizard:
    wizard = FirstRunWizard(folder, calibrate=cheap)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.school_page.name_edit.setText(SCHOOL)
    wizard.button(Button.NextButton).click()
    admin = wizard.admin_page
    admin.username_edit.setText("liu")
    admin.display_edit.setText("刘老师")
    admin.password_edit.setText(PASSWORD)
    admin.repeat_edit.setText(PASSWORD)
    wizard.button(Button.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY, timeout=20_000)
    return wizard


def test_the_wizard_prints_and_saves_the_sheet_with_the_code(
    qtbot: QtBot, tmp_path: Path, output: CapturedOutput, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    folder = tmp_path / "vault"
    wizard = created_wizard(qtbot, folder)
    code = wizard.recovery_code
    assert code is not None
    buttons = wizard.recovery_page.sheet_buttons
    assert buttons.isVisible() and buttons.save_button.isEnabled()
    note = wizard.recovery_page.check.note.text()  # now sends the user to the sheet
    assert note == translate(
        "RecoverySheet",
        "Print the recovery sheet now (or write the code on paper and check every group) "
        "and keep it in the locked cabinet (专人专柜), away from this PC. This code will "
        "not be shown again.",
    )
    buttons.save_button.click()
    qtbot.waitUntil(lambda: len(output.saved) == 1, timeout=20_000)
    pdf, suggested = output.saved[0]
    text = pdf_text(pdf)
    assert shows_code(pdf, code)
    assert SCHOOL in text and "刘老师（liu）" in text and vault_id(folder) in text
    assert suggested.endswith(".pdf") and code.split("-")[0] not in suggested
    # the new vault's school card follows on a page of its own, fingerprint in groups of five
    ctx = wizard.create_page.result.ctx if wizard.create_page.result else None
    assert ctx is not None
    spoken = school_card(ctx).spoken_fingerprint
    assert "学校名片" in text and spoken in " ".join(text.split())
    buttons.print_button.click()
    qtbot.waitUntil(lambda: len(output.printed) == 1, timeout=20_000)
    assert shows_code(output.printed[0], code)
    # Nothing recorded or audited, nothing logged.
    with ctx.vault.read() as session:
        entries = session.scalars(select(AuditEntry)).all()
    digits = "".join(code.split("-"))
    for entry in entries:
        assert "recovery" not in entry.action and "sheet" not in entry.action
        assert not any(group in f"{entry.target} {entry.detail}" for group in code.split("-"))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not any(group in logged for group in code.split("-")) and digits not in logged
    assert code not in repr(SheetFacts("s", "v", code, "a", "b"))
    # Once finished, the code is forgotten and no sheet can be made any more.
    wizard.recovery_page.check.retype.setText(wizard.recovery_page.check.expected)
    with qtbot.waitSignal(wizard.created, timeout=5000) as blocker:
        wizard.button(Button.FinishButton).click()
    blocker.args[0].close()
    assert wizard.recovery_page.sheet_facts() is None


def test_the_reset_dialog_offers_the_sheet_of_the_new_code(
    qtbot: QtBot, tmp_path: Path, output: CapturedOutput
) -> None:
    folder = tmp_path / "vault"
    ctx, old_code = init_vault(folder, SchoolDetails(SCHOOL), "admin", PASSWORD, kdf=cheap())
    ctx.close()
    dialog = RecoveryDialog(folder, usernames=["admin"], recover=cheap_recover)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.sheet_facts() is None  # no new code yet
    dialog.code_input.set_code(old_code)
    dialog.password_edit.setText(NEW)
    dialog.repeat_edit.setText(NEW)
    dialog.reset_button.click()
    qtbot.waitUntil(lambda: dialog.showing_new_code, timeout=20_000)
    new_code = dialog.check.shown_code()
    assert new_code != old_code
    assert dialog.sheet_buttons.isVisible()
    dialog.sheet_buttons.save_button.click()
    qtbot.waitUntil(lambda: len(output.saved) == 1, timeout=20_000)
    pdf = output.saved[0][0]
    assert shows_code(pdf, new_code) and not shows_code(pdf, old_code)
    assert vault_id(folder) in pdf_text(pdf) and "admin" in pdf_text(pdf)
    cheap_recover(folder, new_code, "admin", "yet another pass 1")  # the printed code works


def test_a_sheet_that_cannot_be_made_says_why_without_the_code(
    qtbot: QtBot, output: CapturedOutput, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "111111-222222-333333-444444-555555-666666-777777-888888"

    def broken(*_args: object) -> bytes:
        raise RuntimeError(f"renderer exploded on {code}")

    monkeypatch.setattr(recovery_sheet.documents, "render_recovery_sheet", broken)
    buttons = RecoverySheetButtons(lambda: SheetFacts("学校", "id", code, "a", "a"))
    qtbot.addWidget(buttons)
    buttons.show()
    buttons.save_button.click()
    qtbot.waitUntil(lambda: buttons.problem.isVisible(), timeout=10_000)
    assert "RuntimeError" in buttons.problem.text() and "111111" not in buttons.problem.text()
    assert output.saved == [] and buttons.save_button.isEnabled()


def test_the_saved_file_is_private_and_the_printer_gets_every_page(
    qtbot: QtBot, tmp_path: Path, prompter: dialogs.ScriptedPrompter
) -> None:
    code = "111111-222222-333333-444444-555555-666666-777777-888888"
    pdf = recovery_sheet.render_sheet(SheetFacts(SCHOOL, "abc123", code, "admin", "admin"))
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "sheet.pdf"
    assert recovery_sheet.write_sheet(parent, target, pdf)
    assert target.read_bytes() == pdf
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(prompter.informed) == 1 and str(target) in prompter.informed[0][1]
    missing = tmp_path / "missing" / "x.pdf"
    with pytest.raises(CounselRoomError) as refused:
        save_file(missing, pdf)
    assert not recovery_sheet.write_sheet(parent, missing, pdf)
    assert prompter.informed[-1] == (
        translate("RecoverySheet", "Not saved"),
        fill(translate("RecoverySheet", "The recovery sheet was not saved: %1"), refused.value),
    )
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert recovery_sheet.print_sheet(parent, printer, pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert len(PdfReader(str(printed)).pages) == pages >= 1
