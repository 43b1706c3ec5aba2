"""Sealing and opening a transfer archive: an age v1 file around container.pack's tar.gz.

Sealing: student documents → members with their SHA-256 in the manifest → manifest.sig →
tar.gz → age, to the receiving school's X25519 recipient or, when it has no card yet, to a
passphrase (age's scrypt recipient). Opening runs every check in order and stops at the first
failure with an ArchiveError naming it; it never writes anything. Whether the sender is trusted
is the caller's question (services/transfer_import.py): it needs the vault's trust list.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer import container
from counselroom.transfer.age_layer import decrypt
from counselroom.transfer.cards import Card, signed_body
from counselroom.transfer.errors import (
    HASH,
    MISSING,
    RECIPIENT,
    SCHEMA,
    SIGNATURE,
    UNLISTED,
    ArchiveError,
)
from counselroom.transfer.identity import sign
from counselroom.transfer.manifest import (
    METHOD_CARD,
    METHOD_PASSPHRASE,
    ArchiveStudent,
    Manifest,
    as_utc,
    manifest_bytes,
    parse_manifest,
)

MANIFEST, SIGNATURE_MEMBER = "manifest.json", "manifest.sig"
MAX_ARCHIVE_BYTES = 256 * 1024**2  # the file (a 5,000-student school: 8 MB); Limits: the rest
MIN_PASSPHRASE = 10
DocumentCheck = Callable[[object, str], None]


@dataclass(frozen=True)
class Outgoing:
    """One student to seal: the manifest's summary of him and his whole file."""

    student_no: str | None
    name: str
    grade_level: int | None
    class_label: str
    document: dict[str, Any]


@dataclass(frozen=True)
class OpenedArchive:
    manifest: Manifest
    documents: dict[str, dict[str, Any]]  # member → the student's document, checked
    sha256: str  # of the archive file, as the transfer record keeps it


def seal(
    students: Sequence[Outgoing],
    *,
    sender: Card,
    signing_private: bytes,
    recipient: Card | None,
    passphrase: str | None,
    purpose: str,
    consent_ref: str,
    created_at: datetime,
) -> bytes:
    """The archive's bytes. Exactly one of ``recipient`` and ``passphrase``."""
    if (recipient is None) == (passphrase is None):
        raise ValueError("seal() needs a recipient card or a passphrase, not both")
    members: list[tuple[str, bytes]] = []
    listed: list[ArchiveStudent] = []
    width = max(4, len(str(len(students))))
    for number, student in enumerate(students, start=1):
        member = f"students/{number:0{width}d}.json"
        data = json.dumps(student.document, ensure_ascii=False, separators=(",", ":")).encode()
        members.append((member, data))
        listed.append(
            ArchiveStudent(
                member=member,
                student_no=student.student_no,
                name=student.name,
                grade_level=student.grade_level,
                class_label=student.class_label,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )
    manifest = Manifest(
        created_at=created_at,
        sender=sender,
        method=METHOD_CARD if recipient else METHOD_PASSPHRASE,
        recipient_name=recipient.name if recipient else "",
        recipient_fingerprint=recipient.fingerprint if recipient else None,
        purpose=purpose,
        consent_ref=consent_ref,
        students=tuple(listed),
    )
    head = manifest_bytes(manifest, signed_body(sender, signing_private))
    members[:0] = [(MANIFEST, head), (SIGNATURE_MEMBER, sign(signing_private, head))]
    plain = container.pack(members, int(as_utc(created_at).timestamp()))
    if recipient is not None:
        return pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(recipient.age_recipient)])
    assert passphrase is not None
    return pyrage.passphrase.encrypt(plain, passphrase)


