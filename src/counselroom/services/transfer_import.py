"""Importing a transfer archive: check everything, show what would happen, then import in one
transaction or not at all.

Checks, in order (transfer/archive.py and the trust list here): the file opens with this
school's key or the passphrase; the container, names and sizes; the manifest and its format
version; the sender's signature over the manifest; that the manifest is addressed to this
school; every member's SHA-256; every student document against the schema; and that the sender's
card is on the trust list — an unknown sender (or a trusted school's name with other keys) is
refused until someone trusts the card explicitly, after comparing its fingerprint.

A student whose 学籍号 is here already keeps his local records and gains the sender's, marked
with their origin; a 学籍号 here under another name is refused (a typing error in either school
must not merge two children's files). Importing the same archive again changes nothing at all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, CounselRoomError
from counselroom.services.context import Context
from counselroom.services.document_reasons import Reason
from counselroom.services.roles import Permission
from counselroom.services.school_cards import KEY_CHANGED, OWN, TRUSTED, standing, trust
from counselroom.services.school_identity import own_keys
from counselroom.services.student_import import import_students, plan_imports
from counselroom.services.transfer_preview import (
    IMPORTED,
    MERGED,
    REFUSED,
    UNCHANGED,
    ImportPreview,
    ImportResult,
    IncomingStudent,
)
from counselroom.storage.base import utcnow
from counselroom.storage.models import Student, TransferRecord, TransferStudent
from counselroom.transfer.age_layer import HEADER_BYTES
from counselroom.transfer.age_layer import needs_passphrase as _needs_passphrase
from counselroom.transfer.archive import MAX_ARCHIVE_BYTES, OpenedArchive, open_archive
from counselroom.transfer.errors import HASH, SCHEMA, SIZE, UNTRUSTED, ArchiveError
from counselroom.transfer.errors import KEY_CHANGED as KEY_CHANGED_CHECK
from counselroom.transfer.manifest import ArchiveStudent
from counselroom.transfer.student_schema import check_student_document


def read_archive(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ARCHIVE_BYTES:
            raise ArchiveError(
                SIZE,
                QT_TRANSLATE_NOOP("problems", "%1 is %2 MB, larger than any transfer archive"),
                path,
                size // 1024**2,
            )
        return path.read_bytes()
    except OSError as exc:
        raise CounselRoomError(f"{path}: cannot be read ({exc.strerror})") from None


def needs_passphrase(path: Path) -> bool:
    """Whether ``path`` asks for a passphrase: the age header says so, in its first bytes —
    the archive itself is read once, by the preview or the import."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_BYTES)
    except OSError as exc:
        raise CounselRoomError(f"{path}: cannot be read ({exc.strerror})") from None
    return _needs_passphrase(head)


def preview_import(ctx: Context, path: Path, passphrase: str | None = None) -> ImportPreview:
    """Every check but trust, and what importing would do to each student; writes nothing."""
    ctx.require(Permission.EXPORT)
    data = read_archive(path)
    with ctx.vault.read() as session:  # never committed: a preview changes nothing
        return _evaluate(session, data, passphrase)[1]


def import_archive(
    ctx: Context,
    path: Path,
    passphrase: str | None = None,
    *,
    trust_sender: bool = False,
    dry_run: bool = False,
    expected_sha256: str | None = None,
) -> ImportResult:
    """Check and import ``path``. ``expected_sha256``: the archive the user previewed (and
    whose sender he compared and trusted) — a file replaced on the USB drive or the shared
    folder since then is refused rather than trusted."""
    ctx.require(Permission.EXPORT)
    ctx.require(Permission.EDIT_CASES)
    data = read_archive(path)
    if expected_sha256 is not None and hashlib.sha256(data).hexdigest() != expected_sha256:
        raise ArchiveError(
            HASH,
            QT_TRANSLATE_NOOP(
                "problems",
                "%1 changed since it was previewed: open it again and compare the sender's "
                "fingerprint again; nothing was imported",
            ),
            path.name,
        )
    if dry_run:
        with ctx.vault.read() as session:
            preview = _evaluate(session, data, passphrase)[1]
        _check_trust(preview, trust_sender)
        return ImportResult(preview, None, False)
    with ctx.vault.write() as session:
        opened, preview = _evaluate(session, data, passphrase)
        _check_trust(preview, trust_sender)
        return _write(ctx, session, opened, preview, trust_sender, path)


def _open(session: Session, data: bytes, passphrase: str | None) -> OpenedArchive:
    keys = own_keys(session)
    return open_archive(
        data,
        identity=keys.age_identity,
        passphrase=passphrase,
        own_fingerprint=keys.card.fingerprint,
        check_document=check_student_document,
    )


def _evaluate(
    session: Session, data: bytes, passphrase: str | None
) -> tuple[OpenedArchive, ImportPreview]:
    opened = _open(session, data, passphrase)
    manifest = opened.manifest
    place = standing(session, manifest.sender)
    sender = manifest.sender.fingerprint
    local_names = _local_names(session, [s.student_no for s in manifest.students])
    refused = {
        listed.member: _different_child(listed, local_names[listed.student_no])
        for listed in manifest.students
        if listed.student_no in local_names
        and _same(local_names[listed.student_no]) != _same(listed.name)
    }
    kept = [s for s in manifest.students if s.member not in refused]
    plans = dict(
        zip(
            (s.member for s in kept),
            plan_imports(session, [opened.documents[s.member] for s in kept], sender),
            strict=True,
        )
    )
    students = []
    notes: tuple[str, ...]
    for listed in manifest.students:
        if listed.member in refused:
            outcome, student_id, notes = REFUSED, None, (refused[listed.member],)
        else:
            plan = plans[listed.member]
            outcome, student_id, notes = plan.outcome, plan.student_id, tuple(plan.conflicts)
        students.append(
            IncomingStudent(
                listed.member,
                listed.student_no,
                listed.name,
                listed.grade_level,
                listed.class_label,
                outcome,
                student_id,
                notes,
            )
        )
    return opened, ImportPreview(
        sender=place.card,
        standing=place.standing,
        resembles=place.same_name.card.name if place.same_name else "",
        method=manifest.method,
        created_at=manifest.created_at,
        purpose=manifest.purpose,
        consent_ref=manifest.consent_ref,
        sha256=opened.sha256,
        students=tuple(students),
    )


