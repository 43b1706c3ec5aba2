"""Roster import on messy files: every problem by row and column, nothing half-imported."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counselroom.domain.errors import ValidationError
from counselroom.domain.idnumbers import make_id_number
from counselroom.intake.columns import find_header
from counselroom.intake.roster_fields import ROSTER_FIELDS
from counselroom.intake.roster_rows import FORMULA
from counselroom.intake.sheets import SheetRow, Table, read_table
from counselroom.services.context import Context
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.roster_import import FieldChange, RosterReport, import_roster
from counselroom.storage.models import (
    AuditEntry,
    CounsellingSession,
    Guardian,
    SchoolClass,
    Staff,
    Student,
    StudentGroup,
)
from intake_samples import write_csv, write_xlsx
from vault_fixtures import account, make_vault

HEADER = ["学籍号", "姓名", "性别", "出生日期", "班级", "班主任", "身份证件号"]


def ident(birth: date, seq: int, region: str = "500101") -> str:
    """A valid ID number; an odd ``seq`` is a boy's."""
    return make_id_number(region, birth, seq)


WANG_ID = ident(date(2012, 3, 5), 11)
WANG_NO = "G" + WANG_ID


@dataclass
class School:
    admin: Context
    counsellor: Context
    viewer: Context
    wang: int  # 王小明, 初二(3)班, with a family and the 留守儿童 group
    folder: Path


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    with admin.vault.write() as s:
        head = Staff(name="陈老师", role="head_teacher")
        s.add(head)
        s.flush()
        s.add(SchoolClass(grade_level=8, number=3, label="初二(3)班", head_teacher_id=head.id))
        s.add(SchoolClass(grade_level=9, number=1, label="初三(1)班"))
        s.flush()
        class_id = s.scalar(select(SchoolClass.id).where(SchoolClass.number == 3))
        wang = Student(
            student_no=WANG_NO,
            name="王小明",
            name_pinyin="wangxiaoming wxm",
            gender="M",
            birth_date=date(2012, 3, 5),
            id_number=WANG_ID,
            grade_level=8,
            class_id=class_id,
            address="幸福路1号",
            phone="13800001111",
            guardians=[
                Guardian(ordinal=1, name="王父", relation="父亲", phone="13900001111"),
                Guardian(ordinal=2, name="李母", relation="母亲", phone="", is_guardian=False),
            ],
            groups=[StudentGroup(code="left_behind", since=date(2024, 9, 1))],
            updated_at=datetime(2026, 1, 1),
        )
        s.add(wang)
        s.flush()
        wang_id = wang.id
    try:
        yield School(admin, counsellor, viewer, wang_id, tmp_path)
    finally:
        admin.close()


def run(ctx: Context, path: Path, *, dry_run: bool = False) -> RosterReport:
    table = read_table(path)
    guess = find_header(table, ROSTER_FIELDS)
    return import_roster(ctx, table, guess.row_index, guess.mapping, dry_run=dry_run)


def snapshot(ctx: Context) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an import may touch, and the audit log's length."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with ctx.vault.read() as s:
        for model in (Student, Guardian, StudentGroup, SchoolClass, Staff, AuditEntry):
            columns = list(model.__table__.columns)
            out[model.__name__] = sorted(tuple(row) for row in s.execute(select(*columns)).all())
    return out


def students(ctx: Context) -> dict[str, Student]:
    with ctx.vault.read() as s:
        return {st.student_no or "": st for st in s.scalars(select(Student)).all()}


def family(ctx: Context, student_id: int) -> list[tuple[str, str, str, bool]]:
    with ctx.vault.read() as s:
        rows = s.execute(
            select(Guardian.name, Guardian.relation, Guardian.phone, Guardian.is_guardian)
            .where(Guardian.student_id == student_id)
            .order_by(Guardian.ordinal)
        )
        return [(n, r, p, bool(g)) for n, r, p, g in rows]


def groups(ctx: Context, student_id: int) -> set[str]:
    with ctx.vault.read() as s:
        return set(
            s.scalars(select(StudentGroup.code).where(StudentGroup.student_id == student_id))
        )


