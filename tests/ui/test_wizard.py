"""The first-run wizard creates a vault that verifies, and refuses to go on with bad input."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from counselroom.services import auth
from counselroom.services.roles import Role
from counselroom.services.school import school_info
from counselroom.ui import dialogs
from counselroom.ui.wizard import FirstRunWizard
from counselroom.ui.wizard.wizard import ADMIN, CREATE, RECOVERY, SCHOOL
from counselroom.vault.kdf import INSECURE_TEST_PARAMS, KdfParams
from counselroom.vault.verify import verify_vault

PASSWORD = "a quiet room 42"
Button = QWizard.WizardButton


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


def cheap() -> KdfParams:
    return INSECURE_TEST_PARAMS


def make_wizard(qtbot: QtBot, folder: Path, **kwargs: object) -> FirstRunWizard:
    wizard = FirstRunWizard(folder, calibrate=kwargs.pop("calibrate", cheap))  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def can_go_on(wizard: FirstRunWizard) -> bool:
    page_id = wizard.currentId()
    if page_id == ADMIN:
        return wizard.button(Button.CommitButton).isEnabled()
    if page_id == RECOVERY:
        return wizard.button(Button.FinishButton).isEnabled()
    return wizard.button(Button.NextButton).isEnabled()


def fill_school(wizard: FirstRunWizard) -> None:
    page = wizard.school_page
    page.name_edit.setText("重庆市渝北区实验中学")
    page.code_edit.setText("3150000001")
    page.district_edit.setText("渝北区")
    page.address_edit.setText("双龙大道 1 号")
    page.phone_edit.setText("023-6788 1234")
    page.hospital_edit.setText("重庆市精神卫生中心")
    page.contact_edit.setText("王老师 023-6700 0000")
    page.type_box.setCurrentIndex(page.type_box.findData("junior"))


def fill_admin(wizard: FirstRunWizard) -> None:
    page = wizard.admin_page
    page.username_edit.setText("liu")
    page.display_edit.setText("刘老师")
    page.password_edit.setText(PASSWORD)
    page.repeat_edit.setText(PASSWORD)


def create(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    fill_school(wizard)
    wizard.button(Button.NextButton).click()
    fill_admin(wizard)
    assert can_go_on(wizard)
    wizard.button(Button.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY, timeout=20_000)


def group(wizard: FirstRunWizard) -> str:
    code = wizard.recovery_code
    assert code is not None
    return code.split("-")[wizard.recovery_page.check.group_index]


def test_the_wizard_creates_a_vault_that_verifies(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    wizard = make_wizard(qtbot, folder)
    assert wizard.currentId() == SCHOOL
    create(qtbot, wizard)
    code = wizard.recovery_code
    assert code is not None and len(code.split("-")) == 8
    assert wizard.recovery_page.check.shown_code() == code
    assert not wizard.button(Button.BackButton).isVisible()
    assert not can_go_on(wizard)
    wizard.recovery_page.check.retype.setText(group(wizard))
    assert can_go_on(wizard)
    with qtbot.waitSignal(wizard.created, timeout=5000) as blocker:
        wizard.button(Button.FinishButton).click()
    ctx = blocker.args[0]
    try:
        assert not wizard.isVisible()
        assert ctx.actor.username == "liu" and ctx.actor.display_name == "刘老师"
        assert ctx.actor.role is Role.ADMIN
        info = school_info(ctx)
        assert (info.name, info.school_type, info.phone) == (
            "重庆市渝北区实验中学",
            "junior",
            "023-6788 1234",
        )
        assert info.partner_hospital == "重庆市精神卫生中心" and info.district == "渝北区"
        assert verify_vault(ctx.vault) == []
        assert wizard.recovery_code is None  # forgotten once confirmed
        assert wizard.recovery_page.check.shown_code() == "-" * 7
        assert wizard.admin_page.password_edit.text() == ""
    finally:
        ctx.close()
    again = auth.login(folder, "liu", PASSWORD)
    try:
        assert verify_vault(again.vault) == []
    finally:
        again.close()
    # and the command a school's IT teacher would run accepts it too
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "counselroom",
            "verify",
            "--vault",
            str(folder),
            "--user",
            "liu",
            "--json",
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout) == {"ok": True, "findings": []}
    # the code shown was the real one
    auth.recover(folder, code, "liu", "another good one", kdf=INSECURE_TEST_PARAMS)


def test_school_page_needs_a_name_and_a_sane_phone(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path / "vault")
    page = wizard.school_page
    assert not can_go_on(wizard)
    page.name_edit.setText("   ")
    assert not can_go_on(wizard)
    page.name_edit.setText("测试中学")
    assert can_go_on(wizard)
    page.phone_edit.setText("023-6788 abc")
    assert not can_go_on(wizard) and page.problem.text()
    wizard.next()  # even forced, the page refuses
    assert wizard.currentId() == SCHOOL
    page.phone_edit.setText("023-6788 1234转 8")
    assert can_go_on(wizard) and not page.problem.text()
    wizard.button(Button.NextButton).click()
    assert wizard.currentId() == ADMIN


@pytest.mark.parametrize(
    ("username", "password", "repeat"),
    [
        ("liu", "short", "short"),  # under the rule
        ("liu", "aaaaaaaaaaaa", "aaaaaaaaaaaa"),  # one character repeated
        ("liu", PASSWORD, PASSWORD + "x"),  # mismatch
        ("liu", PASSWORD, ""),  # not repeated
        ("", PASSWORD, PASSWORD),  # no user name
        ("liu wei", PASSWORD, PASSWORD),  # space in the user name
    ],
)
def test_admin_page_refuses_bad_accounts(
    qtbot: QtBot, tmp_path: Path, username: str, password: str, repeat: str
) -> None:
    folder = tmp_path / "vault"
    wizard = make_wizard(qtbot, folder)
    fill_school(wizard)
    wizard.button(Button.NextButton).click()
    page = wizard.admin_page
    page.username_edit.setText(username)
    page.password_edit.setText(password)
    page.repeat_edit.setText(repeat)
    assert not can_go_on(wizard)
    wizard.next()
    assert wizard.currentId() == ADMIN
    assert not folder.exists()  # nothing was created


def test_meter_and_messages_on_the_admin_page(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path / "vault")
    fill_school(wizard)
    wizard.button(Button.NextButton).click()
    page = wizard.admin_page
    page.password_edit.setText("123456789")
    assert page.meter.score == 0 and "9" in page.meter.verdict.text()
    page.password_edit.setText("password123456")
    assert page.meter.score == 1  # long but common
    page.password_edit.setText("Quiet room, 42 pines!")
    assert page.meter.score == 4
    page.repeat_edit.setText("Quiet room")
    assert page.problem.text()  # the passwords differ
    assert "10" in page.meter.rule.text()


def test_a_wrong_group_keeps_finish_disabled(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path / "vault")
    create(qtbot, wizard)
    check = wizard.recovery_page.check
    right = group(wizard)
    wrong = right[:-1] + str((int(right[-1]) + 1) % 10)
    check.retype.setText(wrong)
    assert not can_go_on(wizard) and check.feedback.text()
    wizard.accept()  # forced: still refused
    assert wizard.isVisible()
    check.retype.setText(
        " ".join(right).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    )
    assert can_go_on(wizard)  # full-width digits and spaces typed by an input method count
    check.retype.setText(right)
    with qtbot.waitSignal(wizard.created) as blocker:
        wizard.button(Button.FinishButton).click()
    blocker.args[0].close()


def test_closing_before_confirming_asks_and_closes_the_vault(
    qtbot: QtBot, tmp_path: Path, prompter: dialogs.ScriptedPrompter
) -> None:
    folder = tmp_path / "vault"
    wizard = make_wizard(qtbot, folder)
    create(qtbot, wizard)
    prompter.answer = False
    wizard.reject()
    assert wizard.isVisible() and len(prompter.asked) == 1
    prompter.answer = True
    with qtbot.assertNotEmitted(wizard.created):
        wizard.reject()
    assert not wizard.isVisible() and wizard.recovery_code is None
    auth.login(folder, "liu", PASSWORD).close()  # the wizard's context released the vault


def test_cancel_is_refused_while_creating(qtbot: QtBot, tmp_path: Path) -> None:
    release = threading.Event()

    def slow() -> KdfParams:
        release.wait(10)
        return INSECURE_TEST_PARAMS

    wizard = make_wizard(qtbot, tmp_path / "vault", calibrate=slow)
    fill_school(wizard)
    wizard.button(Button.NextButton).click()
    fill_admin(wizard)
    wizard.button(Button.CommitButton).click()
    assert wizard.currentId() == CREATE and wizard.create_page.busy
    assert not wizard.button(Button.CancelButton).isEnabled()
    assert not wizard.button(Button.BackButton).isEnabled() or not (
        wizard.button(Button.BackButton).isVisible()
    )
    wizard.reject()
    assert wizard.isVisible()
    release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY, timeout=20_000)
    assert wizard.button(Button.CancelButton).isEnabled()
    wizard.recovery_page.check.retype.setText(group(wizard))
    with qtbot.waitSignal(wizard.created) as blocker:
        wizard.button(Button.FinishButton).click()
    blocker.args[0].close()


def test_a_failure_is_shown_with_try_again(qtbot: QtBot, tmp_path: Path) -> None:
    calls = []

    def flaky() -> KdfParams:
        calls.append(1)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        return INSECURE_TEST_PARAMS

    wizard = make_wizard(qtbot, tmp_path / "vault", calibrate=flaky)
    fill_school(wizard)
    wizard.button(Button.NextButton).click()
    fill_admin(wizard)
    wizard.button(Button.CommitButton).click()
    page = wizard.create_page
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert page.error_label.isVisible() and "No space left" in page.error_label.text()
    assert page.retry_button.isVisible() and not can_go_on(wizard)
    page.retry_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY, timeout=20_000)
    wizard.recovery_page.check.retype.setText(group(wizard))
    with qtbot.waitSignal(wizard.created) as blocker:
        wizard.button(Button.FinishButton).click()
    blocker.args[0].close()
