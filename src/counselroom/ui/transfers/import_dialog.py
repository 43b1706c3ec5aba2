"""Receiving student files: choose the archive, give the passphrase when it has one, look at
the preview (read in the background: every check but trust), then import in one transaction.

A sender not on the trust list — or a trusted school's name with other keys — is imported only
after the user ticks that he compared the fingerprint; the import then adds the card to the
list. Importing an archive a second time changes nothing, and the dialog says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.school_cards import KEY_CHANGED, UNKNOWN
from counselroom.services.transfer_import import (
    IMPORTED,
    MERGED,
    REFUSED,
    UNCHANGED,
    ImportPreview,
    ImportResult,
    import_archive,
    needs_passphrase,
    preview_import,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.save_dialog import default_folder
from counselroom.ui.session import SessionHandle
from counselroom.ui.transfers.import_preview import ImportPreviewView
from counselroom.ui.transfers.job_text import failure_text

OpenPathChooser = Callable[[QWidget, str, Path], Path | None]
STYLE = 'QLabel#importStatus[tone="error"] { color: #B71C1C; }'


def choose_archive_file(parent: QWidget, title: str, folder: Path) -> Path | None:
    """The native open dialog; tests replace `ImportDialog.choose_file`."""
    label = QCoreApplication.translate("ImportDialog", "Transfer archive (*.crx);;All files (*)")
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(folder), label)
    return Path(name) if name else None


class ImportDialog(QDialog):
    step_done = Signal()  # a background step (passphrase check, preview, import) delivered
    imported = Signal(object)  # ImportResult that wrote something

    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self.choose_file: OpenPathChooser = choose_archive_file
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Receive student files"))
        self.setStyleSheet(STYLE)
        self.path_edit = named(QLineEdit(), "archivePath")
        self.path_edit.setReadOnly(True)
        browse = named(QPushButton(self.tr("&Choose archive…")), "chooseArchive")
        browse.clicked.connect(lambda: self.choose())
        self.passphrase = named(QLineEdit(), "passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("The passphrase the sending school gave you"))
        self.passphrase.returnPressed.connect(lambda: self.open_preview())
        self.open_button = named(QPushButton(self.tr("&Open")), "openArchive")
        self.open_button.clicked.connect(lambda: self.open_preview())
        self.passphrase_row = QWidget()
        row = QHBoxLayout(self.passphrase_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Passphrase:")))
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.open_button)
        self.passphrase_row.hide()
        self.view = ImportPreviewView(self)
        self.view.hide()
        self.compared = named(
            QCheckBox(
                self.tr(
                    "I compared the fingerprint with the sending school by phone or on paper; "
                    "trust this school"
                )
            ),
            "comparedSender",
        )
        self.compared.hide()
        self.compared.toggled.connect(lambda _on: self._update())
        self.status_label = named(QLabel(), "importStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button: QPushButton = named(
            buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole),
            "startImport",
        )
        self.import_button.clicked.connect(lambda: self.start_import())
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Archive:")))
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.passphrase_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.compared)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.resize(900, 640)
        self._say(self.tr("Choose the archive (*.crx) the other school sent."))
        self._update()

    # -- steps -------------------------------------------------------------------------------

    def choose(self) -> bool:
        path = self.choose_file(self, self.tr("Open a transfer archive"), default_folder())
        return path is not None and self.open_file(path)

    def open_file(self, path: Path) -> bool:
        """Take an archive: ask for its passphrase if it has one, else preview it at once."""
        self.path, self.preview, self.import_result = path, None, None
        self.path_edit.setText(str(path))
        self.passphrase.clear()
        self.passphrase_row.hide()
        self.view.clear()
        self.view.hide()
        self.compared.setChecked(False)
        self.compared.hide()

        def checked(protected: bool) -> None:
            if protected:
                self.passphrase_row.show()
                self.passphrase.setFocus()
                self._say(self.tr("This archive is protected by a passphrase."))
                self._finish_step()
            else:
                self.busy = False
                self.open_preview()

        return self._run(lambda ctx: needs_passphrase(path), checked, self.tr("Not opened: %1"))

    def open_preview(self) -> bool:
        path = self.path
        if path is None or self.busy:
            return False
        passphrase = self.passphrase.text() if self.passphrase_row.isVisible() else None
        if passphrase is not None and not passphrase:
            self._say(self.tr("Type the passphrase."), error=True)
            return False
        self._say(self.tr("Checking the archive…"))
        return self._run(
            lambda ctx: preview_import(ctx, path, passphrase),
            self._show_preview,
            self.tr("Refused: %1"),
        )

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.view.show_preview(preview)
        self.view.show()
        self.compared.setVisible(preview.standing in (UNKNOWN, KEY_CHANGED))
        self._say(self.tr("Every check passed. Nothing is imported until you press Import."))
        self._finish_step()

    def start_import(self) -> bool:
        path, preview = self.path, self.preview
        if path is None or preview is None or self.busy or not self.may_import():
            return False
        passphrase = self.passphrase.text() if self.passphrase_row.isVisible() else None
        trust = preview.standing in (UNKNOWN, KEY_CHANGED) and self.compared.isChecked()
        self._say(self.tr("Importing…"))
        return self._run(
            lambda ctx: import_archive(
                ctx, path, passphrase, trust_sender=trust, expected_sha256=preview.sha256
            ),
            self._imported,
            self.tr("Not imported: %1"),
        )

    def _imported(self, result: ImportResult) -> None:
        self.import_result = result
        self.preview = result.preview
        self.view.show_preview(result.preview)
        self.compared.hide()
        p = result.preview
        if result.transfer_id is None:
            self._say(self.tr("Nothing new: this archive was imported before; nothing changed."))
        else:
            text = fill(
                self.tr("Imported: %1 new, %2 merged, %3 without change, %4 refused."),
                p.count(IMPORTED),
                p.count(MERGED),
                p.count(UNCHANGED),
                p.count(REFUSED),
            )
            if result.trusted_now:
                text += " " + fill(self.tr("%1 was added to the trust list."), p.sender.name)
            self._say(text)
            self.imported.emit(result)
        self._finish_step()

    # -- state -------------------------------------------------------------------------------

    def may_import(self) -> bool:
        preview = self.preview
        if preview is None or self.import_result is not None:
            return False
        return preview.standing not in (UNKNOWN, KEY_CHANGED) or self.compared.isChecked()

    def _update(self) -> None:
        self.import_button.setEnabled(not self.busy and self.may_import())
        self.open_button.setEnabled(not self.busy)

    def _run(self, fn: Callable[..., object], deliver: Callable[..., None], failed: str) -> bool:
        def failure(exc: BaseException) -> None:
            self._say(failure_text(exc, failed), error=True)
            self._finish_step()

        self.busy = True
        self._update()
        job = self.handle.run(fn, owner=self, on_success=deliver, on_failure=failure)
        if job is None:
            self.busy = False
            self._update()
        return job is not None

    def _finish_step(self) -> None:
        self.busy = False
        self._update()
        self.step_done.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("tone", "error" if error else "")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
