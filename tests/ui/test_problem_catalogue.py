"""Every problem of a roster or screening import reads in Chinese in the window.

The services speak English (the CLI prints it) and keep each message's template and data; the
window translates the template in the "problems" context (ui/problem_text.py). Messy files run
through the real services here, and every problem, note and refusal they produce must carry a
template the application's zh_CN catalogue translates — a message built without one, or a
template missing from the catalogue, would show English in the Chinese window.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from counselroom.domain.errors import ValidationError, fill
from counselroom.domain.idnumbers import make_id_number
from counselroom.domain.scoring import MHT_SCALES
from counselroom.domain.terms import term_of
from counselroom.intake.columns import find_header
from counselroom.intake.problems import Problem
from counselroom.intake.roster_fields import ROSTER_FIELDS
from counselroom.intake.screening_fields import guess_header
from counselroom.intake.sheets import read_table
from counselroom.paths import resources_dir
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.roles import Role
from counselroom.services.roster_import import RosterReport, import_roster
from counselroom.services.screening_batches import (
    BatchInput,
    check_batch_input,
    create_batch,
    enter_result,
)
from counselroom.services.screening_import import ScreeningReport, import_screening
from counselroom.storage.models import SchoolClass, Student, StudentGroup
from counselroom.ui.problem_text import error_text, message_text, problem_text
from intake_samples import write_csv, write_xlsx
from vault_fixtures import account, make_vault

SOURCE = resources_dir().parent / "src" / "counselroom"
PLACEHOLDER = re.compile(r"%\d+")
TODAY = local_today()
MHT_CODES = tuple(scale.code for scale in MHT_SCALES)


def ident(birth: date, seq: int) -> str:
    """A valid ID number; an odd ``seq`` is a boy's."""
    return make_id_number("500101", birth, seq)


WANG_ID = ident(date(2012, 3, 5), 11)
WANG_NO = "G" + WANG_ID
ZHAO_NO = "G" + ident(date(2012, 4, 4), 13)
SUN_NO = "G" + ident(date(2015, 5, 5), 15)
NOBODY_ID = ident(date(2012, 6, 6), 17)  # a stored student without a 学籍号 holds it
QIAN_NO = "G" + ident(date(2012, 10, 10), 25)


@dataclass
class School:
    counsellor: Context
    zhao: int  # transferred


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    with admin.vault.write() as s:
        g8 = SchoolClass(grade_level=8, number=3, label="初二(3)班")
        g5 = SchoolClass(grade_level=5, number=2, label="五年级(2)班")
        s.add_all([g8, g5])
        s.flush()

        def pupil(name: str, no: str | None, **values: object) -> Student:
            student = Student(name=name, student_no=no, grade_level=8, class_id=g8.id)
            for key, value in values.items():
                setattr(student, key, value)
            s.add(student)
            return student

        wang = pupil("王小明", WANG_NO, gender="M", birth_date=date(2012, 3, 5), id_number=WANG_ID)
        zhao = pupil("赵六", ZHAO_NO, status="transferred")
        pupil("张伟", "G" + ident(date(2012, 7, 7), 19))
        pupil("张伟", "G" + ident(date(2012, 8, 8), 21))
        pupil("孙九", SUN_NO, grade_level=5, class_id=g5.id)
        pupil("无号生", None, id_number=NOBODY_ID)
        pupil("钱八", QIAN_NO)
        s.flush()
        for holder in (wang, zhao):
            s.add(StudentGroup(student_id=holder.id, code="left_behind", since=date(2025, 9, 1)))
    try:
        yield School(counsellor, zhao.id)
    finally:
        admin.close()


# -- what the window would show ----------------------------------------------------------------


def assert_in_chinese(template: str, args: Sequence[str], english: str) -> str:
    """The message's template is translated and fills in to a text without a raw %N."""
    assert template, f"no template, the window would show English: {english!r}"
    assert fill(template, *args) == english, "the template and the English message differ"
    chinese = QCoreApplication.translate("problems", template)
    assert chinese and chinese != template, f"not in the zh_CN catalogue: {template!r}"
    shown = message_text(template, args, english)
    assert shown == fill(chinese, *args)
    assert not PLACEHOLDER.search(shown), shown
    return shown


def assert_problems_in_chinese(problems: Sequence[Problem]) -> set[str]:
    for problem in problems:
        assert_in_chinese(problem.template, problem.args, problem.reason)
        assert problem_text(problem) == message_text(problem.template, problem.args, "")
    return {problem.template for problem in problems}


