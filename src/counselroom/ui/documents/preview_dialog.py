"""The preview of a rendered document, with Print… and Save as PDF….

Rendering leaves no trace in the student's file; what reaches paper or disk does. Print opens
the system's dialog without blocking; once the user accepted it and the pages were painted,
`record_output(…, "print")` logs one record per document in the worker. Save asks where, then
`save_document` writes the file and logs it in one transaction. Either way `recorded` tells
the opener, which reloads the file so its 文书 tab lists the new record.

The dialog shows names: it closes when the session locks (the source's `locked` signal), and
the user renders again after the unlock.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError, StaleRecordError
from counselroom.services.documents import RenderedDocument, record_output, save_document
from counselroom.services.roles import PermissionDenied
from counselroom.ui.areas.page_actions import PageAction
from counselroom.ui.areas.page_base import ContextSource
from counselroom.ui.documents import printing
from counselroom.ui.documents.pdf_view import PdfView
from counselroom.ui.documents.save_path import (
    SavePathChooser,
    choose_pdf_path,
    suggested_name,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text, message_text
from counselroom.ui.save_dialog import default_folder

translate = QCoreApplication.translate
PRINT, SAVE = "print", "save"
SHOWN_NUMBERS = 4  # a batch lists its first numbers, then how many more
SKIPPED_HEIGHT = 110  # about five lines of students left out, then a scroll bar

STYLE = """
QLabel#previewTitle { font-size: 13pt; font-weight: 600; }
QLabel#previewFacts { color: #37474F; }
QLabel#previewSkipped { background: #FFF8E1; border: 1px solid #FFE082; border-radius: 4px;
    padding: 6px 8px; color: #5D4037; }
