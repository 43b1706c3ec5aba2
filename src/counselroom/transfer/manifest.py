"""manifest.json of a transfer archive (format "counselroom-transfer", version 1).

The manifest says who sent the archive (the sender's signed card), for whom (a card's
fingerprint, or a passphrase), why (purpose and the family's consent reference, PIPL art. 23),
and lists every student member with its size and SHA-256. manifest.sig is the sender's Ed25519
signature over the manifest's exact bytes, so the list of hashes — and through it every member —
is signed. docs/transfer.md is the format's reference.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer.cards import FINGERPRINT_DIGITS, Card, card_from_dict
from counselroom.transfer.errors import SCHEMA, VERSION, ArchiveError

FORMAT = "counselroom-transfer"
VERSION_NUMBER = 1
METHOD_CARD, METHOD_PASSPHRASE = "card", "passphrase"
TEXT_LIMIT = 500
_STAMP = "%Y-%m-%dT%H:%M:%SZ"
_MEMBER = re.compile(r"students/[0-9]{4,6}\.json")


@dataclass(frozen=True)
class ArchiveStudent:
    member: str  # "students/0001.json"
    student_no: str | None  # 学籍号
    name: str
    grade_level: int | None
    class_label: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    created_at: datetime
    sender: Card
    method: str  # METHOD_CARD or METHOD_PASSPHRASE
    recipient_name: str  # "" for a passphrase
    recipient_fingerprint: str | None
    purpose: str
    consent_ref: str
    students: tuple[ArchiveStudent, ...]


def as_utc(moment: datetime) -> datetime:
    """The program stores naive UTC (storage.base.utcnow); an aware time is converted."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def manifest_bytes(manifest: Manifest, sender_body: dict[str, Any]) -> bytes:
    """Readable JSON (indent 2, Chinese as it is): a person can check it with `cat`."""
    recipient: dict[str, Any] = {"method": manifest.method}
    if manifest.method == METHOD_CARD:
        recipient.update(name=manifest.recipient_name, fingerprint=manifest.recipient_fingerprint)
    obj = {
        "format": FORMAT,
        "version": VERSION_NUMBER,
        "created_at": as_utc(manifest.created_at).strftime(_STAMP),
        "sender": sender_body,
        "recipient": recipient,
        "purpose": manifest.purpose,
        "consent_ref": manifest.consent_ref,
        "students": [
            {
                "member": s.member,
                "student_no": s.student_no,
                "name": s.name,
                "grade_level": s.grade_level,
                "class_label": s.class_label,
                "size": s.size,
                "sha256": s.sha256,
            }
            for s in manifest.students
        ],
    }
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode()


