"""A character no font can print is told in the window's language, with what to do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counselroom.documents.fonts import MissingGlyphs
from counselroom.domain.errors import ValidationError
from counselroom.ui.documents.errors import document_error_text
from counselroom.ui.problem_text import error_text


def test_missing_glyphs_name_the_characters_their_code_points_and_the_document() -> None:
    text = document_error_text(MissingGlyphs(("𠮷", "䶮"), "家长告知书"))
    assert "𠮷（U+20BB7）、䶮（U+4DAE）" in text and "家长告知书" in text
    source = (
        "No font on this PC can print %1 in “%2”: install a Chinese font that has it and "
        "choose it in Settings → Printing font, or write the text another way. Nothing was "
        "printed."
    )
    translated = QCoreApplication.translate("DocumentErrors", source)
    assert translated != source  # the catalogue has it: the window is Chinese by default
    assert text == translated.replace("%1", "𠮷（U+20BB7）、䶮（U+4DAE）").replace(
        "%2", "家长告知书"
    )


def test_other_refusals_read_as_every_other_error_of_the_window() -> None:
    refusal = ValidationError.of("the file has no plan", record="student 3")
    assert document_error_text(refusal) == error_text(refusal)
