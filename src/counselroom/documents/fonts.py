"""Chinese fonts for printed documents: registration with reportlab, fallback and glyph coverage.

A notice must print every character of a student's name, or say which one it cannot print: a
box in place of a rare character in a letter to parents is worse than a refusal. So each face
knows which characters it draws (its cmap), :class:`FontSet` chooses a face per character, and
:meth:`FontSet.missing` names what no face draws before anything is rendered.

Faces are TrueType files, subset-embedded into the PDF so it prints the same on any PC. When the
PC has none, reportlab's built-in CID font STSong-Light is the last resort: its glyphs are not
embedded, the PDF viewer supplies a Song face (every Chinese-capable viewer has one).
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Container, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from counselroom.documents.font_files import (
    fallback_order,
    is_hei,
    outline_format,
    system_font_files,
)
from counselroom.domain.errors import CounselRoomError

__all__ = [
    "BUILTIN_FONT",
    "FontError",
    "FontFace",
    "FontSet",
    "MissingGlyphs",
    "builtin_face",
    "load_face",
    "resolve_fonts",
    "system_font_files",
]

BUILTIN_FONT = "STSong-Light"
MAX_FALLBACKS = 3  # system faces after the primary; each loaded face holds its file in memory
_CJK_PROBE = "中国学"  # a face without these is not a Chinese face (DejaVu, Arial, ...)


class FontError(CounselRoomError):
    """A font file cannot be used; ``reason`` says why in words a teacher can act on."""

    def __init__(self, reason: str, path: Path | None = None) -> None:
        super().__init__(f"font file '{path}': {reason}" if path is not None else reason)
        self.reason = reason
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (FontError, (self.reason, self.path))


class MissingGlyphs(CounselRoomError):
    """Text holds characters no available face draws; printing would leave blanks or boxes."""

    def __init__(self, chars: Sequence[str], where: str) -> None:
        listed = ", ".join(f"{char} (U+{ord(char):04X})" for char in chars)
        super().__init__(f"document '{where}': no font can draw {listed}")
        self.chars = tuple(chars)
        self.where = where

    def __reduce__(self) -> tuple[object, ...]:
        return (MissingGlyphs, (self.chars, self.where))


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
_FONT_SETS: dict[tuple[str | None, tuple[str, ...] | None], FontSet] = {}


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


@dataclass(frozen=True)
class FontSet:
    """The faces a document is printed with: body text in ``primary``, titles in ``bold``, and
    characters the primary lacks taken from the first of ``fallbacks`` that has them."""

    primary: FontFace
    bold: FontFace | None
    fallbacks: tuple[FontFace, ...]

    @property
    def builtin(self) -> bool:
        """True when the body face is reportlab's STSong-Light (nothing embedded)."""
        return self.primary.path is None

    @property
    def bold_name(self) -> str:
        return (self.bold or self.primary).name

    def missing(self, text: str) -> tuple[str, ...]:
        """Distinct characters of ``text`` that no face draws, in order of first appearance;
        whitespace and control/format characters (which draw nothing) are not counted."""
        faces = self._chain(bold=False)
        found: dict[str, None] = {}
        for char in text:
            if char in found or char.isspace() or _is_control(char):
                continue
            if not any(face.covers(char) for face in faces):
                found[char] = None
        return tuple(found)

    def markup(self, text: str, *, bold: bool = False) -> str:
        """``text`` as reportlab Paragraph markup for a paragraph set in the primary face (or
        the bold face when ``bold``): XML special characters escaped, line breaks as ``<br/>``,
        and each run of characters the paragraph's face lacks but a fallback draws wrapped in
        ``<font name="...">``. Characters nobody draws stay as they are (:meth:`missing` reports
        them), except invisible control/format characters, which are dropped.
        """
        faces = self._chain(bold=bold)
        base = faces[0]
        # Nearly every string (a name, a paragraph) is drawn by the paragraph's own face: one
        # pass of set look-ups settles it, and the per-character walk below is for the rest.
        if text.isprintable() and all(ord(char) in _COVERAGE[base.name] for char in text):
            return "".join(_ESCAPES.get(char, char) for char in text)
        parts: list[str] = []
        run: list[str] = []
        run_face = base

        def flush() -> None:
            if not run:
                return
            body = "".join(run)
            parts.append(
                body if run_face is base else f'<font name="{run_face.name}">{body}</font>'
            )
            run.clear()

        for char in text.replace("\r\n", "\n").replace("\r", "\n"):
            if char == "\n":
                flush()
                parts.append("<br/>")
                continue
            face = next((face for face in faces if face.covers(char)), None)
            kind = unicodedata.category(char)
            if (kind == "Cc" and not char.isspace()) or (kind == "Cf" and face is None):
                continue  # draws nothing (and XML forbids NUL, ESC and most C0 controls)
            face = face or base
            if face is not run_face:
                flush()
                run_face = face
            run.append(_ESCAPES.get(char, char))
        flush()
        return "".join(parts)

    def _chain(self, *, bold: bool) -> tuple[FontFace, ...]:
        """Faces in the order a character is looked up: the paragraph's own face first."""
        first = (self.bold or self.primary) if bold else self.primary
        ordered = [first, self.primary, *self.fallbacks]
        if self.bold is not None:
            ordered.append(self.bold)
        return tuple(dict.fromkeys(ordered))


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _is_control(char: str) -> bool:
    # Cc: C0/C1 controls (tab, NUL, ...); Cf: invisible format characters such as the zero-width
    # space and the byte-order mark that text pasted from word processors carries.
    return unicodedata.category(char) in ("Cc", "Cf")


