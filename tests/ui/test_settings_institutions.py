"""Settings: the institutions directory — administrators add, edit, delete and restore; others
read it, and the service refuses a counsellor who gets past the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.services import auth, users
from counselroom.services.institutions import (
    InstitutionEntry,
    InstitutionInput,
    add_institution,
    list_institutions,
)
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.models import AuditEntry
from counselroom.ui import dialogs
from counselroom.ui.institution_dialog import InstitutionDialog
from counselroom.ui.institutions_model import COL_NAME, DELETED_COLOUR
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_institutions import InstitutionsGroup
from counselroom.ui.settings_page import SettingsPage
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

if TYPE_CHECKING:
    from conftest import SampleVault

OTHER_PASSWORD = "other-pass-12"
translate = QCoreApplication.translate

Opener = Callable[[str, str], InstitutionsGroup]


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


@pytest.fixture
def open_group(qtbot: QtBot, sample_vault: SampleVault) -> Iterator[Opener]:
    handles: list[SessionHandle] = []
    pages: list[SettingsPage] = []  # the window's page stack owns a page; here the test must

    def opener(user: str, password: str) -> InstitutionsGroup:
        handle = SessionHandle(auth.login(sample_vault.folder, user, password))
        handles.append(handle)
        page = SettingsPage(handle)
        pages.append(page)  # else the garbage collector may delete it, and the group with it
        qtbot.addWidget(page)
        page.show()
        group = page.institutions_group
        with qtbot.waitSignal(group.listed, timeout=10_000):
            page.reload()
        return group

    yield opener
    for handle in handles:
        handle.end()


def add_user(vault: SampleVault, username: str, role: Role) -> None:
    ctx = auth.login(vault.folder, "admin", vault.password)
    try:
        users.add_user(ctx, username, OTHER_PASSWORD, role, kdf=INSECURE_TEST_PARAMS)
    finally:
        ctx.close()


def names(group: InstitutionsGroup) -> list[str]:
    return [entry.name for entry in group.entries()]


def entry_named(group: InstitutionsGroup, name: str) -> InstitutionEntry:
    return next(entry for entry in group.entries() if entry.name == name)


def audited(group: InstitutionsGroup) -> list[str]:
    ctx = group.handle.require()
    with ctx.vault.read() as session:
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.action.like("institution.%"))
            .order_by(AuditEntry.seq)
        )
        return list(actions)


def fill_dialog(dialog: InstitutionDialog, **values: str) -> None:
    for key, value in values.items():
        dialog.edits[key].setText(value)


def save(qtbot: QtBot, group: InstitutionsGroup, dialog: InstitutionDialog) -> None:
    with qtbot.waitSignal(group.listed, timeout=10_000):
        dialog.save_button.click()
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def refused(qtbot: QtBot, dialog: InstitutionDialog) -> None:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=10_000)
    assert dialog.isVisible()


def test_an_administrator_adds_edits_deletes_and_restores(
    qtbot: QtBot, open_group: Opener, sample_vault: SampleVault
) -> None:
    group = open_group("admin", sample_vault.password)
    assert group.add_button.isVisible() and not group.role_note.isVisible()
    presets = names(group)
    dialog = group.add()
    assert dialog.isVisible()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("hospital"))
    fill_dialog(
        dialog,
        name="示范市精神卫生中心",
        department="儿童青少年心理科",
        phone="023-12345678",
        green_channel_contact="王医生",
        hours="周一至周五 8:00-17:00",
    )
    save(qtbot, group, dialog)
    added = entry_named(group, "示范市精神卫生中心")
    assert (added.kind, added.department, added.green_channel_contact) == (
        "hospital",
        "儿童青少年心理科",
        "王医生",
    )
    assert sorted(names(group)) == sorted([*presets, "示范市精神卫生中心"])
    assert group.chosen() == added  # the new entry is chosen

    # a second one with the same name and department is refused, under the name
    again = group.add()
    fill_dialog(again, name="示范市精神卫生中心", department="儿童青少年心理科")
    refused(qtbot, again)
    assert again.error_text("name")
    again.reject()
    assert names(group).count("示范市精神卫生中心") == 1

    edit = group.edit()
    assert edit is not None and edit.edits["phone"].text() == "023-12345678"
    fill_dialog(edit, phone="023-87654321")
    save(qtbot, group, edit)
    assert entry_named(group, "示范市精神卫生中心").phone == "023-87654321"

    assert group.chosen() is not None and group.delete_button.isEnabled()
    with qtbot.waitSignal(group.listed, timeout=10_000):
        assert group.delete()
    assert "示范市精神卫生中心" not in names(group)
    with qtbot.waitSignal(group.listed, timeout=10_000):
        group.show_deleted.setChecked(True)
    deleted = entry_named(group, "示范市精神卫生中心")
    assert deleted.deleted
    row = group.entries().index(deleted)
    index = group.model.index(row, COL_NAME)
    marker = translate("InstitutionsModel", "%1 (deleted)").replace("%1", deleted.name)
    assert index.data() == marker
    assert index.data(Qt.ItemDataRole.ForegroundRole) == DELETED_COLOUR
    assert group.select(deleted.id)
    assert group.restore_button.isEnabled() and not group.edit_button.isEnabled()
    assert group.edit() is None  # a deleted entry is restored before it is edited
    with qtbot.waitSignal(group.listed, timeout=10_000):
        assert group.restore()
    assert not entry_named(group, "示范市精神卫生中心").deleted
    assert audited(group) == [
        "institution.add",
        "institution.update",
        "institution.delete",
        "institution.restore",
    ]


def test_delete_asks_first_and_a_no_changes_nothing(
    qtbot: QtBot,
    open_group: Opener,
    sample_vault: SampleVault,
    prompter: dialogs.ScriptedPrompter,
) -> None:
    group = open_group("admin", sample_vault.password)
    assert group.entries(), "the preset hotlines are in a new vault"
    group.view.selectRow(0)
    first = group.chosen()
    assert first is not None
    prompter.answer = False
    assert not group.delete()
    assert prompter.asked and first.name in prompter.asked[0][1]
    assert audited(group) == []


def test_a_counsellor_reads_the_directory_and_the_service_refuses_a_change(
    qtbot: QtBot, open_group: Opener, sample_vault: SampleVault
) -> None:
    add_user(sample_vault, "zhang", Role.COUNSELLOR)
    group = open_group("zhang", OTHER_PASSWORD)
    assert group.entries()
    for button in (group.add_button, group.edit_button, group.delete_button):
        assert not button.isVisible()
    assert not group.restore_button.isVisible()
    assert group.role_note.isVisible()
    assert group.show_deleted.isVisible()  # reading includes what was deleted
    before = names(group)
    # forced through the form, the service refuses and the form says why
    dialog = group.add()
    fill_dialog(dialog, name="某私人诊所")
    refused(qtbot, dialog)
    assert dialog.message_label.text() == translate(
        "InstitutionDialog", "Not saved: only an administrator can change the directory."
    )
    ctx = group.handle.require()
    with pytest.raises(PermissionDenied):
        add_institution(ctx, InstitutionInput(kind="service", name="某私人诊所"))
    assert [e.name for e in list_institutions(ctx)] == before
    assert audited(group) == []


def test_a_viewer_reads_the_directory_without_buttons(
    qtbot: QtBot, open_group: Opener, sample_vault: SampleVault
) -> None:
    add_user(sample_vault, "ban", Role.VIEWER)
    group = open_group("ban", OTHER_PASSWORD)
    assert group.isVisible() and group.entries()
    assert not group.add_button.isVisible() and group.role_note.isVisible()
    group.view.selectRow(0)
    assert group.chosen() is not None
