"""Choosing the language and installing translators: ours and Qt's own (Picard's way).

Source strings are English; Simplified Chinese is the default because the users are Chinese
school counsellors. Qt's `qtbase_<locale>` translates the buttons of standard dialogs and the
context menu of a text field, which our catalogue cannot reach.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from counselroom.domain.errors import fill as fill_placeholders
from counselroom.paths import resources_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (DEFAULT_LANGUAGE, ENGLISH)
LANGUAGE_ENV = "COUNSELROOM_LANG"  # until the settings registry exists
CATALOGUE = "counselroom"


def resolve_language(requested: str | None = None) -> str:
    """An explicit choice, else $COUNSELROOM_LANG, else Chinese; unknown values mean Chinese."""
    text = (requested or os.environ.get(LANGUAGE_ENV) or DEFAULT_LANGUAGE).strip()
    text = text.replace("-", "_").split(".")[0]  # "zh-CN", "zh_CN.UTF-8"
    if text.lower().startswith("en"):
        return ENGLISH
    if text and text.lower() not in ("zh", "zh_cn", "zh_hans", "zh_hans_cn"):
        log.warning("language %r is not available; using %s", text, DEFAULT_LANGUAGE)
    return DEFAULT_LANGUAGE


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's and our catalogue for `language`; return them (the caller keeps them)."""
    QLocale.setDefault(QLocale(language))
    if language == ENGLISH:
        return []
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"qtbase_{language}", qt_dir),
        (f"{CATALOGUE}_{language}", str(translations_dir())),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return installed


def fill(text: str, *args: object) -> str:
    """Qt's `%1`, `%2` placeholders for an already translated string (PySide's tr gives str).

    The domain's one-pass fill: an argument that itself holds "%2" (a cell typed so) is never
    filled again, and `%10` is the tenth argument, not `%1` followed by "0".
    """
    return fill_placeholders(text, *args)
