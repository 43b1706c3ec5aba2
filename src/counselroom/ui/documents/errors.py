"""A refused or failed document in the window's language.

The services raise English messages for the CLI. Two kinds are common here and carry their
data: a reason with a template (ui/problem_text.py translates it) and MissingGlyphs (a name
with a character no font on this PC can draw), which the counsellor must be able to act on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counselroom.documents.fonts import MissingGlyphs
from counselroom.ui.i18n import fill
from counselroom.ui.problem_text import error_text

translate = QCoreApplication.translate


def document_error_text(error: BaseException) -> str:
    if isinstance(error, MissingGlyphs):
        chars = "、".join(f"{char}（U+{ord(char):04X}）" for char in error.chars)
        return fill(
            translate(
                "DocumentErrors",
                "No font on this PC can print %1 in “%2”: install a Chinese font that has "
                "it and choose it in Settings → Printing font, or write the text another way. "
                "Nothing was printed.",
            ),
            chars,
            error.where,
        )
    return error_text(error)
