"""Settings: the directory of partner hospitals, hotlines and services that referrals go to.

Administrators add, edit, delete and restore entries; the service checks it too
(services.institutions requires EDIT_POLICY), so hiding the buttons is a courtesy, not the
control. Everybody else reads the directory, viewers included: it names institutions and their
duty phones, never a student, and a head teacher asked by a worried parent at night needs the
12355 line and the hospital's green-channel contact as much as the counsellor does.

Deleting is soft: the referrals that went to an institution keep it. Deleted entries are hidden
unless "Show deleted" is ticked, then shown grey and marked in words (colour is never the only
signal), and can be restored.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError
from counselroom.services import institutions as directory
from counselroom.services.context import Context
from counselroom.services.institutions import InstitutionEntry, InstitutionInput
from counselroom.services.roles import Permission, PermissionDenied, allowed
from counselroom.ui import dialogs
from counselroom.ui.areas.table_kit import make_table_view, row_opener
from counselroom.ui.i18n import fill
from counselroom.ui.institution_dialog import InstitutionDialog
from counselroom.ui.institutions_model import SAMPLES, InstitutionsModel
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text
from counselroom.ui.session import SessionHandle

VISIBLE_ROWS = 8


class InstitutionsGroup(QGroupBox):
    listed = Signal()  # after each reading of the directory was shown

    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Institutions for referral"))
        self.handle = handle
        self.editable = allowed(handle.actor.role, Permission.EDIT_POLICY)
        self.dialog: InstitutionDialog | None = None
        self.show_deleted = QCheckBox(self.tr("Show &deleted"))
        self.show_deleted.toggled.connect(lambda _on: self.reload())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit())
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.clicked.connect(lambda: self.delete())
        self.restore_button = QPushButton(self.tr("Res&tore"))
        self.restore_button.clicked.connect(lambda: self.restore())
        self.model = InstitutionsModel(self)
        self.view: QTableView = make_table_view(self, self.model, widths=SAMPLES)
        self.view.setFixedHeight(
            self.view.horizontalHeader().sizeHint().height()
            + VISIBLE_ROWS * self.view.verticalHeader().defaultSectionSize()
            + 2 * self.view.frameWidth()
        )
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        if self.editable:
            row_opener(self.view, self._entry_at, self._edit_entry)
        self.role_note = self._note(self.tr("Only an administrator can change the directory."))
        self.feedback = named(QLabel(), "saved")
        self.feedback.setWordWrap(True)
        self.feedback.hide()

        tools = QHBoxLayout()
        tools.addWidget(self.show_deleted)
        tools.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button, self.restore_button):
            button.setVisible(self.editable)
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            self._note(
                self.tr(
                    "Hospitals, hotlines and services that students are referred to. A deleted "
                    "entry stays with the referrals that went to it and can be restored."
                )
            )
        )
        layout.addLayout(tools)
        layout.addWidget(self.view)
        layout.addWidget(self.role_note)
        layout.addWidget(self.feedback)
        self.role_note.setVisible(not self.editable)
        self._update_buttons()

    def _note(self, text: str) -> QLabel:
        label = named(QLabel(text), "note")
        label.setWordWrap(True)
        return label

    # -- the list ----------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the directory again; `select` (an id) is chosen afterwards, else the same one."""
        include_deleted = self.show_deleted.isChecked()
        chosen = self.chosen()
        wanted = select if select is not None else (chosen.id if chosen is not None else None)

        def loaded(entries: list[InstitutionEntry]) -> None:
            self.model.set_rows(entries)
            if wanted is not None:
                self.select(wanted)
            self._update_buttons()
            self.listed.emit()

        self.handle.run(
            lambda ctx: directory.list_institutions(ctx, include_deleted=include_deleted),
            owner=self,
            on_success=loaded,
            on_failure=lambda exc: self._feedback(
                fill(self.tr("Could not read the directory: %1"), exc), ok=False
            ),
        )

    def clear(self) -> None:
        """At a lock: an open form goes (what was typed is not kept on screen)."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.discard()
        self.feedback.hide()

    def entries(self) -> list[InstitutionEntry]:
        return self.model.rows()

    def _entry_at(self, index: QModelIndex) -> InstitutionEntry | None:
        return self.model.row_at(index.row()) if index.isValid() else None

    def chosen(self) -> InstitutionEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, institution_id: int) -> bool:
        for number, entry in enumerate(self.model.rows()):
            if entry.id == institution_id:
                self.view.selectRow(number)
                return True
        return False

    def _update_buttons(self) -> None:
        entry = self.chosen()
        live = entry is not None and not entry.deleted
        self.edit_button.setEnabled(live)
        self.delete_button.setEnabled(live)
        self.restore_button.setEnabled(entry is not None and entry.deleted)

    # -- changes -----------------------------------------------------------------------------

    def add(self) -> InstitutionDialog:
        return self._open(None)

    def edit(self, entry: InstitutionEntry | None = None) -> InstitutionDialog | None:
        entry = entry or self.chosen()
        if entry is None or entry.deleted:
            return None
        return self._open(entry)

    def _edit_entry(self, entry: InstitutionEntry) -> None:
        self.edit(entry)

    def _open(self, entry: InstitutionEntry | None) -> InstitutionDialog:
        """One form at a time, opened with `open()` (DESIGN convention 7)."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.raise_()
            return self.dialog
        dialog = InstitutionDialog(entry, self)
        dialog.save_requested.connect(lambda data, d=dialog: self._save(d, data))
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_finished(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_finished(self, dialog: InstitutionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save(self, dialog: InstitutionDialog, data: InstitutionInput) -> None:
        entry = dialog.entry

        def save(ctx: Context) -> int:
            if entry is None:
                return directory.add_institution(ctx, data)
            directory.update_institution(ctx, entry.id, data)
            return entry.id

        def saved(institution_id: int) -> None:
            if shiboken6.isValid(dialog):
                dialog.saved()
            self._feedback(fill(self.tr("Saved: %1."), data.name.strip()), ok=True)
            self.reload(select=institution_id)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(dialog):
                dialog.save_failed(exc)

        if self.handle.run(save, owner=self, on_success=saved, on_failure=failed) is None:
            dialog.save_failed(CounselRoomError(self.tr("the window is locked")))

    def delete(self) -> bool:
        entry = self.chosen()
        if entry is None or entry.deleted:
            return False
        text = fill(self.tr("Delete “%1” from the directory?"), entry.name)
        if entry.referrals:
            text += " " + fill(
                self.tr("Its %1 referral(s) keep it; it can be restored later."), entry.referrals
            )
        if not dialogs.ask(self, self.tr("Delete an institution?"), text, destructive=True):
            return False
        self._change(
            lambda ctx: directory.delete_institution(ctx, entry.id),
            fill(self.tr("Deleted: %1."), entry.name),
            entry.id,
        )
        return True

    def restore(self) -> bool:
        entry = self.chosen()
        if entry is None or not entry.deleted:
            return False
        self._change(
            lambda ctx: directory.restore_institution(ctx, entry.id),
            fill(self.tr("Restored: %1."), entry.name),
            entry.id,
        )
        return True

    def _change(self, fn: Callable[[Context], None], done: str, institution_id: int) -> None:
        def changed(_none: None) -> None:
            self._feedback(done, ok=True)
            self.reload(select=institution_id)

        self.handle.run(
            fn,
            owner=self,
            on_success=changed,
            on_failure=lambda exc: self._feedback(self._reason(exc), ok=False),
        )

    def _reason(self, exc: BaseException) -> str:
        if isinstance(exc, PermissionDenied):
            return self.tr("Not saved: only an administrator can change the directory.")
        if isinstance(exc, CounselRoomError):
            return fill(self.tr("Not saved: %1"), error_text(exc, record=False))
        return fill(self.tr("Not saved: unexpected error (%1)."), type(exc).__name__)

    def _feedback(self, text: str, *, ok: bool) -> None:
        self.feedback.setObjectName("saved" if ok else "problem")
        self.feedback.setText(text)
        self.feedback.show()
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
