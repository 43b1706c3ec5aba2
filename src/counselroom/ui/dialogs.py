"""Questions and notices through one replaceable prompter (DESIGN.md convention 7).

A yes/no question needs an answer before the code can go on, which a real message box can only
give from a nested event loop (`exec()`) — the trap pytest-qt documents. Every window therefore
asks through `ask()` and `inform()`; tests install a `ScriptedPrompter` with `replaced()` and
never meet a modal loop.

Call these through the module (`dialogs.ask(...)`) or import the functions: both see the
prompter installed at the time of the call.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Prompter(Protocol):
    def ask(self, parent: QWidget | None, title: str, text: str, *, destructive: bool) -> bool: ...

    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...


class MessageBoxPrompter:
    """The real one: a modal question (the one `exec()`), notices opened without blocking."""

    def ask(self, parent: QWidget | None, title: str, text: str, *, destructive: bool) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        # Enter must not confirm something that cannot be undone.
        box.setDefaultButton(
            QMessageBox.StandardButton.No if destructive else QMessageBox.StandardButton.Yes
        )
        return box.exec() == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.finished.connect(box.deleteLater)  # not WA_DeleteOnClose: see ui/login.py
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()


@dataclass
class ScriptedPrompter:
    """For tests: answers `answer` (or the next of `answers`) and records what was said."""

    answer: bool = True
    answers: list[bool] = field(default_factory=list)
    asked: list[tuple[str, str]] = field(default_factory=list)
    informed: list[tuple[str, str]] = field(default_factory=list)

    def ask(self, parent: QWidget | None, title: str, text: str, *, destructive: bool) -> bool:
        self.asked.append((title, text))
        return self.answers.pop(0) if self.answers else self.answer

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.informed.append((title, text))


_prompter: Prompter = MessageBoxPrompter()


def install(prompter: Prompter) -> Prompter:
    """Use `prompter` from now on; return the previous one."""
    global _prompter
    previous, _prompter = _prompter, prompter
    return previous


@contextlib.contextmanager
def replaced(prompter: Prompter) -> Iterator[Prompter]:
    previous = install(prompter)
    try:
        yield prompter
    finally:
        install(previous)


def ask(parent: QWidget | None, title: str, text: str, *, destructive: bool = False) -> bool:
    """True when the user says yes. `destructive`: No is the default button."""
    return _prompter.ask(parent, title, text, destructive=destructive)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A notice the user closes; does not wait for it."""
    _prompter.inform(parent, title, text)
