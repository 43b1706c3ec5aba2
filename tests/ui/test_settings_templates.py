"""Settings: 文书模板 — edit the wording with a live preview, save versions, history, roles."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from counselroom.documents.templates import DEFAULT_TEMPLATES, sample_values
from counselroom.services import auth, doc_templates, users
from counselroom.services.documents import RenderedDocument
from counselroom.services.roles import Role
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_page import SettingsPage
from counselroom.ui.settings_templates import TemplatesGroup
from counselroom.ui.settings_templates_model import PreviewScheduler
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

if TYPE_CHECKING:
    from conftest import SampleVault

OTHER_PASSWORD = "other-pass-12"
KEY = "parent-notice-1"  # the first in the list
translate = QCoreApplication.translate

Opener = Callable[[str, str], TemplatesGroup]


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


@pytest.fixture
def open_group(qtbot: QtBot, sample_vault: SampleVault) -> Iterator[Opener]:
    handles: list[SessionHandle] = []

    def opener(user: str, password: str) -> TemplatesGroup:
        handle = SessionHandle(auth.login(sample_vault.folder, user, password))
        handles.append(handle)
        group = TemplatesGroup(handle)
        qtbot.addWidget(group)
        group.resize(820, 1000)
        group.show()
        group.reload()
        wait_loaded(qtbot, group)
        return group

    yield opener
    for handle in handles:  # the widgets are gone by now; no_job_outlives_its_test waits
        handle.end()  # for the previews still rendering


def wait_loaded(qtbot: QtBot, group: TemplatesGroup) -> None:
    qtbot.waitUntil(lambda: group.current is not None, timeout=10_000)
    wait_preview(qtbot, group)


def wait_preview(qtbot: QtBot, group: TemplatesGroup) -> None:
    qtbot.waitUntil(lambda: not group.scheduler.pending, timeout=30_000)


def wait_feedback(qtbot: QtBot, group: TemplatesGroup, name: str) -> None:
    qtbot.waitUntil(
        lambda: group.feedback.isVisible() and group.feedback.objectName() == name,
        timeout=10_000,
    )


def add_user(vault: SampleVault, username: str, role: Role) -> None:
    ctx = auth.login(vault.folder, "admin", vault.password)
    try:
        users.add_user(ctx, username, OTHER_PASSWORD, role, kdf=INSECURE_TEST_PARAMS)
    finally:
        ctx.close()


def stored_versions(group: TemplatesGroup, key: str = KEY) -> list[int]:
    return [v.version for v in doc_templates.template_history(group.handle.require(), key)]


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_an_unknown_placeholder_is_shown_with_part_and_line_and_not_saved(
    qtbot: QtBot, open_group: Opener, sample_vault: SampleVault
) -> None:
    group = open_group("admin", sample_vault.password)
    assert group.key == KEY and group.editor.parts() == DEFAULT_TEMPLATES[KEY]
    assert group.preview.page_count() > 0 and group.editor.problem_text() == ""
    body = group.editor.editors["body"]
    lines = body.toPlainText().count("\n") + 1
    body.setPlainText(body.toPlainText() + "\n请带上{家长手机}")
    wait_preview(qtbot, group)
    problem = group.editor.problem_text()
    unknown = fill(
        translate(
            "TemplateEditor",
            "{%1} is not a placeholder of this document. Choose one from the list.",
        ),
        "家长手机",
    )
    where = translate("TemplateEditor", "%1, line %2: %3")
    assert problem == fill(where, translate("TemplateEditor", "Body"), lines + 1, unknown)
    assert "{家长手机}" in problem
    assert group.editor.problem.isVisible()
    tab = group.editor.tabs.indexOf(body)
    assert group.editor.tabs.tabBar().tabTextColor(tab).name() == "#b71c1c"
    marks = body.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.blockNumber() == lines  # 0-based: the new line
    group.note_edit.setText("试一试")
    group.save_button.click()
    wait_feedback(qtbot, group, "problem")
    assert group.feedback.text() == translate(
        "TemplatesGroup", "Not saved: correct the wording marked in red."
    )
    assert stored_versions(group) == [0]
    assert group.editor.tabs.currentWidget() is body
    assert body.textCursor().blockNumber() == lines  # the cursor went to the line


def test_a_valid_edit_saves_a_version_shown_in_history_and_the_preview(
    qtbot: QtBot, open_group: Opener, sample_vault: SampleVault
) -> None:
    group = open_group("admin", sample_vault.password)
    first = group.preview_result
    assert first is not None and first.pages > 0
    group.editor.editors["title"].setPlainText("关心孩子成长告知书")
    wait_preview(qtbot, group)
    assert group.preview_result is not first
    assert group.preview.page_count() == group.preview_result.pages > 0
    assert "关心孩子成长告知书" in pdf_text(group.preview_result.pdf)
    assert group.dirty
    group.note_edit.setText("标题更亲切")
    group.save_button.click()
    wait_feedback(qtbot, group, "saved")
    assert stored_versions(group) == [1, 0]
    assert group.current is not None and group.current.version == 1 and not group.dirty
    assert group.note_edit.text() == ""
    title = group.editor.editors["title"]
    title.setPlainText(title.toPlainText() + "  \n")  # editor noise, not wording
    assert group.dirty
    group.save_button.click()
    wait_feedback(qtbot, group, "saved")
    assert group.feedback.text() == translate(
        "TemplatesGroup", "Nothing to save: this is the wording in force."
    )
    assert stored_versions(group) == [1, 0] and not group.dirty
    group.history_button.click()
    assert group.history_panel.isVisible()
    model = group.history_model
    assert [row.version for row in model.rows()] == [1, 0]
    newest = model.rows()[0]
    assert model.display(newest, 0) == "1" and model.display(newest, 3) == "标题更亲切"
    assert model.display(newest, 2) == group.handle.actor.display_name
    assert model.display(newest, 1)  # when
    # The built-in wording back into the editor, then saved as version 2.
    group.reset_button.click()
    assert group.editor.parts() == DEFAULT_TEMPLATES[KEY] and group.dirty
    assert stored_versions(group) == [1, 0]  # only loaded, not saved
    group.save_button.click()
    wait_feedback(qtbot, group, "saved")
    assert stored_versions(group) == [2, 1, 0]
    current = doc_templates.current_template(group.handle.require(), KEY)
    assert dict(current.parts) == DEFAULT_TEMPLATES[KEY]
    # Version 1 restored from the history into the editor.
    assert group.history_panel.select_version(1)
    group.history_panel.restore_button.click()
    assert group.editor.editors["title"].toPlainText() == "关心孩子成长告知书"
    assert stored_versions(group) == [2, 1, 0]


def test_a_placeholder_clicked_is_written_at_the_cursor(
    qtbot: QtBot, open_group: Opener, sample_vault: SampleVault
) -> None:
    group = open_group("admin", sample_vault.password)
    title = group.editor.editors["title"]
    group.editor.tabs.setCurrentWidget(title)
    cursor = title.textCursor()
    cursor.setPosition(2)  # 家长|告知书
    title.setTextCursor(cursor)
    items = group.editor.placeholders
    item = next(
        items.item(i)
        for i in range(items.count())
        if items.item(i).data(Qt.ItemDataRole.UserRole) == "学生姓名"
    )
    items.itemClicked.emit(item)
    assert title.toPlainText() == "家长{学生姓名}告知书"
    wait_preview(qtbot, group)
    assert group.editor.problem_text() == ""
    assert group.preview_result is not None
    name = sample_values(KEY)["学生姓名"]  # the fictional student the preview prints
    assert f"家长{name}告知书" in pdf_text(group.preview_result.pdf)


def test_a_counsellor_reads_the_wording_and_cannot_save(
    qtbot: QtBot, open_group: Opener, sample_vault: SampleVault
) -> None:
    add_user(sample_vault, "zhang", Role.COUNSELLOR)
    group = open_group("zhang", OTHER_PASSWORD)
    assert all(editor.isReadOnly() for editor in group.editor.editors.values())
    assert not group.save_button.isVisible() and not group.reset_button.isVisible()
    assert not group.note_edit.isVisible() and group.role_note.isVisible()
    assert group.preview.page_count() > 0  # the preview is for everyone
    title = group.editor.editors["title"]
    before = title.toPlainText()
    group.editor.tabs.setCurrentWidget(title)
    group.editor.placeholders.itemClicked.emit(group.editor.placeholders.item(0))
    assert title.toPlainText() == before  # a click inserts nothing in a read-only text
    title.setPlainText("改过的标题")  # forced through the form: the service refuses
    group.save()
    wait_feedback(qtbot, group, "problem")
    assert group.feedback.text() == fill(
        translate("TemplatesGroup", "Not saved: %1"),
        translate("TemplatesGroup", "only an administrator can change the wording."),
    )
    assert stored_versions(group) == [0]


def test_a_save_after_someone_else_saved_asks_to_reload(
    qtbot: QtBot, open_group: Opener, sample_vault: SampleVault
) -> None:
    group = open_group("admin", sample_vault.password)
    # Saved behind the editor's back (the vault admits one process at a time, so through the
    # same session, as another window of this program would).
    parts = dict(DEFAULT_TEMPLATES[KEY], title="另一台电脑改的标题")
    doc_templates.save_template(group.handle.require(), KEY, parts, note="", expected_version=0)
    group.editor.editors["title"].setPlainText("我的标题")
    group.save_button.click()
    wait_feedback(qtbot, group, "problem")
    assert group.feedback.text() == translate(
        "TemplatesGroup",
        "Not saved: someone saved this wording meanwhile — reload to see their version "
        "(your text stays in the editor until you reload).",
    )
    assert group.reload_button.isVisible()
    assert group.editor.editors["title"].toPlainText() == "我的标题"  # kept until reloaded
    assert stored_versions(group) == [1, 0]
    group.reload_button.click()
    qtbot.waitUntil(
        lambda: group.editor.editors["title"].toPlainText() == "另一台电脑改的标题",
        timeout=10_000,
    )
    assert group.current is not None and group.current.version == 1
    assert not group.reload_button.isVisible()
    wait_preview(qtbot, group)


def test_leaving_unsaved_wording_asks_first(
    qtbot: QtBot,
    open_group: Opener,
    sample_vault: SampleVault,
    prompter: dialogs.ScriptedPrompter,
) -> None:
    group = open_group("admin", sample_vault.password)
    group.editor.editors["title"].setPlainText("未保存的标题")
    prompter.answers = [False]
    group.key_list.setCurrentRow(3)
    assert len(prompter.asked) == 1
    assert group.key == KEY and group.key_list.currentRow() == 0
    assert group.editor.editors["title"].toPlainText() == "未保存的标题"
    prompter.answers = [True]
    group.key_list.setCurrentRow(3)
    wait_loaded(qtbot, group)
    key = group.key
    assert key is not None and key != KEY
    assert list(group.editor.editors) == list(group.specs[key].parts)
    assert group.editor.parts() == DEFAULT_TEMPLATES[key]


def test_a_late_preview_never_replaces_a_newer_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = doc_templates.preview_template
    release = threading.Event()
    calls: list[str] = []

    def slow_first(key: str, parts: Mapping[str, str]) -> RenderedDocument:
        calls.append(parts["title"])
        if parts["title"] == "旧":
            release.wait(10)  # the older text takes longer to render
        return real(key, parts)

    monkeypatch.setattr(doc_templates, "preview_template", slow_first)
    scheduler = PreviewScheduler(delay_ms=50)
    shown: list[RenderedDocument] = []
    scheduler.rendered.connect(shown.append)
    old = dict(DEFAULT_TEMPLATES[KEY], title="旧")
    new = dict(DEFAULT_TEMPLATES[KEY], title="新")
    scheduler.request(KEY, old, now=True)
    scheduler.request(KEY, new, now=True)
    qtbot.waitUntil(lambda: len(calls) == 2 and not scheduler._jobs.get(2), timeout=30_000)
    release.set()
    qtbot.waitUntil(lambda: not scheduler.pending, timeout=30_000)
    assert len(shown) == 1 and "新" in pdf_text(shown[0].pdf)
    # Typing quickly renders once, after the pause.
    calls.clear()
    for title in ("一", "一二", "一二三"):
        scheduler.request(KEY, dict(DEFAULT_TEMPLATES[KEY], title=title))
    qtbot.waitUntil(lambda: not scheduler.pending, timeout=30_000)
    assert calls == ["一二三"]
    assert "一二三" in pdf_text(shown[-1].pdf)


def test_every_role_has_the_templates_group(qtbot: QtBot, sample_vault: SampleVault) -> None:
    add_user(sample_vault, "ban", Role.VIEWER)
    handle = SessionHandle(auth.login(sample_vault.folder, "ban", OTHER_PASSWORD))
    page = SettingsPage(handle)
    qtbot.addWidget(page)
    try:
        page.show()
        page.reload()
        group = page.templates_group
        wait_loaded(qtbot, group)
        assert not group.editable and group.role_note.isVisible()
        assert group.preview.page_count() > 0
    finally:
        qtbot.waitUntil(lambda: not page.fonts_group.busy, timeout=20_000)
        handle.end()
