"""`screening import|list` in a child process: the --json shapes, --dry-run, refusals (exit 1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from conftest import (
    COUNSELLOR,
    COUNSELLOR_PASSWORD,
    VIEWER,
    VIEWER_PASSWORD,
    Result,
    Runner,
    SchoolVault,
)
from counselroom.domain.idnumbers import make_id_number, make_student_no
from counselroom.domain.terms import term_of
from counselroom.services import auth
from counselroom.services.localtime import local_today
from counselroom.storage.models import (
    AuditEntry,
    NotificationTask,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    Student,
)
from intake_samples import write_csv, write_xlsx
from vault_fixtures import ADMIN, PASSWORD

HEADER = ["学籍号", "姓名", "班级", *(f"Q{n}" for n in range(1, 10))]
REPORT_KEYS = {"scored", "flagged", "item9_alerts", "invalid", "unmatched", "skipped", "rows"}
REPORT_KEYS |= {"dry_run", "batch_id", "problems", "lines"}
WANG = make_student_no(make_id_number("110101", date(2012, 5, 1), 11))
CHEN = make_student_no(make_id_number("110101", date(2011, 6, 2), 12))


def add_students(folder: Path) -> None:
    ctx = auth.login(folder, ADMIN, PASSWORD)
    try:
        with ctx.vault.write() as s:
            c8 = SchoolClass(grade_level=8, number=3, label="初二(3)班")
            c9 = SchoolClass(grade_level=9, number=1, label="初三(1)班")
            s.add_all([c8, c9])
            s.flush()
            s.add(Student(student_no=WANG, name="王小明", grade_level=8, class_id=c8.id))
            s.add(Student(student_no=CHEN, name="陈七", grade_level=9, class_id=c9.id))
            s.add(Student(name="刘八", grade_level=8, class_id=c8.id))
    finally:
        ctx.close()


def counts(folder: Path) -> tuple[int, ...]:
    ctx = auth.login(folder, ADMIN, PASSWORD, record=False)
    try:
        with ctx.vault.read() as s:
            return tuple(
                s.scalar(select(func.count()).select_from(m)) or 0
                for m in (ScreeningBatch, ScreeningResult, NotificationTask, AuditEntry)
            )
    finally:
        ctx.close()


def screening(
    cli: Runner, school: SchoolVault, *args: str | Path, user: str = COUNSELLOR
) -> Result:
    password = COUNSELLOR_PASSWORD if user == COUNSELLOR else VIEWER_PASSWORD
    return cli("screening", *args, "--vault", school.folder, "--user", user, input=f"{password}\n")


@pytest.fixture
def results_file(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "phq9.xlsx",
        [
            HEADER,
            [WANG, "王小明", "初二(3)班", 1, 0, 0, 0, 0, 0, 0, 0, 1],  # item 9: task
            ["", "刘八", "八年级3班", 3, 3, 3, "3分", 0, 0, 0, 0, 0],  # by name: flagged
            [CHEN, "陈七", "初三(1)班", 1, "abc", 0, 0, 0, 0, 0, 0, 0],  # incomplete
            ["", "无名氏", "初二(3)班", 0, 0, 0, 0, 0, 0, 0, 0, 0],  # unmatched
        ],
        title="PHQ-9 筛查结果",
    )


def test_import_json_counts_rows_and_problems(
    cli: Runner, fresh: SchoolVault, results_file: Path
) -> None:
    add_students(fresh.folder)
    r = screening(cli, fresh, "import", results_file, "--instrument", "phq9", "--json")
    assert r.returncode == 0, r
    data = r.json()
    assert set(data) >= REPORT_KEYS
    assert (data["rows"], data["scored"], data["invalid"], data["unmatched"]) == (4, 2, 1, 1)
    assert (data["flagged"], data["item9_alerts"], data["skipped"]) == (2, 1, 0)
    assert data["dry_run"] is False and isinstance(data["batch_id"], int)
    assert {"row": 5, "column": "Q2", "reason": "'abc' is not an answer: an answer is 0-3"} in (
        data["problems"]
    )
    assert all(set(p) == {"row", "column", "reason"} for p in data["problems"])
    lines = {line["row"]: line for line in data["lines"]}
    assert lines[3]["status"] == "scored" and lines[3]["flags"] == ["item9"]
    assert lines[4]["total"] == 12 and lines[6]["status"] == "unmatched"
    # defaults of a new batch: today, its term, the grades of the matched students
    listing = screening(cli, fresh, "list", "--json")
    assert listing.returncode == 0, listing
    (batch,) = listing.json()["batches"]
    assert batch["id"] == data["batch_id"] and batch["instrument"] == "phq9"
    assert batch["date"] == local_today().isoformat()
    assert batch["term"] == term_of(local_today()).label_zh
    assert batch["grades"] == [8, 9]
    assert (batch["results"], batch["item9_alerts"], batch["invalid"]) == (3, 1, 1)


def test_dry_run_reports_and_writes_nothing(
    cli: Runner, fresh: SchoolVault, results_file: Path
) -> None:
    add_students(fresh.folder)
    before = counts(fresh.folder)
    r = screening(cli, fresh, "import", results_file, "--instrument", "phq9", "--dry-run", "--json")
    assert r.returncode == 0, r
    data = r.json()
    assert data["dry_run"] is True and data["batch_id"] is None
    assert (data["scored"], data["item9_alerts"]) == (2, 1)
    assert counts(fresh.folder)[:3] == before[:3]  # the login itself is audited
    text = screening(cli, fresh, "import", results_file, "--instrument", "phq9", "--dry-run")
    out = text.stdout
    assert text.returncode == 0, text
    assert out.index("ITEM 9") < out.index("problems")
    assert "row 5, Q2: 'abc' is not an answer" in out
    assert "dry run, nothing written" in out
    assert counts(fresh.folder)[:3] == before[:3]


def test_a_file_refused_as_a_whole_exits_1_naming_the_file(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    add_students(fresh.folder)
    gad = write_csv(
        tmp_path / "gad7.csv",
        [["学籍号", *(str(n) for n in range(1, 8))], [WANG, *[0] * 7]],
    )
    before = counts(fresh.folder)
    r = screening(cli, fresh, "import", gad, "--instrument", "phq9", "--json")
    assert r.returncode == 1, r
    error = r.json()["error"]
    assert error.startswith("gad7.csv: ") and "is this a GAD-7 file?" in error
    assert counts(fresh.folder)[:3] == before[:3]
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"not a workbook")
    r = screening(cli, fresh, "import", damaged, "--instrument", "phq9")
    assert r.returncode == 1 and "damaged.xlsx" in r.stderr


def test_map_options_and_an_existing_batch(cli: Runner, fresh: SchoolVault, tmp_path: Path) -> None:
    add_students(fresh.folder)
    odd = write_csv(
        tmp_path / "odd.csv",
        [["编号", "学生", *"甲乙丙丁戊己庚辛壬"], [WANG, "王小明", *[1] * 9]],
    )
    maps = ["--map", "student_no=编号"]
    for n, letter in enumerate("CDEFGHIJK", 1):
        maps += ["--map", f"item{n}={letter}"]
    first = screening(cli, fresh, "import", odd, "--instrument", "phq9", "--json", *maps)
    assert first.returncode == 0, first
    batch = first.json()["batch_id"]
    assert first.json()["scored"] == 1
    again = screening(
        cli, fresh, "import", odd, "--instrument", "phq9", "--batch", str(batch), "--json", *maps
    )
    assert again.returncode == 0, again
    assert again.json()["skipped"] == 1
    wrong = screening(cli, fresh, "import", odd, "--instrument", "gad7", "--batch", str(batch))
    assert wrong.returncode == 1 and "holds PHQ-9 results" in wrong.stderr
    clash = screening(
        cli, fresh, "import", odd, "--instrument", "phq9", "--batch", str(batch), "--grades", "8"
    )
    assert clash.returncode == 2 and "--batch" in clash.stderr


def test_a_viewer_may_not_import_or_list(
    cli: Runner, fresh: SchoolVault, results_file: Path
) -> None:
    add_students(fresh.folder)
    r = screening(cli, fresh, "list", "--json", user=VIEWER)
    assert r.returncode == 1, r
    r = screening(cli, fresh, "import", results_file, "--instrument", "phq9", user=VIEWER)
    assert r.returncode == 1 and "may not" in r.stderr
