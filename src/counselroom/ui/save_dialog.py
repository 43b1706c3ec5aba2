"""Asking where to save a file the user exports (a roster, a ledger, a PDF): one native dialog.

Names offered are built from Chinese titles and group labels, which may hold characters Windows
refuses in file names (单亲/丧亲 must not become a folder); they are replaced here. The
callers keep their own seams (``choose_path`` attributes) that tests replace.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# Characters no file name may hold on Windows (and "/" on every system).
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(text: str) -> str:
    return _NOT_IN_FILE_NAMES.sub("-", text).strip() or "-"


def default_folder() -> Path:
    """The user's documents folder (home when the system has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def ask_save_path(
    parent: QWidget, title: str, suggested: Path, filters: list[tuple[str, str]]
) -> Path | None:
    """The native save dialog; ``filters`` are (label, suffix) pairs, the first the default.

    A name typed without one of the suffixes gets the suffix of the filter chosen.
    """
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, str(suggested), ";;".join(label for label, _suffix in filters)
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() in {suffix for _label, suffix in filters}:
        return path
    suffix = next((s for label, s in filters if label == chosen), filters[0][1])
    return path.with_name(path.name + suffix)
