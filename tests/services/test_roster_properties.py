"""Generated rosters: the import never crashes and never leaves a partial import.

Each example gets a vault of its own (cheap key derivation makes that about a quarter of a
second) holding one student, 王小明, so that a row can conflict with the vault. Good rows are
built so their outcome is known exactly; bad rows carry one defect each; the file is written
as CSV (UTF-8 or GB18030, comma or tab) with its columns shuffled, header synonyms drawn, a
title row and blank rows scattered, and read back through the sheet reader.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from counselroom.domain.idnumbers import make_id_number
from counselroom.intake.columns import find_header
from counselroom.intake.roster_fields import FIELD_LABELS_ZH, ROSTER_FIELDS
from counselroom.intake.sheets import SheetRow, Table, read_table
from counselroom.services.context import Context
from counselroom.services.roster_import import RosterReport, import_roster
from counselroom.storage.models import Guardian, SchoolClass, Staff, Student, StudentGroup
from intake_samples import write_csv
from vault_fixtures import make_vault

WANG_ID = make_id_number("500101", date(2012, 3, 5), 11)
WANG_NO = "G" + WANG_ID
FIELDS = [
    "student_no", "name", "gender", "birth_date", "class", "head_teacher", "id_number",
    "phone", "member1_name", "member1_relation", "member1_phone", "member1_guardian",
    "left_behind", "orphan",
]  # fmt: skip
SYNONYMS = {spec.key: spec.synonyms for spec in ROSTER_FIELDS}
CLASSES = {"初二(3)班": (8, 3), "八年级3班": (8, 3), "高一.5": (10, 5), "七年级（2）班": (7, 2)}
LABELS = {(8, 3): "初二(3)班", (10, 5): "高一(5)班", (7, 2): "初一(2)班"}
DEFECTS = (
    "bad_check",
    "no_name",
    "bad_date",
    "bad_gender",
    "bad_class",
    "formula",
    "id_mismatch",
    "conflict",
    "bad_phone",
    "duplicate",
)
HAN = (
    "李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤明华伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂𠮷"
)


@dataclass
class Row:
    cells: dict[str, str]
    good: bool
    expected: dict[str, Any] = field(default_factory=dict)


def head_of(key: tuple[int, int]) -> str:
    """Every row of a class names the same 班主任, so head teachers never disagree."""
    return f"班主任{key[0]}-{key[1]}"


@st.composite
def good_row(draw: st.DrawFn, index: int) -> Row:
    sex = draw(st.sampled_from("MF"))
    birth = date(2008, 1, 1) + timedelta(days=draw(st.integers(0, 2000)))
    number = make_id_number("500101", birth, 2 * index + (1 if sex == "M" else 0))
    name = "".join(draw(st.lists(st.sampled_from(HAN), min_size=2, max_size=3)))
    gender_cell = draw(st.sampled_from(["", {"M": "男", "F": "女"}[sex], sex, sex.lower()]))
    birth_cell = draw(
        st.sampled_from(["", birth.isoformat(), f"{birth.year}/{birth.month}/{birth.day}"])
    )
    id_cell = draw(st.sampled_from(["", number, number.lower()]))
    class_cell = draw(st.sampled_from(["", *CLASSES]))
    key = CLASSES.get(class_cell)
    head_cell = head_of(key) if key and draw(st.booleans()) else ""
    phone = draw(st.sampled_from(["", "13800001111", "023-6000 1234"]))
    member = draw(st.booleans())
    m_phone = draw(st.sampled_from(["", "13912345678"])) if member else ""
    m_guardian = draw(st.sampled_from(["", "是", "否"])) if member else ""
    groups = {code: draw(st.sampled_from(["", "是", "否"])) for code in ("left_behind", "orphan")}
    cells = {
        "student_no": "G" + number,
        "name": draw(st.sampled_from([name, f" {name}\u3000", name[0] + "\u3000" + name[1:]])),
        "gender": gender_cell,
        "birth_date": birth_cell,
        "class": class_cell,
        "head_teacher": head_cell,
        "id_number": id_cell,
        "phone": phone,
        "member1_name": f"{name[0]}家长" if member else "",
        "member1_relation": "父亲" if member else "",
        "member1_phone": m_phone,
        "member1_guardian": m_guardian,
        **groups,
    }
    expected = {
        "name": name,
        "gender": sex if gender_cell else "U",
        "birth_date": birth if birth_cell else None,
        "id_number": number if id_cell else None,
        "class": LABELS[key] if key else None,
        "grade_level": key[0] if key else None,
        "phone": phone or None,
        "guardians": [(f"{name[0]}家长", "父亲", m_phone, m_guardian != "否")] if member else [],
        "groups": {code for code, cell in groups.items() if cell == "是"},
    }
    return Row(cells, True, expected)


@st.composite
def bad_rows(draw: st.DrawFn, index: int) -> list[Row]:
    row = draw(good_row(index))
    cells = dict(row.cells)
    defect = draw(st.sampled_from(DEFECTS))
    number = cells["student_no"][1:]
    if defect == "bad_check":
        wrong = "0" if number[-1] != "0" else "1"
        cells["student_no"] = "G" + number[:-1] + wrong
    elif defect == "no_name":
        cells["name"] = ""
    elif defect == "bad_date":
        cells["birth_date"] = "2011-02-30"
    elif defect == "bad_gender":
        cells["gender"] = "X"
    elif defect == "bad_class":
        cells["class"], cells["head_teacher"] = "火星班", ""
    elif defect == "formula":
        cells[draw(st.sampled_from(["phone", "name", "class", "member1_name"]))] = "=B2"
    elif defect == "id_mismatch":
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        cells["birth_date"] = (birth + timedelta(days=1)).isoformat()
        cells["id_number"] = number
    elif defect == "conflict":
        cells["student_no"] = WANG_NO
    elif defect == "bad_phone":
        cells["phone"] = "12ab"
    else:  # the same 学籍号 twice: neither row can be trusted
        return [Row(cells, False), Row(dict(cells, name=cells["name"] + "甲"), False)]
    return [Row(cells, False)]


@st.composite
def rosters(draw: st.DrawFn) -> tuple[list[str], list[list[str]], list[tuple[int, Row]]]:
    """(file rows as written, and the data rows with their physical row numbers)."""
    kinds = draw(st.lists(st.booleans(), min_size=1, max_size=12))
    data: list[Row] = []
    for index, good in enumerate(kinds):
        data += [draw(good_row(index))] if good else draw(bad_rows(index))
    order = draw(st.permutations(FIELDS))
    headers = [draw(st.sampled_from(SYNONYMS[key])) for key in order] + ["备注"]
    lines: list[list[str]] = []
    if draw(st.booleans()):
        lines.append(["2026年秋季学生名单"])
    lines.append(headers)
    placed: list[tuple[int, Row]] = []
    for row in data:
        if draw(st.integers(0, 4)) == 0:
            lines.append([])  # a blank row: counted by the spreadsheet, skipped by the reader
        lines.append([row.cells[key] for key in order] + [draw(st.sampled_from(["", "=A1"]))])
        placed.append((len(lines), row))
    return headers, lines, placed


@contextmanager
def fresh_vault() -> Iterator[tuple[Context, Path]]:
    with tempfile.TemporaryDirectory() as folder:
        ctx, _code = make_vault(Path(folder) / "vault")
        try:
            with ctx.vault.write() as s:
                s.add(Student(student_no=WANG_NO, name="王小明", gender="M", id_number=WANG_ID))
            yield ctx, Path(folder)
        finally:
            ctx.close()


def run(ctx: Context, path: Path) -> RosterReport:
    table = read_table(path)
    guess = find_header(table, ROSTER_FIELDS)
    return import_roster(ctx, table, guess.row_index, guess.mapping, dry_run=False)


def stored(ctx: Context) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with ctx.vault.read() as s:
        for st_ in s.scalars(select(Student)):
            guardians = s.execute(
                select(Guardian.name, Guardian.relation, Guardian.phone, Guardian.is_guardian)
                .where(Guardian.student_id == st_.id)
                .order_by(Guardian.ordinal)
            )
            out[st_.student_no or ""] = {
                "name": st_.name,
                "gender": st_.gender,
                "birth_date": st_.birth_date,
                "id_number": st_.id_number,
                "class": st_.school_class.label if st_.school_class else None,
                "grade_level": st_.grade_level,
                "phone": st_.phone,
                "guardians": [(n, r, p, bool(g)) for n, r, p, g in guardians],
                "groups": set(
                    s.scalars(select(StudentGroup.code).where(StudentGroup.student_id == st_.id))
                ),
            }
    return out


def classes_and_heads(ctx: Context) -> tuple[set[str], set[str]]:
    with ctx.vault.read() as s:
        return set(s.scalars(select(SchoolClass.label))), set(s.scalars(select(Staff.name)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roster=rosters(), encoding=st.sampled_from(["utf-8-sig", "gb18030"]), tab=st.booleans())
def test_generated_rosters_import_good_rows_exactly_and_bad_rows_not_at_all(
    roster: tuple[list[str], list[list[str]], list[tuple[int, Row]]], encoding: str, tab: bool
) -> None:
    headers, lines, placed = roster
    with fresh_vault() as (ctx, folder):
        path = write_csv(
            folder / "roster.csv", lines, encoding=encoding, delimiter="\t" if tab else ","
        )
        before = stored(ctx)
        report = run(ctx, path)

        good = [(number, row) for number, row in placed if row.good]
        bad = [(number, row) for number, row in placed if not row.good]
        assert report.rows == len(placed)
        assert (report.added, report.updated, report.unchanged) == (len(good), 0, 0)
        assert report.skipped == len(bad)
        assert {p.row for p in report.problems} == {number for number, _ in bad}
        assert {p.column for p in report.problems} <= set(headers)
        assert [line.row for line in report.lines] == [number for number, _ in placed]

        after = stored(ctx)
        for _number, row in good:
            assert after[row.cells["student_no"]] == row.expected
        new = set(after) - set(before)
        assert new == {row.cells["student_no"] for _, row in good}  # bad rows left nothing
        assert after[WANG_NO] == before[WANG_NO]
        labels, staff = classes_and_heads(ctx)
        keys = {CLASSES[row.cells["class"]] for _, row in good if row.cells["class"]}
        assert labels == {LABELS[key] for key in keys}
        heads = {row.cells["head_teacher"] for _, row in good} - {""}
        assert staff == heads

        again = run(ctx, path)
        assert (again.added, again.updated) == (0, 0)
        assert (again.unchanged, again.skipped) == (len(good), len(bad))
        assert stored(ctx) == after


STUDENT_NOS = st.builds(
    lambda birth, seq: "G" + make_id_number("500101", birth, seq),
    st.dates(date(2005, 1, 1), date(2015, 12, 31)),
    st.integers(0, 999),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(
        st.fixed_dictionaries(
            {
                "student_no": st.one_of(STUDENT_NOS, st.text(max_size=20)),
                "name": st.one_of(st.text(HAN, min_size=2, max_size=3), st.text(max_size=8)),
            },
            # A few other cells with any text at all; the rest empty, so some rows are good.
            optional={key: st.text(max_size=12) for key in FIELDS[2:]},
        ),
        min_size=1,
        max_size=8,
    )
)
def test_arbitrary_cells_never_crash_and_never_half_import(cells: list[dict[str, str]]) -> None:
    """Any text at all in any cell: a report, never an exception, and no trace of bad rows.

    The table is built as the sheet reader hands it over (stripped cells, blank rows left
    out): what a file could not even be read as is the reader's business, tested with it.
    """
    header = tuple(FIELD_LABELS_ZH[key] for key in FIELDS)
    rows = [SheetRow(1, header)]
    for number, row in enumerate(cells, start=2):
        texts = tuple(row.get(key, "").strip() for key in FIELDS)
        if any(texts):
            rows.append(SheetRow(number, texts))
    if len(rows) < 2:
        return  # nothing below the header: a whole-file refusal, tested elsewhere
    table = Table("r.csv", tuple(rows))
    mapping = {key: index for index, key in enumerate(FIELDS)}
    with fresh_vault() as (ctx, _folder):
        before = stored(ctx)
        report = import_roster(ctx, table, 0, mapping, dry_run=False)
        event(f"some rows added: {report.added > 0}")
        assert report.added + report.updated + report.unchanged + report.skipped == report.rows
        problem_rows = {p.row for p in report.problems}
        after = stored(ctx)
        for line in report.lines:
            assert (line.action == "skip") == (line.row in problem_rows)
            if line.action == "skip" and line.student_no not in before:
                assert line.student_no not in after
        assert len(after) == len(before) + report.added
        again = import_roster(ctx, table, 0, mapping, dry_run=False)
        assert (again.added, again.updated, again.skipped) == (0, 0, report.skipped)
        assert stored(ctx) == after
