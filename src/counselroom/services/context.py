"""Who is working on which open vault: the handle every service function takes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from counselroom.services.roles import Permission, PermissionDenied, Role, allowed
from counselroom.vault.vault import Vault


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    display_name: str
    role: Role


@dataclass
class Context:
    vault: Vault
    actor: Actor

    def require(self, permission: Permission) -> None:
        if not allowed(self.actor.role, permission):
            raise PermissionDenied(
                f"user {self.actor.username!r} ({self.actor.role.value}) may not {permission.value}"
            )

    def may(self, permission: Permission) -> bool:
        return allowed(self.actor.role, permission)

    def audit(
        self, session: Session, action: str, *, target: str | None = None, detail: str | None = None
    ) -> None:
        """Record what the signed-in user did, inside the caller's transaction."""
        self.vault.audit(
            session,
            action,
            user_id=self.actor.user_id,
            username=self.actor.username,
            target=target,
            detail=detail,
        )

    def close(self) -> None:
        self.vault.close()
