"""The student list as a page of the main window: loads rows through the session handle.

Roles that may edit case work also get "Import roster…" here, where the imported students
appear: the list reloads after an import.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counselroom.services.roles import Permission, allowed
from counselroom.services.students import StudentRow, list_students
from counselroom.ui.i18n import fill
from counselroom.ui.intake.import_dialog import ImportDialog
from counselroom.ui.intake.roster_kind import RosterKind
from counselroom.ui.search_box import DEBOUNCE_MS
from counselroom.ui.session import SessionHandle
from counselroom.ui.students_panel import StudentsPanel
from counselroom.ui.worker import BackgroundJob


class StudentsPage(QWidget):
    """The student list as a page: loads the rows through the session, counts in the status bar.

    An adapter until `StudentsPanel` takes the handle itself.
    """

    open_student = Signal(int)
    status_changed = Signal(str)
    busy_changed = Signal(bool)
    message = Signal(str)

    def __init__(
        self,
        handle: SessionHandle,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.handle = handle
        self._job: BackgroundJob[list[StudentRow]] | None = None
        self._again = False  # reload once more when the running load ends (an import landed)
        self.panel = StudentsPanel(debounce_ms=debounce_ms)
        self.panel.counts_changed.connect(self._show_counts)
        self.panel.open_student.connect(self.open_student)
        self.import_dialog: ImportDialog | None = None
        self.import_button = QPushButton(
            QCoreApplication.translate("StudentsPage", "Import roster…")
        )
        self.import_button.setToolTip(
            QCoreApplication.translate(
                "StudentsPage", "Add and update students from the student-status system's roster"
            )
        )
        self.import_button.clicked.connect(self.open_import)
        # The role cannot change under a built page: another user's unlock rebuilds the pages.
        self.import_button.setVisible(allowed(handle.actor.role, Permission.EDIT_CASES))
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(self.panel)

    def reload(self) -> None:
        if self._job is not None:
            self._again = True
            return
        job = self.handle.run(
            list_students, owner=self, on_success=self._loaded, on_failure=self._failed
        )
        if job is None:
            return
        self._job = job
        self.busy_changed.emit(True)
        self.message.emit(QCoreApplication.translate("MainWindow", "Loading students…"))

    def _loaded(self, rows: list[StudentRow]) -> None:
        self._finished()
        self.message.emit("")
        self.panel.set_rows(rows)
        self.panel.search_box.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        text = QCoreApplication.translate("MainWindow", "Could not load the students: %1")
        self.message.emit(fill(text, exc))

    def _finished(self) -> None:
        self._job = None
        self.busy_changed.emit(False)
        if self._again:
            self._again = False
            self.reload()

    def clear(self) -> None:
        self._job = None  # a result arriving after the lock is dropped by the handle
        self._again = False
        self.busy_changed.emit(False)
        self.panel.set_rows([])

    def open_import(self) -> ImportDialog | None:
        """Show the roster import (the open one if there is); None for a role that may not."""
        if not allowed(self.handle.actor.role, Permission.EDIT_CASES) or self.handle.is_locked:
            return None
        if self.import_dialog is not None:
            self.import_dialog.raise_()
            self.import_dialog.activateWindow()
            return self.import_dialog
        dialog = ImportDialog(self.handle, RosterKind(), self)
        dialog.imported.connect(self._roster_imported)
        dialog.finished.connect(self._import_closed)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _roster_imported(self, _outcome: object) -> None:
        self.reload()

    def _import_closed(self) -> None:
        self.import_dialog = None

    def focus_search(self) -> None:
        self.panel.search_box.setFocus()

    def _show_counts(self, total: int, shown: int) -> None:
        text = QCoreApplication.translate("MainWindow", "%1 students in all, %2 shown")
        self.status_changed.emit(fill(text, total, shown))
