"""Helpers that make real vaults cheaply for tests (explicit weak Argon2id parameters)."""

from __future__ import annotations

from pathlib import Path

from counselroom.services.context import Context
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

ADMIN = "admin"
PASSWORD = "correct-horse-1"
CHEAP = INSECURE_TEST_PARAMS


def make_vault(folder: Path, school: str = "测试中学") -> tuple[Context, str]:
    """A fresh vault with one administrator; returns (signed-in context, recovery code)."""
    return init_vault(folder, SchoolDetails(school), ADMIN, PASSWORD, kdf=CHEAP)
