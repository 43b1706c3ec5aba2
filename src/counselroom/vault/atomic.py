"""Atomic, owner-only file writes.

A crash mid-write must never leave a half-written `vault.keys` or export: we write a
temporary file in the same folder, fsync it, replace the target in one rename and fsync the
folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700


def fsync_dir(folder: Path) -> None:
    """Persist a rename. Windows cannot open folders for fsync; NTFS journals renames itself."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int = OWNER_ONLY_FILE) -> None:
    """Write `data` to `path` so that readers see either the old or the new content."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode) if hasattr(os, "fchmod") else None
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)


def make_private_dir(path: Path) -> None:
    """Create a folder readable only by its owner (the counselling-room account)."""
    path.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
    with contextlib.suppress(OSError):  # e.g. a FAT-formatted USB drive has no modes
        os.chmod(path, OWNER_ONLY_DIR)