def class_of(ctx: Context, student_id: int) -> tuple[str, str, int | None]:
    """(class label, 班主任 name, grade level) of a student."""
    with ctx.vault.read() as s:
        st = s.get(Student, student_id)
        assert st is not None and st.school_class is not None
        head = st.school_class.head_teacher
        return st.school_class.label, head.name if head else "", st.grade_level


# -- messy files ------------------------------------------------------------------------------

A_ID = ident(date(2012, 6, 1), 21)  # boy
B_ID = ident(date(2012, 9, 9), 22)  # girl
C_ID = ident(date(2010, 1, 31), 33)  # boy, senior
D_ID = ident(date(2013, 11, 2), 44)  # girl
FULL = str.maketrans("0123456789G", "０１２３４５６７８９Ｇ")

MESSY_HEADER = [
    "序号", "班级", "姓名", "学籍号", "性别", "出生日期", "年级", "身份证件号", "联系电话",
    "备注", "成员1姓名", "成员1关系", "成员1联系电话", "成员1是否监护人",
    "成员2姓名", "成员2关系", "成员2联系电话", "成员2是否监护人",
    "是否留守儿童", "是否孤儿", "班主任 ",
]  # fmt: skip


def messy(cells: dict[str, object]) -> list[object]:
    """One data row of the messy roster, by header (the header "班主任 " has a trailing space)."""
    return [cells.get(header.strip()) for header in MESSY_HEADER]


def messy_rows() -> list[list[object]]:
    """Physical rows 2 (header) to 8 below a merged title: blank rows 4 and 7."""
    a = {
        "序号": 1, "班级": "初二(3)班", "姓名": "赵一 ", "性别": "男 ",
        "学籍号": ("G" + A_ID).translate(FULL) + "\u3000", "年级": "初二",
        "出生日期": date(2012, 6, 1), "身份证件号": A_ID.translate(FULL),
        "联系电话": "１３８００００２２２２", "备注": "转学来的",
        "成员1姓名": "赵父", "成员1关系": "父亲", "成员1联系电话": "13900002222",
        "成员1是否监护人": "是", "成员2姓名": "钱母", "成员2关系": "母亲",
        "成员2是否监护人": "否", "是否留守儿童": "是", "是否孤儿": "否", "班主任": "陈老师",
    }  # fmt: skip
    b = {
        "序号": 2, "班级": "八年级3班", "姓名": "李　华", "学籍号": "G" + B_ID, "性别": "女",
        "出生日期": "2012/9/9", "年级": "八年级", "身份证件号": B_ID, "成员1姓名": "李父",
        "成员1关系": "父亲", "成员1联系电话": "13700003333",
        "是否留守儿童": "否", "是否孤儿": "否",
    }  # fmt: skip
    c = {
        "序号": 3, "班级": "高一.5", "姓名": "孙三", "学籍号": "G" + C_ID.lower(), "性别": "1",
        "出生日期": "2010年1月31日", "身份证件号": C_ID.lower(),
        "联系电话": "023-6000 1234", "班主任": "周老师",
    }  # fmt: skip
    d = {
        "序号": 4, "班级": "七年级（2）班", "姓名": " 吴四", "学籍号": "G" + D_ID, "性别": "女",
        "出生日期": "2013-11", "成员1姓名": "吴母", "成员1关系": "母亲",
        "是否留守儿童": "Y", "是否孤儿": "是",
    }  # fmt: skip
    return [MESSY_HEADER, messy(a), [], messy(b), messy(c), [], messy(d)]


