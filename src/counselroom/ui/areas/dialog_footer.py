"""The foot of a form dialog: the message line for a refusal that names no field, and the
Save button beside Cancel (or Close, for a dialog that stays open to enter more)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

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


def save_button_of(buttons: QDialogButtonBox) -> QPushButton:
    button = buttons.button(StandardButton.Save)
    assert button is not None
    return button


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.show()


def clear_messages(errors: Mapping[str, QLabel], message: QLabel) -> None:
    """Hide every field's error and the message line (before a new save)."""
    for label in (*errors.values(), message):
        label.clear()
        label.hide()
