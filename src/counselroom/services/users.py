"""User accounts: add, list, change password, disable (which removes the key slot)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services.context import Context
from counselroom.services.passwords import check_new_password
from counselroom.services.roles import Permission, PermissionDenied, Role
from counselroom.services.setup import check_username
from counselroom.storage.base import utcnow
from counselroom.storage.models import User
from counselroom.vault.kdf import KdfParams, production_params
from counselroom.vault.rotation import rotate_data_key


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    created_at: datetime
    disabled_at: datetime | None
    last_login_at: datetime | None
    has_slot: bool


def list_users(ctx: Context) -> list[UserInfo]:
    ctx.require(Permission.MANAGE_USERS)
    with ctx.vault.read() as session:
        users = session.scalars(select(User).order_by(User.id)).all()
        return [
            UserInfo(
                u.id,
                u.username,
                u.display_name,
                u.role,
                u.created_at,
                u.disabled_at,
                u.last_login_at,
                ctx.vault.keys.slot_for_user_id(u.id) is not None,
            )
            for u in users
        ]


def add_user(
    ctx: Context,
    username: str,
    password: str,
    role: Role,
    *,
    display_name: str | None = None,
    kdf: KdfParams | None = None,
) -> int:
    ctx.require(Permission.MANAGE_USERS)
    name = check_username(username)
    check_new_password(password)
    params = kdf or production_params()
    with ctx.vault.write() as session:
        if session.scalar(select(User.id).where(User.username == name)) is not None:
            raise ValidationError(f"user {name!r} already exists", field="username")
        user = User(
            username=name, display_name=display_name or name, role=role.value, created_at=utcnow()
        )
        session.add(user)
        session.flush()
        ctx.audit(
            session,
            "user.add",
            target=f"user:{user.id}",
            detail=f"role={role.value}",
        )
        user_id = user.id
    ctx.vault.add_user_slot(user_id, name, password, params)
    return user_id


def change_password(
    ctx: Context, username: str, new_password: str, *, kdf: KdfParams | None = None
) -> None:
    """Users change their own password; an administrator may reset anyone's."""
    if username != ctx.actor.username:
        ctx.require(Permission.MANAGE_USERS)
    check_new_password(new_password)
    params = kdf or production_params()
    with ctx.vault.write() as session:
        user = _get(session, username)
        if user.disabled_at is not None:
            raise CounselRoomError(f"user {username!r} is disabled")
        ctx.audit(
            session,
            "user.passwd",
            target=f"user:{user.id}",
        )
        user_id = user.id
    ctx.vault.set_password(user_id, new_password, params)


def disable_user(ctx: Context, username: str, *, rotate_key: bool = True) -> None:
    """Disable an account and delete its key slot; by default also rotate the data key, so a
    copy of the old `vault.keys` plus the removed password no longer opens the database."""
    ctx.require(Permission.MANAGE_USERS)
    if username == ctx.actor.username:
        raise PermissionDenied("you cannot disable your own account")
    with ctx.vault.write() as session:
        user = _get(session, username)
        if user.disabled_at is not None:
            raise CounselRoomError(f"user {username!r} is already disabled")
        if user.role == Role.ADMIN.value:
            admins = session.scalars(
                select(User).where(User.role == Role.ADMIN.value, User.disabled_at.is_(None))
            ).all()
            if len(admins) <= 1:
                raise CounselRoomError("the last administrator cannot be disabled")
        user.disabled_at = utcnow()
        ctx.audit(
            session,
            "user.disable",
            target=f"user:{user.id}",
            detail=f"rotate_key={rotate_key}",
        )
        user_id = user.id
    if ctx.vault.keys.slot_for_user_id(user_id) is not None:
        ctx.vault.remove_user_slot(user_id)
    if rotate_key:
        rotate_data_key(ctx.vault)
        with ctx.vault.write() as session:
            ctx.audit(session, "vault.rotate_key")


def _get(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username)).one_or_none()
    if user is None:
        raise CounselRoomError(f"no user named {username!r}")
    return user