def test_messy_xlsx_imports_every_good_row(school: School, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "花名册.xlsx", messy_rows(), title="2026年秋季学生花名册")
    report = run(school.counsellor, path)

    assert report.problems == ()
    assert (report.rows, report.added, report.updated, report.skipped) == (4, 4, 0, 0)
    assert [line.row for line in report.lines] == [3, 5, 6, 8]  # blank rows counted
    assert [line.class_label for line in report.lines] == [
        "初二(3)班",
        "初二(3)班",
        "高一(5)班",
        "初一(2)班",
    ]
    found = students(school.admin)
    a, b, c, d = (found["G" + x.upper()] for x in (A_ID, B_ID, C_ID, D_ID))
    assert (a.name, a.gender, a.birth_date, a.phone) == (
        "赵一",
        "M",
        date(2012, 6, 1),
        "13800002222",
    )
    assert a.id_number == A_ID and a.status == "enrolled" and a.file_state == "none"
    assert a.name_pinyin == "zhaoyi zy"
    assert a.class_label_original == "初二 / 初二(3)班"
    assert (b.name, b.gender, b.birth_date, b.phone) == ("李华", "F", date(2012, 9, 9), None)
    assert (c.name, c.gender, c.id_number) == ("孙三", "M", C_ID.upper())
    assert c.class_label_original == "高一.5" and c.grade_level == 10
    assert (d.name, d.birth_date, d.id_number) == ("吴四", date(2013, 11, 1), None)
    assert class_of(school.admin, a.id) == ("初二(3)班", "陈老师", 8)
    assert class_of(school.admin, b.id) == ("初二(3)班", "陈老师", 8)
    assert class_of(school.admin, c.id) == ("高一(5)班", "周老师", 10)  # class and 班主任 created
    assert class_of(school.admin, d.id) == ("初一(2)班", "", 7)
    assert family(school.admin, a.id) == [
        ("赵父", "父亲", "13900002222", True),
        ("钱母", "母亲", "", False),
    ]
    assert family(school.admin, b.id) == [("李父", "父亲", "13700003333", True)]
    assert family(school.admin, c.id) == []
    assert family(school.admin, d.id) == [("吴母", "母亲", "", True)]
    assert groups(school.admin, a.id) == {"left_behind"}
    assert groups(school.admin, b.id) == groups(school.admin, c.id) == set()
    assert groups(school.admin, d.id) == {"left_behind", "orphan"}
    with school.admin.vault.read() as s:
        heads = s.scalars(select(Staff.name).where(Staff.role == "head_teacher")).all()
    assert sorted(heads) == ["周老师", "陈老师"]  # 陈老师 found, not created again


def test_gb18030_tab_separated_csv(school: School, tmp_path: Path) -> None:
    rows = [
        ["全国学籍号", "学生姓名", "性别", "出生年月", "所在班级", "民族", "现住址"],
        ["G" + A_ID, "赵一", "男", "2012.6.1", "初二（3）班", "汉族", "重庆市渝中区解放碑１号"],
        ["G" + B_ID, "欧阳娜娜", "女", "20120909", "高一-5", "土家族", ""],
    ]
    path = write_csv(tmp_path / "roster.csv", rows, encoding="gb18030", delimiter="\t")
    report = run(school.counsellor, path)
    assert (report.added, report.skipped, report.problems) == (2, 0, ())
    found = students(school.admin)
    a, b = found["G" + A_ID], found["G" + B_ID]
    assert (a.name, a.ethnicity, a.address) == ("赵一", "汉族", "重庆市渝中区解放碑1号")
    assert (b.name, b.ethnicity, b.address, b.grade_level) == ("欧阳娜娜", "土家族", None, 10)
    assert b.name_pinyin == "ouyangnana oynn"


# -- problems -------------------------------------------------------------------------------


