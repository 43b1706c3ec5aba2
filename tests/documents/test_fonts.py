"""Font discovery, registration, fallback and glyph coverage, with the real fonts of this PC.

The files named below come from Debian/Ubuntu packages: fonts-wqy-zenhei (CI installs it),
fonts-droid-fallback, fonts-noto-cjk (PostScript outlines) and fonts-dejavu-core. A test that
needs a file this machine lacks is skipped and says which package provides it.
"""

from __future__ import annotations

import copy
import io
import pickle
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from counselroom.documents.font_files import font_dirs, outline_format
from counselroom.documents.fonts import (
    BUILTIN_FONT,
    FontError,
    FontSet,
    MissingGlyphs,
    builtin_face,
    load_face,
    resolve_fonts,
    system_font_files,
)
from counselroom.domain.errors import CounselRoomError

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

needs_wqy = pytest.mark.skipif(not WQY.exists(), reason="needs fonts-wqy-zenhei")
needs_droid = pytest.mark.skipif(not DROID.exists(), reason="needs fonts-droid-fallback")
needs_noto = pytest.mark.skipif(not NOTO_CJK.exists(), reason="needs fonts-noto-cjk")
needs_dejavu = pytest.mark.skipif(not DEJAVU.exists(), reason="needs fonts-dejavu-core")

RARE = "\U00020bb7"  # 𠮷 (CJK Extension B): neither WenQuanYi, Droid nor GBK has it
RARE_2 = "\U0002a6d6"  # 𪛖, the last Extension B character: likewise
BAHT = "\u0e3f"  # ฿: Droid Sans Fallback draws it, WenQuanYi Zen Hei and GBK do not
EURO = "€"  # WenQuanYi draws it, Droid does not


def _pdf_fonts(fonts: FontSet, text: str) -> tuple[str, list[dict[str, object]]]:
    """Render ``text`` in one Paragraph; return the page text and the page's font dictionaries."""
    out = io.BytesIO()
    style = ParagraphStyle("body", fontName=fonts.primary.name, fontSize=16, leading=24)
    SimpleDocTemplate(out).build([Paragraph(fonts.markup(text), style)])
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    resources = page["/Resources"]["/Font"]
    return page.extract_text(), [resources[key].get_object() for key in resources]


def _descriptors(font: dict[str, object]) -> list[dict[str, object]]:
    found = []
    if "/FontDescriptor" in font:
        found.append(font["/FontDescriptor"].get_object())  # type: ignore[attr-defined]
    for descendant in font.get("/DescendantFonts", []):  # type: ignore[attr-defined]
        found.append(descendant.get_object()["/FontDescriptor"].get_object())
    return found


# --- discovery ---------------------------------------------------------------------------------


@needs_wqy
def test_linux_discovery_finds_wenquanyi_and_skips_postscript_fonts() -> None:
    found = system_font_files("linux")
    assert WQY in found
    assert all(path.exists() and outline_format(path) == "truetype" for path in found)
    if NOTO_CJK.exists():  # its name is in the table, but reportlab cannot use its outlines
        assert NOTO_CJK not in found


def _link(folder: Path, name: str, target: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / name
    link.symlink_to(target)
    return link


@needs_wqy
@needs_droid
def test_windows_discovery_ranks_song_then_hei_then_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts = tmp_path / "Windows" / "Fonts"
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    kai = _link(fonts, "simkai.ttf", DROID)
    hei = _link(fonts, "msyh.ttc", WQY)
    fangsong = _link(fonts, "SIMFANG.TTF", DROID)  # Windows spells some names in capitals
    _link(fonts, "arial.ttf", WQY)  # not a Chinese font name: never a candidate
    (fonts / "simhei.ttf").write_text("not a font", encoding="utf-8")
    if NOTO_CJK.exists():
        _link(fonts, "simsun.ttc", NOTO_CJK)  # PostScript outlines: left out
    assert font_dirs("win32")[-1] == fonts
    assert system_font_files("win32") == [fangsong, hei, kai]


@needs_wqy
def test_user_fonts_win_over_the_same_file_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "system"))
    mine = _link(tmp_path / "data" / "fonts" / "cjk", "wqy-zenhei.ttc", WQY)
    _link(tmp_path / "system" / "fonts", "wqy-zenhei.ttc", WQY)
    assert system_font_files("linux") == [mine]


@needs_wqy
def test_macos_discovery_reads_the_user_font_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    songti = _link(tmp_path / "Library" / "Fonts", "Songti.ttc", WQY)
    found = system_font_files("darwin")
    assert found[0] == songti


