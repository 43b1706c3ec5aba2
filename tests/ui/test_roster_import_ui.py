"""Roster import from the 学生 page: a messy .xlsx, the columns, the check, the import."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.domain.idnumbers import make_id_number, make_student_no
from counselroom.intake.columns import find_header
from counselroom.intake.roster_fields import ROSTER_FIELDS
from counselroom.intake.sheets import read_table
from counselroom.services import auth
from counselroom.services.roles import Role
from counselroom.services.roster_import import import_roster
from counselroom.services.users import add_user
from counselroom.storage.models import Student
from counselroom.ui.intake.import_dialog import ImportDialog
from counselroom.ui.intake.report_model import COL_ROW
from counselroom.ui.intake.roster_kind import RosterKind, field_label
from counselroom.ui.session import SessionHandle
from counselroom.ui.students_page import StudentsPage
from counselroom.vault.kdf import INSECURE_TEST_PARAMS as CHEAP
from intake_samples import write_xlsx

if TYPE_CHECKING:
    from conftest import SampleVault

NEW = [
    ("新生甲", make_student_no(make_id_number("110101", date(2013, 3, 5), 11))),
    ("新生乙", make_student_no(make_id_number("110101", date(2013, 4, 6), 22))),
    ("新生丙", make_student_no(make_id_number("110101", date(2013, 6, 1), 33))),
]
HEADERS: list[object] = ["姓名", "性别", "班级", "全国学籍号", "出生日期", "备注", "家长手机"]
# Row 1 is the merged title, row 2 the header; row 5 is blank, so 新生丙 is on row 6.
ROWS: list[list[object]] = [
    HEADERS,
    [NEW[0][0], "男", "初一(1)班", NEW[0][1], "2013-03-05", None, "13800000001"],
    [NEW[1][0], "女", "七年级（2）班", NEW[1][1], "2013-02-30", "转入", "13800000002"],
    [],
    [NEW[2][0], "女", "初一.2", NEW[2][1], "2013/6/1", None, "13800000003"],
]
BAD_DATE_ROW = 4


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "学生花名册.xlsx", ROWS, title="测试中学学生花名册")


@pytest.fixture
def handle(sample_vault: SampleVault) -> Iterator[SessionHandle]:
    session = SessionHandle(auth.login(sample_vault.folder, "admin", sample_vault.password))
    yield session
    session.end()


def students(handle: SessionHandle) -> dict[str | None, str]:
    """学籍号 -> name of every student in the vault, straight from the table."""
    with handle.require().vault.read() as session:
        rows = session.execute(select(Student.student_no, Student.name))
        return {no: name for no, name in rows}


def phones(handle: SessionHandle) -> dict[str | None, str | None]:
    with handle.require().vault.read() as session:
        rows = session.execute(select(Student.student_no, Student.phone))
        return {no: phone for no, phone in rows}


def wait_idle(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


def chosen(dialog: ImportDialog) -> list[str]:
    assert dialog.loaded is not None
    return [dialog.preview.combo(c).currentData() for c in range(dialog.loaded.width)]


def choose(dialog: ImportDialog, column: int, key: str) -> None:
    combo = dialog.preview.combo(column)
    combo.setCurrentIndex(combo.findData(key))


def open_dialog(qtbot: QtBot, page: StudentsPage) -> ImportDialog:
    page.import_button.click()
    dialog = page.import_dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert isinstance(dialog.kind, RosterKind)
    return dialog


def student_page(qtbot: QtBot, handle: SessionHandle) -> StudentsPage:
    page = StudentsPage(handle, debounce_ms=0)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.panel.model.rowCount() > 0, timeout=10_000)
    return page


def test_roster_import_from_the_students_page(
    qtbot: QtBot, handle: SessionHandle, roster: Path
) -> None:
    page = student_page(qtbot, handle)
    before = students(handle)
    assert page.import_button.isVisibleTo(page)
    dialog = open_dialog(qtbot, page)
    dialog.load_file(roster)
    wait_idle(qtbot, dialog)
    assert dialog.error_label.isHidden(), dialog.error_label.text()
    assert dialog.loaded is not None and dialog.loaded.header.number == 2  # title skipped
    assert chosen(dialog) == ["name", "gender", "class", "student_no", "birth_date", "", ""]
    choose(dialog, 6, "phone")  # 家长手机 is no known header: the counsellor says what it is

    dialog.check_button.click()
    wait_idle(qtbot, dialog)
    assert dialog.error_label.isHidden(), dialog.error_label.text()
    assert students(handle) == before  # a check writes nothing
    model = dialog.report.model
    problems = [entry for entry in model.rows() if entry.problem]
    assert problems, "the impossible date is reported"
    assert {entry.row for entry in problems} == {str(BAD_DATE_ROW)}
    assert any("出生日期" in entry.details for entry in problems)
    rows = {model.index(r, COL_ROW).data() for r in range(model.rowCount())}
    assert {"3", str(BAD_DATE_ROW), "6"} <= rows  # numbered as Excel shows them
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=30_000) as blocker:
        dialog.import_button.click()
    wait_idle(qtbot, dialog)
    report = blocker.args[0].report
    assert (report.added, report.skipped, report.dry_run) == (2, 1, False)
    after = students(handle)
    assert after == {**before, NEW[0][1]: NEW[0][0], NEW[2][1]: NEW[2][0]}
    assert phones(handle)[NEW[0][1]] == "13800000001"  # the column chosen by hand
    assert report.file in dialog.report.summary_label.text()
    qtbot.waitUntil(lambda: page.panel.model.rowCount() == len(after), timeout=10_000)

    dialog.reject()
    assert page.import_dialog is None
    again = open_dialog(qtbot, page)  # the next file: the choice is remembered
    again.load_file(roster)
    wait_idle(qtbot, again)
    assert chosen(again) == ["name", "gender", "class", "student_no", "birth_date", "", "phone"]


def test_a_damaged_file_imports_nothing(
    qtbot: QtBot, handle: SessionHandle, tmp_path: Path
) -> None:
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    before = students(handle)
    dialog = ImportDialog(handle, RosterKind())
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    wait_idle(qtbot, dialog)
    assert path.name in dialog.error_label.text() and dialog.error_label.isVisibleTo(dialog)
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    assert students(handle) == before


def test_a_file_without_required_columns_cannot_be_checked(
    qtbot: QtBot, handle: SessionHandle, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "no-number.xlsx", [["姓名", "班级"], ["新生甲", "初一(1)班"]])
    dialog = ImportDialog(handle, RosterKind())
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    wait_idle(qtbot, dialog)
    assert not dialog.check_button.isEnabled()
    assert field_label("student_no") in dialog.columns.missing_label.text()


def test_a_viewer_sees_no_import_button(qtbot: QtBot, sample_vault: SampleVault) -> None:
    password = sample_vault.password
    admin = auth.login(sample_vault.folder, "admin", password)
    try:
        add_user(admin, "head", password, Role.VIEWER, display_name="班主任", kdf=CHEAP)
    finally:
        admin.close()
    viewer = SessionHandle(auth.login(sample_vault.folder, "head", password))
    try:
        page = student_page(qtbot, viewer)
        assert not page.import_button.isVisibleTo(page)
        assert page.open_import() is None and page.import_dialog is None
        assert not page.export_button.isVisibleTo(page)
        page.choose_path = lambda _parent, _suggested: pytest.fail("a viewer may not export")
        page.export()
    finally:
        viewer.end()


def test_field_labels_name_every_roster_field() -> None:
    kind = RosterKind()
    labels = [kind.field_label(spec.key) for spec in kind.fields(())]
    assert all(labels) and len(set(labels)) == len(labels)
    assert field_label("member2_phone") != field_label("member1_phone")
    assert "2" in field_label("member2_phone")


def test_the_exported_roster_imports_back_unchanged(
    qtbot: QtBot, handle: SessionHandle, roster: Path, tmp_path: Path
) -> None:
    page = student_page(qtbot, handle)
    ctx = handle.require()
    table = read_table(roster)
    guess = find_header(table, ROSTER_FIELDS)
    import_roster(ctx, table, guess.row_index, guess.mapping, dry_run=False)
    offered: list[Path] = []

    def choose(_parent: object, suggested: Path) -> Path:
        offered.append(suggested)
        return tmp_path / "out.xlsx"

    page.choose_path = choose
    assert page.export_button.isVisibleTo(page)
    with qtbot.waitSignal(page.message, timeout=30_000) as blocker:
        page.export_button.click()
    assert offered[0].suffix == ".xlsx" and "花名册" in offered[0].name
    assert "out.xlsx" in blocker.args[0] and page.export_button.isEnabled()
    again = read_table(tmp_path / "out.xlsx")
    guess = find_header(again, ROSTER_FIELDS)
    report = import_roster(ctx, again, guess.row_index, guess.mapping, dry_run=True)
    assert (report.added, report.updated) == (0, 0)
    # The imported students come back unchanged. (The sample vault's own students were written
    # straight into the tables with made-up 学籍号 whose check characters are wrong, so the
    # import refuses those rows: services/test_roster_export.py covers the full round trip.)
    actions = {line.student_no: line.action for line in report.lines}
    imported = [NEW[0][1], NEW[2][1]]  # 新生乙's row has an impossible birth date
    assert all(actions[number] == "unchanged" for number in imported)
