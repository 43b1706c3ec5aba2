"""Schools and hand-built transfer archives for the format and attack tests.

An attack test must build exactly the archive it means — a member renamed, a link, a manifest
edited and re-signed by some key, a gzip bomb — so these helpers take the pieces apart with
pyrage and tarfile (no counselroom code) and put them back together the same way.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyrage

from counselroom.transfer import container
from counselroom.transfer.archive import OpenedArchive, Outgoing, open_archive, seal
from counselroom.transfer.cards import Card
from counselroom.transfer.identity import IdentityKeys, new_identity, sign

CREATED = datetime(2025, 7, 1, 9, 30, tzinfo=UTC)
PURPOSE = "小升初转衔"
CONSENT = "家长知情同意书 2025-031"
PASSPHRASE = "bamboo-river-lantern-42"


@dataclass(frozen=True)
class School:
    keys: IdentityKeys
    card: Card


def make_school(name: str = "第一中学", code: str = "3101040001") -> School:
    keys = new_identity()
    card = Card(name, code, "上海市徐汇区", keys.age_recipient, keys.signing_public)
    return School(keys, card)


def outgoing(count: int = 2) -> list[Outgoing]:
    """Small student files, each different, so a swapped member changes a hash."""
    return [
        Outgoing(
            student_no=f"G31010420120{index:05d}",
            name=f"学生{index}号",
            grade_level=6,
            class_label=f"{index}班",
            document={"profile": {"name": f"学生{index}号"}, "sessions": [index] * index},
        )
        for index in range(1, count + 1)
    ]


def seal_for(sender: School, receiver: School, students: Sequence[Outgoing] = ()) -> bytes:
    return seal(
        list(students) or outgoing(),
        sender=sender.card,
        signing_private=sender.keys.signing_private,
        recipient=receiver.card,
        passphrase=None,
        purpose=PURPOSE,
        consent_ref=CONSENT,
        created_at=CREATED,
    )


def seal_with_passphrase(sender: School, students: Sequence[Outgoing] = ()) -> bytes:
    return seal(
        list(students) or outgoing(),
        sender=sender.card,
        signing_private=sender.keys.signing_private,
        recipient=None,
        passphrase=PASSPHRASE,
        purpose=PURPOSE,
        consent_ref=CONSENT,
        created_at=CREATED,
    )


def accept_document(document: object, member: str) -> None:
    """A check_document that refuses nothing: these tests are about the format."""


def open_as(
    archive: bytes,
    school: School,
    *,
    passphrase: str | None = None,
    limits: container.Limits = container.DEFAULT_LIMITS,
) -> OpenedArchive:
    return open_archive(
        archive,
        identity=school.keys.age_identity,
        passphrase=passphrase,
        own_fingerprint=school.card.fingerprint,
        check_document=accept_document,
        limits=limits,
    )


# --- taking an archive apart -------------------------------------------------------------------


def decrypt(archive: bytes, school: School) -> bytes:
    return pyrage.decrypt(archive, [pyrage.x25519.Identity.from_str(school.keys.age_identity)])


def members_of(archive: bytes, school: School) -> list[tuple[str, bytes]]:
    """(name, data) of every member, in order, read with tarfile and no checks."""
    with tarfile.open(fileobj=io.BytesIO(decrypt(archive, school)), mode="r:gz") as tar:
        return [(info.name, tar.extractfile(info).read()) for info in tar]  # type: ignore[union-attr]


def manifest_of(members: list[tuple[str, bytes]]) -> dict[str, Any]:
    return json.loads(dict(members)["manifest.json"])


# --- putting one together ----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One tar member as an attacker writes it: any name, any type."""

    name: str
    data: bytes = b""
    kind: bytes = tarfile.REGTYPE
    linkname: str = ""


def tar_of(entries: Sequence[Entry | tuple[str, bytes]]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for entry in entries:
            if isinstance(entry, tuple):
                entry = Entry(*entry)
            info = tarfile.TarInfo(entry.name)
            info.type, info.linkname, info.mode, info.mtime = entry.kind, entry.linkname, 0o600, 0
            if entry.kind == tarfile.REGTYPE:
                info.size = len(entry.data)
                tar.addfile(info, io.BytesIO(entry.data))
            else:
                tar.addfile(info)
    return raw.getvalue()


def gzip_of(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def encrypt_to(plain: bytes, school: School) -> bytes:
    return pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(school.keys.age_recipient)])


def rebuild(school: School, entries: Sequence[Entry | tuple[str, bytes]]) -> bytes:
    """An age archive for ``school`` holding exactly ``entries``, gzip'd like ours."""
    return encrypt_to(gzip_of(tar_of(entries)), school)


def resigned(
    members: list[tuple[str, bytes]], manifest: dict[str, Any] | bytes, signer: IdentityKeys
) -> list[tuple[str, bytes]]:
    """``members`` with manifest.json replaced and manifest.sig made by ``signer``."""
    head = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    replaced = {"manifest.json": head, "manifest.sig": sign(signer.signing_private, head)}
    return [(name, replaced.get(name, data)) for name, data in members]


def listing(member: str, data: bytes, name: str = "插入的学生") -> dict[str, Any]:
    """A manifest entry that matches ``data`` (size and hash)."""
    return {
        "member": member,
        "student_no": None,
        "name": name,
        "grade_level": None,
        "class_label": "",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def gzip_bomb(inflated: int) -> bytes:
    """A gzip stream that inflates to ``inflated`` zero bytes, built 1 MiB at a time."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1024**2)
    parts = [compressor.compress(chunk) for _ in range(inflated // len(chunk))]
    return b"".join(parts) + compressor.compress(bytes(inflated % len(chunk))) + compressor.flush()


def sparse_header(name: str, real_size: int) -> bytes:
    """An old-GNU sparse member ('S') with no stored data that reads back as ``real_size``
    zero bytes: tar's own decompression bomb, which tarfile counts as a regular file.

    tarfile cannot write one, so the 512-byte header is patched by hand: the real size goes
    at offset 483 (the four sparse map entries before it stay zero) and the checksum is redone.
    """
    info = tarfile.TarInfo(name)
    info.type, info.size, info.mode = tarfile.GNUTYPE_SPARSE, 0, 0o600
    header = bytearray(info.tobuf(tarfile.GNU_FORMAT))
    header[483:495] = b"%011o\0" % real_size
    header[148:156] = b" " * 8
    header[148:156] = b"%06o\0 " % sum(header)
    return bytes(header)
