"""One process per vault: an OS advisory lock on `vault.lock`.

The OS releases the lock when the process dies (even by SIGKILL), so a crash never leaves a
vault that looks "in use" forever — unlike a pid file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from counselroom.vault.errors import VaultInUseError

LOCK_NAME = "vault.lock"


class VaultLock:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        # owner-only like every file of the vault; the pid inside is only a hint for people
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+b")
        try:
            _lock(handle)
        except OSError as exc:
            handle.close()
            raise VaultInUseError(
                f"{self.path.parent}: the vault is in use by another CounselRoom window or command"
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
