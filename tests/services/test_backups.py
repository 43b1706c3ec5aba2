"""Backups and restore (issue 8 item 4): a consistent copy taken while the vault is in use,
restore that proves the backup before replacing anything, keep-N that touches only this
vault's backups, and refusals that leave the current vault exactly as it was."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import tarfile
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from counselroom.domain.errors import CounselRoomError
from counselroom.services import auth
from counselroom.services.backups import (
    backup_due,
    backup_to_folder,
    backup_vault,
    folder_backups,
    restore_backup,
)
from counselroom.services.context import Context
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.models import AuditEntry, Student
from counselroom.transfer import backup_file
from counselroom.transfer.errors import BACKUP, ArchiveError
from counselroom.vault.errors import AuthenticationError, VaultInUseError
from counselroom.vault.verify import verify_vault
from vault_fixtures import CHEAP, PASSWORD, account, make_vault


def add_student(ctx: Context, number: int, name: str = "王小明") -> None:
    with ctx.vault.write() as session:
        session.add(
            Student(
                student_no=f"G1101012008010{number:05d}",
                name=name,
                name_pinyin="wangxiaoming wxm",
                grade_level=8,
                tier=0,
                status="enrolled",
                file_state="none",
            )
        )
        ctx.audit(session, "student.create", target=f"student:{number}")


def student_numbers(folder: Path) -> set[str]:
    ctx = auth.login(folder, "admin", PASSWORD, record=False)
    try:
        assert verify_vault(ctx.vault) == []
        with ctx.vault.read() as session:
            return set(session.scalars(select(Student.student_no)))
    finally:
        ctx.close()


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file of a vault folder and its hash (the lock file's pid aside)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "vault.lock"
    }


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Context]:
    ctx, _code = make_vault(tmp_path / "vault")
    yield ctx
    ctx.close()


def test_round_trip_restores_the_backed_up_state_and_keeps_the_replaced_vault(
    vault: Context, tmp_path: Path
) -> None:
    folder = vault.vault.layout.folder
    add_student(vault, 1)
    result = backup_vault(vault, tmp_path / "b.crbackup")
    add_student(vault, 2)  # after the backup: gone once restored, kept in the replaced vault
    assert result.file.stat().st_size == result.size and result.vault_id == vault.vault.vault_id
    with vault.vault.read() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    vault.close()

    restored = restore_backup(result.file, folder, PASSWORD)

    assert restored.username == "admin" and restored.vault_folder == folder
    assert restored.replaced_folder is not None
    assert restored.replaced_folder.name.startswith("vault.replaced-")
    assert student_numbers(folder) == {"G110101200801000001"}
    assert student_numbers(restored.replaced_folder) == {
        "G110101200801000001",
        "G110101200801000002",
    }
    ctx = auth.login(folder, "admin", PASSWORD, record=False)
    with ctx.vault.read() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    ctx.close()
    assert actions[-1] == "restore"
    assert "student.create" in actions and actions.count("student.create") == 1
    assert last is not None and last.action == "student.create"  # the backup entry came after
    leftovers = [p.name for p in tmp_path.iterdir() if ".restoring-" in p.name]
    assert leftovers == []


def test_a_backup_is_audited_with_the_file_name_only(vault: Context, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    backup_vault(vault, tmp_path / "usb" / "copy.crbackup")
    with vault.vault.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert entry is not None and entry.action == "backup"
    assert entry.detail == "file copy.crbackup" and str(tmp_path) not in (entry.detail or "")


def test_backup_taken_mid_use_holds_exactly_the_committed_state(
    vault: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Committed writes are in the backup; a transaction open in another thread while the copy
    is taken is not, even though it commits before the backup's own audit entry.

    (In the program every write holds the vault's write lock, which the backup holds too; this
    transaction bypasses it to show that the copy is SQLite's committed snapshot.)"""
    folder = vault.vault.layout.folder
    for n in range(1, 4):
        add_student(vault, n)
    opened, copied = threading.Event(), threading.Event()

    def uncommitted() -> None:
        with vault.vault._sessions() as session, session.begin():
            session.add(
                Student(
                    student_no="G110101200801099999", name="未提交", name_pinyin="", grade_level=8,
                    tier=0, status="enrolled", file_state="none",
                )
            )  # fmt: skip
            session.flush()  # in the database's WAL, not committed
            opened.set()
            copied.wait(10)
        # committed here: after the copy, while the backup waits to write its audit entry

    real_write = backup_file.write_backup

    def write_then_release(*args: object, **kwargs: object) -> object:
        manifest = real_write(*args, **kwargs)  # type: ignore[arg-type]
        copied.set()
        writer.join(10)  # the other transaction commits before the backup's audit entry
        return manifest

    monkeypatch.setattr(backup_file, "write_backup", write_then_release)
    writer = threading.Thread(target=uncommitted)
    writer.start()
    assert opened.wait(10)
    try:
        result = backup_vault(vault, tmp_path / "mid.crbackup")
    finally:
        copied.set()
        writer.join(10)
    with vault.vault.read() as session:  # it did commit, in the live vault
        assert session.scalar(select(func.count()).select_from(Student)) == 4
    vault.close()
    restore_backup(result.file, folder, PASSWORD)
    assert student_numbers(folder) == {f"G1101012008010{n:05d}" for n in range(1, 4)}