def refusal(run: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        run()
    error = caught.value
    assert_in_chinese(error.template or "", error.args, error.message)
    return error


# -- every template in the code is in the catalogue ----------------------------------------------


def marked_templates() -> dict[str, str]:
    """Every QT_TRANSLATE_NOOP("problems", "...") of the source, with the file it is in."""
    found: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) != 2:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            context, text = node.args
            marked = name == "QT_TRANSLATE_NOOP" and isinstance(context, ast.Constant)
            if marked and context.value == "problems":  # type: ignore[attr-defined]
                assert isinstance(text, ast.Constant), f"{path}: a template must be literal"
                found[text.value] = path.name
    return found


def test_every_marked_template_is_translated(qapp: QCoreApplication) -> None:
    templates = marked_templates()
    assert len(templates) > 150  # the roster's, the screening's and the files' reasons
    for template, module in templates.items():
        chinese = QCoreApplication.translate("problems", template)
        assert chinese != template, f"{module}: {template!r} is not in the catalogue"
        assert sorted(PLACEHOLDER.findall(chinese)) == sorted(PLACEHOLDER.findall(template))


# -- a messy roster ------------------------------------------------------------------------------

ROSTER_HEADER = [
    "学籍号", "姓名", "性别", "出生日期", "班级", "班主任", "身份证件号", "年级",
    "是否留守儿童", "成员1姓名", "成员1关系", "联系电话", "民族", "入学日期",
]  # fmt: skip


def roster_row(**cells: object) -> list[object]:
    keys = {"no": 0, "name": 1, "sex": 2, "born": 3, "class": 4, "head": 5, "id": 6,
            "grade": 7, "left": 8, "m_name": 9, "m_rel": 10, "phone": 11, "eth": 12,
            "enrolled": 13}  # fmt: skip
    row: list[object] = [""] * len(ROSTER_HEADER)
    for key, value in cells.items():
        row[keys[key]] = value
    return row


def messy_roster() -> list[list[object]]:
    good = ident(date(2012, 1, 1), 51)
    dup = ident(date(2012, 2, 2), 53)
    boy = ident(date(2012, 3, 3), 55)
    girl_said_boy = ident(date(2012, 4, 4), 57)
    nos = ["G" + ident(date(2012, 5, n), 61 + 2 * n) for n in range(1, 25)]
    rows = [
        roster_row(no="", name="无学籍号"),
        roster_row(no="G" + good[:-1] + ("0" if good[-1] != "0" else "1"), name="错校验"),
        roster_row(no=nos[0]),
        roster_row(no="G" + boy, name="甲", sex="男", born="2012-03-04", id=boy),
        roster_row(no="G" + girl_said_boy, name="乙", sex="女", id=girl_said_boy),
        roster_row(no=nos[1], name="丙", sex="X", born="2012-02-30", **{"class": "火星班"}),
        roster_row(no=nos[2], name="丁", grade="火星", left="也许", m_rel="父亲"),
        roster_row(no="G" + dup, name="戊"),
        roster_row(no="G" + dup, name="己", head="=A1"),
        roster_row(no=WANG_NO, name="王晓明", born="2012-03-06"),
        roster_row(no=nos[3], name="庚", id="1.10101E+17"),
        roster_row(no=nos[4], name="辛", id=WANG_ID),
        roster_row(no=nos[5], name="壬", id=NOBODY_ID),
        roster_row(no=nos[6], name="癸", phone="138-abc"),
        roster_row(no=nos[7], name="子", phone="123"),
        roster_row(no=nos[8], name="丑", eth="族" * 60),
        roster_row(no=nos[9], name="名" * 60),
        roster_row(no=nos[10], name="寅", born="1985-01-01"),
        roster_row(no=nos[11], name="卯", born="2012-01-01", enrolled="2011-09-01"),
        roster_row(no=nos[12], name="辰", born=f"{TODAY.year + 1}-01-01"),
        roster_row(no=nos[13], name="巳", born="12-3-5"),
        roster_row(no=nos[14], name="午", born="3/5/2012"),
        roster_row(no=nos[15], name="未", **{"class": "初二(3)班"}, grade="初三"),
        roster_row(no=nos[16], name="申", **{"class": "3班"}),
        roster_row(no=nos[17], name="酉", **{"class": "初一(4)班"}, head="马老师"),
        roster_row(no=nos[18], name="戌", **{"class": "初一(4)班"}, head="牛老师"),
        roster_row(no=nos[19], name="亥", **{"class": "初二(120)班"}),
        roster_row(no=nos[20], name="甲甲", m_rel="母亲", **{"m_name": ""}, phone="13800001111"),
        roster_row(no=nos[21], name="乙乙", head="周老师"),  # 班主任 without a class: a note
        roster_row(no=ZHAO_NO, name="赵六", left="否"),  # he left, and has the group: two notes
        roster_row(no=nos[22], name="丙丙", born="2010.1"),
        roster_row(no=nos[23], name="丁丁", left="=1"),
        roster_row(no="G12345", name="短号"),
    ]
    return [ROSTER_HEADER, *rows]


