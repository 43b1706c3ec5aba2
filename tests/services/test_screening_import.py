"""Screening import: messy files, every refusal by row and column, nothing half-imported.

The school built here is shared by the batch and property tests (imported from this module):
初二(3)班 holds two 张伟 (an ambiguous name), a student on leave and one who transferred.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import counselroom.intake.sheets as sheets
from counselroom.domain.errors import ValidationError
from counselroom.domain.idnumbers import make_id_number, make_student_no
from counselroom.domain.screening_flags import ITEM9, PHQ9_FLAG, SHEET_INCOMPLETE
from counselroom.domain.terms import term_of
from counselroom.intake.columns import find_header
from counselroom.intake.screening_fields import guess_header, screening_fields
from counselroom.intake.sheets import read_table
from counselroom.services.areas import screening_batches
from counselroom.services.context import Context
from counselroom.services.dashboard import dashboard
from counselroom.services.localtime import local_date, local_today, utc_start_of
from counselroom.services.policy import current_policy, set_screening_cutoffs
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.screening_batches import BatchInput, create_batch
from counselroom.services.screening_import import ScreeningReport, import_screening
from counselroom.storage.models import (
    AuditEntry,
    NotificationTask,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    Student,
)
from intake_samples import write_csv, write_xlsx
from vault_fixtures import account, make_vault

TODAY = local_today()
PHQ_HEADER = ["学籍号", "姓名", "班级", *(f"第{n}题" for n in range(1, 10))]


def student_no(seq: int) -> str:
    return make_student_no(make_id_number("110101", date(2012, 3, seq), seq))


# key: (name, grade, class number, status, has 学籍号)
PUPILS = {
    "wang": ("王小明", 8, 3, "enrolled", True),
    "li": ("李华", 8, 3, "on_leave", True),
    "zhang1": ("张伟", 8, 3, "enrolled", True),
    "zhang2": ("张伟", 8, 3, "enrolled", True),
    "zhao": ("赵六", 8, 3, "transferred", True),
    "chen": ("陈七", 9, 1, "enrolled", True),
    "liu": ("刘八", 8, 1, "enrolled", False),
    "sun": ("孙九", 5, 2, "enrolled", True),
}


@dataclass
class School:
    admin: Context
    counsellor: Context
    viewer: Context
    ids: dict[str, int]
    nos: dict[str, str]
    folder: Path


def build_school(folder: Path) -> School:
    admin, _code = make_vault(folder / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    ids: dict[str, int] = {}
    nos: dict[str, str] = {}
    with admin.vault.write() as s:
        classes: dict[tuple[int, int], SchoolClass] = {}
        for seq, (key, (name, grade, number, status, has_no)) in enumerate(PUPILS.items(), 1):
            if (grade, number) not in classes:
                label = {8: "初二", 9: "初三", 5: "五年级"}[grade] + f"({number})班"
                classes[(grade, number)] = SchoolClass(
                    grade_level=grade, number=number, label=label
                )
                s.add(classes[(grade, number)])
                s.flush()
            no = student_no(seq) if has_no else None
            student = Student(
                name=name,
                student_no=no,
                grade_level=grade,
                class_id=classes[(grade, number)].id,
                status=status,
            )
            s.add(student)
            s.flush()
            ids[key] = student.id
            if no:
                nos[key] = no
    return School(admin, counsellor, viewer, ids, nos, folder)


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    built = build_school(tmp_path)
    try:
        yield built
    finally:
        built.admin.close()


def batch_input(instrument: str = "phq9", grades: tuple[int, ...] = (7, 8, 9)) -> BatchInput:
    return BatchInput(instrument, TODAY, term_of(TODAY).label_zh, grades, "2026-告知书-01", None)


def phq_row(no: str, name: str, klass: str, answers: Sequence[object]) -> list[object]:
    return [no, name, klass, *answers]


def run(
    ctx: Context,
    path: Path,
    *,
    instrument: str = "phq9",
    batch: int | BatchInput | None = None,
    dry_run: bool = False,
) -> ScreeningReport:
    """What the CLI and the window do: read, find the header, map automatically, import."""
    table = read_table(path)
    guess, _scales = guess_header(table, instrument)
    mapping = guess.mapping
    chosen = batch if batch is not None else batch_input(instrument)
    return import_screening(ctx, chosen, table, guess.row_index, mapping, dry_run=dry_run)


def snapshot(ctx: Context) -> tuple[Any, ...]:
    with ctx.vault.read() as s:
        counts = tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (ScreeningBatch, ScreeningResult, NotificationTask, AuditEntry)
        )
        results = s.execute(
            select(ScreeningResult.student_id, ScreeningResult.total).order_by(ScreeningResult.id)
        ).all()
        return counts, results


def results_of(ctx: Context) -> dict[int, ScreeningResult]:
    with ctx.vault.read() as s:
        rows = s.scalars(select(ScreeningResult)).all()
        s.expunge_all()
        return {r.student_id: r for r in rows}


def where(report: ScreeningReport) -> set[tuple[int | None, str | None]]:
    return {(p.row, p.column) for p in report.problems}


def reasons(report: ScreeningReport, row: int) -> str:
    return " | ".join(p.reason for p in report.problems if p.row == row)


def assert_counts_add_up(report: ScreeningReport) -> None:
    parts = report.scored + report.invalid + report.unmatched + report.skipped
    assert parts == report.rows == len(report.lines)


# -- a good file, and what it leaves behind ---------------------------------------------------


def test_messy_xlsx_imports_by_student_no_and_by_name_and_class(
    school: School, tmp_path: Path
) -> None:
    nos = school.nos
    path = write_xlsx(
        tmp_path / "phq9.xlsx",
        [
            PHQ_HEADER,
            phq_row(nos["wang"], "王小明", "初二(3)班", [1, 1, 2, 1, 0, 1, 1, 0, 0]),
            [],  # a blank row: row numbers still count it
            phq_row("", "刘  八", "八年级1班", ["3分", "２", 3, 3, 3, 3, 3, 2, 0]),
            phq_row(f" {nos['chen']} ", "陈七", "初三（1）班", ["0"] * 9),
        ],
        title="2026年秋季PHQ-9筛查结果",
    )
    report = run(school.counsellor, path)
    assert_counts_add_up(report)
    assert (report.rows, report.scored, report.unmatched, report.skipped) == (3, 3, 0, 0)
    assert report.problems == ()
    assert [line.row for line in report.lines] == [3, 5, 6]
    stored = results_of(school.admin)
    wang, liu = stored[school.ids["wang"]], stored[school.ids["liu"]]
    assert (wang.total, wang.band, wang.valid) == (7, "mild", True)
    assert json.loads(wang.answers_json or "") == [1, 1, 2, 1, 0, 1, 1, 0, 0]
    assert (liu.total, liu.band, json.loads(liu.flags_json)) == (22, "severe", [PHQ9_FLAG])
    assert report.flagged == 1 and report.item9_alerts == 0
    assert stored[school.ids["chen"]].total == 0


def test_item9_positive_with_low_total_makes_a_same_day_task_shown_in_red(
    school: School, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "phq9.csv",
        [
            PHQ_HEADER,
            phq_row(school.nos["wang"], "王小明", "初二(3)班", [1, 1, 0, 0, 0, 0, 0, 0, 1]),
        ],
    )
    report = run(school.counsellor, path)
    assert (report.scored, report.item9_alerts, report.flagged) == (1, 1, 1)
    result = results_of(school.admin)[school.ids["wang"]]
    assert (result.total, result.item9) == (3, 1)
    assert json.loads(result.flags_json) == [ITEM9]
    with school.admin.vault.read() as s:
        task = s.scalars(select(NotificationTask)).one()
        assert task.student_id == school.ids["wang"]
        assert (task.recipient_role, task.tier_change_id, task.person) == (
            "counsellor",
            None,
            "林老师",
        )
        assert task.method == "in_person" and task.done_at is None
        assert local_date(task.due_at) == TODAY
        assert local_date(task.due_at + timedelta(minutes=1)) == TODAY + timedelta(days=1)
        assert task.note == "PHQ-9 第9题 1 分：当日完成风险评估（筛查提示，非诊断）"
    board = dashboard(school.counsellor)
    interview = [i for i in board.interviews if i.student_id == school.ids["wang"]]
    assert [(i.detail, i.due) for i in interview] == [(ITEM9, TODAY)]
    tasks = [i for i in board.tasks if i.student_id == school.ids["wang"]]
    assert [(i.detail, i.due) for i in tasks] == [("counsellor", TODAY)]
    (row,) = screening_batches(school.counsellor)
    assert (row.results, row.item9_alerts) == (1, 1)


def test_the_risk_task_is_listed_even_when_the_file_is_closed(
    school: School, tmp_path: Path
) -> None:
    with school.admin.vault.write() as s:
        student = s.get(Student, school.ids["wang"])
        assert student is not None
        student.file_state = "closed"
        s.add(
            NotificationTask(  # a tier task of the closed file stays off the dashboard
                student_id=student.id,
                recipient_role="head_teacher",
                due_at=utc_start_of(TODAY) + timedelta(hours=12),
            )
        )
    path = write_csv(
        tmp_path / "phq9.csv",
        [PHQ_HEADER, phq_row(school.nos["wang"], "王小明", "初二(3)班", [0] * 8 + [2])],
    )
    run(school.counsellor, path)
    tasks = [i for i in dashboard(school.counsellor).tasks if i.student_id == school.ids["wang"]]
    assert [i.detail for i in tasks] == ["counsellor"]


def test_an_incomplete_sheet_is_stored_invalid_and_a_positive_item9_still_alerts(
    school: School, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "phq9.csv",
        [
            PHQ_HEADER,
            phq_row(school.nos["wang"], "王小明", "初二(3)班", [1, 1, "abc", 0, 0, 0, 0, 0, 2]),
            phq_row(school.nos["chen"], "陈七", "初三(1)班", [1, 1, 1, "", 0, 0, 0, 0, 0]),
        ],
    )
    report = run(school.counsellor, path)
    assert_counts_add_up(report)
    assert (report.scored, report.invalid, report.item9_alerts) == (0, 2, 1)
    assert (2, "第3题") in where(report)
    assert "'abc' is not an answer" in reasons(report, 2)
    assert "item 3" in reasons(report, 2) and "incomplete" in reasons(report, 2)
    assert "item 4" in reasons(report, 3)
    stored = results_of(school.admin)
    wang = stored[school.ids["wang"]]
    assert (wang.valid, wang.total, wang.band, wang.item9) == (False, None, None, 2)
    assert json.loads(wang.flags_json) == [ITEM9, SHEET_INCOMPLETE]
    assert json.loads(wang.answers_json or "") == [1, 1, None, 0, 0, 0, 0, 0, 2]
    assert json.loads(stored[school.ids["chen"]].flags_json) == [SHEET_INCOMPLETE]
    with school.admin.vault.read() as s:
        assert s.scalar(select(func.count()).select_from(NotificationTask)) == 1


def test_formulas_and_text_in_answer_cells_are_problems_never_scores(
    school: School, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "phq9.xlsx",
        [
            PHQ_HEADER,
            phq_row(school.nos["wang"], "王小明", "初二(3)班", [1, "=1+1", 0, 0, 0, 0, 0, 0, 0]),
            phq_row(school.nos["chen"], "陈七", "初三(1)班", [1, 1, 1, 1, 1, 1, 1, 1, "两分"]),
            phq_row(school.nos["zhang1"], "张伟", "初二(3)班", ["4", 0, 0, 0, 0, 0, 0, 0, 0]),
        ],
    )
    report = run(school.counsellor, path)
    assert {(2, "第2题"), (3, "第9题"), (4, "第1题")} <= where(report)
    assert "formula" in reasons(report, 2)
    assert "'两分'" in reasons(report, 3) and "out of range" in reasons(report, 4)
    assert (report.invalid, report.scored) == (3, 0)
    assert all(r.total is None and not r.valid for r in results_of(school.admin).values())


def test_answers_written_as_labels_and_with_units_are_read(school: School, tmp_path: Path) -> None:
    labels = ["完全不会", "好几天", "一半以上的天数", "几乎每天", "3分", "3.0", "０", "1", "0"]
    path = write_csv(
        tmp_path / "phq9.csv",
        [PHQ_HEADER, phq_row(school.nos["wang"], "王小明", "初二(3)班", labels)],
        encoding="gb18030",
    )
    report = run(school.counsellor, path)
    assert report.scored == 1 and report.problems == ()
    assert results_of(school.admin)[school.ids["wang"]].total == 0 + 1 + 2 + 3 + 3 + 3 + 0 + 1 + 0


# -- rows that are refused, by row and column -----------------------------------------------


def test_refused_rows_are_reported_by_row_and_column(school: School, tmp_path: Path) -> None:
    nos, ok = school.nos, [0] * 9
    path = write_csv(
        tmp_path / "phq9.csv",
        [
            PHQ_HEADER,
            phq_row(nos["zhao"], "赵六", "初二(3)班", ok),  # 2: transferred
            phq_row("", "张伟", "初二(3)班", ok),  # 3: two 张伟 in the class
            phq_row(nos["wang"], "王小明", "初二(3)班", ok),  # 4: twice
            phq_row("", "王小明", "初二(3)班", [1] * 9),  # 5: twice (by name)
            phq_row("", "无名氏", "初二(3)班", ok),  # 6: nobody
            phq_row(nos["sun"], "孙九", "五年级(2)班", ok),  # 7: grade 5 not in 7-9
            phq_row(nos["chen"][:-1] + "0", "陈七", "初三(1)班", ok),  # 8: check character
            phq_row("", "刘八", "高二(9)班", ok),  # 9: no such class
            phq_row(nos["li"], "李小华", "初二(3)班", ok),  # 10: 学籍号 of another name
            phq_row(nos["zhang1"], "张伟", "初二(3)班", [""] * 9),  # 11: no answers
            phq_row("", "刘八", "", ok),  # 12: no class
            phq_row(nos["li"], "李华", "初二(3)班", ok),  # 13: on leave: imported
        ],
    )
    report = run(school.counsellor, path)
    assert_counts_add_up(report)
    status = {line.row: line.status for line in report.lines}
    assert status == {
        2: "skipped",
        3: "unmatched",
        4: "skipped",
        5: "skipped",
        6: "unmatched",
        7: "skipped",
        8: "unmatched",
        9: "unmatched",
        10: "unmatched",
        11: "skipped",
        12: "unmatched",
        13: "scored",
    }
    # whole-row refusals carry the row and no column
    assert {(2, None), (4, None), (5, None), (7, None), (11, None)} <= where(report)
    assert "left the school" in reasons(report, 2) and "transferred" in reasons(report, 2)
    assert (3, "姓名") in where(report) and "2 students named 张伟" in reasons(report, 3)
    assert "row 5" in reasons(report, 4) and "row 4" in reasons(report, 5)
    assert (6, "姓名") in where(report)
    assert "grade 5" in reasons(report, 7)
    assert (8, "学籍号") in where(report) and "check character" in reasons(report, 8)
    assert (9, "姓名") in where(report)
    assert (10, "姓名") in where(report) and "李华" in reasons(report, 10)
    assert "no answers" in reasons(report, 11)
    assert (12, None) in where(report)
    assert set(results_of(school.admin)) == {school.ids["li"]}
    assert (report.scored, report.unmatched, report.skipped) == (1, 6, 5)


def test_a_student_already_in_the_batch_is_skipped(school: School, tmp_path: Path) -> None:
    batch = create_batch(school.counsellor, batch_input())
    first = write_csv(
        tmp_path / "a.csv",
        [PHQ_HEADER, phq_row(school.nos["wang"], "王小明", "初二(3)班", [1] * 9)],
    )
    again = write_csv(
        tmp_path / "b.csv",
        [
            PHQ_HEADER,
            phq_row(school.nos["wang"], "王小明", "初二(3)班", [0] * 9),
            phq_row(school.nos["chen"], "陈七", "初三(1)班", [0] * 9),
        ],
    )
    assert run(school.counsellor, first, batch=batch).scored == 1
    report = run(school.counsellor, again, batch=batch)
    assert (report.scored, report.skipped, report.batch_id) == (1, 1, batch)
    assert (2, None) in where(report) and "already has a result" in reasons(report, 2)
    assert results_of(school.admin)[school.ids["wang"]].total == 9


def test_matching_by_name_and_class_needs_no_student_no_column(
    school: School, tmp_path: Path
) -> None:
    header = ["年级", "班级", "学生姓名", *(f"Q{n}" for n in range(1, 10))]
    path = write_csv(
        tmp_path / "phq9.csv",
        [
            header,
            ["初二", "1班", "刘八", *([1] * 9)],
            ["八年级", "3", "王小明", *([0] * 9)],
            ["初二", "3班", "张伟", *([0] * 9)],
        ],
        delimiter="\t",
        encoding="utf-16",
    )
    report = run(school.counsellor, path)
    assert (report.scored, report.unmatched) == (2, 1)
    assert report.lines[0].class_label == "初二(1)班"
    assert set(results_of(school.admin)) == {school.ids["liu"], school.ids["wang"]}


# -- files refused as a whole change nothing ---------------------------------------------------


def refused(school: School, path: Path, **kwargs: Any) -> str:
    before = snapshot(school.admin)
    with pytest.raises(ValidationError) as caught:
        run(school.counsellor, path, **kwargs)
    assert caught.value.record == path.name
    assert snapshot(school.admin) == before
    return caught.value.message


def test_empty_file_and_header_only_are_refused(school: School, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "no rows" in refused(school, empty)
    header_only = write_csv(tmp_path / "header.csv", [PHQ_HEADER])
    assert "no data rows" in refused(school, header_only)


def test_a_gad7_file_imported_as_phq9_is_refused(school: School, tmp_path: Path) -> None:
    gad = write_csv(
        tmp_path / "gad7.csv",
        [
            PHQ_HEADER[:3] + [str(n) for n in range(1, 8)],
            [school.nos["wang"], "王小明", "", *[0] * 7],
        ],
    )
    message = refused(school, gad)
    assert message == "has item columns 1-7; PHQ-9 has 9 items — is this a GAD-7 file?"


def test_an_mht_answer_file_imported_as_phq9_is_refused(school: School, tmp_path: Path) -> None:
    mht = write_csv(
        tmp_path / "mht.csv",
        [["学籍号", *(str(n) for n in range(1, 101))], [school.nos["wang"], *["是"] * 100]],
    )
    assert "1-100; PHQ-9 has 9 items — is this an MHT file?" in refused(school, mht)
    gad = write_csv(
        tmp_path / "phq-as-gad.csv",
        [["学籍号", *(f"第{n}题" for n in range(1, 10))], [school.nos["wang"], *[0] * 9]],
    )
    assert "is this a PHQ-9 file?" in refused(
        school, gad, instrument="gad7", batch=batch_input("gad7")
    )


def test_a_file_without_identity_or_items_is_refused(school: School, tmp_path: Path) -> None:
    no_identity = write_csv(tmp_path / "anon.csv", [["姓名", "1", "2"], ["王小明", 0, 0]])
    assert "no 学籍号 column" in refused(school, no_identity)
    no_items = write_csv(tmp_path / "items.csv", [["学籍号", "姓名", "班级"], ["x", "y", "z"]])
    assert "has no item columns" in refused(school, no_items)


def test_a_damaged_xlsx_and_a_huge_file_are_refused(
    school: School, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 this is not a workbook")
    assert "not a readable .xlsx" in refused(school, damaged)
    monkeypatch.setattr(sheets, "MAX_DATA_ROWS", 50)
    rows = [PHQ_HEADER] + [
        phq_row(school.nos["wang"], "王小明", "初二(3)班", [0] * 9) for _ in range(60)
    ]
    assert "more than 50 rows" in refused(school, write_csv(tmp_path / "big.csv", rows))


def test_a_batch_of_another_instrument_is_refused(school: School, tmp_path: Path) -> None:
    gad_batch = create_batch(school.counsellor, batch_input("gad7"))
    path = write_csv(
        tmp_path / "phq9.csv",
        [PHQ_HEADER, phq_row(school.nos["wang"], "王小明", "初二(3)班", [0] * 9)],
    )
    assert "GAD-7 has 7 items" in refused(school, path, batch=gad_batch)
    table = read_table(path)
    guess = find_header(table, screening_fields("phq9"))
    before = snapshot(school.admin)
    with pytest.raises(ValidationError, match="holds GAD-7 results"):
        import_screening(
            school.counsellor,
            gad_batch,
            table,
            guess.row_index,
            guess.mapping,
            dry_run=False,
            instrument="phq9",
        )
    assert snapshot(school.admin) == before


# -- dry run, audit, permission ------------------------------------------------------------------


def test_a_dry_run_reports_the_same_and_writes_nothing(school: School, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "phq9.csv",
        [
            PHQ_HEADER,
            phq_row(school.nos["wang"], "王小明", "初二(3)班", [0] * 8 + [3]),
            phq_row("", "张伟", "初二(3)班", [0] * 9),
        ],
    )
    before = snapshot(school.admin)
    dry = run(school.counsellor, path, dry_run=True)
    assert snapshot(school.admin) == before
    assert dry.dry_run and dry.batch_id is None
    real = run(school.counsellor, path)
    assert real.batch_id is not None and not real.dry_run
    for field in ("rows", "scored", "flagged", "item9_alerts", "invalid", "unmatched", "skipped"):
        assert getattr(dry, field) == getattr(real, field), field
    assert dry.problems == real.problems and dry.lines == real.lines


def test_the_audit_entry_holds_counts_only(school: School, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "phq9.csv",
        [
            PHQ_HEADER,
            phq_row(school.nos["wang"], "王小明", "初二(3)班", [0] * 8 + [1]),
            phq_row("", "无名氏", "初二(3)班", [0] * 9),
        ],
    )
    report = run(school.counsellor, path)
    with school.admin.vault.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "screening.import")).one()
        assert entry.detail == (
            f"batch={report.batch_id} rows=2 scored=1 flagged=1 item9=1 invalid=0 "
            "unmatched=1 skipped=0"
        )
        assert entry.target == f"batch:{report.batch_id}"
    assert "王" not in (entry.detail or "") and school.nos["wang"] not in (entry.detail or "")


def test_a_viewer_may_not_import(school: School, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "phq9.csv", [PHQ_HEADER, phq_row(school.nos["wang"], "王小明", "", [0] * 9)]
    )
    before = snapshot(school.admin)
    with pytest.raises(PermissionDenied):
        run(school.viewer, path)
    assert snapshot(school.admin) == before


# -- MHT: answer sheets and platform exports ----------------------------------------------------


def test_mht_answer_sheets_are_scored_with_the_item_key(school: School, tmp_path: Path) -> None:
    header = ["学籍号", *(f"T{n}" for n in range(1, 101))]
    yes_no = ["是", "否", "Y", "N", "1", "0", "y", "n", "√", "×"] * 10
    path = write_csv(tmp_path / "mht.csv", [header, [school.nos["wang"], *yes_no]])
    report = run(school.counsellor, path, instrument="mht", batch=batch_input("mht"))
    assert report.scored == 1 and report.problems == ()
    result = results_of(school.admin)[school.ids["wang"]]
    assert json.loads(result.answers_json or "") == [1, 0] * 50
    scales = json.loads(result.scales_json or "")
    # Default key: 是 scores; the odd items were answered 是 (学习焦虑 1-15 has 8 odd items).
    assert scales["learning"] == 8 and scales["social"] == 5
    assert result.lie_score == 0  # the lie items are the even ones 82-100, all 否
    assert result.total == sum(scales.values()) == 50
    # The school's own key: item 2 scores for 否 → one more point on 学习焦虑.
    policy = current_policy(school.admin)
    key = "10" + "1" * 98
    mht = dataclasses.replace(policy.screening.mht, item_key=key)
    set_screening_cutoffs(school.admin, dataclasses.replace(policy.screening, mht=mht))
    run(school.counsellor, path, instrument="mht", batch=batch_input("mht"))
    with school.admin.vault.read() as s:
        latest = s.scalars(select(ScreeningResult).order_by(ScreeningResult.id.desc())).first()
        assert latest is not None
        assert json.loads(latest.scales_json or "")["learning"] == 9 and latest.total == 51


def test_mht_platform_exports_are_read_from_scale_columns(school: School, tmp_path: Path) -> None:
    header = ["学籍号", "姓名", "学习焦虑", "对人焦虑", "孤独倾向", "自责倾向", "过敏倾向",
              "身体症状", "恐怖倾向", "冲动倾向", "效度", "总分"]  # fmt: skip
    path = write_xlsx(
        tmp_path / "mht.xlsx",
        [
            header,
            [school.nos["wang"], "王小明", 12, 5, 3, 9, 6, 10, 4, 7, 2, 56],
            [school.nos["chen"], "陈七", 1, 1, 1, 1, 1, 1, 1, 1, 8, 8],
            [school.nos["zhang1"], "张伟", 1, 1, 1, 1, 1, 1, 1, 1, 2, 9],
            [school.nos["li"], "李华", 16, 1, 1, 1, 1, 1, 1, 1, 2, ""],
        ],
    )
    report = run(school.counsellor, path, instrument="mht", batch=batch_input("mht"))
    assert_counts_add_up(report)
    assert (report.scored, report.invalid) == (1, 3)
    assert (4, "总分") in where(report) and "not the sum" in reasons(report, 4)
    assert (5, "学习焦虑") in where(report) and "out of range" in reasons(report, 5)
    stored = results_of(school.admin)
    wang = stored[school.ids["wang"]]
    assert (wang.total, wang.lie_score, wang.valid) == (56, 2, True)
    assert json.loads(wang.flags_json) == ["mht_scale_high"]
    void = stored[school.ids["chen"]]
    assert (void.valid, json.loads(void.flags_json)) == (False, ["mht_invalid"])
