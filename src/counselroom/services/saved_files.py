"""Writing a file a user explicitly saves (a ledger, a roster export).

Such a file holds personal data in clear, so it is written atomically with owner-only
permissions (vault/atomic.py), and a failure of the disk (folder gone, disk full, USB drive
pulled) becomes a message naming the file instead of a traceback. Callers call this inside
their audited transaction, so a failed write leaves neither the file nor the audit entry.
"""

from __future__ import annotations

from pathlib import Path

from counselroom.domain.errors import CounselRoomError


def save_file(target: Path, data: bytes) -> None:
    from counselroom.vault.atomic import atomic_write

    try:
        atomic_write(target, data)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise CounselRoomError(f"could not write {target}: {reason}") from exc
