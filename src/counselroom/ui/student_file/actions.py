"""The action bar above a tab's lists, and the base of the objects that drive it.

A tab's actions depend on three things, re-read after every load: the role (only a role with
EDIT_CASES sees the bar at all — `FileSnapshot.editable`), the state of the file (a closed file
takes no new case work) and the record chosen in the lists (a task to mark done, a session to
sign). A button that cannot be used now is disabled and its tool tip says why.

Forms opened from the bar are remembered per action: asking again brings the open one to the
front instead of opening a second copy. While the session is locked they are hidden like the
file; after the unlock they come back only to the same user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counselroom.services.student_file import StudentFile
from counselroom.ui.named import named
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.records import RecordsPage

translate = QCoreApplication.translate
D = TypeVar("D", bound=FormDialog)

STYLE = """
QLabel#actionWarning { color: #B71C1C; font-weight: 600; background: #FFEBEE;
    border: 1px solid #EF9A9A; border-radius: 4px; padding: 6px 8px; }
"""


class ActionBar(QWidget):
    """A row of buttons, and under it a red line for what must not be forgotten."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.setStyleSheet(STYLE)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self._row.addStretch(1)
        self.warning = named(QLabel(), "actionWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(6)
        column.addLayout(self._row)
        column.addWidget(self.warning)
        self.buttons: dict[str, QPushButton] = {}

    def add(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = named(QPushButton(text), name)
        button.clicked.connect(lambda _checked=False: slot())
        self._row.insertWidget(self._row.count() - 1, button)
        self.buttons[name] = button
        return button

    def allow(self, name: str, allowed: bool, why: str = "") -> None:
        """Enable a button, or disable it with `why` as its tool tip."""
        button = self.buttons[name]
        button.setEnabled(allowed)
        button.setToolTip("" if allowed else why)

    def set_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))


class TabActions(QObject):
    """Drives one tab's action bar; subclasses add buttons and say when each may be used."""

    def __init__(self, host: FileHost, page: RecordsPage, window: QWidget) -> None:
        super().__init__(window)
        self.host = host
        self.page = page
        self.window = window
        self.bar = ActionBar()
        self.bar.hide()
        page.set_action_bar(self.bar)
        self.file: StudentFile | None = None
        self.editable = False
        self.actor_id: int | None = None
        self.dialogs: dict[str, FormDialog] = {}
        self._hidden: list[FormDialog] = []
        page.chosen.connect(self.refresh)

    # -- state -------------------------------------------------------------------------------

    def update(self, student_file: StudentFile, *, editable: bool, actor_id: int | None) -> None:
        """After each load: the bar follows the role, the file and the chosen record."""
        self.file = student_file
        self.editable = editable
        self.actor_id = actor_id
        self.bar.setVisible(editable)
        self._come_back(actor_id)
        for dialog in list(self.dialogs.values()):
            dialog.file_reloaded(student_file)
        self.refresh()

    def refresh(self) -> None:
        """Enable the buttons that make sense now (subclasses)."""

    def closed(self) -> bool:
        return self.file is not None and self.file.header.file_state == "closed"

    @staticmethod
    def closed_text() -> str:
        return translate(
            "CaseActions",
            "The file is closed. Reopen it on the “One student, one plan” tab first.",
        )

    # -- forms -------------------------------------------------------------------------------

    def open_dialog(self, name: str, make: Callable[[], D]) -> D | FormDialog:
        """Show the form of action `name`, the one already open if there is one."""
        existing = self.dialogs.get(name)
        if existing is not None and shiboken6.isValid(existing) and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = make()
        self.dialogs[name] = dialog
        dialog.finished.connect(lambda _result, d=dialog, n=name: self._forget(n, d))
        dialog.show()
        return dialog

    def _forget(self, name: str, dialog: FormDialog) -> None:
        if self.dialogs.get(name) is dialog:
            del self.dialogs[name]
        if dialog in self._hidden:
            self._hidden.remove(dialog)

    def locked(self) -> None:
        """Hide every open form: nothing of the file stays on screen while locked."""
        for dialog in self.dialogs.values():
            if dialog.isVisible():
                dialog.hide()
                self._hidden.append(dialog)

    def _come_back(self, actor_id: int | None) -> None:
        """After an unlock: the same user finds his forms again; another user never sees them."""
        hidden, self._hidden = self._hidden, []
        for dialog in hidden:
            if not shiboken6.isValid(dialog):
                continue
            if actor_id is not None and dialog.owner_id == actor_id and self.editable:
                dialog.show()
            else:
                dialog.discard()
