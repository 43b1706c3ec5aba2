"""A school card on screen: the school, the fingerprint large in groups of five to read aloud,
and the QR code of the whole signed card.

Counsellors compare fingerprints by phone ("三二七一五, 零零八…"), so the digits are set in a
fixed-width face, large, with space between the groups; the QR code lets the other school scan
the card from a printed sheet instead of typing it.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QPixmap
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counselroom.services.school_identity import CardInfo
from counselroom.ui.named import named

QR_SCALE = 3  # pixels per module: a card (version ~16) is about 270 px, readable off a screen


def qr_png(payload: str, scale: int = QR_SCALE) -> bytes:
    """The QR code of ``payload`` as PNG bytes (error correction M, the quiet zone kept)."""
    buffer = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_pixmap(payload: str, scale: int = QR_SCALE) -> QPixmap:
    pixmap = QPixmap()
    if not pixmap.loadFromData(qr_png(payload, scale), "PNG"):
        raise ValueError("the QR code could not be drawn")
    return pixmap


def fingerprint_font(base: QFont) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(base.pointSizeF() * 1.6)
    font.setBold(True)
    return font


class CardView(QWidget):
    """Name, code, district and fingerprint beside the QR code (when the card carries one)."""

    def __init__(self, parent: QWidget | None = None, *, qr_scale: int = QR_SCALE) -> None:
        super().__init__(parent)
        self.qr_scale = qr_scale
        self.card: CardInfo | None = None
        self.name_label = named(QLabel(), "cardName")
        bold = self.name_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.25)
        self.name_label.setFont(bold)
        self.name_label.setWordWrap(True)
        self.code_label = named(QLabel(), "cardCode")
        self.district_label = named(QLabel(), "cardDistrict")
        self.fingerprint_label = named(QLabel(), "cardFingerprint")
        self.fingerprint_label.setFont(fingerprint_font(self.font()))
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_label = named(QLabel(), "cardQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.qr_label.hide()

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("School code:"), self.code_label)
        form.addRow(self.tr("District:"), self.district_label)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.addWidget(self.name_label)
        texts.addLayout(form)
        texts.addSpacing(6)
        texts.addWidget(QLabel(self.tr("Fingerprint (read it aloud in groups of five):")))
        texts.addWidget(self.fingerprint_label)
        texts.addStretch(1)
        self.texts = texts  # a caller may add a button under the texts (add_below)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(texts, 1)
        layout.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` under the texts, beside the QR code (where there is room)."""
        self.texts.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)

    def show_card(self, card: CardInfo) -> None:
        self.card = card
        self.name_label.setText(card.name)
        none = self.tr("(not given)")
        self.code_label.setText(card.code or none)
        self.district_label.setText(card.district or none)
        self.fingerprint_label.setText(fingerprint_lines(card.spoken_fingerprint))
        self.fingerprint_label.setAccessibleName(card.spoken_fingerprint)
        if card.qr_payload:
            pixmap = qr_pixmap(card.qr_payload, self.qr_scale)
            self.qr_label.setPixmap(pixmap)
            self.qr_label.setFixedSize(pixmap.size())  # never cut: a cut code does not scan
            self.qr_label.setToolTip(self.tr("The whole signed card: scan it to read it"))
            self.qr_label.show()
        else:
            self.qr_label.clear()
            self.qr_label.hide()

    def clear(self) -> None:
        self.card = None
        for label in (self.name_label, self.code_label, self.district_label):
            label.clear()
        self.fingerprint_label.clear()
        self.qr_label.clear()
        self.qr_label.hide()


def fingerprint_lines(spoken: str) -> str:
    """Six groups as two lines of three: each line is one breath on the phone."""
    groups = spoken.split()
    return "\n".join("   ".join(groups[i : i + 3]) for i in range(0, len(groups), 3))
