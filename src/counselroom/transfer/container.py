"""The plaintext inside an archive's age encryption: a gzip-compressed POSIX tar.

Anyone can read it with standard tools (`age -d -i key.txt FILE | tar -xz`). Reading it here
trusts nothing: the tar is read as a stream while it is inflated, a step of at most 1 MiB at a
time, and the inflated size is capped (a decompression bomb stops at the cap, it is never held
in memory); every member must be a regular file with a name this program writes, no name
twice, none over the member limit.
"""

from __future__ import annotations

import io
import re
import tarfile
import zlib
from dataclasses import dataclass
from typing import Any

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer.errors import CONTAINER, DUPLICATE, PATH, SIZE, ArchiveError

MEMBER_NAME = re.compile(r"manifest\.json|manifest\.sig|students/[0-9]{4,6}\.json")


@dataclass(frozen=True)
class Limits:
    # the inflated tar: a 5,000-student school is ~40 MB of JSON (BENCHMARKS.md), so this is
    # far above a 20,000-student one and still a size every school PC can hold
    total: int = 512 * 1024**2
    member: int = 16 * 1024**2  # one student's whole file is a few hundred KB at most
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
    """Members by name, in archive order, or ArchiveError naming the first thing wrong.

    The tar is read as a stream from the inflater, member by member: only the members are
    held, never the inflated tar as a whole, and inflating stops at ``limits.total``.
    """
    stream = _Inflating(data, limits.total)
    members: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tar:
            for info in tar:
                _check_member(info, members, limits)
                handle = tar.extractfile(info)
                assert handle is not None  # a regular file, checked above
                members[info.name] = handle.read()
        stream.drain()  # the gzip trailer must follow, and nothing after it
    except tarfile.TarError as exc:
        raise ArchiveError(
            CONTAINER,
            QT_TRANSLATE_NOOP("problems", "the archive's contents are damaged (tar: %1)"),
            exc,
        ) from None
    return members


class _Inflating(io.RawIOBase):
    """A file over the gzip data that inflates at most ``_BLOCK`` bytes per step and stops
    with ArchiveError(SIZE) past ``cap`` — a decompression bomb never grows in memory."""

    _CHUNK, _BLOCK = 64 * 1024, 1024 * 1024

    def __init__(self, data: bytes, cap: int) -> None:
        super().__init__()
        self._source = memoryview(data)
        self._position = 0
        self._inflater = zlib.decompressobj(31)
        self._pending = b""  # compressed input the last step did not reach
        self._ready = b""  # inflated output not yet read
        self._total = 0
        self._cap = cap

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._ready:
            step = self._step()
            if step is None:
                return 0
            self._ready = step
        count = min(len(buffer), len(self._ready))
        buffer[:count] = self._ready[:count]
        self._ready = self._ready[count:]
        return count

    def drain(self) -> None:
        while self._ready or self._step() is not None:
            self._ready = b""

    def _step(self) -> bytes | None:
        """The next inflated bytes; None at the clean end of the one gzip stream."""
        while True:
            if self._inflater.eof:
                rest = self._inflater.unused_data or self._position < len(self._source)
                if rest:
                    raise _gzip_ends_badly()
                return None
            if not self._pending:
                self._pending = bytes(self._source[self._position : self._position + self._CHUNK])
                self._position += len(self._pending)
                if not self._pending:
                    raise _gzip_ends_badly()  # the data ends inside the stream
            try:
                out = self._inflater.decompress(self._pending, self._BLOCK)
            except zlib.error as exc:
                raise ArchiveError(
                    CONTAINER,
                    QT_TRANSLATE_NOOP("problems", "the archive's contents are not gzip data (%1)"),
                    exc,
                ) from None
            self._pending = self._inflater.unconsumed_tail
            self._total += len(out)
            if self._total > self._cap:
                raise ArchiveError(
                    SIZE,
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "the archive inflates to more than %1 MB (a decompression bomb?); "
                        "nothing was imported",
                    ),
                    self._cap // 1024**2,
                )
            if out:
                return out


def _gzip_ends_badly() -> ArchiveError:
    return ArchiveError(
        CONTAINER,
        QT_TRANSLATE_NOOP("problems", "the archive's gzip data is cut short or has extra bytes"),
    )


def is_plain_file(info: tarfile.TarInfo) -> bool:
    """A regular file and nothing else. tarfile's isreg() also admits GNU sparse members, which
    read back as far more zeros than the file holds (archives and backups both refuse them)."""
    return info.type in (tarfile.REGTYPE, tarfile.AREGTYPE) and not info.issparse()


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
    if not is_plain_file(info):
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
