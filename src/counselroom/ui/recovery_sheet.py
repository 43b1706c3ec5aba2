"""“Print recovery sheet…” / “Save recovery sheet as PDF…” beside the recovery code shown once.

The sheet (services.documents.render_recovery_sheet) is rendered in the worker from what the
wizard or the recovery dialog has at hand, and handed to the output seam: the print dialog, or
a save dialog writing the file atomically with owner-only permissions. Nothing is recorded or
audited and the code is never logged: the sheet exists for the locked cabinet, and a record
of it would be a copy of the code. Tests install their own output with `replaced()`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.documents.data import SchoolCardInfo
from counselroom.domain.errors import CounselRoomError
from counselroom.services import documents
from counselroom.services.saved_files import save_file
from counselroom.ui import dialogs
from counselroom.ui.documents import printing
from counselroom.ui.documents.save_path import choose_pdf_path
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.save_dialog import default_folder
from counselroom.ui.worker import BackgroundJob, run_in_background
from counselroom.vault.errors import VaultError
from counselroom.vault.keyslots import KeyFile
from counselroom.vault.layout import VaultLayout

if TYPE_CHECKING:  # the wizard package imports this module through its recovery page
    from counselroom.ui.wizard.code_check import RecoveryCodeCheck

translate = QCoreApplication.translate


@dataclass(frozen=True)
class SheetFacts:
    """What the sheet prints; `repr` leaves the code out, should it ever reach a log."""

    school_name: str
    vault_id: str
    recovery_code: str = field(repr=False)
    admin: str
    printed_by: str
    card: SchoolCardInfo | None = None  # the school's card, printed on a page of its own


def render_sheet(facts: SheetFacts) -> bytes:
    return documents.render_recovery_sheet(
        facts.school_name,
        facts.vault_id,
        facts.recovery_code,
        facts.admin,
        facts.printed_by,
        facts.card,
    )


class SheetOutput(Protocol):
    def print_pdf(self, parent: QWidget, pdf: bytes) -> None: ...

    def save_pdf(self, parent: QWidget, pdf: bytes, suggested: str) -> None: ...


class DialogOutput:
    """The real one: the print dialog (opened with `open()`) or the save dialog, reusing the
    document preview's printing and file-name helpers (ui/documents)."""

    def print_pdf(self, parent: QWidget, pdf: bytes) -> None:
        printer = printing.make_printer()
        printer.setDocName("恢复码单")

        def chosen(accepted: bool) -> None:
            if accepted:
                print_sheet(parent, printer, pdf)

        printing.open_print_dialog(parent, printer, chosen)

    def save_pdf(self, parent: QWidget, pdf: bytes, suggested: str) -> None:
        title = translate("RecoverySheet", "Save the recovery sheet")
        path = choose_pdf_path(parent, title, default_folder() / suggested)
        if path is not None:
            write_sheet(parent, path, pdf)


def print_sheet(parent: QWidget, printer: QPrinter, pdf: bytes) -> bool:
    """Paint the sheet's pages on `printer`; a failure is told, not raised."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        printing.print_pages(document, printer)
    except printing.PrintFailed as exc:
        dialogs.inform(
            parent,
            translate("RecoverySheet", "Not printed"),
            fill(translate("RecoverySheet", "The recovery sheet was not printed: %1"), exc),
        )
        return False
    finally:
        document.close()
        buffer.close()
    return True


def write_sheet(parent: QWidget, path: Path, pdf: bytes) -> bool:
    """Write the sheet (atomic, owner-only) and say what to do with the file."""
    try:
        save_file(path, pdf)
    except CounselRoomError as exc:
        dialogs.inform(
            parent,
            translate("RecoverySheet", "Not saved"),
            fill(translate("RecoverySheet", "The recovery sheet was not saved: %1"), exc),
        )
        return False
    dialogs.inform(
        parent,
        translate("RecoverySheet", "Recovery sheet saved"),
        fill(
            translate(
                "RecoverySheet",
                "Saved as %1.\n\nThis file holds the recovery code: print it, keep the paper in "
                "the locked cabinet, and delete the file — or keep it only on a USB drive that "
                "stays in the cabinet.",
            ),
            path,
        ),
    )
    return True


_output: SheetOutput = DialogOutput()


def install(output: SheetOutput) -> SheetOutput:
    """Use `output` from now on; return the previous one."""
    global _output
    previous, _output = _output, output
    return previous


@contextlib.contextmanager
def replaced(output: SheetOutput) -> Iterator[SheetOutput]:
    previous = install(output)
    try:
        yield output
    finally:
        install(previous)


class RecoverySheetButtons(QWidget):
    """The two buttons; `facts()` gives what to print, or None when there is no code to print."""

    def __init__(
        self, facts: Callable[[], SheetFacts | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._facts = facts
        self.job: BackgroundJob[bytes] | None = None
        self.print_button = QPushButton(self.tr("&Print recovery sheet…"))
        self.save_button = QPushButton(self.tr("&Save recovery sheet as PDF…"))
        self.print_button.clicked.connect(lambda: self.produce(print_it=True))
        self.save_button.clicked.connect(lambda: self.produce(print_it=False))
        self.problem = named(QLabel(), "fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.print_button)
        layout.addWidget(self.save_button)
        layout.addWidget(self.problem, 1)
        layout.addStretch(0)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def produce(self, *, print_it: bool) -> None:
        facts = self._facts()
        if facts is None or self.busy:
            return
        self.problem.hide()
        self._set_busy(True)
        self.job = run_in_background(
            lambda: render_sheet(facts),
            owner=self,
            on_success=lambda pdf: self._rendered(pdf, facts, print_it=print_it),
            on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(not busy)

    def _rendered(self, pdf: bytes, facts: SheetFacts, *, print_it: bool) -> None:
        self.job = None
        self._set_busy(False)
        if self._facts() is None:
            return  # the code was forgotten meanwhile (Finish, Done): its sheet goes with it
        if print_it:
            _output.print_pdf(self.window(), pdf)
        else:
            _output.save_pdf(self.window(), pdf, suggested_name(facts))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._set_busy(False)
        # A CounselRoomError names a font or a character, never the code; anything else is
        # named by its type only, in case its text carries a value.
        reason = str(exc) if isinstance(exc, CounselRoomError) else type(exc).__name__
        self.problem.setText(fill(self.tr("The recovery sheet could not be made: %1"), reason))
        self.problem.show()


def suggested_name(facts: SheetFacts) -> str:
    """A file name that says what it is, never the code: 恢复码单-<vault id start>.pdf."""
    return f"恢复码单-{facts.vault_id[:8]}.pdf"


def vault_id_of(folder: Path) -> str:
    """The vault's id as `vault.keys` holds it (readable without a key); "" if unreadable."""
    try:
        return KeyFile.parse(VaultLayout(folder).keys.read_bytes()).vault_id
    except (OSError, VaultError):
        return ""


def offer_sheet(
    check: RecoveryCodeCheck, facts: Callable[[], SheetFacts | None]
) -> RecoverySheetButtons:
    """Put the buttons under the code's note, which from now on mentions the sheet."""
    buttons = RecoverySheetButtons(facts, check)
    check.note.setText(
        translate(
            "RecoverySheet",
            "Print the recovery sheet now (or write the code on paper and check every group) "
            "and keep it in the locked cabinet (专人专柜), away from this PC. This code will "
            "not be shown again.",
        )
    )
    layout = check.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(layout.indexOf(check.note) + 1, buttons)
    return buttons