def test_backups_interleaved_with_writes_of_another_thread_always_verify(
    vault: Context, tmp_path: Path
) -> None:
    """Writes (with audit entries) keep committing while backups are taken: each backup's
    key file must name its database's last audit entry, or restore would refuse it."""
    stop = threading.Event()
    errors: list[BaseException] = []

    def keep_writing() -> None:
        n = 100
        try:
            while not stop.is_set():
                n += 1
                add_student(vault, n)
        except BaseException as exc:  # reported below
            errors.append(exc)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        files = [backup_vault(vault, tmp_path / f"b{i}.crbackup").file for i in range(3)]
    finally:
        stop.set()
        writer.join(30)
    assert errors == []
    vault.close()
    for i, file in enumerate(files):
        target = tmp_path / f"restored{i}"
        restore_backup(file, target, PASSWORD)
        assert student_numbers(target)  # opened and verified


def test_keep_n_prunes_only_this_vaults_backups(vault: Context, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    other, _ = make_vault(tmp_path / "other")
    foreign = backup_to_folder(other, usb, None).file
    # another vault's backup under a name of THIS vault's pattern: never deleted
    lookalike = usb / f"counselroom-{vault.vault.vault_id[:8]}-20000101-000000.crbackup"
    lookalike.write_bytes(foreign.read_bytes())
    other.close()
    unrelated = usb / "counselroom-notes.txt"
    unrelated.write_text("not a backup")
    damaged = usb / f"counselroom-{vault.vault.vault_id[:8]}-20000101-000001.crbackup"
    damaged.write_bytes(b"x" * 100)

    made = [backup_to_folder(vault, usb, 2) for _ in range(4)]

    mine = [p for _c, p in folder_backups(usb, vault.vault.vault_id)]
    assert mine == [made[3].file, made[2].file]
    assert made[2].deleted == (made[0].file.name,) and made[3].deleted == (made[1].file.name,)
    for kept in (foreign, lookalike, unrelated, damaged):
        assert kept.exists()
    for result in made:
        assert result.file.name.startswith(f"counselroom-{vault.vault.vault_id[:8]}-")
        assert "测试中学" not in result.file.name


def test_keep_must_be_positive_and_the_folder_must_exist(vault: Context, tmp_path: Path) -> None:
    with pytest.raises(CounselRoomError, match="keep must be at least 1"):
        backup_to_folder(vault, tmp_path, 0)
    with pytest.raises(CounselRoomError, match="USB drive"):
        backup_to_folder(vault, tmp_path / "unplugged", 3)


def test_a_viewer_may_not_back_up(vault: Context, tmp_path: Path) -> None:
    viewer = account(vault, "view", Role.VIEWER, "班主任")
    with pytest.raises(PermissionDenied):
        backup_vault(viewer, tmp_path / "v.crbackup")
    with pytest.raises(PermissionDenied):
        backup_to_folder(viewer, tmp_path, 3)
    assert list(tmp_path.glob("*.crbackup")) == []


def test_backup_due_once_per_local_day() -> None:
    # Beijing is UTC+8: 15:59 UTC is 23:59 local, 16:00 UTC is the next local day.
    assert backup_due(None, datetime(2025, 3, 1, 8))
    assert not backup_due(datetime(2025, 3, 1, 1), datetime(2025, 3, 1, 15, 59))
    assert backup_due(datetime(2025, 3, 1, 15, 59), datetime(2025, 3, 1, 16, 0))
    assert backup_due(datetime(2025, 3, 1, 8), datetime(2025, 3, 3, 8))
    assert not backup_due(datetime(2025, 3, 1, 8), datetime(2025, 3, 1, 8) + timedelta(hours=7))


# -- refusals --------------------------------------------------------------------------------


def rebuild(good: Path, out: Path, edit: Callable[[list[tuple[str, bytes]]], None]) -> Path:
    with tarfile.open(good) as tar:
        members = [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]
    edit(members)
    with tarfile.open(out, "w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out


def manifest_edit(**changes: object) -> Callable[[list[tuple[str, bytes]]], None]:
    def edit(members: list[tuple[str, bytes]]) -> None:
        data = json.loads(members[0][1])
        data.update(changes)
        members[0] = (members[0][0], json.dumps(data).encode())

    return edit


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def db_offset(good: Path) -> int:
    with tarfile.open(good) as tar:
        return tar.getmember("vault.db").offset_data


MUTATIONS: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "flipped byte in the database": (
        lambda g, o: (o.write_bytes(flip(g.read_bytes(), db_offset(g) + 5000)), o)[1],
        "does not match its SHA-256",
    ),
    "truncated": (
        lambda g, o: (o.write_bytes(g.read_bytes()[: g.stat().st_size // 2]), o)[1],
        "truncated or damaged",
    ),
    "extended": (
        lambda g, o: (o.write_bytes(g.read_bytes() + b"more data" * 100), o)[1],
        "unexpected data after the last member",
    ),
    "not a backup at all": (
        lambda g, o: (o.write_bytes(b"PK\x03\x04" + bytes(2000)), o)[1],
        "not a CounselRoom backup",
    ),
    "unknown version": (
        lambda g, o: rebuild(g, o, manifest_edit(version=2)),
        "format version 2 is not one this program reads",
    ),
    "another format": (
        lambda g, o: rebuild(g, o, manifest_edit(format="something-else")),
        "not a CounselRoom backup",
    ),
    "extra member": (
        lambda g, o: rebuild(g, o, lambda m: m.append(("notes.txt", b"hello"))),
        "unexpected member notes.txt",
    ),
    "duplicate member": (
        lambda g, o: rebuild(g, o, lambda m: m.append(m[2])),
        "the member vault.keys appears twice",
    ),
    "bad path": (
        lambda g, o: rebuild(g, o, lambda m: m.insert(1, ("../vault.db", m[1][1]))),
        "has a path we never write",
    ),
    "missing member": (
        lambda g, o: rebuild(g, o, lambda m: m.pop()),
        "the member vault.keys is missing",
    ),
    "keys of another vault": (
        lambda g, o: rebuild(g, o, manifest_edit(vault_id="0" * 32)),
        "belongs to another vault",
    ),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_bad_backup_is_refused_by_name_and_the_vault_is_untouched(
    mutation: str, vault: Context, tmp_path: Path
) -> None:
    add_student(vault, 1)
    good = backup_vault(vault, tmp_path / "good.crbackup").file
    folder = vault.vault.layout.folder
    vault.close()
    before = fingerprint(folder)
    make, expected = MUTATIONS[mutation]
    bad = make(good, tmp_path / "bad.crbackup")

    with pytest.raises(ArchiveError) as caught:
        restore_backup(bad, folder, PASSWORD)

    assert caught.value.check == BACKUP
    assert str(bad) in str(caught.value) and expected in str(caught.value)
    assert fingerprint(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.crbackup", "good.crbackup", "vault"]


def test_a_database_altered_with_a_matching_hash_does_not_verify(
    vault: Context, tmp_path: Path
) -> None:
    """The hashes only name damage; SQLCipher's page MACs are what an edit cannot get past."""
    add_student(vault, 1)
    good = backup_vault(vault, tmp_path / "good.crbackup").file
    folder = vault.vault.layout.folder
    vault.close()
    before = fingerprint(folder)

    def alter(members: list[tuple[str, bytes]]) -> None:
        db = flip(members[1][1], len(members[1][1]) - 100)  # inside the last page
        members[1] = ("vault.db", db)
        data = json.loads(members[0][1])
        data["members"]["vault.db"]["sha256"] = hashlib.sha256(db).hexdigest()
        members[0] = ("backup.json", json.dumps(data).encode())

    bad = rebuild(good, tmp_path / "bad.crbackup", alter)
    with pytest.raises(
        CounselRoomError, match=r"does not verify|damaged or altered|cannot be read"
    ):
        restore_backup(bad, folder, PASSWORD)
    assert fingerprint(folder) == before


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_cut_or_flipped_byte_is_refused_or_changes_nothing(
    data: st.DataObject, tmp_path: Path, small_backup: tuple[Path, dict[str, bytes]]
) -> None:
    good, originals = small_backup
    raw = good.read_bytes()
    if data.draw(st.booleans(), label="cut"):
        damaged = raw[: data.draw(st.integers(0, len(raw) - 1), label="length")]
    else:
        damaged = flip(raw, data.draw(st.integers(0, len(raw) - 1), label="at"))
    case = Path(tempfile_dir(tmp_path))
    bad = case / "bad.crbackup"
    bad.write_bytes(damaged)
    into = case / "into"
    into.mkdir()
    try:
        backup_file.unpack_backup(bad, into)
    except ArchiveError as exc:
        assert exc.check == BACKUP and str(bad) in str(exc)
        return
    # accepted: the flip fell in padding no reader uses, and what comes out is the original
    assert {name: (into / name).read_bytes() for name in originals} == originals


_counter = iter(range(10**6))


def tempfile_dir(root: Path) -> Path:
    case = root / f"case{next(_counter)}"
    case.mkdir()
    return case


@pytest.fixture(scope="module")
def small_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    root = tmp_path_factory.mktemp("small-backup")
    ctx, _ = make_vault(root / "vault")
    try:
        file = backup_vault(ctx, root / "good.crbackup").file
    finally:
        ctx.close()
    into = root / "unpacked"
    into.mkdir()
    backup_file.unpack_backup(file, into)
    return file, {name: (into / name).read_bytes() for name in ("vault.db", "vault.keys")}


def test_a_wrong_password_replaces_nothing(vault: Context, tmp_path: Path) -> None:
    good = backup_vault(vault, tmp_path / "good.crbackup").file
    folder = vault.vault.layout.folder
    vault.close()
    before = fingerprint(folder)
    with pytest.raises(AuthenticationError, match="opens none of the backup's accounts"):
        restore_backup(good, folder, "not-the-password")
    with pytest.raises(AuthenticationError, match="password is wrong"):
        restore_backup(good, folder, "not-the-password", "admin")
    assert fingerprint(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.crbackup", "vault"]


def test_each_account_is_tried_and_a_viewer_may_not_restore(vault: Context, tmp_path: Path) -> None:
    account(vault, "coun", Role.COUNSELLOR, "林老师")  # same PASSWORD as the admin in tests
    viewer = account(vault, "view", Role.VIEWER, "班主任")
    vault.vault.set_password(viewer.actor.user_id, "viewer-only-pass-1", CHEAP)
    good = backup_vault(vault, tmp_path / "good.crbackup").file
    folder = vault.vault.layout.folder
    vault.close()
    before = fingerprint(folder)
    with pytest.raises(PermissionDenied, match="may not restore"):
        restore_backup(good, folder, "viewer-only-pass-1")
    assert fingerprint(folder) == before
    result = restore_backup(good, folder, PASSWORD, "coun")
    assert result.username == "coun"


def test_restore_refuses_a_vault_in_use(vault: Context, tmp_path: Path) -> None:
    good = backup_vault(vault, tmp_path / "good.crbackup").file
    with pytest.raises(VaultInUseError):
        restore_backup(good, vault.vault.layout.folder, PASSWORD)
    assert verify_vault(vault.vault) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.crbackup", "vault"]


def test_restore_into_a_new_folder_sets_nothing_aside(vault: Context, tmp_path: Path) -> None:
    add_student(vault, 7)
    good = backup_vault(vault, tmp_path / "good.crbackup").file
    vault.close()
    result = restore_backup(good, tmp_path / "new-pc" / "vault", PASSWORD)
    assert result.replaced_folder is None
    assert student_numbers(tmp_path / "new-pc" / "vault") == {"G110101200801000007"}


def test_restore_refuses_a_folder_of_other_files(vault: Context, tmp_path: Path) -> None:
    good = backup_vault(vault, tmp_path / "good.crbackup").file
    vault.close()
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "letter.txt").write_text("mine")
    with pytest.raises(CounselRoomError, match="holds other files and no vault"):
        restore_backup(good, documents, PASSWORD)
    assert [p.name for p in documents.iterdir()] == ["letter.txt"]


# -- a failing disk --------------------------------------------------------------------------


@pytest.mark.parametrize("older_exists", [False, True])
def test_disk_full_midway_leaves_no_partial_file_and_the_vault_intact(
    older_exists: bool, vault: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "b.crbackup"
    if older_exists:
        backup_vault(vault, target)
    old_bytes = target.read_bytes() if older_exists else None
    add_student(vault, 3)
    with vault.vault.read() as session:
        entries = session.scalar(select(func.count()).select_from(AuditEntry))
    written = 0
    real_write = backup_file._Sink.write

    def write(self: backup_file._Sink, data: bytes) -> int:
        nonlocal written
        if written > 100_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        written += len(data)
        return real_write(self, data)

    monkeypatch.setattr(backup_file._Sink, "write", write)
    with pytest.raises(CounselRoomError, match=r"could not write .*b\.crbackup: No space left"):
        backup_vault(vault, target)

    assert written > 100_000  # the failure came midway, after part of the file was written
    assert sorted(p.name for p in usb.iterdir()) == (["b.crbackup"] if older_exists else [])
    if old_bytes is not None:
        assert target.read_bytes() == old_bytes
    assert verify_vault(vault.vault) == []
    with vault.vault.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == entries
    assert [p.name for p in vault.vault.layout.folder.iterdir() if p.name.startswith(".")] == []


def test_the_backup_just_written_is_never_pruned(
    vault: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PC's clock once ran a year ahead: that backup looks newest. Pruning to one must
    still keep the backup just made, whatever time it carries."""
    import counselroom.services.backups as backups

    usb = tmp_path / "usb"
    usb.mkdir()
    real = backups.utcnow
    monkeypatch.setattr(backups, "utcnow", lambda: real() + timedelta(days=365))
    ahead = backup_to_folder(vault, usb, keep=5).file
    monkeypatch.setattr(backups, "utcnow", real)
    now = backup_to_folder(vault, usb, keep=1)
    assert now.file.exists() and now.deleted == (ahead.name,)
    assert [p.name for p in usb.iterdir()] == [now.file.name]
