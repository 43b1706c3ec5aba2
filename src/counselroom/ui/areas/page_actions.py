"""One write or export at a time for a page, run in the worker, dropped if the window locks.

`LoadingPage` reads; a page that also acts (save an activity, export a ledger) needs the same
two guarantees for the action: the service runs off the GUI thread with the context of the
moment the user asked, and a result that comes back after a lock is not shown on the lock
screen or in the next user's window. A lock waits for the action before it closes the
database (`handle.track`), like a read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from counselroom.services.context import Context
from counselroom.ui.areas.page_base import ContextSource
from counselroom.ui.worker import BackgroundJob

T = TypeVar("T")


class PageAction:
    """Runs `fn(ctx)`; `on_success`/`on_failure` run on the GUI thread unless `forget()` came
    first (the page was cleared for a lock)."""

    def __init__(self, handle: ContextSource, owner: QObject) -> None:
        self.handle = handle
        self.owner = owner
        self._generation = 0
        self._job: BackgroundJob[Any] | None = None

    @property
    def running(self) -> bool:
        return self._job is not None

    def run(
        self,
        fn: Callable[[Context], T],
        on_success: Callable[[T], object],
        on_failure: Callable[[BaseException], object],
    ) -> bool:
        """Start the action; False (nothing started) while locked or while one runs."""
        ctx = self.handle.ctx
        if ctx is None or self._job is not None:
            return False
        generation = self._generation
        job: BackgroundJob[T] = BackgroundJob(lambda _control: fn(ctx), owner=self.owner)

        def done(callback: Callable[[Any], object], value: Any) -> None:
            if generation != self._generation:
                return  # the page was cleared (locked) since the action started
            self._job = None
            callback(value)

        job.on_success(lambda result: done(on_success, result))
        job.on_failure(lambda exc: done(on_failure, exc))
        self._job = job
        track = getattr(self.handle, "track", None)
        if track is not None:
            track(job)
        job.start()
        return True

    def wait(self, timeout: float = 10.0) -> bool:
        job = self._job
        return job is None or job.wait(timeout)

    def forget(self) -> None:
        """Drop the result of the action in flight (the page is being cleared)."""
        self._generation += 1
        self._job = None