def test_every_problem_is_reported_by_row_and_column(school: School, tmp_path: Path) -> None:
    good, dup, boy, boy2 = (ident(date(2012, n, n), 49 + 2 * n) for n in (1, 2, 3, 4))
    bad_check = "G" + good[:-1] + ("0" if good[-1] != "0" else "1")
    nos = ["G" + ident(date(2012, 5, n), 61 + 2 * n) for n in range(1, 7)]
    # 学籍号, 姓名, 性别, 出生日期, 班级, 班主任, 身份证件号, 年级, 是否留守儿童, 成员1关系, 备注
    rows: list[list[object]] = [
        [*HEADER, "年级", "是否留守儿童", "成员1关系", "备注"],
        ["G" + good, "好学生", "男", "2012-01-01", "初二(3)班", "", good, "", "", "", "=1+1"],
        ["", "无学籍号", "", "", "", "", "", "", "", "", ""],  # row 3
        [bad_check, "错校验", "", "", "", "", "", "", "", "", ""],  # row 4
        [nos[0], "", "", "", "", "", "", "", "", "", ""],  # row 5
        ["G" + boy, "甲", "男", "2012-03-04", "", "", boy, "", "", "", ""],  # row 6
        ["G" + boy2, "乙", "女", "", "", "", boy2, "", "", "", ""],  # row 7
        [nos[1], "丙", "X", "2012-02-30", "火星班", "", "", "", "", "", ""],  # row 8
        [nos[2], "丁", "", "", "", "", "", "火星", "也许", "父亲", ""],  # row 9
        ["G" + dup, "戊", "", "", "", "", "", "", "", "", ""],  # row 10
        ["G" + dup, "己", "", "", "", "=A1", "", "", "", "", ""],  # row 11
        [WANG_NO, "王晓明", "", "2012-03-06", "", "", "", "", "", "", ""],  # row 12
        [nos[3], "庚", "", "", "", "", "1.10101E+17", "", "", "", ""],  # row 13
        [nos[4], "辛", "", "", "", "", WANG_ID, "", "", "", ""],  # row 14
    ]
    before = snapshot(school.admin)
    report = run(school.counsellor, write_xlsx(tmp_path / "bad.xlsx", rows))

    found = {(p.row, p.column): p.reason for p in report.problems}
    expected = {
        (3, "学籍号"): "every row needs the 学籍号",
        (4, "学籍号"): "check character",
        (5, "姓名"): "every row needs the student's name",
        (6, "身份证件号"): "says born 2012-03-03, the birth date column says 2012-03-04",
        (7, "身份证件号"): "says male, the gender column says female",
        (8, "性别"): "unknown gender 'X'",
        (8, "出生日期"): "not a real date",
        (8, "班级"): "cannot read a grade and class from '火星班'",
        (9, "年级"): "cannot read a grade from '火星'",
        (9, "是否留守儿童"): "'也许' is not a yes/no answer",
        (10, "学籍号"): "the same 学籍号 is on row 11",
        (11, "学籍号"): "the same 学籍号 is on row 10",
        (11, "班主任"): FORMULA,
        (12, "姓名"): f"the vault has 学籍号 {WANG_NO} as 王小明",
        (12, "出生日期"): f"the vault has 学籍号 {WANG_NO} born 2012-03-05",
        (13, "身份证件号"): "lost its last digits",
        (14, "身份证件号"): f"belongs to 王小明 (学籍号 {WANG_NO})",
    }
    # Row 9's 成员1关系 without a 成员1姓名 column is no member and no problem (see the next test).
    assert set(found) == set(expected), sorted(found)
    assert len(report.problems) == len(expected)  # one problem per cell, none twice
    for where, text in expected.items():
        assert text in found[where], (where, found[where])
    assert [p.row for p in report.problems] == sorted(p.row or 0 for p in report.problems)
    assert report.added == 1 and report.skipped == 12 and report.updated == 0
    assert [line.action for line in report.lines] == ["add"] + ["skip"] * 12
    # The formula in 备注 (no field) is no problem; the bad rows left no trace; 王小明 untouched.
    after = snapshot(school.admin)
    added = set(after["Student"]) - set(before["Student"])
    assert [row[1] for row in added] == ["G" + good]
    assert set(before["Student"]) <= set(after["Student"])
    assert after["SchoolClass"] == before["SchoolClass"] and after["Staff"] == before["Staff"]


def test_a_member_without_a_name_is_a_problem_when_the_name_column_exists(
    school: School, tmp_path: Path
) -> None:
    no = "G" + ident(date(2012, 5, 5), 71)
    rows = [["学籍号", "姓名", "成员1姓名", "成员1联系电话"], [no, "冯五", "", "13900009999"]]
    report = run(school.counsellor, write_xlsx(tmp_path / "m.xlsx", rows))
    assert [(p.row, p.column) for p in report.problems] == [(2, "成员1姓名")]
    assert "other 成员1 columns are filled" in report.problems[0].reason


