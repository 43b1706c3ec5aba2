"""The signed-in session the pages share: the open `Context`, or None while the window is locked.

Pages keep the handle, never the context: they read `handle.ctx` each time they (re)load, so
after a lock and an unlock (perhaps by another user) they use the new one. Locking closes the
context — the data key is dropped, the database closed and the vault's lock file released —
and remembers who was signed in so the lock screen can ask for that user's password.

Background reads go through `run()`: a lock waits for the reads in flight before it closes
the database under them, and a result that arrives after a lock is dropped, so nothing read
before the lock appears on the lock screen or in the next user's window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from counselroom.preferences import Preferences
from counselroom.services.context import Actor, Context
from counselroom.ui.worker import BackgroundJob

T = TypeVar("T")

JOB_WAIT_SECONDS = 10.0


class SessionLocked(RuntimeError):
    """A page asked for the context while the window is locked."""


class SessionHandle(QObject):
    locked = Signal()
    unlocked = Signal(object)  # Context
    ended = Signal()  # the window closed: the session is over for good
    idle_lock_changed = Signal(int)  # minutes, after the policy was changed in this window

    def __init__(
        self,
        ctx: Context,
        *,
        preferences: Preferences | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx: Context | None = ctx
        self._last_ctx = ctx
        self.actor: Actor = ctx.actor  # who is (or was, while locked) signed in
        self.vault_folder: Path = ctx.vault.layout.folder
        self.preferences = preferences if preferences is not None else Preferences.load()
        self._jobs: list[BackgroundJob[Any]] = []
        self._generation = 0  # bumped on every lock and unlock; late results are dropped

    # -- state -------------------------------------------------------------------------------

    @property
    def ctx(self) -> Context | None:
        return self._ctx

    @property
    def last_context(self) -> Context:
        """The current context, or the one closed last (for callers that check it is closed)."""
        return self._ctx if self._ctx is not None else self._last_ctx

    @property
    def is_locked(self) -> bool:
        return self._ctx is None

    def require(self) -> Context:
        if self._ctx is None:
            raise SessionLocked("the window is locked")
        return self._ctx

    # -- locking -----------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the context and emit `locked`; does nothing when already locked."""
        if self._close():
            self.locked.emit()

    def unlock(self, ctx: Context) -> None:
        """Take a freshly signed-in context (same or another user) and emit `unlocked`."""
        if self._ctx is not None:
            raise RuntimeError("the session is not locked")
        self._generation += 1
        self._ctx = self._last_ctx = ctx
        self.actor = ctx.actor
        self.unlocked.emit(ctx)

    def end(self) -> None:
        """The window is closing: close the context (if open) and emit `ended`."""
        self._close()
        self.ended.emit()

    def _close(self) -> bool:
        ctx = self._ctx
        if ctx is None:
            return False
        self._generation += 1
        for job in self._jobs:
            job.wait(JOB_WAIT_SECONDS)  # a read in flight finishes before its connection goes
        self._jobs.clear()
        self._ctx = None
        ctx.close()
        return True

    def set_idle_lock_minutes(self, minutes: int) -> None:
        """Tell the window the policy's idle time changed (the caller saved it)."""
        self.idle_lock_changed.emit(minutes)

    # -- background work ---------------------------------------------------------------------

    def run(
        self,
        fn: Callable[[Context], T],
        *,
        owner: QObject,
        on_success: Callable[[T], object],
        on_failure: Callable[[BaseException], object],
    ) -> BackgroundJob[T] | None:
        """Run `fn(ctx)` in the worker; None (nothing started) while locked.

        The callbacks run on the GUI thread, and only if the session has been neither locked
        nor unlocked in the meantime.
        """
        ctx = self._ctx
        if ctx is None:
            return None
        generation = self._generation

        def current() -> bool:
            return generation == self._generation

        job: BackgroundJob[T] = BackgroundJob(lambda _control: fn(ctx), owner=owner)
        job.on_success(lambda result: on_success(result) if current() else None)
        job.on_failure(lambda exc: on_failure(exc) if current() else None)
        self.track(job)
        return job.start()

    def track(self, job: BackgroundJob[Any]) -> None:
        """Make a lock wait for `job` (for jobs built directly, e.g. with progress)."""
        self._jobs = [j for j in self._jobs if not j.wait(0)]
        self._jobs.append(job)
