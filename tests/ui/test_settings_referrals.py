"""Settings: referral feedback overdue days and the closer follow-up after a return (policy)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.services import auth, users
from counselroom.services import policy as policy_service
from counselroom.services.roles import Role
from counselroom.storage.models import PolicySetting
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_page import SettingsPage
from counselroom.ui.settings_referrals import COUNT, FEEDBACK, INTERVAL, ReferralPolicyGroup
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

if TYPE_CHECKING:
    from conftest import SampleVault

OTHER_PASSWORD = "other-pass-12"
translate = QCoreApplication.translate

Opener = Callable[[str, str], SettingsPage]


@pytest.fixture
def open_page(qtbot: QtBot, sample_vault: SampleVault) -> Iterator[Opener]:
    handles: list[SessionHandle] = []

    def opener(user: str, password: str) -> SettingsPage:
        handle = SessionHandle(auth.login(sample_vault.folder, user, password))
        handles.append(handle)
        page = SettingsPage(handle)
        qtbot.addWidget(page)
        page.show()
        page.reload()
        group = page.referral_group
        if group is not None:
            qtbot.waitUntil(lambda: group.loaded is not None, timeout=10_000)
        return page

    yield opener
    for handle in handles:
        handle.end()


def add_user(vault: SampleVault, username: str, role: Role) -> None:
    ctx = auth.login(vault.folder, "admin", vault.password)
    try:
        users.add_user(ctx, username, OTHER_PASSWORD, role, kdf=INSECURE_TEST_PARAMS)
    finally:
        ctx.close()


def group_of(page: SettingsPage) -> ReferralPolicyGroup:
    assert page.referral_group is not None
    return page.referral_group


def stored(page: SettingsPage) -> tuple[tuple[timedelta, timedelta, int], list[int]]:
    ctx = page.handle.require()
    policy = policy_service.current_policy(ctx)
    with ctx.vault.read() as session:
        versions = list(session.scalars(select(PolicySetting.version)))
    rule = policy.return_follow_up
    return (policy.referral_feedback_overdue, rule.interval, rule.count), versions


def wait_feedback(qtbot: QtBot, group: ReferralPolicyGroup, name: str) -> None:
    qtbot.waitUntil(
        lambda: group.feedback.isVisible() and group.feedback.objectName() == name,
        timeout=10_000,
    )


def test_an_administrator_saves_the_referral_policy(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    page = open_page("admin", sample_vault.password)
    group = group_of(page)
    assert group.values() == (14, 7, 4)  # DOMAIN.md's defaults
    assert group.save_button.isVisible() and not group.role_note.isVisible()
    group.spins[FEEDBACK].setValue(10)
    group.spins[INTERVAL].setValue(3)
    group.spins[COUNT].setValue(6)
    assert "18" in group.summary.text()  # every 3 days, 6 times: the first 18 days
    group.save_button.click()
    wait_feedback(qtbot, group, "saved")
    values, versions = stored(page)
    assert values == (timedelta(days=10), timedelta(days=3), 6)
    assert len(versions) == 2 and group.loaded == (10, 3, 6)
    group.feedback.setObjectName("")
    group.save_button.click()  # unchanged: nothing written, and the form says so
    wait_feedback(qtbot, group, "saved")
    assert group.feedback.text() == translate(
        "ReferralPolicyGroup", "Nothing to save: these are the values in force."
    )
    assert stored(page)[1] == versions


@pytest.mark.parametrize(("key", "value"), [(FEEDBACK, 400), (INTERVAL, 500), (COUNT, 60)])
def test_a_value_out_of_bounds_is_refused_under_its_field(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault, key: str, value: int
) -> None:
    page = open_page("admin", sample_vault.password)
    group = group_of(page)
    before = stored(page)
    group.spins[key].setValue(value)
    assert group.spins[key].value() == value  # the domain, not the spin box, sets the limit
    group.save_button.click()
    wait_feedback(qtbot, group, "problem")
    assert str(value) in group.error_text(key)
    assert "got" not in group.error_text(key)  # told in words, not the service's raw sentence
    assert all(group.error_text(other) == "" for other in group.spins if other != key)
    qtbot.waitUntil(group.spins[key].hasFocus, timeout=2000)
    assert stored(page) == before
    group.spins[key].setValue(5)  # corrected: the red line goes with the next save
    group.save_button.click()
    wait_feedback(qtbot, group, "saved")
    assert group.error_text(key) == ""


def test_a_counsellor_sees_the_values_read_only(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    ctx = auth.login(sample_vault.folder, "admin", sample_vault.password)
    try:
        policy_service.set_referral_policy(
            ctx, feedback_overdue_days=21, return_interval_days=7, return_count=4
        )
    finally:
        ctx.close()
    add_user(sample_vault, "zhang", Role.COUNSELLOR)
    page = open_page("zhang", OTHER_PASSWORD)
    group = group_of(page)
    assert group.values() == (21, 7, 4)
    assert all(spin.isReadOnly() for spin in group.spins.values())
    assert group.spins[FEEDBACK].buttonSymbols() == QSpinBox.ButtonSymbols.NoButtons
    assert not group.save_button.isVisible() and group.role_note.isVisible()
    before = stored(page)
    group.spins[FEEDBACK].setValue(9)  # forced through the form: the service refuses
    group.save()
    wait_feedback(qtbot, group, "problem")
    assert group.feedback.text() == translate(
        "ReferralPolicyGroup", "Not saved: only an administrator can change the school policy."
    )
    assert stored(page) == before


def test_a_viewer_has_no_referral_policy_group(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    add_user(sample_vault, "ban", Role.VIEWER)
    page = open_page("ban", OTHER_PASSWORD)
    assert page.referral_group is None
    assert page.findChildren(ReferralPolicyGroup) == []
