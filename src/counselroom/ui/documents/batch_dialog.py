"""Parent notices for many students at once: the students chosen in the list, or a class.

`render_batch` runs in the worker with the job's progress and cancellation; the window shows a
progress bar and a Cancel that stops it between two students. The result opens in the preview
like a single document (one PDF, each notice on its own pages), with the students the service
left out and why (tier 0, no open file…). Nothing is recorded until it is printed or saved.

For a class only the students the list shows at tier 1–3 are sent: a class of 45 with three
students in care should not list 42 refusals. The service checks each one again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError
from counselroom.services.documents import RenderedDocument, render_batch
from counselroom.services.roles import PermissionDenied
from counselroom.services.students import StudentRow
from counselroom.ui.areas.page_base import ContextSource
from counselroom.ui.documents.errors import document_error_text
from counselroom.ui.documents.note_dialog import MAX_NOTE
from counselroom.ui.documents.preview_dialog import DocumentPreviewDialog
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.worker import BackgroundJob, JobControl

translate = QCoreApplication.translate
KIND = "parent-notice"

STYLE = """
QLabel#batchStatus[tone="error"] { color: #C62828; }
QLabel#batchStatus[tone="busy"] { color: #546E7A; }
"""


def classes_of(rows: Sequence[StudentRow]) -> list[tuple[str, list[StudentRow]]]:
    """Each class label with its students at tier 1–3, in grade then label order."""
    found: dict[str, tuple[int, list[StudentRow]]] = {}
    for row in rows:
        if not row.class_label:
            continue
        _level, members = found.setdefault(row.class_label, (row.grade_level or 0, []))
        if row.tier > 0:
            members.append(row)
    ordered = sorted(found.items(), key=lambda item: (item[1][0], item[0]))
    return [(label, members) for label, (_level, members) in ordered]


def display_name(row: StudentRow) -> str:
    return f"{row.name}（{row.class_label}）" if row.class_label else row.name


class BatchPrintDialog(QDialog):
    preview_opened = Signal(object)  # the DocumentPreviewDialog
    progressed = Signal(int, int)  # done, total: relayed from the job

    def __init__(
        self,
        source: ContextSource,
        rows: Sequence[StudentRow],
        selected: Sequence[StudentRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.selected = list(selected)
        self.classes = classes_of(rows)
        self.job: BackgroundJob[RenderedDocument] | None = None
        self.cancel_requested = False
        self.preview: DocumentPreviewDialog | None = None
        self._names: dict[int, str] = {}
        self.setWindowTitle(self.tr("Print parent notices"))
        self.setModal(False)
        self.setStyleSheet(STYLE)

        self.use_selection = QRadioButton(
            fill(self.tr("The students chosen in the list (%1)"), len(self.selected))
        )
        self.use_class = QRadioButton(self.tr("A class:"))
        group = QButtonGroup(self)
        group.addButton(self.use_selection)
        group.addButton(self.use_class)
        self.class_box = QComboBox()
        for label, members in self.classes:
            self.class_box.addItem(fill(self.tr("%1 — %2 at tier 1–3"), label, len(members)))
        self.use_selection.setEnabled(bool(self.selected))
        self.use_class.setEnabled(bool(self.classes))
        (self.use_selection if self.selected else self.use_class).setChecked(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Printed in every notice (optional)"))
        self.note.setMaximumHeight(90)
        self.note.setTabChangesFocus(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status_label = named(QLabel(), "batchStatus")
        self.status_label.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.start_button: QPushButton = named(
            buttons.addButton(self.tr("&Prepare"), QDialogButtonBox.ButtonRole.AcceptRole),
            "batchStart",
        )
        self.cancel_button: QPushButton = named(
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "batchCancel"
        )
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_selection.toggled.connect(self._update)
        self.use_class.toggled.connect(self._update)
        self.class_box.currentIndexChanged.connect(self._update)

        form = QFormLayout()
        form.addRow(self.use_selection)
        form.addRow(self.use_class, self.class_box)
        form.addRow(self.tr("Note:"), self.note)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Parent notices (家长告知书), one after another in one document."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.resize(480, 300)
        self.finished.connect(self._finished)
        self.finished.connect(self.deleteLater)  # not WA_DeleteOnClose: see ui/login.py
        locked = getattr(source, "locked", None)
        if locked is not None:
            locked.connect(self.reject)
        self._update()

    # -- choice --------------------------------------------------------------------------------

    def chosen_students(self) -> list[StudentRow]:
        if self.use_selection.isChecked():
            return list(self.selected)
        index = self.class_box.currentIndex()
        return list(self.classes[index][1]) if 0 <= index < len(self.classes) else []

    def _update(self) -> None:
        self.class_box.setEnabled(self.use_class.isChecked() and self.job is None)
        count = len(self.chosen_students())
        self.start_button.setEnabled(self.job is None and count > 0)
        if self.job is None:
            self._say(
                fill(self.tr("%1 notice(s) will be prepared."), count)
                if count
                else self.tr("No student chosen.")
            )

    def _say(self, text: str, tone: str = "") -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("tone", tone)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    # -- running -------------------------------------------------------------------------------

    def start(self) -> None:
        students = self.chosen_students()
        ctx = self.source.ctx
        note = self.note.toPlainText().strip()
        if self.job is not None or not students or ctx is None:
            return
        if len(note) > MAX_NOTE:
            self._say(fill(self.tr("The note is longer than %1 characters."), MAX_NOTE), "error")
            return
        ids = [row.id for row in students]
        self._names = {row.id: display_name(row) for row in students}
        self.cancel_requested = False

        def work(control: JobControl) -> RenderedDocument:
            return render_batch(
                ctx,
                KIND,
                ids,
                note=note,
                progress=control.report,
                cancelled=lambda: control.cancelled,
            )

        job: BackgroundJob[RenderedDocument] = BackgroundJob(work, owner=self)
        job.on_progress(self._progressed).on_success(self._done).on_failure(self._failed)
        self.job = job
        track = getattr(self.source, "track", None)
        if callable(track):
            track(job)  # a lock waits for the batch before it closes the database
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.show()
        for widget in (self.use_selection, self.use_class, self.class_box, self.note):
            widget.setEnabled(False)
        self._update()
        self._say(self.tr("Preparing…"), "busy")
        job.start()

    def cancel(self) -> None:
        """Stop a running batch (between two students); without one, close."""
        if self.job is None:
            self.reject()
            return
        self.cancel_requested = True
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self._say(self.tr("Stopping…"), "busy")

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progressed.emit(done, total)

    def _ended(self) -> None:
        self.job = None
        self.cancel_button.setEnabled(True)
        self.progress.hide()
        self.use_selection.setEnabled(bool(self.selected))
        self.use_class.setEnabled(bool(self.classes))
        self.note.setEnabled(True)
        self._update()

    def _done(self, rendered: RenderedDocument) -> None:
        cancelled = self.cancel_requested
        self._ended()
        if cancelled:  # finished just as the user cancelled: he asked for nothing
            self._say(self.tr("Cancelled: nothing was printed or recorded."))
            return
        preview = DocumentPreviewDialog(
            self.source, rendered, self.parentWidget(), student_names=self._names
        )
        self.preview = preview
        preview.show()
        self.preview_opened.emit(preview)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        cancelled = self.cancel_requested
        self._ended()
        if cancelled:
            self._say(self.tr("Cancelled: nothing was printed or recorded."))
        elif isinstance(exc, PermissionDenied):
            self._say(self.tr("Your account may not print documents."), "error")
        elif isinstance(exc, CounselRoomError):
            self._say(fill(self.tr("Not prepared: %1"), document_error_text(exc)), "error")
        else:
            self._say(fill(self.tr("Not prepared (unexpected error): %1"), exc), "error")

    def _finished(self) -> None:
        if self.job is not None:  # closed while running: stop the work, drop the result
            self.cancel_requested = True
            self.job.cancel()
