"""The student list as a page of the main window: loads rows through the session handle.

Roles that may edit case work also get "Import roster…" here, where the imported students
appear: the list reloads after an import. Roles that may export get "Export roster…": the
students on the roll in the roster's own layout (services/roster_export.py), which imports
back with no change — the way to correct many students at once in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission, allowed
from counselroom.services.roster_export import export_roster
from counselroom.services.students import StudentRow, list_students
from counselroom.ui.documents.batch_dialog import BatchPrintDialog
from counselroom.ui.i18n import fill
from counselroom.ui.intake.import_dialog import ImportDialog
from counselroom.ui.intake.roster_kind import RosterKind
from counselroom.ui.save_dialog import ask_save_path, default_folder
from counselroom.ui.search_box import DEBOUNCE_MS
from counselroom.ui.session import SessionHandle
from counselroom.ui.students_panel import StudentsPanel
from counselroom.ui.worker import BackgroundJob

translate = QCoreApplication.translate
PathChooser = Callable[[QWidget, Path], Path | None]


def choose_export_path(parent: QWidget, suggested: Path) -> Path | None:
    """The native save dialog (.xlsx or .csv); tests replace `StudentsPage.choose_path`."""
    return ask_save_path(
        parent,
        translate("StudentsPage", "Export roster"),
        suggested,
        [
            (translate("StudentsPage", "Excel workbook (*.xlsx)"), ".xlsx"),
            (translate("StudentsPage", "CSV, UTF-8 (*.csv)"), ".csv"),
        ],
    )


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
        self.export_button = QPushButton(translate("StudentsPage", "Export roster…"))
        self.export_button.setToolTip(
            translate(
                "StudentsPage",
                "Save the students on the roll as a roster spreadsheet (it imports back unchanged)",
            )
        )
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(translate("StudentsPage", "Print parent notices…"))
        self.print_button.setToolTip(
            translate(
                "StudentsPage",
                "Parent notices for the students chosen in the list (Ctrl-click to choose "
                "several) or for a class, in one document",
            )
        )
        self.print_button.clicked.connect(self.open_batch_print)
        self.batch_dialog: BatchPrintDialog | None = None
        self.choose_path: PathChooser = choose_export_path
        self.clock: Callable[[], date] = local_today
        self._export_job: BackgroundJob[int] | None = None
        # The role cannot change under a built page: another user's unlock rebuilds the pages.
        self.import_button.setVisible(allowed(handle.actor.role, Permission.EDIT_CASES))
        self.export_button.setVisible(allowed(handle.actor.role, Permission.EXPORT))
        self.print_button.setVisible(allowed(handle.actor.role, Permission.EDIT_CASES))
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)
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

    def export(self) -> None:
        """Ask where, then write the roster in the worker; the result goes to the status bar."""
        if not allowed(self.handle.actor.role, Permission.EXPORT) or self._export_job is not None:
            return
        suggested = default_folder() / f"花名册-{self.clock().isoformat()}.xlsx"
        path = self.choose_path(self, suggested)
        if path is None:
            return
        job = self.handle.run(
            lambda ctx: export_roster(ctx, path),
            owner=self,
            on_success=lambda count: self._exported(path, count),
            on_failure=self._export_failed,
        )
        if job is None:
            return
        self._export_job = job
        self.export_button.setEnabled(False)
        self.busy_changed.emit(True)

    def _export_done(self) -> None:
        self._export_job = None
        self.export_button.setEnabled(True)
        self.busy_changed.emit(False)

    def _exported(self, path: Path, count: int) -> None:
        self._export_done()
        self.message.emit(fill(translate("StudentsPage", "%1 students saved to %2"), count, path))

    def _export_failed(self, error: BaseException) -> None:
        self._export_done()
        if isinstance(error, CounselRoomError):
            template = translate("StudentsPage", "The roster was not saved: %1")
        else:
            template = translate("StudentsPage", "The roster was not saved (unexpected error): %1")
        self.message.emit(fill(template, error))

    def open_batch_print(self) -> BatchPrintDialog | None:
        """Parent notices for the chosen students or a class; None for a role that may not."""
        if not allowed(self.handle.actor.role, Permission.EDIT_CASES) or self.handle.is_locked:
            return None
        if self.batch_dialog is not None:
            self.batch_dialog.raise_()
            self.batch_dialog.activateWindow()
            return self.batch_dialog
        dialog = BatchPrintDialog(
            self.handle, self.panel.all_rows(), self.panel.selected_students(), self
        )
        dialog.finished.connect(self._batch_closed)
        self.batch_dialog = dialog
        dialog.show()
        return dialog

    def _batch_closed(self) -> None:
        self.batch_dialog = None

    def focus_search(self) -> None:
        self.panel.search_box.setFocus()

    def _show_counts(self, total: int, shown: int) -> None:
        text = QCoreApplication.translate("MainWindow", "%1 students in all, %2 shown")
        self.status_changed.emit(fill(text, total, shown))
