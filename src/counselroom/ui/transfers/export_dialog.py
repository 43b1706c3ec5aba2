"""Sending student files to another school (档案转接; PIPL art. 23): who, to whom, why, with
which consent, where to save — then the archive is made in the background with a progress bar
and Cancel, and the dialog says how many students were marked 转出, the file and its SHA-256.

The service checks everything again (trust, passphrase length, consent); the dialog's checks
only say early what it would refuse. Exporting changes the students' status, so it is asked
once more before it starts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.school_cards import trusted_cards
from counselroom.services.students import list_students
from counselroom.services.transfer_export import ExportResult, export_students
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.save_dialog import default_folder
from counselroom.ui.session import SessionHandle
from counselroom.ui.transfers.cover_letter import CoverLetter
from counselroom.ui.transfers.export_parts import (
    ExportChoices,
    ReasonFields,
    SavePathChooser,
    archive_name,
    choose_archive_path,
    request_for,
)
from counselroom.ui.transfers.job_text import failure_text
from counselroom.ui.transfers.recipient_box import RecipientBox
from counselroom.ui.transfers.student_chooser import StudentChooser
from counselroom.ui.worker import BackgroundJob, JobControl

STYLE = 'QLabel#exportStatus[tone="error"] { color: #B71C1C; }'


class ExportDialog(QDialog):
    loaded = Signal()
    exported = Signal(object)  # ExportResult
    ended = Signal()  # a run ended: exported, cancelled or refused

    def __init__(
        self, handle: SessionHandle, parent: QWidget | None = None, *, ticked: tuple[int, ...] = ()
    ) -> None:
        super().__init__(parent)
        self.handle = handle
        self.choose_path: SavePathChooser = choose_archive_path
        self.job: BackgroundJob[ExportResult] | None = None
        self.exported_result: ExportResult | None = None
        self.cancel_requested = False
        self._ticked = ticked
        self.setWindowTitle(self.tr("Send student files to another school"))
        self.setStyleSheet(STYLE)
        self.chooser = StudentChooser(self)
        self.recipient_box = RecipientBox(self)
        fields = ReasonFields(self)
        fields.browse_button.clicked.connect(self.browse)
        self.purpose, self.consent, self.path_edit = fields.purpose, fields.consent, fields.path
        self.progress = QProgressBar()
        self.progress.hide()
        self.status_label = named(QLabel(), "exportStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.start_button: QPushButton = named(
            buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole),
            "startExport",
        )
        self.cancel_button: QPushButton = named(
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelExport"
        )
        self.letter_button: QPushButton = named(
            buttons.addButton(
                self.tr("Print &cover letter…"), QDialogButtonBox.ButtonRole.ActionRole
            ),
            "coverLetter",
        )
        self.letter_button.hide()  # shown once an archive exists to go with it
        self.cover_letter = CoverLetter(handle, self)
        self.cover_letter.failed.connect(lambda text: self._say(text, error=True))
        self.letter_button.clicked.connect(self.print_cover_letter)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

        form = QFormLayout()
        form.addRow(self.tr("Students:"), self.chooser)
        form.addRow(self.tr("To:"), self.recipient_box)
        form.addRow(self.tr("Purpose:"), self.purpose)
        form.addRow(self.tr("Consent:"), self.consent)
        form.addRow("", fields.consent_note)
        form.addRow(self.tr("Save as:"), fields.where)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        for signal in (self.chooser.changed, self.recipient_box.changed):
            signal.connect(self._update)
        self.consent.textChanged.connect(lambda _t: self._update())
        self.path_edit.textChanged.connect(lambda _t: self._update())
        self.purpose.editTextChanged.connect(lambda _t: self._update())
        self.finished.connect(self._finished)
        self.resize(720, 760)
        self._update()

    # -- loading ---------------------------------------------------------------------------------

    def load(self) -> bool:
        """Read the students and the trust list in the background."""

        def read(ctx: Context) -> ExportChoices:
            return ExportChoices(list_students(ctx), trusted_cards(ctx))

        def show(choices: ExportChoices) -> None:
            self.chooser.set_rows(choices.students, self._ticked)
            self.recipient_box.set_cards(choices.cards)
            self._update()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            self._say(failure_text(exc, self.tr("Could not read the vault: %1")), error=True)
            self.loaded.emit()

        return self.handle.run(read, owner=self, on_success=show, on_failure=failed) is not None

    def browse(self) -> None:
        recipient = self.recipient_box.recipient()
        current = self.path_edit.text().strip()
        suggested = (
            Path(current)
            if current
            else default_folder() / archive_name(recipient.name if recipient else "", local_today())
        )
        chosen = self.choose_path(self, self.tr("Save the transfer archive"), suggested)
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    # -- checking ----------------------------------------------------------------------------

    def problem(self) -> str | None:
        if self.chooser.choice().count == 0:
            return self.tr("Choose at least one student.")
        recipient_problem = self.recipient_box.problem()
        if recipient_problem is not None:
            return recipient_problem
        if not self.purpose.currentText().strip():
            return self.tr("Say why the files are handed over (purpose).")
        if not self.consent.text().strip():
            return self.tr("Record the family's consent (PIPL art. 23).")
        if not self.path_edit.text().strip():
            return self.tr("Choose where to save the archive.")
        return None

    def _update(self) -> None:
        if self.job is not None:
            return
        problem = self.problem()
        self.start_button.setEnabled(problem is None)
        if self.exported_result is None:
            self._say(problem or self._summary(), error=False)

    def _summary(self) -> str:
        recipient = self.recipient_box.recipient()
        to = recipient.name if recipient and recipient.name else self.tr("a passphrase")
        return fill(
            self.tr("%1 student(s) will be sent to %2 and marked 转出 (transferred out)."),
            self.chooser.choice().count,
            to,
        )

    def _say(self, text: str, *, error: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("tone", "error" if error else "")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    # -- running -----------------------------------------------------------------------------

    def start(self) -> bool:
        recipient = self.recipient_box.recipient()
        if self.job is not None or self.problem() is not None or recipient is None:
            return False
        choice = self.chooser.choice()
        target = Path(self.path_edit.text().strip())
        question = fill(
            self.tr(
                "Send the files of %1 student(s) to %2? They will be marked 转出 "
                "(transferred out) here."
            ),
            choice.count,
            recipient.name or self.tr("the holder of the passphrase"),
        )
        if not dialogs.ask(self, self.tr("Send student files?"), question):
            return False
        purpose, consent = self.purpose.currentText(), self.consent.text()
        ctx = self.handle.ctx
        if ctx is None:
            return False

        def work(control: JobControl) -> ExportResult:
            ids = choice.resolve(ctx)
            request = request_for(ids, purpose, consent, recipient)

            def progress(done: int, total: int) -> bool:
                control.report(done, total)
                return not control.cancelled

            return export_students(ctx, request, target, progress)

        job: BackgroundJob[ExportResult] = BackgroundJob(work, owner=self)
        job.on_progress(self._progressed).on_success(self._done).on_failure(self._failed)
        self.job, self.cancel_requested, self.exported_result = job, False, None
        self.handle.track(job)  # a lock waits for the export before it closes the database
        self.progress.setRange(0, max(1, choice.count))
        self.progress.setValue(0)
        self.progress.show()
        self.start_button.setEnabled(False)
        self._say(self.tr("Preparing the archive…"), error=False)
        job.start()
        return True

    def cancel(self) -> None:
        """Stop a running export (nothing is written or marked); without one, close."""
        if self.job is None:
            self.reject()
            return
        self.cancel_requested = True
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self._say(self.tr("Stopping…"), error=False)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _ended(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self._update()
        self.ended.emit()

    def _done(self, result: ExportResult) -> None:
        self.exported_result = result
        self._ended()
        self.start_button.setEnabled(False)  # the students are 转出 now: no second run
        self.cancel_button.setText(self.tr("Close"))
        self.letter_button.show()
        self._say(
            fill(
                self.tr(
                    "%1 student(s) exported and marked 转出 (transferred out).\n"
                    "File: %2\nSHA-256: %3"
                ),
                len(result.students),
                result.path,
                result.sha256,
            ),
            error=False,
        )
        self.exported.emit(result)

    def print_cover_letter(self) -> bool:
        """The 档案转接函 of the export just made, in the document preview."""
        result = self.exported_result
        return result is not None and self.cover_letter.open(result.transfer_id)

    def _failed(self, exc: BaseException) -> None:
        cancelled = self.cancel_requested
        self._ended()
        if cancelled:
            self._say(
                self.tr("Cancelled: nothing was written and no student was marked."), error=False
            )
        else:
            self._say(failure_text(exc, self.tr("Not exported: %1")), error=True)

    def _finished(self) -> None:
        if self.job is not None:  # closed while running: stop the export
            self.cancel_requested = True
            self.job.cancel()
