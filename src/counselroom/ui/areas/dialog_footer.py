"""The foot of a form dialog: the message line for a refusal that names no field, and the
Save button beside Cancel (or Close, for a dialog that stays open to enter more)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from counselroom.ui.named import named

StandardButton = QDialogButtonBox.StandardButton


def message_line() -> QLabel:
    """Red (the dialogs' `fieldError` style), wrapped, hidden until there is something to say."""
    label = named(QLabel(), "dialogMessage")
    label.setWordWrap(True)
    label.setProperty("fieldError", True)
    label.hide()
    return label


def save_buttons(
    save: Callable[[], object], leave: Callable[[], object], *, second: StandardButton
) -> QDialogButtonBox:
    buttons = QDialogButtonBox(StandardButton.Save | second)
    buttons.accepted.connect(save)
    buttons.rejected.connect(leave)
    return buttons
