"""The group activities log (团体辅导, 讲座): checked input, newest-first listing with a date range,
and the term statistics counting what is logged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counselroom.domain.errors import ValidationError
from counselroom.services.activities import (
    GroupActivityEntry,
    add_group_activity,
    list_group_activities,
)
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.statistics import reported_term, term_statistics
from counselroom.storage.models import AuditEntry, GroupActivity
from vault_fixtures import account, make_vault

TODAY = local_today()
DAY = timedelta(days=1)
LECTURE: dict[str, Any] = {
    "on": TODAY - 3 * DAY,
    "kind": "lecture",
    "topic": "考前心理调适",
    "audience": "初三全体学生",
    "count": 420,
    "leader": "林老师",
    "note": "报告厅",
}


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    try:
        yield Vault(
            admin,
            counsellor,
            viewer,
        )
    finally:
        admin.close()


def snapshot(v: Vault) -> tuple[Any, ...]:
    with v.admin.vault.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (GroupActivity, AuditEntry)
        )


def test_activity_is_logged_audited_and_listed(vault: Vault) -> None:
    aid = add_group_activity(vault.counsellor, **LECTURE)
    group = add_group_activity(
        vault.counsellor,
        on=TODAY,
        kind="group_counselling",
        topic=" 人际交往团体辅导 ",
        audience="",
        count=12,
        leader=" ",
    )
    listed = list_group_activities(vault.viewer)
    assert listed == (
        GroupActivityEntry(
            id=group,
            on=TODAY,
            kind="group_counselling",
            topic="人际交往团体辅导",
            audience="",
            count=12,
            leader=None,
            note=None,
            created_by="林老师",
        ),
        GroupActivityEntry(
            id=aid,
            on=LECTURE["on"],
            kind="lecture",
            topic="考前心理调适",
            audience="初三全体学生",
            count=420,
            leader="林老师",
            note="报告厅",
            created_by="林老师",
        ),
    )
    with vault.admin.vault.read() as s:
        rows = s.execute(
            select(AuditEntry.target, AuditEntry.detail)
            .where(AuditEntry.action == "activity.add")
            .order_by(AuditEntry.seq)
        ).all()
    assert [tuple(r) for r in rows] == [
        (f"activity:{aid}", "kind=lecture count=420"),
        (f"activity:{group}", "kind=group_counselling count=12"),
    ]


def test_list_is_newest_first_and_bounded_by_the_range(vault: Vault) -> None:
    days = [TODAY - n * DAY for n in (10, 0, 5, 5, 20)]
    ids = [add_group_activity(vault.counsellor, **{**LECTURE, "on": day}) for day in days]
    everything = list_group_activities(vault.counsellor)
    # Newest day first; on the same day the later entry first.
    assert [e.id for e in everything] == [ids[1], ids[3], ids[2], ids[0], ids[4]]
    ranged = list_group_activities(vault.viewer, start=TODAY - 10 * DAY, end=TODAY - 5 * DAY)
    assert [e.id for e in ranged] == [ids[3], ids[2], ids[0]]
    assert [e.id for e in list_group_activities(vault.viewer, start=TODAY - 5 * DAY)] == [
        ids[1],
        ids[3],
        ids[2],
    ]
    assert [e.id for e in list_group_activities(vault.viewer, end=TODAY - 11 * DAY)] == [ids[4]]
    same = list_group_activities(vault.viewer, start=TODAY, end=TODAY)
    assert [e.id for e in same] == [ids[1]]


def test_bad_range_is_refused(vault: Vault) -> None:
    with pytest.raises(ValidationError, match="before the start") as caught:
        list_group_activities(vault.viewer, start=TODAY, end=TODAY - DAY)
    assert caught.value.field == "end"
    with pytest.raises(ValidationError) as caught:
        list_group_activities(vault.viewer, start=TODAY.isoformat())  # type: ignore[arg-type]
    assert caught.value.field == "start"


BAD: list[tuple[str, dict[str, Any]]] = [
    ("on", {"on": TODAY + DAY}),
    ("on", {"on": None}),
    ("kind", {"kind": "individual"}),
    ("kind", {"kind": ""}),
    ("topic", {"topic": ""}),
    ("topic", {"topic": " \t"}),
    ("topic", {"topic": None}),
    ("count", {"count": 0}),
    ("count", {"count": -3}),
    ("count", {"count": 5001}),
    ("count", {"count": True}),
    ("count", {"count": 12.0}),
    ("count", {"count": "12"}),
    ("audience", {"audience": 7}),
    ("leader", {"leader": "林\x00"}),
    ("note", {"note": "x" * 20_001}),
]


@pytest.mark.parametrize(("field", "change"), BAD, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD)])
def test_bad_activity_is_named_and_nothing_saved(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    shot = snapshot(vault)
    with pytest.raises(ValidationError) as caught:
        add_group_activity(vault.counsellor, **{**LECTURE, **change})
    assert caught.value.field == field
    assert snapshot(vault) == shot


def test_count_bounds_are_inclusive(vault: Vault) -> None:
    for count in (1, 5000):
        add_group_activity(vault.counsellor, **{**LECTURE, "count": count})
    assert sorted(e.count for e in list_group_activities(vault.viewer)) == [1, 5000]


def test_viewer_may_list_but_not_add(vault: Vault) -> None:
    shot = snapshot(vault)
    with pytest.raises(PermissionDenied):
        add_group_activity(vault.viewer, **LECTURE)
    assert snapshot(vault) == shot
    assert list_group_activities(vault.viewer) == ()


@pytest.mark.parametrize("kind", ["lecture", "group_counselling"])
def test_term_statistics_count_what_is_logged(vault: Vault, kind: str) -> None:
    term = reported_term(TODAY)
    assert term.start is not None and term.end is not None
    inside = min(TODAY, term.end)  # in August (no term) the term that just ended is reported
    assert term.start <= inside
    before = term_statistics(vault.viewer)
    add_group_activity(vault.counsellor, **{**LECTURE, "kind": kind, "on": inside})
    # Outside the term: not counted.
    add_group_activity(vault.counsellor, **{**LECTURE, "kind": kind, "on": term.start - DAY})
    after = term_statistics(vault.viewer)
    counted = {"lecture": "lectures", "group_counselling": "group_sessions"}[kind]
    other = {"lecture": "group_sessions", "group_counselling": "lectures"}[kind]
    assert getattr(after, counted) == getattr(before, counted) + 1
    assert getattr(after, other) == getattr(before, other)
