"""The import preview's notes (conflicts kept local, a student refused) are shown in the
window's language: the services give Reasons that keep their template and values."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counselroom.domain.errors import fill
from counselroom.services.document_reasons import Reason
from counselroom.ui.transfers.models import note_text


def test_a_reason_is_translated_and_filled_and_plain_text_kept() -> None:
    template = "tier here %1, at the sender %2"
    translated = QCoreApplication.translate("problems", template)
    assert translated != template  # the catalogue has it (window tests run in zh_CN)
    assert note_text(Reason(template, 0, 3)) == fill(translated, "0", "3")
    assert note_text("a plain note") == "a plain note"


def test_coded_values_read_as_the_file_windows_words() -> None:
    template = "file state here %1, at the sender %2"
    shown = note_text(Reason(template, "open", "closed"))
    assert shown == fill(
        QCoreApplication.translate("problems", template),
        QCoreApplication.translate("StudentFileLabels", "file open"),
        QCoreApplication.translate("StudentFileLabels", "file closed"),
    )
    assert "open" not in shown