def test_discovery_on_a_pc_without_fonts_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WINDIR", str(tmp_path / "nowhere"))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    assert system_font_files("win32") == []


# --- loading -----------------------------------------------------------------------------------


@needs_wqy
def test_load_face_registers_a_collection_face_once() -> None:
    face = load_face(WQY)
    assert face.embedded and face.path == WQY and face.subfont == 0
    assert face.label == "WenQuanYi Zen Hei (wqy-zenhei.ttc)"
    assert face.covers("中") and not face.covers(RARE)
    assert load_face(WQY) is face  # cached: the file is not parsed or registered again
    mono = load_face(WQY, subfont=1)
    assert mono.name != face.name and "Mono" in mono.label


@needs_wqy
def test_a_face_the_collection_lacks_is_refused() -> None:
    with pytest.raises(FontError, match="3 faces, there is no face 7") as raised:
        load_face(WQY, subfont=7)
    assert raised.value.path == WQY


@needs_noto
def test_postscript_outlines_are_refused_with_a_reason() -> None:
    with pytest.raises(FontError) as raised:
        load_face(NOTO_CJK)
    assert "PostScript (CFF) outlines" in raised.value.reason
    assert str(NOTO_CJK) in str(raised.value)
    with pytest.raises(FontError, match="PostScript"):  # the refusal is remembered, not re-read
        load_face(NOTO_CJK)


def test_a_text_file_named_ttf_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "simfang.ttf"
    fake.write_text("仿宋，其实是一段文字", encoding="utf-8")
    with pytest.raises(FontError, match="not a TrueType or OpenType font file"):
        load_face(fake)


@needs_wqy
def test_a_damaged_font_is_refused_not_crashed_on(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(WQY.read_bytes()[:4096])
    with pytest.raises(FontError, match="cannot read it"):
        load_face(broken)


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FontError, match="does not exist"):
        load_face(tmp_path / "absent.ttf")
    with pytest.raises(FontError, match="not a file"):
        load_face(tmp_path)


@needs_dejavu
def test_a_font_without_chinese_is_refused() -> None:
    with pytest.raises(FontError, match="no Chinese characters"):
        load_face(DEJAVU)


# --- choosing the set --------------------------------------------------------------------------


def test_empty_search_gives_the_builtin_song_face() -> None:
    fonts = resolve_fonts(search=[])
    assert fonts.builtin
    assert fonts.primary == builtin_face()
    assert fonts.primary.name == BUILTIN_FONT and not fonts.primary.embedded
    assert fonts.bold is None and fonts.bold_name == BUILTIN_FONT
    assert fonts.fallbacks == ()
    assert resolve_fonts(search=[]) is fonts  # cached


def test_an_unusable_preferred_file_falls_back(tmp_path: Path) -> None:
    fake = tmp_path / "fake.ttf"
    fake.write_text("x", encoding="utf-8")
    assert resolve_fonts(fake, search=[]).builtin


@needs_wqy
@needs_droid
def test_first_usable_file_is_primary_and_the_rest_are_fallbacks(tmp_path: Path) -> None:
    fake = tmp_path / "simfang.ttf"
    fake.write_text("x", encoding="utf-8")
    fonts = resolve_fonts(search=[fake, WQY, DROID])
    wqy, droid = load_face(WQY), load_face(DROID)
    assert fonts.primary == wqy and not fonts.builtin
    assert fonts.fallbacks == (droid, builtin_face())
    assert fonts.bold == wqy  # WenQuanYi Zen Hei is a 黑体


@needs_wqy
@needs_droid
def test_preferred_file_wins_and_a_hei_face_is_found_for_bold() -> None:
    fonts = resolve_fonts(DROID, search=[WQY])
    assert fonts.primary == load_face(DROID)
    assert fonts.bold == load_face(WQY) and fonts.bold_name == load_face(WQY).name
    assert fonts.fallbacks == (load_face(WQY), builtin_face())


@needs_droid
def test_no_hei_face_means_no_bold() -> None:
    fonts = resolve_fonts(search=[DROID])
    assert fonts.bold is None and fonts.bold_name == fonts.primary.name


# --- coverage, missing(), markup() -------------------------------------------------------------


def test_builtin_coverage_is_ascii_and_gbk() -> None:
    face = builtin_face()
    # € is A2E3 and 䶮 (Extension A) FE9F in GB 18030's two-byte part
    assert all(face.covers(char) for char in "A~中国学€䶮")
    # four bytes in GB 18030 (㐀, the rest of Extension A; 𠮷), Thai, emoji, private use: not
    for char in ("㐀", RARE, BAHT, "😀", "\ue000"):
        assert not face.covers(char), char


