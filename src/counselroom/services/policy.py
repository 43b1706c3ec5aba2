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
from counselroom.domain.policy import (
    MAX_IDLE_LOCK_MINUTES,
    MAX_INTERVAL_DAYS,
    Policy,
    ReturnFollowUp,
)
from counselroom.services.context import Context
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.roles import Permission
from counselroom.storage.base import utcnow
from counselroom.storage.models import Leave, PolicySetting, ReturnRecord, Student

__all__ = [
    "MAX_IDLE_LOCK_MINUTES",
    "current_policy",
    "idle_lock_minutes",
    "policy_in",
    "screening_changes",
    "set_idle_lock",
    "set_referral_policy",
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


def set_referral_policy(
    ctx: Context, *, feedback_overdue_days: int, return_interval_days: int, return_count: int
) -> Policy:
    """Set when referral feedback is overdue and the closer follow-up after a return (复学).

    Administrators only. The dashboard and the 转介 list read the overdue days when they are
    shown; the stored next follow-up of every open file with a return from leave is
    recomputed in the same transaction with the new spacing (a return already recorded keeps
    the end of its closer period, services/follow_up.py). Writes a new policy version and one
    `policy.update` audit entry naming each changed key with its old and new value (and how
    many follow-ups were recomputed); values equal to the current ones write nothing. A
    refusal names the keyword that was out of range, whichever rule of the domain refused it.
    """
    ctx.require(Permission.EDIT_POLICY)
    days = {
        "feedback_overdue_days": feedback_overdue_days,
        "return_interval_days": return_interval_days,
        "return_count": return_count,
    }
    for name, value in days.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"must be a whole number (got {value!r})", field=name)
        # Checked here for days, before timedelta() overflows on a huge number.
        if name.endswith("_days") and not 1 <= value <= MAX_INTERVAL_DAYS:
            raise ValidationError(
                f"must be from 1 to {MAX_INTERVAL_DAYS} days (got {value})", field=name
            )
    overdue = timedelta(days=feedback_overdue_days)
    try:  # the domain holds the count's limits; only the field's name is the caller's
        rule = ReturnFollowUp(timedelta(days=return_interval_days), return_count)
    except ValidationError as exc:
        raise exc.located(field="return_count") from None
    with ctx.vault.write() as session:
        latest = _latest(session)
        policy = _parse(latest)
        changed = dataclasses.replace(
            policy, referral_feedback_overdue=overdue, return_follow_up=rule
        )
        if changed == policy:
            return policy
        changes = _referral_changes(policy, changed)
        version = _store(session, ctx, latest, changed, note="referrals")
        if rule != policy.return_follow_up:
            changes.append(f"refreshed={_refresh_returned(session, changed)}")
        ctx.audit(session, "policy.update", target=f"policy:{version}", detail="; ".join(changes))
    return changed


def _refresh_returned(session: Session, policy: Policy) -> int:
    """Recompute the next follow-up of every open file that has a return from leave.

    ``Student.next_follow_up`` must equal what the records and the policy say, and the closer
    follow-up after a return reads the policy's spacing; a student whose closer period is long
    over keeps his date (the recomputation gives the same one). Returns how many were
    recomputed, for the audit entry.
    """
    students = session.scalars(
        select(Student)
        .where(
            Student.file_state == "open",
            Student.status != "on_leave",
            Student.id.in_(
                select(Leave.student_id)
                .join(ReturnRecord, ReturnRecord.leave_id == Leave.id)
                .where(Leave.state == "returned")
            ),
        )
        .order_by(Student.id)
    ).all()
    for student in students:
        refresh_follow_up(session, student, policy)
    return len(students)


def _referral_changes(before: Policy, after: Policy) -> list[str]:
    """The referral and return keys that differ, as "key old→new" by their stored names."""
    old: dict[str, object] = {}
    new: dict[str, object] = {}
    for part in ("referral_feedback_overdue_days", "return_follow_up"):
        old.update(_flatten(part, before.to_dict()[part]))
        new.update(_flatten(part, after.to_dict()[part]))
    return [f"{key} {_shown(old[key])}→{_shown(new[key])}" for key in old if old[key] != new[key]]


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
