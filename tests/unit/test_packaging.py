"""The wheel carries what the program opens at run time: translations and migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.mark.slow
def test_wheel_ships_resources_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("counselroom-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "counselroom/resources/translations/counselroom_zh_CN.qm" in names
    assert "counselroom/storage/migrations/env.py" in names
    assert "counselroom/storage/migrations/script.py.mako" in names
    versions = {n for n in names if n.startswith("counselroom/storage/migrations/versions/")}
    shipped = {p.name for p in (ROOT / "src/counselroom/storage/migrations/versions").glob("*.py")}
    assert {Path(n).name for n in versions} >= shipped
    assert not any(n.endswith(".sh") for n in names)
