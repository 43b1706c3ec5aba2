"""筛查 page on a real vault: batches made and filled through the services and the window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from casework_pages_support import SignIn, column, double_click_row, load
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from counselroom.domain.idnumbers import make_id_number, make_student_no
from counselroom.domain.terms import term_of
from counselroom.intake.columns import find_header
from counselroom.intake.sheets import SheetRow, Table
from counselroom.services import auth
from counselroom.services.areas import screening_batches
from counselroom.services.localtime import local_today
from counselroom.services.roles import Role
from counselroom.services.screening_batches import BatchInput, create_batch, enter_result
from counselroom.services.screening_import import ScreeningReport
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.services.users import add_user
from counselroom.storage.models import (
    AuditEntry,
    NotificationTask,
    SchoolClass,
    ScreeningBatch,
    Student,
)
from counselroom.ui.areas import batch_detail as bd
from counselroom.ui.areas.batch_detail import INTERVIEWS, MISSING, RESULTS, RETEST
from counselroom.ui.areas.dashboard_sections import COL_NAME, COL_WHAT
from counselroom.ui.areas.screening_page import ScreeningPage
from counselroom.ui.areas.table_kit import OVERDUE_COLOUR, ROW_ROLE
from counselroom.ui.dashboard_page import DashboardPage
from counselroom.ui.intake.import_dialog import ImportDialog
from counselroom.ui.intake.report_model import report_entries
from counselroom.ui.intake.screening_kind import ScreeningKind
from counselroom.ui.session import SessionHandle
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

PASSWORD = "correct-horse-1"
TODAY = local_today()  # the services date hand entries and tasks by the real day
TERM = term_of(TODAY).label_zh


def number(seq: int) -> str:
    """A valid 学籍号 (G + an 18-character ID with its check character): imports check it."""
    return make_student_no(make_id_number("110101", date(2012, 3, seq), seq))


# (student_no, name, grade, class number, status)
PUPILS = (
    (number(1), "张三", 8, 1, "enrolled"),
    (number(2), "李四", 8, 1, "enrolled"),
    (number(3), "王五", 8, 2, "enrolled"),
    (number(4), "赵六", 8, 2, "on_leave"),
    (number(5), "钱七", 8, 2, "transferred"),
    (number(6), "孙八", 7, 1, "enrolled"),
)
ZERO = (0,) * 9


@dataclass
class School:
    folder: Path
    ids: dict[str, int]  # name -> student id


@pytest.fixture
def school(tmp_path: Path) -> School:
    folder = tmp_path / "vault"
    ctx, _code = init_vault(
        folder,
        SchoolDetails("测试中学", school_type="junior"),
        "admin",
        PASSWORD,
        kdf=INSECURE_TEST_PARAMS,
    )
    try:
        for user, role in (("counsellor", Role.COUNSELLOR), ("viewer", Role.VIEWER)):
            add_user(ctx, user, PASSWORD, role, display_name=user, kdf=INSECURE_TEST_PARAMS)
        ids = {}
        with ctx.vault.write() as session:
            classes: dict[tuple[int, int], SchoolClass] = {}
            for no, name, grade, number, status in PUPILS:
                key = (grade, number)
                if key not in classes:
                    label = f"{'初一' if grade == 7 else '初二'}({number})班"
                    classes[key] = SchoolClass(grade_level=grade, number=number, label=label)
                student = Student(
                    student_no=no,
                    name=name,
                    grade_level=grade,
                    school_class=classes[key],
                    status=status,
                )
                session.add(student)
                session.flush()
                ids[name] = student.id
    finally:
        ctx.close()
    return School(folder, ids)


@pytest.fixture
def sign_in(school: School) -> Iterator[SignIn]:
    handles: list[SessionHandle] = []

    def signed(user: str) -> SessionHandle:
        handle = SessionHandle(auth.login(school.folder, user, PASSWORD))
        handles.append(handle)
        return handle

    yield signed
    for handle in handles:
        handle.end()


def page_for(qtbot: QtBot, handle: SessionHandle) -> ScreeningPage:
    page = ScreeningPage(handle, clock=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    return page


def batch_input(grades: tuple[int, ...] = (8,), instrument: str = "phq9") -> BatchInput:
    return BatchInput(instrument, TODAY, TERM, grades, "家长知情同意书 2026-01", None)


def ids_in(page: ScreeningPage, key: str) -> list[int]:
    return [row.student_id for row in page.detail.model_of(key).rows()]


def count(handle: SessionHandle, model: type) -> int:
    with handle.require().vault.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# -- new batch ---------------------------------------------------------------------------------


def test_new_batch_dialog_creates_a_batch(qtbot: QtBot, sign_in: SignIn, school: School) -> None:
    handle = sign_in("counsellor")
    page = page_for(qtbot, handle)
    load(qtbot, page)
    assert page.empty_label.isVisibleTo(page) and not page.detail.isVisibleTo(page)
    assert all(button.isVisibleTo(page) for button in page.buttons)
    assert not page.import_button.isEnabled() and not page.enter_button.isEnabled()
    dialog = page.open_batch_dialog()
    assert dialog is not None
    assert dialog.term_edit.text() == TERM  # prefilled from the date
    assert list(dialog.grade_boxes) == [7, 8, 9]  # the levels of a junior school
    dialog.instrument_box.setCurrentIndex(dialog.instrument_box.findData("gad7"))
    dialog.grade_boxes[8].setChecked(True)
    dialog.consent_edit.setText("2026-1号通知")
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        dialog.save_button.click()
    (batch,) = screening_batches(handle.require())
    assert (batch.instrument, batch.on, batch.term, batch.grades) == ("gad7", TODAY, TERM, "8")
    assert page.model.rows() == [batch] and page.chosen_detail() is not None
    assert page.chosen_detail().consent_ref == "2026-1号通知"
    # coverage: grade 8 on the roll (on leave included), not the one who left nor grade 7
    expected = {school.ids[n] for n in ("张三", "李四", "王五", "赵六")}
    assert set(ids_in(page, MISSING)) == expected
    assert page.import_button.isEnabled() and page.enter_button.isEnabled()


@pytest.mark.parametrize(
    ("change", "field"),
    [("no_grade", "grades"), ("bad_term", "term"), ("other_term", "date")],
)
def test_new_batch_refuses_bad_input_naming_the_field(
    qtbot: QtBot, sign_in: SignIn, change: str, field: str
) -> None:
    handle = sign_in("counsellor")
    page = page_for(qtbot, handle)
    load(qtbot, page)
    before = (count(handle, ScreeningBatch), count(handle, AuditEntry))
    dialog = page.open_batch_dialog()
    assert dialog is not None
    if change != "no_grade":
        dialog.grade_boxes[8].setChecked(True)
    if change == "bad_term":
        dialog.term_edit.setText("2026学年")
    if change == "other_term":
        dialog.term_edit.setText("2019-2020学年第一学期")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not page.save_action.running and not dialog.saving, timeout=20_000)
    assert dialog.errors[field].isVisibleTo(dialog) and dialog.errors[field].text()
    shown = [key for key, label in dialog.errors.items() if label.text()]
    assert shown == [field]
    assert dialog.isVisible() and dialog.save_button.isEnabled()  # the typing is kept
    assert (count(handle, ScreeningBatch), count(handle, AuditEntry)) == before


# -- detail ------------------------------------------------------------------------------------


def test_detail_tabs_list_the_right_students(qtbot: QtBot, sign_in: SignIn, school: School) -> None:
    handle = sign_in("counsellor")
    ctx = handle.require()
    batch_id = create_batch(ctx, batch_input())
    ids = school.ids
    enter_result(ctx, batch_id, ids["张三"], answers=(2, 2, 2, 2, 2, 1, 0, 0, 0))  # total 11
    enter_result(ctx, batch_id, ids["李四"], answers=(0, 0, 0, 0, 0, 0, 0, 0, 2))  # item 9
    enter_result(ctx, batch_id, ids["王五"], answers=(1, 1, None, 1, 1, 1, 1, 1, 0))  # blank
    page = page_for(qtbot, handle)
    load(qtbot, page)
    assert "筛查提示" in page.detail.caution.text()
    assert set(ids_in(page, RESULTS)) == {ids["张三"], ids["李四"], ids["王五"]}
    assert ids_in(page, INTERVIEWS) == [ids["李四"], ids["张三"]]  # item 9 first
    assert ids_in(page, RETEST) == [ids["王五"]]
    assert ids_in(page, MISSING) == [ids["赵六"]]
    tabs = page.detail.tabs
    # the count closes each tab's title, in brackets of either width (结果（3）)
    counts = [re.findall(r"\d+", tabs.tabText(i))[-1] for i in range(4)]
    assert counts == ["3", "2", "1", "1"]
    interviews = page.detail.view_of(INTERVIEWS).model()
    assert column(interviews, bd.R_NAME, Qt.ItemDataRole.ForegroundRole) == [OVERDUE_COLOUR, None]
    assert "9" in column(interviews, bd.R_FLAGS)[0]  # the words say why, not only the red


def test_a_line_of_the_detail_opens_the_students_file(
    qtbot: QtBot, sign_in: SignIn, school: School
) -> None:
    handle = sign_in("counsellor")
    create_batch(handle.require(), batch_input())
    page = page_for(qtbot, handle)
    page.show()
    load(qtbot, page)
    qtbot.waitExposed(page)
    page.detail.tabs.setCurrentIndex(3)
    view = page.detail.view_of(MISSING)
    view.sortByColumn(bd.C_NAME, Qt.SortOrder.DescendingOrder)  # a row is not its index
    wanted = view.model().index(0, 0).data(ROW_ROLE).student_id
    with qtbot.waitSignal(page.open_student) as blocker:
        double_click_row(qtbot, view, 0, bd.C_NAME)
    assert blocker.args == [wanted]


def test_choosing_another_batch_reads_it(qtbot: QtBot, sign_in: SignIn) -> None:
    handle = sign_in("counsellor")
    older = create_batch(handle.require(), batch_input((7,), "gad7"))
    newer = create_batch(handle.require(), batch_input((8,)))
    page = page_for(qtbot, handle)
    load(qtbot, page)
    assert page.chosen_detail() is not None and page.chosen_detail().id == newer
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        page.view.selectRow(1)
    detail = page.chosen_detail()
    assert detail is not None and (detail.id, detail.instrument) == (older, "gad7")
    assert page.view.currentIndex().row() == 1  # the choice stays on the list's line


# -- entering a sheet --------------------------------------------------------------------------


def test_entering_item9_puts_the_student_first_in_red_and_creates_the_task(
    qtbot: QtBot, sign_in: SignIn, school: School
) -> None:
    handle = sign_in("counsellor")
    ctx = handle.require()
    batch_id = create_batch(ctx, batch_input())
    enter_result(ctx, batch_id, school.ids["张三"], answers=(3, 3, 3, 3, 2, 0, 0, 0, 0))
    page = page_for(qtbot, handle)
    load(qtbot, page)
    assert ids_in(page, INTERVIEWS) == [school.ids["张三"]]
    dialog = page.open_entry_dialog()
    assert dialog is not None and not page.enter_button.isEnabled()
    assert dialog.choose_student(school.ids["王五"])
    qtbot.keyClicks(dialog.answers_edit, "000000001")
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        dialog.save_button.click()
    assert ids_in(page, INTERVIEWS) == [school.ids["王五"], school.ids["张三"]]
    interviews = page.detail.view_of(INTERVIEWS).model()
    assert column(interviews, bd.R_NAME, Qt.ItemDataRole.ForegroundRole)[0] == OVERDUE_COLOUR
    assert (
        "王五" in dialog.result_label.text() and dialog.student_box.findData(school.ids["王五"]) < 0
    )
    with ctx.vault.read() as session:
        tasks = session.scalars(select(NotificationTask)).all()
    assert [(t.student_id, t.recipient_role, t.done_at) for t in tasks] == [
        (school.ids["王五"], "counsellor", None)
    ]
    # the dashboard shows the same-day risk assessment in red from the start
    dashboard = DashboardPage(handle, clock=lambda: TODAY)
    qtbot.addWidget(dashboard)
    load(qtbot, dashboard)
    for key in ("tasks", "interviews"):
        box = dashboard.sections[key]
        names = column(box.model, COL_NAME)
        line = names.index("王五")
        assert column(box.model, COL_NAME, Qt.ItemDataRole.ForegroundRole)[line] == OVERDUE_COLOUR
        assert "9" in column(box.model, COL_WHAT)[line], key


def test_a_refused_sheet_keeps_the_typing(qtbot: QtBot, sign_in: SignIn, school: School) -> None:
    handle = sign_in("counsellor")
    ctx = handle.require()
    batch_id = create_batch(ctx, batch_input())
    page = page_for(qtbot, handle)
    load(qtbot, page)
    dialog = page.open_entry_dialog()
    assert dialog is not None and dialog.choose_student(school.ids["李四"])
    enter_result(ctx, batch_id, school.ids["李四"], answers=ZERO)  # another window was faster
    dialog.answers_edit.setText("111111111")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=20_000)
    assert "该生在本批次已有结果" in dialog.error_texts()[""]
    assert dialog.answers_edit.text() == "111111111"


# -- import ------------------------------------------------------------------------------------


def table(rows: list[list[str]]) -> Table:
    return Table("phq9.csv", tuple(SheetRow(n, tuple(r)) for n, r in enumerate(rows, start=1)))


def test_screening_kind_runs_the_import_and_describes_the_lines(
    sign_in: SignIn, school: School
) -> None:
    handle = sign_in("counsellor")
    ctx = handle.require()
    kind = ScreeningKind(batch_input(), "phq9")
    assert kind.remember_key() == "screening.phq9" and "PHQ-9" in kind.title()
    sheet = table(
        [
            ["学籍号", "姓名", *(f"Q{n}" for n in range(1, 10))],
            [number(1), "张三", "0", "0", "0", "0", "0", "0", "0", "0", "1"],
            [number(9), "无名", *("0" * 9)],
        ]
    )
    fields = kind.fields([cell for cell in sheet.rows[0].cells])
    assert kind.field_label("item3") != "item3" and kind.field_label("student_no")
    guess = find_header(sheet, fields)
    dry = kind.run(ctx, sheet, guess.row_index, guess.mapping, dry_run=True)
    assert isinstance(dry.report, ScreeningReport) and dry.can_import
    assert count(handle, ScreeningBatch) == 0 and kind.batch == batch_input()
    assert [line[0] for line in dry.lines] == ["2", "3"]
    assert "张三" in dry.lines[0][1] and "9" in dry.lines[0][3]
    assert dry.alert_rows == {2}  # 张三's item 9: red in the report; 无名 is not matched
    entries = {entry.row: entry for entry in report_entries(dry)}
    assert entries["2"].alert and not entries["2"].problem and not entries["3"].alert
    real = kind.run(ctx, sheet, guess.row_index, guess.mapping, dry_run=False)
    assert isinstance(real.report, ScreeningReport) and real.report.item9_alerts == 1
    assert kind.batch == real.report.batch_id  # a second import goes into the same batch
    assert str(real.report.scored) in real.summary


def test_import_button_opens_the_import_dialog_for_the_chosen_batch(
    qtbot: QtBot, sign_in: SignIn, tmp_path: Path
) -> None:
    handle = sign_in("counsellor")
    batch_id = create_batch(handle.require(), batch_input())
    page = page_for(qtbot, handle)
    load(qtbot, page)
    page.import_button.click()
    dialog = page.dialogs.get("import")
    assert isinstance(dialog, ImportDialog) and not page.import_button.isEnabled()
    assert isinstance(dialog.kind, ScreeningKind)
    assert (dialog.kind.batch, dialog.kind.instrument) == (batch_id, "phq9")
    path = tmp_path / "phq9.csv"
    path.write_text(
        "学籍号,姓名,"
        + ",".join(str(n) for n in range(1, 10))
        + f"\n{number(1)},张三,1,1,1,1,1,1,1,1,0\n",
        encoding="utf-8",
    )
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=20_000)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        dialog.import_button.click()
    detail = page.chosen_detail()
    assert detail is not None and [r.name for r in detail.results] == ["张三"]
    assert page.model.rows()[0].results == 1


# -- roles -------------------------------------------------------------------------------------


def test_a_viewer_sees_no_buttons_and_no_batch(qtbot: QtBot, sign_in: SignIn) -> None:
    counsellor = sign_in("counsellor")
    create_batch(counsellor.require(), batch_input())
    counsellor.end()  # one window at a time may hold the vault
    page = page_for(qtbot, sign_in("viewer"))
    page.show()
    load(qtbot, page)
    assert page.notice_label.isVisible() and not page.content.isVisible()
    assert not any(button.isVisibleTo(page) for button in page.buttons)
    assert page.open_batch_dialog() is None and page.open_entry_dialog() is None
    assert page.model.rowCount() == 0 and page.chosen_detail() is None


def test_clear_forgets_the_batch_and_closes_dialogs(qtbot: QtBot, sign_in: SignIn) -> None:
    handle = sign_in("counsellor")
    create_batch(handle.require(), batch_input())
    page = page_for(qtbot, handle)
    load(qtbot, page)
    dialog = page.open_entry_dialog()
    assert dialog is not None
    page.clear()
    assert page.dialogs == {} and not dialog.isVisible()
    assert page.model.rowCount() == 0 and page.chosen_detail() is None
    assert page.detail.model_of(RESULTS).rowCount() == 0
    assert not any(button.isVisibleTo(page) for button in page.buttons)
