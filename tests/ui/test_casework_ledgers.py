"""台账: a ledger lists exactly its group's students on the roll, and exports as .xlsx."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from casework_pages_support import (
    DEMO_TODAY,
    SignIn,
    Stub,
    column,
    double_click_row,
    load,
    make_demo_vault,
    sign_in_to,
)
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.services.demo import COUNSELLOR_USERNAME, VIEWER_USERNAME
from counselroom.services.ledger_xlsx import TITLE_ROWS
from counselroom.services.ledgers import ON_ROLL, Ledger, LedgerRow
from counselroom.storage.models import Student, StudentGroup
from counselroom.storage.models.choices import CARE_GROUP_CODES
from counselroom.ui.areas.codes import care_group_label
from counselroom.ui.areas.ledger_model import COL_NAME, COL_NEXT, COL_TIER
from counselroom.ui.areas.ledgers_page import LedgersPage, LedgerView
from counselroom.ui.areas.table_kit import OVERDUE_COLOUR, ROW_ROLE, overdue_marker
from counselroom.ui.labels import tier_short
from counselroom.ui.save_dialog import safe_file_name
from counselroom.ui.session import SessionHandle


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_vault(tmp_path_factory)


@pytest.fixture
def sign_in(demo_vault: Path) -> Iterator[SignIn]:
    yield from sign_in_to(demo_vault)


def ledger_page(qtbot: QtBot, handle: object) -> LedgersPage:
    page = LedgersPage(handle, clock=lambda: DEMO_TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1180, 640)
    return page


def members(handle: SessionHandle, code: str) -> set[int]:
    """The group's students on the roll, read straight from the tables."""
    with handle.require().vault.read() as session:
        return set(
            session.scalars(
                select(Student.id)
                .join(StudentGroup, StudentGroup.student_id == Student.id)
                .where(StudentGroup.code == code, Student.status.in_(ON_ROLL))
            )
        )


def shown_ids(page: LedgersPage) -> list[int]:
    return [row.student_id for row in page.model.rows()]


def test_each_group_lists_exactly_its_students(qtbot: QtBot, sign_in: SignIn) -> None:
    handle = sign_in(COUNSELLOR_USERNAME)
    page = ledger_page(qtbot, handle)
    box = page.group_box
    assert [box.itemData(i) for i in range(box.count())] == list(CARE_GROUP_CODES)
    assert [box.itemText(i) for i in range(box.count())] == [
        care_group_label(code) for code in CARE_GROUP_CODES
    ]
    load(qtbot, page)
    assert page.group == "left_behind"
    first = shown_ids(page)
    assert first and len(first) == len(set(first))
    assert set(first) == members(handle, "left_behind")
    assert str(len(first)) in page.count_label.text()
    load(qtbot, page, lambda: page.select_group("divorced"))
    assert set(shown_ids(page)) == members(handle, "divorced") != set(first)
    assert column(page.proxy, COL_TIER) == [tier_short(r.tier) for r in page.model.rows()]


def test_double_click_opens_the_students_file(qtbot: QtBot, sign_in: SignIn) -> None:
    page = ledger_page(qtbot, sign_in(COUNSELLOR_USERNAME))
    page.show()
    load(qtbot, page)
    qtbot.waitExposed(page)
    page.view.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)  # a row is not its index
    wanted = page.proxy.index(2, COL_NAME).data(ROW_ROLE).student_id
    with qtbot.waitSignal(page.open_student) as blocker:
        double_click_row(qtbot, page.view, 2, COL_NAME)
    assert blocker.args == [wanted]


def test_export_writes_the_workbook(qtbot: QtBot, sign_in: SignIn, tmp_path: Path) -> None:
    page = ledger_page(qtbot, sign_in(COUNSELLOR_USERNAME))
    load(qtbot, page)
    assert page.export_button.isEnabled()
    offered: list[Path] = []

    def choose(_parent: object, _title: str, suggested: Path) -> Path:
        offered.append(suggested)
        return tmp_path / suggested.name

    page.choose_path = choose
    with qtbot.waitSignal(page.message, timeout=20_000) as blocker:
        page.export_button.click()
    name = offered[0].name
    assert name.endswith(".xlsx") and "2026-11-20" in name
    assert care_group_label("left_behind") in name
    rows = page.model.rows()
    assert str(len(rows)) in blocker.args[0] and name in page.export_label.text()
    sheet = load_workbook(tmp_path / name).active
    data = [r for r in sheet.iter_rows(min_row=TITLE_ROWS + 1, values_only=True) if any(r)]
    assert [(r[0], r[1]) for r in data] == [(row.student_no, row.name) for row in rows]
    assert page.export_button.isEnabled()  # ready for the next one


def test_a_cancelled_dialog_exports_nothing(qtbot: QtBot, sign_in: SignIn, tmp_path: Path) -> None:
    page = ledger_page(qtbot, sign_in(COUNSELLOR_USERNAME))
    load(qtbot, page)
    page.choose_path = lambda *_args: None
    page.export_button.click()
    assert not page.export_action.running and page.export_label.text() == ""


def test_a_refused_path_is_reported(qtbot: QtBot, sign_in: SignIn, tmp_path: Path) -> None:
    page = ledger_page(qtbot, sign_in(COUNSELLOR_USERNAME))
    load(qtbot, page)
    page.choose_path = lambda *_args: tmp_path / "missing-folder" / "x.xlsx"
    page.export_button.click()
    qtbot.waitUntil(lambda: not page.export_action.running, timeout=20_000)
    assert "missing-folder" in page.export_label.text()
    assert not (tmp_path / "missing-folder").exists()
    assert page.export_button.isEnabled()


def test_viewer_reads_the_ledger_but_cannot_export(qtbot: QtBot, sign_in: SignIn) -> None:
    page = ledger_page(qtbot, sign_in(VIEWER_USERNAME))
    load(qtbot, page)
    assert page.model.rowCount() > 0 and not page.notice_label.isVisibleTo(page)
    assert not page.export_button.isEnabled()
    assert page.export_button.toolTip()
    asked: list[object] = []
    page.choose_path = lambda *args: asked.append(args)  # type: ignore[assignment,func-returns-value]
    page.export()
    assert asked == [] and not page.export_action.running


def test_overdue_follow_up_says_so_and_clear_forgets(qtbot: QtBot) -> None:
    page = ledger_page(qtbot, Stub())
    today = date(2026, 11, 20)
    row = LedgerRow(
        1,
        "G1",
        "张三",
        "M",
        "初二",
        "初二(3)班",
        "王老师",
        date(2026, 9, 1),
        2,
        "open",
        "enrolled",
        date(2026, 11, 2),
        date(2026, 11, 16),
    )
    on_time = LedgerRow(
        2, "G2", "李四", "F", "初二", "初二(3)班", "王老师", None, 0, "none", "enrolled", None, None
    )
    page.show_result(LedgerView(Ledger("left_behind", (row, on_time), today), may_export=True))
    assert column(page.proxy, COL_NEXT) == ["2026-11-16 · " + overdue_marker(), ""]
    assert column(page.proxy, COL_NAME, Qt.ItemDataRole.ForegroundRole) == [OVERDUE_COLOUR, None]
    assert page.export_button.isEnabled()
    page.clear()
    assert page.model.rowCount() == 0 and page.count_label.text() == ""
    assert not page.export_button.isEnabled()


def test_file_names_hold_no_folder_separators() -> None:
    assert safe_file_name("单亲/丧亲") == "单亲-丧亲"
    assert safe_file_name('a\\b:c*d?"e<f>g|h') == "a-b-c-d--e-f-g-h"
