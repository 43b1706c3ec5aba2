"""Care-group ledgers (台账): who is listed, in what order, with which last contact; the .xlsx
export and its failures; audit entries with codes and counts, never names."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import event, select

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.pinyin import search_key
from counselroom.services.context import Context
from counselroom.services.ledger_xlsx import HEADERS
from counselroom.services.ledgers import Ledger, LedgerRow, export_ledger, ledger
from counselroom.services.localtime import local_today
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.base import Base
from counselroom.storage.models import (
    AuditEntry,
    CounsellingSession,
    ParentContact,
    SchoolClass,
    Staff,
    Student,
    StudentGroup,
)
from vault_fixtures import account, make_vault

SCHOOL = "重庆市第一中学"
GROUP = "left_behind"
NAMES = ("安琪", "白雪", "张三", "陈明", "赵六", "周九", "钱七", "孙八", "李四")


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A Beijing wall-clock time as stored (naive UTC)."""
    return datetime(day.year, day.month, day.day, hour, minute) - timedelta(hours=8)


@dataclass
class School:
    admin: Context
    counsellor: Context
    viewer: Context
    ids: dict[str, int]


def _add(session: Any, model: type[Base], **values: Any) -> int:
    row = model(**values)
    session.add(row)
    session.flush()
    return int(row.id)  # type: ignore[attr-defined]


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    admin, _code = make_vault(tmp_path / "vault", school=SCHOOL)
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    uid = counsellor.actor.user_id
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    ids: dict[str, int] = {}
    with admin.vault.write() as s:
        wang = _add(s, Staff, name="王老师", role="head_teacher")
        li = _add(s, Staff, name="李老师", role="head_teacher")
        c71 = _add(s, SchoolClass, grade_level=7, number=1, label="初一(1)班", head_teacher_id=wang)
        c72 = _add(s, SchoolClass, grade_level=7, number=2, label="初一(2)班", head_teacher_id=li)
        c83 = _add(s, SchoolClass, grade_level=8, number=3, label="初二(3)班")

        def student(
            key: str,
            name: str,
            groups: tuple[str, ...] = (GROUP,),
            since: date | None = None,
            **kw: Any,
        ) -> int:
            sid = _add(s, Student, name=name, name_pinyin=search_key(name), **kw)
            for code in groups:
                _add(s, StudentGroup, student_id=sid, code=code, since=since)
            ids[key] = sid
            return sid

        # Inserted out of order on purpose: the ledger sorts by grade, class, then pinyin.
        zhao = student(
            "zhao",
            "赵六",
            gender="F",
            grade_level=8,
            class_id=c83,
            tier=2,
            file_state="open",
            next_follow_up=date(2026, 12, 1),
            student_no="G110101201001011234",
            since=date(2026, 9, 1),
        )
        zhang = student("zhang", "张三", gender="M", grade_level=7, class_id=c71)
        student("anqi", "安琪", gender="F", grade_level=7, class_id=c71, status="on_leave")
        student("bai", "白雪", gender="F", grade_level=7, class_id=c71)
        student("chen", "陈明", gender="M", grade_level=7, class_id=c72, tier=1)
        student("zhou", "周九", class_label_original="借读")  # no grade, no class: listed last
        student("qian", "钱七", grade_level=8, class_id=c83, status="transferred")
        student("sun", "孙八", grade_level=8, class_id=c83, status="graduated")
        student("li", "李四", groups=("divorced",), grade_level=7, class_id=c71)

        def seen(sid: int, at: datetime) -> None:
            _add(
                s,
                CounsellingSession,
                student_id=sid,
                started_at=at,
                duration_min=40,
                kind="individual",
                counsellor_id=uid,
            )

        def called(sid: int, on: date) -> None:
            _add(
                s,
                ParentContact,
                student_id=sid,
                on=on,
                kind="phone",
                summary="电话沟通",
                created_by_id=uid,
            )

        # 赵六: the session at 07:00 on 11 Nov (Beijing) is stored as 10 Nov 23:00 UTC and is
        # later than the parent contact; 张三: the parent contact is the later one.
        seen(zhao, local(date(2026, 10, 2), 9))
        seen(zhao, local(date(2026, 11, 11), 7))
        called(zhao, date(2026, 11, 5))
        seen(zhang, local(date(2026, 11, 1), 9))
        called(zhang, date(2026, 11, 15))
        called(zhang, date(2026, 10, 15))
        seen(ids["qian"], local(date(2026, 11, 20), 9))
    yield School(admin, counsellor, viewer, ids)
    admin.close()


def audit_entries(ctx: Context) -> list[tuple[str, str | None, str | None]]:
    with ctx.vault.read() as s:
        return [
            (a, t, d)
            for a, t, d in s.execute(
                select(AuditEntry.action, AuditEntry.target, AuditEntry.detail).order_by(
                    AuditEntry.seq
                )
            )
        ]


def assert_no_names(entries: list[tuple[str, str | None, str | None]], *extra: str) -> None:
    text = " ".join(" ".join(part or "" for part in entry) for entry in entries)
    for word in (*NAMES, SCHOOL, "王老师", "李老师", *extra):
        assert word not in text


