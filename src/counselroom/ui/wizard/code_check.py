"""The recovery code shown once, and the proof that it was written down: retype one group.

Shared by the first-run wizard and the password-recovery dialog (which replaces the used
code). The code cannot be selected or copied: the point is a copy on paper, in the locked
cabinet, not in the clipboard.
"""

from __future__ import annotations

import secrets

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.vault.recovery import GROUP_DIGITS, GROUPS

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
PER_LINE = 4

_STYLE = """
QFrame#recoveryCode { background: #FAFAFA; border: 2px solid #1565C0; border-radius: 8px; }
QLabel#groupNumber { color: #78909C; }
QLabel#codeNote { color: #5D4037; background: #FFF8E1; border: 1px solid #F9A825;
                  border-radius: 6px; padding: 8px; }
QLabel#retypeError { color: #B71C1C; }
QLabel#retypeOk { color: #1B5E20; }
"""


def code_font(point_size: float = 20) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(point_size)
    font.setBold(True)
    return font


class CodeGrid(QFrame):
    """Two lines of four numbered groups: read aloud and copied by hand group by group."""

    def __init__(self, groups: int = GROUPS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCode")
        self.group_labels: list[QLabel] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(18, 10, 18, 12)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(2)
        for index in range(groups):
            row, column = divmod(index, PER_LINE)
            number = named(QLabel(str(index + 1)), "groupNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if row:
                number.setContentsMargins(0, 10, 0, 0)  # the lines apart, each number on its group
            label = QLabel()
            label.setFont(code_font())
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            grid.addWidget(number, 2 * row, column)
            grid.addWidget(label, 2 * row + 1, column)
            self.group_labels.append(label)

    def set_groups(self, groups: list[str]) -> None:
        for label, text in zip(self.group_labels, groups, strict=False):
            label.setText(text)

    def shown(self) -> str:
        return "-".join(label.text() for label in self.group_labels)

    def clear(self) -> None:
        for label in self.group_labels:
            label.clear()


class RecoveryCodeCheck(QWidget):
    confirmed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[str] = []
        self.group_index = 0
        self.confirmed = False
        self.setStyleSheet(_STYLE)
        intro = QLabel(
            self.tr(
                "This recovery code lets an administrator reset a forgotten password. Without it "
                "and without a password, nobody — not even the program's authors — can open the "
                "files. It is shown only now."
            )
        )
        intro.setWordWrap(True)
        self.code_grid = CodeGrid()
        self.note = named(QLabel(), "codeNote")
        self.note.setWordWrap(True)
        self.note.setText(
            self.tr(
                "Write it on paper now, check every group, and keep the paper in the locked "
                "cabinet (专人专柜), away from this PC; this code will not be shown again."
            )
        )
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.retype = QLineEdit()
        self.retype.setMaxLength(2 * GROUP_DIGITS + 4)  # room for spaces typed by habit
        self.retype.setFont(code_font(14))
        self.retype.setFixedWidth(self.retype.fontMetrics().horizontalAdvance("0" * 10) + 16)
        self.retype.setPlaceholderText("000000")
        self.retype.textChanged.connect(self._check)
        self.feedback = named(QLabel(), "retypeError")
        self.feedback.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.prompt)
        form.addRow(self.tr("&Group:"), self.retype)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.code_grid)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addStretch(1)

    def set_code(self, code: str, *, group_index: int | None = None) -> None:
        """Show `code` ("dddddd-dddddd-…") and ask for one group, chosen at random."""
        self._groups = code.split("-")
        self.group_index = (
            secrets.randbelow(len(self._groups)) if group_index is None else group_index
        )
        self.code_grid.set_groups(self._groups)
        number = self.group_index + 1
        self.prompt.setText(
            fill(
                self.tr(
                    "To show that you have written it down, cover the code and type group %1 "
                    "of %2 (counting from the top left) from your paper."
                ),
                number,
                len(self._groups),
            )
        )
        self.retype.clear()
        self._check("")

    def clear_code(self) -> None:
        """Forget the code once it has been confirmed (it stays on paper only)."""
        self._groups = []
        self.code_grid.clear()
        self.retype.clear()

    def shown_code(self) -> str:
        """What is on screen, as "dddddd-…" ("-------" once cleared)."""
        return self.code_grid.shown()

    @property
    def expected(self) -> str:
        return self._groups[self.group_index] if self._groups else ""

    def _check(self, text: str) -> None:
        typed = "".join(text.translate(_FULL_WIDTH).split())
        confirmed = bool(self._groups) and typed == self.expected
        if confirmed:
            self.feedback.setObjectName("retypeOk")
            self.feedback.setText(self.tr("Correct. Keep the paper safe."))
        elif len(typed) >= GROUP_DIGITS:
            self.feedback.setObjectName("retypeError")
            self.feedback.setText(
                fill(
                    self.tr(
                        "That is not group %1. Compare your paper with the code above, "
                        "digit by digit."
                    ),
                    self.group_index + 1,
                )
            )
        else:
            self.feedback.setText("")
        self.style().unpolish(self.feedback)
        self.style().polish(self.feedback)
        if confirmed != self.confirmed:
            self.confirmed = confirmed
            self.confirmed_changed.emit(confirmed)
