"""The backup file, version 1: one uncompressed tar holding a vault as it was at one moment.

Members, in this order and no others:

* ``backup.json`` — format ``counselroom-backup``, version, vault id, when it was made (UTC),
  the schema revision and program version that made it, and the SHA-256 and size of each
  other member;
* ``vault.db`` — a consistent copy of the database, still encrypted under the vault's data key;
* ``vault.keys`` — the key slots as they were for that copy (its audit chain head is the
  copy's last entry).

Nothing in the file is readable without a password of one of the backup's accounts: the
database is SQLCipher ciphertext and the key file holds only sealed keys and account names.
The hashes let a damaged or cut file be named before anything is opened; authenticity comes
from the layers inside (SQLCipher's page HMACs, the key file's MAC and the audit chain), which
restore checks with `verify_vault`. Uncompressed, because ciphertext does not compress.

Reading checks everything and refuses with ``ArchiveError(BACKUP, …)`` naming the file and what
is wrong. Writing goes to a temporary file beside the target that is renamed only when complete,
so a full disk or a pulled USB drive never leaves a partial file under the target name.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, cast

from counselroom.transfer.errors import BACKUP, ArchiveError
from counselroom.vault.atomic import OWNER_ONLY_FILE, fsync_dir

FORMAT = "counselroom-backup"
VERSION = 1
SUFFIX = ".crbackup"
MANIFEST = "backup.json"
DB = "vault.db"
KEYS = "vault.keys"
MEMBERS = (MANIFEST, DB, KEYS)
MAX_MANIFEST = 64 * 1024
MAX_KEYS = 4 * 1024 * 1024  # a few hundred slots at most
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class MemberInfo:
    sha256: str
    size: int


@dataclass(frozen=True)
class BackupManifest:
    vault_id: str
    created_at: datetime  # naive UTC, like every moment the vault stores
    schema_revision: str
    program_version: str
    members: dict[str, MemberInfo]

    def to_json(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "schema_revision": self.schema_revision,
            "program_version": self.program_version,
            "members": {
                name: {"sha256": info.sha256, "size": info.size}
                for name, info in sorted(self.members.items())
            },
        }
        return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def refuse(file: Path, template: str, *args: object) -> ArchiveError:
    return ArchiveError(BACKUP, template, file, *args)


# -- writing ---------------------------------------------------------------------------------


class _Sink:
    """The temporary file the tar is written to; one place a failing disk shows up."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        return self._handle.write(data)

    def tell(self) -> int:
        return self._handle.tell()


def file_sha256(path: Path) -> MemberInfo:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return MemberInfo(digest.hexdigest(), size)


def write_backup(
    target: Path,
    *,
    db: Path,
    keys: bytes,
    vault_id: str,
    created_at: datetime,
    schema_revision: str,
    program_version: str,
) -> BackupManifest:
    """Bundle the database copy `db` and the key file bytes into `target`, atomically.

    OSError (disk full, drive gone) propagates after the temporary file is removed; the target
    is then as it was before (absent, or an older backup of the same name).
    """
    target = Path(target)
    manifest = BackupManifest(
        vault_id=vault_id,
        created_at=created_at.replace(microsecond=0),
        schema_revision=schema_revision,
        program_version=program_version,
        members={
            DB: file_sha256(db),
            KEYS: MemberInfo(hashlib.sha256(keys).hexdigest(), len(keys)),
        },
    )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if hasattr(os, "fchmod"):
            with contextlib.suppress(OSError):  # a FAT-formatted USB drive has no modes
                os.fchmod(fd, OWNER_ONLY_FILE)
        with os.fdopen(fd, "wb") as handle:
            sink = _Sink(handle)
            mtime = int(manifest.created_at.timestamp())
            with tarfile.open(
                fileobj=cast(IO[bytes], sink), mode="w", format=tarfile.USTAR_FORMAT
            ) as tar:
                _add(tar, MANIFEST, len(body := manifest.to_json()), mtime, _bytes_reader(body))
                with open(db, "rb") as source:
                    _add(tar, DB, manifest.members[DB].size, mtime, source)
                _add(tar, KEYS, len(keys), mtime, _bytes_reader(keys))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):  # the drive may be gone: nothing more can be done
            os.unlink(tmp_name)
        raise
    fsync_dir(target.parent)
    return manifest


def _bytes_reader(data: bytes) -> IO[bytes]:
    return io.BytesIO(data)


def _add(tar: tarfile.TarFile, name: str, size: int, mtime: int, source: IO[bytes]) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, mtime, OWNER_ONLY_FILE
    tar.addfile(info, source)


def read_manifest(file: Path) -> BackupManifest:
    """Only `backup.json` (for listing and pruning); `unpack_backup` checks everything."""
    from counselroom.transfer.backup_reader import read_manifest as read

    return read(file)


def unpack_backup(file: Path, into: Path) -> BackupManifest:
    """Check every member of `file` and write `vault.db` and `vault.keys` into `into`."""
    from counselroom.transfer.backup_reader import unpack_backup as unpack

    return unpack(file, into)
