"""Backups of the open vault: one file, taken while the vault is in use, to a file or a folder.

Consistency: the copy is taken while holding the vault's write lock, so no write of this
process starts or commits during it, and `vault.keys` on disk (saved after each commit, under
the same lock) names the copy's last audit entry as its chain head. The copy itself is made by
SQLCipher's `sqlcipher_export` from a read transaction: it sees exactly the committed state
(WAL frames included, a transaction still open in another connection excluded) and writes a
compact file with no free pages left from deleted records. It stays under the same data key,
so the backup's `vault.keys` opens it as it is and the audit chain's MACs still verify. Before
the file is written the copy's last audit entry is compared with the key file's head: a backup
that could not verify is refused when made, not discovered when needed.

Restore lives in `services.backup_restore` (it needs no signed-in context).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from counselroom import __version__
from counselroom.domain.errors import CounselRoomError
from counselroom.services.backup_restore import RestoreResult, restore_backup
from counselroom.services.context import Context
from counselroom.services.localtime import local_date, to_local
from counselroom.services.roles import Permission
from counselroom.storage import engine as storage_engine
from counselroom.storage.base import utcnow
from counselroom.transfer import backup_file
from counselroom.transfer.errors import ArchiveError
from counselroom.vault.atomic import OWNER_ONLY_FILE
from counselroom.vault.keyslots import KeyFile
from counselroom.vault.vault import Vault

__all__ = [
    "BackupResult",
    "RestoreResult",
    "backup_due",
    "backup_to_folder",
    "backup_vault",
    "folder_backups",
    "restore_backup",
]

log = logging.getLogger(__name__)

SCRATCH_PREFIX = ".backup-"  # a private folder inside the vault folder for the copy


@dataclass(frozen=True)
class BackupResult:
    file: Path
    size: int
    vault_id: str
    created_at: datetime  # naive UTC
    deleted: tuple[str, ...] = ()  # older backups of this vault removed by keep-N


def backup_vault(ctx: Context, target: Path) -> BackupResult:
    """Write a backup of the open vault to `target` (replaced if it exists), audited."""
    ctx.require(Permission.EXPORT)
    return _backup(ctx, Path(target), utcnow())


def backup_to_folder(ctx: Context, folder: Path, keep: int | None) -> BackupResult:
    """A dated backup in `folder`; then only the newest `keep` backups of this vault stay there
    (None keeps every one). Files of other vaults, and any other file, are never touched."""
    ctx.require(Permission.EXPORT)
    folder = Path(folder)
    if keep is not None and keep < 1:
        raise CounselRoomError(f"keep must be at least 1 (got {keep})")
    if not folder.is_dir():
        raise CounselRoomError(f"{folder}: no such folder (is the USB drive plugged in?)")
    created = utcnow()
    vault_id = ctx.vault.vault_id
    stem = f"counselroom-{vault_id[:8]}-{to_local(created):%Y%m%d-%H%M%S}"
    target = folder / _free_name(folder, stem)
    _remove_partial_files(folder, vault_id)
    result = _backup(ctx, target, created)
    if keep is None:
        return result
    return replace(result, deleted=_prune(folder, vault_id, keep, result.file))


def _free_name(folder: Path, stem: str) -> str:
    """`stem.crbackup`, or `stem-N.crbackup` after the highest N of that second: a number freed
    by pruning is never reused, so the numbers keep the order the backups were made in."""
    suffix = backup_file.SUFFIX
    taken = re.compile(rf"^{re.escape(stem)}(?:-(\d+))?{re.escape(suffix)}$")
    numbers = [int(m[1] or 1) for p in folder.iterdir() if (m := taken.match(p.name))]
    return f"{stem}-{max(numbers) + 1}{suffix}" if numbers else f"{stem}{suffix}"


def backup_due(last: datetime | None, now: datetime) -> bool:
    """Daily: due when no backup was made yet on today's (local) date. Both times naive UTC."""
    return last is None or local_date(last) != local_date(now)


def _name_pattern(vault_id: str) -> re.Pattern[str]:
    return re.compile(
        rf"^counselroom-{re.escape(vault_id[:8])}-\d{{8}}-\d{{6}}(?:-(\d+))?"
        rf"{re.escape(backup_file.SUFFIX)}$"
    )


