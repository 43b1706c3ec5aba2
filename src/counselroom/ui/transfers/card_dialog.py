"""Adding another school's card to the trust list, after its fingerprint was compared.

The dialog shows the card and where it stands. Trust stays disabled until the user ticks that
he compared the fingerprint with the school by phone or on paper: a card file can come from
anyone, and only the comparison tells the real school's card from a forged one. A card that
carries the name (or code) of a trusted school with other keys gets a red warning naming that
school — a reinstalled vault looks like this, and so does an impostor.

The dialog does not write: it asks (`trust_requested`) and the trust list saves in the
background, then calls `saved()` or `save_failed()`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.school_cards import KEY_CHANGED, OWN, TRUSTED, CardStanding
from counselroom.transfer.cards import Card
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text
from counselroom.ui.transfers.card_view import CardView
from counselroom.ui.transfers.texts import standing_text

STYLE = """
QLabel#standingWarning { color: #B71C1C; font-weight: 600; border: 2px solid #B71C1C;
  border-radius: 4px; padding: 8px; }
QLabel#dialogMessage { color: #B71C1C; }
"""


class CardDialog(QDialog):
    trust_requested = Signal(object)  # the Card

    def __init__(self, card: Card, place: CardStanding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.place = place
        self.setWindowTitle(self.tr("A school's card"))
        self.setStyleSheet(STYLE)
        self.view = CardView(self, qr_scale=3)
        self.view.show_card(place.card)
        self.standing_label = named(
            QLabel(fill(self.tr("Standing: %1"), standing_text(place.standing))), "standing"
        )
        self.warning = named(QLabel(), "standingWarning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(place.standing == KEY_CHANGED)
        if place.standing == KEY_CHANGED and place.same_name is not None:
            trusted = place.same_name.card
            self.warning.setText(
                fill(
                    self.tr(
                        "Warning: the trust list holds a card for %1 with the fingerprint %2. "
                        "This card has other keys. It may be that school after a reinstall — or "
                        "someone pretending to be it. Call the school at a number you already "
                        "know and compare the fingerprint digit by digit before trusting it."
                    ),
                    trusted.name,
                    trusted.spoken_fingerprint,
                )
            )
        self.compared = named(
            QCheckBox(self.tr("I compared this fingerprint with the school by phone or on paper")),
            "compared",
        )
        self.message = named(QLabel(), "dialogMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.trust_button: QPushButton = named(
            buttons.addButton(self.tr("&Trust"), QDialogButtonBox.ButtonRole.AcceptRole),
            "trustCard",
        )
        self.trust_button.clicked.connect(self.request_trust)
        buttons.rejected.connect(self.reject)
        self.compared.toggled.connect(lambda _on: self._update())

        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.standing_label)
        layout.addWidget(self.warning)
        layout.addWidget(self.compared)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if place.standing in (TRUSTED, OWN):  # nothing to do: say so, and offer no Trust
            self.compared.hide()
            self.trust_button.hide()
            self._say(
                self.tr("This card is on the trust list already.")
                if place.standing == TRUSTED
                else self.tr("This is this school's own card; it needs no trust."),
                error=False,
            )
        self.resize(620, 420)
        self._busy = False
        self._update()

    def _update(self) -> None:
        self.trust_button.setEnabled(self.compared.isChecked() and not self._busy)

    def request_trust(self) -> None:
        if not self.compared.isChecked() or self._busy:
            return
        self._busy = True
        self._update()
        self.trust_requested.emit(self.card)

    def saved(self) -> None:
        self._busy = False
        self.accept()

    def save_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update()
        self._say(fill(self.tr("Not trusted: %1"), error_text(exc)), error=True)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("" if error else "color: palette(window-text);")
        self.message.show()
