"""The student list as a page of the main window: loads rows through the session handle."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from counselroom.services.students import StudentRow, list_students
from counselroom.ui.i18n import fill
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
        self.panel = StudentsPanel(debounce_ms=debounce_ms)
        self.panel.counts_changed.connect(self._show_counts)
        self.panel.open_student.connect(self.open_student)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def reload(self) -> None:
        if self._job is not None:
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

    def clear(self) -> None:
        self._job = None  # a result arriving after the lock is dropped by the handle
        self.busy_changed.emit(False)
        self.panel.set_rows([])

    def focus_search(self) -> None:
        self.panel.search_box.setFocus()

    def _show_counts(self, total: int, shown: int) -> None:
        text = QCoreApplication.translate("MainWindow", "%1 students in all, %2 shown")
        self.status_changed.emit(fill(text, total, shown))
