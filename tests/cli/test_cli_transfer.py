"""`card`, `export` and `import` as subprocesses: two schools exchange a student's file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from conftest import Result, Runner
from counselroom.services import auth
from counselroom.services.demo import create_demo_vault
from counselroom.services.roles import Role
from counselroom.services.users import add_user
from counselroom.storage.models import Student, TransferRecord
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from vault_fixtures import PASSWORD, make_vault

VIEWER = "bzr"


@dataclass(frozen=True)
class Schools:
    sender: Path
    receiver: Path
    student_nos: tuple[str, ...]  # three students of the sender with a 学籍号
    grade: int  # a grade of the sender with students


@pytest.fixture(scope="module")
def schools(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Schools]:
    root = tmp_path_factory.mktemp("cli-transfer")
    ctx, _code, _summary = create_demo_vault(
        root / "a",
        12,
        seed=8,
        password=PASSWORD,
        kdf=INSECURE_TEST_PARAMS,
        today=date(2026, 11, 20),
    )
    add_user(ctx, VIEWER, PASSWORD, Role.VIEWER, display_name="班主任", kdf=INSECURE_TEST_PARAMS)
    with ctx.vault.read() as session:
        numbers = tuple(
            session.scalars(
                select(Student.student_no).where(Student.student_no.is_not(None)).limit(3)
            )
        )
        grade = session.scalar(select(Student.grade_level).where(Student.student_no == numbers[2]))
    ctx.close()
    receiver, _ = make_vault(root / "b", "乙中学")
    receiver.close()
    assert grade is not None
    yield Schools(root / "a", root / "b", numbers, grade)


def run(cli: Runner, command: str, vault: Path, *args: str | Path, user: str = "admin") -> Result:
    """`counselroom COMMAND [SUB] --vault V --user U ARGS` (card's subcommand comes first)."""
    head: tuple[str | Path, ...] = (command,)
    if command == "card":
        head, args = (command, args[0]), args[1:]
    return cli(*head, "--vault", vault, "--user", user, *args, input=f"{PASSWORD}\n")


def count(folder: Path, model: type) -> int:
    ctx = auth.login(folder, "admin", PASSWORD, record=False)
    try:
        with ctx.vault.read() as session:
            return session.scalar(select(func.count()).select_from(model)) or 0
    finally:
        ctx.close()


def status_of(folder: Path, student_no: str) -> str:
    ctx = auth.login(folder, "admin", PASSWORD, record=False)
    try:
        with ctx.vault.read() as session:
            return (
                session.scalar(select(Student.status).where(Student.student_no == student_no)) or ""
            )
    finally:
        ctx.close()


def test_card_export_trust_export_and_import(
    module_cli: Runner, schools: Schools, tmp_path: Path
) -> None:
    cli = module_cli
    card = tmp_path / "乙中学.crcard"
    exported = run(cli, "card", schools.receiver, "export", "--out", card, "--json")
    assert exported.returncode == 0, exported
    fingerprint = exported.json()["fingerprint"]
    assert exported.json()["name"] == "乙中学" and len(fingerprint) == 30

    archive = tmp_path / "out.crx"
    first = schools.student_nos[0]
    untrusted = run(
        cli, "export", schools.sender, "--student", first, "--to", card,
        "--purpose", "转学", "--consent", "知情同意书 2026-01", "--out", archive,
    )  # fmt: skip
    assert untrusted.returncode == 1 and "not on the trust list" in untrusted.stderr
    assert not archive.exists() and status_of(schools.sender, first) != "transferred"

    trusted = run(cli, "card", schools.sender, "trust", card, "--json")
    assert trusted.returncode == 0 and trusted.json()["fingerprint"] == fingerprint
    listed = run(cli, "card", schools.sender, "list", "--json").json()["cards"]
    assert [c["fingerprint"] for c in listed] == [fingerprint]

    letter = tmp_path / "letter.pdf"
    done = run(
        cli, "export", schools.sender, "--student", first, "--to", card,
        "--purpose", "转学", "--consent", "知情同意书 2026-01", "--out", archive,
        "--letter", letter, "--json",
    )  # fmt: skip
    assert done.returncode == 0, done
    result = done.json()
    assert [s["student_no"] for s in result["students"]] == [first]
    assert result["recipient_fingerprint"] == fingerprint and result["method"] == "card"
    assert archive.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert letter.read_bytes().startswith(b"%PDF") and result["letter"]["number"].startswith("心〔")
    assert status_of(schools.sender, first) == "transferred"

    refused = run(cli, "import", schools.receiver, archive, "--dry-run")
    assert refused.returncode == 1 and "not on the trust list" in refused.stderr
    assert " ".join(fingerprint[i : i + 5] for i in range(0, 30, 5)) not in refused.stderr  # the
    # receiver's own fingerprint is not the sender's: the message names the sender's instead
    students_before = count(schools.receiver, Student)
    dry = run(cli, "import", schools.receiver, archive, "--dry-run", "--trust-sender", "--json")
    assert dry.returncode == 0, dry
    assert dry.json()["imported"] == 1 and dry.json()["dry_run"] is True
    assert count(schools.receiver, Student) == students_before  # a dry run changes nothing

    imported = run(cli, "import", schools.receiver, archive, "--trust-sender", "--json")
    assert imported.returncode == 0, imported
    body = imported.json()
    assert (body["imported"], body["merged"], body["refused"]) == (1, 0, 0)
    assert body["students"][0]["student_no"] == first and body["sender_trusted_now"] is True
    assert count(schools.receiver, Student) == students_before + 1

    records = count(schools.receiver, TransferRecord)
    again = run(cli, "import", schools.receiver, archive, "--json")  # trusted now: no flag
    assert again.returncode == 0, again
    assert again.json()["unchanged"] == 1 and again.json()["transfer_id"] is None
    assert count(schools.receiver, TransferRecord) == records  # the same archive: no change


def test_passphrase_archives(module_cli: Runner, schools: Schools, tmp_path: Path) -> None:
    cli = module_cli
    secret = tmp_path / "pass.txt"
    secret.write_text("一条足够长的口令 2026\n", encoding="utf-8")
    archive = tmp_path / "grade.crx"
    done = run(
        cli, "export", schools.sender, "--grade", str(schools.grade), "--passphrase-file",
        secret, "--to-school", "丙中学", "--purpose", "初升高", "--consent", "同意书 7",
        "--out", archive, "--json",
    )  # fmt: skip
    assert done.returncode == 0, done
    assert done.json()["method"] == "passphrase" and done.json()["recipient"] == "丙中学"
    assert done.json()["students"]

    missing = run(cli, "import", schools.receiver, archive, "--trust-sender")
    assert missing.returncode == 1 and "passphrase" in missing.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("another passphrase\n", encoding="utf-8")
    refused = run(
        cli, "import", schools.receiver, archive, "--passphrase-file", wrong, "--trust-sender"
    )
    assert refused.returncode == 1 and "does not open with this passphrase" in refused.stderr
    dry = run(
        cli, "import", schools.receiver, archive, "--passphrase-file", secret,
        "--trust-sender", "--dry-run", "--json",
    )  # fmt: skip
    assert dry.returncode == 0, dry
    assert len(dry.json()["students"]) == len(done.json()["students"])


def test_refusals_exit_codes(module_cli: Runner, schools: Schools, tmp_path: Path) -> None:
    cli = module_cli
    out = tmp_path / "x.crx"
    usage = run(cli, "export", schools.sender, "--all", "--passphrase-file", out, "--out", out)
    assert usage.returncode == 2  # no --purpose / --consent
    secret = tmp_path / "pass.txt"
    secret.write_text("long enough secret\n", encoding="utf-8")
    viewer = run(
        cli, "export", schools.sender, "--all", "--passphrase-file", secret, "--purpose", "x",
        "--consent", "y", "--out", out, user=VIEWER,
    )  # fmt: skip
    assert viewer.returncode == 1 and "may not export" in viewer.stderr and not out.exists()
    short = tmp_path / "short.txt"
    short.write_text("short\n", encoding="utf-8")
    weak = run(
        cli, "export", schools.sender, "--all", "--passphrase-file", short, "--purpose", "x",
        "--consent", "y", "--out", out,
    )  # fmt: skip
    assert weak.returncode == 1 and "at least 10 characters" in weak.stderr and not out.exists()
    junk = tmp_path / "junk.crx"
    junk.write_bytes(b"not an archive at all")
    bad = run(cli, "import", schools.receiver, junk, "--json")
    assert bad.returncode == 1 and "age file" in bad.json()["error"]
