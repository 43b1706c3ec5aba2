"""Only the window layer imports Qt (DESIGN.md "Layers"): the core runs in the CLI and tests
without a display, and could serve another front end."""

from __future__ import annotations

import ast
from pathlib import Path

import counselroom

PACKAGE = Path(counselroom.__file__).parent
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def _allowed(path: Path) -> bool:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] == "ui" or relative == Path("app.py")


def _imports(path: Path, roots: tuple[str, ...]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        found += [f"line {node.lineno}: {n}" for n in names if n.startswith(roots)]
    return found


def _qt_imports(path: Path) -> list[str]:
    return _imports(path, QT_MODULES)


def test_only_ui_and_app_import_qt() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20
    offenders = {
        str(path.relative_to(PACKAGE)): hits
        for path in modules
        if not _allowed(path) and (hits := _qt_imports(path))
    }
    assert not offenders, f"Qt imported outside ui/ and app.py: {offenders}"


def test_the_check_sees_qt_imports() -> None:
    assert _qt_imports(PACKAGE / "app.py"), "app.py imports PySide6; the walker must notice"


def test_the_window_reaches_data_only_through_services() -> None:
    """ui/ and app.py hold DTOs from services; a query in a widget would skip the role checks."""
    storage = ("counselroom.storage", "sqlalchemy", "sqlcipher3")
    window = [p for p in sorted(PACKAGE.rglob("*.py")) if _allowed(p)]
    assert len(window) > 5
    offenders = {
        str(p.relative_to(PACKAGE)): hits for p in window if (hits := _imports(p, storage))
    }
    assert not offenders, f"the window imports storage directly: {offenders}"
