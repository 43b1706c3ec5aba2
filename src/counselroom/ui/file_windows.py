"""The open student files: one window per student, beside the main window.

A file window clears itself when the session locks (its own `locked` slot); here it is also
hidden, shown again after the unlock, and closed when the user signs out or quits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from counselroom.ui.main_window import MainWindow
from counselroom.ui.session import SessionHandle
from counselroom.ui.student_file.window import StudentFileWindow

FILE_WINDOW_SIZE = (1200, 740)  # fits a 1366×768 school PC screen with the taskbar


class FileWindows(QObject):
    def __init__(self, handle: SessionHandle, main: MainWindow) -> None:
        super().__init__(main)
        self.handle = handle
        self.main = main
        self.windows: dict[int, StudentFileWindow] = {}
        self._hidden_by_lock: list[StudentFileWindow] = []
        self._closing_all = False
        main.student_requested.connect(self.open)
        handle.locked.connect(self._hide_all)
        handle.unlocked.connect(self._show_hidden)
        handle.ended.connect(self.close_all)

    def open(self, student_id: int) -> StudentFileWindow:
        window = self.windows.get(student_id)
        if window is None:
            window = StudentFileWindow(self.handle, student_id)
            window.resize(*FILE_WINDOW_SIZE)
            window.setWindowTitle(window.title())
            window.title_changed.connect(window.setWindowTitle)
            window.profile_saved.connect(self.main.invalidate_pages)
            window.installEventFilter(self)
            self.windows[student_id] = window
            window.reload()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, StudentFileWindow):
            # A user closing one window is asked before typed notes are thrown away; signing
            # out (close_all) ends the session, so the forms go with it.
            if not self._closing_all and not watched.may_close():
                event.ignore()
                return True
            self._forget(watched)
        return False

    def _forget(self, window: StudentFileWindow) -> None:
        window.wait_for_jobs()
        self.windows.pop(window.student_id, None)
        window.deleteLater()  # not WA_DeleteOnClose: PySide 6.11 crashes on it (docs/decisions)

    def _hide_all(self) -> None:
        self._hidden_by_lock = [w for w in self.windows.values() if w.isVisible()]
        for window in self._hidden_by_lock:
            window.hide()

    def _show_hidden(self, _ctx: object) -> None:
        for window in self._hidden_by_lock:
            if window.student_id in self.windows:
                window.show()
        self._hidden_by_lock = []

    def close_all(self) -> None:
        self._closing_all = True
        try:
            for window in list(self.windows.values()):
                window.close()  # the event filter forgets it
        finally:
            self._closing_all = False

    def visible(self) -> list[QWidget]:
        return [w for w in self.windows.values() if w.isVisible()]
