"""文书 tab: "Print document…" — the documents this file can give, each greyed with its reason.

The options come from `document_options` after every load of the file (the service applies the
same rules when it renders). Picking one asks for the counsellor's note where the kind prints
one, renders in the worker and opens the preview; a print or save there is recorded in the file,
which then reloads so the tab lists the new record.

Unlike the case-work bars this one is shown to every role: a viewer sees the button disabled
and why, rather than wondering where printing went.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, Signal
from PySide6.QtWidgets import QMenu, QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.services.document_options import NOTED_KINDS  # kinds printing a note
from counselroom.services.documents import (
    DocumentOption,
    DocumentRequest,
    RenderedDocument,
    document_options,
    render_document,
)
from counselroom.services.roles import PermissionDenied
from counselroom.services.student_file import StudentFile
from counselroom.ui import dialogs
from counselroom.ui.areas.page_base import ContextSource
from counselroom.ui.documents.errors import document_error_text
from counselroom.ui.documents.note_dialog import NoteDialog
from counselroom.ui.documents.preview_dialog import DocumentPreviewDialog, service_reason
from counselroom.ui.i18n import fill
from counselroom.ui.student_file.actions import ActionBar
from counselroom.ui.student_file.form_kit import FileHost
from counselroom.ui.student_file.records import RecordsPage

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

PRINT_DOCUMENT = "printDocument"


def reason_text(why_not: str) -> str:
    """The tool tip of a greyed option: the service's reason."""
    return fill(translate("DocumentActions", "Not available: %1"), service_reason(why_not))


class DocumentActions(QObject):
    options_loaded = Signal()  # the menu was (re)built
    preview_opened = Signal(object)  # the DocumentPreviewDialog

    def __init__(
        self, host: FileHost, page: RecordsPage, window: QWidget, source: ContextSource
    ) -> None:
        super().__init__(window)
        self.host = host
        self.window = window
        self.source = source
        self.bar = ActionBar()
        self.bar.hide()
        page.set_action_bar(self.bar)
        self.button = self.bar.add(
            PRINT_DOCUMENT, translate("DocumentActions", "Print document…"), self.show_menu
        )
        self.menu = QMenu(self.button)
        self.menu.setToolTipsVisible(True)
        self.options: list[DocumentOption] = []
        self.file: StudentFile | None = None
        self.editable = False
        self.rendering = False
        self.note_dialog: NoteDialog | None = None
        self.preview: DocumentPreviewDialog | None = None
        self.folder: Path | None = None  # the folder of the last save, offered next time
        self._listing = 0  # bumped by each load and lock: late options are dropped
        self._session = 0  # bumped by each lock: a render finishing after it is dropped

    # -- state ---------------------------------------------------------------------------------

    def update(self, student_file: StudentFile, *, editable: bool) -> None:
        """After each load: a viewer gets the reason, a counsellor the file's options."""
        self.file = student_file
        self.editable = editable
        self.bar.show()
        self._listing += 1
        generation = self._listing
        if not editable:
            self.options = []
            self.menu.clear()
            self.bar.allow(
                PRINT_DOCUMENT,
                False,
                translate("DocumentActions", "Printing documents needs a counsellor account."),
            )
            return
        ctx = self.host.context()
        if ctx is None:
            return
        student_id = student_file.header.student_id
        self.bar.allow(PRINT_DOCUMENT, False, translate("DocumentActions", "Reading the file…"))
        self.host.run_service(
            lambda: document_options(ctx, student_id),
            lambda options: self._loaded(generation, options),
            lambda exc: self._load_failed(generation, exc),
        )

    def _loaded(self, generation: int, options: list[DocumentOption]) -> None:
        if generation != self._listing:
            return
        self.options = list(options)
        self.menu.clear()
        for option in self.options:
            action = self.menu.addAction(option.title)
            action.setEnabled(option.available)
            action.setToolTip("" if option.available else reason_text(option.why_not))
            action.triggered.connect(lambda _checked=False, o=option: self.choose(o))
        self._allow()
        self.options_loaded.emit()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._listing:
            return
        self.options = []
        self.menu.clear()
        if not isinstance(exc, CounselRoomError):
            log.error("reading the document options failed", exc_info=exc)
        self.bar.allow(
            PRINT_DOCUMENT,
            False,
            fill(translate("DocumentActions", "The documents could not be listed: %1"), exc),
        )

    def _allow(self) -> None:
        if self.rendering:
            self.bar.allow(
                PRINT_DOCUMENT, False, translate("DocumentActions", "Preparing the document…")
            )
        elif not self.options:
            self.bar.allow(PRINT_DOCUMENT, False, translate("DocumentActions", "No documents."))
        else:
            self.bar.allow(PRINT_DOCUMENT, True)
            self.button.setToolTip(
                translate("DocumentActions", "Preview, print or save a document of this file")
            )

    def locked(self) -> None:
        """Nothing of the file stays on screen: the note and the preview close."""
        self._listing += 1
        self._session += 1
        self.rendering = False
        for dialog in (self.note_dialog, self.preview):
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reject()
        self.note_dialog = self.preview = None

    # -- actions -------------------------------------------------------------------------------

    def show_menu(self) -> QMenu:
        """Pop the menu under the button (not `exec()`: it does not block)."""
        self.menu.popup(self.button.mapToGlobal(QPoint(0, self.button.height())))
        return self.menu

    def choose(self, option: DocumentOption) -> NoteDialog | None:
        """Render `option` (after the note, where its kind prints one)."""
        if not option.available or not self.editable or self.rendering:
            return None
        if option.request.kind not in NOTED_KINDS:
            self.render(option.request)
            return None
        if self.note_dialog is not None and shiboken6.isValid(self.note_dialog):
            self.note_dialog.reject()
        dialog = NoteDialog(option.title, self.window)
        dialog.chosen.connect(lambda note, r=option.request: self.render(replace(r, note=note)))
        self.note_dialog = dialog
        dialog.show()
        return dialog

    def render(self, request: DocumentRequest) -> None:
        ctx = self.host.context()
        if ctx is None or self.rendering:
            return
        self.rendering = True
        self._allow()
        generation = self._session
        self.host.run_service(
            lambda: render_document(ctx, request),
            lambda rendered: self._rendered(generation, rendered),
            lambda exc: self._render_failed(generation, exc),
        )

    def _rendered(self, generation: int, rendered: RenderedDocument) -> None:
        if generation != self._session:
            return  # locked meanwhile
        self.rendering = False
        self._allow()
        if self.preview is not None and shiboken6.isValid(self.preview):
            self.preview.reject()  # one preview per file window
        preview = DocumentPreviewDialog(self.source, rendered, self.window, folder=self.folder)
        preview.recorded.connect(lambda _action, p=preview: self._recorded(p))
        self.preview = preview
        preview.show()
        self.preview_opened.emit(preview)

    def _recorded(self, preview: DocumentPreviewDialog) -> None:
        """A print or save went into the file: show it on the tab."""
        self.folder = preview.folder  # the next save is offered the same folder
        self.host.reload()

    def _render_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._session:
            return
        self.rendering = False
        self._allow()
        if isinstance(exc, PermissionDenied):
            text = translate("DocumentActions", "Your account may not print documents.")
        elif isinstance(exc, CounselRoomError):
            text = document_error_text(exc)
        else:
            log.error("rendering a document failed", exc_info=exc)
            text = fill(translate("DocumentActions", "Unexpected error (%1)."), type(exc).__name__)
        dialogs.inform(
            self.window, translate("DocumentActions", "The document was not prepared"), text
        )