@needs_wqy
@needs_droid
def test_missing_names_what_no_face_draws() -> None:
    fonts = resolve_fonts(search=[WQY, DROID])
    faces = (fonts.primary, *fonts.fallbacks)
    assert not any(face.covers(char) for face in faces for char in (RARE, RARE_2))
    text = f"学生吉{RARE}，{BAHT}\t\u200b\x00 {RARE_2}{RARE}\n{EURO}"
    assert fonts.missing(text) == (RARE, RARE_2)
    assert fonts.missing("学生姓名：张三") == ()


def test_builtin_set_reports_what_gbk_lacks() -> None:
    assert resolve_fonts(search=[]).missing(f"价格{BAHT}100{RARE}") == (BAHT, RARE)


@needs_wqy
@needs_droid
def test_markup_wraps_runs_the_primary_lacks_in_the_fallback() -> None:
    wqy, droid = load_face(WQY), load_face(DROID)
    assert not wqy.covers(BAHT) and droid.covers(BAHT)
    fonts = resolve_fonts(search=[WQY, DROID])
    assert fonts.markup(f"价格{BAHT}{BAHT}100{RARE}") == (
        f'价格<font name="{droid.name}">{BAHT}{BAHT}</font>100{RARE}'
    )


@needs_wqy
@needs_droid
def test_bold_markup_starts_from_the_bold_face() -> None:
    wqy, droid = load_face(WQY), load_face(DROID)
    assert wqy.covers(EURO) and not droid.covers(EURO)
    fonts = resolve_fonts(DROID, search=[WQY])
    assert fonts.markup(f"{EURO}5元") == f'<font name="{wqy.name}">{EURO}5</font>元'
    assert (
        fonts.markup(f"{EURO}{BAHT}", bold=True) == f'{EURO}<font name="{droid.name}">{BAHT}</font>'
    )


def test_markup_escapes_xml_and_breaks_lines() -> None:
    fonts = resolve_fonts(search=[])
    assert not fonts.primary.covers("\u200b")
    # NUL and a zero-width space nobody draws are dropped: they would print as boxes
    assert fonts.markup("a & b <i>x</i>\r\n第二\u200b行\n\x00第三行") == (
        "a &amp; b &lt;i&gt;x&lt;/i&gt;<br/>第二行<br/>第三行"
    )


# --- errors ------------------------------------------------------------------------------------


def test_missing_glyphs_names_the_document_and_code_points() -> None:
    error = MissingGlyphs((RARE, BAHT), "家长告知书")
    assert isinstance(error, CounselRoomError)
    assert str(error) == "document '家长告知书': no font can draw 𠮷 (U+20BB7), ฿ (U+0E3F)"
    for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
        assert (clone.chars, clone.where, str(clone)) == (error.chars, error.where, str(error))
    refused = FontError("it is not a file", Path("x.ttf"))
    clone = pickle.loads(pickle.dumps(refused))
    assert (clone.reason, clone.path, str(clone)) == (
        "it is not a file",
        Path("x.ttf"),
        str(refused),
    )


# --- the PDF -----------------------------------------------------------------------------------


@needs_wqy
@needs_droid
def test_truetype_faces_are_subset_embedded() -> None:
    fonts = resolve_fonts(search=[WQY, DROID])
    text, pdf_fonts = _pdf_fonts(fonts, f"学生姓名：张三 价格{BAHT}5 & <备注>")
    assert "学生姓名：张三" in text and "& <备注>" in text
    embedded = {
        str(font["/BaseFont"]).split("+", 1)[1]
        for font in pdf_fonts
        for descriptor in _descriptors(font)
        if "/FontFile2" in descriptor and "+" in str(font["/BaseFont"])  # AAAAAA+ = subset
    }
    assert embedded == {"WenQuanYiZenHei-0", "DroidSansFallback"}


def test_builtin_face_embeds_nothing() -> None:
    text, pdf_fonts = _pdf_fonts(resolve_fonts(search=[]), "学生姓名：张三")
    assert "学生姓名：张三" in text
    assert any(font["/BaseFont"] == f"/{BUILTIN_FONT}" for font in pdf_fonts)
    descriptors = [descriptor for font in pdf_fonts for descriptor in _descriptors(font)]
    assert descriptors and not any(
        key in descriptor
        for descriptor in descriptors
        for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )
