"""Settings: the printing font of this PC — chosen after it loads, refused with the reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from counselroom.documents import fonts as document_font_files
from counselroom.preferences import FONT_FILE, LANGUAGE, Preferences
from counselroom.services import auth
from counselroom.services import document_fonts as font_service
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_fonts import FontsGroup
from counselroom.ui.settings_page import SettingsPage

if TYPE_CHECKING:
    from conftest import SampleVault

DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
needs_droid = pytest.mark.skipif(not DROID.is_file(), reason="fonts-droid-fallback not installed")
translate = QCoreApplication.translate


@pytest.fixture(autouse=True)
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


def make_group(qtbot: QtBot) -> FontsGroup:
    group = FontsGroup(Preferences.load())
    qtbot.addWidget(group)
    group.show()
    group.reload()
    qtbot.waitUntil(lambda: group.status is not None and not group.busy, timeout=20_000)
    return group


def choose(qtbot: QtBot, group: FontsGroup, path: Path | None) -> None:
    group.feedback.hide()
    group.set_font_file(str(path) if path is not None else None)
    qtbot.waitUntil(lambda: not group.busy and group.feedback.isVisible(), timeout=20_000)


@needs_droid
def test_a_chosen_font_file_is_remembered_and_shown_embedded(qtbot: QtBot) -> None:
    group = make_group(qtbot)
    assert group.status is not None and group.status.chosen is None
    assert not group.automatic_button.isEnabled()  # already automatic
    dialog = group.choose_font_file()  # opened with open(), never exec()
    try:
        assert dialog.isVisible()
        dialog.fileSelected.emit(str(DROID))
        qtbot.waitUntil(lambda: not group.busy and group.feedback.isVisible(), timeout=20_000)
    finally:
        dialog.reject()
    assert group.feedback.objectName() == "saved"
    assert Preferences.load().get(FONT_FILE) == str(DROID)
    assert group.prefs.get(FONT_FILE) == str(DROID)  # the page's copy agrees
    status = group.status
    assert status is not None and status.chosen == DROID and not status.builtin
    assert "Droid" in status.label
    embedded = fill(translate("FontsGroup", "%1 (embedded in every document)"), status.label)
    assert group.face_label.text().splitlines()[0] == embedded
    assert str(DROID) == group.chosen_label.text()
    assert not group.warning.isVisible()
    choose(qtbot, group, None)  # automatic again
    assert Preferences.load().get(FONT_FILE) == "" and group.prefs.get(FONT_FILE) == ""
    assert group.status is not None and group.status.chosen is None


@needs_droid
def test_a_file_that_is_not_a_font_is_refused_and_the_choice_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    font_service.set_font_file(DROID)
    group = make_group(qtbot)
    bogus = tmp_path / "simsun.ttf"
    bogus.write_bytes(b"this is a letter, not a font\n" * 40)
    with pytest.raises(document_font_files.FontError) as refused:
        document_font_files.load_face(bogus)
    choose(qtbot, group, bogus)
    assert group.feedback.objectName() == "problem"
    text = group.feedback.text()
    assert str(bogus) in text and refused.value.reason in text  # which file, and why
    assert Preferences.load().get(FONT_FILE) == str(DROID)
    assert group.prefs.get(FONT_FILE) == str(DROID)
    assert group.status is not None and group.status.chosen == DROID
    assert group.choose_button.isEnabled()  # ready for another try


def test_only_the_built_in_font_is_said_plainly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A PC without any Chinese TrueType font: discovery finds nothing.
    monkeypatch.setattr(font_service, "_system_font_files", lambda: [])
    monkeypatch.setattr(
        font_service,
        "resolve_fonts",
        lambda preferred=None: document_font_files.resolve_fonts(preferred, search=[]),
    )
    group = make_group(qtbot)
    assert group.status is not None and group.status.builtin
    assert group.warning.isVisible()
    warning = group.warning.text()
    assert "TrueType" in warning and "STSong-Light" in warning
    assert warning == translate(
        "FontsGroup",
        "No Chinese TrueType font was found: documents use STSong-Light, which is not "
        "embedded in the PDF, so printing may look different on other PCs and rare "
        "characters in names may be missing. Install a Chinese TrueType font (for "
        "example SimSun, SimHei or WenQuanYi Zen Hei) and choose it here.",
    )
    assert group.face_label.text() == translate(
        "FontsGroup", "STSong-Light, built into PDF readers (not embedded)"
    )
    assert not group.candidates.isEnabled()


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-zenhei not installed")
def test_the_settings_page_keeps_the_font_when_another_preference_is_saved(
    qtbot: QtBot, sample_vault: SampleVault
) -> None:
    handle = SessionHandle(auth.login(sample_vault.folder, "admin", sample_vault.password))
    try:
        page = SettingsPage(handle)
        qtbot.addWidget(page)
        page.show()
        page.reload()
        group = page.fonts_group
        qtbot.waitUntil(lambda: group.status is not None and not group.busy, timeout=20_000)
        found = [p for p in group.status.candidates] if group.status is not None else []
        assert WQY in found
        group.candidates.setCurrentRow(found.index(WQY))
        group.use_button.click()
        qtbot.waitUntil(lambda: not group.busy and group.feedback.isVisible(), timeout=20_000)
        assert Preferences.load().get(FONT_FILE) == str(WQY)
        # The language is saved by the page from its own copy of the preferences: the font
        # chosen through the service must survive that write.
        page.language_box.setCurrentIndex(page.language_box.findData("en"))
        stored = Preferences.load()
        assert stored.get(LANGUAGE) == "en" and stored.get(FONT_FILE) == str(WQY)
    finally:
        qtbot.waitUntil(lambda: not page.templates_group.scheduler.pending, timeout=30_000)
        handle.end()
