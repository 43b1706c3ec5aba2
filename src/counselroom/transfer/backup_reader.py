"""Reading a backup file (format in `transfer.backup_file`): every check, named on refusal.

Refusals are ``ArchiveError(BACKUP, …)`` naming the file and what is wrong: not a backup, an
unknown version, a member missing, extra, duplicated, not a plain file or with a path we never
write, a hash or size that does not match `backup.json`, a truncated file, or data after the
last member (an extended file).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tarfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer.backup_file import (
    CHUNK,
    DB,
    FORMAT,
    KEYS,
    MANIFEST,
    MAX_KEYS,
    MAX_MANIFEST,
    MEMBERS,
    VERSION,
    BackupManifest,
    MemberInfo,
    refuse,
)
from counselroom.transfer.container import is_plain_file
from counselroom.transfer.errors import ArchiveError
from counselroom.vault.atomic import OWNER_ONLY_FILE

_refuse = refuse
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_VAULT_ID = re.compile(r"^[0-9a-f]{32}$")


def read_manifest(file: Path) -> BackupManifest:
    """Only `backup.json` (for listing and pruning); `unpack_backup` checks everything."""
    file = Path(file)
    with _open_tar(file) as tar:
        first = _next_member(tar, file)
        if first is None or first.name != MANIFEST:
            raise _refuse(
                file,
                QT_TRANSLATE_NOOP("problems", "%1: not a CounselRoom backup (no %2)"),
                MANIFEST,
            )
        return _parse_manifest(file, _read_small(tar, first, file, MAX_MANIFEST))


def unpack_backup(file: Path, into: Path) -> BackupManifest:
    """Check every member of `file` and write `vault.db` and `vault.keys` into `into`.

    `into` must be an existing private folder; on refusal it may hold partial files, which the
    caller removes with the folder.
    """
    file, into = Path(file), Path(into)
    seen: list[str] = []
    manifest: BackupManifest | None = None
    with _open_tar(file) as tar:
        while (member := _next_member(tar, file)) is not None:
            _check_member(file, member, seen)
            seen.append(member.name)
            if member.name == MANIFEST:
                if len(seen) != 1:
                    raise _refuse(
                        file,
                        QT_TRANSLATE_NOOP("problems", "%1: %2 is not the first member"),
                        MANIFEST,
                    )
                manifest = _parse_manifest(file, _read_small(tar, member, file, MAX_MANIFEST))
                continue
            if manifest is None:
                raise _refuse(
                    file,
                    QT_TRANSLATE_NOOP("problems", "%1: not a CounselRoom backup (no %2)"),
                    MANIFEST,
                )
            _extract(tar, member, file, manifest.members[member.name], into / member.name)
        end = tar.offset
    if manifest is None:
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: not a CounselRoom backup (no %2)"), MANIFEST
        )
    _check_trailer(file, end)  # first: a damaged header ends the listing early
    for name in MEMBERS:
        if name not in seen:
            raise _refuse(file, QT_TRANSLATE_NOOP("problems", "%1: the member %2 is missing"), name)
    _check_keys(file, manifest, (into / KEYS).read_bytes())
    return manifest


@contextlib.contextmanager
def _open_tar(file: Path) -> Iterator[tarfile.TarFile]:
    try:
        # uncompressed only: we never write anything else; closed below
        tar = tarfile.open(file, mode="r:")  # noqa: SIM115
    except FileNotFoundError:
        raise _refuse(file, QT_TRANSLATE_NOOP("problems", "%1: no such file")) from None
    except IsADirectoryError:
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: a folder, not a backup file")
        ) from None
    except tarfile.ReadError:
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: not a CounselRoom backup file")
        ) from None
    except OSError as exc:
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: cannot be read (%2)"), exc.strerror or exc
        ) from exc
    try:
        yield tar
    finally:
        tar.close()


def _next_member(tar: tarfile.TarFile, file: Path) -> tarfile.TarInfo | None:
    try:
        return tar.next()
    except (tarfile.ReadError, EOFError) as exc:
        raise _truncated(file) from exc


def _truncated(file: Path) -> ArchiveError:
    return _refuse(
        file,
        QT_TRANSLATE_NOOP(
            "problems", "%1: the file is truncated or damaged (was the copy interrupted?)"
        ),
    )


def _check_member(file: Path, member: tarfile.TarInfo, seen: list[str]) -> None:
    name = member.name
    if name.startswith(("/", "\\")) or ".." in name.split("/") or "/" in name or "\\" in name:
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: the member %2 has a path we never write"), name
        )
    if not is_plain_file(member):
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: the member %2 is not a plain file"), name
        )
    if name not in MEMBERS:
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: unexpected member %2 (not in a backup)"), name
        )
    if name in seen:
        raise _refuse(file, QT_TRANSLATE_NOOP("problems", "%1: the member %2 appears twice"), name)


def _read_small(tar: tarfile.TarFile, member: tarfile.TarInfo, file: Path, limit: int) -> bytes:
    if member.size > limit:
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: the member %2 is too large"), member.name
        )
    handle = tar.extractfile(member)
    assert handle is not None  # a regular file
    try:
        data = handle.read()
    except (tarfile.ReadError, EOFError, OSError) as exc:
        raise _truncated(file) from exc
    if len(data) != member.size:
        raise _truncated(file)
    return data


def _parse_manifest(file: Path, raw: bytes) -> BackupManifest:
    def bad(what: str) -> ArchiveError:
        return _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: %2 is not valid (%3)"), MANIFEST, what
        )

    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # bad UTF-8 or JSON, huge numbers, deep nesting
        raise bad("not JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse(file, QT_TRANSLATE_NOOP("problems", "%1: not a CounselRoom backup file"))
    if data.get("version") != VERSION:
        raise _refuse(
            file,
            QT_TRANSLATE_NOOP(
                "problems", "%1: backup format version %2 is not one this program reads (%3)"
            ),
            data.get("version"),
            VERSION,
        )
    vault_id = data.get("vault_id")
    if not isinstance(vault_id, str) or not _VAULT_ID.match(vault_id):
        raise bad("vault_id")
    created = data.get("created_at")
    try:
        created_at = datetime.fromisoformat(str(created).removesuffix("Z"))
    except ValueError:
        raise bad("created_at") from None
    if created_at.tzinfo is not None:
        raise bad("created_at")
    revision, program = data.get("schema_revision"), data.get("program_version")
    if not isinstance(revision, str) or not revision:
        raise bad("schema_revision")
    if not isinstance(program, str) or not program:
        raise bad("program_version")
    members = data.get("members")
    if not isinstance(members, dict) or set(members) != {DB, KEYS}:
        raise bad("members")
    infos: dict[str, MemberInfo] = {}
    for name, entry in members.items():
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        size = entry.get("size") if isinstance(entry, dict) else None
        if not isinstance(digest, str) or not _HEX64.match(digest):
            raise bad(f"members.{name}.sha256")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise bad(f"members.{name}.size")
        infos[name] = MemberInfo(digest, size)
    if infos[KEYS].size > MAX_KEYS:
        raise bad(f"members.{KEYS}.size")
    return BackupManifest(vault_id, created_at, revision, program, infos)


def _extract(
    tar: tarfile.TarFile, member: tarfile.TarInfo, file: Path, expected: MemberInfo, out: Path
) -> None:
    if member.size != expected.size:
        raise _refuse(
            file,
            QT_TRANSLATE_NOOP("problems", "%1: the member %2 is not the size %3 lists"),
            member.name,
            MANIFEST,
        )
    handle = tar.extractfile(member)
    assert handle is not None
    digest = hashlib.sha256()
    written = 0
    fd = os.open(out, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    with os.fdopen(fd, "wb") as sink:
        try:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                sink.write(chunk)
                written += len(chunk)
        except (tarfile.ReadError, EOFError) as exc:
            raise _truncated(file) from exc
        sink.flush()
        os.fsync(sink.fileno())
    if written != expected.size:
        raise _truncated(file)
    if digest.hexdigest() != expected.sha256:
        raise _refuse(
            file,
            QT_TRANSLATE_NOOP(
                "problems", "%1: the member %2 does not match its SHA-256 (the file was changed)"
            ),
            member.name,
        )


def _check_trailer(file: Path, end: int) -> None:
    """After the last member only tar's zero padding may follow: an extended file is refused."""
    with open(file, "rb") as handle:
        handle.seek(end)
        rest = handle.read(tarfile.RECORDSIZE + 2 * tarfile.BLOCKSIZE + 1)
    if len(rest) > tarfile.RECORDSIZE + 2 * tarfile.BLOCKSIZE or rest.strip(b"\0"):
        raise _refuse(
            file,
            QT_TRANSLATE_NOOP(
                "problems", "%1: unexpected data after the last member (damaged or extended)"
            ),
        )
    if len(rest) < 2 * tarfile.BLOCKSIZE:
        raise _truncated(file)


def _check_keys(file: Path, manifest: BackupManifest, raw: bytes) -> None:
    from counselroom.vault.errors import VaultFormatError
    from counselroom.vault.keyslots import KeyFile

    try:
        keys = KeyFile.parse(raw, KEYS)
    except VaultFormatError as exc:
        raise _refuse(
            file, QT_TRANSLATE_NOOP("problems", "%1: %2 is not valid (%3)"), KEYS, exc
        ) from exc
    if keys.vault_id != manifest.vault_id:
        raise _refuse(
            file,
            QT_TRANSLATE_NOOP("problems", "%1: %2 belongs to another vault than %3 names"),
            KEYS,
            MANIFEST,
        )