def run_roster(ctx: Context, path: Path) -> RosterReport:
    table = read_table(path)
    guess = find_header(table, ROSTER_FIELDS)
    return import_roster(ctx, table, guess.row_index, guess.mapping, dry_run=True)


def test_every_roster_problem_and_note_reads_in_chinese(
    qapp: QCoreApplication, school: School, tmp_path: Path
) -> None:
    report = run_roster(school.counsellor, write_xlsx(tmp_path / "花名册.xlsx", messy_roster()))
    templates = assert_problems_in_chinese(report.problems)
    assert len(report.problems) >= 30 and len(templates) >= 25  # the file is really messy
    notes = [(line.notes, line.note_templates) for line in report.lines if line.notes]
    assert sum(len(english) for english, _pairs in notes) == 3, notes
    for english, pairs in notes:
        assert len(english) == len(pairs)
        for text, (template, args) in zip(english, pairs, strict=True):
            assert_in_chinese(template, args, text)
    shown = " ".join(problem_text(p) for p in report.problems)
    assert "校验位" in shown and "check character" not in shown


def test_every_roster_refusal_reads_in_chinese(
    qapp: QCoreApplication, school: School, tmp_path: Path
) -> None:
    ctx = school.counsellor

    def table_of(rows: list[list[object]]) -> object:
        return read_table(write_xlsx(tmp_path / "r.xlsx", rows))

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    no_suffix = tmp_path / "roster"
    no_suffix.write_bytes(b"x")
    binary = tmp_path / "binary.csv"
    binary.write_bytes("学籍号\x00姓名".encode())
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    zip_as_csv = tmp_path / "book.csv"
    zip_as_csv.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    for path in (empty, old, no_suffix, binary, damaged, locked, zip_as_csv):
        assert refusal(lambda path=path: read_table(path)).record == path.name

    nonsense = read_table(write_csv(tmp_path / "n.csv", [["a", "b"], ["x", "y"]]))
    refusal(lambda: find_header(nonsense, ROSTER_FIELDS))
    one = read_table(write_xlsx(tmp_path / "one.xlsx", [["学籍号", "姓名"], [WANG_NO, "王小明"]]))
    for header_row, mapping in [
        (5, {"student_no": 0, "name": 1}),
        (0, {"student_no": 0, "name": 1, "shoe_size": 1}),
        (0, {"student_no": 0, "name": 7}),
        (0, {"student_no": 0, "name": 1, "head_teacher": 0}),
        (0, {"student_no": 0}),
        (0, {"gender": 0}),
    ]:
        refusal(lambda h=header_row, m=mapping: import_roster(ctx, one, h, m, dry_run=True))
    header_only = read_table(write_xlsx(tmp_path / "h.xlsx", [["学籍号", "姓名"]]))
    refusal(lambda: import_roster(ctx, header_only, 0, {"student_no": 0, "name": 1}, dry_run=True))


# -- a messy screening file ----------------------------------------------------------------------

PHQ_HEADER = ["学籍号", "姓名", "班级", *(f"第{n}题" for n in range(1, 10))]


def batch(instrument: str = "phq9", grades: tuple[int, ...] = (7, 8, 9)) -> BatchInput:
    return BatchInput(instrument, TODAY, term_of(TODAY).label_zh, grades, None, None)


def run_screening(
    ctx: Context, path: Path, into: int | BatchInput, instrument: str = "phq9"
) -> ScreeningReport:
    table = read_table(path)
    guess, _scales = guess_header(table, instrument)
    return import_screening(ctx, into, table, guess.row_index, guess.mapping, dry_run=False)