def open_archive(
    data: bytes,
    *,
    identity: str,
    passphrase: str | None,
    own_fingerprint: str,
    check_document: DocumentCheck,
    limits: container.Limits = container.DEFAULT_LIMITS,
) -> OpenedArchive:
    """Decrypt and check everything but trust; raise ArchiveError at the first failure."""
    plain, method = decrypt(data, identity, passphrase)
    members = container.unpack(plain, limits)
    for required in (MANIFEST, SIGNATURE_MEMBER):
        if required not in members:
            raise ArchiveError(
                MISSING, QT_TRANSLATE_NOOP("problems", "the archive has no %1"), required
            )
    head = members[MANIFEST]
    manifest = parse_manifest(head)
    try:
        Ed25519PublicKey.from_public_bytes(manifest.sender.signing_public).verify(
            members[SIGNATURE_MEMBER], head
        )
    except InvalidSignature:
        raise ArchiveError(
            SIGNATURE,
            QT_TRANSLATE_NOOP(
                "problems",
                "the manifest's signature does not verify with the key of %1: the list of "
                "students was changed after it was signed",
            ),
            manifest.sender.name,
        ) from None
    if manifest.method != method:  # decrypted and sealed again another way than the sender's
        raise ArchiveError(
            RECIPIENT,
            QT_TRANSLATE_NOOP(
                "problems",
                "the sender addressed the archive by %1, but it was encrypted by %2: it was "
                "decrypted and encrypted again after it was made",
            ),
            manifest.method,
            method,
        )
    if manifest.method == METHOD_CARD and manifest.recipient_fingerprint != own_fingerprint:
        raise ArchiveError(
            RECIPIENT,
            QT_TRANSLATE_NOOP(
                "problems", "the manifest says the archive is for %1, not for this school"
            ),
            manifest.recipient_name,
        )
    return OpenedArchive(
        manifest=manifest,
        documents=_documents(manifest, members, check_document),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _documents(
    manifest: Manifest, members: dict[str, bytes], check_document: DocumentCheck
) -> dict[str, dict[str, Any]]:
    listed = {s.member: s for s in manifest.students}
    for name in members:
        if name not in listed and name not in (MANIFEST, SIGNATURE_MEMBER):
            raise ArchiveError(
                UNLISTED,
                QT_TRANSLATE_NOOP(
                    "problems", "the archive holds %1, which the manifest does not list"
                ),
                name,
            )
    documents: dict[str, dict[str, Any]] = {}
    for student in manifest.students:
        data = members.get(student.member)
        if data is None:
            raise ArchiveError(
                MISSING,
                QT_TRANSLATE_NOOP(
                    "problems", "the manifest lists %1 (%2), which is not in the archive"
                ),
                student.member,
                student.name,
            )
        if len(data) != student.size or hashlib.sha256(data).hexdigest() != student.sha256:
            raise ArchiveError(
                HASH,
                QT_TRANSLATE_NOOP(
                    "problems", "%1 (%2) is not what the sender signed: its SHA-256 differs"
                ),
                student.member,
                student.name,
            )
        try:
            document = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError) as exc:  # bad JSON, huge numbers, deep nesting
            raise ArchiveError(
                SCHEMA, QT_TRANSLATE_NOOP("problems", "%1 is not JSON (%2)"), student.member, exc
            ) from None
        check_document(document, student.member)
        _same_student(student, document)
        documents[student.member] = document
    return documents


def _same_student(listed: ArchiveStudent, document: dict[str, Any]) -> None:
    """The manifest's line for a member must describe that member's student: the preview and
    the refusals read the manifest, the import writes the document."""
    profile = document.get("student") if isinstance(document, dict) else None
    if not isinstance(profile, dict):
        return  # the document check refused it already
    said = (listed.student_no, listed.name, listed.grade_level, listed.class_label)
    keys = ("student_no", "name", "grade_level")
    found = (*(profile.get(key) for key in keys), profile.get("class_label") or "")
    if said != found:
        raise ArchiveError(
            SCHEMA,
            QT_TRANSLATE_NOOP(
                "problems",
                "%1: the manifest lists %2 (%3), but the document is the file of %4 (%5)",
            ),
            listed.member,
            listed.name,
            listed.student_no or "-",
            found[1],
            found[0] or "-",
        )
