"""What an archive holds, before anything is imported: who sent it (name, fingerprint and
whether this school trusts that card), why and with which consent, and what importing would do
to each student (new, merged into a student here, no change, refused — with the reasons).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QTableView, QVBoxLayout, QWidget

from counselroom.services.school_cards import KEY_CHANGED, UNKNOWN
from counselroom.services.transfer_import import (
    IMPORTED,
    MERGED,
    REFUSED,
    UNCHANGED,
    ImportPreview,
)
from counselroom.ui.areas.table_kit import make_table_view
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.transfers.models import I_NOTES, INCOMING_SAMPLES, IncomingModel
from counselroom.ui.transfers.texts import local_time_text, method_label, standing_text

STYLE = """
QLabel#senderWarning { color: #B71C1C; font-weight: 600; }
QLabel#senderFingerprint { font-size: 13pt; font-weight: 600; }
"""


class ImportPreviewView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self.setStyleSheet(STYLE)
        self.sender_label = named(QLabel(), "senderName")
        self.fingerprint_label = named(QLabel(), "senderFingerprint")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.standing_label = named(QLabel(), "senderStanding")
        self.warning = named(QLabel(), "senderWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.details = {
            key: named(QLabel(), key) for key in ("method", "created", "purpose", "consent", "sha")
        }
        self.details["sha"].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label = named(QLabel(), "importCounts")
        self.model = IncomingModel(self)
        self.view: QTableView = make_table_view(
            self, self.model, widths=INCOMING_SAMPLES, stretch_column=I_NOTES, padding=20
        )
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("From:"), self.sender_label)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint_label)
        form.addRow(self.tr("Standing:"), self.standing_label)
        form.addRow("", self.warning)
        form.addRow(self.tr("Sent with:"), self.details["method"])
        form.addRow(self.tr("Made:"), self.details["created"])
        form.addRow(self.tr("Purpose:"), self.details["purpose"])
        form.addRow(self.tr("Consent:"), self.details["consent"])
        form.addRow(self.tr("SHA-256:"), self.details["sha"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.view, 1)

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        sender = preview.sender
        where = "  ".join(part for part in (sender.code, sender.district) if part)
        self.sender_label.setText(f"{sender.name}  {where}".strip())
        self.fingerprint_label.setText(sender.spoken_fingerprint)
        self.standing_label.setText(standing_text(preview.standing))
        self.warning.setText(self.warning_text(preview))
        self.warning.setVisible(preview.standing in (UNKNOWN, KEY_CHANGED))
        self.details["method"].setText(method_label(preview.method))
        self.details["created"].setText(local_time_text(preview.created_at))
        self.details["purpose"].setText(preview.purpose)
        self.details["consent"].setText(preview.consent_ref)
        self.details["sha"].setText(preview.sha256)
        self.counts_label.setText(
            fill(
                self.tr("%1 student(s): %2 new, %3 merged, %4 without change, %5 refused."),
                len(preview.students),
                preview.count(IMPORTED),
                preview.count(MERGED),
                preview.count(UNCHANGED),
                preview.count(REFUSED),
            )
        )
        self.model.set_rows(preview.students)

    def warning_text(self, preview: ImportPreview) -> str:
        if preview.standing == KEY_CHANGED:
            return fill(
                self.tr(
                    "This archive is signed as %1, but the card trusted for %2 has other keys. "
                    "It may be that school after a reinstall — or someone pretending to be it. "
                    "Call the school at a number you already know and compare the fingerprint "
                    "before importing."
                ),
                preview.sender.name,
                preview.resembles,
            )
        if preview.standing == UNKNOWN:
            return self.tr(
                "This school is not on the trust list. Compare the fingerprint above with the "
                "school by phone or on paper before importing; importing adds it to the list."
            )
        return ""

    def clear(self) -> None:
        self.preview = None
        for label in (
            self.sender_label,
            self.fingerprint_label,
            self.standing_label,
            self.warning,
            self.counts_label,
            *self.details.values(),
        ):
            label.clear()
        self.warning.hide()
        self.model.clear()
