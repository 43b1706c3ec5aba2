"""`user add|list|passwd|disable`: two-secret input order, roles, key rotation on disable."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import (
    COUNSELLOR,
    COUNSELLOR_PASSWORD,
    VIEWER,
    VIEWER_PASSWORD,
    Runner,
    SchoolVault,
    can_login,
)
from vault_fixtures import ADMIN, PASSWORD

NEW_USER, NEW_PASSWORD = "newbie", "newbie-pass-42"


def test_user_add_reads_admin_then_new_password_from_stdin(cli: Runner, fresh: SchoolVault) -> None:
    r = cli(
        "user",
        "add",
        NEW_USER,
        "--role",
        "counsellor",
        "--vault",
        fresh.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert r.returncode == 0, r
    data = r.json()
    assert data["user"] == NEW_USER and data["role"] == "counsellor"
    assert isinstance(data["id"], int)
    assert can_login(fresh.folder, NEW_USER, NEW_PASSWORD)
    assert not can_login(fresh.folder, NEW_USER, PASSWORD)  # not the admin's password
    assert can_login(fresh.folder, ADMIN, PASSWORD)


def test_user_add_from_env(cli: Runner, fresh: SchoolVault) -> None:
    r = cli(
        "user",
        "add",
        NEW_USER,
        "--role",
        "viewer",
        "--vault",
        fresh.folder,
        "--user",
        ADMIN,
        input="",
        env={"COUNSELROOM_PASSWORD": PASSWORD, "COUNSELROOM_NEW_PASSWORD": NEW_PASSWORD},
    )
    assert r.returncode == 0, r
    assert NEW_USER in r.stdout
    assert can_login(fresh.folder, NEW_USER, NEW_PASSWORD)


def test_user_add_short_password_refused_and_nothing_added(cli: Runner, fresh: SchoolVault) -> None:
    r = cli(
        "user",
        "add",
        NEW_USER,
        "--role",
        "viewer",
        "--vault",
        fresh.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\nshort\n",
    )
    assert r.returncode == 1, r
    assert "at least 10 characters" in r.json()["error"]
    assert not can_login(fresh.folder, NEW_USER, "short")
    from counselroom.services.auth import usernames

    assert NEW_USER not in usernames(fresh.folder)


def test_user_add_by_a_counsellor_is_refused(cli: Runner, fresh: SchoolVault) -> None:
    r = cli(
        "user",
        "add",
        NEW_USER,
        "--role",
        "admin",
        "--vault",
        fresh.folder,
        "--user",
        COUNSELLOR,
        "--json",
        input=f"{COUNSELLOR_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert r.returncode == 1, r
    assert "may not" in r.json()["error"]
    assert not can_login(fresh.folder, NEW_USER, NEW_PASSWORD)


def test_user_list_json(module_cli: Runner, school: SchoolVault) -> None:
    r = module_cli(
        "user", "list", "--vault", school.folder, "--user", ADMIN, "--json", input=f"{PASSWORD}\n"
    )
    assert r.returncode == 0, r
    listed = {u["username"]: u for u in r.json()["users"]}
    assert set(listed) == {ADMIN, COUNSELLOR, VIEWER}
    assert {u["role"] for u in listed.values()} == {"admin", "counsellor", "viewer"}
    assert listed[COUNSELLOR]["role"] == "counsellor"
    assert all(u["disabled_at"] is None for u in listed.values())
    assert PASSWORD not in r.stdout and COUNSELLOR_PASSWORD not in r.stdout


def test_passwd_own_password(cli: Runner, fresh: SchoolVault) -> None:
    new = "brand-new-password-7"
    r = cli(
        "user",
        "passwd",
        "--vault",
        fresh.folder,
        "--user",
        COUNSELLOR,
        "--json",
        input=f"{COUNSELLOR_PASSWORD}\n{new}\n",
    )
    assert r.returncode == 0, r
    assert r.json().items() >= {"user": COUNSELLOR, "password_changed": True}.items()
    assert can_login(fresh.folder, COUNSELLOR, new)
    assert not can_login(fresh.folder, COUNSELLOR, COUNSELLOR_PASSWORD)
    assert can_login(fresh.folder, ADMIN, PASSWORD)  # no other slot changed


def test_admin_resets_another_users_password_from_env(cli: Runner, fresh: SchoolVault) -> None:
    new = "reset-by-admin-77"
    r = cli(
        "user",
        "passwd",
        VIEWER,
        "--vault",
        fresh.folder,
        "--user",
        ADMIN,
        input="",
        env={"COUNSELROOM_PASSWORD": PASSWORD, "COUNSELROOM_NEW_PASSWORD": new},
    )
    assert r.returncode == 0, r
    assert can_login(fresh.folder, VIEWER, new)
    assert not can_login(fresh.folder, VIEWER, VIEWER_PASSWORD)
    assert can_login(fresh.folder, ADMIN, PASSWORD)


def test_counsellor_cannot_reset_someone_elses_password(cli: Runner, fresh: SchoolVault) -> None:
    r = cli(
        "user",
        "passwd",
        ADMIN,
        "--vault",
        fresh.folder,
        "--user",
        COUNSELLOR,
        "--json",
        input=f"{COUNSELLOR_PASSWORD}\ntaken-over-admin-1\n",
    )
    assert r.returncode == 1, r
    assert r.json()["exit_code"] == 1
    assert can_login(fresh.folder, ADMIN, PASSWORD)
    assert not can_login(fresh.folder, ADMIN, "taken-over-admin-1")


def test_disable_rotates_the_data_key(cli: Runner, fresh: SchoolVault, tmp_path: Path) -> None:
    folder = fresh.folder
    assert not list(folder.glob("vault.db-*"))  # no open WAL: the copies are whole files
    old = tmp_path / "before-disable"
    old.mkdir()
    shutil.copy2(folder / "vault.keys", old / "vault.keys")
    shutil.copy2(folder / "vault.db", old / "vault.db")

    r = cli(
        "user",
        "disable",
        COUNSELLOR,
        "--vault",
        folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    assert r.returncode == 0, r
    data = r.json()
    assert data["user"] == COUNSELLOR and data["disabled"] is True
    assert data["key_rotated"] is True

    # the disabled user is turned away with exit 3; the others still get in
    r = cli(
        "student",
        "list",
        "--vault",
        folder,
        "--user",
        COUNSELLOR,
        "--json",
        input=f"{COUNSELLOR_PASSWORD}\n",
    )
    assert r.returncode == 3, r
    assert COUNSELLOR in r.json()["error"]
    assert can_login(folder, ADMIN, PASSWORD) and can_login(folder, VIEWER, VIEWER_PASSWORD)

    # control: the old keys file with the removed password opens the OLD database …
    assert can_login(old, COUNSELLOR, COUNSELLOR_PASSWORD)
    # … but not the new one: the data key was rotated
    mixed = tmp_path / "old-keys-new-db"
    mixed.mkdir()
    shutil.copy2(old / "vault.keys", mixed / "vault.keys")
    shutil.copy2(folder / "vault.db", mixed / "vault.db")
    r = cli(
        "student",
        "list",
        "--vault",
        mixed,
        "--user",
        COUNSELLOR,
        "--json",
        input=f"{COUNSELLOR_PASSWORD}\n",
    )
    assert r.returncode in (1, 3), r
    err = r.json()
    assert "students" not in err
    assert "vault.db" in err["error"] and "key" in err["error"]


def test_cannot_disable_yourself_who_is_also_the_last_admin(
    cli: Runner, fresh: SchoolVault
) -> None:
    """Only an active administrator may disable accounts and never his own, so through the CLI
    "the last administrator" is always "yourself"; either refusal must leave the vault usable."""
    r = cli(
        "user",
        "disable",
        ADMIN,
        "--vault",
        fresh.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    assert r.returncode == 1, r
    err = r.json()["error"]
    assert "own account" in err or "last administrator" in err
    assert can_login(fresh.folder, ADMIN, PASSWORD)
    from counselroom.services.auth import usernames

    assert ADMIN in usernames(fresh.folder)
