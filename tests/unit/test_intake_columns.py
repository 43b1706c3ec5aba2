"""Header detection, column mapping (automatic, --map, remembered) and import problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.errors import ValidationError
from counselroom.intake.columns import (
    FieldSpec,
    auto_map,
    data_rows,
    find_header,
    header_key,
    mapping_to_remember,
    missing_required,
    parse_map_options,
    remembered_mapping,
    resolve_column,
)
from counselroom.intake.problems import Problem, column_name
from counselroom.intake.sheets import SheetRow, Table, read_table
from intake_samples import write_xlsx

FIELDS = (
    FieldSpec("student_no", ("学籍号", "全国学籍号", "学生编号"), required=True),
    FieldSpec("name", ("姓名", "学生姓名"), required=True),
    FieldSpec("gender", ("性别",)),
    FieldSpec("birth_date", ("出生日期", "出生年月")),
    FieldSpec("class", ("班级", "班级名称")),
    FieldSpec("phone", ("联系电话", "电话")),
    FieldSpec("guardian_phone", ("电话", "家长电话")),  # 电话 is phone's: phone comes first
    FieldSpec("item1", ("1", "Q1", "第1题")),
)


def table(*rows: tuple[str, ...], name: str = "名单.xlsx") -> Table:
    return Table(name, tuple(SheetRow(n, cells) for n, cells in enumerate(rows, start=1)))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("姓名", "姓名"),
        ("姓名*", "姓名"),
        ("＊姓名", "姓名"),
        (" 姓 名 ", "姓名"),
        ("\u3000学籍号\u3000", "学籍号"),
        ("学籍号\n(G开头)", "学籍号"),
        ("姓名（必填）", "姓名"),
        ("出生日期(yyyy-mm-dd)", "出生日期"),
        ("出生日期【格式：2010-01-01】", "出生日期"),
        ("成绩(总(分))", "成绩"),
        ("姓名（必填）：", "姓名"),
        ("性别：", "性别"),
        ("性别:", "性别"),
        ("1、", "1"),
        ("1.", "1"),
        ("Ｑ１", "q1"),
        ("第 1 题", "第1题"),
        ("Student_No", "student_no"),
        ("(备注)", "(备注)"),  # nothing before the bracket: it is the header itself
        ("姓名)", "姓名)"),  # unbalanced: left as written
        ("", ""),
        ("*：", ""),
    ],
)
def test_header_key(text: str, key: str) -> None:
    assert header_key(text) == key


def test_auto_map_recognises_synonyms_and_ignores_unknown_columns() -> None:
    headers = ["序号", "学生姓名", "全国学籍号*", "性别：", "民族", "班级名称", "Q1"]
    assert auto_map(headers, FIELDS) == {
        "name": 1,
        "student_no": 2,
        "gender": 3,
        "class": 5,
        "item1": 6,
    }


def test_auto_map_first_column_wins() -> None:
    assert auto_map(["姓名", "学籍号", "学生姓名"], FIELDS) == {"name": 0, "student_no": 1}


def test_a_shared_synonym_belongs_to_the_first_field() -> None:
    # 电话 maps to phone only; the second 电话 column does not fall through to guardian_phone.
    assert auto_map(["电话", "电话", "家长电话"], FIELDS) == {"phone": 0, "guardian_phone": 2}


def test_find_header_skips_a_title_row() -> None:
    found = find_header(
        table(("某某中学学生名单",), ("学籍号", "姓名", "班级"), ("G1", "张三")), FIELDS
    )
    assert found.row_index == 1
    assert found.headers == ("学籍号", "姓名", "班级")
    assert found.mapping == {"student_no": 0, "name": 1, "class": 2}


def test_find_header_in_a_workbook_with_merged_title(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [["序号", "姓名（必填）", "学籍号*"], [1, "张三", "G1"]],
        title="2024级学生名单",
    )
    found = find_header(read_table(path), FIELDS)
    assert (found.row_index, found.mapping) == (1, {"name": 1, "student_no": 2})


def test_find_header_takes_the_row_with_most_matches() -> None:
    rows = (
        ("说明：姓名、学籍号必填", "姓名", "学籍号"),  # a note row that matches twice
        ("学籍号", "姓名", "性别", "班级"),
        ("G1", "张三", "男", "初二(3)班"),
    )
    assert find_header(table(*rows), FIELDS).row_index == 1


def test_find_header_ties_go_to_the_earliest_row() -> None:
    rows = (("学籍号", "姓名", "x"), ("姓名", "班级"))
    assert find_header(table(*rows), FIELDS).row_index == 0


def test_find_header_looks_only_at_the_first_rows() -> None:
    rows = [(f"第{i}行说明",) for i in range(10)] + [("学籍号", "姓名")]
    with pytest.raises(ValidationError):
        find_header(table(*rows), FIELDS)
    assert find_header(table(*rows), FIELDS, scan_rows=11).row_index == 10


@pytest.mark.parametrize(
    "rows", [(("序号", "名字", "备注"), ("1", "张三", "")), (("姓名", "x"),), ()]
)
def test_no_header_row_names_the_file_and_expected_headers(rows: tuple[tuple[str, ...]]) -> None:
    with pytest.raises(ValidationError) as err:
        find_header(table(*rows, name="成绩.csv"), FIELDS)
    assert err.value.record == "成绩.csv"
    assert "成绩.csv" in str(err.value)
    # The required fields are named first: they are what the file must have.
    assert "such as 学籍号、姓名、性别" in err.value.message


def test_missing_required() -> None:
    assert missing_required({"name": 0, "class": 1}, FIELDS) == [FIELDS[0]]
    assert missing_required({"name": 0, "student_no": 1}, FIELDS) == []


def test_data_rows_are_the_rows_below_the_header() -> None:
    t = table(("标题",), ("学籍号", "姓名"), ("G1", "张三"), ("G2", "李四"))
    assert [row.number for row in data_rows(t, 1)] == [3, 4]
    assert data_rows(t, 3) == ()


HEADERS = ["学籍号", "姓名（必填）", "班级", "A"] + [f"列{i}" for i in range(23)]  # 27 columns


@pytest.mark.parametrize(
    ("ref", "column"),
    [
        ("学籍号", 0),
        ("姓名", 1),  # compared by header_key: the decoration does not matter
        (" 班级 ", 2),
        ("A", 3),  # a header of the file comes before a letter
        ("B", 1),
        ("c", 2),
        ("Z", 25),
        ("AA", 26),
    ],
)
def test_resolve_column(ref: str, column: int) -> None:
    assert resolve_column(ref, HEADERS) == column


@pytest.mark.parametrize("ref", ["AB", "ZZZ", "电话", "A1", "", "ABCD"])
def test_resolve_column_names_an_unknown_ref(ref: str) -> None:
    with pytest.raises(ValidationError) as err:
        resolve_column(ref, HEADERS)
    assert (ref or "''") in err.value.message


def test_parse_map_options() -> None:
    options = ["name=B", "class = 班级", "student_no=学籍号"]
    assert parse_map_options(options, HEADERS, FIELDS) == {"name": 1, "class": 2, "student_no": 0}
    assert parse_map_options([], HEADERS, FIELDS) == {}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["name"], "is not FIELD=COLUMN"),
        (["name="], "is not FIELD=COLUMN"),
        (["=B"], "is not FIELD=COLUMN"),
        (["nickname=B"], "unknown field 'nickname'"),
        (["name=电话"], "no column '电话'"),
        (["name=B", "name=C"], "mapped twice"),
        (["name=B", "class=姓名"], "column B is mapped to both name and class"),
    ],
)
def test_parse_map_options_errors(options: list[str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_map_options(options, HEADERS, FIELDS)


def test_remembered_choices_override_the_automatic_mapping() -> None:
    headers = ["姓名", "学籍号", "性别", "监护人手机"]
    remembered = {
        "性别": "",  # the user ignored this column last time
        "监护人手机": "guardian_phone",  # and mapped a header nobody recognises
        "学籍号": "retired_field",  # a field this version no longer has: ignored
        "班级": "class",  # a header absent from this file: ignored
    }
    assert remembered_mapping(headers, remembered, FIELDS) == {
        "name": 0,
        "student_no": 1,
        "guardian_phone": 3,
    }


def test_a_remembered_field_moves_from_its_automatic_column() -> None:
    # Last time the user said the real 学籍号 is in 学生编号, not in 全国学籍号.
    headers = ["全国学籍号", "学生编号", "姓名"]
    remembered = {"学生编号": "student_no"}
    assert remembered_mapping(headers, remembered, FIELDS) == {"student_no": 1, "name": 2}


def test_remember_and_restore_a_users_mapping_in_another_column_order() -> None:
    first = ["学籍号", "姓名", "性别", "监护人手机", "备注"]
    chosen = {"student_no": 0, "name": 1, "guardian_phone": 3}  # 性别 switched off by hand
    remembered = mapping_to_remember(first, chosen)
    assert remembered == {
        "学籍号": "student_no",
        "姓名": "name",
        "性别": "",
        "监护人手机": "guardian_phone",
        "备注": "",
    }
    second = ["备注", "监护人手机", "姓名", "学籍号", "性别", "班级"]
    assert remembered_mapping(second, remembered, FIELDS) == {
        "guardian_phone": 1,
        "name": 2,
        "student_no": 3,
        "class": 5,  # new header: mapped automatically
    }


def test_a_repeated_header_is_remembered_from_its_first_column() -> None:
    assert mapping_to_remember(["姓名", "", "姓名 "], {"name": 0}) == {"姓名": "name"}


POOL = ["学籍号", "姓名", "性别", "出生日期", "班级", "联系电话", "家长电话", "Q1", "备注", "民族"]


@given(data=st.data())
def test_remember_round_trip(data: st.DataObject) -> None:
    headers = data.draw(st.lists(st.sampled_from(POOL), unique=True, min_size=1))
    keys = [spec.key for spec in FIELDS]
    columns = data.draw(st.lists(st.sampled_from(range(len(headers))), unique=True))
    fields = data.draw(st.permutations(keys))
    mapping = dict(zip(fields, columns, strict=False))
    restored = remembered_mapping(headers, mapping_to_remember(headers, mapping), FIELDS)
    assert restored == mapping


# --- problems -----------------------------------------------------------------------------


def test_problem_text_and_json() -> None:
    cell = Problem(12, "身份证件号", "check character is 3, expected X")
    assert str(cell) == "row 12, column 身份证件号: check character is 3, expected X"
    assert cell.to_json() == {
        "row": 12,
        "column": "身份证件号",
        "reason": "check character is 3, expected X",
    }
    assert str(Problem(7, None, "the same 学籍号 as row 5")) == "row 7: the same 学籍号 as row 5"
    assert str(Problem(None, "性别", "no such column")) == "column 性别: no such column"
    whole = Problem(None, None, "no header row found")
    assert str(whole) == "no header row found"
    assert whole.to_json() == {"row": None, "column": None, "reason": "no header row found"}


def test_column_name_is_the_header_or_the_letter() -> None:
    headers = ("学籍号", "", "姓名")
    assert [column_name(headers, i) for i in range(4)] == ["学籍号", "B", "姓名", "D"]
