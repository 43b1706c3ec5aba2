"""School policy in the vault: read the current version, change it as a new audited version.

Policy is never edited in place: every change adds a `PolicySetting` row with the next version
number, so the rules a past decision was made under can be read back, and the audit entry names
the version that was written.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.durations import MINUTE, count_of
from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import MAX_IDLE_LOCK_MINUTES, Policy
from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.storage.base import utcnow
from counselroom.storage.models import PolicySetting

__all__ = [
    "MAX_IDLE_LOCK_MINUTES",
    "current_policy",
    "idle_lock_minutes",
    "policy_in",
    "set_idle_lock",
]


def _latest(session: Session) -> PolicySetting | None:
    return session.scalars(
        select(PolicySetting).order_by(PolicySetting.version.desc()).limit(1)
    ).first()


def _parse(row: PolicySetting | None) -> Policy:
    if row is None:  # a vault made before policies were stored: the defaults apply
        return Policy.default()
    try:
        return Policy.from_dict(json.loads(row.data_json))
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"stored policy is not valid JSON ({exc.msg})", record=f"policy version {row.version}"
        ) from None
    except ValidationError as exc:
        raise exc.located(record=f"policy version {row.version}") from None


def current_policy(ctx: Context) -> Policy:
    """Every role may read the policy: the window of any user locks after its idle time."""
    with ctx.vault.read() as session:
        return _parse(_latest(session))


def policy_in(session: Session) -> Policy:
    """The policy in force, read inside a transaction the caller already holds."""
    return _parse(_latest(session))


def idle_lock_minutes(ctx: Context) -> int:
    return count_of(current_policy(ctx).idle_lock, MINUTE)


def set_idle_lock(ctx: Context, minutes: int) -> Policy:
    """Set how long the window may stay idle before it locks (administrators only).

    Writes a new policy version and a `policy.update` audit entry in one transaction; setting
    the value it already has writes nothing.
    """
    ctx.require(Permission.EDIT_POLICY)
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError(
            f"must be a whole number of minutes (got {minutes!r})", field="idle_lock_minutes"
        )
    with ctx.vault.write() as session:
        latest = _latest(session)
        policy = _parse(latest)
        # The Policy constructor checks the range (1 to MAX_IDLE_LOCK_MINUTES).
        changed = dataclasses.replace(policy, idle_lock=timedelta(minutes=minutes))
        if changed == policy:
            return policy
        version = (latest.version if latest is not None else 0) + 1
        session.add(
            PolicySetting(
                version=version,
                data_json=json.dumps(changed.to_dict(), ensure_ascii=False),
                created_at=utcnow(),
                created_by_id=ctx.actor.user_id,
                note="idle_lock_minutes",
            )
        )
        ctx.audit(session, "policy.update", target=f"policy:{version}", detail="idle_lock_minutes")
    return changed
