"""Shared by every test folder: no window on screen, no write to the real per-user folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports Qt: tests never open windows on the developer's screen (or need one).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own config and data folders (`counselroom.paths` reads these)."""
    monkeypatch.setenv("COUNSELROOM_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("COUNSELROOM_DATA_DIR", str(tmp_path / "data"))
