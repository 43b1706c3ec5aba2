"""Paper output of a PDF held in memory: the printer, its dialog, and painting the pages.

Qt prints by painting on a `QPrinter`; a PDF reaches it as images `QPdfDocument.render` makes
for each page. A page at a printer's 1,200 dpi is a 9,916 × 14,033 image (half a gigabyte), so
pages are rendered in horizontal bands at no more than `MAX_DPI` and scaled onto the paper:
memory stays small and text stays sharper than the eye resolves on a laser printer.

The printer and its dialog are seams (`make_printer`, `open_print_dialog`): tests print to a
PDF file and answer the dialog themselves; the dialog is opened with `open()`, never `exec()`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from counselroom.domain.errors import CounselRoomError

MAX_DPI = 600
BAND_PIXELS = 1024  # rows rendered at a time

PrinterFactory = Callable[[], QPrinter]
PrintDialogOpener = Callable[[QWidget, QPrinter, Callable[[bool], None]], None]


class PrintFailed(CounselRoomError):
    """The printer could not be painted on (no printer, spooler refused, file not writable)."""


def make_printer() -> QPrinter:
    """The system's default printer, A4, drawing over the whole sheet (the PDF has margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def open_print_dialog(parent: QWidget, printer: QPrinter, done: Callable[[bool], None]) -> None:
    """Show the system's print dialog without blocking; `done(accepted)` when it closes."""
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setWindowTitle(QCoreApplication.translate("DocumentPreview", "Print document"))
    dialog.finished.connect(lambda result: done(result == QDialog.DialogCode.Accepted))
    dialog.finished.connect(dialog.deleteLater)
    # PySide exposes only QPrintDialog.open(receiver, member); QDialog's open() is the one
    # that shows the dialog window-modal without a nested event loop.
    QDialog.open(dialog)


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """0-based page indexes the user chose in the dialog (all when no range was given)."""
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return list(range(page_count))
    return [i for i in range(page_count) if ranges.contains(i + 1)]


def print_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the chosen pages (and copies the printer cannot make itself); the page count."""
    pages = pages_to_print(printer, document.pageCount())
    if not pages:
        raise PrintFailed("the chosen page range holds no page of this document")
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be started")
    try:
        first = True
        for _copy in range(copies):
            for index in pages:
                if not first and not printer.newPage():
                    raise PrintFailed("the printer refused a new page")
                first = False
                _paint_page(painter, document, index, printer)
    finally:
        ended = painter.end()
    if not ended or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed("the printer reported an error")
    return len(pages) * copies


def _paint_page(painter: QPainter, document: QPdfDocument, index: int, printer: QPrinter) -> None:
    area = printer.pageRect(QPrinter.Unit.DevicePixel)
    target = _fitted(document.pagePointSize(index), area)
    scale = max(1.0, printer.resolution() / MAX_DPI)  # device pixels per rendered pixel
    size = QSize(round(target.width() / scale), round(target.height() / scale))
    if size.isEmpty():
        return
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(scale, scale)
    for top in range(0, size.height(), BAND_PIXELS):
        height = min(BAND_PIXELS, size.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(size)
        options.setScaledClipRect(QRect(0, top, size.width(), height))
        band = document.render(index, QSize(size.width(), height), options)
        painter.drawImage(QPointF(0, top), band)
    painter.restore()


def _fitted(page: QSizeF, area: QRectF) -> QRectF:
    """The largest rectangle of the page's shape inside `area`, centred."""
    if page.isEmpty():
        return QRectF(area)
    factor = min(area.width() / page.width(), area.height() / page.height())
    width, height = page.width() * factor, page.height() * factor
    left = area.x() + (area.width() - width) / 2
    top = area.y() + (area.height() - height) / 2
    return QRectF(left, top, width, height)
