"""Scheduled backups: once a day while the window is open, and when it closes.

Rules (docs/decisions): a backup is wanted only while a backup folder is chosen on this PC, the
vault is open (not locked) and the signed-in role may make backups. A daily backup is due when
none of this vault was made today (local date, `services.backups.backup_due`); after a failure
the daily check waits an hour before trying again. Closing the window backs up first (the
window stays open with a busy bar until the file is written); a failure is shown and the user
decides whether to close anyway, and a second close while a backup is being written offers to
close without waiting. Every outcome is recorded in the preferences (`last_backup`) and shown
on the Settings page, so a failure is never silently lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.preferences import (
    BACKUP_FOLDER,
    BACKUP_KEEP,
    BackupRecord,
    last_backup,
    remember_backup,
)
from counselroom.services.backups import BackupResult, backup_due, backup_to_folder
from counselroom.services.roles import Permission, PermissionDenied, allowed
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.session import SessionHandle
from counselroom.ui.worker import BackgroundJob

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

CHECK_MS = 10 * 60_000  # how often the daily rule is looked at
FIRST_CHECK_MS = 60_000  # after sign-in: the window settles first
RETRY_AFTER_FAILURE = timedelta(hours=1)


def utcnow() -> datetime:
    """Naive UTC, as the services store times (the window does not import storage)."""
    return datetime.now(UTC).replace(tzinfo=None)


def describe_backup_error(exc: BaseException) -> str:
    """A failed backup in the window's language (English service text where it has no template)."""
    from counselroom.transfer.errors import ArchiveError

    if isinstance(exc, PermissionDenied):
        return translate("Backups", "only counsellors and administrators can make backups.")
    if isinstance(exc, ArchiveError):
        from counselroom.ui.problem_text import message_text

        return message_text(exc.template, exc.args_text, str(exc))
    if isinstance(exc, CounselRoomError):
        return str(exc)
    log.error("unexpected error during a backup", exc_info=exc)
    return fill(translate("Backups", "unexpected error (%1)."), type(exc).__name__)


def start_backup(
    handle: SessionHandle,
    owner: QObject,
    *,
    on_done: Callable[[BackupResult], object],
    on_failed: Callable[[str], object],
) -> BackgroundJob[BackupResult] | None:
    """Back up to the chosen folder in the worker, keep the newest N, record the outcome."""
    ctx = handle.ctx
    prefs = handle.preferences
    folder = prefs.get(BACKUP_FOLDER)
    if ctx is None or not folder:
        return None
    vault_id, keep = ctx.vault.vault_id, prefs.get(BACKUP_KEEP)

    def record(entry: BackupRecord) -> None:
        remember_backup(prefs, vault_id, entry)
        try:
            prefs.save()
        except OSError as exc:  # the backup itself is what matters
            log.warning("cannot save the preferences: %s", exc.strerror or exc)

    def done(result: BackupResult) -> None:
        record(BackupRecord(result.created_at, result.file.name, ""))
        on_done(result)

    def failed(exc: BaseException) -> None:
        text = describe_backup_error(exc)
        record(BackupRecord(utcnow(), "", text))
        on_failed(text)

    return handle.run(
        lambda c: backup_to_folder(c, Path(folder), keep),
        owner=owner,
        on_success=done,
        on_failure=failed,
    )


class BackupSchedule(QObject):
    finished = Signal(object)  # BackupResult
    failed = Signal(str)  # what went wrong, translated
    busy_changed = Signal(bool)
    close_cancelled = Signal()  # the user kept the window open after a failed exit backup

    def __init__(
        self,
        handle: SessionHandle,
        parent: QObject | None = None,
        *,
        check_ms: int = CHECK_MS,
        first_check_ms: int = FIRST_CHECK_MS,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.handle = handle
        self._clock = clock
        self._job: BackgroundJob[BackupResult] | None = None
        self._window: QWidget | None = None  # set while a backup before closing runs
        self.closing = False  # the window is closing once the running backup has finished
        self._may_close = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(first_check_ms, self, self.check)

    @property
    def running(self) -> bool:
        return self._job is not None

    def wanted(self) -> bool:
        ctx = self.handle.ctx
        return (
            ctx is not None
            and bool(self.handle.preferences.get(BACKUP_FOLDER))
            and allowed(ctx.actor.role, Permission.EXPORT)
        )

    def due(self) -> bool:
        ctx = self.handle.ctx
        if not self.wanted() or ctx is None:
            return False
        prefs, now = self.handle.preferences, self._clock()
        failure = last_backup(prefs, ctx.vault.vault_id, failed=True)
        if failure is not None and timedelta(0) <= now - failure.at < RETRY_AFTER_FAILURE:
            return False
        done = last_backup(prefs, ctx.vault.vault_id)
        return backup_due(done.at if done else None, now)

    def check(self) -> BackgroundJob[BackupResult] | None:
        """The daily rule: start a backup if one is due and none is running."""
        if self.running or not self.due():
            return None
        return self.start()

    def start(self) -> BackgroundJob[BackupResult] | None:
        if self.running:
            return None
        job = start_backup(self.handle, self, on_done=self._done, on_failed=self._failed)
        if job is not None:
            self._job = job
            self.busy_changed.emit(True)
        return job

    def _done(self, result: BackupResult) -> None:
        self._job = None
        self.busy_changed.emit(False)
        self.finished.emit(result)
        if self._window is not None:
            self._close_window()

    def _failed(self, text: str) -> None:
        self._job = None
        self.busy_changed.emit(False)
        self.failed.emit(text)
        window = self._window
        if window is None:
            return
        close = dialogs.ask(
            window,
            self.tr("Backup failed"),
            fill(self.tr("The backup before closing failed: %1\n\nClose anyway?"), text),
        )
        if close:
            self._close_window()
        else:
            self._window, self.closing = None, False
            self.close_cancelled.emit()

    def _close_window(self) -> None:
        window, self._window = self._window, None
        self._may_close = True
        if window is not None:
            window.close()

    def delay_close(self, window: QWidget) -> bool:
        """Called by the window's closeEvent: True to keep it open while a backup is written
        (it is closed again when the backup ends)."""
        if self._may_close:
            return False
        if self.running:
            if dialogs.ask(
                window,
                self.tr("Backup in progress"),
                self.tr("A backup is being written. Close without waiting for it to finish?"),
                destructive=True,
            ):
                self._may_close = True
                return False
            return True
        if not self.wanted():
            return False
        self._window, self.closing = window, True
        if self.start() is None:
            self._window, self.closing = None, False
            return False
        return True

    def stop(self) -> None:
        self.timer.stop()
