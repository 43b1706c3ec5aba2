"""Chinese fonts for printed documents: the set of faces a document is printed with, fallback
and glyph coverage.

A notice must print every character of a student's name, or say which one it cannot print: a
box in place of a rare character in a letter to parents is worse than a refusal. So each face
knows which characters it draws (its cmap), :class:`FontSet` chooses a face per character, and
:meth:`FontSet.missing` names what no face draws before anything is rendered.

How one face is loaded and registered is font_faces.py's, where the PC's font files are is
font_files.py's; their public names are re-exported here, the one place callers import fonts
from.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from counselroom.documents.font_faces import (
    BUILTIN_FONT,
    FontError,
    FontFace,
    builtin_face,
    load_face,
)
from counselroom.documents.font_files import fallback_order, is_hei, system_font_files
from counselroom.domain.errors import CounselRoomError

__all__ = [
    "BUILTIN_FONT",
    "MAX_FALLBACKS",
    "FontError",
    "FontFace",
    "FontSet",
    "MissingGlyphs",
    "builtin_face",
    "load_face",
    "resolve_fonts",
    "system_font_files",
]

MAX_FALLBACKS = 3  # system faces after the primary; each loaded face holds its file in memory

# Only the cache of font sets; loading a face takes font_faces' own lock, always after this one.
_LOCK = threading.RLock()
_FONT_SETS: dict[tuple[str | None, tuple[str, ...] | None], FontSet] = {}


class MissingGlyphs(CounselRoomError):
    """Text holds characters no available face draws; printing would leave blanks or boxes."""

    def __init__(self, chars: Sequence[str], where: str) -> None:
        listed = ", ".join(f"{char} (U+{ord(char):04X})" for char in chars)
        super().__init__(f"document '{where}': no font can draw {listed}")
        self.chars = tuple(chars)
        self.where = where

    def __reduce__(self) -> tuple[object, ...]:
        return (MissingGlyphs, (self.chars, self.where))


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
        if text.isprintable() and base.draws_all(text):
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
