"""The window shows data problems in its language: import reports, refused files, dialogs.

The application of these tests is the Chinese one (conftest), so a problem made from a
template must read in Chinese, and one without a template in its English as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from counselroom.domain.cells import parse_date_cell
from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.idnumbers import WRONG_CHECK, make_id_number, make_student_no
from counselroom.intake.problems import Problem
from counselroom.services import auth
from counselroom.services.screening_batch_view import BatchDetail
from counselroom.services.screening_results import ALREADY_IN_BATCH
from counselroom.ui.areas.batch_dialog import BatchDialog
from counselroom.ui.areas.result_entry_dialog import ResultEntryDialog
from counselroom.ui.intake.import_dialog import ImportDialog
from counselroom.ui.intake.report_model import problem_entry
from counselroom.ui.intake.roster_kind import RosterKind
from counselroom.ui.problem_text import error_text, problem_text
from counselroom.ui.session import SessionHandle
from intake_samples import write_xlsx

if TYPE_CHECKING:
    from conftest import SampleVault

GOOD_NO = make_student_no(make_id_number("110101", date(2013, 3, 5), 11))
BAD_NO = GOOD_NO[:-1] + ("0" if GOOD_NO[-1] != "0" else "1")


@pytest.fixture
def handle(sample_vault: SampleVault) -> Iterator[SessionHandle]:
    session = SessionHandle(auth.login(sample_vault.folder, "admin", sample_vault.password))
    yield session
    session.end()


def wait_idle(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


def test_the_roster_report_gives_the_reason_in_chinese(
    qtbot: QtBot, handle: SessionHandle, tmp_path: Path
) -> None:
    rows: list[list[object]] = [["学籍号", "姓名"], [BAD_NO, "新生甲"], [GOOD_NO, "新生乙"]]
    dialog = ImportDialog(handle, RosterKind())
    qtbot.addWidget(dialog)
    dialog.load_file(write_xlsx(tmp_path / "花名册.xlsx", rows))
    wait_idle(qtbot, dialog)
    dialog.check_button.click()
    wait_idle(qtbot, dialog)
    assert dialog.error_label.isHidden(), dialog.error_label.text()
    problems = [entry for entry in dialog.report.model.rows() if entry.problem]
    assert [entry.row for entry in problems] == ["2"]
    details = problems[0].details
    assert details.startswith("学籍号：校验位是 0，应为 ") or details.startswith(
        "学籍号：校验位是 1，应为 "
    )
    assert "check character" not in details
    skipped = [entry.details for entry in dialog.report.model.rows() if entry.row == "2"]
    assert any("1" in text and "问题" in text for text in skipped)  # its result line, in Chinese


def test_a_refused_file_is_explained_in_chinese(
    qtbot: QtBot, handle: SessionHandle, tmp_path: Path
) -> None:
    old = tmp_path / "花名册.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    dialog = ImportDialog(handle, RosterKind())
    qtbot.addWidget(dialog)
    dialog.load_file(old)
    wait_idle(qtbot, dialog)
    text = dialog.error_label.text()
    assert text.startswith("花名册.xls：是旧格式的 .xls 工作簿"), text
    assert "save it as" not in text


def test_problem_text_translates_a_template_and_keeps_plain_english() -> None:
    made = Problem.of(4, "学籍号", WRONG_CHECK, "0", "X")
    assert made.reason == "check character is 0, expected X"  # the CLI's words
    assert problem_text(made) == "校验位是 0，应为 X"
    assert problem_text(Problem(4, None, "a reason without a template")) == (
        "a reason without a template"
    )


def test_error_text_names_the_record_but_not_the_field_key() -> None:
    error = ValidationError.of(WRONG_CHECK, "0", "X", field="student_no", record="r.xlsx")
    assert error_text(error) == "r.xlsx：校验位是 0，应为 X"
    assert error_text(error, record=False) == "校验位是 0，应为 X"
    plain = ValidationError("is wrong", field="date", record="student 3")
    assert error_text(plain) == str(plain) == "student 3, date: is wrong"  # as before
    assert error_text(plain, record=False) == "is wrong"
    assert error_text(CounselRoomError("locked")) == "locked"
    assert error_text(RuntimeError("boom")) == "boom"


def test_without_the_catalogue_the_window_shows_the_english(qapp: QCoreApplication) -> None:
    made = Problem.of(1, "学籍号", WRONG_CHECK, "3", "X")
    translators = list(getattr(qapp, "translators", []))
    assert translators, "the Chinese application installs its catalogues"
    for translator in translators:
        qapp.removeTranslator(translator)
    try:
        assert problem_text(made) == "check character is 3, expected X"
    finally:
        for translator in translators:
            qapp.installTranslator(translator)
    assert problem_text(made) == "校验位是 3，应为 X"


def test_the_batch_dialog_shows_a_service_refusal_in_chinese(qtbot: QtBot) -> None:
    dialog = BatchDialog(date(2026, 10, 9), (7, 8, 9))
    qtbot.addWidget(dialog)
    dialog.save_failed(
        ValidationError.of("%1 is for grade %2 and up (got %3)", "MHT", 4, 1, field="grades")
    )
    shown = dialog.errors["grades"].text()
    assert shown == "MHT 适用于 4 年级及以上（实际为 1 年级）"


def entry_dialog(qtbot: QtBot) -> ResultEntryDialog:
    detail = BatchDetail(
        id=5,
        instrument="phq9",
        on=date(2026, 10, 9),
        term="2026-2027学年第一学期",
        grades=(8,),
        consent_ref=None,
        note=None,
        results=(),
        flagged=(),
        retest=(),
        missing=(),
    )
    dialog = ResultEntryDialog(detail)
    qtbot.addWidget(dialog)
    return dialog


def test_the_entry_dialog_says_a_refusal_in_chinese(qtbot: QtBot) -> None:
    dialog = entry_dialog(qtbot)
    refused = ValidationError.of(ALREADY_IN_BATCH).located(record="student 11")
    dialog.save_failed(refused)
    shown = dialog.error_texts()
    assert list(shown) == [""]
    assert "该生在本批次已有结果" in shown[""] and "student" not in shown[""]
    dialog.clear_errors()
    dialog.save_failed(ValidationError.of("answer must be 0-%1 (got %2)", 3, "7", field="item2"))
    assert dialog.error_texts() == {"answers": "答案应为 0-3（实际为 7）"}


def test_a_cell_that_holds_a_placeholder_is_shown_as_typed() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date_cell("%2 %1", field="birth_date")
    problem = Problem.of_error(7, "出生日期", caught.value)
    entry = problem_entry(problem, {})
    assert entry.details.startswith("出生日期：'%2 %1' 不是日期"), entry.details


def test_a_batch_with_a_bad_term_or_a_future_day_is_refused_in_chinese() -> None:
    from counselroom.domain.terms import term_from_label
    from counselroom.services.checks import past_or_today

    with pytest.raises(ValidationError) as term:
        term_from_label("秋季学期")
    assert "'秋季学期'" in error_text(term.value) and "不是学期" in error_text(term.value)
    with pytest.raises(ValidationError) as future:
        past_or_today(date(2999, 1, 1), "on")
    assert "2999-01-01 晚于今天" in error_text(future.value)  # as the case-work forms say it
    assert "in the future" in str(future.value)  # the CLI keeps the English
