"""打印转接函…: the cover letter of an exported archive, rendered in the background from the
transfer record (services/transfer_letter.py) and opened in the document preview to print or
save — recorded there like any other document."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from counselroom.services.document_numbers import RenderedDocument
from counselroom.services.transfer_letter import render_transfer_letter
from counselroom.ui.areas.page_actions import PageAction
from counselroom.ui.documents.errors import document_error_text
from counselroom.ui.documents.preview_dialog import DocumentPreviewDialog
from counselroom.ui.i18n import fill
from counselroom.ui.session import SessionHandle


class CoverLetter(QObject):
    failed = Signal(str)  # why the letter could not be made, in the window's language

    def __init__(self, handle: SessionHandle, parent: QWidget) -> None:
        super().__init__(parent)
        self.handle = handle
        self.parent_widget = parent
        self.action = PageAction(handle, self)
        self.preview: DocumentPreviewDialog | None = None

    def open(self, transfer_id: int) -> bool:
        """Render the letter of ``transfer_id``; False when nothing was started."""
        return self.action.run(
            lambda ctx: render_transfer_letter(ctx, transfer_id), self._rendered, self._failed
        )

    def _rendered(self, rendered: RenderedDocument) -> None:
        self.preview = DocumentPreviewDialog(self.handle, rendered, self.parent_widget)
        self.preview.show()

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(
            fill(self.tr("The cover letter was not made: %1"), document_error_text(error))
        )
