"""The fonts this PC prints with: the preference (a chosen file) resolved by documents/fonts.py.

The chosen file is a per-PC preference (fonts differ from PC to PC); when it is unset or cannot
be used, the best Chinese TrueType font found on the PC is used, and failing that reportlab's
built-in STSong-Light, whose glyphs are not embedded. Every render says which (``font_note``),
because a PDF that relies on the reader's fonts may print differently on another PC.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from counselroom.documents.fonts import FontError, FontSet, load_face, resolve_fonts
from counselroom.documents.fonts import system_font_files as _system_font_files
from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.preferences import FONT_FILE, Preferences
from counselroom.services.document_reasons import Reason

__all__ = [
    "FontStatus",
    "chosen_font_file",
    "document_fonts",
    "font_note",
    "font_status",
    "set_font_file",
]


@dataclass(frozen=True)
class FontStatus:
    """For the settings page: what is chosen, what is used, and what else the PC has."""

    chosen: Path | None  # the file set in the preferences, None = automatic
    chosen_problem: str  # why the chosen file is not used (English), "" when it is or none
    label: str  # the body face in use, e.g. "WenQuanYi Zen Hei (wqy-zenhei.ttc)"
    bold_label: str  # the face titles use ("" = the body face)
    builtin: bool  # STSong-Light: nothing embedded
    candidates: tuple[Path, ...]  # usable-looking Chinese font files found, best first
    note: str  # the same English line every render reports


def chosen_font_file(prefs: Preferences | None = None) -> Path | None:
    value = (prefs or Preferences.load()).get(FONT_FILE).strip()
    return Path(value) if value else None


def _problem(chosen: Path | None) -> str:
    if chosen is None:
        return ""
    try:
        load_face(chosen)
    except FontError as exc:
        return exc.reason
    return ""


def _resolved(chosen: Path | None) -> FontSet:
    # A chosen file that became unusable (deleted, replaced) is passed over explicitly:
    # resolve_fonts caches per path and would keep the face it loaded before.
    return resolve_fonts(None if _problem(chosen) else chosen)


def document_fonts() -> FontSet:
    """This PC's choice resolved; used by every render (resolve_fonts caches the result)."""
    return _resolved(chosen_font_file())


def font_note(fonts: FontSet, chosen: Path | None = None) -> str:
    """One line: which face the document was printed with and whether it is embedded — a
    document_reasons.Reason, so the window shows it in its language and the CLI in English."""
    problem = _problem(chosen)
    if fonts.builtin:
        if problem:
            return Reason(_BUILTIN_INSTEAD, chosen, problem)
        return Reason(_BUILTIN)
    titled = fonts.bold is not None and fonts.bold != fonts.primary
    titles = fonts.bold.label if fonts.bold is not None else ""
    if problem:
        if titled:
            return Reason(_EMBEDDED_TITLES_INSTEAD, chosen, problem, fonts.primary.label, titles)
        return Reason(_EMBEDDED_INSTEAD, chosen, problem, fonts.primary.label)
    if titled:
        return Reason(_EMBEDDED_TITLES, fonts.primary.label, titles)
    return Reason(_EMBEDDED, fonts.primary.label)


_EMBEDDED = QT_TRANSLATE_NOOP("problems", "fonts: %1 (embedded)")
_EMBEDDED_TITLES = QT_TRANSLATE_NOOP("problems", "fonts: %1 (embedded), titles %2")
_BUILTIN = QT_TRANSLATE_NOOP(
    "problems",
    "fonts: STSong-Light, built into PDF readers and not embedded: the document may look "
    "different on another PC; install a Chinese TrueType font (e.g. SimSun or WenQuanYi Zen "
    "Hei) or choose one in the settings",
)
_EMBEDDED_INSTEAD = QT_TRANSLATE_NOOP(
    "problems", "the chosen font file %1 is not used (%2); fonts: %3 (embedded)"
)
_EMBEDDED_TITLES_INSTEAD = QT_TRANSLATE_NOOP(
    "problems", "the chosen font file %1 is not used (%2); fonts: %3 (embedded), titles %4"
)
_BUILTIN_INSTEAD = QT_TRANSLATE_NOOP(
    "problems",
    "the chosen font file %1 is not used (%2); fonts: STSong-Light, built into PDF readers and "
    "not embedded: the document may look different on another PC",
)


def font_status() -> FontStatus:
    chosen = chosen_font_file()
    fonts = _resolved(chosen)
    return FontStatus(
        chosen=chosen,
        chosen_problem=_problem(chosen),
        label=fonts.primary.label,
        bold_label=fonts.bold.label if fonts.bold is not None else "",
        builtin=fonts.builtin,
        candidates=tuple(_system_font_files()),
        note=font_note(fonts, chosen),
    )


def set_font_file(path: Path | None) -> FontStatus:
    """Choose the font file for this PC (None: automatic). A file reportlab cannot use is
    refused (FontError naming the file and why) and the preference is left as it was; the
    preferences file is written, OSError from the disk is the caller's to report."""
    prefs = Preferences.load()
    if path is not None:
        load_face(Path(path))
    prefs.set(FONT_FILE, "" if path is None else str(Path(path)))
    prefs.save()
    return font_status()
