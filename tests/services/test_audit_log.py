"""The audit log is read by administrators only, newest first, filtered and paged, and reading it
is itself recorded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from counselroom.domain.errors import ValidationError
from counselroom.services.audit_log import AuditRow, audit_entries
from counselroom.services.context import Actor, Context
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.users import add_user
from vault_fixtures import ADMIN, CHEAP, PASSWORD, make_vault


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    uid = add_user(admin, "lin", PASSWORD, Role.COUNSELLOR, kdf=CHEAP)
    vid = add_user(admin, "ban", PASSWORD, Role.VIEWER, kdf=CHEAP)
    counsellor = Context(admin.vault, Actor(uid, "lin", "lin", Role.COUNSELLOR))
    viewer = Context(admin.vault, Actor(vid, "ban", "ban", Role.VIEWER))
    # Entries at known times (stored UTC; Beijing is UTC+8).
    with admin.vault.write() as s:
        for ctx, action, at in (
            (counsellor, "student.view", datetime(2026, 11, 1, 1)),  # 11-01 09:00 local
            (counsellor, "student.edit", datetime(2026, 11, 1, 17)),  # 11-02 01:00 local
            (viewer, "student.view", datetime(2026, 11, 3, 2)),
            (counsellor, "studentXview", datetime(2026, 11, 4, 2)),  # no prefix match
        ):
            admin.vault.audit(
                s,
                action,
                user_id=ctx.actor.user_id,
                username=ctx.actor.username,
                target="student:1",
                at=at,
            )
    yield Vault(admin, counsellor, viewer)
    admin.close()


def actions(rows: list[AuditRow]) -> list[tuple[str | None, str]]:
    return [(r.username, r.action) for r in rows]


def test_only_an_administrator_reads_the_log(vault: Vault) -> None:
    for ctx in (vault.counsellor, vault.viewer):
        with pytest.raises(PermissionDenied):
            audit_entries(ctx)
    rows = audit_entries(vault.admin)
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)
    assert rows[0].action == "studentXview"
    assert {"vault.create", "user.add"} <= {r.action for r in rows}


def test_reading_is_audited_and_refusals_write_nothing(vault: Vault) -> None:
    first = audit_entries(vault.admin)
    with pytest.raises(PermissionDenied):
        audit_entries(vault.counsellor)
    second = audit_entries(vault.admin)
    assert second[0].action == "audit.view" and second[0].username == ADMIN
    assert second[0].detail == f"rows={len(first)}"
    assert [r.seq for r in second[1:]] == [r.seq for r in first]  # nothing else was written


def test_filters_combine(vault: Vault) -> None:
    assert actions(audit_entries(vault.admin, username="lin", action_prefix="student.")) == [
        ("lin", "student.edit"),
        ("lin", "student.view"),
    ]
    assert actions(audit_entries(vault.admin, action_prefix="student.view")) == [
        ("ban", "student.view"),
        ("lin", "student.view"),
    ]
    # Local days: 11-01 17:00 UTC is 11-02 in Beijing.
    day1 = audit_entries(vault.admin, since=date(2026, 11, 1), until=date(2026, 11, 1))
    assert actions(day1) == [("lin", "student.view")]
    span = audit_entries(vault.admin, since=date(2026, 11, 2), until=date(2026, 11, 3))
    assert actions(span) == [("ban", "student.view"), ("lin", "student.edit")]
    detail = audit_entries(vault.admin, limit=1)[0]
    assert detail.action == "audit.view" and detail.detail == "rows=2 filters=since,until"


def test_prefix_is_literal(vault: Vault) -> None:
    assert audit_entries(vault.admin, action_prefix="student_") == []
    assert audit_entries(vault.admin, action_prefix="%") == []


def test_paging_with_before_seq(vault: Vault) -> None:
    everything = audit_entries(vault.admin)
    assert len(everything) >= 8
    top = everything[0].seq + 1  # later reads add entries above this
    page1 = audit_entries(vault.admin, limit=3, before_seq=top)
    page2 = audit_entries(vault.admin, limit=3, before_seq=page1[-1].seq)
    assert page1 + page2 == everything[:6]


@pytest.mark.parametrize("limit", [0, -1, 10**6])
def test_bad_limit_is_refused(vault: Vault, limit: int) -> None:
    with pytest.raises(ValidationError):
        audit_entries(vault.admin, limit=limit)
