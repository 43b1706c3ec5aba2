"""Where an export goes: a school on the trust list, or a passphrase for a school that has no
card yet (typed twice; at least `MIN_PASSPHRASE` characters, since age's scrypt can only slow a
guesser down, not stop one who has a short passphrase)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from counselroom.services.school_cards import TrustedCard
from counselroom.transfer.archive import MIN_PASSPHRASE
from counselroom.ui.i18n import fill
from counselroom.ui.named import named


@dataclass(frozen=True)
class Recipient:
    card: TrustedCard | None  # exactly one of these two
    passphrase: str | None
    school: str = ""  # with a passphrase: the receiving school, for the records and the letter

    @property
    def name(self) -> str:
        return self.card.card.name if self.card is not None else self.school


class RecipientBox(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: list[TrustedCard] = []
        self.use_card = named(QRadioButton(self.tr("A school on the trust list:")), "useCard")
        self.use_passphrase = named(
            QRadioButton(self.tr("A passphrase (the school has no card yet):")), "usePassphrase"
        )
        group = QButtonGroup(self)
        group.addButton(self.use_card)
        group.addButton(self.use_passphrase)
        self.card_box = named(QComboBox(), "cardChoice")
        self.passphrase = named(QLineEdit(), "passphrase")
        self.repeat = named(QLineEdit(), "passphraseRepeat")
        self.school = named(QLineEdit(), "passphraseSchool")
        self.school.setPlaceholderText(self.tr("The receiving school (for the transfer record)"))
        self.school.setMaxLength(200)
        self.school.textChanged.connect(lambda _t: self._update())
        for edit, hint in (
            (self.passphrase, self.tr("Passphrase")),
            (self.repeat, self.tr("The same passphrase again")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(hint)
            edit.textChanged.connect(lambda _t: self._update())
        self.hint = named(
            QLabel(
                fill(
                    self.tr(
                        "At least %1 characters. Tell it to the other school by phone, never in "
                        "the message that carries the file."
                    ),
                    MIN_PASSPHRASE,
                )
            ),
            "note",
        )
        self.hint.setWordWrap(True)
        for widget in (self.use_card, self.use_passphrase):
            widget.toggled.connect(lambda _on: self._update())
        self.card_box.currentIndexChanged.connect(lambda _i: self._update())
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.use_card, self.card_box)
        layout.addRow(self.use_passphrase, self.passphrase)
        layout.addRow("", self.repeat)
        layout.addRow("", self.school)
        layout.addRow("", self.hint)
        self.set_cards([])

    def set_cards(self, cards: Sequence[TrustedCard]) -> None:
        self._cards = list(cards)
        self.card_box.clear()
        for trusted in self._cards:
            self.card_box.addItem(
                fill("%1  (%2)", trusted.card.name, trusted.card.spoken_fingerprint), trusted.id
            )
        if not self._cards:
            self.card_box.addItem(self.tr("(no school on the trust list yet)"))
        self.use_card.setEnabled(bool(self._cards))
        (self.use_card if self._cards else self.use_passphrase).setChecked(True)
        self._update()

    def choose_card(self, card_id: int) -> bool:
        index = self.card_box.findData(card_id)
        if index < 0:
            return False
        self.use_card.setChecked(True)
        self.card_box.setCurrentIndex(index)
        return True

    def problem(self) -> str | None:
        """What is missing or wrong, in words; None when an export can go."""
        if self.use_card.isChecked():
            return None if self._cards else self.tr("Choose the receiving school.")
        text = self.passphrase.text()
        if len(text) < MIN_PASSPHRASE:
            return fill(self.tr("The passphrase needs at least %1 characters."), MIN_PASSPHRASE)
        if text != self.repeat.text():
            return self.tr("The two passphrases differ.")
        return None

    def recipient(self) -> Recipient | None:
        if self.problem() is not None:
            return None
        if self.use_card.isChecked():
            return Recipient(self._cards[self.card_box.currentIndex()], None)
        return Recipient(None, self.passphrase.text(), self.school.text().strip())

    def _update(self) -> None:
        card = self.use_card.isChecked()
        self.card_box.setEnabled(card and bool(self._cards))
        for widget in (self.passphrase, self.repeat, self.school, self.hint):
            widget.setEnabled(not card)
        self.changed.emit()
