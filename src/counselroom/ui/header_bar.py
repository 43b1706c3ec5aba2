"""The strip above the pages: which school's vault is open and who is signed in."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from counselroom.services.context import Actor
from counselroom.ui.i18n import fill
from counselroom.ui.labels import role_label
from counselroom.ui.named import named


class HeaderBar(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.school_label = named(QLabel(), "schoolName")
        self.user_label = named(QLabel(), "signedInUser")
        self.set_actor(actor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.school_label, 1)
        layout.addWidget(self.user_label)
        self.setStyleSheet(
            "QLabel#schoolName { font-size: 16pt; font-weight: 600; }"
            "QLabel#signedInUser { color: palette(dark); }"
        )

    def set_actor(self, actor: Actor) -> None:
        name = actor.display_name or actor.username
        self.user_label.setText(
            fill(self.tr("Signed in: %1 (%2, %3)"), name, actor.username, role_label(actor.role))
        )

    def set_school(self, name: str) -> None:
        self.school_label.setText(name or self.tr("(school name not set)"))
