"""Concerns, tier changes and notification tasks: rules, persons, history and nothing half-saved."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import Policy, notification_plan
from counselroom.domain.tiers import Tier
from counselroom.services.casework import (
    TierChangeResult,
    change_tier,
    complete_task,
    record_concern,
)
from counselroom.services.context import Actor, Context
from counselroom.services.localtime import local_today
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.users import add_user
from counselroom.storage.models import (
    AuditEntry,
    Concern,
    Guardian,
    NotificationTask,
    SchoolClass,
    SchoolProfile,
    Staff,
    Student,
    TierChange,
)
from vault_fixtures import CHEAP, PASSWORD, make_vault

DISTRICT = "区教委安全科 023-6000 9000"
NOW = datetime(2026, 11, 20, 2, 0)  # naive UTC
HOUR = timedelta(hours=1)

# Person each recipient role must be given for the hand-built student below.
PERSONS = {
    "head_teacher": "王班主任",
    "subject_teachers": "刘科任",
    "moral_education": "陈德育",
    "safety_office": "赵安全",
    "vice_principal": "孙分管",
    "principal": "周校长",
    "guardian": "李母",  # the first guardian with is_guardian (张父 is listed first, but is not)
    "district": DISTRICT,
}


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context
    student_id: int
    counsellor_id: int


def _add_student(ctx: Context, name: str = "张三") -> int:
    with ctx.vault.write() as s:
        class_id = s.scalar(select(SchoolClass.id).where(SchoolClass.label == "初二(3)班"))
        student = Student(
            name=name,
            gender="M",
            grade_level=8,
            class_id=class_id,
            guardians=[
                Guardian(ordinal=1, name="张父", relation="父亲", is_guardian=False),
                Guardian(ordinal=2, name="李母", relation="母亲", is_guardian=True),
                Guardian(ordinal=3, name="张外婆", relation="外祖母", is_guardian=True),
            ],
        )
        s.add(student)
        s.flush()
        return student.id


def _vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    uid = add_user(admin, "lin", PASSWORD, Role.COUNSELLOR, display_name="林老师", kdf=CHEAP)
    vid = add_user(admin, "ban", PASSWORD, Role.VIEWER, display_name="王班主任", kdf=CHEAP)
    with admin.vault.write() as s:
        head = Staff(name=PERSONS["head_teacher"], role="head_teacher")
        s.add_all(
            [
                head,
                Staff(name="退休的", role="subject_teacher", active=False),
                Staff(name=PERSONS["subject_teachers"], role="subject_teacher"),
                Staff(name=PERSONS["moral_education"], role="moral_education"),
                Staff(name=PERSONS["safety_office"], role="safety_office"),
                Staff(name=PERSONS["vice_principal"], role="vice_principal"),
                Staff(name=PERSONS["principal"], role="principal"),
            ]
        )
        s.flush()
        s.add(SchoolClass(grade_level=8, number=3, label="初二(3)班", head_teacher_id=head.id))
        profile = s.get(SchoolProfile, 1)
        assert profile is not None
        profile.district_contact = DISTRICT
    sid = _add_student(admin)
    try:
        yield Vault(
            admin,
            Context(admin.vault, Actor(uid, "lin", "林老师", Role.COUNSELLOR)),
            Context(admin.vault, Actor(vid, "ban", "王班主任", Role.VIEWER)),
            sid,
            uid,
        )
    finally:
        admin.close()


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    yield from _vault(tmp_path)


def snapshot(v: Vault) -> tuple[Any, ...]:
    with v.admin.vault.read() as s:
        student = s.get(Student, v.student_id)
        assert student is not None
        row = {c.key: getattr(student, c.key) for c in Student.__table__.columns}
        counts = tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (Concern, TierChange, NotificationTask, AuditEntry)
        )
        done = s.execute(
            select(
                NotificationTask.id,
                NotificationTask.done_at,
                NotificationTask.done_method,
                NotificationTask.acknowledgement,
            ).order_by(NotificationTask.id)
        ).all()
        return row, counts, done


def tasks_of(v: Vault, result: TierChangeResult) -> list[tuple[str, str, datetime]]:
    with v.admin.vault.read() as s:
        rows = s.execute(
            select(
                NotificationTask.recipient_role, NotificationTask.person, NotificationTask.due_at
            )
            .where(NotificationTask.tier_change_id == result.tier_change_id)
            .order_by(NotificationTask.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def audits(v: Vault, action: str) -> list[tuple[str | None, str | None]]:
    with v.admin.vault.read() as s:
        return [
            (t, d)
            for t, d in s.execute(
                select(AuditEntry.target, AuditEntry.detail)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.seq)
            )
        ]


def student(v: Vault) -> Student:
    with v.admin.vault.read() as s:
        row = s.get(Student, v.student_id)
        assert row is not None
        s.expunge(row)
        return row


def raise_to(v: Vault, tier: int, **kw: Any) -> TierChangeResult:
    args: dict[str, Any] = {
        "to_tier": tier,
        "effective_on": local_today(),
        "reason": "访谈中情绪低落",
        "evidence_kind": "interview",
        "evidence": "面询记录",
        "now": NOW,
    }
    args.update(kw)
    return change_tier(v.counsellor, v.student_id, **args)


# -- concerns -------------------------------------------------------------------------------


def test_concern_opens_the_file_and_audits_ids_only(vault: Vault) -> None:
    assert student(vault).file_state == "none"
    cid = record_concern(
        vault.counsellor,
        vault.student_id,
        source="head_teacher",
        reporter="王班主任",
        description="上课哭泣，说不想活了",
        reported_on=local_today(),
    )
    s = student(vault)
    assert (s.file_state, s.keeper_id) == ("open", vault.counsellor_id)
    assert s.file_opened_at is not None
    with vault.admin.vault.read() as session:
        concern = session.get(Concern, cid)
        assert concern is not None
        assert (concern.source, concern.reporter) == ("head_teacher", "王班主任")
    ((target, detail),) = audits(vault, "concern.add")
    assert target == f"student:{vault.student_id}"
    assert detail == f"concern={cid} source=head_teacher file=opened"
    # A second concern keeps the file, its keeper and its opening date.
    record_concern(
        vault.counsellor,
        vault.student_id,
        source="peer",
        reporter="",
        description="同学反映",
        reported_on=local_today() - timedelta(days=3),
    )
    again = student(vault)
    assert (again.file_opened_at, again.keeper_id) == (s.file_opened_at, s.keeper_id)
    assert audits(vault, "concern.add")[1][1] == f"concern={cid + 1} source=peer"


CONCERN_OK: dict[str, Any] = {
    "source": "parent",
    "reporter": "李母",
    "description": "在家不说话",
    "reported_on": date(2026, 1, 5),
}
BAD_CONCERNS: list[tuple[str, dict[str, Any]]] = [
    ("source", {"source": "rumour"}),
    ("source", {"source": ""}),
    ("description", {"description": "  \n "}),
    ("description", {"description": None}),
    ("reported_on", {"reported_on": local_today() + timedelta(days=1)}),
    ("reported_on", {"reported_on": "2026-01-05"}),
]


@pytest.mark.parametrize(
    ("field", "change"), BAD_CONCERNS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_CONCERNS)]
)
def test_bad_concern_is_named_and_nothing_saved(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    shot = snapshot(vault)
    with pytest.raises(ValidationError) as caught:
        record_concern(vault.counsellor, vault.student_id, **{**CONCERN_OK, **change})
    assert caught.value.field == field
    assert snapshot(vault) == shot


# -- raising and lowering -------------------------------------------------------------------


def test_raise_0_to_3_creates_the_tier_3_list_with_persons(vault: Vault) -> None:
    result = raise_to(vault, 3)
    expected = [
        ("head_teacher", PERSONS["head_teacher"], NOW + HOUR),
        ("subject_teachers", PERSONS["subject_teachers"], NOW + HOUR),
        ("moral_education", PERSONS["moral_education"], NOW + HOUR),
        ("safety_office", PERSONS["safety_office"], NOW + HOUR),
        ("principal", PERSONS["principal"], NOW + HOUR),
        ("guardian", PERSONS["guardian"], NOW + 24 * HOUR),
        ("district", DISTRICT, NOW + 24 * HOUR),
    ]
    assert tasks_of(vault, result) == expected
    assert len(result.tasks) == 7
    s = student(vault)
    assert s.tier == 3
    assert s.next_follow_up == local_today() + timedelta(days=7)
    assert (s.file_state, s.keeper_id) == ("open", vault.counsellor_id)
    with vault.admin.vault.read() as session:
        change = session.get(TierChange, result.tier_change_id)
        assert change is not None
        assert (change.from_tier, change.to_tier, change.decided_by_id) == (
            0,
            3,
            vault.counsellor_id,
        )
    ((target, detail),) = audits(vault, "tier.change")
    assert (target, detail) == (f"student:{vault.student_id}", "from=0 to=3 tasks=7 file=opened")


def test_raise_1_to_2_creates_tier_2_list(vault: Vault) -> None:
    first = raise_to(vault, 1)
    assert tasks_of(vault, first) == [
        ("head_teacher", PERSONS["head_teacher"], NOW + 7 * 24 * HOUR),
        ("guardian", PERSONS["guardian"], NOW + 7 * 24 * HOUR),
    ]
    assert student(vault).next_follow_up == local_today() + timedelta(days=30)
    later = NOW + 5 * HOUR
    second = raise_to(vault, 2, now=later)
    assert tasks_of(vault, second) == [
        (role, PERSONS[role], later + 48 * HOUR)
        for role in ("head_teacher", "moral_education", "vice_principal", "guardian", "district")
    ]
    assert student(vault).next_follow_up == local_today() + timedelta(days=14)
    assert audits(vault, "tier.change")[-1][1] == "from=1 to=2 tasks=5"


def test_lowering_needs_a_review_and_creates_no_task(vault: Vault) -> None:
    raise_to(vault, 3)
    shot = snapshot(vault)
    for note in (None, "", "   "):
        with pytest.raises(ValidationError) as caught:
            raise_to(vault, 1, review_note=note)
        assert caught.value.field == "review_note"
        assert snapshot(vault) == shot
    effective = local_today() - timedelta(days=2)
    result = raise_to(vault, 1, review_note="研判：危机解除", effective_on=effective)
    assert result.tasks == ()
    assert tasks_of(vault, result) == []
    s = student(vault)
    assert s.tier == 1
    # The raise (today) is the latest decision: the follow-up counts from it, not from the
    # back-dated lowering, with the new tier's interval.
    assert s.next_follow_up == local_today() + timedelta(days=30)
    assert audits(vault, "tier.change")[-1][1] == "from=3 to=1 tasks=0"
    raise_to(vault, 0, review_note="结案前研判")
    assert student(vault).next_follow_up is None


def test_missing_persons_are_left_empty(tmp_path: Path) -> None:
    admin, _ = make_vault(tmp_path / "bare")
    try:
        with admin.vault.write() as s:
            lone = Student(name="孤", gender="F")
            s.add(lone)
            s.flush()
            sid = lone.id
        result = change_tier(
            admin,
            sid,
            to_tier=3,
            effective_on=local_today(),
            reason="r",
            evidence_kind="report",
            evidence="e",
        )
        with admin.vault.read() as s:
            persons = s.scalars(
                select(NotificationTask.person).where(NotificationTask.id.in_(result.tasks))
            ).all()
        assert persons == [""] * 7
    finally:
        admin.close()


TIER_OK: dict[str, Any] = {
    "to_tier": 2,
    "effective_on": date(2026, 1, 5),
    "reason": "筛查后访谈",
    "evidence_kind": "screening",
    "evidence": "PHQ-9 = 16",
}
BAD_TIERS: list[tuple[str, dict[str, Any]]] = [
    ("reason", {"reason": ""}),
    ("reason", {"reason": " \t"}),
    ("evidence", {"evidence": ""}),
    ("evidence", {"evidence": None}),
    ("evidence_kind", {"evidence_kind": "gossip"}),
    ("effective_on", {"effective_on": local_today() + timedelta(days=1)}),
    ("to_tier", {"to_tier": 4}),
    ("to_tier", {"to_tier": -1}),
    ("to_tier", {"to_tier": True}),
    ("to_tier", {"to_tier": 0}),  # the current tier
    ("now", {"now": "soon"}),
]


@pytest.mark.parametrize(
    ("field", "change"), BAD_TIERS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_TIERS)]
)
def test_bad_tier_change_is_named_and_nothing_saved(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    shot = snapshot(vault)
    with pytest.raises(ValidationError) as caught:
        change_tier(vault.counsellor, vault.student_id, **{**TIER_OK, **change})
    assert caught.value.field == field
    assert snapshot(vault) == shot


# -- tasks ----------------------------------------------------------------------------------


def test_complete_task_once_with_a_known_method(vault: Vault) -> None:
    result = raise_to(vault, 1)
    task_id = result.tasks[0]
    shot = snapshot(vault)
    for method in ("pigeon", "", None):
        with pytest.raises(ValidationError) as caught:
            complete_task(vault.counsellor, task_id, method=method)  # type: ignore[arg-type]
        assert caught.value.field == "method"
        assert snapshot(vault) == shot
    with pytest.raises(ValidationError) as caught:
        complete_task(vault.counsellor, task_id, method="phone", done_at=datetime(2099, 1, 1))
    assert caught.value.field == "done_at"
    with pytest.raises(ValidationError) as caught:
        complete_task(vault.counsellor, 9999, method="phone")
    assert caught.value.field == "task_id"
    assert snapshot(vault) == shot

    done = NOW + 2 * HOUR
    complete_task(
        vault.counsellor, task_id, method="phone", acknowledgement="王老师已知悉", done_at=done
    )
    with vault.admin.vault.read() as s:
        task = s.get(NotificationTask, task_id)
        assert task is not None
        assert (task.done_at, task.done_method, task.done_by_id, task.acknowledgement) == (
            done,
            "phone",
            vault.counsellor_id,
            "王老师已知悉",
        )
    assert audits(vault, "task.done") == [
        (f"task:{task_id}", f"student={vault.student_id} role=head_teacher method=phone")
    ]
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="already") as caught:
        complete_task(vault.counsellor, task_id, method="message")
    assert caught.value.field == "task_id"
    assert snapshot(vault) == shot


def test_audit_details_hold_no_names_or_notes(vault: Vault) -> None:
    record_concern(vault.counsellor, vault.student_id, **CONCERN_OK)
    result = raise_to(vault, 3)
    complete_task(vault.counsellor, result.tasks[-1], method="letter", acknowledgement="已回执")
    raise_to(vault, 2, review_note="研判记录")
    with vault.admin.vault.read() as s:
        details = " ".join(d or "" for d in s.scalars(select(AuditEntry.detail)))
    for text in (*PERSONS.values(), "张三", "在家不说话", "访谈", "面询", "研判", "已回执"):
        assert text not in details


def test_viewer_is_refused_everything(vault: Vault) -> None:
    task_id = raise_to(vault, 2).tasks[0]
    shot = snapshot(vault)
    with pytest.raises(PermissionDenied):
        record_concern(vault.viewer, vault.student_id, **CONCERN_OK)
    with pytest.raises(PermissionDenied):
        change_tier(vault.viewer, vault.student_id, **{**TIER_OK, "to_tier": 3})
    with pytest.raises(PermissionDenied):
        complete_task(vault.viewer, task_id, method="phone")
    assert snapshot(vault) == shot


# -- history property -----------------------------------------------------------------------


def test_tier_history_replays_and_only_raises_notify(tmp_path: Path) -> None:
    vaults = _vault(tmp_path)
    v = next(vaults)
    plan_sizes = {tier: len(notification_plan(Policy.default(), tier)) for tier in Tier}
    intervals = {0: None, 1: 30, 2: 14, 3: 7}

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        steps=st.lists(st.tuples(st.integers(0, 3), st.integers(0, 400), st.booleans()), max_size=8)
    )
    def run(steps: list[tuple[int, int, bool]]) -> None:
        sid = _add_student(v.admin, "随机")
        current = 0
        expected_tasks = 0
        latest: date | None = None  # the latest decision day: follow-up counts from it
        for to, days_ago, with_note in steps:
            effective = local_today() - timedelta(days=days_ago)
            call = {
                **TIER_OK,
                "to_tier": to,
                "effective_on": effective,
                "review_note": "研判" if with_note else None,
            }
            if to == current or (to < current and not with_note):
                with pytest.raises(ValidationError):
                    change_tier(v.counsellor, sid, **call)
                continue
            result = change_tier(v.counsellor, sid, **call)
            if to > current:
                assert len(result.tasks) == plan_sizes[Tier(to)]
                expected_tasks += plan_sizes[Tier(to)]
            else:
                assert result.tasks == ()
            current = to
            latest = effective if latest is None else max(latest, effective)
            with v.admin.vault.read() as s:
                row = s.get(Student, sid)
                assert row is not None
                days = intervals[to]
                assert row.next_follow_up == (
                    None if days is None else latest + timedelta(days=days)
                )
        with v.admin.vault.read() as s:
            history = s.scalars(
                select(TierChange).where(TierChange.student_id == sid).order_by(TierChange.id)
            ).all()
            replayed = 0
            for change in history:
                assert change.from_tier == replayed
                assert change.to_tier != replayed
                if change.to_tier < change.from_tier:
                    assert change.tasks == []
                    assert change.review_note
                else:
                    assert len(change.tasks) == plan_sizes[Tier(change.to_tier)]
                replayed = change.to_tier
            row = s.get(Student, sid)
            assert row is not None
            assert row.tier == replayed == current
            total = s.scalar(
                select(func.count())
                .select_from(NotificationTask)
                .where(NotificationTask.student_id == sid)
            )
            assert (
                total
                == expected_tasks
                == sum(plan_sizes[Tier(c.to_tier)] for c in history if c.to_tier > c.from_tier)
            )

    try:
        run()
    finally:
        next(vaults, None)
