"""Where things live: per-user data and config (platformdirs) and the shipped resources.

Resources are found in a source checkout (`<repo>/resources`, used by `pip install -e`), in an
installed wheel (`counselroom/resources`, copied there by the build) and in a PyInstaller build
(`sys._MEIPASS/resources`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "CounselRoom"


def data_dir() -> Path:
    override = os.environ.get("COUNSELROOM_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    override = os.environ.get("COUNSELROOM_CONFIG_DIR")
    return Path(override) if override else user_config_path(APP_NAME, appauthor=False)


def default_vault_dir() -> Path:
    return data_dir() / "vault"


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [
        Path(frozen) / "resources" if frozen else None,
        Path(__file__).resolve().parent / "resources",
        Path(__file__).resolve().parents[2] / "resources",
    ]
    for candidate in candidates:
        if candidate is not None and candidate.is_dir():
            return candidate
    raise FileNotFoundError("CounselRoom resources folder not found (broken installation)")
