"""`counselroom init`: password sources, the recovery code shown once, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import RECOVERY_CODE_RE, Runner, can_login
from counselroom.vault.vault import Vault
from vault_fixtures import ADMIN, PASSWORD, make_vault

INIT = ("init", "--school", "测试中学", "--admin", ADMIN)


def vault_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_init_reads_the_password_from_the_first_stdin_line_and_prints_the_code_once(
    cli: Runner, tmp_path: Path
) -> None:
    folder = tmp_path / "vault"
    # only the first line is the password: a second line must not be taken for it
    r = cli(*INIT, "--vault", folder, input=f"{PASSWORD}\nsomething-else-entirely\n")
    assert r.returncode == 0, r
    codes = RECOVERY_CODE_RE.findall(r.stdout)
    assert len(codes) == 1, r  # printed exactly once
    assert str(folder) in r.stdout
    assert codes[0] not in r.stderr
    assert can_login(folder, ADMIN, PASSWORD)
    assert not can_login(folder, ADMIN, "something-else-entirely")
    # the printed code is the vault's real recovery code
    Vault.unlock_with_recovery(folder, codes[0]).close()


@pytest.mark.parametrize("variable", ["COUNSELROOM_NEW_PASSWORD", "COUNSELROOM_PASSWORD"])
def test_init_json_with_password_from_env(cli: Runner, tmp_path: Path, variable: str) -> None:
    """init needs one secret, the new administrator's password. DESIGN.md names
    `COUNSELROOM_PASSWORD` as the automation source; `COUNSELROOM_NEW_PASSWORD` is what the
    two-secret commands use for the new one. A script exporting either must work."""
    folder = tmp_path / "vault"
    env_password = "from-the-environment-9"
    r = cli(*INIT, "--vault", folder, "--json", input="", env={variable: env_password})
    assert r.returncode == 0, r
    data = r.json()
    assert {"vault", "vault_id", "recovery_code"} <= data.keys()
    assert Path(data["vault"]).resolve() == folder.resolve()
    assert RECOVERY_CODE_RE.fullmatch(data["recovery_code"]), data
    vault = Vault.unlock_with_recovery(folder, data["recovery_code"])
    try:
        assert vault.vault_id == data["vault_id"]
    finally:
        vault.close()
    assert can_login(folder, ADMIN, env_password)


def test_init_refuses_a_folder_that_already_holds_a_vault(cli: Runner, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    ctx, _code = make_vault(folder)
    vault_id = ctx.vault.vault_id
    ctx.close()
    before = {name: (folder / name).read_bytes() for name in ("vault.keys",)}

    r = cli(*INIT, "--vault", folder, "--json", input="another-password-1\n")
    assert r.returncode == 1, r
    err = r.json()
    assert err["exit_code"] == 1
    assert str(folder) in err["error"] and "already" in err["error"]
    assert str(folder) in r.stderr
    # the existing vault is untouched and still opens with its own password
    assert (folder / "vault.keys").read_bytes() == before["vault.keys"]
    assert can_login(folder, ADMIN, PASSWORD)
    vault, _ = Vault.unlock(folder, ADMIN, PASSWORD)
    try:
        assert vault.vault_id == vault_id
    finally:
        vault.close()


@pytest.mark.parametrize("precreate", [False, True], ids=["new-folder", "empty-folder"])
def test_init_refuses_a_short_password_and_leaves_nothing_behind(
    cli: Runner, tmp_path: Path, precreate: bool
) -> None:
    folder = tmp_path / "vault"
    if precreate:
        folder.mkdir()
    r = cli(*INIT, "--vault", folder, input="short\n")
    assert r.returncode == 1, r
    assert "at least 10 characters" in r.stderr  # the rule is named
    assert r.stdout == ""
    assert RECOVERY_CODE_RE.search(r.stdout + r.stderr) is None
    if precreate:
        assert vault_files(folder) == []
    else:
        assert not folder.exists()


def test_init_without_vault_uses_the_data_folder(cli: Runner, tmp_path: Path) -> None:
    r = cli(*INIT, "--json", input=f"{PASSWORD}\n")
    assert r.returncode == 0, r
    default = tmp_path / "data" / "vault"  # COUNSELROOM_DATA_DIR/vault
    assert Path(r.json()["vault"]).resolve() == default.resolve()
    assert can_login(default, ADMIN, PASSWORD)


def test_vault_before_the_subcommand_is_not_silently_replaced(cli: Runner, tmp_path: Path) -> None:
    """`counselroom --vault X init …` must create X or refuse (exit 2), never write elsewhere.

    The top-level `--vault` (meant for the window) shares its dest with the subcommand's
    `--vault`, whose default None overwrites it, so the command falls back to the default
    data folder.
    """
    folder = tmp_path / "asked-for"
    r = cli("--vault", folder, *INIT, "--json", input=f"{PASSWORD}\n")
    default = tmp_path / "data" / "vault"
    assert not default.exists(), f"vault written to {default} instead of {folder}\n{r}"
    assert r.returncode == 2 or (r.returncode == 0 and can_login(folder, ADMIN, PASSWORD)), r
