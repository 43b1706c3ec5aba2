"""The 概况 editor: validation next to the field, nothing saved on error, a saved edit shows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError
from test_student_file_support import copy_vault, make_demo_folder, open_window, sign_in

from counselroom.domain.errors import ValidationError
from counselroom.domain.groups import CareGroup
from counselroom.domain.idnumbers import id_check_char
from counselroom.services.context import Context
from counselroom.services.localtime import local_date, local_today
from counselroom.services.profile import ProfileEdit, ProfileErrors, update_profile
from counselroom.services.student_file import GuardianEntry, StudentProfile, open_student_file
from counselroom.ui.student_file import StudentFileWindow
from counselroom.ui.student_file import window as window_module
from counselroom.ui.student_file.field_errors import describe
from counselroom.ui.student_file.profile_editor import ProfileEditor, parse_date


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return make_demo_folder(tmp_path_factory.mktemp("profile_editor"))


@pytest.fixture
def counsellor(demo: tuple[Path, int], tmp_path: Path) -> Iterator[Context]:
    ctx = sign_in(copy_vault(demo[0], tmp_path), "counsellor")
    yield ctx
    ctx.close()


@pytest.fixture
def window(
    qtbot: QtBot, counsellor: Context, demo: tuple[Path, int]
) -> Iterator[StudentFileWindow]:
    window = open_window(qtbot, counsellor, demo[1])
    yield window
    window.wait_for_jobs()


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace the field's text as a user would; Chinese arrives as an input method commits it
    (QTest cannot type characters outside Latin-1)."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)


def wrong_check_char(id_number: str) -> str:
    right = id_check_char(id_number[:17])
    wrong = "1" if right != "1" else "2"
    return id_number[:17] + wrong


def test_save_is_enabled_only_by_a_change(qtbot: QtBot, window: StudentFileWindow) -> None:
    editor = window.profile
    assert not editor.save_button.isHidden()
    assert not editor.save_button.isEnabled()
    original = editor.ethnicity_edit.text()
    type_into(qtbot, editor.ethnicity_edit, "回族")
    assert editor.save_button.isEnabled() and editor.revert_button.isEnabled()
    type_into(qtbot, editor.ethnicity_edit, original)
    assert not editor.save_button.isEnabled()  # back to what is stored
    editor.group_boxes[CareGroup.ORPHAN.value].click()
    assert editor.save_button.isEnabled()
    editor.revert_button.click()
    assert not editor.save_button.isEnabled()


def test_a_bad_id_check_character_is_shown_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    before = open_student_file(counsellor, window.student_id).profile
    assert before.id_number
    editor = window.profile
    bad = wrong_check_char(before.id_number)
    type_into(qtbot, editor.id_edit, bad)
    type_into(qtbot, editor.address_edit, "新地址 1 号")
    editor.save_button.click()
    qtbot.waitUntil(lambda: bool(editor.error_text("id_number")), timeout=10_000)

    message = editor.error_text("id_number")
    right = id_check_char(before.id_number[:17])
    assert right in message and bad[-1] in message
    assert message == describe(f"ID number: check character is {bad[-1]}, expected {right}")
    assert not editor.errors["id_number"].isHidden()
    assert editor.id_edit.property("invalid") is True
    others = [f for f in editor.errors if f != "id_number" and editor.error_text(f)]
    assert others == []
    assert editor.message.property("tone") == "error"
    # The input stays as typed, Save can be pressed again after a correction.
    assert editor.id_edit.text() == bad
    assert editor.address_edit.text() == "新地址 1 号"
    after = open_student_file(counsellor, window.student_id).profile
    assert after == before  # nothing saved, not even the valid address

    type_into(qtbot, editor.id_edit, before.id_number)
    assert editor.error_text("id_number") == ""  # editing the field clears its message
    assert editor.id_edit.property("invalid") is False


def test_a_valid_edit_saves_and_the_header_follows(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    editor = window.profile
    before = open_student_file(counsellor, window.student_id).profile
    new_group = next(g for g in CareGroup if g.value not in before.groups)
    type_into(qtbot, editor.name_edit, "欧阳新")
    editor.group_boxes[new_group.value].click()
    editor.guardians.add_row()
    table = editor.guardians.table
    last = table.rowCount() - 1
    table.item(last, 0).setText("欧阳明")
    table.item(last, 1).setText("祖父")
    table.item(last, 2).setText("13800001111")
    with qtbot.waitSignal(window.loaded, timeout=10_000):  # saved, then the file reloaded
        editor.save_button.click()

    assert window.header.name_label.text() == "欧阳新"
    assert new_group.label_zh in window.header.group_texts()
    assert window.title() == "欧阳新"
    stored = open_student_file(counsellor, window.student_id).profile
    assert stored.name == "欧阳新"
    assert new_group.value in stored.groups
    assert stored.guardians[-1] == GuardianEntry("欧阳明", "祖父", "13800001111", False)
    assert stored.updated_at != before.updated_at
    assert editor.message.property("tone") == "ok"
    assert not editor.save_button.isEnabled()
    assert editor.name_edit.text() == "欧阳新"


def test_several_problems_are_each_shown_at_their_field(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    editor = window.profile
    before = open_student_file(counsellor, window.student_id).profile
    type_into(qtbot, editor.name_edit, "")
    type_into(qtbot, editor.phone_edit, "123")
    if editor.guardians.table.rowCount() < 2:
        editor.guardians.add_row()
        editor.guardians.table.item(1, 0).setText("某某")
    editor.guardians.table.item(1, 2).setText("138abc")
    editor.save_button.click()
    qtbot.waitUntil(lambda: bool(editor.error_text("phone")), timeout=10_000)
    assert editor.error_text("name")
    assert "7" in editor.error_text("phone")
    family = editor.error_text("guardians")
    assert "2" in family  # row 2 (the service counts from 0, people from 1)
    assert open_student_file(counsellor, window.student_id).profile == before


def test_an_unreadable_date_is_caught_before_saving(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    editor = window.profile
    type_into(qtbot, editor.birth_edit, "2012-13-45")
    editor.save_button.click()
    assert editor.error_text("birth_date")
    assert not editor._saving
    assert editor.birth_edit.text() == "2012-13-45"


def test_a_database_error_keeps_the_input(
    qtbot: QtBot, window: StudentFileWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> StudentProfile:
        raise OperationalError("UPDATE students", {}, Exception("disk I/O error"))

    monkeypatch.setattr(window_module, "update_profile", broken)
    editor = window.profile
    type_into(qtbot, editor.address_edit, "重庆市示范区新街 8 号")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.message.property("tone") == "error", timeout=10_000)
    assert "OperationalError" in editor.message.text()
    assert editor.address_edit.text() == "重庆市示范区新街 8 号"
    assert editor.save_button.isEnabled()  # try again


def test_a_file_changed_elsewhere_is_not_overwritten(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    profile = open_student_file(counsellor, window.student_id).profile
    elsewhere = ProfileEdit(
        student_no=profile.student_no,
        name=profile.name,
        gender=profile.gender,
        birth_date=profile.birth_date,
        id_number=profile.id_number,
        ethnicity=profile.ethnicity,
        class_id=profile.class_id,
        roll_no="99",
        address=profile.address,
        phone=profile.phone,
        guardians=profile.guardians,
        groups=profile.groups,
        enrolled_on=profile.enrolled_on,
    )
    update_profile(counsellor, window.student_id, elsewhere, expected_updated_at=profile.updated_at)
    editor = window.profile
    type_into(qtbot, editor.ethnicity_edit, "壮族")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.message.property("tone") == "error", timeout=10_000)
    assert editor.ethnicity_edit.text() == "壮族"
    stored = open_student_file(counsellor, window.student_id).profile
    assert stored.roll_no == "99" and stored.ethnicity == profile.ethnicity


def test_the_enrolment_day_is_shown_and_a_new_one_round_trips(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    editor = window.profile
    before = open_student_file(counsellor, window.student_id).profile
    assert before.enrolled_on is not None and before.birth_date is not None
    assert editor.enrolled_edit.text() == before.enrolled_on.isoformat()
    earlier = before.enrolled_on - timedelta(days=30)  # no record can predate it
    assert earlier > before.birth_date
    type_into(qtbot, editor.enrolled_edit, f"{earlier.year}/{earlier.month}/{earlier.day}")
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        editor.save_button.click()

    stored = open_student_file(counsellor, window.student_id).profile
    assert stored.enrolled_on == earlier
    assert editor.enrolled_edit.text() == earlier.isoformat()  # shown as stored, ISO
    assert editor.message.property("tone") == "ok"
    assert not editor.save_button.isEnabled()


def test_an_enrolment_day_after_existing_records_is_refused_at_the_field(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    file = open_student_file(counsellor, window.student_id)
    assert file.sessions
    days = [local_date(s.started_at) for s in file.sessions]
    days += [c.on for c in file.contacts or ()]
    earliest = min(days)
    later = earliest + timedelta(days=1)
    assert later <= local_today()
    editor = window.profile
    type_into(qtbot, editor.enrolled_edit, later.isoformat())
    editor.save_button.click()
    qtbot.waitUntil(lambda: bool(editor.error_text("enrolled_on")), timeout=10_000)

    message = editor.error_text("enrolled_on")
    assert earliest.isoformat() in message and later.isoformat() in message
    assert editor.enrolled_edit.property("invalid") is True
    assert [f for f in editor.errors if editor.error_text(f)] == ["enrolled_on"]
    assert editor.enrolled_edit.text() == later.isoformat()
    assert open_student_file(counsellor, window.student_id).profile == file.profile


def test_unreadable_birth_and_enrolment_days_are_both_marked(
    qtbot: QtBot, window: StudentFileWindow, counsellor: Context
) -> None:
    before = open_student_file(counsellor, window.student_id).profile
    editor = window.profile
    type_into(qtbot, editor.birth_edit, "2012-13-45")
    type_into(qtbot, editor.enrolled_edit, "2024-02-30")
    editor.save_button.click()
    assert editor.error_text("birth_date") and editor.error_text("enrolled_on")
    assert not editor._saving
    assert editor.enrolled_edit.text() == "2024-02-30"
    assert open_student_file(counsellor, window.student_id).profile == before


# -- without a vault -------------------------------------------------------------------------


def sample_profile() -> StudentProfile:
    return StudentProfile(
        student_no="G110101200801011237",
        name="张三",
        gender="M",
        birth_date=date(2008, 1, 1),
        id_number="110101200801011237",
        ethnicity="汉族",
        grade_level=8,
        class_id=3,
        class_label="初二(3)班",
        roll_no="12",
        address="某路 1 号",
        phone="13800000000",
        guardians=(GuardianEntry("张父", "父亲", "13900000000", True),),
        groups=("left_behind",),
        updated_at=datetime(2026, 11, 1, 8, 0),
        enrolled_on=date(2014, 9, 1),
    )


def test_the_enrolment_day_may_be_left_empty(qtbot: QtBot) -> None:
    editor = ProfileEditor()
    qtbot.addWidget(editor)
    editor.set_profile(sample_profile(), classes=[(3, "初二(3)班")], editable=True)
    assert editor.enrolled_edit.text() == "2014-09-01"
    assert editor.current_edit().enrolled_on == date(2014, 9, 1)
    type_into(qtbot, editor.enrolled_edit, "")
    assert editor.is_dirty()
    assert editor.current_edit().enrolled_on is None


def test_a_refused_enrolment_day_is_told_under_its_field(qtbot: QtBot) -> None:
    editor = ProfileEditor()
    qtbot.addWidget(editor)
    editor.set_profile(sample_profile(), classes=[(3, "初二(3)班")], editable=True)
    message = "enrolment day 2007-09-01 is before the student's birth date (2008-01-01)"
    editor.save_failed(ProfileErrors((ValidationError(message, field="enrolled_on"),)))
    shown = editor.error_text("enrolled_on")
    assert shown == describe(message) and "2007-09-01" in shown and "2008-01-01" in shown
    assert editor.enrolled_edit.property("invalid") is True
    assert editor.error_text("birth_date") == "" and editor.error_text("name") == ""


def test_guardian_errors_name_the_row(qtbot: QtBot) -> None:
    editor = ProfileEditor()
    qtbot.addWidget(editor)
    editor.set_profile(sample_profile(), classes=[(3, "初二(3)班")], editable=True)
    editor.guardians.add_row()
    errors = ProfileErrors(
        (
            ValidationError(
                "a phone number may hold only digits, spaces, '-' and '+'",
                field="guardians[1].phone",
            ),
            ValidationError("the name is required", field="guardians[1].name"),
        )
    )
    editor.save_failed(errors)
    text = editor.error_text("guardians")
    assert text.count("\n") == 1 and "2" in text
    assert editor.guardians.table.item(1, 2).background().color().name() == "#ffebee"


def test_a_viewer_gets_a_read_only_form(qtbot: QtBot) -> None:
    editor = ProfileEditor()
    qtbot.addWidget(editor)
    editor.set_profile(sample_profile(), editable=False)
    assert editor.save_button.isHidden() and editor.revert_button.isHidden()
    assert editor.guardians.add_button.isHidden()
    assert all(edit.isReadOnly() for edit in editor._line_edits())
    assert not any(
        box.focusPolicy() != Qt.FocusPolicy.NoFocus for box in editor.group_boxes.values()
    )
    box = editor.group_boxes["orphan"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not box.isChecked()
    assert editor.class_combo.currentText() == "初二(3)班"
    editor.save()  # does nothing
    assert editor.message.text() == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2012-09-01", date(2012, 9, 1)),
        ("2012/9/1", date(2012, 9, 1)),
        ("20120901", date(2012, 9, 1)),
        ("2012年9月1日", date(2012, 9, 1)),
        ("", None),
    ],
)
def test_dates_are_read_in_the_usual_forms(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2012-13-01", "2012-02-30", "九月一日", "2012"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_service_messages_are_retold() -> None:
    assert "3" in describe("ID number: check character is 5, expected 3")
    assert "ID number:" not in describe("ID number: check character is 5, expected 3")
    assert describe("something new") == "something new"


@pytest.mark.parametrize(
    ("message", "values"),
    [
        ("enrolment day 2030-09-01 is in the future (today is 2026-11-20)", ("2030-09-01",)),
        ("enrolment day 1989-09-01 is before 1990", ("1989-09-01", "1990")),
        (
            "enrolment day 2025-03-01 is after 3 counselling session(s) and 1 parent "
            "contact(s) already recorded, the earliest on 2024-10-10",
            ("2025-03-01", "3", "1", "2024-10-10"),
        ),
    ],
)
def test_enrolment_messages_are_retold(message: str, values: tuple[str, ...]) -> None:
    told = describe(message)
    assert told != message  # a rule knew it
    assert all(value in told for value in values)
