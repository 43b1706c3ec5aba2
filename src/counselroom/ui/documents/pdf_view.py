"""A PDF shown from bytes in memory, never from a file: the document holds names and must not
touch the disk until the user saves it.

`QPdfDocument.load(QIODevice)` reads from the device while it lives, so the `QBuffer` (and the
bytes under it) are kept as long as the document shows them. The settings' template editor
reuses this widget for its live preview; keep `set_pdf`, `clear` and `page_count` stable.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from counselroom.ui.i18n import fill
from counselroom.ui.named import named

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0

STYLE = """
QLabel#pdfPages { color: #455A64; }
QLabel#pdfError { color: #C62828; }
QPdfView { background: #ECEFF1; }
"""


class PdfView(QWidget):
    """All pages one under the other, fitted to the width; a line above says how many."""

    loaded = Signal(int)  # page count after each set_pdf (0: not a readable PDF) and clear

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self._document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setDocument(self._document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.pages_label = named(QLabel(), "pdfPages")
        self.error_label = named(QLabel(), "pdfError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.zoom_out = self._tool("−", self.tr("Zoom out"), lambda: self._zoom(1 / ZOOM_STEP))
        self.zoom_in = self._tool("+", self.tr("Zoom in"), lambda: self._zoom(ZOOM_STEP))
        self.fit_width = self._tool(self.tr("Fit width"), self.tr("Fit the page to the width"))
        self.fit_width.setCheckable(True)
        self.fit_width.setChecked(True)
        self.fit_width.clicked.connect(self._fit)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_in)
        bar.addWidget(self.fit_width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.view, 1)
        self._show_count()

    def _tool(self, text: str, tip: str, slot: Callable[[], object] | None = None) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if slot is not None:
            button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- public ------------------------------------------------------------------------------

    def set_pdf(self, data: bytes) -> None:
        """Show `data`; bytes that are not a readable PDF show a message and no page."""
        self._unload()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self._document.load(buffer)  # synchronous for a random-access device
        ok = self._document.status() == QPdfDocument.Status.Ready
        self.error_label.setText(
            ""
            if ok
            else fill(self.tr("The document cannot be shown (%1)."), self._document.error().name)
        )
        self.error_label.setVisible(not ok)
        self._show_count()  # the zoom stays: a live preview reloads on every edit

    def clear(self) -> None:
        self._unload()
        self.error_label.hide()
        self._show_count()

    def page_count(self) -> int:
        return self._document.pageCount() if self._buffer is not None else 0

    def document(self) -> QPdfDocument:
        """The loaded document (for printing its pages); empty after `clear()`."""
        return self._document

    def sizeHint(self) -> QSize:
        return QSize(620, 760)

    # -- inside ------------------------------------------------------------------------------

    def _unload(self) -> None:
        self._document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    def _show_count(self) -> None:
        count = self.page_count()
        self.pages_label.setText(
            fill(self.tr("%1 page(s)"), count) if count else self.tr("No document")
        )
        for button in (self.zoom_in, self.zoom_out, self.fit_width):
            button.setEnabled(count > 0)
        self.loaded.emit(count)

    def _fit(self) -> None:
        self.fit_width.setChecked(True)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # FitToWidth leaves zoomFactor at its last custom value: start from what is shown.
            page = self._document.pagePointSize(0)
            viewport = self.view.viewport().width() - 24
            dpi_scale = self.logicalDpiX() / 72.0
            if page.width() > 0 and viewport > 0:
                current = viewport / (page.width() * dpi_scale)
        self.fit_width.setChecked(False)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, current * factor)))
