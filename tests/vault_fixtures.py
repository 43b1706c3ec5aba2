"""Helpers that make real vaults cheaply for tests (explicit weak Argon2id parameters)."""

from __future__ import annotations

from pathlib import Path

from counselroom.services.context import Actor, Context
from counselroom.services.roles import Role
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.services.users import add_user
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

ADMIN = "admin"
PASSWORD = "correct-horse-1"
CHEAP = INSECURE_TEST_PARAMS


def make_vault(folder: Path, school: str = "测试中学") -> tuple[Context, str]:
    """A fresh vault with one administrator; returns (signed-in context, recovery code)."""
    return init_vault(folder, SchoolDetails(school), ADMIN, PASSWORD, kdf=CHEAP)


def account(admin: Context, username: str, role: Role, display_name: str) -> Context:
    """A new account of ``role`` in ``admin``'s vault and a context acting as it (the vault is
    already open, so no login: tests of the services need the actor, not the password)."""
    user_id = add_user(admin, username, PASSWORD, role, display_name=display_name, kdf=CHEAP)
    return Context(admin.vault, Actor(user_id, username, display_name, role))
