"""Export and import between two vaults through the services: records, refusals that change
nothing, merging by 学籍号, the same archive twice, and a full disk during export."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.services.demo import create_demo_vault
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.school_cards import trust_card
from counselroom.services.school_identity import own_keys
from counselroom.services.transfer_export import ExportRequest, export_students, grade_students
from counselroom.services.transfer_history import student_transfers, transfer_history
from counselroom.services.transfer_import import (
    IMPORTED,
    MERGED,
    REFUSED,
    UNCHANGED,
    import_archive,
    preview_import,
)
from counselroom.storage.base import Base
from counselroom.storage.models import AuditEntry, Student, TransferRecord, TransferStudent
from counselroom.transfer.errors import KEY_CHANGED, UNTRUSTED, ArchiveError
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from vault_fixtures import PASSWORD, account, make_vault


@dataclass
class Pair:
    sender: Context
    receiver: Context
    card_id: int  # the receiver's card in the sender's trust list
    ids: tuple[int, ...]  # sender students with a 学籍号 and case history


def counts(ctx: Context) -> dict[str, int]:
    with ctx.vault.read() as session:
        return {
            t.name: session.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


def card_of(ctx: Context):  # type: ignore[no-untyped-def]
    with ctx.vault.read() as session:
        return own_keys(session).card


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    sender, _code, _summary = create_demo_vault(
        tmp_path / "a", 12, seed=3, password=PASSWORD, kdf=INSECURE_TEST_PARAMS,
        today=date(2026, 11, 20),
    )  # fmt: skip
    receiver, _ = make_vault(tmp_path / "b", "乙中学")
    card_id = trust_card(sender, card_of(receiver)).id
    with sender.vault.read() as session:
        ids = tuple(
            session.scalars(
                select(Student.id)
                .where(Student.student_no.is_not(None))
                .order_by((Student.file_state == "none"), Student.id)  # files first
                .limit(3)
            )
        )
    assert len(ids) == 3
    yield Pair(sender, receiver, card_id, ids)
    sender.close()
    receiver.close()


def export(pair: Pair, target: Path, ids: tuple[int, ...] | None = None) -> Path:
    request = ExportRequest(
        ids or pair.ids, purpose="转学", consent_ref="知情同意书 2026-01", card_id=pair.card_id
    )
    export_students(pair.sender, request, target)
    return target


def test_export_marks_the_students_and_records_the_transfer(pair: Pair, tmp_path: Path) -> None:
    target = export(pair, tmp_path / "out.crx")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    with pair.sender.vault.read() as session:
        statuses = session.scalars(select(Student.status).where(Student.id.in_(pair.ids))).all()
        record = session.scalars(select(TransferRecord)).one()
        rows = session.scalars(select(TransferStudent)).all()
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert set(statuses) == {"transferred"}
    assert (record.direction, record.counterpart, record.purpose) == ("export", "乙中学", "转学")
    assert record.counterpart_fingerprint == card_of(pair.receiver).fingerprint
    assert sorted(r.student_id for r in rows) == sorted(pair.ids)
    assert last is not None and last.action == "transfer.export"
    assert "乙中学" not in (last.detail or "")  # ids and counts in the audit, never names
    history = student_transfers(pair.sender, pair.ids[0])
    assert [(h.direction, h.counterpart) for h in history] == [("export", "乙中学")]
    assert transfer_history(pair.sender)[0].student_count == 3


def test_import_then_the_same_archive_again_changes_nothing(pair: Pair, tmp_path: Path) -> None:
    target = export(pair, tmp_path / "out.crx")
    trust_card(pair.receiver, card_of(pair.sender))
    preview = preview_import(pair.receiver, target)
    assert [s.outcome for s in preview.students] == [IMPORTED] * 3
    before = counts(pair.receiver)
    assert before == counts(pair.receiver)  # a preview writes nothing
    first = import_archive(pair.receiver, target)
    assert first.transfer_id is not None and first.preview.count(IMPORTED) == 3
    after = counts(pair.receiver)
    assert after["students"] == before["students"] + 3 and after["sessions"] > before["sessions"]
    second = import_archive(pair.receiver, target)
    assert second.transfer_id is None and second.preview.count(UNCHANGED) == 3
    assert counts(pair.receiver) == after  # not even an audit entry
    with pair.receiver.vault.read() as session:
        imported = session.scalars(select(Student).where(Student.origin.is_not(None))).all()
    assert len(imported) == 3 and {s.status for s in imported} == {"enrolled"}
    history = transfer_history(pair.receiver)
    assert [(h.direction, h.student_count) for h in history] == [("import", 3)]


def test_a_student_already_here_is_merged_and_a_different_child_is_refused(
    pair: Pair, tmp_path: Path
) -> None:
    with pair.sender.vault.read() as session:
        people = session.execute(
            select(Student.student_no, Student.name, Student.grade_level)
            .where(Student.id.in_(pair.ids))
            .order_by(Student.id)
        ).all()
    (same_no, same_name, grade), (other_no, _other, grade2), _third = people
    with pair.receiver.vault.write() as session:
        session.add(Student(student_no=same_no, name=same_name, grade_level=grade))
        session.add(Student(student_no=other_no, name="另一个孩子", grade_level=grade2))
    trust_card(pair.receiver, card_of(pair.sender))
    target = export(pair, tmp_path / "out.crx")
    result = import_archive(pair.receiver, target)
    outcomes = {s.student_no: s for s in result.preview.students}
    assert outcomes[same_no].outcome == MERGED
    assert outcomes[other_no].outcome == REFUSED and "另一个孩子" in outcomes[other_no].notes[0]
    assert result.preview.count(IMPORTED) == 1
    with pair.receiver.vault.read() as session:
        kept = session.scalars(select(Student).where(Student.student_no == other_no)).one()
        assert kept.name == "另一个孩子" and kept.file_state == "none"  # untouched
        assert session.scalar(select(func.count()).select_from(TransferStudent)) == 2


def test_an_unknown_sender_is_refused_until_trusted_and_nothing_is_imported(
    pair: Pair, tmp_path: Path
) -> None:
    target = export(pair, tmp_path / "out.crx")
    before = counts(pair.receiver)
    with pytest.raises(ArchiveError) as refused:
        import_archive(pair.receiver, target)
    assert refused.value.check == UNTRUSTED
    assert card_of(pair.sender).spoken_fingerprint in str(refused.value)
    with pytest.raises(ArchiveError):
        import_archive(pair.receiver, target, dry_run=True)
    assert counts(pair.receiver) == before
    result = import_archive(pair.receiver, target, trust_sender=True)
    assert result.trusted_now and result.preview.count(IMPORTED) == 3


def test_a_trusted_schools_name_with_other_keys_is_refused(pair: Pair, tmp_path: Path) -> None:
    genuine, _ = make_vault(tmp_path / "d", "丙中学")
    trust_card(pair.receiver, card_of(genuine))  # the receiver knows the real 丙中学
    genuine.close()
    faker, _ = make_vault(tmp_path / "e", "丙中学")  # same name, keys nobody compared
    try:
        with faker.vault.write() as session:
            session.add(Student(student_no="G000000000000000001", name="某某", grade_level=7))
        with faker.vault.read() as session:
            sid = session.scalar(select(Student.id))
        assert sid is not None
        card_id = trust_card(faker, card_of(pair.receiver)).id
        archive = tmp_path / "fake.crx"
        request = ExportRequest((sid,), purpose="转学", consent_ref="x", card_id=card_id)
        export_students(faker, request, archive)
    finally:
        faker.close()
    before = counts(pair.receiver)
    with pytest.raises(ArchiveError) as refused:
        import_archive(pair.receiver, archive)
    assert refused.value.check == KEY_CHANGED and "丙中学" in str(refused.value)
    assert counts(pair.receiver) == before


def test_roles_are_refused_in_the_services(pair: Pair, tmp_path: Path) -> None:
    viewer = account(pair.sender, "bzr", Role.VIEWER, "班主任")
    with pytest.raises(PermissionDenied):
        export_students(
            viewer,
            ExportRequest(pair.ids, purpose="转学", consent_ref="x", card_id=pair.card_id),
            tmp_path / "v.crx",
        )
    with pytest.raises(PermissionDenied):
        grade_students(viewer, "9")
    target = export(pair, tmp_path / "out.crx")
    reader = account(pair.receiver, "bzr2", Role.VIEWER, "班主任")
    with pytest.raises(PermissionDenied):
        import_archive(reader, target, trust_sender=True)
    with pytest.raises(PermissionDenied):
        preview_import(reader, target)
    assert not (tmp_path / "v.crx").exists()


def test_export_needs_purpose_consent_and_a_trusted_recipient(pair: Pair, tmp_path: Path) -> None:
    target = tmp_path / "x.crx"
    for purpose, consent in (("", "x"), ("转学", " ")):
        with pytest.raises(CounselRoomError):
            export_students(
                pair.sender,
                ExportRequest(pair.ids, purpose=purpose, consent_ref=consent, card_id=pair.card_id),
                target,
            )
    with pytest.raises(CounselRoomError, match="at least 10"):
        export_students(
            pair.sender,
            ExportRequest(pair.ids, purpose="转学", consent_ref="x", passphrase="short"),
            target,
        )
    stranger, _ = make_vault(tmp_path / "c", "丙中学")
    try:
        with pytest.raises(CounselRoomError, match="not on the trust list"):
            export_students(
                pair.sender,
                ExportRequest(pair.ids, purpose="转学", consent_ref="x", card=card_of(stranger)),
                target,
            )
    finally:
        stranger.close()
    assert not target.exists()
    with pair.sender.vault.read() as session:
        assert set(session.scalars(select(Student.status))) != {"transferred"}
        assert session.scalar(select(func.count()).select_from(TransferRecord)) == 0


@pytest.mark.parametrize("failure", ["disk full", "drive pulled"])
def test_a_failed_write_leaves_no_file_and_the_vault_as_it_was(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "out.crx"
    before = counts(pair.sender)
    if failure == "disk full":
        import counselroom.vault.atomic as atomic

        def full(_fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic.os, "fsync", full)
    else:
        folder.rmdir()
    with pytest.raises(CounselRoomError, match=r"out\.crx"):
        export(pair, target)
    monkeypatch.undo()
    assert not target.exists()
    assert not folder.exists() or list(folder.iterdir()) == []  # no temporary file left
    assert counts(pair.sender) == before


def test_a_failure_after_the_commit_keeps_the_recorded_archive(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a failed commit removes the file: if the record was committed and the chain
    head's save after it failed, the archive the record names must stay."""
    target = tmp_path / "out.crx"

    def keys_not_saved() -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(pair.sender.vault, "_save_keys", keys_not_saved)
    with pytest.raises(OSError):
        export(pair, target)
    monkeypatch.undo()
    assert target.exists()
    with pair.sender.vault.read() as session:
        assert session.scalar(select(func.count()).select_from(TransferRecord)) == 1


def test_a_file_changed_since_the_preview_is_refused(pair: Pair, tmp_path: Path) -> None:
    trust_card(pair.receiver, card_of(pair.sender))
    target = export(pair, tmp_path / "out.crx")
    previewed = preview_import(pair.receiver, target).sha256
    export(pair, target)  # another archive put under the same name (new keys, other bytes)
    before = counts(pair.receiver)
    with pytest.raises(ArchiveError, match="changed since it was previewed"):
        import_archive(pair.receiver, target, expected_sha256=previewed)
    assert counts(pair.receiver) == before


def test_a_database_rule_broken_by_an_archive_is_a_refusal(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    import counselroom.services.transfer_import as transfer_import

    def clash(*_args: object) -> list[object]:
        raise IntegrityError("INSERT …", {}, Exception("UNIQUE constraint failed: plans.version"))

    trust_card(pair.receiver, card_of(pair.sender))
    target = export(pair, tmp_path / "out.crx")
    before = counts(pair.receiver)
    monkeypatch.setattr(transfer_import, "import_students", clash)
    with pytest.raises(ArchiveError, match="break a rule of this vault") as refused:
        import_archive(pair.receiver, target)
    assert refused.value.check == "schema"
    assert counts(pair.receiver) == before