def test_every_screening_problem_reads_in_chinese(
    qapp: QCoreApplication, school: School, tmp_path: Path
) -> None:
    ctx, ok = school.counsellor, [0] * 9
    into = create_batch(ctx, batch())
    first = write_csv(tmp_path / "first.csv", [PHQ_HEADER, [WANG_NO, "王小明", "", *ok]])
    assert run_screening(ctx, first, into).scored == 1
    rows = [
        PHQ_HEADER,
        [WANG_NO, "王小明", "初二(3)班", *ok],  # already has a result in the batch
        [ZHAO_NO, "赵六", "初二(3)班", *ok],  # transferred
        ["", "张伟", "初二(3)班", *ok],  # two of them
        ["", "无名氏", "初二(3)班", *ok],  # nobody
        [SUN_NO, "孙九", "", *ok],  # grade 5 is not in the batch
        [WANG_NO[:-1] + "0", "王小明", "", *ok],  # check character
        ["", "刘八", "火星班", *ok],  # unreadable class
        [WANG_NO, "李四", "", *ok],  # the number is someone else's
        ["G" + ident(date(2012, 9, 9), 23), "新人", "", *ok],  # not in the vault
        ["", "刘八", "", *ok],  # neither number nor class
        ["", "王小明", "=A1", *ok],  # a formula in the class
        ["=A1", "王小明", "", *ok],  # a formula in the number
        [QIAN_NO, "钱八", "", *[""] * 9],  # no answers
        ["", "无名氏", "初二(3)班", 0, 0, 0, 0, 0, 0, 0, 0, 3],  # item 9, not imported
        [ZHAO_NO, "赵六", "", 1, "=1+1", "abc", "1.5", "-1", "7", 0, 0, 0],
    ]
    report = run_screening(ctx, write_csv(tmp_path / "phq9.csv", rows), into)
    templates = assert_problems_in_chinese(report.problems)
    assert len(templates) >= 15, sorted(templates)

    twice = [PHQ_HEADER, ["", "王小明", "初二(3)班", *ok], [WANG_NO, "王小明", "", *ok]]
    incomplete = [PHQ_HEADER, [WANG_NO, "王小明", "", 1, 1, "", 0, 0, 0, 0, 0, 0]]
    for name, sheet in (("twice.csv", twice), ("incomplete.csv", incomplete)):
        fresh = run_screening(ctx, write_csv(tmp_path / name, sheet), batch())
        assert fresh.problems and assert_problems_in_chinese(fresh.problems)

    header = ["学籍号", "姓名", "学习焦虑", "对人焦虑", "孤独倾向", "自责倾向", "过敏倾向",
              "身体症状", "恐怖倾向", "冲动倾向", "效度", "总分"]  # fmt: skip
    scales = [
        header,
        [WANG_NO, "王小明", 1, 1, 1, 1, 1, 1, 1, 1, 2, 9],  # total is not the sum
        [WANG_NO, "王小明", 16, "多", "=1", 1, 1, 1, 1, 1, 11, 200],
        [WANG_NO, "王小明", 1, 1, 1, 1, 1, 1, 1, 1, "=2", "x"],
    ]
    mht = run_screening(ctx, write_xlsx(tmp_path / "mht.xlsx", scales), batch("mht"), "mht")
    assert len(assert_problems_in_chinese(mht.problems)) >= 6
    answers = [["学籍号", *(f"第{n}题" for n in range(1, 101))], [WANG_NO, "是", "也许", "=1"]]
    mht_sheet = run_screening(ctx, write_csv(tmp_path / "a.csv", answers), batch("mht"), "mht")
    assert assert_problems_in_chinese(mht_sheet.problems)


