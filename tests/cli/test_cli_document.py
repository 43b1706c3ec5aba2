"""`document --kind KIND --student SID --out FILE.pdf`: every kind gives a PDF with the school,
the student and the date; the save is recorded in the file; refusals exit 1, usage errors 2."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from conftest import Result, Runner
from counselroom.domain.dates import format_date_zh
from counselroom.services import auth
from counselroom.services.localtime import local_today
from counselroom.storage.models import AuditEntry, DocumentRecord
from services.documents_support import SCHOOL, School, build_school
from vault_fixtures import PASSWORD

NUMBER = re.compile(r"^心〔\d{4}〕\d{4}号$")


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    built = build_school(tmp_path_factory.mktemp("cli-documents") / "vault")
    built.admin.close()  # the children open the vault; an open context holds its lock
    yield built


def document(cli: Runner, school: School, *args: str | Path, user: str = "lin") -> Result:
    return cli(
        "document",
        "--vault",
        school.folder,
        "--user",
        user,
        *args,
        input=f"{PASSWORD}\n",
    )


def _logged(school: School) -> list[tuple[str | None, int | None, str, str, str]]:
    ctx = auth.login(school.folder, "admin", PASSWORD, record=False)
    try:
        with ctx.vault.read() as s:
            return [
                tuple(r)  # type: ignore[misc]
                for r in s.execute(
                    select(
                        DocumentRecord.number,
                        DocumentRecord.student_id,
                        DocumentRecord.kind,
                        DocumentRecord.action,
                        DocumentRecord.sha256,
                    ).order_by(DocumentRecord.id)
                )
            ]
    finally:
        ctx.close()


CASES = [
    ("parent-notice", "li", ()),
    ("escalation-notice", "wang", ("--recipient", "head_teacher")),
    ("district-report", "wang", ()),
    ("referral-letter", "wang", ()),
    ("plan", "wang", ()),
    ("return-assessment", "zhao", ()),
    ("closure-report", "qian", ()),
]


@pytest.mark.parametrize(("kind", "key", "extra"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_gives_a_recorded_pdf(
    module_cli: Runner,
    school: School,
    tmp_path: Path,
    kind: str,
    key: str,
    extra: tuple[str, ...],
) -> None:
    sid = school.ids[key]
    out = tmp_path / f"{kind}.pdf"
    r = document(
        module_cli, school, "--kind", kind, "--student", str(sid), "--out", out, *extra, "--json"
    )
    assert r.returncode == 0, r
    data = r.json()
    assert set(data) >= {"path", "kind", "numbers", "pages", "sha256", "font"}
    assert data["path"] == str(out) and data["kind"] == kind and data["pages"] >= 1
    assert all(NUMBER.match(n) for n in data["numbers"]) and data["font"].startswith("fonts: ")
    pdf = out.read_bytes()
    assert hashlib.sha256(pdf).hexdigest() == data["sha256"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    name = {"li": "李华", "wang": "王小明", "zhao": "赵敏", "qian": "钱多多"}[key]
    for expected in (SCHOOL, name, format_date_zh(local_today()), data["numbers"][0]):
        assert expected in text, expected
    assert (data["numbers"][0], sid, kind, "save", data["sha256"]) in _logged(school)


def test_text_output_and_the_student_number_as_sid(
    module_cli: Runner, school: School, tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"
    r = document(
        module_cli, school, "--kind", "plan", "--student", "g500101201103041234", "--out", out
    )
    assert r.returncode == 0, r
    lines = r.stdout.splitlines()
    assert lines[0] == f"saved {out}"
    assert NUMBER.match(lines[1].split(": ")[1].split(" (")[0])
    assert lines[2].startswith("fonts: ") and out.is_file()


def test_escalation_without_recipient_prints_every_internal_role(
    module_cli: Runner, school: School, tmp_path: Path
) -> None:
    out = tmp_path / "sun.pdf"
    sid = str(school.ids["sun"])
    r = document(
        module_cli, school, "--kind", "escalation-notice", "--student", sid, "--out", out, "--json"
    )
    assert r.returncode == 0, r
    assert len(r.json()["numbers"]) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kind", "parent-notice", "--student", "G500101201107083456"), "tier 0"),
        (("--kind", "plan", "--student", "G000"), "no student with id or 学籍号 'G000'"),
        (
            (
                "--kind",
                "escalation-notice",
                "--student",
                "G500101201103041234",
                "--recipient",
                "guardian",
            ),
            "parent notice",
        ),
        (("--kind", "plan", "--student", "1", "--note", "x"), "note"),
    ],
)
def test_refusals_exit_1_and_write_nothing(
    module_cli: Runner, school: School, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = _logged(school)
    out = tmp_path / "x.pdf"
    r = document(module_cli, school, *args, "--out", out)
    assert r.returncode == 1, r
    assert message in r.stderr and not out.exists()
    assert _logged(school) == before


def test_a_refusal_names_the_student(module_cli: Runner, school: School, tmp_path: Path) -> None:
    r = document(
        module_cli, school, "--kind", "closure-report", "--student", "G500101201105062345",
        "--out", tmp_path / "c.pdf",
    )  # fmt: skip
    assert r.returncode == 1, r
    assert f"student {school.ids['li']} (G500101201105062345)" in r.stderr


def test_characters_no_font_draws_exit_1(
    module_cli: Runner, school: School, tmp_path: Path
) -> None:
    out = tmp_path / "rare.pdf"
    sid = str(school.ids["li"])
    note = "请联系\U00031350老师"  # CJK Extension G: no font on the test machine draws it
    r = document(module_cli, school, "--kind", "parent-notice", "--student", sid, "--out", out,
                 "--note", note)  # fmt: skip
    assert r.returncode == 1, r
    assert "U+31350" in r.stderr and not out.exists()


def test_viewer_is_refused(module_cli: Runner, school: School, tmp_path: Path) -> None:
    out = tmp_path / "v.pdf"
    r = document(module_cli, school, "--kind", "plan", "--student", "1", "--out", out, user="ban")
    assert r.returncode == 1, r
    assert "may not" in r.stderr and not out.exists()


def test_bad_kind_is_a_usage_error(module_cli: Runner, school: School, tmp_path: Path) -> None:
    r = document(
        module_cli, school, "--kind", "letter", "--student", "1", "--out", tmp_path / "a.pdf"
    )
    assert r.returncode == 2, r
    assert "invalid choice" in r.stderr


@pytest.mark.parametrize("name", ["missing/plan.pdf", "plan.txt"])
def test_a_bad_out_path_is_refused_before_rendering(
    module_cli: Runner, school: School, tmp_path: Path, name: str
) -> None:
    ctx = auth.login(school.folder, "admin", PASSWORD, record=False)
    try:
        with ctx.vault.read() as s:
            audit_before = s.query(AuditEntry).count()
    finally:
        ctx.close()
    r = document(module_cli, school, "--kind", "plan", "--student", "1", "--out", tmp_path / name)
    assert r.returncode == 1, r
    assert "path" in r.stderr
    ctx = auth.login(school.folder, "admin", PASSWORD, record=False)
    try:
        with ctx.vault.read() as s:
            # only the sign-in is audited: no preview, no save
            assert s.query(AuditEntry).count() == audit_before + 1
    finally:
        ctx.close()
