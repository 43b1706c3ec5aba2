"""录入答卷: the typing becomes the numbers the service takes, or a message under the box."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.scoring import MHT_SCALES
from counselroom.services.screening_batch_view import BatchDetail, CoverageRow
from counselroom.services.screening_batches import BatchResultRow
from counselroom.ui.areas.result_entry_dialog import ResultEntryDialog
from counselroom.ui.areas.sheet_input import SheetInput

PUPILS = (
    CoverageRow(11, "G110101200801011234", "张三", "初二(1)班", 8),
    CoverageRow(12, "G110101200802022345", "李四", "初二(1)班", 8),
    CoverageRow(13, "G110101200803033456", "李四", "初二(2)班", 8),
)


def batch(instrument: str = "phq9") -> BatchDetail:
    return BatchDetail(
        id=5,
        instrument=instrument,
        on=date(2026, 10, 9),
        term="2026-2027学年第一学期",
        grades=(8,),
        consent_ref=None,
        note=None,
        results=(),
        flagged=(),
        retest=(),
        missing=PUPILS,
    )


def dialog(qtbot: QtBot, instrument: str = "phq9") -> ResultEntryDialog:
    d = ResultEntryDialog(batch(instrument))
    qtbot.addWidget(d)
    return d


def sent(qtbot: QtBot, d: ResultEntryDialog) -> list[SheetInput]:
    """Press Save; what was handed to the page (nothing when the dialog refused the typing)."""
    got: list[SheetInput] = []
    d.save_requested.connect(got.append)
    d.save_button.click()
    return got


def test_phq9_digits_become_answers_and_fill_the_spin_boxes(qtbot: QtBot) -> None:
    d = dialog(qtbot)
    assert d.choose_student(11)
    d.answers_edit.setText("")
    qtbot.keyClicks(d.answers_edit, "120 30 1-21")
    assert [spin.value() for spin in d.spins] == [1, 2, 0, 3, 0, 1, -1, 2, 1]
    assert d.counter.text() == "9 / 9"
    assert sent(qtbot, d) == [SheetInput(11, answers=(1, 2, 0, 3, 0, 1, None, 2, 1))]
    assert d.saving and not d.save_button.isEnabled()  # one save at a time


def test_a_spin_box_change_is_written_back_into_the_line(qtbot: QtBot) -> None:
    d = dialog(qtbot)
    qtbot.keyClicks(d.answers_edit, "000000000")
    d.spins[8].setValue(2)
    assert d.answers_edit.text() == "000000002"


def test_wrong_count_or_character_is_refused_under_the_answers(qtbot: QtBot) -> None:
    d = dialog(qtbot)
    d.choose_student(11)
    qtbot.keyClicks(d.answers_edit, "12012")
    assert sent(qtbot, d) == []
    message = d.error_texts()["answers"]
    assert "5" in message and "9" in message
    d.answers_edit.setText("1201240000")
    d.answers_edit.setText("120124000")
    assert sent(qtbot, d) == []
    message = d.error_texts()["answers"]
    assert "6" in message and "4" in message  # the position and the character
    assert not d.saving and d.save_button.isEnabled()


def test_student_by_number_or_unique_name_else_a_message(qtbot: QtBot) -> None:
    d = dialog(qtbot)
    d.answers_edit.setText("000000000")
    d.student_box.setEditText("g110101200801011234")
    assert [s.student_id for s in sent(qtbot, d)] == [11]
    d = dialog(qtbot)
    d.answers_edit.setText("000000000")
    d.student_box.setEditText("张三")
    assert [s.student_id for s in sent(qtbot, d)] == [11]
    d = dialog(qtbot)
    d.answers_edit.setText("000000000")
    d.student_box.setEditText("李四")  # two of them: never guessed
    assert sent(qtbot, d) == []
    assert "李四" in d.error_texts()["student"]
    d.student_box.setEditText("王五")
    assert sent(qtbot, d) == [] and d.error_texts()["student"]


def test_mht_sheet_of_100_answers_accepts_yes_no_words(qtbot: QtBot) -> None:
    d = dialog(qtbot, "mht")
    assert d.spins == []  # 100 spin boxes would be slower than the line
    d.choose_student(12)
    typed = "1010101010 " * 9 + "是否是否是否是否是-"
    d.answers_edit.setText(typed)
    (sheet,) = sent(qtbot, d)
    assert sheet.answers is not None and len(sheet.answers) == 100
    assert sheet.answers[:4] == (1, 0, 1, 0) and sheet.answers[90:] == (1, 0) * 4 + (1, None)


def test_mht_platform_report_sends_scales_lie_and_total(qtbot: QtBot) -> None:
    d = dialog(qtbot, "mht")
    d.choose_student(12)
    d.report_radio.setChecked(True)
    assert not d.answers_row.isEnabled() and d.scales_widget.isVisibleTo(d)
    for number, scale in enumerate(MHT_SCALES):
        assert d.scale_spins[scale.code].maximum() == len(scale.items)
        d.scale_spins[scale.code].setValue(number)
    d.lie_spin.setValue(3)
    (sheet,) = sent(qtbot, d)
    assert sheet == SheetInput(
        12, scales={s.code: n for n, s in enumerate(MHT_SCALES)}, lie=3, total=None
    )
    d.save_failed(CounselRoomError("locked; try again"))  # the page's answer re-enables Save
    d.total_spin.setValue(28)
    assert sent(qtbot, d)[0].total == 28


def row(student_id: int, flags: tuple[str, ...], total: int | None = 9) -> BatchResultRow:
    return BatchResultRow(
        1, student_id, None, "张三", "初二(1)班", total, "mild", 1, None, flags, True, "enrolled"
    )


def test_saved_says_what_was_stored_and_clears_for_the_next_sheet(qtbot: QtBot) -> None:
    d = dialog(qtbot)
    d.choose_student(11)
    d.answers_edit.setText("000000001")
    assert sent(qtbot, d)
    d.saved(row(11, ("item9",)))
    assert "张三" in d.result_label.text() and "9" in d.result_label.text()
    assert d.student_box.findData(11) < 0  # a second sheet would be refused anyway
    assert d.student_box.count() == 2 and d.student_box.currentText() == ""
    assert d.answers_edit.text() == "" and all(spin.value() == -1 for spin in d.spins)
    assert not d.saving and d.save_button.isEnabled()


@pytest.mark.parametrize(
    ("field", "box"),
    [("item3", "answers"), ("answers", "answers"), ("student", "student"), ("lie", "scales")],
)
def test_service_refusals_go_under_the_box_they_name(qtbot: QtBot, field: str, box: str) -> None:
    d = dialog(qtbot, "mht")
    d.save_failed(ValidationError("is wrong somehow", field=field))
    assert d.error_texts() == {box: "is wrong somehow"}


def test_a_refusal_without_a_field_is_said_below(qtbot: QtBot) -> None:
    d = dialog(qtbot)
    d.save_failed(
        ValidationError("the student already has a result in this batch", record="student 11")
    )
    shown = d.error_texts()
    assert list(shown) == [""] and "already has a result" in shown[""]
    d.clear_errors()
    d.save_failed(CounselRoomError("locked"))
    assert "locked" in d.error_texts()[""]


def test_the_student_box_completes_on_any_part(qtbot: QtBot) -> None:
    d = dialog(qtbot)
    completer = d.student_box.completer()
    assert completer is not None
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    assert [d.student_box.itemData(i) for i in range(d.student_box.count())] == [11, 12, 13]
    assert "G110101200801011234" in d.student_box.itemText(0)
