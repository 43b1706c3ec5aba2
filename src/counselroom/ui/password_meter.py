"""How strong a new password looks, and the rule it must follow, under the password fields.

The rule (services.passwords) is what the vault enforces; the strength is advice on top of it:
length counts most, then the kinds of characters, and a password built on a well-known one
(123456, password, 5201314, …) is marked weak whatever its length.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from counselroom.domain.errors import ValidationError
from counselroom.services.passwords import MIN_LENGTH, check_new_password
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

translate = QCoreApplication.translate

MAX_SCORE = 4
# Lower-case; matched as a part of the password, so "Password2024!" is caught too.
COMMON = (
    "123456",
    "654321",
    "123123",
    "111111",
    "000000",
    "888888",
    "666666",
    "abcdef",
    "abc123",
    "qwerty",
    "asdfgh",
    "password",
    "passw0rd",
    "admin",
    "woaini",
    "iloveyou",
    "5201314",
    "1314520",
    "counselroom",
    "letmein",
    "welcome",
)


def rule_problem(password: str) -> str | None:
    """None when the password follows the vault's rule, else the reason (English, as stored)."""
    try:
        check_new_password(password)
    except ValidationError as exc:
        return exc.message
    return None


def strength(password: str) -> int:
    """0 (too weak to use) to 4 (strong)."""
    if rule_problem(password) is not None:
        return 0
    lowered = password.lower()
    if any(word in lowered for word in COMMON) or len(set(password)) <= 3:
        return 1
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() or ord(c) > 127 for c in password),
        )
    )
    score = 1 + (len(password) >= 14) + (len(password) >= 18) + (classes >= 3)
    return min(score, MAX_SCORE)


def strength_label(score: int) -> str:
    return (
        translate("PasswordMeter", "too weak"),
        translate("PasswordMeter", "weak"),
        translate("PasswordMeter", "fair"),
        translate("PasswordMeter", "good"),
        translate("PasswordMeter", "strong"),
    )[score]


_COLOURS = ("#C62828", "#EF6C00", "#F9A825", "#2E7D32", "#1B5E20")


class PasswordMeter(QWidget):
    """A bar and a word for the strength, and the rule in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = named(QProgressBar(), "strengthBar")
        self.bar.setRange(0, MAX_SCORE)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.verdict = named(QLabel(), "strengthVerdict")
        self.rule = named(QLabel(), "passwordRule")
        self.rule.setWordWrap(True)
        self.rule.setText(
            fill(
                self.tr(
                    "Rule: at least %1 characters, not all the same character. A short "
                    "sentence you can remember is better than a short password with symbols."
                ),
                MIN_LENGTH,
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.rule)
        self.update_for("")

    def update_for(self, password: str) -> None:
        score = strength(password)
        self.score = score
        self.bar.setValue(score)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {_COLOURS[score]}; }}")
        if not password:
            self.verdict.setText("")
        elif rule_problem(password) is not None:
            self.verdict.setText(
                fill(self.tr("Too short: %1 of at least %2 characters"), len(password), MIN_LENGTH)
                if len(password) < MIN_LENGTH
                else self.tr("Not allowed: the same character repeated")
            )
        else:
            self.verdict.setText(fill(self.tr("Strength: %1"), strength_label(score)))
