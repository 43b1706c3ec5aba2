"""School policy in the vault: read the current version, change it as a new audited version.

Policy is never edited in place: every change adds a `PolicySetting` row with the next version
number, so the rules a past decision was made under can be read back, and the audit entry names
the version that was written and, for the screening cut-offs, every value that changed (old→new),
so a changed cut-off can be traced without comparing stored versions by hand.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.cutoffs import ScreeningCutoffs
from counselroom.domain.dictreader import DictReader, join_path
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
    "screening_changes",
    "set_idle_lock",
    "set_screening_cutoffs",
]

SCREENING = "screening"  # the policy key (and key-path prefix) of the cut-offs
ITEM_KEY = "screening.mht.item_key"


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
        version = _store(session, ctx, latest, changed, note="idle_lock_minutes")
        ctx.audit(session, "policy.update", target=f"policy:{version}", detail="idle_lock_minutes")
    return changed


def set_screening_cutoffs(ctx: Context, cutoffs: ScreeningCutoffs) -> Policy:
    """Replace the screening cut-offs and MHT item key (administrators only).

    The next screening import or hand entry scores with them, because scoring reads
    `policy_in` in its own transaction; results already stored keep the flags they were given.
    Writes a new policy version and one `policy.update` audit entry naming each changed key
    with its old and new value; cut-offs equal to the current ones write nothing.
    """
    ctx.require(Permission.EDIT_POLICY)
    checked = _checked_cutoffs(cutoffs)
    with ctx.vault.write() as session:
        latest = _latest(session)
        policy = _parse(latest)
        changed = dataclasses.replace(policy, screening=checked)
        if changed == policy:
            return policy
        detail = "; ".join(screening_changes(policy.screening, checked))
        version = _store(session, ctx, latest, changed, note=SCREENING)
        ctx.audit(session, "policy.update", target=f"policy:{version}", detail=detail)
    return changed


def _checked_cutoffs(cutoffs: object) -> ScreeningCutoffs:
    """The cut-offs as they will read back from the vault, every value checked by key path.

    The dataclasses check themselves when built, but a frozen dataclass can still be altered
    with `object.__setattr__`, and `ScreeningCutoffs` does not check the types of its parts;
    reading back the JSON form refuses all of that before anything is written, and proves
    that the version stored will load again.
    """
    if not isinstance(cutoffs, ScreeningCutoffs):
        raise ValidationError(
            f"must be screening cut-offs (got {type(cutoffs).__name__})", field=SCREENING
        )
    try:
        data = cutoffs.to_dict()
    except (AttributeError, TypeError, ValueError) as exc:  # a part of the wrong kind
        raise ValidationError(
            f"cannot be stored ({type(exc).__name__}: {exc})", field=SCREENING
        ) from None
    return ScreeningCutoffs.from_reader(DictReader(data, SCREENING))


def screening_changes(before: ScreeningCutoffs, after: ScreeningCutoffs) -> list[str]:
    """Each changed value as "key.path old→new", in the order of the stored form.

    The item key is shown as the item numbers that changed, grouped by direction
    ("1→0: 3,17"), rather than as two 100-character strings nobody can compare by eye.
    """
    old = _flatten(SCREENING, before.to_dict())
    new = _flatten(SCREENING, after.to_dict())
    changes = []
    for key in [*old, *(k for k in new if k not in old)]:
        was, now = old.get(key), new.get(key)
        if was == now:
            continue
        if key == ITEM_KEY and isinstance(was, str) and isinstance(now, str):
            changes.append(f"{key} {_item_key_change(was, now)}")
        else:
            changes.append(f"{key} {_shown(was)}→{_shown(now)}")
    return changes


def _flatten(path: str, value: object) -> dict[str, object]:
    if isinstance(value, dict):
        found: dict[str, object] = {}
        for key, item in value.items():
            found.update(_flatten(join_path(path, str(key)), item))
        return found
    if isinstance(value, list):
        found = {}
        for index, item in enumerate(value):
            found.update(_flatten(join_path(path, index), item))
        return found
    return {path: value}


def _shown(value: object) -> str:
    return "(none)" if value is None else str(value)


def _item_key_change(before: str, after: str) -> str:
    groups = []
    for was, now in (("1", "0"), ("0", "1")):
        items = [
            str(number)
            for number, (a, b) in enumerate(zip(before, after, strict=True), start=1)
            if (a, b) == (was, now)
        ]
        if items:
            groups.append(f"{was}→{now}: {','.join(items)}")
    return " ".join(groups)


def _store(
    session: Session, ctx: Context, latest: PolicySetting | None, policy: Policy, *, note: str
) -> int:
    """Add `policy` as the next version; returns its number for the audit entry."""
    version = (latest.version if latest is not None else 0) + 1
    session.add(
        PolicySetting(
            version=version,
            data_json=json.dumps(policy.to_dict(), ensure_ascii=False),
            created_at=utcnow(),
            created_by_id=ctx.actor.user_id,
            note=note,
        )
    )
    return version
