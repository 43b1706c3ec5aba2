"""The Chinese catalogue is complete, its placeholders match, and the built .qm loads.

Electrum's check: a translation that drops or adds a %1 shows the wrong value or a raw "%2".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from counselroom.paths import resources_dir
from counselroom.ui.i18n import fill, install_translators, resolve_language

TS = resources_dir() / "translations" / "counselroom_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def _placeholders(text: str | None) -> list[str]:
    return sorted(PLACEHOLDER.findall(text or ""))


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_catalogue_has_messages() -> None:
    assert len(_messages(TS)) > 40


def test_no_unfinished_or_mismatched_translation() -> None:
    problems = []
    for context, message in _messages(TS):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where} is unfinished")
            continue
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        for form in forms:
            if not (form or "").strip():
                problems.append(f"{where} has an empty translation")
            elif _placeholders(form) != _placeholders(source):
                problems.append(f"{where}: placeholders {_placeholders(form)} in {form!r}")
    assert not problems, "\n".join(problems)


def test_mnemonics_survive_translation() -> None:
    for _context, message in _messages(TS):
        source = message.findtext("source") or ""
        if re.search(r"&\w", source):
            assert re.search(r"&\w", message.findtext("translation") or ""), source


def test_qm_is_built_and_loads() -> None:
    assert QM.is_file(), "run resources/translations/update.sh"
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1, "the .qm is older than the .ts"
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("LoginWindow", "Sign in") == "登录"
    assert translator.translate("StudentTableModel", "Tier") == "分级"


def test_application_translates_and_loads_qt_catalogue(qapp: QCoreApplication) -> None:
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "登录"
    # qtbase's own catalogue: the standard dialog buttons say 取消, not Cancel
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_every_source_string_is_in_the_catalogue(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    root = resources_dir().parent
    sources = sorted(str(p) for p in (root / "src" / "counselroom" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [
            lupdate,
            "-no-obsolete",
            *sources,
            str(root / "src" / "counselroom" / "app.py"),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    new = [
        m.findtext("source")
        for _c, m in _messages(fresh)
        if (m.find("translation") is not None and m.find("translation").get("type") == "unfinished")
    ]  # type: ignore[union-attr]
    assert not new, f"not in the catalogue (run resources/translations/update.sh): {new}"


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNSELROOM_LANG", raising=False)
    assert resolve_language() == "zh_CN"
    assert resolve_language("en") == "en"
    assert resolve_language("zh-CN") == "zh_CN"
    monkeypatch.setenv("COUNSELROOM_LANG", "en_GB.UTF-8")
    assert resolve_language() == "en"
    assert resolve_language("zh_CN") == "zh_CN"


def test_english_installs_no_translator(qapp: QCoreApplication) -> None:
    assert install_translators(qapp, "en") == []
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("zh_CN"))


def test_fill_replaces_numbered_placeholders() -> None:
    assert fill("%2, %1", "a", "b") == "b, a"
    assert fill("共 %1 名，显示 %2 名", 5, 3) == "共 5 名，显示 3 名"
