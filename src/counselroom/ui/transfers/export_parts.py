"""The parts of the export form that are not the students or the recipient: purpose, consent
and where to save, the suggested file name, and the request handed to the service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from counselroom.services.school_cards import TrustedCard
from counselroom.services.students import StudentRow
from counselroom.services.transfer_export import ExportRequest
from counselroom.ui.named import named
from counselroom.ui.save_dialog import ask_save_path, safe_file_name
from counselroom.ui.transfers.recipient_box import Recipient
from counselroom.ui.transfers.texts import PURPOSES

ARCHIVE_SUFFIX = ".crx"
SavePathChooser = Callable[[QWidget, str, Path], Path | None]


def choose_archive_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The native save dialog; tests replace `ExportDialog.choose_path`."""
    label = QCoreApplication.translate("ExportDialog", "Transfer archive (*.crx)")
    return ask_save_path(parent, title, suggested, [(label, ARCHIVE_SUFFIX)])


def archive_name(recipient: str, day: date) -> str:
    """No student's name: the file name is seen by anyone who handles the file."""
    return safe_file_name(f"转接档案-{recipient or '口令'}-{day.isoformat()}") + ARCHIVE_SUFFIX


@dataclass(frozen=True)
class ExportChoices:
    students: list[StudentRow]
    cards: list[TrustedCard]


class ReasonFields(QObject):
    """Purpose (an editable list), the consent reference with why it is asked, the file."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.purpose = named(QComboBox(), "purpose")
        self.purpose.setEditable(True)
        self.purpose.addItems(PURPOSES)
        self.consent = named(QLineEdit(), "consent")
        self.consent.setPlaceholderText(self.tr("e.g. 转学知情同意书 2026-118"))
        self.consent_note = named(
            QLabel(
                self.tr(
                    "Required: a school may hand a child's data to another only with the "
                    "family informed and consenting (PIPL art. 23). Write the number or title "
                    "of the signed consent form; it travels in the archive."
                )
            ),
            "note",
        )
        self.consent_note.setWordWrap(True)
        self.path = named(QLineEdit(), "archivePath")
        self.browse_button = QPushButton(self.tr("&Choose…"))
        self.where = QHBoxLayout()
        self.where.addWidget(self.path, 1)
        self.where.addWidget(self.browse_button)


def request_for(
    ids: tuple[int, ...], purpose: str, consent: str, recipient: Recipient
) -> ExportRequest:
    return ExportRequest(
        student_ids=ids,
        purpose=purpose,
        consent_ref=consent,
        card_id=recipient.card.id if recipient.card is not None else None,
        passphrase=recipient.passphrase,
        recipient_name=recipient.school if recipient.card is None else "",
    )
