"""Roster export: the import's own columns, safe files, and a round trip with zero changes."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import func, select

from counselroom.domain.errors import ValidationError
from counselroom.domain.idnumbers import make_id_number
from counselroom.intake.columns import find_header
from counselroom.intake.roster_fields import FIELD_LABELS_ZH, ROSTER_FIELDS
from counselroom.intake.sheets import read_table
from counselroom.services.context import Context
from counselroom.services.demo import create_demo_vault
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.roster_export import export_roster
from counselroom.services.roster_import import RosterReport, import_roster
from counselroom.storage.models import (
    AuditEntry,
    Guardian,
    SchoolClass,
    Staff,
    Student,
    StudentGroup,
)
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from vault_fixtures import account, make_vault

DEMO_PUPILS = 120


def reimport(ctx: Context, path: Path, *, dry_run: bool = False) -> RosterReport:
    table = read_table(path)
    guess = find_header(table, ROSTER_FIELDS)
    return import_roster(ctx, table, guess.row_index, guess.mapping, dry_run=dry_run)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    folder = tmp_path_factory.mktemp("demo") / "vault"
    ctx, _code, _summary = create_demo_vault(folder, DEMO_PUPILS, kdf=INSECURE_TEST_PARAMS)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_demo_school_round_trip_changes_nothing(demo: Context, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"花名册{suffix}"
    written = export_roster(demo, out)
    with demo.vault.read() as s:
        on_roll = s.scalar(
            select(func.count())
            .select_from(Student)
            .where(Student.status.in_(("enrolled", "on_leave")), Student.student_no.is_not(None))
        )
    assert written == on_roll and written > 100
    report = reimport(demo, out)
    assert report.problems == ()
    assert (report.added, report.updated, report.skipped) == (0, 0, 0)
    assert report.unchanged == report.rows == written
    assert all(line.notes == () for line in report.lines)


def test_demo_export_has_the_standard_headers(demo: Context, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    export_roster(demo, out)
    table = read_table(out)
    headers = table.rows[0].cells
    assert headers[:5] == ("学籍号", "姓名", "性别", "出生日期", "年级")
    assert "是否进城务工人员随迁子女" in headers and "班主任" in headers
    # Demo families have one or two members: exactly the columns of two are written.
    members = [h for h in headers if h.startswith("成员")]
    assert members == [
        f"成员{n}{part}" for n in (1, 2) for part in ("姓名", "关系", "联系电话", "是否监护人")
    ]
    assert all(h == FIELD_LABELS_ZH[key] for h, key in zip(headers, FIELD_LABELS_ZH, strict=False))
    assert find_header(table, ROSTER_FIELDS).mapping.keys() >= {"student_no", "member2_guardian"}
    yes_no = {row.cells[headers.index("是否留守儿童")] for row in table.rows[1:]}
    assert yes_no == {"是", "否"}


# -- hand-made students ------------------------------------------------------------------------


def ident(birth: date, seq: int) -> str:
    return make_id_number("110101", birth, seq)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Context]:
    admin, _code = make_vault(tmp_path / "vault")
    with admin.vault.write() as s:
        head = Staff(name="陈老师", role="head_teacher")
        s.add(head)
        s.flush()
        s.add(SchoolClass(grade_level=8, number=3, label="初二(3)班", head_teacher_id=head.id))
        s.add(SchoolClass(grade_level=10, number=12, label="高一(12)班"))
        s.flush()
        classes = {c.grade_level: c.id for c in s.scalars(select(SchoolClass))}
        full = ident(date(2011, 12, 31), 1)
        s.add_all(
            [
                Student(
                    student_no="G" + full,
                    name="欧阳𠮷",
                    gender="M",
                    birth_date=date(2011, 12, 31),
                    id_type="居民身份证",
                    id_number=full,
                    ethnicity="土家族",
                    grade_level=8,
                    class_id=classes[8],
                    roll_no="01",
                    address="幸福路1号 3栋",
                    phone="+86 138 0000 1111",
                    status="on_leave",
                    enrolled_on=date(2024, 9, 1),
                    guardians=[
                        Guardian(ordinal=1, name="欧阳父", relation="父亲", phone="13900001111"),
                        Guardian(ordinal=2, name="李母", relation="母亲", is_guardian=False),
                    ],
                    groups=[
                        StudentGroup(code="left_behind"),
                        StudentGroup(code="poverty"),  # no column: kept as it is
                    ],
                ),
                Student(student_no="G" + ident(date(2010, 5, 6), 2), name="王二", gender="U"),
                Student(
                    student_no="G" + ident(date(2009, 5, 6), 4),
                    name="张三",
                    gender="F",
                    grade_level=11,  # a grade without a class
                ),
                Student(
                    student_no="G" + ident(date(2010, 7, 8), 5),
                    name="Tom Lee",
                    id_type="护照",
                    id_number="E12345678",
                    grade_level=10,
                    class_id=classes[10],
                    guardians=[
                        Guardian(ordinal=n, name=f"成员{n}", relation="亲属") for n in range(1, 7)
                    ],
                ),
                Student(
                    student_no="G" + ident(date(2010, 1, 1), 7), name="转走", status="transferred"
                ),
                Student(name="无学籍号"),
            ]
        )
    try:
        yield admin
    finally:
        admin.close()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_hand_made_students_round_trip(vault: Context, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"r{suffix}"
    assert export_roster(vault, out) == 4  # not the one who left, not the one without 学籍号
    report = reimport(vault, out)
    assert report.problems == ()
    assert (report.rows, report.added, report.updated, report.skipped) == (4, 0, 0, 0)
    with vault.vault.read() as s:
        six = s.scalar(select(func.count()).select_from(Guardian).where(Guardian.name == "成员6"))
    assert six == 1  # four columns that match the first four keep the fifth and sixth


def test_export_file_is_private_and_audited(vault: Context, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    out.write_text("old content")
    export_roster(vault, out)
    if os.name != "nt":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "vault") == ["r.csv"]
    with vault.vault.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "roster.export")).one()
    assert entry.detail == "students=4"
    text = out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and "欧阳𠮷".encode() in text


def test_text_never_becomes_a_formula(vault: Context, tmp_path: Path) -> None:
    with vault.vault.write() as s:
        student = s.scalars(select(Student).where(Student.name == "王二")).one()
        student.address = '=HYPERLINK("http://x","点我")'
        student.ethnicity = "@SUM(1)"
    xlsx, as_csv = tmp_path / "r.xlsx", tmp_path / "r.csv"
    export_roster(vault, xlsx)
    export_roster(vault, as_csv)
    sheet = load_workbook(xlsx).active
    cells = {c.value: c.data_type for row in sheet.iter_rows() for c in row if c.value}
    assert cells['=HYPERLINK("http://x","点我")'] == "s"
    rows = list(csv.reader(io.StringIO(as_csv.read_text(encoding="utf-8-sig"))))
    flat = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://x","点我")' in flat and "'@SUM(1)" in flat
    assert "+86 138 0000 1111" in flat  # a phone number is left as it is


def test_viewer_and_bad_names_are_refused(vault: Context, tmp_path: Path) -> None:
    viewer = account(vault, "ban", Role.VIEWER, "班主任")
    with pytest.raises(PermissionDenied):
        export_roster(viewer, tmp_path / "r.xlsx")
    with pytest.raises(ValidationError, match=r"must end in \.xlsx or \.csv"):
        export_roster(vault, tmp_path / "r.txt")
    with pytest.raises(ValidationError, match="does not exist"):
        export_roster(vault, tmp_path / "missing" / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "r.txt").exists()
    with vault.vault.read() as s:
        assert not s.scalars(select(AuditEntry).where(AuditEntry.action == "roster.export")).first()
