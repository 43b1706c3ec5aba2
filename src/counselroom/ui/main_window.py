"""The main window: navigation on the left, the pages of `ui.pages`, and the lock.

The window owns the `SessionHandle`. Locking (idle time, Ctrl+L, switch user) closes the
context — the keys are dropped, the database closed, the vault's lock released — clears or
destroys the pages and shows the lock screen in their place; unlocking brings back the same
page with the pages reloaded for whoever signed in (rebuilt if that is another user, whose role
may see other pages). Closing the window ends the session the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError
from counselroom.preferences import WINDOW_GEOMETRY, Preferences
from counselroom.services import auth
from counselroom.services import policy as policy_service
from counselroom.services.context import Actor, Context
from counselroom.services.school import school_info
from counselroom.ui import pages as page_registry
from counselroom.ui.backup_schedule import BackupSchedule
from counselroom.ui.header_bar import HeaderBar
from counselroom.ui.i18n import fill
from counselroom.ui.labels import role_label
from counselroom.ui.lock import MINUTE_MS, IdleWatcher, LockScreen
from counselroom.ui.login import LoginFn
from counselroom.ui.named import named
from counselroom.ui.nav import NavList, PageStack
from counselroom.ui.pages import PageSpec
from counselroom.ui.session import SessionHandle
from counselroom.ui.students_page import StudentsPage
from counselroom.ui.students_panel import StudentsPanel

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 5  # until the policy has been read (DESIGN.md's default)


@dataclass(frozen=True)
class SessionInfo:
    school_name: str
    idle_lock_minutes: int | None  # None: the policy could not be read


def load_session_info(ctx: Context) -> SessionInfo:
    try:
        minutes: int | None = policy_service.idle_lock_minutes(ctx)
    except CounselRoomError as exc:  # a damaged policy must not keep anyone out
        log.error("cannot read the idle-lock time: %s", exc)
        minutes = None
    return SessionInfo(school_info(ctx).name, minutes)


class MainWindow(QMainWindow):
    closed = Signal(bool)  # True when the user signed out (show the login again)
    student_requested = Signal(int)  # a page asked for a student file

    def __init__(
        self,
        session: SessionHandle | Context,
        parent: QWidget | None = None,
        *,
        pages: Sequence[PageSpec] | None = None,
        preferences: Preferences | None = None,
        login: LoginFn = auth.login,
        idle_minute_ms: int = MINUTE_MS,
    ) -> None:
        """`pages`: default `ui.pages.PAGES`; `idle_minute_ms` shortens the idle time in tests."""
        super().__init__(parent)
        if isinstance(session, SessionHandle):  # its preferences are used, not `preferences`
            self.handle = session
            if session.parent() is None:
                session.setParent(self)
        else:
            self.handle = SessionHandle(session, preferences=preferences, parent=self)
        self._specs = list(pages) if pages is not None else list(page_registry.PAGES)
        self._minute_ms = idle_minute_ms
        self._actor: Actor = self.handle.actor
        self._info_loading = False
        self._switching = False
        self._signing_out = False
        self._ended = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("CounselRoom"))

        self.header = HeaderBar(self._actor)
        self.nav = NavList()
        self.nav.page_selected.connect(self._show_page)
        self.page_stack = PageStack(self.handle)
        self.lock_screen = LockScreen(self.handle.vault_folder, login=login)
        self.lock_screen.unlocked.connect(self._lock_screen_unlocked)
        self.central = QStackedWidget()
        self.central.addWidget(self._build_shell())
        self.central.addWidget(self.lock_screen)
        self.setCentralWidget(self.central)
        self._build_status_bar()
        self._build_menu()
        self.page_stack.open_student.connect(self.open_student)
        self.page_stack.status_changed.connect(self.counts_label.setText)
        self.page_stack.busy_changed.connect(self.busy_bar.setVisible)
        self.page_stack.message.connect(self._show_message)

        self.idle = IdleWatcher(DEFAULT_IDLE_MINUTES * idle_minute_ms, self)
        self.idle.idle.connect(self.lock)
        self.handle.locked.connect(self._on_locked)
        self.handle.unlocked.connect(self._on_unlocked)
        self.handle.idle_lock_changed.connect(self._set_idle_minutes)
        self.backups = BackupSchedule(self.handle, self)  # daily, and before closing
        self.backups.busy_changed.connect(self.busy_bar.setVisible)
        self.backups.failed.connect(self._backup_failed)
        self.backups.close_cancelled.connect(lambda: setattr(self, "_signing_out", False))
        self._restore_geometry()
        self._show_actor()
        self._set_pages()
        self.idle.start()
        self._load_info()

    # -- building ----------------------------------------------------------------------------

    def _build_shell(self) -> QWidget:
        shell = QWidget()
        content = QVBoxLayout()
        content.setContentsMargins(12, 10, 12, 6)
        content.addWidget(self.header)
        content.addWidget(self.page_stack, 1)
        layout = QHBoxLayout(shell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addLayout(content, 1)
        self.shell = shell
        return shell

    def _build_status_bar(self) -> None:
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.hide()
        self.counts_label = named(QLabel(), "counts")
        self.user_status = named(QLabel(), "userStatus")
        self.user_status.setStyleSheet(
            "QLabel#userStatus { border-left: 1px solid palette(mid); padding: 0 8px 0 10px; }"
        )
        bar = self.statusBar()
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.user_status)

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.reload_action = self._action(
            self.tr("&Reload"), self.reload_page, QKeySequence(QKeySequence.StandardKey.Refresh)
        )
        self.lock_action = self._action(self.tr("&Lock"), self.lock, QKeySequence("Ctrl+L"))
        # Locks from any window of the program (a student file too), not only this one.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.switch_action = self._action(self.tr("S&witch user…"), self.switch_user)
        sign_out = self._action(self.tr("&Sign out"), self.sign_out)
        quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence(QKeySequence.StandardKey.Quit)
        )
        for item in (self.reload_action, None, self.lock_action, self.switch_action, sign_out):
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.find_action = self._action(
            "", self._focus_search, QKeySequence(QKeySequence.StandardKey.Find)
        )
        self.addAction(self.find_action)

    # -- pages -------------------------------------------------------------------------------

    def visible_specs(self) -> list[PageSpec]:
        return page_registry.pages_for(self._actor.role, self._specs)

    def _set_pages(self) -> None:
        specs = self.visible_specs()
        self.page_stack.set_specs(specs)
        self.nav.set_pages([(spec.key, spec.shown_title()) for spec in specs])

    def page(self, key: str) -> QWidget | None:
        """The page widget if it has been built (pages are built when first shown)."""
        return self.page_stack.page(key)

    def current_key(self) -> str | None:
        return self.nav.current_key()

    def show_page(self, key: str) -> bool:
        return self.nav.select(key)

    def _show_page(self, key: str) -> None:
        if not self.handle.is_locked:
            self.page_stack.show_page(key)

    def reload_page(self) -> None:
        if not self.handle.is_locked:
            self.page_stack.call_current("reload")

    def invalidate_pages(self) -> None:
        """Data changed elsewhere: reload the current page now, the others when next shown."""
        if not self.handle.is_locked:
            self.page_stack.invalidate()

    def _show_message(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _focus_search(self) -> None:
        self.page_stack.call_current("focus_search")

    def open_student(self, student_id: int) -> None:
        """A page asked for a student file; the file window is wired to `student_requested`."""
        if not self.handle.is_locked:
            self.student_requested.emit(student_id)

    @property
    def students(self) -> StudentsPanel:
        """The student list (built on demand)."""
        page = self.page_stack.build("students")
        if not isinstance(page, StudentsPage):
            raise LookupError("no student page for this user")
        return page.panel

    # -- session info ------------------------------------------------------------------------

    @property
    def ctx(self) -> Context:
        """The open context, or (locked or closed) the one closed last."""
        return self.handle.last_context

    def load(self) -> None:
        """Read the school and policy again, and reload the current page."""
        self._load_info()
        self.reload_page()

    def _load_info(self) -> None:
        if self._info_loading:
            return
        job = self.handle.run(
            load_session_info, owner=self, on_success=self._info_loaded, on_failure=self._no_info
        )
        self._info_loading = job is not None

    def _info_loaded(self, info: SessionInfo) -> None:
        self._info_loading = False
        self.header.set_school(info.school_name)
        self.setWindowTitle(fill(self.tr("CounselRoom — %1"), info.school_name))
        if info.idle_lock_minutes is not None:
            self._set_idle_minutes(info.idle_lock_minutes)

    def _no_info(self, exc: BaseException) -> None:
        self._info_loading = False
        self.statusBar().showMessage(fill(self.tr("Could not read the school profile: %1"), exc))

    def _set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_interval(minutes * self._minute_ms)

    def _show_actor(self) -> None:
        actor = self._actor
        self.header.set_actor(actor)
        self.user_status.setText(
            fill(self.tr("%1 · %2"), actor.display_name or actor.username, role_label(actor.role))
        )

    # -- locking -----------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.handle.is_locked

    def lock(self) -> None:
        """Drop the keys now and ask for the password again (Ctrl+L, idle time)."""
        if not self.handle.is_locked:
            self.handle.lock()

    def switch_user(self) -> None:
        """Lock, and let any account sign in."""
        if self.handle.is_locked:
            self.lock_screen.show_for(self.handle.actor, switching=True)
            return
        self._switching = True
        try:
            self.handle.lock()
        finally:
            self._switching = False

    def _on_locked(self) -> None:
        self.idle.stop()
        self._info_loading = False
        self.page_stack.clear_for_lock()
        self.counts_label.clear()
        self.busy_bar.hide()
        self.statusBar().clearMessage()
        self.central.setCurrentWidget(self.lock_screen)
        self.lock_screen.show_for(self.handle.actor, switching=self._switching)
        self.user_status.setText(self.tr("Locked"))
        for action in (self.reload_action, self.lock_action, self.switch_action, self.find_action):
            action.setEnabled(False)

    def _lock_screen_unlocked(self, ctx: Context) -> None:
        if self._ended or not self.handle.is_locked:  # closed meanwhile: nobody wants it
            ctx.close()
            return
        self.handle.unlock(ctx)

    def _on_unlocked(self, ctx: Context) -> None:
        previous, self._actor = self._actor, ctx.actor
        if (previous.user_id, previous.role) != (ctx.actor.user_id, ctx.actor.role):
            self.page_stack.drop_all()  # another user: nothing built for the last one stays
        self.page_stack.mark_stale()
        self._show_actor()
        for action in (self.reload_action, self.lock_action, self.switch_action, self.find_action):
            action.setEnabled(True)
        self.central.setCurrentWidget(self.shell)
        self._set_pages()  # keeps the current page if this user may see it
        current = self.current_key()
        if current is not None:
            self._show_page(current)  # builds and reloads it unless set_pages just did
        self.idle.start()
        self._load_info()

    # -- closing -----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self.handle.preferences.get(WINDOW_GEOMETRY)
        if not (saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))):
            self.resize(1100, 700)

    def _save_geometry(self) -> None:
        prefs = self.handle.preferences
        prefs.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        try:
            prefs.save()
        except OSError as exc:  # the window closes all the same
            log.warning("cannot save the window geometry: %s", exc)

    def sign_out(self) -> None:
        self._signing_out = True
        if not self.close() and not self.backups.closing:  # closing once the backup is written
            self._signing_out = False

    def _backup_failed(self, text: str) -> None:
        self.statusBar().showMessage(fill(self.tr("The backup failed: %1"), text))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.backups.delay_close(self):
            event.ignore()
            self.statusBar().showMessage(self.tr("Backing up before closing…"))
            return
        self.backups.stop()
        self._save_geometry()
        self.idle.stop()
        self._ended = True
        self.handle.end()
        super().closeEvent(event)
        self.closed.emit(self._signing_out)
