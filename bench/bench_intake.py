"""Intake (issue 5), each figure next to a raw primitive measured in the same run.

    python bench/bench_intake.py

* roster import of a 5,000-row .xlsx in the national student-status system's layout (title row,
  20 columns, two family members) into an empty vault — the whole service: reading, header
  detection, checking every ID and 学籍号, one transaction — vs. openpyxl's bare read of the same
  file (load_workbook read_only, iter_rows values_only): DESIGN.md wants ≤ 2 ×;
* the same file imported again (every row compared, nothing to write);
* a 5,000-row PHQ-9 results file matched by 学籍号, scored and stored with its flags and item-9
  tasks: DESIGN.md wants ≤ 1.5 s; primitive the same bare openpyxl read of that file.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="counselroom-bench-intake-"))
sys.path.insert(0, str(Path(__file__).parent))
from common import HEADER, row, timed  # noqa: E402

ROWS = 5000
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅"


def main() -> None:
    try:
        _run()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


def _roster_rows(rng: random.Random) -> list[list[object]]:
    from counselroom.domain.idnumbers import make_id_number, make_student_no

    header = [
        "序号", "姓名", "性别", "出生日期", "民族", "身份证件类型", "身份证件号", "全国学籍号",
        "年级", "班级", "班主任", "班内学号", "现住址", "联系电话", "是否留守儿童",
        "是否进城务工人员随迁子女", "成员1姓名", "成员1关系", "成员1联系电话", "成员1是否监护人",
        "成员2姓名", "成员2关系",
    ]  # fmt: skip
    rows: list[list[object]] = [["某某市第一中学学生名册（2026年秋季）"], header]
    used: set[str] = set()
    for n in range(ROWS):
        grade = 7 + n % 3
        klass = 1 + (n // 3) % 12
        born = date(2026 - grade - 6, 1, 1) + timedelta(days=rng.randrange(365))
        while True:
            male = rng.random() < 0.5
            seq = rng.randrange(500) * 2 + (1 if male else 0)
            id_number = make_id_number("500103", born, seq)
            if id_number not in used:
                used.add(id_number)
                break
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        rows.append(
            [
                n + 1, name, "男" if male else "女", born.isoformat(), "汉族", "居民身份证",
                id_number, make_student_no(id_number), ("初一", "初二", "初三")[grade - 7],
                f"{klass}班", f"班主任{grade}{klass:02d}", n % 50 + 1, "重庆市渝中区某路1号",
                f"139{rng.randrange(10**8):08d}", "是" if rng.random() < 0.1 else "否", "否",
                name[0] + "父", "父亲", f"138{rng.randrange(10**8):08d}", "是", name[0] + "母",
                "母亲",
            ]
        )  # fmt: skip
    return rows


def _write(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def _bare_read(path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    for _ in book.active.iter_rows(values_only=True):
        pass
    book.close()


def _run() -> None:
    from counselroom.domain.idnumbers import make_student_no
    from counselroom.intake.columns import find_header
    from counselroom.intake.roster_fields import ROSTER_FIELDS
    from counselroom.intake.screening_fields import screening_fields
    from counselroom.intake.sheets import read_table
    from counselroom.services.roster_import import import_roster
    from counselroom.services.screening_batches import BatchInput
    from counselroom.services.screening_import import import_screening
    from counselroom.services.setup import SchoolDetails, init_vault
    from counselroom.vault.kdf import INSECURE_TEST_PARAMS

    rng = random.Random(5)
    roster_rows = _roster_rows(rng)
    roster = _write(WORK / "roster.xlsx", roster_rows)
    counter = iter(range(1000))

    def fresh_vault():  # type: ignore[no-untyped-def]
        folder = WORK / f"vault{next(counter)}"
        ctx, _ = init_vault(
            folder, SchoolDetails("测试中学", "junior"), "admin", "pw-bench-1234",
            kdf=INSECURE_TEST_PARAMS,
        )  # fmt: skip
        return ctx

    def roster_import(ctx) -> object:  # type: ignore[no-untyped-def]
        table = read_table(roster)
        guess = find_header(table, ROSTER_FIELDS)
        report = import_roster(ctx, table, guess.row_index, guess.mapping, dry_run=False)
        return report

    print(HEADER)
    bare = timed(lambda: _bare_read(roster), 5)
    contexts = [fresh_vault() for _ in range(3)]
    pool = iter(contexts)
    first = timed(lambda: roster_import(next(pool)), 3)
    ctx = contexts[0]
    report = roster_import(ctx)
    assert report.unchanged == ROWS, report  # type: ignore[attr-defined]
    bare_name = "openpyxl bare read"
    print(row(f"roster import, {ROWS} rows .xlsx (new students)", first, bare_name, bare))
    again = timed(lambda: roster_import(ctx), 3)
    print(row(f"the same file again ({ROWS} unchanged)", again, bare_name, bare))

    answers_rows: list[list[object]] = [["学籍号", "姓名", *[f"第{i}题" for i in range(1, 10)]]]
    for values in roster_rows[2:]:
        answers = [min(3, int(rng.expovariate(1.6))) for _ in range(9)]
        answers_rows.append([make_student_no(str(values[6])), values[1], *answers])
    scores = _write(WORK / "phq9.xlsx", answers_rows)
    bare_scores = timed(lambda: _bare_read(scores), 5)
    batch = BatchInput("phq9", date.today(), _term(), (7, 8, 9), None, None)

    def screening_import(c) -> object:  # type: ignore[no-untyped-def]
        table = read_table(scores)
        fields = screening_fields("phq9")
        guess = find_header(table, fields)
        return import_screening(c, batch, table, guess.row_index, guess.mapping, dry_run=False)

    # every repeat imports into a new batch of the same vault: the same work each time
    result = screening_import(ctx)
    assert result.scored + result.invalid == ROWS, result  # type: ignore[attr-defined]
    took = timed(lambda: screening_import(ctx), 3)
    print(row(f"screening import, {ROWS} PHQ-9 rows .xlsx", took, bare_name, bare_scores))
    for c in contexts:
        c.close()


def _term() -> str:
    from counselroom.domain.terms import term_of

    today = date.today()
    term = term_of(today)
    if term.term is None:  # August: no term; the bench only needs a valid label
        term = term_of(today - timedelta(days=40))
    return term.label_zh


if __name__ == "__main__":
    main()
