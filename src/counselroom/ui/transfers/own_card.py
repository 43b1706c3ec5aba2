"""This school's card: what it is for, the card itself, and saving the card file to send.

The card names no student and holds no secret, so any account may see it; saving the file is an
export (audited, EXPORT permission), checked again by the service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.services.roles import PermissionDenied
from counselroom.services.school_identity import CardInfo, export_card
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text
from counselroom.ui.save_dialog import ask_save_path, default_folder, safe_file_name
from counselroom.ui.session import SessionHandle
from counselroom.ui.transfers.card_view import CardView

CARD_SUFFIX = ".crcard"
SavePathChooser = Callable[[QWidget, str, Path], Path | None]


def choose_card_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The native save dialog; tests replace `OwnCardGroup.choose_path`."""
    label = QCoreApplication.translate("OwnCardGroup", "School card (*.crcard)")
    return ask_save_path(parent, title, suggested, [(label, CARD_SUFFIX)])


def card_file_name(school: str) -> str:
    return safe_file_name(f"{school}-学校名片") + CARD_SUFFIX


class OwnCardGroup(QGroupBox):
    saved = Signal(object)  # the Path written

    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This school's card"))
        self.handle = handle
        self.choose_path: SavePathChooser = choose_card_path
        self.folder: Path | None = None  # where the last card went, offered next time
        explanation = named(
            QLabel(
                self.tr(
                    "Other schools need this card to send files here and to check files sent "
                    "from here. Send the card file any way you like, then read the fingerprint "
                    "to their counsellor by phone (or on paper): that is how a forged card is "
                    "caught. The card holds no student data and no secret."
                )
            ),
            "note",
        )
        explanation.setWordWrap(True)
        self.view = CardView(self)
        self.save_button = named(QPushButton(self.tr("&Save card file…")), "saveCard")
        self.save_button.clicked.connect(lambda: self.save())
        self.save_button.setEnabled(False)
        self.feedback = named(QLabel(), "saved")
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        self.view.add_below(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.feedback)

    def show_card(self, card: CardInfo) -> None:
        self.view.show_card(card)
        self.save_button.setEnabled(True)

    def clear(self) -> None:
        self.view.clear()
        self.save_button.setEnabled(False)
        self.feedback.hide()

    def save(self) -> bool:
        """Ask where, then write the card file in the background; False if not started."""
        card = self.view.card
        if card is None:
            return False
        folder = self.folder or default_folder()
        target = self.choose_path(
            self, self.tr("Save this school's card"), folder / card_file_name(card.name)
        )
        if target is None:
            return False

        def done(written: CardInfo) -> None:
            self.folder = target.parent
            self._feedback(
                fill(self.tr("Saved %1. Fingerprint: %2"), target, written.spoken_fingerprint),
                ok=True,
            )
            self.saved.emit(target)

        job = self.handle.run(
            lambda ctx: export_card(ctx, target),
            owner=self,
            on_success=done,
            on_failure=lambda exc: self._feedback(self._reason(exc), ok=False),
        )
        return job is not None

    def _reason(self, exc: BaseException) -> str:
        if isinstance(exc, PermissionDenied):
            return self.tr("Not saved: your account may not export files.")
        if isinstance(exc, CounselRoomError):
            return fill(self.tr("Not saved: %1"), error_text(exc))
        return fill(self.tr("Not saved: unexpected error (%1)."), type(exc).__name__)

    def _feedback(self, text: str, *, ok: bool) -> None:
        self.feedback.setObjectName("saved" if ok else "problem")
        self.feedback.setText(text)
        self.feedback.show()
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
