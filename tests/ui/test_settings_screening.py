"""Settings: the screening cut-offs and MHT item key, edited by an administrator only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.domain.cutoffs import MhtCutoffs, Phq9Cutoffs, ScreeningCutoffs
from counselroom.services import auth, users
from counselroom.services import policy as policy_service
from counselroom.services.context import Context
from counselroom.services.roles import Role
from counselroom.storage.models import AuditEntry, PolicySetting
from counselroom.ui.cutoff_editors import plain_label
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_page import SettingsPage
from counselroom.ui.settings_screening import ScreeningCutoffsGroup
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

if TYPE_CHECKING:
    from conftest import SampleVault

OTHER_PASSWORD = "other-pass-12"

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
        return page

    yield opener
    for handle in handles:
        handle.end()


translate = QCoreApplication.translate


def admin_context(vault: SampleVault) -> Context:
    return auth.login(vault.folder, "admin", vault.password)


def add_user(vault: SampleVault, username: str, role: Role) -> None:
    ctx = admin_context(vault)
    try:
        users.add_user(ctx, username, OTHER_PASSWORD, role, kdf=INSECURE_TEST_PARAMS)
    finally:
        ctx.close()


def group_of(page: SettingsPage) -> ScreeningCutoffsGroup:
    assert page.screening_group is not None
    return page.screening_group


def stored(page: SettingsPage) -> tuple[ScreeningCutoffs, list[int], list[str | None]]:
    ctx = page.handle.require()
    with ctx.vault.read() as session:
        versions = list(session.scalars(select(PolicySetting.version)))
        details = list(
            session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "policy.update"))
        )
    return policy_service.current_policy(ctx).screening, versions, details


def wait_feedback(qtbot: QtBot, group: ScreeningCutoffsGroup, name: str) -> None:
    qtbot.waitUntil(
        lambda: group.feedback.isVisible() and group.feedback.objectName() == name,
        timeout=10_000,
    )


def test_admin_edits_a_cut_off_and_the_key_and_saves(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    page = open_page("admin", sample_vault.password)
    group = group_of(page)
    qtbot.waitUntil(lambda: group.loaded is not None, timeout=5000)
    assert group.phq9_flag.value() == 11 and group.item_key.key() == "1" * 100
    assert group.save_button.isVisible() and not group.role_note.isVisible()
    group.phq9_flag.setValue(10)
    item3 = group.item_key.boxes[2]
    # on its tick (the box is wider than its hit area, which ends after the short label)
    qtbot.mouseClick(item3, Qt.MouseButton.LeftButton, pos=QPoint(8, item3.height() // 2))
    assert group.item_key.key()[2] == "0"
    group.save_button.click()
    wait_feedback(qtbot, group, "saved")
    cutoffs, versions, details = stored(page)
    assert cutoffs.phq9 == Phq9Cutoffs(flag_at=10)
    assert cutoffs.mht.item_key == "11" + "0" + "1" * 97
    assert versions == [1, 2]
    assert details == ["screening.phq9.flag_at 11→10; screening.mht.item_key 1→0: 3"]
    # saving again without a change writes nothing and says so
    group.feedback.setObjectName("")
    group.save_button.click()
    wait_feedback(qtbot, group, "saved")
    assert stored(page)[1] == [1, 2]


def test_a_refused_value_is_shown_with_its_field_and_nothing_is_saved(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    page = open_page("admin", sample_vault.password)
    group = group_of(page)
    qtbot.waitUntil(lambda: group.loaded is not None, timeout=5000)
    mild, moderate = group.phq9_bands.spins[0], group.phq9_bands.spins[1]
    assert (mild.value(), moderate.value()) == (5, 10)
    moderate.setValue(5)  # bands must rise: moderate cannot start where mild does
    group.save_button.click()
    wait_feedback(qtbot, group, "problem")
    text = group.feedback.text()
    assert "screening.phq9.bands[2]" in text and "rising" in text
    # the row's own name (in the window's language), not only the key path
    assert plain_label(translate("ScreeningCutoffsGroup", "PHQ-9 bands:")) in text
    assert group.widget_for("screening.phq9.bands[2]") is group.phq9_bands
    qtbot.waitUntil(moderate.hasFocus, timeout=2000)  # the cursor is put in the refused band
    assert group.save_button.isEnabled()
    assert stored(page)[1:] == ([1], [])


def test_restore_defaults_shows_them_and_save_stores_them(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    ctx = admin_context(sample_vault)
    changed = ScreeningCutoffs(
        phq9=Phq9Cutoffs(flag_at=9, item9_alert_above=1),
        mht=MhtCutoffs(scale_high_at=9, item_key="0" + "1" * 99),
    )
    try:
        policy_service.set_screening_cutoffs(ctx, changed)
    finally:
        ctx.close()
    page = open_page("admin", sample_vault.password)
    group = group_of(page)
    qtbot.waitUntil(lambda: group.loaded == changed, timeout=5000)
    assert (group.phq9_flag.value(), group.item9_above.value()) == (9, 1)
    assert group.mht_scale.value() == 9 and not group.item_key.boxes[0].isChecked()
    group.restore_button.click()
    assert group.cutoffs_builder()() == ScreeningCutoffs()
    assert group.phq9_flag.value() == 11 and group.item_key.boxes[0].isChecked()
    assert stored(page)[0] == changed  # nothing stored until Save
    group.save_button.click()
    qtbot.waitUntil(lambda: group.loaded == ScreeningCutoffs(), timeout=10_000)
    cutoffs, versions, _details = stored(page)
    assert cutoffs == ScreeningCutoffs() and versions == [1, 2, 3]


def test_a_counsellor_sees_the_cut_offs_read_only(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    ctx = admin_context(sample_vault)
    try:
        policy_service.set_screening_cutoffs(ctx, ScreeningCutoffs(phq9=Phq9Cutoffs(flag_at=12)))
    finally:
        ctx.close()
    add_user(sample_vault, "zhang", Role.COUNSELLOR)
    page = open_page("zhang", OTHER_PASSWORD)
    group = group_of(page)
    qtbot.waitUntil(lambda: group.phq9_flag.value() == 12, timeout=5000)
    assert group.phq9_flag.isReadOnly() and group.mht_lie.isReadOnly()
    assert group.phq9_flag.buttonSymbols() == QSpinBox.ButtonSymbols.NoButtons
    assert all(spin.isReadOnly() for spin in group.gad7_bands.spins)
    box = group.item_key.boxes[0]
    assert box.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert box.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert not group.save_button.isVisible() and not group.restore_button.isVisible()
    assert group.role_note.isVisible()
    # forced through the form, the service refuses and the form says why
    group.phq9_flag.setValue(10)
    group.save()
    wait_feedback(qtbot, group, "problem")
    refusal = translate(
        "ScreeningCutoffsGroup", "Not saved: only an administrator can change the cut-offs."
    )
    assert group.feedback.text() == refusal
    assert stored(page)[0].phq9.flag_at == 12


def test_a_viewer_has_no_cut_offs_group(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    add_user(sample_vault, "ban", Role.VIEWER)
    page = open_page("ban", OTHER_PASSWORD)
    assert page.screening_group is None
    assert page.findChildren(ScreeningCutoffsGroup) == []
    assert page.idle_spin.isVisible()  # the rest of the page is there


def test_the_wheel_does_not_change_a_cut_off_it_passes_over(
    qtbot: QtBot, open_page: Opener, sample_vault: SampleVault
) -> None:
    page = open_page("admin", sample_vault.password)
    group = group_of(page)
    qtbot.waitUntil(lambda: group.loaded is not None, timeout=5000)
    spin = group.mht_total
    assert not spin.hasFocus()

    def wheel() -> None:
        event = QWheelEvent(
            QPointF(5, 5),
            QPointF(spin.mapToGlobal(QPoint(5, 5))),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(spin, event)

    wheel()
    assert spin.value() == 65
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus, timeout=2000)
    wheel()
    assert spin.value() == 66


def test_a_refusal_names_the_field_without_its_mnemonic_in_either_language() -> None:
    assert plain_label("PHQ-9 总分达到此值即提示(&F)：") == "PHQ-9 总分达到此值即提示"
    assert plain_label("PHQ-9 &flag at total:") == "PHQ-9 flag at total"
    assert plain_label("Tom && Jerry:") == "Tom & Jerry"
