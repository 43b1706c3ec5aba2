"""`recover`: recovery code then new password; the used code is replaced at once."""

from __future__ import annotations

from pathlib import Path

from conftest import COUNSELLOR, RECOVERY_CODE_RE, Result, Runner, SchoolVault, can_login
from counselroom.services import auth, users
from counselroom.vault.recovery import damm_digit
from counselroom.vault.vault import Vault
from vault_fixtures import ADMIN, PASSWORD, make_vault

NEW = "recovered-password-5"


def recover(
    cli: Runner,
    folder: Path,
    code: str,
    password: str = NEW,
    *,
    json: bool = True,
    user: str = ADMIN,
) -> Result:
    args = ["recover", "--vault", folder, "--user", user] + (["--json"] if json else [])
    return cli(*args, input=f"{code}\n{password}\n")


def typo_in_group(code: str, group: int) -> str:
    """Change one digit of group `group` (1-based); the Damm check digit must catch it."""
    groups = code.split("-")
    g = groups[group - 1]
    changed = g[:2] + str((int(g[2]) + 1) % 10) + g[3:]
    assert damm_digit(changed) != 0
    groups[group - 1] = changed
    return "-".join(groups)


def test_recover_resets_the_password_and_replaces_the_code(cli: Runner, fresh: SchoolVault) -> None:
    r = recover(cli, fresh.folder, fresh.recovery_code, json=False)
    assert r.returncode == 0, r
    printed = RECOVERY_CODE_RE.findall(r.stdout)
    assert len(printed) == 1, r
    new_code = printed[0]
    assert new_code != fresh.recovery_code
    assert can_login(fresh.folder, ADMIN, NEW)
    assert not can_login(fresh.folder, ADMIN, PASSWORD)

    # the used code no longer works; the new one does
    r = recover(cli, fresh.folder, fresh.recovery_code, "yet-another-pass-1")
    assert r.returncode != 0, r
    assert r.json()["exit_code"] in (1, 3)
    assert can_login(fresh.folder, ADMIN, NEW)
    Vault.unlock_with_recovery(fresh.folder, new_code).close()


def test_recover_from_env_with_json(cli: Runner, fresh: SchoolVault) -> None:
    r = cli(
        "recover",
        "--vault",
        fresh.folder,
        "--user",
        ADMIN,
        "--json",
        input="",
        env={"COUNSELROOM_RECOVERY_CODE": fresh.recovery_code, "COUNSELROOM_NEW_PASSWORD": NEW},
    )
    assert r.returncode == 0, r
    data = r.json()
    assert data["user"] == ADMIN
    assert RECOVERY_CODE_RE.fullmatch(data["recovery_code"])
    assert data["recovery_code"] != fresh.recovery_code
    assert can_login(fresh.folder, ADMIN, NEW)


def test_a_typo_names_the_group_and_changes_nothing(cli: Runner, fresh: SchoolVault) -> None:
    keys_before = (fresh.folder / "vault.keys").read_bytes()
    r = recover(cli, fresh.folder, typo_in_group(fresh.recovery_code, 3))
    assert r.returncode == 1, r
    err = r.json()
    assert err["exit_code"] == 1 and "group 3" in err["error"]
    assert "group 3" in r.stderr
    assert (fresh.folder / "vault.keys").read_bytes() == keys_before
    assert can_login(fresh.folder, ADMIN, PASSWORD)


def test_a_code_from_another_vault_is_refused(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    ctx, other_code = make_vault(tmp_path / "other-vault")
    ctx.close()
    r = recover(cli, fresh.folder, other_code)
    assert r.returncode in (1, 3), r
    assert "vault" in r.json()["error"]
    assert can_login(fresh.folder, ADMIN, PASSWORD)
    assert not can_login(fresh.folder, ADMIN, NEW)
    Vault.unlock_with_recovery(fresh.folder, fresh.recovery_code).close()  # still valid


def test_recover_for_an_unknown_user_keeps_the_code(cli: Runner, fresh: SchoolVault) -> None:
    r = recover(cli, fresh.folder, fresh.recovery_code, user="nobody")
    assert r.returncode == 3, r
    assert "nobody" in r.json()["error"]
    Vault.unlock_with_recovery(fresh.folder, fresh.recovery_code).close()


def test_recover_refuses_a_short_new_password(cli: Runner, fresh: SchoolVault) -> None:
    r = recover(cli, fresh.folder, fresh.recovery_code, "short")
    assert r.returncode == 1, r
    assert "at least 10 characters" in r.json()["error"]
    assert can_login(fresh.folder, ADMIN, PASSWORD)
    Vault.unlock_with_recovery(fresh.folder, fresh.recovery_code).close()


def test_recover_refuses_a_disabled_account(cli: Runner, fresh: SchoolVault) -> None:
    """Disabling deletes the account's key slot; recovery must not hand it a new one.

    Otherwise the command reports "password reset" for an account that still cannot sign in,
    and the new password unwraps the data key again (the slot is back in vault.keys).
    """
    ctx = auth.login(fresh.folder, ADMIN, PASSWORD)
    try:
        users.disable_user(ctx, COUNSELLOR)
    finally:
        ctx.close()
    r = recover(cli, fresh.folder, fresh.recovery_code, user=COUNSELLOR)
    assert COUNSELLOR not in auth.usernames(fresh.folder), f"key slot re-created\n{r}"
    assert r.returncode in (1, 3), r
    assert "disabled" in r.json()["error"]