QLabel#previewStatus[tone="error"] { color: #C62828; }
QLabel#previewStatus[tone="done"] { color: #2E7D32; }
QLabel#previewStatus[tone="busy"] { color: #546E7A; }
"""


def service_reason(text: str) -> str:
    """A reason the service gave (a skipped student, a greyed option) in the window's language:
    a services.document_reasons.Reason carries its template; other text is shown as it is."""
    template = getattr(text, "template", "")
    return message_text(template, getattr(text, "args", ()), str(text))


class DocumentPreviewDialog(QDialog):
    recorded = Signal(str)  # PRINT or SAVE, after the service logged it

    def __init__(
        self,
        source: ContextSource,
        rendered: RenderedDocument,
        parent: QWidget | None = None,
        *,
        student_names: Mapping[int, str] | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.rendered = rendered
        self.student_names = dict(student_names or {})
        self.folder = folder  # where the last save went; offered again
        # Seams: tests print to a file and answer the dialogs themselves.
        self.choose_path: SavePathChooser = choose_pdf_path
        self.make_printer: printing.PrinterFactory = printing.make_printer
        self.open_print_dialog: printing.PrintDialogOpener = printing.open_print_dialog
        self.action = PageAction(source, self)
        self._printer: QPrinter | None = None
        self.saved_path: Path | None = None

        self.setWindowTitle(fill(self.tr("Preview: %1"), rendered.title))
        self.setModal(False)
        self.setStyleSheet(STYLE)
        self.title_label = named(QLabel(rendered.title), "previewTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = named(QLabel(self.facts_text()), "previewFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skipped_label = named(QLabel(self.skipped_text()), "previewSkipped")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A class where most students are at tier 0 lists many: scroll, keep the pages large.
        self.skipped_area = QScrollArea()
        self.skipped_area.setWidget(self.skipped_label)
        self.skipped_area.setWidgetResizable(True)
        self.skipped_area.setFrameShape(QFrame.Shape.NoFrame)
        self.skipped_area.setFixedHeight(SKIPPED_HEIGHT)  # until resizeEvent fits it
        self.skipped_area.setVisible(bool(rendered.skipped))
        self.view = PdfView(self)
        self.view.set_pdf(rendered.pdf)
        self.status_label = named(QLabel(), "previewStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()

        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.print_button: QPushButton = named(
            buttons.addButton(self.tr("&Print…"), role.ActionRole), "previewPrint"
        )
        self.save_button: QPushButton = named(
            buttons.addButton(self.tr("&Save as PDF…"), role.ActionRole), "previewSave"
        )
        self.close_button: QPushButton = named(
            buttons.addButton(QDialogButtonBox.StandardButton.Close), "previewClose"
        )
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.skipped_area)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.resize(760, 700)  # fits a 1366×768 school screen with the taskbar
        self.finished.connect(self._finished)
        self.finished.connect(self.deleteLater)  # not WA_DeleteOnClose: see ui/login.py
        locked = getattr(source, "locked", None)
        if locked is not None:
            locked.connect(self._locked)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.rendered.skipped:
            # As high as the wrapped lines at this width, up to SKIPPED_HEIGHT; then it scrolls.
            width = (
                self.skipped_area.width() - self.skipped_area.verticalScrollBar().sizeHint().width()
            )
            needed = self.skipped_label.heightForWidth(width) + 2
            self.skipped_area.setFixedHeight(min(SKIPPED_HEIGHT, max(needed, 0)))

    # -- what it shows -------------------------------------------------------------------------

    def facts_text(self) -> str:
        r = self.rendered
        numbers = list(r.numbers[:SHOWN_NUMBERS])
        if len(r.numbers) > SHOWN_NUMBERS:
            numbers.append(fill(self.tr("and %1 more"), len(r.numbers) - SHOWN_NUMBERS))
        lines = []
        if numbers:
            lines.append(fill(self.tr("Document number(s): %1"), "、".join(numbers)))
        if len(r.numbers) > 1:
            lines.append(fill(self.tr("%1 documents"), len(r.numbers)))
        if r.template_version == 0:
            lines.append(self.tr("built-in wording"))
        elif r.template_version is not None:
            lines.append(fill(self.tr("wording: version %1"), r.template_version))
        facts = " · ".join(lines)
        return f"{facts}\n{service_reason(r.font_note)}" if r.font_note else facts

    def skipped_text(self) -> str:
        skipped = self.rendered.skipped
        if not skipped:
            return ""
        lines = [
            fill(self.tr("%1 student(s) left out of this batch:"), len(skipped)),
            *(
                fill(
                    self.tr("• %1: %2"),
                    self.student_names.get(sid, f"#{sid}"),
                    service_reason(reason),
                )
                for sid, reason in skipped
            ),
        ]
        return "\n".join(lines)

    def _say(self, text: str, tone: str = "") -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        self.status_label.setProperty("tone", tone)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    # -- print ---------------------------------------------------------------------------------

    def print_document(self) -> None:
        """Open the print dialog; the pages go to the printer only once it is accepted."""
        if self.action.running or self._printer is not None or self.source.ctx is None:
            return
        printer = self.make_printer()
        printer.setDocName(self.rendered.title)
        printer.setFromTo(1, max(1, self.view.page_count()))
        self._printer = printer
        self._busy(True)
        self.open_print_dialog(self, printer, self._print_chosen)

    def _print_chosen(self, accepted: bool) -> None:
        printer, self._printer = self._printer, None
        if not accepted or printer is None:
            self._busy(False)
            self._say(self.tr("Not printed."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printing.print_pages(self.view.document(), printer)
        except printing.PrintFailed as exc:
            self._busy(False)
            self._say(fill(self.tr("Not printed: %1"), exc), "error")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        rendered = self.rendered
        started = self.action.run(
            lambda ctx: record_output(ctx, rendered, PRINT),
            lambda _none: self._recorded(PRINT, self.tr("Printed and recorded in the file.")),
            lambda exc: self._failed(exc, self.tr("Printed, but not recorded: %1")),
        )
        if started:
            self._say(self.tr("Recording the print…"), "busy")
        else:
            self._busy(False)
            self._say(self.tr("Printed, but not recorded: the window is locked."), "error")

    # -- save ----------------------------------------------------------------------------------

    def save(self) -> None:
        """Ask where, then write and record the file in the worker."""
        if self.action.running or self._printer is not None or self.source.ctx is None:
            return
        suggested = (self.folder or default_folder()) / suggested_name(self.rendered)
        path = self.choose_path(self, self.tr("Save document as PDF"), suggested)
        if path is None:
            return
        self.folder = path.parent
        rendered = self.rendered
        started = self.action.run(
            lambda ctx: save_document(ctx, rendered, path),
            lambda _none: self._saved(path),
            lambda exc: self._failed(exc, self.tr("Not saved: %1")),
        )
        if started:
            self._busy(True)
            self._say(self.tr("Saving…"), "busy")

    def _saved(self, path: Path) -> None:
        self.saved_path = path
        self.status_label.setToolTip(str(path))
        self._recorded(SAVE, fill(self.tr("Saved to %1"), path))

    # -- outcome -------------------------------------------------------------------------------

    def _recorded(self, action: str, text: str) -> None:
        self._busy(False)
        self._say(text, "done")
        self.recorded.emit(action)

    def _failed(self, exc: BaseException, template: str) -> None:
        self._busy(False)
        if isinstance(exc, PermissionDenied):
            reason = self.tr("your account may not do this")
        elif isinstance(exc, StaleRecordError):
            reason = fill(self.tr("%1 Close this preview and prepare the document again."), exc)
        elif isinstance(exc, CounselRoomError):
            reason = error_text(exc)
        else:
            reason = fill(self.tr("unexpected error (%1)"), type(exc).__name__)
        self._say(fill(template, reason), "error")

    def _locked(self) -> None:
        self.reject()  # hidden or not: finished follows, which drops the PDF

    def _finished(self) -> None:
        self.action.forget()
        self.view.clear()  # the PDF holds names: drop it with the window
