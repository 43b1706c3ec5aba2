"""Tampering with any file of the vault is detected and named; slots are bound to their user."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select

from counselroom.services import auth, users
from counselroom.services.roles import Role
from counselroom.storage.models import AuditEntry, Staff
from counselroom.vault.errors import AuthenticationError, VaultFormatError
from counselroom.vault.verify import verify_vault
from vault_fixtures import ADMIN, CHEAP, PASSWORD, make_vault


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A vault with enough pages that page 20 holds table data, closed and checkpointed."""
    folder = tmp_path / "v"
    ctx, _ = make_vault(folder)
    with ctx.vault.write() as session:
        session.execute(
            insert(Staff), [{"name": f"teacher {i:05d}", "role": "other"} for i in range(4000)]
        )
        for i in range(5):
            ctx.vault.audit(session, "test.write", user_id=1, username=ADMIN, target=f"t:{i}")
    ctx.close()
    return folder


def verify_findings(folder: Path) -> list[str]:
    try:
        ctx = auth.login(folder, ADMIN, PASSWORD, record=False)
    except VaultFormatError as exc:
        return [str(exc)]
    try:
        return verify_vault(ctx.vault)
    finally:
        ctx.close()


def test_clean_vault_verifies(filled: Path) -> None:
    assert verify_findings(filled) == []


@pytest.mark.parametrize("page", [3, 20])
def test_one_flipped_byte_names_the_page(filled: Path, page: int) -> None:
    db = filled / "vault.db"
    data = bytearray(db.read_bytes())
    assert len(data) > 4096 * page
    data[4096 * (page - 1) + 777] ^= 0x01
    db.write_bytes(bytes(data))
    findings = verify_findings(filled)
    assert any(f"page {page}" in f for f in findings), findings


def test_flipped_byte_in_page_one_is_reported_not_crashing(filled: Path) -> None:
    db = filled / "vault.db"
    data = bytearray(db.read_bytes())
    data[200] ^= 0x80
    db.write_bytes(bytes(data))
    findings = verify_findings(filled)
    assert findings and "vault.db" in findings[0]


def test_deleting_newest_audit_rows_is_detected(filled: Path) -> None:
    ctx = auth.login(filled, ADMIN, PASSWORD, record=False)
    with ctx.vault.engine.begin() as conn:  # a raw edit, as an attacker with the key would do
        top = conn.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
        conn.execute(delete(AuditEntry).where(AuditEntry.seq >= top - 1))
    findings = verify_vault(ctx.vault)
    ctx.close()
    assert any("newest entries were deleted" in f for f in findings), findings


def test_editing_an_audit_row_is_detected(filled: Path) -> None:
    ctx = auth.login(filled, ADMIN, PASSWORD, record=False)
    with ctx.vault.engine.begin() as conn:
        conn.execute(
            AuditEntry.__table__.update().where(AuditEntry.seq == 2).values(target="user:99")
        )
    findings = verify_vault(ctx.vault)
    ctx.close()
    assert findings == ["audit log: entry 2 was altered (its MAC does not match)"]


def test_older_copy_of_the_database_is_detected(filled: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(filled / "vault.db", old)
    ctx = auth.login(filled, ADMIN, PASSWORD)  # writes a login entry: the head moves on
    ctx.close()
    shutil.copy(old, filled / "vault.db")
    findings = verify_findings(filled)
    assert any("older copy of vault.db" in f for f in findings), findings


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda raw: raw[: len(raw) // 2], r"vault\.keys: damaged or truncated \(line"),
        (lambda raw: b"", r"vault\.keys: the file is empty"),
        (lambda raw: raw.replace(b'"kind": "recovery"', b'"kind": "master"'), "unknown slot kind"),
        (lambda raw: raw.replace(b'"format": 1', b'"format": "one"'), "missing format version"),
    ],
)
def test_damaged_keys_file_names_the_file(
    filled: Path, mutate: Callable[[bytes], bytes], message: str
) -> None:
    keys = filled / "vault.keys"
    damaged = mutate(keys.read_bytes())
    assert damaged != keys.read_bytes()
    keys.write_bytes(damaged)
    with pytest.raises(VaultFormatError, match=message):
        auth.login(filled, ADMIN, PASSWORD)


def test_renamed_slot_fails_the_keys_file_mac(filled: Path) -> None:
    keys = filled / "vault.keys"
    data = json.loads(keys.read_text())
    data["slots"][0]["username"] = "intruder"
    keys.write_text(json.dumps(data))
    with pytest.raises(VaultFormatError, match=r"vault\.keys: integrity check failed"):
        auth.login(filled, "intruder", PASSWORD)


def test_audit_head_edited_in_keys_file_fails_its_mac(filled: Path) -> None:
    keys = filled / "vault.keys"
    data = json.loads(keys.read_text())
    data["audit_head"]["seq"] -= 1
    keys.write_text(json.dumps(data))
    with pytest.raises(VaultFormatError, match="integrity check failed"):
        auth.login(filled, ADMIN, PASSWORD)


def test_slot_moved_to_another_user_refuses_to_unwrap(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    ctx, _ = make_vault(folder)
    users.add_user(ctx, "viewer", "viewer-pass-1", Role.VIEWER, kdf=CHEAP)
    ctx.close()
    keys = folder / "vault.keys"
    data = json.loads(keys.read_text())
    slot = next(s for s in data["slots"] if s["username"] == "viewer")
    slot["user_id"] = 1  # claim to be the administrator with the viewer's password
    keys.write_text(json.dumps(data))
    with pytest.raises(AuthenticationError):
        auth.login(folder, "viewer", "viewer-pass-1")


def test_slot_copied_to_another_vault_does_not_open_it(tmp_path: Path) -> None:
    make_vault(tmp_path / "a")[0].close()
    make_vault(tmp_path / "b")[0].close()
    a = json.loads((tmp_path / "a" / "vault.keys").read_text())
    b = json.loads((tmp_path / "b" / "vault.keys").read_text())
    b["slots"][0] = a["slots"][0]  # same user, same password, other vault id
    (tmp_path / "b" / "vault.keys").write_text(json.dumps(b))
    with pytest.raises(AuthenticationError):
        auth.login(tmp_path / "b", ADMIN, PASSWORD)
