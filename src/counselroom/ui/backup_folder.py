"""Whether a folder can take the scheduled backups (moved out of ui/settings_page.py)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def backup_folder_problem(folder: Path, vault_folder: Path) -> str | None:
    """None if backups could be written to `folder`, else what is wrong (translated)."""
    if not folder.is_dir():
        return translate(
            "SettingsPage", "The folder does not exist (is the USB drive plugged in?)."
        )
    if not os.access(folder, os.W_OK):
        return translate("SettingsPage", "This account cannot write to the folder.")
    resolved, vault = folder.resolve(), vault_folder.resolve()
    if resolved == vault or vault in resolved.parents:
        return translate(
            "SettingsPage",
            "Choose a folder outside the vault: a backup inside it is lost with the vault.",
        )
    return None
