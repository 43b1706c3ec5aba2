"""Opening, closing, users, passwords, recovery and key rotation of a real vault."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from counselroom.domain.errors import ValidationError
from counselroom.services import auth, users
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.models import AuditEntry
from counselroom.vault.errors import (
    AuthenticationError,
    RecoveryCodeError,
    VaultError,
    VaultFormatError,
    VaultInUseError,
)
from counselroom.vault.vault import Vault
from vault_fixtures import ADMIN, CHEAP, PASSWORD, make_vault


def audit_actions(folder: Path) -> list[str]:
    ctx = auth.login(folder, ADMIN, PASSWORD, record=False)
    with ctx.vault.read() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    ctx.close()
    return actions


def test_create_login_and_files_are_owner_only(tmp_path: Path) -> None:
    ctx, _ = make_vault(tmp_path / "v")
    ctx.close()
    ctx = auth.login(tmp_path / "v", ADMIN, PASSWORD)
    assert ctx.actor.role is Role.ADMIN
    ctx.close()
    for path in [tmp_path / "v", *(tmp_path / "v").iterdir()]:
        assert path.stat().st_mode & 0o077 == 0, path
    assert audit_actions(tmp_path / "v") == ["vault.create", "user.add", "login"]


def test_wrong_password_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder)[0].close()
    keys_before = (folder / "vault.keys").read_bytes()
    db_before = (folder / "vault.db").read_bytes()
    with pytest.raises(AuthenticationError, match="wrong password"):
        auth.login(folder, ADMIN, "not the password")
    with pytest.raises(AuthenticationError, match="unknown user 'ghost'"):
        auth.login(folder, "ghost", PASSWORD)
    assert (folder / "vault.keys").read_bytes() == keys_before
    assert (folder / "vault.db").read_bytes() == db_before
    # the lock was released: the right password still opens it
    auth.login(folder, ADMIN, PASSWORD).close()


def test_second_opener_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    ctx, _ = make_vault(folder)
    with pytest.raises(VaultInUseError, match="in use"):
        auth.login(folder, ADMIN, PASSWORD)
    ctx.close()
    auth.login(folder, ADMIN, PASSWORD).close()


def test_create_refuses_an_existing_vault(tmp_path: Path) -> None:
    make_vault(tmp_path / "v")[0].close()
    with pytest.raises(VaultError, match="already exists"):
        make_vault(tmp_path / "v")


def test_weak_password_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    from counselroom.services.setup import SchoolDetails, init_vault

    with pytest.raises(ValidationError, match="too short"):
        init_vault(tmp_path / "v", SchoolDetails("学校"), ADMIN, "short", kdf=CHEAP)
    assert not (tmp_path / "v").exists()


def test_missing_files_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder)[0].close()
    (folder / "vault.db").rename(tmp_path / "elsewhere.db")
    with pytest.raises(VaultFormatError, match=r"vault\.db: missing"):
        auth.login(folder, ADMIN, PASSWORD)
    (tmp_path / "elsewhere.db").rename(folder / "vault.db")
    (folder / "vault.keys").unlink()
    with pytest.raises(VaultFormatError, match=r"vault\.keys: missing"):
        auth.login(folder, ADMIN, PASSWORD)


def test_unwritable_folder_is_refused(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root can write anywhere; permission bits do not bind it")
    folder = tmp_path / "v"
    make_vault(folder)[0].close()
    folder.chmod(0o500)
    try:
        with pytest.raises(VaultError, match="not writable"):
            auth.login(folder, ADMIN, PASSWORD)
    finally:
        folder.chmod(0o700)


def test_unwritable_folder_is_refused_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal under root (CI), where permission bits cannot deny anything: the OS's
    answer to "may I write here?" is what the check consults."""
    import os

    folder = tmp_path / "v"
    make_vault(folder)[0].close()
    real_access = os.access

    def access(path: object, mode: int) -> bool:
        if Path(str(path)) in (folder, tmp_path / "new") and mode == os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(VaultError, match=f"{folder}: the vault folder is not writable"):
        auth.login(folder, ADMIN, PASSWORD)
    (tmp_path / "new").mkdir()
    with pytest.raises(VaultError, match="not writable"):
        make_vault(tmp_path / "new" / "vault")
    assert not (tmp_path / "new" / "vault").exists()


