"""Signing in, and resetting a password with the recovery code.

The login window imports this module before anything is unlocked, and needs only `usernames`:
the vault, SQLAlchemy and the models are imported by `login` and `recover` when they run (in
the worker thread, after the password is typed), so the window appears without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from counselroom.domain.errors import CounselRoomError
from counselroom.vault.errors import AuthenticationError

if TYPE_CHECKING:
    from counselroom.services.context import Context
    from counselroom.vault.kdf import KdfParams


def login(folder: Path, username: str, password: str, *, record: bool = True) -> Context:
    """Open the vault as `username`. A wrong password writes nothing anywhere."""
    from counselroom.services.context import Actor, Context
    from counselroom.services.roles import Role
    from counselroom.storage.base import utcnow
    from counselroom.storage.models import User
    from counselroom.vault.vault import Vault

    vault, unlocked = Vault.unlock(folder, username, password)
    try:
        assert unlocked.user_id is not None
        with vault.write() as session:
            user = session.get(User, unlocked.user_id)
            if user is None or user.username != username:
                raise AuthenticationError(
                    f"user {username!r} has a key slot but no account in the vault"
                )
            if user.disabled_at is not None:
                raise AuthenticationError(f"user {username!r} is disabled")
            actor = Actor(user.id, user.username, user.display_name, Role(user.role))
            if record:
                user.last_login_at = utcnow()
                vault.audit(session, "login", user_id=user.id, username=user.username)
    except BaseException:
        vault.close()
        raise
    return Context(vault, actor)


def recover(
    folder: Path, code: str, username: str, new_password: str, *, kdf: KdfParams | None = None
) -> str:
    """Reset `username`'s password with the recovery code; return a new recovery code.

    The used code is replaced at once: it has been typed on this PC and may have been seen.
    """
    from counselroom.services.passwords import check_new_password
    from counselroom.storage.models import User
    from counselroom.vault.kdf import production_params
    from counselroom.vault.vault import Vault

    check_new_password(new_password)
    vault = Vault.unlock_with_recovery(folder, code)
    try:
        params = kdf or production_params()
        with vault.write() as session:
            user = session.query(User).filter_by(username=username).one_or_none()
            if user is None:
                raise AuthenticationError(f"unknown user {username!r}")
            if user.disabled_at is not None:
                raise CounselRoomError(
                    f"user {username!r} is disabled; the recovery code cannot bring it back"
                )
            vault.audit(
                session,
                "user.recover",
                user_id=user.id,
                username=user.username,
                target=f"user:{user.id}",
                detail="password reset with recovery code",
            )
            user_id = user.id
        if vault.keys.slot_for_user_id(user_id) is None:
            vault.add_user_slot(user_id, username, new_password, params)
        else:
            vault.set_password(user_id, new_password, params)
        return vault.new_recovery_slot(params)
    finally:
        vault.close()


def usernames(folder: Path) -> list[str]:
    """Names on the login screen, read from `vault.keys` without unlocking anything.

    Only account names are there (never a student's); the display names stay encrypted.
    """
    from counselroom.vault.keyslots import KIND_USER, KeyFile
    from counselroom.vault.layout import VaultLayout

    layout = VaultLayout(Path(folder))
    layout.require_existing()
    keys = KeyFile.parse(layout.keys.read_bytes(), str(layout.keys))
    return sorted(s.username for s in keys.slots if s.kind == KIND_USER and s.username)
