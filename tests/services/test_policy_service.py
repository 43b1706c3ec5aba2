"""Reading the school policy and changing the idle-lock time: versioned, audited, admin only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import Policy
from counselroom.services import policy as policy_service
from counselroom.services import users
from counselroom.services.context import Actor, Context
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.models import AuditEntry, PolicySetting
from counselroom.vault.verify import verify_vault
from vault_fixtures import CHEAP, make_vault


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    context, _code = make_vault(tmp_path / "v")
    yield context
    context.close()


def versions(ctx: Context) -> list[tuple[int, int | None, str]]:
    with ctx.vault.read() as session:
        rows = session.scalars(select(PolicySetting).order_by(PolicySetting.version))
        return [(r.version, r.created_by_id, r.note) for r in rows]


def policy_audits(ctx: Context) -> list[tuple[str | None, str | None, str | None]]:
    with ctx.vault.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == "policy.update"))
        return [(r.username, r.target, r.detail) for r in rows]


def test_a_new_vault_has_the_default_policy(ctx: Context) -> None:
    assert policy_service.current_policy(ctx) == Policy.default()
    assert policy_service.idle_lock_minutes(ctx) == 5


def test_set_idle_lock_writes_a_new_version_and_an_audit_entry(ctx: Context) -> None:
    changed = policy_service.set_idle_lock(ctx, 12)
    assert changed.idle_lock == timedelta(minutes=12)
    assert policy_service.current_policy(ctx) == changed
    admin = ctx.actor.user_id
    assert versions(ctx) == [(1, admin, "defaults"), (2, admin, "idle_lock_minutes")]
    assert policy_audits(ctx) == [("admin", "policy:2", "idle_lock_minutes")]
    # the first version is kept as it was
    with ctx.vault.read() as session:
        first = session.scalar(select(PolicySetting.data_json).where(PolicySetting.version == 1))
    assert Policy.from_dict(json.loads(first or "{}")).idle_lock == timedelta(minutes=5)
    policy_service.set_idle_lock(ctx, 3)
    assert [v for v, _, _ in versions(ctx)] == [1, 2, 3]
    assert policy_service.idle_lock_minutes(ctx) == 3
    assert verify_vault(ctx.vault) == []


def test_setting_the_same_value_writes_nothing(ctx: Context) -> None:
    policy_service.set_idle_lock(ctx, 5)
    assert len(versions(ctx)) == 1 and policy_audits(ctx) == []


@pytest.mark.parametrize("bad", [0, -1, 61, 1000])
def test_out_of_range_is_refused_by_the_policy(ctx: Context, bad: int) -> None:
    with pytest.raises(ValidationError) as info:
        policy_service.set_idle_lock(ctx, bad)
    assert info.value.field == "idle_lock_minutes"
    assert len(versions(ctx)) == 1


@pytest.mark.parametrize("bad", [True, 2.5, "5", None])
def test_wrong_type_is_refused(ctx: Context, bad: object) -> None:
    with pytest.raises(ValidationError):
        policy_service.set_idle_lock(ctx, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.VIEWER])
def test_only_an_administrator_may_change_it(ctx: Context, role: Role) -> None:
    users.add_user(ctx, "other", "another-pass-1", role, kdf=CHEAP)
    other = Context(ctx.vault, users_actor(ctx, "other"))
    with pytest.raises(PermissionDenied):
        policy_service.set_idle_lock(other, 10)
    assert policy_service.current_policy(other).idle_lock == timedelta(minutes=5)  # may read
    assert len(versions(ctx)) == 1 and policy_audits(ctx) == []


def users_actor(ctx: Context, username: str) -> Actor:
    info = next(u for u in users.list_users(ctx) if u.username == username)
    return Actor(info.id, info.username, info.display_name, Role(info.role))


def test_a_damaged_stored_policy_names_its_version(ctx: Context) -> None:
    with ctx.vault.write() as session:
        session.add(PolicySetting(version=2, data_json='{"format": 1}', note="broken"))
    with pytest.raises(ValidationError) as info:
        policy_service.current_policy(ctx)
    assert "policy version 2" in str(info.value)
