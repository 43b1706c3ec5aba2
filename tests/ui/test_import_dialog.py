"""The generic import dialog, driven through a kind that needs no vault.

The kind records how it was called and can be held in `run` (a threading.Event), so the
busy state can be looked at while a job is really running.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from counselroom.intake.columns import FieldSpec
from counselroom.intake.problems import Problem
from counselroom.intake.sheets import Table
from counselroom.preferences import (
    IMPORT_MAPPINGS,
    Preferences,
    remember_choices,
    remembered_choices,
)
from counselroom.services.context import Context
from counselroom.ui.intake.import_dialog import ImportDialog
from counselroom.ui.intake.import_kind import ImportOutcome
from counselroom.ui.intake.mapping_model import MAPPING_ROW, ColumnChoices
from counselroom.ui.intake.report_model import COL_ACTION, COL_DETAILS, COL_ROW, COL_STUDENT

FIELDS = (
    FieldSpec("student_no", ("学籍号",), required=True),
    FieldSpec("name", ("姓名",), required=True),
    FieldSpec("class", ("班级",)),
    FieldSpec("phone", ("联系电话",)),
)
LABELS = {"student_no": "No.", "name": "Name", "class": "Class", "phone": "Phone"}

# A title row, a blank row (row 2), the header on row 3 in an odd order, an unknown column.
MESSY = (
    "某某中学学生花名册,,,,\n"
    ",,,,\n"
    "班级,备注,姓名,家长电话,学籍号\n"
    "初二(3)班,,张三,13800000000,G1\n"
    "初二(3)班,转入,李四,not a phone,G2\n"
    "\n"
    "初一(1)班,,王五,13900000000,G3\n"
)


@dataclass
class Stub:
    """A session handle: a context object the fake kind never touches."""

    ctx: object | None = "ctx"


@dataclass
class FakeKind:
    calls: list[tuple[bool, dict[str, int]]] = field(default_factory=list)
    hold: threading.Event | None = None
    fail: BaseException | None = None

    def title(self) -> str:
        return "Fake import"

    def remember_key(self) -> str:
        return "fake"

    def fields(self, headers: Sequence[str]) -> tuple[FieldSpec, ...]:
        return FIELDS

    def field_label(self, key: str) -> str:
        return LABELS[key]

    def run(
        self,
        ctx: Context,
        table: Table,
        header_row: int,
        mapping: Mapping[str, int],
        dry_run: bool,
    ) -> ImportOutcome:
        self.calls.append((dry_run, dict(mapping)))
        if self.hold is not None:
            self.hold.wait(10)
        if self.fail is not None:
            raise self.fail
        header = table.rows[header_row].cells
        problems, lines = [], []
        for row in table.rows[header_row + 1 :]:
            name = row.cells[mapping["name"]]
            bad = "phone" in mapping and not row.cells[mapping["phone"]].isdigit()
            if bad:
                problems.append(Problem(row.number, header[mapping["phone"]], "not a phone"))
            lines.append((str(row.number), name, "skip" if bad else "add", ""))
        return ImportOutcome(
            summary=f"{'dry' if dry_run else 'real'} {len(lines)} rows",
            problems=(Problem(None, None, "a note on the file"), *problems),
            lines=tuple(lines),
            can_import=dry_run,
            report=None,
        )


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "花名册.csv"
    path.write_text(MESSY, encoding="gb18030")
    return path


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences.load(tmp_path / "prefs.json")


def make_dialog(
    qtbot: QtBot, prefs: Preferences, kind: FakeKind | None = None, handle: Stub | None = None
) -> ImportDialog:
    dialog = ImportDialog(handle or Stub(), kind or FakeKind(), preferences=prefs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def wait_idle(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def load(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.load_file(path)
    wait_idle(qtbot, dialog)


def chosen(dialog: ImportDialog) -> list[str]:
    """The field each column's combo box shows, by its data ("" = ignore)."""
    assert dialog.loaded is not None
    return [dialog.preview.combo(c).currentData() for c in range(dialog.loaded.width)]


def choose(dialog: ImportDialog, column: int, key: str) -> None:
    combo = dialog.preview.combo(column)
    combo.setCurrentIndex(combo.findData(key))  # as a user's pick: emits currentIndexChanged


