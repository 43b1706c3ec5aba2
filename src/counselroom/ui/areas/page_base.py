"""A page that reads one thing from the vault in the background and shows it.

Every page of the main window has the same life: `reload()` when it is shown or refreshed,
`clear()` when the session locks. A result that arrives after a `clear()` (the user locked the
window while a list was loading) is dropped: the generation number of the load must still be
current, so a locked window is never refilled by a late worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.roles import PermissionDenied
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.worker import BackgroundJob

translate = QCoreApplication.translate

PAGE_STYLE = (
    "QLabel#pageTitle { font-size: 15pt; font-weight: 600; }"
    "QLabel#pageSubtitle { color: palette(dark); }"
    "QLabel#pageNotice { background: palette(alternate-base); border: 1px solid palette(mid);"
    " border-radius: 4px; padding: 10px; }"
    "QLabel#pageError { color: #B71C1C; }"
    "QLabel#emptyNote { color: palette(dark); padding: 6px 2px; }"
)


class ContextSource(Protocol):
    """What a page needs of the session: the open vault's context, None while locked.

    `ui.session.SessionHandle` is one; tests pass a plain object. When the handle also has a
    `locked` signal the page clears itself on it, and a `track(job)` method is given every
    load so that a lock waits for the read before it closes the database.
    """

    @property
    def ctx(self) -> Context | None: ...


class LoadingPage(QWidget):
    """Heading (title, subtitle, state, refresh) above a notice and the subclass's content.

    Subclasses implement `fetch(ctx)` (runs on a worker thread: services only, no widgets),
    `show_result(result)` and `clear_content()`; `denied_text()` is shown instead of the
    content when the service refuses the signed-in role.
    """

    load_finished = Signal()  # after each load, whether it succeeded, was refused or failed
    busy_changed = Signal(bool)  # the main window's busy bar (see ui/pages.py)

    def __init__(self, handle: ContextSource, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self._generation = 0
        self._jobs: dict[BackgroundJob[Any], int] = {}  # running loads -> their generation
        self._again = False

        self.title_label = named(QLabel(title), "pageTitle")
        self.subtitle_label = named(QLabel(), "pageSubtitle")
        self.state_label = named(QLabel(), "pageError")
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(translate("LoadingPage", "&Refresh"))
        self.refresh_button.setToolTip(
            translate("LoadingPage", "Read this page again from the vault")
        )
        self.refresh_button.clicked.connect(self.reload)
        self.notice_label = named(QLabel(), "pageNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()

        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.title_label)
        heading.addSpacing(12)
        heading.addWidget(self.subtitle_label, 0, Qt.AlignmentFlag.AlignBottom)
        heading.addStretch(1)
        heading.addWidget(self.state_label)
        heading.addWidget(self.refresh_button)

        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.content, 1)
        layout.addStretch()  # takes the space only while the content is hidden by a notice
        self.setStyleSheet(PAGE_STYLE)
        locked = getattr(handle, "locked", None)  # a SessionHandle's signal; stubs have none
        if locked is not None:
            locked.connect(self.clear)

    # -- for subclasses ------------------------------------------------------------------------

    if TYPE_CHECKING:
        # What every page defines: clear_content always, fetch and show_result unless it
        # overrides load_plan; __init_subclass__ refuses a page without them when it is defined.
        def fetch(self, ctx: Context) -> object: ...

        def show_result(self, result: Any) -> None: ...

        def clear_content(self) -> None: ...

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        required = ["clear_content"]
        if cls.load_plan is LoadingPage.load_plan:
            required += ["fetch", "show_result"]
        missing = [name for name in required if not callable(getattr(cls, name, None))]
        if missing:
            raise TypeError(f"{cls.__name__} must define {', '.join(missing)}")

    def denied_text(self) -> str:
        return translate("LoadingPage", "Your account may not see this page.")

    # -- loading -------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._generation in self._jobs.values()

    def reload(self) -> None:
        """Read the page again from the open vault; nothing happens while the session is locked.

        A reload asked for while one is running runs once more after it, with the newest data.
        """
        if self.loading:
            self._again = self.handle.ctx is not None
            return
        self._again = False
        plan = self.load_plan()
        if plan is not None:
            self.start_load(*plan)

    def load_plan(
        self,
    ) -> tuple[Callable[[Context], object], Callable[[Any], None]] | None:
        """What a reload runs and where the result goes; None cancels the reload.

        Taken on the GUI thread when the reload starts, so a page can capture its inputs
        (filters) in the callables rather than read widgets from the worker.
        """
        return self.fetch, self.show_result

    def start_load(
        self, fetch: Callable[[Context], object], deliver: Callable[[Any], None]
    ) -> bool:
        """Run `fetch(ctx)` on a worker and `deliver(result)` here; False if locked or busy."""
        ctx = self.handle.ctx
        if ctx is None or self.loading:
            return False
        generation = self._generation
        self.refresh_button.setEnabled(False)
        self.state_label.setText(translate("LoadingPage", "Loading…"))
        self.state_label.setStyleSheet("color: palette(dark);")
        job: BackgroundJob[object] = BackgroundJob(lambda _control: fetch(ctx), owner=self)
        job.on_success(lambda result: self._delivered(job, deliver, result, None))
        job.on_failure(lambda exc: self._delivered(job, deliver, None, exc))
        self._jobs[job] = generation
        self.busy_changed.emit(True)
        track = getattr(self.handle, "track", None)
        if track is not None:
            track(job)  # a lock waits for this read before it closes the database
        job.start()
        return True

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every running read has returned: call it before closing the vault."""
        return all(job.wait(timeout) for job in list(self._jobs))

    def _delivered(
        self,
        job: BackgroundJob[object],
        deliver: Callable[[Any], None],
        result: object,
        error: BaseException | None,
    ) -> None:
        if self._jobs.pop(job, None) != self._generation:
            return  # cleared (locked) since this load started
        self.busy_changed.emit(False)
        self.refresh_button.setEnabled(True)
        self.state_label.clear()
        self.state_label.setStyleSheet("")
        if error is None:
            self.notice_label.hide()
            self.content.show()
            deliver(result)
        elif isinstance(error, PermissionDenied):
            self.clear_content()
            self.content.hide()
            self.notice_label.setText(self.denied_text())
            self.notice_label.show()
        else:
            self.state_label.setText(
                fill(translate("LoadingPage", "Could not read the vault: %1"), error)
            )
        self.load_finished.emit()
        if self._again:
            self.reload()

    def clear(self) -> None:
        """Drop every displayed row (the session is locking); a load in flight is forgotten."""
        self._generation += 1
        self._again = False
        self.busy_changed.emit(False)
        self.refresh_button.setEnabled(True)
        self.state_label.clear()
        self.notice_label.hide()
        self.notice_label.clear()
        self.content.show()
        self.clear_content()
