"""`verify`: exit 0 on a whole vault; exit 1 with findings that name the file and the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import (
    COUNSELLOR,
    COUNSELLOR_PASSWORD,
    VIEWER,
    VIEWER_PASSWORD,
    Result,
    Runner,
    SchoolVault,
)
from vault_fixtures import ADMIN, PASSWORD

PAGE = 4096


def verify(
    cli: Runner, folder: Path, user: str = ADMIN, password: str = PASSWORD, *, json: bool = True
) -> Result:
    args = ["verify", "--vault", folder, "--user", user] + (["--json"] if json else [])
    return cli(*args, input=f"{password}\n")


@pytest.fixture
def damaged(school: SchoolVault, tmp_path: Path) -> Path:
    """A private copy of the populated vault, to be damaged by the test."""
    assert not list(school.folder.glob("vault.db-*")), "a context is still open"
    target = tmp_path / "copy"
    shutil.copytree(school.folder, target)
    return target


def test_fresh_vault_is_whole(module_cli: Runner, school: SchoolVault) -> None:
    r = verify(module_cli, school.folder, COUNSELLOR, COUNSELLOR_PASSWORD)
    assert r.returncode == 0, r
    assert r.json()["ok"] is True and r.json()["findings"] == []


def test_viewer_may_not_verify(module_cli: Runner, school: SchoolVault) -> None:
    r = verify(module_cli, school.folder, VIEWER, VIEWER_PASSWORD)
    assert r.returncode == 1, r
    assert r.json()["exit_code"] == 1 and "may not" in r.json()["error"]


def test_one_flipped_byte_is_found_and_the_page_named(cli: Runner, damaged: Path) -> None:
    db = damaged / "vault.db"
    offset = PAGE * 2 + 100  # inside page 3 (SQLite pages are numbered from 1)
    assert db.stat().st_size > PAGE * 4
    data = bytearray(db.read_bytes())
    data[offset] ^= 0x01
    db.write_bytes(bytes(data))

    r = verify(cli, damaged)
    assert r.returncode == 1, r
    result = r.json()
    assert result["ok"] is False
    assert any("page 3" in f and "vault.db" in f for f in result["findings"]), result


def test_deleted_database_json(cli: Runner, damaged: Path) -> None:
    (damaged / "vault.db").unlink()
    r = verify(cli, damaged)
    assert r.returncode == 1, r
    data = r.json()
    text = " ".join(data.get("findings") or [data.get("error", "")])
    assert data.get("ok") is False or data.get("exit_code") == 1
    assert "vault.db" in text and "missing" in text


def test_truncated_key_file_is_named(cli: Runner, damaged: Path) -> None:
    keys = damaged / "vault.keys"
    raw = keys.read_bytes()
    keys.write_bytes(raw[: len(raw) // 2])
    r = verify(cli, damaged)
    assert r.returncode == 1, r
    data = r.json()
    text = " ".join(data.get("findings") or [data.get("error", "")])
    assert "vault.keys" in text, data
    assert data.get("ok") is False or data.get("exit_code") == 1
