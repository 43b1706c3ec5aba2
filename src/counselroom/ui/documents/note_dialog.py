"""The counsellor's optional addition to a notice, asked before it is rendered.

Parent notices, escalation notices, district reports and referral letters print a paragraph
the counsellor writes for this student ("请于本周五前联系心理老师"); the other kinds print none.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counselroom.ui.i18n import fill
from counselroom.ui.named import named

MAX_NOTE = 600  # a paragraph, not a letter: the page must still hold the receipt slip


class NoteDialog(QDialog):
    chosen = Signal(str)  # the note (may be empty) when the user goes on

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Prepare %1"), title))
        self.setModal(False)
        intro = named(
            QLabel(
                self.tr(
                    "An addition printed in the document for this student (optional). "
                    "Leave it empty to print the school's wording alone."
                )
            ),
            "noteIntro",
        )
        intro.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("e.g. please call the counselling room this week"))
        self.note.textChanged.connect(self._limit)
        self.count_label = named(QLabel(), "noteCount")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.resize(460, 260)
        self._limit()
        self.accepted.connect(lambda: self.chosen.emit(self.text()))
        self.finished.connect(self.deleteLater)  # not WA_DeleteOnClose: see ui/login.py

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def _limit(self) -> None:
        length = len(self.note.toPlainText())
        self.count_label.setText(fill(self.tr("%1 / %2 characters"), length, MAX_NOTE))
        self.ok_button.setEnabled(length <= MAX_NOTE)