def test_two_head_teachers_for_one_class(school: School, tmp_path: Path) -> None:
    rows = [
        ["学籍号", "姓名", "班级", "班主任"],
        ["G" + A_ID, "赵一", "初一(4)班", "马老师"],
        ["G" + B_ID, "李华", "七年级4班", "牛老师"],
        ["G" + C_ID, "孙三", "初一(4)班", "马老师"],
    ]
    report = run(school.counsellor, write_xlsx(tmp_path / "h.xlsx", rows))
    assert [(p.row, p.column) for p in report.problems] == [(3, "班主任")]
    assert "row 2 names 马老师" in report.problems[0].reason
    assert (report.added, report.skipped) == (2, 1)
    found = students(school.admin)
    assert class_of(school.admin, found["G" + A_ID].id) == ("初一(4)班", "马老师", 7)
    assert "G" + B_ID not in found


# -- whole-file refusals ----------------------------------------------------------------------


def test_refused_files_change_nothing(school: School, tmp_path: Path) -> None:
    before = snapshot(school.admin)
    no_name = write_xlsx(tmp_path / "no_name.xlsx", [["学籍号", "性别"], ["G" + A_ID, "男"]])
    with pytest.raises(ValidationError, match=r"no column is mapped to 姓名 \(name\)") as caught:
        run(school.counsellor, no_name)
    assert caught.value.record == "no_name.xlsx"
    header_only = write_xlsx(tmp_path / "header.xlsx", [["学籍号", "姓名", "性别"]])
    with pytest.raises(ValidationError, match="no students below it") as caught:
        run(school.counsellor, header_only)
    assert caught.value.record == "header.xlsx"
    table = read_table(write_xlsx(tmp_path / "ok.xlsx", [["学籍号", "姓名"], ["G" + A_ID, "赵一"]]))
    with pytest.raises(ValidationError, match="column A is mapped to both 学籍号 and 班主任"):
        import_roster(
            school.counsellor,
            table,
            0,
            {"student_no": 0, "name": 1, "head_teacher": 0},
            dry_run=False,
        )
    with pytest.raises(ValidationError, match="unknown roster field 'shoe_size'"):
        import_roster(
            school.counsellor,
            table,
            0,
            {"student_no": 0, "name": 1, "shoe_size": 1},
            dry_run=False,
        )
    assert snapshot(school.admin) == before


