"""`roster import|export` as a script runs it: exit codes, `--json` shape, text for people."""

from __future__ import annotations

from datetime import date
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
from counselroom.domain.idnumbers import make_id_number
from intake_samples import write_xlsx

REPORT_KEYS = {"added", "updated", "skipped", "unchanged", "rows", "dry_run", "problems", "changes"}
A_ID = make_id_number("500101", date(2012, 6, 1), 21)
B_ID = make_id_number("500101", date(2012, 9, 9), 22)
BAD_ID = A_ID[:-1] + ("0" if A_ID[-1] != "0" else "1")


def roster_file(folder: Path) -> Path:
    """Title row 1, header row 2, students on rows 3 and 5, a bad ID number on row 6."""
    rows: list[list[object]] = [
        ["班级", "姓名", "学籍号", "性别", "身份证件号", "班主任", "备注"],
        ["初二(3)班", "赵一", "G" + A_ID, "男", A_ID, "陈老师", "x"],
        [],
        ["八年级3班", "李　华", "G" + B_ID, "女", "", "陈老师", ""],
        ["初一(1)班", "钱二", "G" + make_id_number("500101", date(2013, 1, 1), 31), "男", BAD_ID],
    ]
    return write_xlsx(folder / "花名册.xlsx", rows, title="2026年秋季学生花名册")


def roster(
    cli: Runner,
    school: SchoolVault,
    *args: str | Path,
    user: str = COUNSELLOR,
    password: str = COUNSELLOR_PASSWORD,
) -> Result:
    return cli(
        "roster",
        *args,
        "--vault",
        school.folder,
        "--user",
        user,
        input=None,
        env={"COUNSELROOM_PASSWORD": password},
    )


def student_nos(cli: Runner, school: SchoolVault) -> set[str]:
    r = cli(
        "student",
        "list",
        "--vault",
        school.folder,
        "--user",
        COUNSELLOR,
        "--json",
        env={"COUNSELROOM_PASSWORD": COUNSELLOR_PASSWORD},
    )
    assert r.returncode == 0, r
    return {row["student_no"] for row in r.json()["students"]}


def test_import_json_reports_counts_problems_and_changes(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    r = roster(cli, fresh, "import", roster_file(tmp_path), "--json")
    assert r.returncode == 0, r
    data = r.json()
    assert data.keys() >= REPORT_KEYS
    assert (data["added"], data["updated"], data["unchanged"], data["skipped"]) == (2, 0, 0, 1)
    assert (data["rows"], data["dry_run"]) == (3, False)
    assert data["problems"] == [
        {"row": 6, "column": "身份证件号", "reason": data["problems"][0]["reason"]}
    ]
    assert "check character" in data["problems"][0]["reason"]
    added = {c["row"]: c for c in data["changes"]}
    assert set(added) == {3, 5}
    assert added[5]["action"] == "add" and added[5]["name"] == "李华"
    assert added[5]["class"] == "初二(3)班"
    assert {"field": "class", "old": "", "new": "初二(3)班"} in added[5]["changes"]
    assert student_nos(cli, fresh) == {"G" + A_ID, "G" + B_ID}


def test_dry_run_prints_problems_by_row_and_header_and_writes_nothing(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    r = roster(cli, fresh, "import", roster_file(tmp_path), "--dry-run")
    assert r.returncode == 0, r
    lines = r.stdout.splitlines()
    assert lines[0] == (
        "花名册.xlsx: 3 rows: 2 added, 0 updated, 0 unchanged, 1 skipped "
        "(dry run: nothing was written)"
    )
    assert any(line.startswith("  row 6, 身份证件号: check character is") for line in lines)
    assert f"  row 3 add G{A_ID} 赵一 初二(3)班" in lines
    assert student_nos(cli, fresh) == set()


def test_update_lists_changes_in_text(cli: Runner, fresh: SchoolVault, tmp_path: Path) -> None:
    assert roster(cli, fresh, "import", roster_file(tmp_path)).returncode == 0
    rows = [
        ["学籍号", "姓名", "联系电话", "班级"],
        ["G" + A_ID, "赵一", "13800001111", "初二(4)班"],
    ]
    r = roster(cli, fresh, "import", write_xlsx(tmp_path / "u.xlsx", rows))
    assert r.returncode == 0, r
    assert "1 updated" in r.stdout
    assert "    联系电话: - → 13800001111" in r.stdout
    assert "    班级: 初二(3)班 → 初二(4)班" in r.stdout


def test_map_option_names_a_column_the_headers_do_not(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    rows = [["编号", "姓名", "性别"], ["G" + A_ID, "赵一", "男"]]
    path = write_xlsx(tmp_path / "odd.xlsx", rows)
    refused = roster(cli, fresh, "import", path, "--json")
    assert refused.returncode == 1, refused
    error = refused.json()
    assert error["exit_code"] == 1 and "odd.xlsx" in error["error"]
    assert "no column is mapped to 学籍号" in error["error"]
    assert "odd.xlsx" in refused.stderr
    r = roster(cli, fresh, "import", path, "--map", "student_no=编号", "--json")
    assert r.returncode == 0, r
    assert r.json()["added"] == 1


def test_unreadable_file_is_refused_with_its_name(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    damaged = tmp_path / "坏文件.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    r = roster(cli, fresh, "import", damaged)
    assert r.returncode == 1, r
    assert "坏文件.xlsx" in r.stderr and "not a readable .xlsx file" in r.stderr
    assert r.stdout == ""


def test_export_then_import_changes_nothing(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    assert roster(cli, fresh, "import", roster_file(tmp_path)).returncode == 0
    out = tmp_path / "export.xlsx"
    r = roster(cli, fresh, "export", "--out", out, "--json")
    assert r.returncode == 0, r
    assert r.json() == {"students": 2, "file": str(out)}
    again = roster(cli, fresh, "import", out, "--json")
    assert again.returncode == 0, again
    data = again.json()
    assert (data["added"], data["updated"], data["skipped"], data["unchanged"]) == (0, 0, 0, 2)
    assert data["problems"] == [] and data["changes"] == []


def test_viewer_may_neither_import_nor_export(
    cli: Runner, fresh: SchoolVault, tmp_path: Path
) -> None:
    path = roster_file(tmp_path)
    r = roster(cli, fresh, "import", path, user=VIEWER, password=VIEWER_PASSWORD)
    assert r.returncode == 1, r
    assert "may not edit_cases" in r.stderr
    out = tmp_path / "out.xlsx"
    r = roster(cli, fresh, "export", "--out", out, user=VIEWER, password=VIEWER_PASSWORD)
    assert r.returncode == 1 and not out.exists()
    assert student_nos(cli, fresh) == set()
