"""`backup --out FILE|FOLDER [--keep N]` and `restore FILE [--vault DIR] [--user U]`, run as
the program is run: exit codes 0, 1 (refused), 2 (usage), 3 (wrong password), 4 (in use)."""

from __future__ import annotations

from pathlib import Path

from conftest import (
    COUNSELLOR,
    COUNSELLOR_PASSWORD,
    VIEWER,
    VIEWER_PASSWORD,
    Result,
    Runner,
    SchoolVault,
)
from counselroom.services import auth
from vault_fixtures import ADMIN, PASSWORD


def backup(
    cli: Runner,
    school: SchoolVault,
    out: Path,
    *extra: str,
    user: str = ADMIN,
    password: str = PASSWORD,
) -> Result:
    return cli(
        "backup", "--vault", school.folder, "--user", user, "--out", out, *extra,
        input=f"{password}\n",
    )  # fmt: skip


def test_backup_to_a_file_then_restore_with_a_named_user(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    target = tmp_path / "school.crbackup"
    made = backup(cli, fresh, target, "--json")
    assert made.returncode == 0, made
    data = made.json()
    assert data["file"] == str(target) and data["size"] == target.stat().st_size
    assert data["vault_id"] == fresh.vault_id and data["deleted"] == []

    restored = cli(
        "restore", target, "--vault", fresh.folder, "--user", ADMIN, "--json",
        env={"COUNSELROOM_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert restored.returncode == 0, restored
    info = restored.json()
    assert info["user"] == ADMIN and info["vault"] == str(fresh.folder)
    assert info["replaced"] and Path(info["replaced"]).is_dir()
    assert Path(info["replaced"], "vault.keys").is_file()
    verify = cli("verify", "--vault", fresh.folder, "--user", ADMIN, input=f"{PASSWORD}\n")
    assert verify.returncode == 0, verify


def test_restore_without_user_tries_each_account(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    target = tmp_path / "school.crbackup"
    assert backup(cli, fresh, target).returncode == 0
    restored = cli("restore", target, "--vault", fresh.folder, input=f"{COUNSELLOR_PASSWORD}\n")
    assert restored.returncode == 0, restored
    assert f"opened as {COUNSELLOR}" in restored.stdout
    assert "The vault that was there is kept in" in restored.stdout


def test_backup_to_a_folder_keeps_the_newest(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "readme.txt").write_text("the school's USB drive")
    names = []
    for _ in range(3):
        result = backup(cli, fresh, usb, "--keep", "2", "--json")
        assert result.returncode == 0, result
        names.append(Path(result.json()["file"]).name)
    assert result.json()["deleted"] == [names[0]]
    assert sorted(p.name for p in usb.iterdir()) == sorted([names[1], names[2], "readme.txt"])
    for name in names:
        assert name.startswith(f"counselroom-{fresh.vault_id[:8]}-") and name.endswith(".crbackup")


def test_keep_with_a_file_is_a_usage_error(cli: Runner, fresh: SchoolVault, tmp_path: Path) -> None:
    result = backup(cli, fresh, tmp_path / "one.crbackup", "--keep", "2", "--json")
    assert result.returncode == 2, result
    assert "--keep" in result.json()["error"]
    assert not (tmp_path / "one.crbackup").exists()


def test_a_viewer_is_refused(cli: Runner, fresh: SchoolVault, tmp_path: Path) -> None:
    result = backup(cli, fresh, tmp_path / "v.crbackup", user=VIEWER, password=VIEWER_PASSWORD)
    assert result.returncode == 1, result
    assert "may not export" in result.stderr
    assert not (tmp_path / "v.crbackup").exists()


def test_wrong_password_exits_3_and_replaces_nothing(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    target = tmp_path / "school.crbackup"
    assert backup(cli, fresh, target).returncode == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    result = cli("restore", target, "--vault", fresh.folder, "--json", input="wrong-password\n")
    assert result.returncode == 3, result
    assert result.json()["exit_code"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_restore_of_a_vault_in_use_exits_4(cli: Runner, fresh: SchoolVault, tmp_path: Path) -> None:
    target = tmp_path / "school.crbackup"
    assert backup(cli, fresh, target).returncode == 0
    ctx = auth.login(fresh.folder, ADMIN, PASSWORD, record=False)
    try:
        result = cli("restore", target, "--vault", fresh.folder, input=f"{PASSWORD}\n")
    finally:
        ctx.close()
    assert result.returncode == 4, result
    assert "in use" in result.stderr
    assert not any(".replaced-" in p.name for p in tmp_path.iterdir())


def test_a_damaged_backup_exits_1_naming_the_file(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    target = tmp_path / "school.crbackup"
    assert backup(cli, fresh, target).returncode == 0
    target.write_bytes(target.read_bytes()[:5000])
    result = cli("restore", target, "--vault", fresh.folder, input=f"{PASSWORD}\n")
    assert result.returncode == 1, result
    assert str(target) in result.stderr and "truncated" in result.stderr