def test_add_user_change_password_and_roles(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    ctx, _ = make_vault(folder)
    users.add_user(ctx, "teacher", "viewer-pass-1", Role.VIEWER, kdf=CHEAP)
    with pytest.raises(ValidationError, match="already exists"):
        users.add_user(ctx, "teacher", "viewer-pass-1", Role.VIEWER, kdf=CHEAP)
    ctx.close()
    viewer = auth.login(folder, "teacher", "viewer-pass-1")
    with pytest.raises(PermissionDenied):
        users.list_users(viewer)
    with pytest.raises(PermissionDenied):
        users.add_user(viewer, "x2", "another-pass-1", Role.ADMIN, kdf=CHEAP)
    with pytest.raises(PermissionDenied):
        users.change_password(viewer, ADMIN, "hijacked-pass", kdf=CHEAP)
    users.change_password(viewer, "teacher", "viewer-pass-2", kdf=CHEAP)
    viewer.close()
    with pytest.raises(AuthenticationError):
        auth.login(folder, "teacher", "viewer-pass-1")
    auth.login(folder, "teacher", "viewer-pass-2").close()


def test_disable_removes_slot_and_rotation_locks_out_old_keys(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    ctx, _ = make_vault(folder)
    users.add_user(ctx, "leaver", "leaver-pass-1", Role.COUNSELLOR, kdf=CHEAP)
    old_keys = (folder / "vault.keys").read_bytes()
    old_db_key = ctx.vault.data_key
    users.disable_user(ctx, "leaver")
    assert ctx.vault.data_key != old_db_key
    ctx.close()
    with pytest.raises(AuthenticationError, match="unknown user 'leaver'"):
        auth.login(folder, "leaver", "leaver-pass-1")
    # The leaver kept a copy of the old vault.keys: it no longer opens the re-keyed database.
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    shutil.copy(folder / "vault.db", stolen / "vault.db")
    (stolen / "vault.keys").write_bytes(old_keys)
    with pytest.raises(VaultFormatError, match="damaged or was altered"):
        auth.login(stolen, "leaver", "leaver-pass-1")
    after = audit_actions(folder)
    assert after.index("user.disable") < after.index("vault.rotate_key")
    from counselroom.vault.verify import verify_vault

    ctx = auth.login(folder, ADMIN, PASSWORD)
    assert verify_vault(ctx.vault) == []
    ctx.close()


def test_last_admin_and_self_cannot_be_disabled(tmp_path: Path) -> None:
    ctx, _ = make_vault(tmp_path / "v")
    with pytest.raises(PermissionDenied, match="your own"):
        users.disable_user(ctx, ADMIN)
    ctx.close()


def test_recovery_resets_password_and_replaces_the_code(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    ctx, code = make_vault(folder)
    ctx.close()
    digits = code.replace("-", "")
    typo = digits[:13] + str((int(digits[13]) + 1) % 10) + digits[14:]
    with pytest.raises(RecoveryCodeError, match="group 3 "):
        auth.recover(folder, typo, ADMIN, "brand-new-pass", kdf=CHEAP)
    new_code = auth.recover(folder, code, ADMIN, "brand-new-pass", kdf=CHEAP)
    assert new_code != code
    with pytest.raises(AuthenticationError):
        auth.login(folder, ADMIN, PASSWORD)
    auth.login(folder, ADMIN, "brand-new-pass").close()
    with pytest.raises(AuthenticationError, match="does not open this vault"):
        auth.recover(folder, code, ADMIN, "another-new-pass", kdf=CHEAP)
    assert "user.recover" in audit_actions_with(folder, "brand-new-pass")


def audit_actions_with(folder: Path, password: str) -> list[str]:
    ctx = auth.login(folder, ADMIN, password, record=False)
    with ctx.vault.read() as session:
        actions = list(session.scalars(select(AuditEntry.action)))
    ctx.close()
    return actions


def test_recovery_code_of_another_vault_is_refused(tmp_path: Path) -> None:
    make_vault(tmp_path / "a")[0].close()
    ctx, other_code = make_vault(tmp_path / "b")
    ctx.close()
    with pytest.raises(AuthenticationError, match="does not open this vault"):
        auth.recover(tmp_path / "a", other_code, ADMIN, "brand-new-pass", kdf=CHEAP)


def test_newer_keys_format_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder)[0].close()
    data = json.loads((folder / "vault.keys").read_text())
    data["format"] = 2
    (folder / "vault.keys").write_text(json.dumps(data))
    with pytest.raises(VaultFormatError, match="newer CounselRoom"):
        auth.login(folder, ADMIN, PASSWORD)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    from sqlalchemy import text

    folder = tmp_path / "v"
    ctx, _ = make_vault(folder)
    with ctx.vault.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    ctx.close()
    with pytest.raises(VaultFormatError, match=r"schema revision '9999'.*newer"):
        auth.login(folder, ADMIN, PASSWORD)


def test_older_schema_is_backed_up_then_migrated(tmp_path: Path) -> None:
    from counselroom.storage import migrate

    folder = tmp_path / "v"
    ctx, _ = make_vault(folder)
    with ctx.vault.engine.begin() as conn:  # simulate a vault from before migration 0001
        from alembic import command

        config = migrate._config()
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    ctx.close()
    vault, _ = Vault.unlock(folder, ADMIN, PASSWORD)
    with vault.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    vault.close()
    backups = list((folder / "backups").iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("before-migration-None")
    assert (backups[0] / "vault.db").stat().st_size > 0


@pytest.mark.parametrize("crash_after_keys", [False, True])
def test_interrupted_rotation_is_finished_or_discarded(
    tmp_path: Path, crash_after_keys: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import counselroom.vault.rotation as rotation

    folder = tmp_path / "v"
    ctx, _ = make_vault(folder)
    users.add_user(ctx, "other", "other-pass-12", Role.COUNSELLOR, kdf=CHEAP)

    class Crash(Exception):
        pass

    real_replace = os.replace
    real_save = Vault._save_keys

    def failing_replace(src: object, dst: object) -> None:
        if str(src).endswith("vault.db.rotate"):
            raise Crash
        real_replace(src, dst)  # type: ignore[arg-type]

    def failing_save(self: Vault) -> None:
        raise Crash

    if crash_after_keys:
        monkeypatch.setattr(rotation.os, "replace", failing_replace)
    else:
        monkeypatch.setattr(Vault, "_save_keys", failing_save)
    with pytest.raises(Crash):
        rotation.rotate_data_key(ctx.vault)
    monkeypatch.setattr(rotation.os, "replace", real_replace)
    monkeypatch.setattr(Vault, "_save_keys", real_save)
    ctx.vault._lock.release()  # the "crashed" process is gone
    assert (folder / "vault.db.rotate").exists()

    from counselroom.vault.verify import verify_vault

    ctx = auth.login(folder, "other", "other-pass-12")
    assert not (folder / "vault.db.rotate").exists()
    assert verify_vault(ctx.vault) == []
    ctx.close()
