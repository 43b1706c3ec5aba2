"""Font faces: loading a font file, registering it with reportlab, and what each face draws.

Faces are TrueType files, subset-embedded into the PDF so it prints the same on any PC. When the
PC has none, reportlab's built-in CID font STSong-Light is the last resort: its glyphs are not
embedded, the PDF viewer supplies a Song face (every Chinese-capable viewer has one).

Each registered face keeps the code points it draws (its cmap) so fonts.py's FontSet can choose a
face per character. Loading and refusals are cached per file (path, face, size, modification
time): reading a CJK font takes a noticeable moment. This is apart from fonts.py, which chooses
among faces; here is how one face comes to exist.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from counselroom.documents.font_files import outline_format
from counselroom.domain.errors import CounselRoomError

__all__ = ["BUILTIN_FONT", "FontError", "FontFace", "builtin_face", "load_face"]

BUILTIN_FONT = "STSong-Light"
_CJK_PROBE = "中国学"  # a face without these is not a Chinese face (DejaVu, Arial, ...)


class FontError(CounselRoomError):
    """A font file cannot be used; ``reason`` says why in words a teacher can act on."""

    def __init__(self, reason: str, path: Path | None = None) -> None:
        super().__init__(f"font file '{path}': {reason}" if path is not None else reason)
        self.reason = reason
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (FontError, (self.reason, self.path))


class _GbkCoverage:
    """What the built-in STSong-Light is taken to draw.

    Its glyphs are not in the PDF: the viewer maps the Adobe-GB1 character collection onto a font
    of its own, and reportlab has no glyph table to look in. Adobe-GB1 covers GB 2312 and GBK,
    which is the two-byte part of GB 18030, so a character counts as drawable when it is ASCII or
    encodes in GB 18030 with two bytes (user-defined areas excepted: they map to private-use code
    points no viewer has glyphs for). This is an approximation: a few code points there are
    unassigned or drawn differently by viewers, and the four-byte part (Extension A and later,
    though Adobe-GB1-4 has Extension A) is never counted, which is the safe side: such
    characters are reported rather than printed as boxes.
    """

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int) or not 0 <= code < 0x110000:
            return False
        if code < 0x80:
            return True
        char = chr(code)
        if unicodedata.category(char) in ("Co", "Cs"):
            return False
        try:
            return len(char.encode("gb18030")) == 2
        except UnicodeEncodeError:
            return False


_LOCK = threading.RLock()
_COVERAGE: dict[str, Container[int]] = {}  # registered font name -> code points it draws
_FACES: dict[tuple[str, int, int, int], FontFace] = {}
_REFUSED: dict[tuple[str, int, int, int], str] = {}


@dataclass(frozen=True)
class FontFace:
    """One registered face: ``name`` is what reportlab styles and ``<font name>`` use."""

    name: str
    path: Path | None
    subfont: int
    embedded: bool
    label: str

    def covers(self, char: str) -> bool:
        """Whether this face draws ``char`` (one code point)."""
        return ord(char) in _COVERAGE[self.name]

    def draws_all(self, text: str) -> bool:
        """Whether this face draws every character of ``text``: one set look-up each, the
        quick test that settles nearly every string."""
        drawn = _COVERAGE[self.name]
        return all(ord(char) in drawn for char in text)


def builtin_face() -> FontFace:
    """reportlab's STSong-Light (Adobe-GB1), registered once: the face of last resort."""
    with _LOCK:
        if BUILTIN_FONT not in _COVERAGE:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont

            pdfmetrics.registerFont(UnicodeCIDFont(BUILTIN_FONT))
            _COVERAGE[BUILTIN_FONT] = _GbkCoverage()
    return FontFace(
        name=BUILTIN_FONT,
        path=None,
        subfont=0,
        embedded=False,
        label="STSong-Light (built-in, not embedded)",
    )


def load_face(path: Path, subfont: int = 0) -> FontFace:
    """Register face ``subfont`` of the font file at ``path`` with reportlab and return it.

    Raises FontError naming the file and the reason when the file is missing, is not a font, has
    PostScript (CFF) outlines, which reportlab cannot embed, or draws no Chinese. A file loaded
    before (same path, face, size and modification time) is not read again.
    """
    path = Path(path)
    try:
        resolved = path.resolve(strict=True)
        stat = resolved.stat()
    except OSError:
        raise FontError("the file does not exist or cannot be opened", path) from None
    if not resolved.is_file():
        raise FontError("it is not a file", path)
    key = (str(resolved), subfont, stat.st_size, stat.st_mtime_ns)
    with _LOCK:
        if key in _FACES:
            return _FACES[key]
        if key in _REFUSED:
            raise FontError(_REFUSED[key], path)
        try:
            face = _register(resolved, subfont)
        except FontError as error:
            _REFUSED[key] = error.reason
            raise FontError(error.reason, path) from None
        _FACES[key] = face
        return face


def _register(path: Path, subfont: int) -> FontFace:
    try:
        if outline_format(path, subfont) == "postscript":
            raise ValueError(
                "it has PostScript (CFF) outlines, which cannot be embedded; use a TrueType font"
            )
    except ValueError as error:
        raise FontError(str(error)) from None
    except OSError:
        raise FontError("it cannot be read") from None
    digest = hashlib.sha256(f"{path}\0{subfont}".encode()).hexdigest()[:10]
    stem = re.sub(r"[^A-Za-z0-9]+", "", path.stem)[:24] or "font"
    name = f"CR-{stem}-{subfont}-{digest}"
    # reportlab is imported only when a document is made: the window's start does not pay it
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        font = TTFont(name, str(path), subfontIndex=subfont)
    except Exception as error:  # reportlab's parser fails in many ways on a damaged file
        raise FontError(f"reportlab cannot read it ({error})") from None
    cmap = font.face.charToGlyph
    if not all(ord(char) in cmap for char in _CJK_PROBE):
        raise FontError("it has no Chinese characters")
    pdfmetrics.registerFont(font)
    _COVERAGE[name] = cmap
    family = font.face.familyName  # bytes from the font's name table
    if isinstance(family, bytes):
        family = family.decode("utf-8", errors="replace")
    label = f"{str(family or '').strip() or path.stem} ({path.name})"
    return FontFace(name, path, subfont, embedded=True, label=label)