# -- the ledger -------------------------------------------------------------------------------


def test_ledger_lists_members_on_the_roll_by_grade_class_and_name(school: School) -> None:
    ids = school.ids
    found = ledger(school.counsellor, GROUP)
    assert isinstance(found, Ledger)
    assert found.group == GROUP
    assert found.today == local_today()
    assert [r.student_id for r in found.rows] == [
        ids["anqi"],  # 初一(1)班 by pinyin, not by id: anqi, baixue, zhangsan
        ids["bai"],
        ids["zhang"],
        ids["chen"],  # 初一(2)班
        ids["zhao"],  # 初二(3)班
        ids["zhou"],  # no grade
    ]
    assert found.rows[4] == LedgerRow(
        student_id=ids["zhao"],
        student_no="G110101201001011234",
        name="赵六",
        gender="F",
        grade="初二",
        class_label="初二(3)班",
        head_teacher="",
        since=date(2026, 9, 1),
        tier=2,
        file_state="open",
        status="enrolled",
        last_contact=date(2026, 11, 11),
        next_follow_up=date(2026, 12, 1),
    )
    anqi, _bai, _zhang, chen, _zhao, zhou = found.rows
    assert (anqi.status, anqi.head_teacher, anqi.since) == ("on_leave", "王老师", None)
    assert (chen.class_label, chen.head_teacher, chen.tier) == ("初一(2)班", "李老师", 1)
    assert (zhou.grade, zhou.class_label, zhou.head_teacher) == ("", "借读", "")


def test_students_who_left_and_other_groups_are_not_listed(school: School) -> None:
    listed = {r.student_id for r in ledger(school.counsellor, GROUP).rows}
    for key in ("qian", "sun", "li"):
        assert school.ids[key] not in listed
    divorced = ledger(school.counsellor, "divorced").rows
    assert [r.student_id for r in divorced] == [school.ids["li"]]
    assert ledger(school.counsellor, "orphan").rows == ()


def test_last_contact_is_the_later_of_session_and_parent_contact(school: School) -> None:
    rows = {r.student_id: r for r in ledger(school.counsellor, GROUP).rows}
    ids = school.ids
    assert rows[ids["zhao"]].last_contact == date(2026, 11, 11)  # session, local day
    assert rows[ids["zhang"]].last_contact == date(2026, 11, 15)  # parent contact
    assert rows[ids["anqi"]].last_contact is None


@pytest.mark.parametrize("group", ["nonsense", "留守儿童", "", "LEFT_BEHIND"])
def test_an_unknown_group_is_refused_and_nothing_is_recorded(
    school: School, tmp_path: Path, group: str
) -> None:
    before = audit_entries(school.admin)
    with pytest.raises(ValidationError) as err:
        ledger(school.counsellor, group)
    assert err.value.field == "group"
    with pytest.raises(ValidationError) as err:
        export_ledger(school.counsellor, group, tmp_path / "x.xlsx")
    assert err.value.field == "group"
    assert audit_entries(school.admin) == before
    assert not (tmp_path / "x.xlsx").exists()


def test_viewing_is_audited_with_the_group_and_count_only(school: School) -> None:
    before = len(audit_entries(school.admin))
    ledger(school.counsellor, GROUP)
    ledger(school.viewer, "divorced")
    entries = audit_entries(school.admin)[before:]
    assert entries == [
        ("ledger.view", None, "group=left_behind rows=6"),
        ("ledger.view", None, "group=divorced rows=1"),
    ]
    assert_no_names(entries)


def test_a_viewer_may_view_a_ledger_but_not_export_it(school: School, tmp_path: Path) -> None:
    assert ledger(school.viewer, GROUP).rows == ledger(school.counsellor, GROUP).rows
    before = audit_entries(school.admin)
    out = tmp_path / "ledger.xlsx"
    with pytest.raises(PermissionDenied):
        export_ledger(school.viewer, GROUP, out)
    assert not out.exists()
    assert audit_entries(school.admin) == before


def count_queries(ctx: Context, call: Callable[[], object]) -> int:
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = ctx.vault.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return len(statements)


def test_the_number_of_queries_does_not_grow_with_the_group(school: School) -> None:
    small = count_queries(school.counsellor, lambda: ledger(school.counsellor, GROUP))
    with school.admin.vault.write() as s:
        for n in range(30):
            sid = _add(s, Student, name=f"学生{n}", grade_level=9)
            _add(s, StudentGroup, student_id=sid, code=GROUP)
            _add(
                s,
                ParentContact,
                student_id=sid,
                on=date(2026, 11, 1),
                kind="phone",
                summary="s",
                created_by_id=school.counsellor.actor.user_id,
            )
    assert len(ledger(school.counsellor, GROUP).rows) == 36
    large = count_queries(school.counsellor, lambda: ledger(school.counsellor, GROUP))
    assert large == small


# -- the export -------------------------------------------------------------------------------


def as_date(value: object) -> date | None:
    """openpyxl reads an Excel date back as a datetime at midnight."""
    if value is None:
        return None
    assert isinstance(value, datetime)
    assert value.time() == datetime.min.time()
    return value.date()


def test_export_writes_the_ledger_as_a_workbook(school: School, tmp_path: Path) -> None:
    out = tmp_path / "留守儿童台账.xlsx"
    before = len(audit_entries(school.admin))
    day_before = local_today()
    assert export_ledger(school.counsellor, GROUP, out) == 6
    day_after = local_today()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p for p in os.listdir(tmp_path) if p.endswith((".xlsx", ".tmp"))] == [out.name]

    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == f"{SCHOOL} 留守儿童台账"
    assert sheet["A2"].value == "保密"
    dates = {f"导出日期：{d.year}年{d.month}月{d.day}日" for d in (day_before, day_after)}
    assert sheet["J2"].value in dates
    assert sheet["C2"].value == "共6人"
    assert tuple(c.value for c in sheet[3]) == HEADERS
    assert sheet.freeze_panes == "A4"
    assert sheet.max_row == 3 + 6

    values = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=4)]
    assert [v[1] for v in values] == ["安琪", "白雪", "张三", "陈明", "赵六", "周九"]
    zhao = values[4]
    assert zhao[:6] == ("G110101201001011234", "赵六", "女", "初二", "初二(3)班", None)
    assert as_date(zhao[6]) == date(2026, 9, 1)
    assert zhao[7:10] == ("2 严重心理问题", "已建档", "在读")
    assert as_date(zhao[10]) == date(2026, 11, 11)
    assert as_date(zhao[11]) == date(2026, 12, 1)
    anqi, zhang = values[0], values[2]
    assert anqi == (
        None,
        "安琪",
        "女",
        "初一",
        "初一(1)班",
        "王老师",
        None,
        "0 无/观察",
        "未建档",
        "休学",
        None,
        None,
    )
    assert as_date(zhang[10]) == date(2026, 11, 15)
    widths = [sheet.column_dimensions[chr(ord("A") + n)].width for n in range(len(HEADERS))]
    assert all(6 <= w <= 40 for w in widths)
    assert widths[0] > widths[2]  # the 学籍号 column is wider than 性别

    entries = audit_entries(school.admin)[before:]
    assert entries == [("ledger.export", None, "group=left_behind rows=6")]
    assert_no_names(entries, str(tmp_path), out.name)


def test_text_that_looks_like_a_formula_stays_text(school: School, tmp_path: Path) -> None:
    with school.admin.vault.write() as s:
        sid = _add(s, Student, name='=HYPERLINK("http://x","点我")', grade_level=12)
        _add(s, StudentGroup, student_id=sid, code="orphan")
    out = tmp_path / "o.xlsx"
    assert export_ledger(school.counsellor, "orphan", out) == 1
    cell = openpyxl.load_workbook(out).active["B4"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x","点我")'


def test_an_empty_group_exports_its_header(school: School, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    assert export_ledger(school.counsellor, "orphan", out) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_row == 3
    assert sheet["C2"].value == "共0人"
    assert sheet["A1"].value == f"{SCHOOL} 孤儿台账"


def test_export_replaces_an_existing_file_with_owner_only_mode(
    school: School, tmp_path: Path
) -> None:
    out = tmp_path / "ledger.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o644)
    export_ledger(school.counsellor, GROUP, out)
    assert out.read_bytes()[:2] == b"PK"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "name", ["missing/ledger.xlsx", "ledger.csv", "ledger", "ledger.xlsx.bak", "folder.xlsx"]
)
def test_a_refused_path_leaves_nothing_and_keeps_existing_files(
    school: School, tmp_path: Path, name: str
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    (out / "folder.xlsx").mkdir()
    for existing in ("ledger.csv", "ledger", "ledger.xlsx.bak"):
        (out / existing).write_bytes(b"keep me \x00\xff")
    listing = sorted(p.name for p in out.iterdir())
    before = audit_entries(school.admin)
    with pytest.raises(ValidationError) as err:
        export_ledger(school.counsellor, GROUP, out / name)
    assert err.value.field == "path"
    assert sorted(p.name for p in out.iterdir()) == listing
    for existing in ("ledger.csv", "ledger", "ledger.xlsx.bak"):
        assert (out / existing).read_bytes() == b"keep me \x00\xff"
    assert not (out / "missing").exists()
    assert audit_entries(school.admin) == before


def test_a_failed_write_keeps_the_old_file_and_records_nothing(
    school: School, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "ledger.xlsx"
    target.write_bytes(b"yesterday's ledger")
    before = audit_entries(school.admin)

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("counselroom.vault.atomic.os.replace", full_disk)
    with pytest.raises(CounselRoomError, match="No space left"):
        export_ledger(school.counsellor, GROUP, target)
    monkeypatch.undo()
    assert target.read_bytes() == b"yesterday's ledger"
    assert [p.name for p in out.iterdir()] == ["ledger.xlsx"]  # no temporary file left
    assert audit_entries(school.admin) == before
