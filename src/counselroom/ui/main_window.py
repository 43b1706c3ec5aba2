"""The first window after signing in: the school, the signed-in user and the student list.

The window owns the `Context` it was given: closing the window (or signing out) closes it,
which drops the vault's key and releases the lock.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QVBoxLayout, QWidget

from counselroom.services.context import Context
from counselroom.ui.header_bar import HeaderBar
from counselroom.ui.i18n import fill
from counselroom.ui.loaders import StudentsSnapshot, load_students_snapshot
from counselroom.ui.named import named
from counselroom.ui.search_box import DEBOUNCE_MS
from counselroom.ui.students_panel import StudentsPanel
from counselroom.ui.worker import BackgroundJob, run_in_background


class MainWindow(QMainWindow):
    closed = Signal(bool)  # True when the user signed out (show the login again)

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._job: BackgroundJob[StudentsSnapshot] | None = None
        self._signing_out = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("CounselRoom"))
        self.header = HeaderBar(ctx.actor)
        self.students = StudentsPanel(debounce_ms=debounce_ms)
        self.students.counts_changed.connect(self._show_counts)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.students, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_menu()
        self.resize(1100, 700)

    def _build_status_bar(self) -> None:
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.hide()
        self.counts_label = named(QLabel(), "counts")
        bar = self.statusBar()
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.counts_label)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.reload_action = QAction(self.tr("&Reload student list"), self)
        self.reload_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reload_action.triggered.connect(self.load)
        sign_out = QAction(self.tr("&Sign out"), self)
        sign_out.setShortcut(QKeySequence("Ctrl+L"))
        sign_out.triggered.connect(self.sign_out)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        menu.addAction(self.reload_action)
        menu.addSeparator()
        menu.addAction(sign_out)
        menu.addAction(quit_action)
        find = QAction(self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.students.search_box.setFocus)
        self.addAction(find)

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        if self._job is not None:
            return
        self.busy_bar.show()
        self.reload_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Loading students…"))
        ctx = self.ctx
        self._job = run_in_background(
            lambda: load_students_snapshot(ctx),
            owner=self,
            on_success=self._loaded,
            on_failure=self._load_failed,
        )

    def _loaded(self, snapshot: StudentsSnapshot) -> None:
        self._load_finished()
        self.header.set_school(snapshot.school_name)
        self.setWindowTitle(fill(self.tr("CounselRoom — %1"), snapshot.school_name))
        self.students.set_rows(snapshot.students)
        self.statusBar().clearMessage()
        self.students.search_box.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        self._load_finished()
        self.statusBar().showMessage(fill(self.tr("Could not load the students: %1"), exc))

    def _load_finished(self) -> None:
        self._job = None
        self.busy_bar.hide()
        self.reload_action.setEnabled(True)

    def _show_counts(self, total: int, shown: int) -> None:
        self.counts_label.setText(fill(self.tr("%1 students in all, %2 shown"), total, shown))

    # -- closing -----------------------------------------------------------------------------

    def sign_out(self) -> None:
        self._signing_out = True
        if not self.close():
            self._signing_out = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            self._job.wait(10.0)  # a read in flight finishes before its connection goes
        self.ctx.close()
        super().closeEvent(event)
        self.closed.emit(self._signing_out)
