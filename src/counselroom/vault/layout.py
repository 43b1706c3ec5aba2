"""Names of the files in a vault folder, and the checks made before touching them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from counselroom.vault.errors import VaultError, VaultFormatError


@dataclass(frozen=True)
class VaultLayout:
    folder: Path

    @property
    def db(self) -> Path:
        return self.folder / "vault.db"

    @property
    def keys(self) -> Path:
        return self.folder / "vault.keys"

    @property
    def rotating(self) -> Path:
        """A re-keyed copy of the database waiting for `vault.keys` to commit the new key."""
        return self.folder / "vault.db.rotate"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    def sidecars(self, db: Path | None = None) -> list[Path]:
        base = db or self.db
        return [base.with_name(base.name + suffix) for suffix in ("-wal", "-shm", "-journal")]

    def all_files(self) -> list[Path]:
        return [p for p in self.folder.rglob("*") if p.is_file()]

    def require_existing(self) -> None:
        if not self.folder.is_dir():
            raise VaultError(f"{self.folder}: no such vault folder")
        if not self.keys.is_file():
            raise VaultFormatError(
                f"{self.keys}: missing — this folder is not a CounselRoom vault, or its key file "
                "was deleted (restore it from a backup)"
            )
        if not self.db.is_file():
            raise VaultFormatError(
                f"{self.db}: missing — the database was moved or deleted (restore it from a backup)"
            )
        if not os.access(self.folder, os.W_OK):
            raise VaultError(f"{self.folder}: the vault folder is not writable by this account")

    def require_new(self) -> None:
        if self.keys.exists() or self.db.exists():
            raise VaultError(f"{self.folder}: a vault already exists here; choose an empty folder")
        parent = self.folder if self.folder.exists() else self.folder.parent
        if parent.exists() and not os.access(parent, os.W_OK):
            raise VaultError(f"{parent}: the folder is not writable by this account")
