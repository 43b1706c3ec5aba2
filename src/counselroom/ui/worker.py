"""One way to run slow work off the GUI thread (DESIGN convention 2, Anki's CollectionOp).

The job runs a plain callable on a `QThreadPool`; its result or exception comes back on the GUI
thread through a queued signal, so callbacks may touch widgets and the callable never does.
Services open their own database session per call, so a job never shares one with the window.

    BackgroundJob(lambda control: auth.login(folder, user, password), owner=self) \
        .on_success(self._logged_in).on_failure(self._show_error).start()

A job whose owner widget has been destroyed delivers nothing: a window closed while its data
was loading must not be resurrected by a late callback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

# Jobs stay referenced until they have delivered: nobody else needs to keep them alive.
_RUNNING: set[BackgroundJob[Any]] = set()


class JobCancelled(Exception):
    """Raised inside a job by `JobControl.check()` once the user has asked to stop."""


class JobControl:
    """Handed to the callable: report progress and notice cancellation. Thread-safe."""

    def __init__(self, job: BackgroundJob[Any]) -> None:
        self._job = job
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._job._progress.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled


class BackgroundJob(QObject, Generic[T]):
    """A callable run once in the thread pool; success/failure/progress on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progressed = Signal(int, int)  # done, total
    finished = Signal()

    # Emitted from the worker thread; queued to the slots below, which run on the GUI thread.
    _done = Signal(object, object)
    _progress = Signal(int, int)

    def __init__(
        self,
        fn: Callable[[JobControl], T],
        *,
        owner: QObject | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__()  # no Qt parent: the owner may die first, see module docstring
        self._fn = fn
        self._owner = owner
        self._pool = pool or QThreadPool.globalInstance()
        self._control = JobControl(self)
        self._ended = threading.Event()
        self._started = False
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)

    # -- building ----------------------------------------------------------------------------

    def on_success(self, callback: Callable[[T], object]) -> BackgroundJob[T]:
        self.succeeded.connect(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], object]) -> BackgroundJob[T]:
        self.failed.connect(callback)
        return self

    def on_progress(self, callback: Callable[[int, int], object]) -> BackgroundJob[T]:
        self.progressed.connect(callback)
        return self

    # -- running -----------------------------------------------------------------------------

    def start(self) -> BackgroundJob[T]:
        if self._started:
            raise RuntimeError("a BackgroundJob runs once")
        self._started = True
        _RUNNING.add(self)
        self._pool.start(self._run)
        return self

    def cancel(self) -> None:
        """Ask the callable to stop at its next `control.check()`; it is not interrupted."""
        self._control._cancel.set()

    @property
    def running(self) -> bool:
        return self._started and not self._ended.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the callable has returned (not until delivery); True if it has."""
        return self._ended.wait(timeout)

    def _run(self) -> None:
        # Worker thread: call, then hand the outcome to the GUI thread. No widget here.
        try:
            result: object = self._fn(self._control)
        except BaseException as exc:  # every failure is delivered, never lost
            self._ended.set()
            self._done.emit(None, exc)
        else:
            self._ended.set()
            self._done.emit(result, None)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        _RUNNING.discard(self)
        try:
            if self._owner is not None and not shiboken6.isValid(self._owner):
                return
            if error is None:
                self.succeeded.emit(result)
            else:
                if not isinstance(error, Exception):
                    log.error("background job ended by %r", error)
                self.failed.emit(error)
            self.finished.emit()
        finally:
            self.deleteLater()

    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        if self._owner is None or shiboken6.isValid(self._owner):
            self.progressed.emit(done, total)


def run_in_background(
    fn: Callable[[], T],
    *,
    owner: QObject,
    on_success: Callable[[T], object],
    on_failure: Callable[[BaseException], object],
) -> BackgroundJob[T]:
    """The common case: a callable with no progress; returns the started job."""
    job: BackgroundJob[T] = BackgroundJob(lambda _control: fn(), owner=owner)
    return job.on_success(on_success).on_failure(on_failure).start()
