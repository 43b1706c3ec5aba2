"""Where a document is saved: the native save dialog (a seam tests replace) and the name offered.

The name offered is the document's Chinese title and its 文书编号, so a folder of saved notices
sorts and reads like the paper register; characters Windows refuses in file names are replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.services.documents import RenderedDocument
from counselroom.ui.save_dialog import ask_save_path, safe_file_name

SavePathChooser = Callable[[QWidget, str, Path], Path | None]


def choose_pdf_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The native save dialog; the chosen name gets ".pdf" when the user left it off."""
    pdf = QCoreApplication.translate("DocumentPreview", "PDF document (*.pdf)")
    return ask_save_path(parent, title, suggested, [(pdf, ".pdf")])


def suggested_name(rendered: RenderedDocument) -> str:
    """ "家长告知书-心〔2026〕0012号.pdf"; a batch names its first and last numbers."""
    numbers = rendered.numbers
    if not numbers:
        tail = rendered.sha256[:8]
    elif len(numbers) == 1:
        tail = numbers[0]
    else:
        tail = f"{numbers[0]}–{numbers[-1]}"
    return safe_file_name(f"{rendered.title}-{tail}") + ".pdf"
