"""Opening the age layer of a transfer archive: which recipient it was sealed to, the
passphrase stanza's work factor checked before scrypt runs, and the decryption's refusals in
words a counsellor can act on (transfer/archive.py checks what is inside)."""

from __future__ import annotations

import pyrage

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer.errors import DECRYPT, RECIPIENT, ArchiveError
from counselroom.transfer.manifest import METHOD_CARD, METHOD_PASSPHRASE

AGE_MAGIC = b"age-encryption.org/v1\n"
HEADER_BYTES = 64 * 1024  # where the header's stanzas are looked for: ours take a few hundred
# age calibrates scrypt to about a second on the sending PC (2**18-2**20 on school PCs); 2**20
# needs 1 GiB. A larger factor is refused before scrypt runs (see _check_work_factor).
MAX_SCRYPT_LOG_N = 20


def needs_passphrase(data: bytes) -> bool:
    """True for an archive sealed with a passphrase (age's scrypt stanza), False for a card;
    ArchiveError when the bytes are not an age file at all."""
    return "scrypt" in _stanza_types(data)


def _stanza_types(data: bytes) -> list[str]:
    return [stanza[0] for stanza in _stanzas(data)]


def _stanzas(data: bytes) -> list[list[str]]:
    """The age header's recipient stanzas, each as its words ("scrypt", salt, work factor)."""
    if not data.startswith(AGE_MAGIC):
        raise ArchiveError(
            DECRYPT,
            QT_TRANSLATE_NOOP(
                "problems", "not a transfer archive: the file does not begin as an age file does"
            ),
        )
    end = data.find(b"\n---", 0, HEADER_BYTES)
    lines = data[len(AGE_MAGIC) : end if end > 0 else HEADER_BYTES].split(b"\n")
    return [
        line.decode("ascii", "replace").split()[1:]
        for line in lines
        if line.startswith(b"-> ") and len(line.split()) > 1
    ]


def _check_work_factor(data: bytes) -> None:
    """Refuse a passphrase archive whose scrypt work factor is beyond what any PC calibrates
    to: age must run scrypt before it can check anything, and a file saying 2**22 makes it
    allocate 4 GiB — a crafted file would abort the program instead of being refused."""
    for stanza in _stanzas(data):
        if stanza[0] != "scrypt":
            continue
        log_n = stanza[2] if len(stanza) > 2 else ""
        if not (log_n.isascii() and log_n.isdigit()) or int(log_n) > MAX_SCRYPT_LOG_N:
            raise ArchiveError(
                DECRYPT,
                QT_TRANSLATE_NOOP(
                    "problems",
                    "the archive's passphrase protection asks for more memory than any archive "
                    "CounselRoom makes (scrypt work factor %1, at most %2): not opened",
                ),
                log_n,
                MAX_SCRYPT_LOG_N,
            )


def decrypt(data: bytes, identity: str, passphrase: str | None) -> tuple[bytes, str]:
    """The plaintext and how it was opened (METHOD_PASSPHRASE or METHOD_CARD)."""
    if needs_passphrase(data):
        _check_work_factor(data)
        if not passphrase:
            raise ArchiveError(
                RECIPIENT,
                QT_TRANSLATE_NOOP(
                    "problems", "the archive is protected by a passphrase: enter the passphrase"
                ),
            )
        try:
            return pyrage.passphrase.decrypt(data, passphrase), METHOD_PASSPHRASE
        except pyrage.DecryptError:
            raise ArchiveError(
                DECRYPT,
                QT_TRANSLATE_NOOP(
                    "problems",
                    "the archive does not open with this passphrase (a wrong passphrase, or the "
                    "file was changed or cut short)",
                ),
            ) from None
    try:
        return pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)]), METHOD_CARD
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise ArchiveError(
                DECRYPT,
                QT_TRANSLATE_NOOP(
                    "problems",
                    "the archive does not open with this school's key: it was made for another "
                    "school's card, or its header was changed",
                ),
            ) from None
        raise ArchiveError(
            DECRYPT,
            QT_TRANSLATE_NOOP(
                "problems",
                "the archive does not decrypt: the file was changed, cut short or extended "
                "after it was made",
            ),
        ) from None
