"""This PC's font for documents: the preference, what is used when it cannot be, and the note
every render carries."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from counselroom.documents.fonts import FontError, resolve_fonts
from counselroom.preferences import FONT_FILE, Preferences
from counselroom.services.document_fonts import (
    document_fonts,
    font_note,
    font_status,
    set_font_file,
)

DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
needs_droid = pytest.mark.skipif(not DROID.is_file(), reason="DroidSansFallbackFull not installed")


@needs_droid
def test_choosing_a_file_is_kept_and_used(tmp_path: Path) -> None:
    status = set_font_file(DROID)
    assert status.chosen == DROID and status.chosen_problem == ""
    assert "Droid Sans Fallback" in status.label and not status.builtin
    assert status.note.startswith(f"fonts: {status.label} (embedded)")
    assert Preferences.load().get(FONT_FILE) == str(DROID)
    assert document_fonts().primary.path == DROID
    automatic = set_font_file(None)
    assert automatic.chosen is None and Preferences.load().get(FONT_FILE) == ""


@pytest.mark.skipif(not NOTO_CFF.is_file(), reason="Noto CJK (CFF) not installed")
def test_an_unusable_file_is_refused_and_nothing_changes() -> None:
    with pytest.raises(FontError, match="PostScript"):
        set_font_file(NOTO_CFF)
    assert Preferences.load().get(FONT_FILE) == ""


@needs_droid
def test_a_chosen_file_gone_is_reported(tmp_path: Path) -> None:
    copy = tmp_path / "mine.ttf"
    shutil.copyfile(DROID, copy)
    set_font_file(copy)
    copy.unlink()
    status = font_status()
    assert status.chosen == copy and "does not exist" in status.chosen_problem
    assert status.note.startswith(f"the chosen font file {copy} is not used (")
    assert document_fonts().primary.path != copy


def test_the_built_in_font_is_a_warning() -> None:
    note = font_note(resolve_fonts(search=[]))
    assert note.startswith("fonts: STSong-Light") and "not embedded" in note
