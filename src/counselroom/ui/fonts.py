"""A default font that shows Chinese well on Windows, macOS and Linux school PCs.

In Chinese the CJK family comes first, so Chinese punctuation gets its full-width shapes; in
English the platform font comes first (a CJK font would set “quotes” full-width in Latin text)
and the CJK families still cover the students' names.

The text size chosen in the settings (`apply_text_scale`) lives here too: start-up applies it
before the login window, and must not import the settings page (and the services behind it).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = "counselroomBasePointSize"  # application property: the size at 100 %

# Windows, macOS, then the two families Linux distributions ship most.
CJK_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei")
# For English: Linux's generic "Sans Serif" often resolves to a CJK font, whose Latin
# punctuation is full-width, so name real Latin families first.
LATIN_FAMILIES = ("Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans", "Liberation Sans")


def _available(families: tuple[str, ...]) -> list[str]:
    installed = set(QFontDatabase.families())
    return [family for family in families if family in installed]


def available_cjk_families() -> list[str]:
    return _available(CJK_FAMILIES)


def apply_default_font(
    app: QApplication, *, cjk_first: bool = True, point_size: float = 10.5
) -> QFont:
    font = QFont(app.font())
    platform = [f for f in font.families() if f not in CJK_FAMILIES + LATIN_FAMILIES]
    cjk = available_cjk_families()
    if cjk_first:
        font.setFamilies([*cjk, *platform])
    else:
        font.setFamilies([*_available(LATIN_FAMILIES)[:1], *platform, *cjk])
    if font.pointSizeF() < point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return font


def apply_text_scale(app: QApplication, percent: int) -> QFont:
    """Scale the application font to `percent` of its size at start; widgets follow at once."""
    base = app.property(BASE_POINT_SIZE)
    if not isinstance(base, float):
        base = app.font().pointSizeF()
        app.setProperty(BASE_POINT_SIZE, base)
    font = QFont(app.font())
    font.setPointSizeF(round(base * percent / 100, 1))
    app.setFont(font)
    # A style sheet fixes the font of the widgets it polishes, so those (and their children)
    # miss the change; setting their sheet again polishes them with the new font.
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    return font
