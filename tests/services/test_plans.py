"""一生一策 plan versions: checks, reviews with a change note, stale editors, never overwritten."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from counselroom.domain.errors import CounselRoomError, StaleRecordError, ValidationError
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.plans import MeasureInput, PlanInput, save_plan_version
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.student_file import student_plans
from counselroom.storage.base import Base
from counselroom.storage.models import AuditEntry, Plan, PlanMeasure, Student
from vault_fixtures import account, make_vault

MEASURES = (
    MeasureInput("psychology_teacher", "个体辅导", "每周一次", "林老师"),
    MeasureInput("head_teacher", "课堂观察，异常及时告知", "每日"),
)
FIRST = PlanInput(
    assessment="考试焦虑，睡眠差",
    goals="恢复正常睡眠",
    risk_factors="父母离异",
    protective_factors="同伴支持",
    measures=MEASURES,
)


@dataclass
class Room:
    admin: Context
    counsellor: Context
    other: Context
    viewer: Context
    student_id: int


def _student(ctx: Context) -> int:
    with ctx.vault.write() as s:
        row = Student(name="张三", gender="M", grade_level=8)
        s.add(row)
        s.flush()
        return row.id


def _room(tmp_path: Path) -> Iterator[Room]:
    admin, _code = make_vault(tmp_path / "vault")
    lin = account(admin, "lin", Role.COUNSELLOR, "林老师")
    wang = account(admin, "wang", Role.COUNSELLOR, "王老师")
    ban = account(admin, "ban", Role.VIEWER, "王班主任")
    try:
        yield Room(
            admin,
            lin,
            wang,
            ban,
            _student(admin),
        )
    finally:
        admin.close()


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    yield from _room(tmp_path)


MODELS: tuple[type[Base], ...] = (Student, Plan, PlanMeasure)


def snapshot(r: Room) -> tuple[Any, ...]:
    with r.admin.vault.read() as s:
        tables = tuple(
            tuple(tuple(row) for row in s.execute(select(m.__table__).order_by(m.id)))  # type: ignore[attr-defined]
            for m in MODELS
        )
        return tables, s.scalar(select(func.count()).select_from(AuditEntry))


def plan_rows(r: Room, student_id: int | None = None) -> dict[int, tuple[Any, ...]]:
    """Each version's row and its measures' rows, by version."""
    sid = student_id or r.student_id
    with r.admin.vault.read() as s:
        plans = s.execute(select(Plan.__table__).where(Plan.student_id == sid)).all()
        return {
            p.version: (
                tuple(p),
                tuple(
                    tuple(m)
                    for m in s.execute(
                        select(PlanMeasure.__table__)
                        .where(PlanMeasure.plan_id == p.id)
                        .order_by(PlanMeasure.id)
                    )
                ),
            )
            for p in plans
        }


def audits(r: Room) -> list[tuple[str | None, str | None]]:
    with r.admin.vault.read() as s:
        return [
            (t, d)
            for t, d in s.execute(
                select(AuditEntry.target, AuditEntry.detail)
                .where(AuditEntry.action == "plan.save")
                .order_by(AuditEntry.seq)
            )
        ]


def test_first_version_opens_the_file_with_the_policy_review_date(room: Room) -> None:
    assert save_plan_version(room.counsellor, room.student_id, FIRST, based_on_version=None) == 1
    (plan,) = student_plans(room.counsellor, room.student_id)
    assert (plan.version, plan.created_by, plan.change_note) == (1, "林老师", None)
    assert (plan.assessment, plan.goals, plan.risk_factors, plan.protective_factors) == (
        "考试焦虑，睡眠差",
        "恢复正常睡眠",
        "父母离异",
        "同伴支持",
    )
    assert plan.review_on == local_today() + timedelta(days=42)  # policy default: 6 weeks
    assert [(m.who, m.what, m.frequency, m.person) for m in plan.measures] == [
        ("psychology_teacher", "个体辅导", "每周一次", "林老师"),
        ("head_teacher", "课堂观察，异常及时告知", "每日", None),
    ]
    with room.admin.vault.read() as s:
        student = s.get(Student, room.student_id)
        assert student is not None
        assert (student.file_state, student.keeper_id) == ("open", room.counsellor.actor.user_id)
    assert audits(room) == [(f"student:{room.student_id}", "version=1 measures=2 file=opened")]


def test_a_review_adds_a_version_and_keeps_the_old_one(room: Room) -> None:
    save_plan_version(room.counsellor, room.student_id, FIRST, based_on_version=None)
    v1 = plan_rows(room)[1]
    shot = snapshot(room)
    for note in (None, "", "  "):
        with pytest.raises(ValidationError, match="what changed") as caught:
            save_plan_version(
                room.counsellor,
                room.student_id,
                replace(FIRST, change_note=note),
                based_on_version=1,
            )
        assert caught.value.field == "change_note"
        assert snapshot(room) == shot
    review = replace(
        FIRST,
        goals="巩固睡眠，回归课堂",
        measures=(MeasureInput("guardian", "陪伴作息", "每日"),),
        review_on=local_today() + timedelta(days=14),
        change_note="睡眠改善，减少辅导频次",
    )
    assert save_plan_version(room.other, room.student_id, review, based_on_version=1) == 2
    rows = plan_rows(room)
    assert rows[1] == v1  # never overwritten, measures included
    assert sorted(rows) == [1, 2]
    old, new = student_plans(room.counsellor, room.student_id)
    assert (old.goals, new.goals) == ("恢复正常睡眠", "巩固睡眠，回归课堂")
    assert (new.change_note, new.created_by, new.review_on) == (
        "睡眠改善，减少辅导频次",
        "王老师",
        local_today() + timedelta(days=14),
    )
    assert audits(room)[-1] == (f"student:{room.student_id}", "version=2 measures=1")


def test_a_stale_editor_is_told_which_version_is_current(room: Room) -> None:
    save_plan_version(room.counsellor, room.student_id, FIRST, based_on_version=None)
    # Two windows filled from version 1; the other counsellor saves first.
    noted = replace(FIRST, change_note="复评")
    save_plan_version(room.other, room.student_id, noted, based_on_version=1)
    shot = snapshot(room)
    with pytest.raises(StaleRecordError) as caught:
        save_plan_version(room.counsellor, room.student_id, noted, based_on_version=1)
    message = str(caught.value)
    assert "plan version 2" in message and "王老师" in message and "version 1" in message
    with pytest.raises(StaleRecordError, match="plan version 2"):
        save_plan_version(room.counsellor, room.student_id, FIRST, based_on_version=None)
    assert snapshot(room) == shot
    # Reloaded, the window saves on top of what it now sees.
    assert save_plan_version(room.counsellor, room.student_id, noted, based_on_version=2) == 3


def test_based_on_a_version_of_a_student_without_plan_is_stale(room: Room) -> None:
    shot = snapshot(room)
    with pytest.raises(StaleRecordError, match="no plan version 1"):
        save_plan_version(room.counsellor, room.student_id, FIRST, based_on_version=1)
    assert snapshot(room) == shot


def test_review_date_bounds(room: Room) -> None:
    today = local_today()
    last = replace(FIRST, review_on=today + timedelta(days=366))
    assert save_plan_version(room.counsellor, room.student_id, last, based_on_version=None) == 1
    first = replace(FIRST, review_on=today, change_note="当天复评")
    assert save_plan_version(room.counsellor, room.student_id, first, based_on_version=1) == 2
    assert [p.review_on for p in student_plans(room.counsellor, room.student_id)] == [
        today + timedelta(days=366),
        today,
    ]


BAD_PLANS: list[tuple[str, dict[str, Any]]] = [
    ("assessment", {"assessment": ""}),
    ("assessment", {"assessment": None}),
    ("goals", {"goals": " \n"}),
    ("review_on", {"review_on": local_today() - timedelta(days=1)}),
    ("review_on", {"review_on": local_today() + timedelta(days=367)}),
    ("review_on", {"review_on": datetime(2030, 1, 1, 9)}),
    ("review_on", {"review_on": "2030-01-01"}),
    ("measures", {"measures": ()}),
    ("measures[0].who", {"measures": (MeasureInput("janitor", "打扫"),)}),
    ("measures[1].what", {"measures": (MEASURES[0], MeasureInput("guardian", "  "))}),
    ("measures[0].person", {"measures": (MeasureInput("other", "x", person="a\x00"),)}),
    ("risk_factors", {"risk_factors": "a\x00b"}),
    ("change_note", {"change_note": 7}),
]


@pytest.mark.parametrize(
    ("field", "change"), BAD_PLANS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_PLANS)]
)
def test_bad_plan_is_named_and_nothing_saved(
    room: Room, field: str, change: dict[str, Any]
) -> None:
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        save_plan_version(
            room.counsellor, room.student_id, replace(FIRST, **change), based_on_version=None
        )
    assert caught.value.field == field
    assert snapshot(room) == shot


@pytest.mark.parametrize("version", [0, -1, True, "1"])
def test_bad_based_on_version(room: Room, version: Any) -> None:
    shot = snapshot(room)
    with pytest.raises(ValidationError) as caught:
        save_plan_version(room.counsellor, room.student_id, FIRST, based_on_version=version)
    assert caught.value.field == "based_on_version"
    assert snapshot(room) == shot


def test_closed_file_and_viewer_are_refused(room: Room) -> None:
    shot = snapshot(room)
    with pytest.raises(PermissionDenied):
        save_plan_version(room.viewer, room.student_id, FIRST, based_on_version=None)
    assert snapshot(room) == shot
    with room.admin.vault.write() as s:
        row = s.get(Student, room.student_id)
        assert row is not None
        row.file_state = "closed"
    shot = snapshot(room)
    with pytest.raises(ValidationError, match="closed"):
        save_plan_version(room.counsellor, room.student_id, FIRST, based_on_version=None)
    assert snapshot(room) == shot


def test_versions_are_never_overwritten(tmp_path: Path) -> None:
    rooms = _room(tmp_path)
    r = next(rooms)

    @settings(
        max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(saves=st.lists(st.tuples(st.integers(-1, 1), st.text(max_size=8)), max_size=6))
    def run(saves: list[tuple[int, str]]) -> None:
        sid = _student(r.admin)
        current = 0
        for lag, goal in saves:
            kept = plan_rows(r, sid)
            based = current + lag  # lag 0: the latest version; otherwise a stale or unknown one
            plan = replace(FIRST, goals=f"目标{goal}", change_note="复评")
            try:
                version = save_plan_version(r.counsellor, sid, plan, based_on_version=based or None)
            except CounselRoomError:
                assert lag != 0 or "\x00" in goal
                assert plan_rows(r, sid) == kept
                continue
            assert lag == 0 and version == current + 1
            current = version
            rows = plan_rows(r, sid)
            assert {v: rows[v] for v in kept} == kept
            assert sorted(rows) == list(range(1, current + 1))

    try:
        run()
    finally:
        next(rooms, None)
