"""Restore: prove a backup opens and verifies, then put it in the vault's place.

No signed-in context: the vault being replaced may be broken or its passwords lost. The backup
is unpacked into a new private folder next to the vault and opened there with a password of
one of the BACKUP's accounts (each user slot is tried when no account is named, as LUKS tries
every slot); the account must be enabled and allowed to make backups. `verify_vault` must find
nothing, and the restore is recorded in the restored vault's audit log. Only then is the
current vault folder renamed aside to `<folder>.replaced-<local time>` (kept, never deleted)
and the restored folder renamed into place. Any failure before those renames leaves the
current vault untouched and removes the temporary folder.

The current vault's lock is held throughout, so a window or command using it refuses the
restore ("in use", exit 4) and nothing can open it half-way.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counselroom.domain.errors import QT_TRANSLATE_NOOP, CounselRoomError
from counselroom.services.localtime import to_local
from counselroom.services.roles import Permission, PermissionDenied, Role, allowed
from counselroom.storage.base import utcnow
from counselroom.storage.models import User
from counselroom.transfer import backup_file
from counselroom.transfer.errors import BACKUP, ArchiveError
from counselroom.vault.atomic import fsync_dir
from counselroom.vault.errors import AuthenticationError
from counselroom.vault.keyslots import KIND_USER, KeyFile
from counselroom.vault.layout import VaultLayout
from counselroom.vault.lockfile import LOCK_NAME, VaultLock
from counselroom.vault.vault import Vault
from counselroom.vault.verify import verify_vault


@dataclass(frozen=True)
class RestoreResult:
    vault_folder: Path
    replaced_folder: Path | None  # where the vault that was there is kept; None if none was
    username: str  # the backup's account whose password opened it
    vault_id: str
    backup_created_at: datetime  # naive UTC
    schema_revision: str


def restore_backup(
    file: Path, vault_folder: Path, password: str, username: str | None = None
) -> RestoreResult:
    file, folder = Path(file), Path(vault_folder)
    lock = _lock_current(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.restoring-", dir=folder.parent))
        try:
            manifest = backup_file.unpack_backup(file, staging)
            opened_as = _open_and_check(file, staging, password, username, manifest)
            if os.name == "nt" and lock is not None:
                lock.release()  # Windows cannot rename a folder holding an open file
            replaced = _swap(folder, staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        if lock is not None:
            lock.release()
    return RestoreResult(
        folder, replaced, opened_as, manifest.vault_id, manifest.created_at,
        manifest.schema_revision,
    )  # fmt: skip


def _lock_current(folder: Path) -> VaultLock | None:
    """Hold the current vault's lock (VaultInUseError if it is open); None if there is none.

    A folder holding anything but a vault (or nothing) is refused: a restore sets aside vaults,
    not someone's other files.
    """
    if not folder.exists():
        return None
    if not folder.is_dir():
        raise CounselRoomError(f"{folder}: not a folder")
    layout = VaultLayout(folder)
    others = [p.name for p in folder.iterdir() if p.name != LOCK_NAME]
    if others and not (layout.keys.exists() or layout.db.exists()):
        raise CounselRoomError(
            f"{folder}: this folder holds other files and no vault; restore into an empty "
            "or new folder"
        )
    lock = VaultLock(folder)
    lock.acquire()
    return lock


def _open_and_check(
    file: Path,
    staging: Path,
    password: str,
    username: str | None,
    manifest: backup_file.BackupManifest,
) -> str:
    vault, user = _open(file, staging, password, username)
    try:
        findings = verify_vault(vault)
        if findings:
            raise ArchiveError(
                BACKUP,
                QT_TRANSLATE_NOOP("problems", "%1: the backup does not verify: %2"),
                file,
                "; ".join(findings),
            )
        with vault.write() as session:
            vault.audit(
                session,
                "restore",
                user_id=user.id,
                username=user.username,
                detail=(
                    f"from {file.name}, made {manifest.created_at.isoformat(timespec='seconds')}Z"
                ),
            )
        return user.username
    finally:
        vault.close()


@dataclass(frozen=True)
class _Opener:
    id: int
    username: str


def _open(file: Path, staging: Path, password: str, username: str | None) -> tuple[Vault, _Opener]:
    keys = KeyFile.parse((staging / backup_file.KEYS).read_bytes(), backup_file.KEYS)
    names = [username] if username else _user_slots(keys)
    for name in names:
        try:
            vault, unlocked = Vault.unlock(staging, name, password)
        except AuthenticationError:
            if username is None:
                continue  # try the next account, like LUKS tries every slot
            raise AuthenticationError(
                f"{file}: the backup has no account {name!r}, or the password is wrong"
            ) from None
        try:
            return vault, _account(vault, unlocked.user_id, name)
        except BaseException:
            vault.close()
            raise
    raise AuthenticationError(f"{file}: the password opens none of the backup's accounts")


def _user_slots(keys: KeyFile) -> list[str]:
    return [s.username for s in keys.slots if s.kind == KIND_USER and s.username]


def _account(vault: Vault, user_id: int | None, name: str) -> _Opener:
    with vault.read() as session:
        user = session.get(User, user_id) if user_id is not None else None
        if user is None or user.username != name:
            raise AuthenticationError(f"user {name!r} has a key slot but no account in the backup")
        if user.disabled_at is not None:
            raise AuthenticationError(f"user {name!r} is disabled in the backup")
        role = Role(user.role)
        if not allowed(role, Permission.EXPORT):
            raise PermissionDenied(f"user {name!r} ({role.value}) may not restore a backup")
        return _Opener(user.id, user.username)


def _swap(folder: Path, staging: Path) -> Path | None:
    """Set the current folder aside (if it holds a vault) and move the restored one in."""
    replaced: Path | None = None
    if folder.exists():
        layout = VaultLayout(folder)
        if layout.keys.exists() or layout.db.exists():
            replaced = _aside_name(folder)
            os.rename(folder, replaced)
        else:  # empty, or only a lock file left by nothing
            with contextlib.suppress(FileNotFoundError):
                (folder / LOCK_NAME).unlink()
            folder.rmdir()
    try:
        os.rename(staging, folder)
    except BaseException:
        if replaced is not None:
            os.rename(replaced, folder)  # put the current vault back where it was
        raise
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    fsync_dir(folder.parent)
    return replaced


def _aside_name(folder: Path) -> Path:
    stamp = f"{to_local(utcnow()):%Y%m%d-%H%M%S}"
    candidate, number = folder.with_name(f"{folder.name}.replaced-{stamp}"), 1
    while candidate.exists():
        number += 1
        candidate = folder.with_name(f"{folder.name}.replaced-{stamp}-{number}")
    return candidate
