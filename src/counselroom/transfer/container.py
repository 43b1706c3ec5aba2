"""The plaintext inside an archive's age encryption: a gzip-compressed POSIX tar.

Anyone can read it with standard tools (`age -d -i key.txt FILE | tar -xz`). Reading it here
trusts nothing: the decompressed size is capped while it is inflated (a decompression bomb
stops at the cap, it is never held in memory), every member must be a regular file with a name
this program writes, no name twice, none over the member limit.
"""

from __future__ import annotations

import io
import re
import tarfile
import zlib
from dataclasses import dataclass

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer.errors import CONTAINER, DUPLICATE, PATH, SIZE, ArchiveError

MEMBER_NAME = re.compile(r"manifest\.json|manifest\.sig|students/[0-9]{4,6}\.json")


@dataclass(frozen=True)
class Limits:
    total: int = 2 * 1024**3  # inflated tar, all members: far above a 20,000-student school
    member: int = 64 * 1024**2  # one student's file is a few hundred KB at most
    members: int = 100_002  # manifest, signature and up to 100,000 students


DEFAULT_LIMITS = Limits()


def pack(members: list[tuple[str, bytes]], mtime: int) -> bytes:
    """A gzip'd tar of ``members`` in order; the same input gives the same bytes."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), mtime, 0o600
            tar.addfile(info, io.BytesIO(data))
    # level 1: JSON still shrinks ~6x and export time stays near the bare encryption's
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    with raw.getbuffer() as tar_bytes:  # the tar in place, not a copy of it
        return compressor.compress(tar_bytes) + compressor.flush()


def unpack(data: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Members by name, in archive order, or ArchiveError naming the first thing wrong."""
    tar_bytes = _inflate(data, limits.total)
    members: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(tar_bytes), mode="r:") as tar:
            for info in tar:
                _check_member(info, members, limits)
                handle = tar.extractfile(info)
                assert handle is not None  # a regular file, checked above
                members[info.name] = handle.read()
    except tarfile.TarError as exc:
        raise ArchiveError(
            CONTAINER,
            QT_TRANSLATE_NOOP("problems", "the archive's contents are damaged (tar: %1)"),
            exc,
        ) from None
    return members


def _inflate(data: bytes, cap: int) -> bytes:
    inflater = zlib.decompressobj(31)
    try:
        out = inflater.decompress(data, cap + 1)
    except zlib.error as exc:
        raise ArchiveError(
            CONTAINER,
            QT_TRANSLATE_NOOP("problems", "the archive's contents are not gzip data (%1)"),
            exc,
        ) from None
    if len(out) > cap or inflater.unconsumed_tail:
        raise ArchiveError(
            SIZE,
            QT_TRANSLATE_NOOP(
                "problems",
                "the archive inflates to more than %1 MB (a decompression bomb?); nothing was "
                "imported",
            ),
            cap // 1024**2,
        )
    if not inflater.eof or inflater.unused_data:
        raise ArchiveError(
            CONTAINER,
            QT_TRANSLATE_NOOP(
                "problems", "the archive's gzip data is cut short or has extra bytes"
            ),
        )
    return out


def _check_member(info: tarfile.TarInfo, seen: dict[str, bytes], limits: Limits) -> None:
    name = info.name
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        raise ArchiveError(
            PATH, QT_TRANSLATE_NOOP("problems", "the archive holds an absolute path: %1"), name
        )
    if ".." in re.split(r"[/\\]", name):
        raise ArchiveError(
            PATH, QT_TRANSLATE_NOOP("problems", 'the archive holds a path with "..": %1'), name
        )
    # tarfile's isreg() also admits GNU sparse members, which read back as far more zeros than
    # the archive holds: only plain regular files pass
    if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or info.issparse():
        raise ArchiveError(
            PATH,
            QT_TRANSLATE_NOOP("problems", "the archive holds %1, which is not a plain file"),
            name,
        )
    if not MEMBER_NAME.fullmatch(name):
        raise ArchiveError(
            PATH,
            QT_TRANSLATE_NOOP(
                "problems",
                "the archive holds %1; archives hold only manifest.json, manifest.sig and "
                "students/NNNN.json",
            ),
            name,
        )
    if name in seen:
        raise ArchiveError(
            DUPLICATE, QT_TRANSLATE_NOOP("problems", "the archive holds %1 twice"), name
        )
    if info.size > limits.member:
        raise ArchiveError(
            SIZE,
            QT_TRANSLATE_NOOP("problems", "%1 is %2 MB, over the limit of %3 MB per member"),
            name,
            info.size // 1024**2,
            limits.member // 1024**2,
        )
    if len(seen) >= limits.members:
        raise ArchiveError(
            SIZE,
            QT_TRANSLATE_NOOP("problems", "the archive holds more than %1 members"),
            limits.members,
        )
