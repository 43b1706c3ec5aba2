"""set_referral_policy: bounds refused by field name, administrators only, audited, versioned."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import Policy, ReturnFollowUp
from counselroom.services.context import Context
from counselroom.services.policy import current_policy, set_referral_policy
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.models import AuditEntry, PolicySetting
from counselroom.vault.verify import verify_vault
from vault_fixtures import account, make_vault

DEFAULTS = {"feedback_overdue_days": 14, "return_interval_days": 7, "return_count": 4}


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Context]:
    context, _code = make_vault(tmp_path / "v")
    yield context
    context.close()


def stored(ctx: Context) -> list[tuple[int, str, Policy]]:
    with ctx.vault.read() as session:
        rows = session.scalars(select(PolicySetting).order_by(PolicySetting.version))
        return [(r.version, r.note, Policy.from_dict(json.loads(r.data_json))) for r in rows]


def policy_audits(ctx: Context) -> list[tuple[str | None, str | None, str | None]]:
    with ctx.vault.read() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "policy.update").order_by(AuditEntry.seq)
        )
        return [(r.username, r.target, r.detail) for r in rows]


def audit_count(ctx: Context) -> int:
    with ctx.vault.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_a_change_is_a_new_audited_version(admin: Context) -> None:
    changed = set_referral_policy(
        admin, feedback_overdue_days=7, return_interval_days=10, return_count=3
    )
    assert changed.referral_feedback_overdue == timedelta(days=7)
    assert changed.return_follow_up == ReturnFollowUp(timedelta(days=10), 3)
    # Everything else is kept as it was.
    assert changed.screening == Policy().screening
    assert changed.idle_lock == Policy().idle_lock
    assert current_policy(admin) == changed
    versions = stored(admin)
    assert [(v, note) for v, note, _ in versions] == [(1, "defaults"), (2, "referrals")]
    assert versions[0][2] == Policy.default()  # the first version is kept as it was
    assert versions[1][2] == changed
    assert policy_audits(admin) == [
        (
            "admin",
            "policy:2",
            "referral_feedback_overdue_days 14→7; return_follow_up.interval_days 7→10; "
            "return_follow_up.count 4→3; refreshed=0",
        )
    ]
    assert verify_vault(admin.vault) == []


def test_the_audit_names_only_what_changed(admin: Context) -> None:
    set_referral_policy(admin, **{**DEFAULTS, "feedback_overdue_days": 21})
    set_referral_policy(admin, **{**DEFAULTS, "feedback_overdue_days": 21, "return_count": 6})
    assert [d for _, _, d in policy_audits(admin)] == [
        "referral_feedback_overdue_days 14→21",
        "return_follow_up.count 4→6; refreshed=0",
    ]
    assert [v for v, _, _ in stored(admin)] == [1, 2, 3]


def test_the_same_values_write_nothing(admin: Context) -> None:
    before = audit_count(admin)
    assert set_referral_policy(admin, **DEFAULTS) == Policy.default()
    assert len(stored(admin)) == 1
    assert audit_count(admin) == before


BAD: list[tuple[str, Any]] = [
    ("feedback_overdue_days", 0),
    ("feedback_overdue_days", -3),
    ("feedback_overdue_days", 367),
    ("feedback_overdue_days", 10**12),  # would overflow timedelta
    ("feedback_overdue_days", 7.5),
    ("feedback_overdue_days", "14"),
    ("return_interval_days", 0),
    ("return_interval_days", 367),
    ("return_interval_days", True),
    ("return_interval_days", None),
    ("return_count", 0),
    ("return_count", 53),
    ("return_count", 10**12),
    ("return_count", 2.0),
]


@pytest.mark.parametrize(("field", "value"), BAD, ids=[f"{f}={v!r}" for f, v in BAD])
def test_out_of_bounds_is_refused_by_field_name(admin: Context, field: str, value: Any) -> None:
    before = audit_count(admin)
    with pytest.raises(ValidationError) as caught:
        set_referral_policy(admin, **{**DEFAULTS, field: value})
    assert caught.value.field == field
    assert len(stored(admin)) == 1 and audit_count(admin) == before


def test_the_bounds_themselves_are_allowed(admin: Context) -> None:
    high = set_referral_policy(
        admin, feedback_overdue_days=366, return_interval_days=366, return_count=52
    )
    assert high.return_follow_up == ReturnFollowUp(timedelta(days=366), 52)
    low = set_referral_policy(
        admin, feedback_overdue_days=1, return_interval_days=1, return_count=1
    )
    assert low.referral_feedback_overdue == timedelta(days=1)
    assert len(stored(admin)) == 3


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.VIEWER])
def test_only_an_administrator_may_change_it(admin: Context, role: Role) -> None:
    other = account(admin, "other", role, "别人")
    before = audit_count(admin)
    with pytest.raises(PermissionDenied):
        set_referral_policy(other, feedback_overdue_days=7, return_interval_days=7, return_count=4)
    assert len(stored(admin)) == 1 and audit_count(admin) == before
    assert current_policy(other) == Policy.default()  # reading stays open to every role