def builtin_face() -> FontFace:
    """reportlab's STSong-Light (Adobe-GB1), registered once: the face of last resort."""
    with _LOCK:
        if BUILTIN_FONT not in _COVERAGE:
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


def resolve_fonts(
    preferred: Path | None = None, *, search: Sequence[Path] | None = None
) -> FontSet:
    """The faces to print with: ``preferred`` if usable, else the first usable file of
    ``search`` (default: :func:`system_font_files`), else the built-in STSong-Light.

    Fallbacks are up to three other usable files (those known to draw rare characters first),
    then STSong-Light; ``bold`` is a 黑体-style face when one is found. ``search=[]`` gives the
    built-in set whatever is installed. Results are cached per arguments for the process.
    """
    key = (
        None if preferred is None else str(preferred),
        None if search is None else tuple(str(path) for path in search),
    )
    with _LOCK:
        if key not in _FONT_SETS:
            candidates = system_font_files() if search is None else list(search)
            _FONT_SETS[key] = _build(preferred, candidates)
        return _FONT_SETS[key]


def _build(preferred: Path | None, candidates: list[Path]) -> FontSet:
    primary = _try_load(preferred) if preferred is not None else None
    others: list[FontFace] = []
    remaining = list(candidates)
    while primary is None and remaining:
        primary = _try_load(remaining.pop(0))
    for path in fallback_order(remaining):
        if len(others) == MAX_FALLBACKS:
            break
        face = _try_load(path)
        if face is not None and face != primary and face not in others:
            others.append(face)
    if primary is None:
        return FontSet(primary=builtin_face(), bold=None, fallbacks=())
    bold = next((face for face in (primary, *others) if is_hei(face.path, face.label)), None)
    if bold is None:  # look further, but only load files whose names say 黑体
        hei = (path for path in remaining if is_hei(path, ""))
        bold = next((face for path in hei if (face := _try_load(path)) is not None), None)
    return FontSet(primary=primary, bold=bold, fallbacks=(*others, builtin_face()))


def _try_load(path: Path) -> FontFace | None:
    try:
        return load_face(path)
    except FontError:
        return None
