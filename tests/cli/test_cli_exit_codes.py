"""Exit codes (0 done, 1 refused, 2 usage, 3 wrong password/unknown user, 4 in use), password
sources and the `--json` error object, on one shared read-only vault."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import COUNSELLOR, COUNSELLOR_PASSWORD, Runner, SchoolVault
from counselroom.services import auth
from counselroom.vault.lockfile import VaultLock
from vault_fixtures import ADMIN, PASSWORD


def test_password_from_env(module_cli: Runner, school: SchoolVault) -> None:
    r = module_cli(
        "student",
        "list",
        "--vault",
        school.folder,
        "--user",
        COUNSELLOR,
        "--json",
        input="",
        env={"COUNSELROOM_PASSWORD": COUNSELLOR_PASSWORD},
    )
    assert r.returncode == 0, r
    assert len(r.json()["students"]) == 3


def test_no_password_at_all_is_refused(module_cli: Runner, school: SchoolVault) -> None:
    r = module_cli("student", "list", "--vault", school.folder, "--user", ADMIN, input="")
    assert r.returncode == 1, r
    assert "standard input is empty" in r.stderr
    assert r.stdout == ""


def test_wrong_password_exits_3_and_says_so(module_cli: Runner, school: SchoolVault) -> None:
    r = module_cli(
        "student",
        "list",
        "--vault",
        school.folder,
        "--user",
        ADMIN,
        "--json",
        input="wrong-password-1\n",
    )
    assert r.returncode == 3, r
    err = r.json()
    assert err["exit_code"] == 3
    assert "wrong password" in err["error"] and ADMIN in err["error"]
    assert "wrong password" in r.stderr
    assert "students" not in err


def test_unknown_user_exits_3_and_says_so(module_cli: Runner, school: SchoolVault) -> None:
    r = module_cli(
        "user", "list", "--vault", school.folder, "--user", "nobody", input=f"{PASSWORD}\n"
    )
    assert r.returncode == 3, r
    assert "unknown user" in r.stderr and "nobody" in r.stderr
    assert r.stdout == ""


def test_missing_vault_folder_exits_1_naming_it(module_cli: Runner, school: SchoolVault) -> None:
    missing = school.folder.parent / "no-such-vault"
    r = module_cli("verify", "--vault", missing, "--user", ADMIN, "--json", input=f"{PASSWORD}\n")
    assert r.returncode == 1, r
    assert str(missing) in r.json()["error"] or any(
        str(missing) in f for f in r.json().get("findings", [])
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate", "--vault", "V"],  # unknown subcommand
        ["verify", "--vault", "V"],  # missing --user
    ],
    ids=["unknown-command", "verify-no-user"],
)
def test_usage_errors_exit_2(module_cli: Runner, school: SchoolVault, argv: list[str]) -> None:
    argv = [str(school.folder) if a == "V" else a for a in argv]
    r = module_cli(*argv, input=f"{PASSWORD}\n")
    assert r.returncode == 2, r
    assert "usage" in r.stderr.lower()
    assert r.stdout == ""


def test_usage_error_with_json_prints_the_error_object(
    module_cli: Runner, school: SchoolVault
) -> None:
    """DESIGN.md: `--json` prints one JSON object on stdout — error cases included, so a script
    that parses stdout sees {"error", "exit_code"} for usage errors too."""
    r = module_cli("verify", "--vault", school.folder, "--json", input=f"{PASSWORD}\n")
    assert r.returncode == 2, r
    err = r.json()
    assert err["exit_code"] == 2 and "--user" in err["error"]


@pytest.fixture
def held_lock(school: SchoolVault) -> Iterator[None]:
    lock = VaultLock(school.folder)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


@pytest.mark.parametrize(
    "argv",
    [["student", "list"], ["verify"]],
    ids=["student-list", "verify"],
)
def test_vault_in_use_exits_4(
    module_cli: Runner, school: SchoolVault, held_lock: None, argv: list[str]
) -> None:
    r = module_cli(
        *argv, "--vault", school.folder, "--user", ADMIN, "--json", input=f"{PASSWORD}\n"
    )
    assert r.returncode == 4, r
    err = r.json()
    assert err["exit_code"] == 4
    assert "in use" in err["error"] and str(school.folder) in err["error"]
    assert "in use" in r.stderr


def test_vault_held_by_an_open_context_exits_4(module_cli: Runner, school: SchoolVault) -> None:
    ctx = auth.login(school.folder, ADMIN, PASSWORD, record=False)
    try:
        r = module_cli(
            "student", "show", "1", "--vault", school.folder, "--user", ADMIN, input=f"{PASSWORD}\n"
        )
    finally:
        ctx.close()
    assert r.returncode == 4, r
    assert "in use" in r.stderr
    # released again: the same command now works
    r = module_cli(
        "student",
        "show",
        "1",
        "--vault",
        school.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    assert r.returncode == 0, r
