"""The domain package does no I/O and needs no GUI or database: only pure standard modules."""

import ast
from pathlib import Path

import counselroom.domain

ALLOWED = {
    "__future__",
    "collections",
    "dataclasses",
    "datetime",
    "enum",
    "re",
    "typing",
    # pinyin search keys: pure computation over a dictionary the package ships
    "pypinyin",
}
DOMAIN_DIR = Path(counselroom.domain.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_domain_imports_only_pure_modules() -> None:
    modules = sorted(DOMAIN_DIR.glob("*.py"))
    assert len(modules) > 5
    for module in modules:
        for name in _imports(module):
            ok = name.startswith("counselroom.domain") or name.split(".")[0] in ALLOWED
            assert ok, f"{module.name} imports {name}"


def test_domain_calls_no_open_or_clock() -> None:
    # date.today()/datetime.now() would make results depend on when tests run.
    for module in DOMAIN_DIR.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        for forbidden in ("open(", "today(", "now(", "time.time"):
            assert forbidden not in source, f"{module.name} uses {forbidden}"