def test_a_messy_file_is_previewed_and_mapped(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    dialog = make_dialog(qtbot, prefs)
    load(qtbot, dialog, messy)
    assert dialog.error_label.isHidden()
    assert chosen(dialog) == ["class", "", "name", "", "student_no"]
    model = dialog.preview.preview
    # the mapping row, the header (row 3 of the file), then data rows numbered as in the file
    numbers = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert numbers[1:] == ["3", "4", "5", "7"]
    assert [model.index(1, c).data() for c in range(5)] == [
        "班级",
        "备注",
        "姓名",
        "家长电话",
        "学籍号",
    ]
    assert model.index(MAPPING_ROW, 2).data() == "Name"
    assert model.index(2, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # ignored: grey
    assert model.index(2, 2).data(Qt.ItemDataRole.ForegroundRole) is None
    assert dialog.columns.info_label.isVisibleTo(dialog)
    assert dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()


def test_check_then_import_remembers_the_columns(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    kind = FakeKind()
    dialog = make_dialog(qtbot, prefs, kind)
    load(qtbot, dialog, messy)
    choose(dialog, 3, "phone")  # 家长电话 is not a known header: the user says what it is
    dialog.check_button.click()
    wait_idle(qtbot, dialog)
    assert kind.calls == [(True, {"class": 0, "name": 2, "phone": 3, "student_no": 4})]
    model = dialog.report.model
    rows = [
        (model.index(r, COL_ROW).data(), model.index(r, COL_ACTION).data())
        for r in range(model.rowCount())
    ]
    problem = QCoreApplication.translate("ImportReport", "Problem")
    # the file's problem first, then by row: row 5's problem before its line
    assert [row for row, _ in rows] == [
        QCoreApplication.translate("ImportReport", "file"),
        "4",
        "5",
        "5",
        "7",
    ]
    assert rows[2] == ("5", problem) and rows[3] == ("5", "skip")
    assert model.index(2, COL_STUDENT).data() == "李四"
    assert "家长电话" in model.index(2, COL_DETAILS).data()
    assert model.index(2, COL_ACTION).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert dialog.report.summary_label.text() == "dry 3 rows"
    dialog.report.only_problems.setChecked(True)
    assert dialog.report.proxy.rowCount() == 2
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        dialog.import_button.click()
    wait_idle(qtbot, dialog)
    assert kind.calls[-1] == (False, {"class": 0, "name": 2, "phone": 3, "student_no": 4})
    assert blocker.args[0].summary == "real 3 rows" == dialog.report.summary_label.text()
    assert not dialog.import_button.isEnabled()  # a second import needs a new check
    saved = Preferences.load(prefs.path)  # written to the file, not only kept in memory
    assert remembered_choices(saved, "fake") == {
        "班级": "class",
        "备注": "",
        "姓名": "name",
        "家长电话": "phone",
        "学籍号": "student_no",
    }

    again = make_dialog(qtbot, saved)
    load(qtbot, again, messy)
    assert chosen(again) == ["class", "", "name", "phone", "student_no"]


def test_a_field_chosen_twice_leaves_the_earlier_column(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    dialog = make_dialog(qtbot, prefs)
    load(qtbot, dialog, messy)
    choose(dialog, 1, "name")  # 备注 as the name: 姓名 (column C) falls back to ignore
    assert chosen(dialog) == ["class", "name", "", "", "student_no"]
    assert "C" in dialog.columns.note_label.text() and "Name" in dialog.columns.note_label.text()
    assert dialog.preview.preview.index(MAPPING_ROW, 2).data() == ""


def test_a_missing_required_field_disables_check(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    dialog = make_dialog(qtbot, prefs)
    load(qtbot, dialog, messy)
    choose(dialog, 4, "")  # 学籍号 ignored
    assert not dialog.check_button.isEnabled()
    assert (
        "No." in dialog.columns.missing_label.text()
        and dialog.columns.missing_label.isVisibleTo(dialog)
    )
    choose(dialog, 4, "student_no")
    assert dialog.check_button.isEnabled() and dialog.columns.missing_label.isHidden()


def test_changing_a_column_after_the_check_asks_for_a_new_one(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    kind = FakeKind()
    dialog = make_dialog(qtbot, prefs, kind)
    load(qtbot, dialog, messy)
    dialog.check_button.click()
    wait_idle(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    choose(dialog, 3, "phone")
    assert not dialog.import_button.isEnabled() and dialog.report.model.rowCount() == 0
    dialog.run_import()  # even called directly, nothing runs
    assert [dry for dry, _ in kind.calls] == [True]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("damaged.xlsx", b"PK\x03\x04 this is not a workbook"),
        ("empty.csv", b""),
        ("no-header.csv", b"a,b\n1,2\n"),
    ],
)
def test_a_bad_file_is_named_in_red_and_nothing_runs(
    qtbot: QtBot, prefs: Preferences, tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    kind = FakeKind()
    dialog = make_dialog(qtbot, prefs, kind)
    load(qtbot, dialog, path)
    assert dialog.error_label.isVisibleTo(dialog) and name in dialog.error_label.text()
    assert dialog.loaded is None and not dialog.splitter.isVisibleTo(dialog)
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    dialog.check()
    assert kind.calls == []


def test_a_file_read_after_a_bad_one_clears_the_error(
    qtbot: QtBot, prefs: Preferences, tmp_path: Path, messy: Path
) -> None:
    dialog = make_dialog(qtbot, prefs)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    load(qtbot, dialog, tmp_path / "old.xls")
    assert ".xlsx" in dialog.error_label.text()
    load(qtbot, dialog, messy)
    assert dialog.error_label.isHidden() and dialog.loaded is not None


def test_buttons_wait_while_a_run_is_busy_and_close_is_refused(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    hold = threading.Event()
    dialog = make_dialog(qtbot, prefs, FakeKind(hold=hold))
    dialog.show()
    load(qtbot, dialog, messy)
    dialog.check_button.click()
    try:
        assert dialog.busy and dialog.busy_bar.isVisibleTo(dialog)
        for button in (dialog.choose_button, dialog.check_button, dialog.close_button):
            assert not button.isEnabled()
        assert not dialog.preview.isEnabled()  # the columns cannot change under the check
        dialog.reject()
        assert dialog.isVisible() and dialog.status_label.text()
    finally:
        hold.set()
    wait_idle(qtbot, dialog)
    assert dialog.close_button.isEnabled() and not dialog.busy_bar.isVisibleTo(dialog)
    dialog.reject()
    assert not dialog.isVisible()


def test_a_refused_run_is_shown_and_nothing_is_offered(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    from counselroom.domain.errors import ValidationError

    kind = FakeKind(fail=ValidationError("missing required columns", record="花名册.csv"))
    dialog = make_dialog(qtbot, prefs, kind)
    load(qtbot, dialog, messy)
    dialog.check_button.click()
    wait_idle(qtbot, dialog)
    assert "missing required columns" in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()


def test_a_locked_window_runs_nothing_and_the_lock_closes_the_dialog(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    from PySide6.QtCore import QObject, Signal

    class LockingHandle(QObject):
        locked = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.ctx: object | None = "ctx"

    handle = LockingHandle()
    kind = FakeKind()
    dialog = ImportDialog(handle, kind, preferences=prefs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    load(qtbot, dialog, messy)
    handle.ctx = None
    dialog.check_button.click()
    assert kind.calls == [] and dialog.error_label.text()
    handle.locked.emit()
    assert not dialog.isVisible() and dialog.loaded is None


def test_remembered_choices_forgive_a_broken_value(prefs: Preferences) -> None:
    prefs.set(IMPORT_MAPPINGS, "{not json")
    assert remembered_choices(prefs, "roster") == {}
    remember_choices(prefs, "roster", {"姓名": "name"})
    remember_choices(prefs, "screening.phq9", {"1": "item1"})
    remember_choices(prefs, "roster", {"班级": ""})
    assert remembered_choices(prefs, "roster") == {"姓名": "name", "班级": ""}
    assert remembered_choices(prefs, "screening.phq9") == {"1": "item1"}
    prefs.set(IMPORT_MAPPINGS, '{"roster": ["a list"]}')
    assert remembered_choices(prefs, "roster") == {}


def test_column_choices_keep_one_column_per_field() -> None:
    choices = ColumnChoices(4, {"name": 2, "class": 2, "student_no": 9})
    assert choices.mapping() == {"name": 2}  # a column past the width is dropped
    assert choices.choose(0, "name") == 2
    assert choices.mapping() == {"name": 0}
    assert choices.choose(0, "name") is None
    assert choices.choose(0, "") is None and choices.mapping() == {}


def test_choose_file_offers_spreadsheets_and_loads_the_choice(
    qtbot: QtBot, prefs: Preferences, messy: Path
) -> None:
    dialog = make_dialog(qtbot, prefs)
    chooser = dialog.choose_file()
    try:
        assert any("*.xlsx" in f and "*.csv" in f for f in chooser.nameFilters())
        chooser.fileSelected.emit(str(messy))
        wait_idle(qtbot, dialog)
        assert dialog.loaded is not None and dialog.file_label.text() == messy.name
    finally:
        chooser.reject()


def test_choices_are_remembered_and_a_failed_save_is_returned_not_raised(tmp_path: Path) -> None:
    from counselroom.preferences import Preferences, remembered_choices
    from counselroom.ui.intake.remembered import remember_mapping

    saved = Preferences(tmp_path / "preferences.json")
    assert remember_mapping(saved, "roster", ["姓名", "学籍号"], {"name": 0}) is None
    assert remembered_choices(Preferences.load(tmp_path / "preferences.json"), "roster") == {
        "姓名": "name",
        "学籍号": "",
    }
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder must be")
    failing = Preferences(blocked / "preferences.json")
    error = remember_mapping(failing, "roster", ["姓名"], {"name": 0})
    assert isinstance(error, OSError)
    assert remembered_choices(failing, "roster") == {"姓名": "name"}  # kept for this session
