"""The trust list: the schools this one sends files to and accepts files from.

"Add a card…" reads a card file and where it stands in the background, then opens the card
dialog (ui/transfers/card_dialog.py), which trusts it only after the fingerprint was compared.
"Remove" takes a school off the list (the service keeps the row for old transfer records).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.services.roles import PermissionDenied
from counselroom.services.school_cards import (
    CardStanding,
    TrustedCard,
    card_standing,
    read_card_file,
    remove_card,
    trust_card,
)
from counselroom.transfer.cards import Card, canonical
from counselroom.ui import dialogs
from counselroom.ui.areas.table_kit import make_table_view
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text
from counselroom.ui.save_dialog import default_folder
from counselroom.ui.session import SessionHandle
from counselroom.ui.transfers.card_dialog import CardDialog
from counselroom.ui.transfers.history import fit_headers
from counselroom.ui.transfers.models import TRUST_SAMPLES, TrustedCardsModel

OpenPathChooser = Callable[[QWidget, str, Path], Path | None]


def choose_card_file(parent: QWidget, title: str, folder: Path) -> Path | None:
    """The native open dialog; tests replace `TrustListGroup.choose_file`."""
    label = QCoreApplication.translate("TrustListGroup", "School card (*.crcard);;All files (*)")
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(folder), label)
    return Path(name) if name else None


@dataclass(frozen=True)
class LoadedCard:
    card: Card
    place: CardStanding


def load_card(ctx: Context, path: Path) -> LoadedCard:
    """The card of a file and where it stands; its QR code is the file's signed body."""
    card = read_card_file(path)
    place = card_standing(ctx, card)
    payload = canonical(json.loads(path.read_bytes().decode("utf-8-sig"))).decode()
    return LoadedCard(card, replace(place, card=replace(place.card, qr_payload=payload)))


class TrustListGroup(QGroupBox):
    changed = Signal()  # a card was trusted or removed: the page reads the list again

    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Trusted schools"))
        self.handle = handle
        self.choose_file: OpenPathChooser = choose_card_file
        self.dialog: CardDialog | None = None
        self.model = TrustedCardsModel(self)
        self.view: QTableView = fit_headers(
            make_table_view(self, self.model, widths=TRUST_SAMPLES, padding=20)
        )
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button = named(QPushButton(self.tr("&Add a card…")), "addCard")
        self.add_button.clicked.connect(lambda: self.add())
        self.remove_button = named(QPushButton(self.tr("&Remove")), "removeCard")
        self.remove_button.clicked.connect(lambda: self.remove())
        self.feedback = named(QLabel(), "saved")
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        note = named(
            QLabel(
                self.tr(
                    "Files are sent only to these schools, and files from them are accepted "
                    "without asking. Add a school's card after comparing its fingerprint."
                )
            ),
            "note",
        )
        note.setWordWrap(True)
        tools = QHBoxLayout()
        tools.addWidget(self.add_button)
        tools.addWidget(self.remove_button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.feedback)
        self._update_buttons()

    # -- the list ----------------------------------------------------------------------------

    def show_rows(self, cards: list[TrustedCard]) -> None:
        self.model.set_rows(cards)
        self._update_buttons()

    def clear(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.model.clear()
        self.feedback.hide()
        self._update_buttons()

    def cards(self) -> list[TrustedCard]:
        return self.model.rows()

    def chosen(self) -> TrustedCard | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, card_id: int) -> bool:
        for number, trusted in enumerate(self.model.rows()):
            if trusted.id == card_id:
                self.view.selectRow(number)
                return True
        return False

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.chosen() is not None)

    # -- adding ------------------------------------------------------------------------------

    def add(self, path: Path | None = None) -> bool:
        """Read a card file (asked for when not given) and open the card dialog for it."""
        if path is None:
            path = self.choose_file(self, self.tr("Add a school's card"), default_folder())
        if path is None:
            return False
        job = self.handle.run(
            lambda ctx: load_card(ctx, path),
            owner=self,
            on_success=self._open_dialog,
            on_failure=lambda exc: self._feedback(
                fill(self.tr("Card not read: %1"), self._reason(exc)), ok=False
            ),
        )
        return job is not None

    def _open_dialog(self, loaded: LoadedCard) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        dialog = CardDialog(loaded.card, loaded.place, self)
        dialog.trust_requested.connect(lambda card, d=dialog: self._trust(d, card))
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_finished(d))
        self.dialog = dialog
        dialog.open()

    def _dialog_finished(self, dialog: CardDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _trust(self, dialog: CardDialog, card: Card) -> None:
        def trusted(done: TrustedCard) -> None:
            if shiboken6.isValid(dialog):
                dialog.saved()
            self._feedback(fill(self.tr("Trusted: %1."), done.card.name), ok=True)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(dialog):
                dialog.save_failed(exc)

        if (
            self.handle.run(
                lambda ctx: trust_card(ctx, card), owner=self, on_success=trusted, on_failure=failed
            )
            is None
        ):
            dialog.save_failed(CounselRoomError(self.tr("the window is locked")))

    # -- removing ----------------------------------------------------------------------------

    def remove(self) -> bool:
        chosen = self.chosen()
        if chosen is None:
            return False
        text = fill(
            self.tr(
                "Take %1 off the trust list? Files can no longer be sent to it, and files from "
                "it will need its fingerprint compared again. Past transfers keep its name."
            ),
            chosen.card.name,
        )
        if not dialogs.ask(self, self.tr("Remove a trusted school?"), text, destructive=True):
            return False

        def removed(_none: None) -> None:
            self._feedback(fill(self.tr("Removed: %1."), chosen.card.name), ok=True)
            self.changed.emit()

        job = self.handle.run(
            lambda ctx: remove_card(ctx, chosen.id),
            owner=self,
            on_success=removed,
            on_failure=lambda exc: self._feedback(
                fill(self.tr("Not removed: %1"), self._reason(exc)), ok=False
            ),
        )
        return job is not None

    def _reason(self, exc: BaseException) -> str:
        if isinstance(exc, PermissionDenied):
            return self.tr("your account may not change the trust list.")
        if isinstance(exc, CounselRoomError):
            return error_text(exc)
        return fill(self.tr("unexpected error (%1)."), type(exc).__name__)

    def _feedback(self, text: str, *, ok: bool) -> None:
        self.feedback.setObjectName("saved" if ok else "problem")
        self.feedback.setText(text)
        self.feedback.show()
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