def test_every_screening_refusal_reads_in_chinese(
    qapp: QCoreApplication, school: School, tmp_path: Path
) -> None:
    ctx = school.counsellor

    def refuse_file(rows: list[list[object]], instrument: str = "phq9", **kw: object) -> None:
        path = write_csv(tmp_path / "s.csv", rows)
        table = read_table(path)
        mapping = kw.get("mapping")
        if mapping is None:
            guess, _ = guess_header(table, instrument)
            mapping, row = guess.mapping, guess.row_index
        else:
            row = 0
        into = kw.get("into", batch(instrument))
        assert (
            refusal(
                lambda: import_screening(ctx, into, table, row, mapping, dry_run=True)  # type: ignore[arg-type]
            ).record
            == path.name
        )

    ok = [0] * 9
    refuse_file([PHQ_HEADER])
    refuse_file([["第1题", "第2题"], [1, 1]], mapping={"item1": 0, "item2": 1})
    refuse_file([["学籍号", *(f"第{n}题" for n in range(1, 8))], [WANG_NO, *[0] * 7]])
    refuse_file([["学籍号", *(f"第{n}题" for n in range(1, 100))], [WANG_NO]])
    refuse_file([["学籍号", *(f"第{n}题" for n in range(1, 12))], [WANG_NO]])
    refuse_file([["学籍号", "第1题", "第2题"], [WANG_NO, 1, 1]])
    refuse_file([["学籍号", "姓名"], [WANG_NO, "王小明"]], mapping={"student_no": 0})
    refuse_file(
        [["学籍号", "学习焦虑", "对人焦虑", "孤独倾向", "效度"], [WANG_NO, 1, 1, 1, 1]],
        mapping={"student_no": 0},
    )
    mht_scales = ["学籍号", "学习焦虑", "对人焦虑", "孤独倾向", "自责倾向", "过敏倾向",
                  "身体症状", "恐怖倾向", "冲动倾向"]  # fmt: skip
    for with_lie, drop in ((False, 0), (False, 1), (True, 1)):
        header = mht_scales[: len(mht_scales) - drop] + (["效度"] if with_lie else [])
        refuse_file([header, [WANG_NO]], "mht")
    refuse_file(
        [["学籍号", "第1题", "学习焦虑", "效度"], [WANG_NO, 1, 1, 1]],
        "mht",
        mapping={"student_no": 0, "item1": 1, "learning": 2},
    )
    phq = create_batch(ctx, batch())
    path = write_csv(tmp_path / "gad.csv", [PHQ_HEADER, [WANG_NO, "王小明", "", *ok]])
    table = read_table(path)
    guess, _ = guess_header(table, "phq9")
    refusal(
        lambda: import_screening(
            ctx, phq, table, guess.row_index, guess.mapping, dry_run=True, instrument="gad7"
        )
    )
    nonsense = read_table(write_csv(tmp_path / "n.csv", [["a", "b"], ["x", "y"]]))
    refusal(lambda: guess_header(nonsense, "gad7"))

    # What the batch and entry dialogs show.
    refusal(lambda: check_batch_input(batch("mht", (1,))))
    refusal(lambda: check_batch_input(batch(grades=())))
    refusal(lambda: check_batch_input(batch(grades=(13,))))
    wrong_term = BatchInput("phq9", TODAY, "2001-2002学年第一学期", (8,), None, None)
    refusal(lambda: check_batch_input(wrong_term))
    no_term = BatchInput("phq9", TODAY, None, (8,), None, None)  # type: ignore[arg-type]
    refusal(lambda: check_batch_input(no_term))
    left = refusal(lambda: enter_result(ctx, phq, school.zhao, answers=[0] * 9))
    assert error_text(left, record=False) == message_text(left.template or "", left.args, "")
    refusal(lambda: enter_result(ctx, phq, school.zhao, answers=[0] * 8))
    refusal(lambda: enter_result(ctx, phq, school.zhao, answers=[4] * 9))
    refusal(lambda: enter_result(ctx, phq, school.zhao, scales={"learning": 1}))
    refusal(lambda: enter_result(ctx, phq, school.zhao))
    refusal(lambda: enter_result(ctx, phq, 999_999, answers=[0] * 9))
    refusal(lambda: enter_result(ctx, 999_999, school.zhao, answers=[0] * 9))
    mht = create_batch(ctx, batch("mht"))
    for scales, lie, total in (
        ({"learning": 1}, 1, None),
        ({"nosuch": 1}, 1, None),
        ({s: 1 for s in MHT_CODES}, None, None),
        ({s: 1 for s in MHT_CODES}, 1, 3),
        ({s: 1 for s in MHT_CODES} | {"learning": 99}, 1, None),
        ({s: 1 for s in MHT_CODES}, 99, None),
        ({s: 1 for s in MHT_CODES}, 1, 999),
    ):
        refusal(
            lambda scales=scales, lie=lie, total=total: enter_result(
                ctx, mht, school.zhao, scales=scales, lie=lie, total=total
            )
        )
