"""Closure (结案) and reopening: computed facts, blockers, refusals that save nothing, the
dashboard and follow-up after each, and the history of closures kept row by row."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services.break_glass import record_break_glass
from counselroom.services.casework import change_tier, complete_task
from counselroom.services.closure import (
    ClosureInput,
    ClosurePreview,
    close_file,
    closure_preview,
    reopen_file,
)
from counselroom.services.context import Context
from counselroom.services.dashboard import dashboard
from counselroom.services.localtime import from_local, local_today
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.base import utcnow
from counselroom.storage.models import (
    AuditEntry,
    Closure,
    CounsellingSession,
    NotificationTask,
    ScreeningBatch,
    ScreeningResult,
    Student,
    TierChange,
)
from vault_fixtures import account, make_vault

TODAY = local_today()
DAY = timedelta(days=1)
OK = ClosureInput(
    closed_on=TODAY,
    reason="goals_met",
    goals_achieved="情绪稳定，能正常上课",
    evaluation="个案目标基本达成",
)


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context
    student_id: int
    counsellor_id: int


def _add_student(ctx: Context, **values: Any) -> int:
    with ctx.vault.write() as s:
        student = Student(name="张三", gender="M", grade_level=8, **values)
        s.add(student)
        s.flush()
        return student.id


def _vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    uid = counsellor.actor.user_id
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    sid = _add_student(admin)
    try:
        yield Vault(
            admin,
            counsellor,
            viewer,
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
        students = [
            tuple(getattr(row, c.key) for c in Student.__table__.columns)
            for row in s.scalars(select(Student).order_by(Student.id))
        ]
        closures = [
            tuple(getattr(row, c.key) for c in Closure.__table__.columns)
            for row in s.scalars(select(Closure).order_by(Closure.id))
        ]
        counts = tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (TierChange, NotificationTask, AuditEntry)
        )
        return students, closures, counts


def student(v: Vault, sid: int | None = None) -> Student:
    with v.admin.vault.read() as s:
        row = s.get(Student, sid or v.student_id)
        assert row is not None
        s.expunge(row)
        return row


def closures(v: Vault, sid: int | None = None) -> list[Closure]:
    with v.admin.vault.read() as s:
        rows = list(
            s.scalars(
                select(Closure)
                .where(Closure.student_id == (sid or v.student_id))
                .order_by(Closure.id)
            )
        )
        s.expunge_all()
        return rows


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


def set_tier(v: Vault, to: int, *, sid: int | None = None, on: date = TODAY) -> tuple[int, ...]:
    return change_tier(
        v.counsellor,
        sid or v.student_id,
        to_tier=to,
        effective_on=on,
        reason="访谈后研判",
        evidence_kind="interview",
        evidence="面询记录",
        review_note="研判",
    ).tasks


def complete_all(v: Vault, sid: int | None = None) -> None:
    with v.admin.vault.read() as s:
        open_ids = s.scalars(
            select(NotificationTask.id).where(
                NotificationTask.student_id == (sid or v.student_id),
                NotificationTask.done_at.is_(None),
            )
        ).all()
    for task_id in open_ids:
        complete_task(v.counsellor, task_id, method="phone")


def open_file(v: Vault, tier: int = 1) -> None:
    """An open file at ``tier`` with its notification tasks done: ready to close."""
    set_tier(v, tier)
    complete_all(v)


def backdate_opening(v: Vault, days: int) -> None:
    with v.admin.vault.write() as s:
        row = s.get(Student, v.student_id)
        assert row is not None
        row.file_opened_at = from_local(datetime.combine(TODAY - days * DAY, datetime.min.time()))


def add_session(v: Vault, day: date, risk: str = "none") -> int:
    with v.admin.vault.write() as s:
        row = CounsellingSession(
            student_id=v.student_id,
            started_at=from_local(
                datetime.combine(day, datetime.min.time()) + 9 * timedelta(hours=1)
            ),
            duration_min=40,
            kind="individual",
            risk_check=risk,
            counsellor_id=v.counsellor_id,
        )
        s.add(row)
        s.flush()
        return row.id


def add_result(
    v: Vault, instrument: str, on: date, total: int | None, *, valid: bool = True
) -> None:
    with v.admin.vault.write() as s:
        batch = ScreeningBatch(
            instrument=instrument, on=on, term="2026秋", created_by_id=v.counsellor_id
        )
        s.add(batch)
        s.flush()
        s.add(ScreeningResult(batch_id=batch.id, student_id=v.student_id, total=total, valid=valid))


# -- the preview ------------------------------------------------------------------------------


def test_preview_computes_sessions_scores_crisis_and_blockers(vault: Vault) -> None:
    assert closure_preview(vault.counsellor, vault.student_id) == ClosurePreview(
        sessions_count=0,
        last_scores=None,
        crisis_case=False,
        open_tasks=0,
        pending_break_glass=0,
        file_state="none",
    )
    tasks = set_tier(vault, 3)
    backdate_opening(vault, 90)
    for days_ago in (60, 30, 10):
        add_session(vault, TODAY - days_ago * DAY)
    risky = add_session(vault, TODAY - 5 * DAY, risk="self_harm")
    add_result(vault, "mht", TODAY - 80 * DAY, 58)
    add_result(vault, "mht", TODAY - 20 * DAY, 70, valid=False)  # lie scale: no score
    add_result(vault, "phq9", TODAY - 80 * DAY, 16)
    add_result(vault, "phq9", TODAY - 20 * DAY, 12)
    add_result(vault, "gad7", TODAY - 20 * DAY, 8)
    add_result(vault, "gad7", TODAY - 10 * DAY, None)  # no total: no score
    # Tier 3 then lowered: still a crisis case.
    complete_task(vault.counsellor, tasks[0], method="phone")
    set_tier(vault, 1)
    d80, d20 = (TODAY - 80 * DAY).isoformat(), (TODAY - 20 * DAY).isoformat()
    preview = closure_preview(vault.counsellor, vault.student_id)
    assert preview == ClosurePreview(
        sessions_count=4,
        last_scores=f"PHQ-9 12 ({d20}); GAD-7 8 ({d20}); MHT 58 ({d80})",
        crisis_case=True,
        open_tasks=len(tasks) - 1,
        pending_break_glass=1,
        file_state="open",
    )
    record_break_glass(
        vault.counsellor, risky, head_teacher_informed_at=utcnow(), guardian_informed_at=None
    )
    assert closure_preview(vault.counsellor, vault.student_id).pending_break_glass == 1
    record_break_glass(
        vault.counsellor, risky, head_teacher_informed_at=None, guardian_informed_at=utcnow()
    )
    assert closure_preview(vault.counsellor, vault.student_id).pending_break_glass == 0


def test_viewer_may_not_preview_close_or_reopen(vault: Vault) -> None:
    open_file(vault)
    shot = snapshot(vault)
    with pytest.raises(PermissionDenied):
        closure_preview(vault.viewer, vault.student_id)
    with pytest.raises(PermissionDenied):
        close_file(vault.viewer, vault.student_id, OK)
    assert snapshot(vault) == shot
    close_file(vault.counsellor, vault.student_id, OK)
    shot = snapshot(vault)
    with pytest.raises(PermissionDenied):
        reopen_file(vault.viewer, vault.student_id, reason="复发")
    assert snapshot(vault) == shot


# -- closing --------------------------------------------------------------------------------


def test_close_stores_the_computed_facts_and_keeps_the_tier(vault: Vault) -> None:
    open_file(vault, tier=2)
    backdate_opening(vault, 40)
    add_session(vault, TODAY - 20 * DAY)
    add_session(vault, TODAY - 6 * DAY)
    add_result(vault, "phq9", TODAY - 30 * DAY, 14)
    preview = closure_preview(vault.counsellor, vault.student_id)
    data = replace(OK, closed_on=TODAY - 2 * DAY, goals_not_achieved="  人际关系仍需改善 ")
    cid = close_file(vault.counsellor, vault.student_id, data)
    (row,) = closures(vault)
    assert row.id == cid
    assert (row.closed_on, row.reason, row.sessions_count, row.last_scores) == (
        TODAY - 2 * DAY,
        "goals_met",
        2,
        preview.last_scores,
    )
    assert row.last_scores == f"PHQ-9 14 ({(TODAY - 30 * DAY).isoformat()})"
    assert (row.goals_achieved, row.goals_not_achieved, row.evaluation) == (
        OK.goals_achieved,
        "人际关系仍需改善",
        OK.evaluation,
    )
    assert (row.district_evaluation, row.closed_by_id, row.reopened_at) == (
        None,
        vault.counsellor_id,
        None,
    )
    s = student(vault)
    assert (s.file_state, s.tier, s.next_follow_up) == ("closed", 2, None)
    assert audits(vault, "file.close") == [
        (f"student:{vault.student_id}", f"closure={cid} reason=goals_met sessions=2")
    ]
    assert closure_preview(vault.counsellor, vault.student_id).file_state == "closed"


def test_crisis_case_needs_the_district_evaluation(vault: Vault) -> None:
    open_file(vault, tier=3)
    set_tier(vault, 0)  # lowered long ago: still a crisis case
    shot = snapshot(vault)
    for missing in (None, "", "  "):
        with pytest.raises(ValidationError) as caught:
            close_file(vault.counsellor, vault.student_id, replace(OK, district_evaluation=missing))
        assert caught.value.field == "district_evaluation"
        assert snapshot(vault) == shot
    cid = close_file(
        vault.counsellor, vault.student_id, replace(OK, district_evaluation="区教委同意结案")
    )
    assert closures(vault)[0].district_evaluation == "区教委同意结案"
    assert closures(vault)[0].id == cid


BAD_CLOSURES: list[tuple[str, dict[str, Any]]] = [
    ("closed_on", {"closed_on": TODAY + DAY}),
    ("closed_on", {"closed_on": TODAY - DAY}),  # before the file was opened (today)
    ("closed_on", {"closed_on": datetime.combine(TODAY, datetime.min.time())}),
    ("closed_on", {"closed_on": TODAY.isoformat()}),
    ("reason", {"reason": "bored"}),
    ("reason", {"reason": ""}),
    ("goals_achieved", {"goals_achieved": " \n"}),
    ("goals_achieved", {"goals_achieved": None}),
    ("evaluation", {"evaluation": ""}),
    ("evaluation", {"evaluation": "含\x00字符"}),
    ("goals_not_achieved", {"goals_not_achieved": 5}),
    ("district_evaluation", {"district_evaluation": "x" * 20_001}),
]


@pytest.mark.parametrize(
    ("field", "change"), BAD_CLOSURES, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_CLOSURES)]
)
def test_bad_closure_is_named_and_nothing_saved(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    open_file(vault)
    shot = snapshot(vault)
    with pytest.raises(ValidationError) as caught:
        close_file(vault.counsellor, vault.student_id, replace(OK, **change))
    assert caught.value.field == field
    assert snapshot(vault) == shot


def test_only_an_open_file_is_closed(vault: Vault) -> None:
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="has no file"):
        close_file(vault.counsellor, vault.student_id, OK)
    with pytest.raises(CounselRoomError, match="no student"):
        close_file(vault.counsellor, 9999, OK)
    assert snapshot(vault) == shot
    open_file(vault)
    close_file(vault.counsellor, vault.student_id, OK)
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="already closed") as caught:
        close_file(vault.counsellor, vault.student_id, OK)
    assert caught.value.record == f"student {vault.student_id}"
    assert snapshot(vault) == shot


def test_open_tasks_and_pending_break_glass_block_the_closure(vault: Vault) -> None:
    tasks = set_tier(vault, 1)
    assert len(tasks) == 2
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="2 notification tasks are not done"):
        close_file(vault.counsellor, vault.student_id, OK)
    assert snapshot(vault) == shot
    complete_task(vault.counsellor, tasks[0], method="phone")
    # yesterday at 09:00: a session today at 09:00 would still be ahead before 09:00, and
    # informing "now" would then precede the session it follows
    risky = add_session(vault, TODAY - DAY, risk="harm_others")
    shot = snapshot(vault)
    with pytest.raises(ValidationError) as caught:
        close_file(vault.counsellor, vault.student_id, OK)
    assert "1 notification task is not done" in caught.value.message
    assert "1 session needs the break-glass informing" in caught.value.message
    assert snapshot(vault) == shot
    complete_task(vault.counsellor, tasks[1], method="message")
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="1 session needs") as caught:
        close_file(vault.counsellor, vault.student_id, OK)
    assert "notification" not in caught.value.message
    assert snapshot(vault) == shot
    record_break_glass(
        vault.counsellor, risky, head_teacher_informed_at=utcnow(), guardian_informed_at=utcnow()
    )
    close_file(vault.counsellor, vault.student_id, OK)
    assert student(vault).file_state == "closed"


def test_closed_file_leaves_the_dashboard_refuses_tiers_and_reopening_brings_it_back(
    vault: Vault,
) -> None:
    set_tier(vault, 2, on=TODAY - 30 * DAY)
    complete_all(vault)
    before = dashboard(vault.counsellor, TODAY)
    assert [i.student_id for i in before.follow_ups] == [vault.student_id]
    assert [i.student_id for i in before.never_followed] == [vault.student_id]
    close_file(vault.counsellor, vault.student_id, OK)
    after = dashboard(vault.counsellor, TODAY)
    assert after.follow_ups == () and after.never_followed == ()
    assert dashboard(vault.counsellor, TODAY + 60 * DAY).follow_ups == ()
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="closed"):
        set_tier(vault, 3)
    assert snapshot(vault) == shot

    reopen_file(vault.counsellor, vault.student_id, reason="期末复发，班主任反映")
    s = student(vault)
    assert (s.file_state, s.tier) == ("open", 2)
    assert s.next_follow_up == TODAY + 14 * DAY  # tier 2's interval from the reopening
    assert [i.student_id for i in dashboard(vault.counsellor, TODAY).never_followed] == [
        vault.student_id
    ]
    due = dashboard(vault.counsellor, TODAY + 14 * DAY).follow_ups
    assert [(i.student_id, i.due) for i in due] == [(vault.student_id, TODAY + 14 * DAY)]
    set_tier(vault, 3)  # case work is accepted again
    assert student(vault).tier == 3


# -- reopening --------------------------------------------------------------------------------


def test_close_reopen_close_keeps_every_closure(vault: Vault) -> None:
    set_tier(vault, 1, on=TODAY - 30 * DAY)
    complete_all(vault)
    backdate_opening(vault, 30)
    first = close_file(vault.counsellor, vault.student_id, replace(OK, closed_on=TODAY - 20 * DAY))
    reopen_file(
        vault.counsellor, vault.student_id, reason="家长来电：又出现厌学", today=TODAY - 10 * DAY
    )
    s = student(vault)
    # The reopening, later than the tier decision, is what tier 1's month counts from.
    assert (s.file_state, s.next_follow_up) == ("open", TODAY - 10 * DAY + 30 * DAY)
    assert audits(vault, "file.reopen") == [(f"student:{vault.student_id}", f"closure={first}")]
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="reopened") as caught:  # before the reopening
        close_file(vault.counsellor, vault.student_id, replace(OK, closed_on=TODAY - 11 * DAY))
    assert caught.value.field == "closed_on"
    assert snapshot(vault) == shot
    add_session(vault, TODAY - 5 * DAY)
    second = close_file(vault.counsellor, vault.student_id, replace(OK, reason="graduated"))
    one, two = closures(vault)
    assert (one.id, two.id) == (first, second)
    assert one.reopen_reason == "家长来电：又出现厌学"
    assert one.reopened_by_id == vault.counsellor_id
    assert one.reopened_at is not None
    assert (one.reopened_at + timedelta(hours=8)).date() == TODAY - 10 * DAY
    assert (one.closed_on, one.sessions_count) == (TODAY - 20 * DAY, 0)
    assert (two.reason, two.sessions_count, two.reopened_at, two.reopen_reason) == (
        "graduated",
        1,
        None,
        None,
    )
    assert student(vault).file_state == "closed"
    reopen_file(vault.counsellor, vault.student_id, reason="再次开案")
    one_again, two_again = closures(vault)
    assert one_again.reopened_at == one.reopened_at  # the first reopening is never overwritten
    assert two_again.reopen_reason == "再次开案"


BAD_REOPENS: list[tuple[str, dict[str, Any]]] = [
    ("reason", {"reason": ""}),
    ("reason", {"reason": "   "}),
    ("reason", {"reason": None}),
    ("today", {"today": TODAY + DAY}),
    ("today", {"today": TODAY - 6 * DAY}),  # before the closure
    ("today", {"today": "today"}),
]


@pytest.mark.parametrize(
    ("field", "change"), BAD_REOPENS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_REOPENS)]
)
def test_bad_reopen_is_named_and_nothing_saved(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    open_file(vault)
    backdate_opening(vault, 10)
    close_file(vault.counsellor, vault.student_id, replace(OK, closed_on=TODAY - 5 * DAY))
    shot = snapshot(vault)
    with pytest.raises(ValidationError) as caught:
        reopen_file(vault.counsellor, vault.student_id, **{"reason": "复发", **change})
    assert caught.value.field == field
    assert snapshot(vault) == shot


def test_only_a_closed_file_with_its_closure_is_reopened(vault: Vault) -> None:
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="has no file"):
        reopen_file(vault.counsellor, vault.student_id, reason="复发")
    open_file(vault)
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="is open"):
        reopen_file(vault.counsellor, vault.student_id, reason="复发")
    assert snapshot(vault) == shot
    # A file marked closed without its closure row (odd imported data): the reason would have
    # nowhere to go, so the reopening is refused rather than lost.
    with vault.admin.vault.write() as s:
        row = s.get(Student, vault.student_id)
        assert row is not None
        row.file_state = "closed"
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="no closure record"):
        reopen_file(vault.counsellor, vault.student_id, reason="复发")
    assert snapshot(vault) == shot


def test_audit_details_hold_no_text(vault: Vault) -> None:
    open_file(vault, tier=3)
    close_file(vault.counsellor, vault.student_id, replace(OK, district_evaluation="区县评估"))
    reopen_file(vault.counsellor, vault.student_id, reason="复发原因")
    with vault.admin.vault.read() as s:
        details = " ".join(d or "" for d in s.scalars(select(AuditEntry.detail)))
    for text in ("张三", OK.goals_achieved, OK.evaluation, "区县评估", "复发原因"):
        assert text not in details


# -- property -------------------------------------------------------------------------------

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("tier"), st.integers(0, 3)),
        st.tuples(st.just("complete"), st.just(0)),
        st.tuples(st.just("close"), st.just(0)),
        st.tuples(st.just("reopen"), st.just(0)),
    ),
    max_size=12,
)


def test_file_state_and_follow_up_stay_consistent(tmp_path: Path) -> None:
    vaults = _vault(tmp_path)
    v = next(vaults)
    done = replace(OK, district_evaluation="区县结案评估")

    def check(sid: int, state: str, tier: int, closes: int) -> None:
        s = student(v, sid)
        assert (s.file_state, s.tier) == (state, tier)
        if state != "open":
            assert s.next_follow_up is None
        elif tier >= 1:
            assert s.next_follow_up is not None
        rows = closures(v, sid)
        assert len(rows) == closes
        # Every closure but a current one has been reopened.
        assert all(r.reopened_at is not None for r in rows[: closes - (state == "closed")])
        if state == "closed":
            assert rows[-1].reopened_at is None

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(steps=STEPS)
    def run(steps: list[tuple[str, int]]) -> None:
        sid = _add_student(v.admin)
        state, tier, closes = "none", 0, 0
        for op, arg in steps:
            with v.admin.vault.read() as s:
                open_tasks = s.scalar(
                    select(func.count(NotificationTask.id)).where(
                        NotificationTask.student_id == sid, NotificationTask.done_at.is_(None)
                    )
                )
            if op == "tier":
                if state == "closed" or arg == tier:
                    with pytest.raises(ValidationError):
                        set_tier(v, arg, sid=sid)
                else:
                    set_tier(v, arg, sid=sid)
                    state, tier = "open", arg
            elif op == "complete":
                complete_all(v, sid)
            elif op == "close":
                if state != "open" or open_tasks:
                    with pytest.raises(ValidationError):
                        close_file(v.counsellor, sid, done)
                else:
                    close_file(v.counsellor, sid, done)
                    state, closes = "closed", closes + 1
            elif state == "closed":
                reopen_file(v.counsellor, sid, reason="复发")
                state = "open"
            else:
                with pytest.raises(ValidationError):
                    reopen_file(v.counsellor, sid, reason="复发")
            check(sid, state, tier, closes)

    try:
        run()
    finally:
        next(vaults, None)