def folder_backups(folder: Path, vault_id: str) -> list[tuple[datetime, Path]]:
    """This vault's backups in `folder`, newest first. A file is counted only if its name has
    our pattern and its `backup.json` names this vault (8 hex digits could be shared)."""
    pattern = _name_pattern(vault_id)
    found: list[tuple[datetime, int, Path]] = []
    for path in Path(folder).iterdir():
        match = pattern.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            manifest = backup_file.read_manifest(path)
        except ArchiveError as exc:
            log.warning("backup folder: skipping an unreadable file: %s", exc.check)
            continue
        if manifest.vault_id == vault_id:  # "-2" is the second backup made within a second
            found.append((manifest.created_at, int(match[1] or 1), path))
    found.sort(key=lambda item: item[:2], reverse=True)
    return [(created, path) for created, _number, path in found]


def _prune(folder: Path, vault_id: str, keep: int, written: Path) -> tuple[str, ...]:
    """Delete this vault's backups beyond the newest ``keep`` — never the one just written,
    whatever time it carries (a PC clock that once ran ahead must not make it "the oldest")."""
    deleted = []
    others = [path for _created, path in folder_backups(folder, vault_id) if path != written]
    for path in others[max(keep - 1, 0) :]:
        try:
            path.unlink()
        except OSError as exc:  # the new backup is written; an old one left is no failure
            log.warning("cannot delete an old backup: %s", exc.strerror or exc)
            continue
        deleted.append(path.name)
    return tuple(deleted)


def _remove_partial_files(folder: Path, vault_id: str) -> None:
    """Temporary files a pulled drive or a crash left from earlier backups of this vault."""
    prefix = f".counselroom-{vault_id[:8]}-"
    for path in folder.glob(f"{prefix}*{backup_file.SUFFIX}.*.tmp"):
        with contextlib.suppress(OSError):
            path.unlink()


def _backup(ctx: Context, target: Path, created: datetime) -> BackupResult:
    vault = ctx.vault
    written = False
    try:
        # The write lock is held from here to the audit entry's commit: no write interleaves.
        with vault.write() as session, _scratch(vault) as scratch:
            copy = scratch / backup_file.DB
            keys = vault.layout.keys.read_bytes()
            revision = _export_copy(vault, copy, keys)
            try:
                manifest = backup_file.write_backup(
                    target,
                    db=copy,
                    keys=keys,
                    vault_id=vault.vault_id,
                    created_at=created,
                    schema_revision=revision,
                    program_version=__version__,
                )
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                raise CounselRoomError(f"could not write {target}: {reason}") from exc
            written = True
            ctx.audit(session, "backup", detail=f"file {target.name}")
    except BaseException:
        if written:  # the audit entry did not commit: no unrecorded copy stays behind
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    size = sum(info.size for info in manifest.members.values())
    with contextlib.suppress(OSError):
        size = target.stat().st_size
    return BackupResult(target, size, vault.vault_id, manifest.created_at)


@contextlib.contextmanager
def _scratch(vault: Vault) -> Iterator[Path]:
    folder = vault.layout.folder
    for stale in folder.glob(f"{SCRATCH_PREFIX}*"):  # a crash's leftovers (we hold the lock)
        shutil.rmtree(stale, ignore_errors=True)
    scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=folder))  # mode 0700
    try:
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _export_copy(vault: Vault, copy: Path, keys_raw: bytes) -> str:
    """`sqlcipher_export` of the committed state into `copy`, same key; return its revision."""
    key = vault.data_key
    fd = os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    os.close(fd)
    with contextlib.closing(storage_engine.open_raw(vault.layout.db, key)) as conn:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{key.hex()}'\"", (str(copy),))
        try:
            conn.execute("SELECT sqlcipher_export('backup')")
        finally:
            conn.execute("DETACH DATABASE backup")
    storage_engine.initialise_file(copy, key)  # WAL and secure_delete, like the vault itself
    return _check_copy(copy, key, KeyFile.parse(keys_raw, str(vault.layout.keys)))


def _check_copy(copy: Path, key: bytes, keys: KeyFile) -> str:
    with contextlib.closing(storage_engine.open_raw(copy, key)) as conn:
        last = conn.execute("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    seq, mac = (last[0], bytes(last[1])) if last else (0, None)
    if seq != keys.head.seq or (mac is not None and mac != keys.head.mac):
        # Only a change of the key file outside a write (a data-key rotation) can do this.
        raise CounselRoomError(
            "the vault changed while the backup was taken (the key file and the database "
            "disagree); nothing was written — try again"
        )
    return str(row[0])
