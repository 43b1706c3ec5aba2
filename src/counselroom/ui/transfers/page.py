"""转接: this school's card, the trust list, sending and receiving student files, and the
record of every transfer.

Counsellors and administrators only (Permission.EXPORT): the page is not in a viewer's
navigation (ui/pages.py), and should one reach it the services refuse and the page says so.
One read fills it: the card, the trust list and the record (`fetch`); a send, a receive or a
change of the trust list reads it again.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QWidget

from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.services.school_cards import TrustedCard, trusted_cards
from counselroom.services.school_identity import CardInfo, school_card
from counselroom.services.transfer_history import TransferEntry, transfer_history
from counselroom.services.transfer_import import IMPORTED, MERGED
from counselroom.ui.areas.page_base import LoadingPage
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.session import SessionHandle
from counselroom.ui.transfers.export_dialog import ExportDialog
from counselroom.ui.transfers.history import HistoryGroup
from counselroom.ui.transfers.import_dialog import ImportDialog
from counselroom.ui.transfers.own_card import OwnCardGroup
from counselroom.ui.transfers.trust_list import TrustListGroup


@dataclass(frozen=True)
class TransfersView:
    card: CardInfo
    trusted: list[TrustedCard]
    history: list[TransferEntry]


class TransfersPage(LoadingPage):
    message = Signal(str)
    status_changed = Signal(str)

    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(handle, "", parent)
        self.handle: SessionHandle = handle
        self.title_label.setText(self.tr("Transfers"))
        self.subtitle_label.setText(self.tr("档案转接: student files to and from other schools"))
        self.export_dialog: ExportDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.shown: TransfersView | None = None
        self.send_button = named(QPushButton(self.tr("&Send student files…")), "sendFiles")
        self.send_button.clicked.connect(lambda: self.open_export())
        self.receive_button = named(QPushButton(self.tr("&Receive an archive…")), "receiveFiles")
        self.receive_button.clicked.connect(lambda: self.open_import())
        self.own_card = OwnCardGroup(handle, self)
        self.trust_list = TrustListGroup(handle, self)
        self.trust_list.changed.connect(self.reload)
        self.history = HistoryGroup(self)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.send_button)
        actions.addWidget(self.receive_button)
        actions.addStretch(1)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.own_card)
        top.addWidget(self.trust_list)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        top.setChildrenCollapsible(False)
        self.top = top
        self.content_layout.addLayout(actions)
        self.content_layout.addWidget(top)
        self.content_layout.addWidget(self.history, 1)
        self._set_enabled(False)

    # -- LoadingPage -------------------------------------------------------------------------

    def fetch(self, ctx: Context) -> TransfersView:
        ctx.require(Permission.EXPORT)  # the whole page is the counsellor's: refuse a viewer
        return TransfersView(school_card(ctx), trusted_cards(ctx), transfer_history(ctx))

    def show_result(self, result: TransfersView) -> None:
        self.shown = result
        self.own_card.show_card(result.card)
        # A wrapped label's minimum height is under-estimated by Qt; the card's full height
        # is asked for here so that the QR code is never cut (a cut code does not scan).
        self.top.setMinimumHeight(self.own_card.sizeHint().height())
        self.trust_list.show_rows(result.trusted)
        self.history.show_rows(result.history)
        self._set_enabled(True)
        sent = sum(1 for e in result.history if e.direction == "export")
        self.status_changed.emit(
            fill(
                self.tr("%1 trusted school(s), %2 archive(s) sent, %3 received"),
                len(result.trusted),
                sent,
                len(result.history) - sent,
            )
        )

    def clear_content(self) -> None:
        self.shown = None
        for dialog in (self.export_dialog, self.import_dialog):
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reject()  # what was typed or previewed is not kept on screen
        self.own_card.clear()
        self.trust_list.clear()
        self.history.clear()
        self._set_enabled(False)

    def denied_text(self) -> str:
        return self.tr("Only counsellors and administrators send and receive student files.")

    def _set_enabled(self, on: bool) -> None:
        self.send_button.setEnabled(on)
        self.receive_button.setEnabled(on)

    # -- dialogs -----------------------------------------------------------------------------

    def open_export(self, ticked: tuple[int, ...] = ()) -> ExportDialog:
        """One export dialog at a time, opened with `open()` (DESIGN convention 7)."""
        if self.export_dialog is not None and shiboken6.isValid(self.export_dialog):
            self.export_dialog.raise_()
            return self.export_dialog
        dialog = ExportDialog(self.handle, self, ticked=ticked)
        dialog.exported.connect(
            lambda result: self._changed(
                fill(self.tr("Sent %1 student file(s): %2"), len(result.students), result.path)
            )
        )
        dialog.finished.connect(lambda _r, d=dialog: self._export_closed(d))
        self.export_dialog = dialog
        dialog.open()
        dialog.load()
        return dialog

    def _export_closed(self, dialog: ExportDialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
        dialog.deleteLater()

    def open_import(self) -> ImportDialog:
        if self.import_dialog is not None and shiboken6.isValid(self.import_dialog):
            self.import_dialog.raise_()
            return self.import_dialog
        dialog = ImportDialog(self.handle, self)
        dialog.imported.connect(
            lambda result: self._changed(
                fill(
                    self.tr("Received %1 student file(s) from %2"),
                    result.preview.count(IMPORTED) + result.preview.count(MERGED),
                    result.preview.sender.name,
                )
            )
        )
        dialog.finished.connect(lambda _r, d=dialog: self._import_closed(d))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _import_closed(self, dialog: ImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
        dialog.deleteLater()

    def _changed(self, text: str) -> None:
        self.message.emit(text)
        self.reload()