def parse_manifest(data: bytes) -> Manifest:
    """manifest.json → Manifest; any field that does not fit is an ArchiveError naming it."""
    try:
        obj = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # bad JSON, huge numbers, deep nesting
        raise _schema("manifest.json", f"not JSON ({exc})") from None
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise _schema("manifest.json", "not a CounselRoom transfer manifest")
    if type(obj.get("version")) is not int or obj["version"] != VERSION_NUMBER:
        raise ArchiveError(
            VERSION,
            QT_TRANSLATE_NOOP(
                "problems",
                "the archive is format version %1; this program reads version %2 (update "
                "CounselRoom, or ask the sender for a version %2 archive)",
            ),
            obj.get("version"),
            VERSION_NUMBER,
        )
    _keys(
        obj,
        "",
        {
            "format",
            "version",
            "created_at",
            "sender",
            "recipient",
            "purpose",
            "consent_ref",
            "students",
        },
    )
    created = _text(obj, "created_at", "", 40)
    try:
        created_at = datetime.strptime(created, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        raise _schema("manifest.json", "created_at: expected YYYY-MM-DDTHH:MM:SSZ") from None
    sender = card_from_dict(obj["sender"], "manifest.json sender")
    method, name, fingerprint = _recipient(obj["recipient"])
    students = obj["students"]
    if not isinstance(students, list) or not students:
        raise _schema("manifest.json", "students: expected a non-empty list")
    parsed = tuple(_student(item, f"students[{i}]") for i, item in enumerate(students))
    members = [s.member for s in parsed]
    if len(set(members)) != len(members):
        raise _schema("manifest.json", "students: a member is listed twice")
    numbers = [s.student_no for s in parsed if s.student_no]
    if len(set(numbers)) != len(numbers):  # two files under one 学籍号 would merge two children
        twice = next(n for n in numbers if numbers.count(n) > 1)
        raise _schema("manifest.json", f"students: 学籍号 {twice} is listed twice")
    return Manifest(
        created_at=created_at,
        sender=sender,
        method=method,
        recipient_name=name,
        recipient_fingerprint=fingerprint,
        purpose=_text(obj, "purpose", "", TEXT_LIMIT, required=True),
        consent_ref=_text(obj, "consent_ref", "", TEXT_LIMIT, required=True),
        students=parsed,
    )


def _recipient(obj: object) -> tuple[str, str, str | None]:
    if not isinstance(obj, dict) or obj.get("method") not in (METHOD_CARD, METHOD_PASSPHRASE):
        raise _schema("manifest.json", "recipient.method: expected card or passphrase")
    if obj["method"] == METHOD_PASSPHRASE:
        _keys(obj, "recipient.", {"method"})
        return METHOD_PASSPHRASE, "", None
    _keys(obj, "recipient.", {"method", "name", "fingerprint"})
    fingerprint = _text(obj, "fingerprint", "recipient.", FINGERPRINT_DIGITS)
    if not (fingerprint.isascii() and fingerprint.isdigit() and len(fingerprint) == 30):
        raise _schema("manifest.json", "recipient.fingerprint: expected 30 digits")
    return METHOD_CARD, _text(obj, "name", "recipient.", 200), fingerprint


def _student(obj: object, where: str) -> ArchiveStudent:
    if not isinstance(obj, dict):
        raise _schema("manifest.json", f"{where}: expected an object")
    _keys(
        obj,
        f"{where}.",
        {"member", "student_no", "name", "grade_level", "class_label", "size", "sha256"},
    )
    member = _text(obj, "member", f"{where}.", 40)
    if not _MEMBER.fullmatch(member):
        raise _schema("manifest.json", f"{where}.member: expected students/NNNN.json")
    number = obj["student_no"]
    if number is not None and (not isinstance(number, str) or len(number) > 40):
        raise _schema("manifest.json", f"{where}.student_no: expected text or null")
    grade = obj["grade_level"]
    if grade is not None and (type(grade) is not int or not 1 <= grade <= 12):
        raise _schema("manifest.json", f"{where}.grade_level: expected 1-12 or null")
    size = obj["size"]
    if type(size) is not int or size < 0:
        raise _schema("manifest.json", f"{where}.size: expected a byte count")
    digest = _text(obj, "sha256", f"{where}.", 64)
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise _schema("manifest.json", f"{where}.sha256: expected 64 hex digits")
    return ArchiveStudent(
        member=member,
        student_no=number,
        name=_text(obj, "name", f"{where}.", 100, required=True),
        grade_level=grade,
        class_label=_text(obj, "class_label", f"{where}.", 100),
        size=size,
        sha256=digest,
    )


def _keys(obj: dict[str, Any], where: str, expected: set[str]) -> None:
    if set(obj) != expected:
        names = ", ".join(where + name for name in sorted(set(obj) ^ expected))
        raise _schema("manifest.json", f"unexpected or missing fields: {names}")


def _text(obj: dict[str, Any], key: str, where: str, limit: int, *, required: bool = False) -> str:
    value = obj[key]
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise _schema("manifest.json", f"{where}{key}: expected text of at most {limit} characters")
    return value


def _schema(member: str, what: str) -> ArchiveError:
    return ArchiveError(
        SCHEMA,
        QT_TRANSLATE_NOOP("problems", "%1 does not fit the archive format: %2"),
        member,
        what,
    )