def _local_names(session: Session, numbers: list[str | None]) -> dict[str | None, str]:
    """学籍号 → the name of the student here who has it (one query per 500 numbers)."""
    wanted = sorted({n for n in numbers if n})
    found: dict[str | None, str] = {}
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(Student.student_no, Student.name).where(
                Student.student_no.in_(wanted[start : start + 500])
            )
        )
        found.update((number, name) for number, name in rows)
    return found


def _different_child(listed: ArchiveStudent, local: str) -> Reason:
    return Reason(  # a str that keeps its template: the window shows it in Chinese
        QT_TRANSLATE_NOOP(
            "problems",
            "学籍号 %1 is %2 here but %3 in the archive: not merged (correct the 学籍号 "
            "in one of the schools, then import again)",
        ),
        listed.student_no,
        local,
        listed.name,
    )


def _same(name: str) -> str:
    return "".join(name.split())


def _check_trust(preview: ImportPreview, trust_sender: bool) -> None:
    if preview.standing in (TRUSTED, OWN) or trust_sender:
        return
    sender = preview.sender
    if preview.standing == KEY_CHANGED:
        raise ArchiveError(
            KEY_CHANGED_CHECK,
            QT_TRANSLATE_NOOP(
                "problems",
                "the archive is signed as %1 with fingerprint %2, but the card trusted for %3 "
                "has other keys: call the school and compare the fingerprint before trusting "
                "this one; nothing was imported",
            ),
            sender.name,
            sender.spoken_fingerprint,
            preview.resembles,
        )
    raise ArchiveError(
        UNTRUSTED,
        QT_TRANSLATE_NOOP(
            "problems",
            "the sender %1 (fingerprint %2) is not on the trust list: compare the fingerprint "
            "with that school by phone, then trust the sender and import again; nothing was "
            "imported",
        ),
        sender.name,
        sender.spoken_fingerprint,
    )


def _write(
    ctx: Context,
    session: Session,
    opened: OpenedArchive,
    preview: ImportPreview,
    trust_sender: bool,
    path: Path,
) -> ImportResult:
    trusted_now = False
    if trust_sender and preview.standing not in (TRUSTED, OWN):
        trust(session, ctx, opened.manifest.sender)
        trusted_now = True
    sender = opened.manifest.sender.fingerprint
    accepted = [s for s in preview.students if s.outcome != REFUSED]
    documents = [opened.documents[s.member] for s in accepted]
    try:
        outcomes = iter(import_students(session, documents, sender, ctx.actor.user_id))
    except IntegrityError as exc:  # a rule of the vault the schema check did not foresee
        raise ArchiveError(
            SCHEMA,
            QT_TRANSLATE_NOOP(
                "problems",
                "the archive's records break a rule of this vault (%1); nothing was imported",
            ),
            str(exc.orig),
        ) from None
    done: list[IncomingStudent] = []
    for student in preview.students:
        if student.outcome == REFUSED:
            done.append(student)
            continue
        outcome = next(outcomes)
        done.append(replace(student, outcome=outcome.outcome, student_id=outcome.student_id))
    final = replace(preview, students=tuple(done))
    if not trusted_now and all(s.outcome in (UNCHANGED, REFUSED) for s in done):
        return ImportResult(final, None, False)  # the same archive again: nothing changes
    record = TransferRecord(
        direction="import",
        at=utcnow(),
        by_id=ctx.actor.user_id,
        counterpart=opened.manifest.sender.name,
        counterpart_fingerprint=sender,
        method=opened.manifest.method,
        purpose=opened.manifest.purpose,
        consent_ref=opened.manifest.consent_ref,
        archive_sha256=opened.sha256,
        student_count=sum(1 for s in done if s.outcome != REFUSED),
        detail_json=json.dumps({"file": path.name}, ensure_ascii=False),
    )
    session.add(record)
    session.flush()
    rows = [
        {
            "transfer_id": record.id,
            "student_id": s.student_id,
            "student_no": s.student_no,
            "outcome": s.outcome,
        }
        for s in done
        if s.outcome != REFUSED
    ]
    if rows:  # one multi-row INSERT, not an ORM object per student
        session.execute(insert(TransferStudent), rows)
    counts = {o: final.count(o) for o in (IMPORTED, MERGED, UNCHANGED, REFUSED)}
    ctx.audit(
        session,
        "transfer.import",
        target=f"transfer:{record.id}",
        detail=" ".join(f"{k}={v}" for k, v in counts.items()) + f" sha256={opened.sha256[:16]}",
    )
    return ImportResult(final, record.id, trusted_now)


__all__ = [
    "IMPORTED",
    "MERGED",
    "REFUSED",
    "UNCHANGED",
    "ImportPreview",
    "ImportResult",
    "IncomingStudent",
    "import_archive",
    "needs_passphrase",
    "preview_import",
    "read_archive",
]