def test_viewer_is_refused_and_nothing_changes(school: School, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", messy_rows())
    before = snapshot(school.admin)
    with pytest.raises(PermissionDenied):
        run(school.viewer, path)
    with pytest.raises(PermissionDenied):
        run(school.viewer, path, dry_run=True)
    assert snapshot(school.admin) == before


def test_a_failure_while_writing_leaves_nothing(
    school: School, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import counselroom.domain.pinyin as pinyin

    calls: list[str] = []

    def failing(name: str) -> str:
        calls.append(name)
        if len(calls) == 3:
            raise OSError("disk full")
        return "x x"

    monkeypatch.setattr(pinyin, "search_key", failing)
    before = snapshot(school.admin)
    with pytest.raises(OSError, match="disk full"):
        run(school.counsellor, write_xlsx(tmp_path / "r.xlsx", messy_rows()))
    assert len(calls) == 3
    assert snapshot(school.admin) == before


# -- updates ----------------------------------------------------------------------------------


def test_updates_list_every_change_and_empty_cells_keep_values(
    school: School, tmp_path: Path
) -> None:
    rows = [
        [
            "学籍号",
            "姓名",
            "联系电话",
            "现住址",
            "班级",
            "班主任",
            "民族",
            "成员1姓名",
            "成员1联系电话",
            "成员2姓名",
            "成员2关系",
            "成员2是否监护人",
            "是否留守儿童",
            "是否孤儿",
        ],
        [
            WANG_NO,
            "王小明",
            "13800009999",
            "",
            "初三(1)班",
            "郑老师",
            "汉族",
            "王父",
            "",
            "王奶奶",
            "祖母",
            "是",
            "否",
            "是",
        ],
    ]
    report = run(school.counsellor, write_xlsx(tmp_path / "u.xlsx", rows))
    assert (report.added, report.updated, report.unchanged, report.skipped) == (0, 1, 0, 0)
    (line,) = report.lines
    assert line.action == "update" and line.student_id == school.wang
    assert line.class_label == "初三(1)班"
    assert line.changes == (
        FieldChange("phone", "13800001111", "13800009999"),
        FieldChange("ethnicity", "", "汉族"),
        FieldChange("grade", "初二", "初三"),
        FieldChange("class", "初二(3)班", "初三(1)班"),
        FieldChange("head_teacher", "陈老师", "郑老师"),
        FieldChange(
            "guardians",
            "王父 父亲 13900001111 监护人; 李母 母亲",
            "王父 父亲 13900001111 监护人; 王奶奶 祖母 监护人",
        ),
        FieldChange("groups", "留守儿童", "留守儿童、孤儿"),
    )
    assert line.notes == ("roster says 否 for 留守儿童; the file keeps the group",)
    wang = students(school.admin)[WANG_NO]
    assert (wang.phone, wang.address, wang.ethnicity) == ("13800009999", "幸福路1号", "汉族")
    assert wang.updated_at > datetime(2026, 1, 1)  # an open profile form is now stale
    assert wang.class_label_original == "初三(1)班"
    assert class_of(school.admin, school.wang) == ("初三(1)班", "郑老师", 9)
    assert family(school.admin, school.wang) == [
        ("王父", "父亲", "13900001111", True),  # empty cells kept the stored relation and phone
        ("王奶奶", "祖母", "", True),
    ]
    assert groups(school.admin, school.wang) == {"left_behind", "orphan"}
    # The same file again changes nothing.
    again = run(school.counsellor, write_xlsx(tmp_path / "u.xlsx", rows))
    assert (again.updated, again.unchanged) == (0, 1)


def test_a_new_head_teacher_replaces_the_class_one(school: School, tmp_path: Path) -> None:
    rows = [["学籍号", "姓名", "班级", "班主任"], [WANG_NO, "王小明", "初二(3)班", "陈老师"]]
    assert run(school.counsellor, write_xlsx(tmp_path / "a.xlsx", rows)).updated == 0
    rows[1][3] = "黄老师"
    report = run(school.counsellor, write_xlsx(tmp_path / "b.xlsx", rows))
    assert report.lines[0].changes == (FieldChange("head_teacher", "陈老师", "黄老师"),)
    assert class_of(school.admin, school.wang) == ("初二(3)班", "黄老师", 8)


def test_left_student_is_updated_but_keeps_his_status(school: School, tmp_path: Path) -> None:
    with school.admin.vault.write() as s:
        wang = s.get(Student, school.wang)
        assert wang is not None
        wang.status = "transferred"
    rows = [["学籍号", "姓名", "联系电话"], [WANG_NO, "王小明", "13611112222"]]
    report = run(school.counsellor, write_xlsx(tmp_path / "t.xlsx", rows))
    (line,) = report.lines
    assert line.action == "update"
    assert line.notes == ("the vault has this student as 转出; the import keeps that status",)
    wang_now = students(school.admin)[WANG_NO]
    assert (wang_now.status, wang_now.phone) == ("transferred", "13611112222")


def test_stored_values_must_agree_with_the_new_ones(school: School, tmp_path: Path) -> None:
    rows = [["学籍号", "姓名", "性别"], [WANG_NO, "王小明", "女"]]  # the stored ID says male
    report = run(school.counsellor, write_xlsx(tmp_path / "g.xlsx", rows))
    assert [(p.row, p.column) for p in report.problems] == [(2, "性别")]
    assert "disagrees with the ID number in the vault (男)" in report.problems[0].reason
    assert students(school.admin)[WANG_NO].gender == "M"


def test_grade_alone_must_match_the_stored_class(school: School, tmp_path: Path) -> None:
    rows = [["学籍号", "姓名", "年级"], [WANG_NO, "王小明", "初三"]]
    report = run(school.counsellor, write_xlsx(tmp_path / "g.xlsx", rows))
    assert [(p.row, p.column) for p in report.problems] == [(2, "年级")]
    assert "not the grade of the student's class 初二(3)班" in report.problems[0].reason
    rows[1][2] = "八年级"
    assert run(school.counsellor, write_xlsx(tmp_path / "h.xlsx", rows)).unchanged == 1


def test_enrolment_day_may_not_pass_recorded_sessions(school: School, tmp_path: Path) -> None:
    with school.admin.vault.write() as s:
        s.add(
            CounsellingSession(
                student_id=school.wang,
                started_at=datetime(2025, 10, 8, 2),
                duration_min=45,
                kind="individual",
                counsellor_id=school.counsellor.actor.user_id,
            )
        )
    rows = [["学籍号", "姓名", "入学日期"], [WANG_NO, "王小明", "2025-10-09"]]
    report = run(school.counsellor, write_xlsx(tmp_path / "e.xlsx", rows))
    assert [(p.row, p.column) for p in report.problems] == [(2, "入学日期")]
    assert "already recorded on 2025-10-08" in report.problems[0].reason
    rows[1][2] = "2025-09-01"
    assert run(school.counsellor, write_xlsx(tmp_path / "f.xlsx", rows)).updated == 1


def test_four_members_that_match_keep_a_fifth(school: School, tmp_path: Path) -> None:
    family_rows = [("甲", "父亲"), ("乙", "母亲"), ("丙", "祖父"), ("丁", "祖母"), ("戊", "叔叔")]
    with school.admin.vault.write() as s:
        for g in s.scalars(select(Guardian).where(Guardian.student_id == school.wang)):
            s.delete(g)
        for n, (name, relation) in enumerate(family_rows, start=1):
            s.add(Guardian(student_id=school.wang, ordinal=n, name=name, relation=relation))
    header: list[object] = ["学籍号", "姓名"]
    row: list[object] = [WANG_NO, "王小明"]
    for n, (name, relation) in enumerate(family_rows[:4], start=1):
        header += [f"成员{n}姓名", f"成员{n}关系"]
        row += [name, relation]
    report = run(school.counsellor, write_xlsx(tmp_path / "f.xlsx", [header, row]))
    assert report.unchanged == 1
    assert len(family(school.admin, school.wang)) == 5


# -- dry run and audit ------------------------------------------------------------------------


def test_dry_run_reports_the_same_and_writes_nothing(school: School, tmp_path: Path) -> None:
    rows = messy_rows()
    rows.append(
        ["", "", "坏行", "G123", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]
    )
    path = write_xlsx(tmp_path / "r.xlsx", rows, title="花名册")
    before = snapshot(school.admin)
    dry = run(school.counsellor, path, dry_run=True)
    assert snapshot(school.admin) == before  # not even an audit entry
    real = run(school.counsellor, path)
    assert dry.dry_run and not real.dry_run
    assert replace(dry, dry_run=False) == real
    assert (real.added, real.skipped) == (4, 1)


def test_audit_entry_has_counts_only(school: School, tmp_path: Path) -> None:
    rows = messy_rows()
    rows[1][3] = "G"  # row 2 is refused
    run(school.counsellor, write_xlsx(tmp_path / "r.xlsx", rows))
    with school.admin.vault.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "roster.import")).one()
    assert entry.detail == "rows=4 added=3 updated=0 unchanged=0 skipped=1"
    assert entry.target is None


def test_problems_keep_their_spreadsheet_row_number(school: School) -> None:
    """Row numbers are the reader's (physical ones), never positions in the list of rows."""
    table = Table(
        "t.csv",
        (
            SheetRow(1, ("花名册",)),
            SheetRow(3, ("学籍号", "姓名")),
            SheetRow(40, ("G" + A_ID, "")),
        ),
    )
    report = import_roster(school.counsellor, table, 1, {"student_no": 0, "name": 1}, dry_run=True)
    assert [(p.row, p.column) for p in report.problems] == [(40, "姓名")]
    assert [(line.row, line.action, line.student_no) for line in report.lines] == [
        (40, "skip", "G" + A_ID)
    ]


def test_passports_are_kept_and_a_head_teacher_needs_a_class(
    school: School, tmp_path: Path
) -> None:
    rows = [
        ["学籍号", "姓名", "身份证件类型", "身份证件号", "班主任"],
        ["G" + A_ID, "Tom Lee", "护照", "e 1234 5678", "陈老师"],
    ]
    report = run(school.counsellor, write_xlsx(tmp_path / "p.xlsx", rows))
    assert report.problems == ()
    (line,) = report.lines
    assert line.notes == ("班主任 is ignored: the row gives no class",)
    tom = students(school.admin)["G" + A_ID]
    assert (tom.name, tom.id_type, tom.id_number, tom.class_id) == (
        "Tom Lee",
        "护照",
        "E12345678",
        None,
    )
