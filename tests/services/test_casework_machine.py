"""One file through random sequences of case work (hypothesis state machine).

Tier decisions, sessions (recorded, edited, signed, amended, with risk found or not), time
passing, closure and reopening, in any order. After every step the vault must agree with a
model of what happened:

* the tier history replays from tier 0 to the current tier, each step from the tier before it;
* every raise created exactly its policy's notification tasks, no lowering created any;
* an open file at tier 1–3 has a follow-up no later than the tier's interval after the last
  contact or decision allows; a closed file has none;
* a session, once locked (signed or 24 hours old), never changes again;
* a viewer gets the tier and the required actions, never notes or plans.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.policy import Policy, notification_plan
from counselroom.domain.session_lock import is_locked
from counselroom.domain.tiers import Tier
from counselroom.services.break_glass import pending_break_glass, record_break_glass
from counselroom.services.casework import change_tier, complete_task
from counselroom.services.closure import ClosureInput, close_file, reopen_file
from counselroom.services.context import Context
from counselroom.services.counselling import (
    SessionInput,
    amend_session,
    edit_session,
    record_session,
    sign_session,
)
from counselroom.services.localtime import local_date, local_today
from counselroom.services.roles import Role
from counselroom.services.student_file import open_student_file
from counselroom.storage.base import utcnow
from counselroom.storage.models import CounsellingSession, NotificationTask, Student, TierChange
from vault_fixtures import account, make_vault

POLICY = Policy.default()
INTERVAL_DAYS = {0: None, 1: 30, 2: 14, 3: 7}
START = (utcnow() - timedelta(days=25)).replace(microsecond=0)


class Contexts:
    def __init__(self, folder: Path) -> None:
        self.admin, _code = make_vault(folder)
        self.counsellor = account(self.admin, "lin", Role.COUNSELLOR, "林老师")
        self.viewer = account(self.admin, "ban", Role.VIEWER, "班主任")


@pytest.fixture
def contexts(tmp_path: Path) -> Iterator[Contexts]:
    made = Contexts(tmp_path / "vault")
    try:
        yield made
    finally:
        made.admin.close()


def _row(ctx: Context, session_id: int) -> tuple[Any, ...]:
    with ctx.vault.read() as s:
        return tuple(
            s.execute(
                select(CounsellingSession.__table__).where(CounsellingSession.id == session_id)
            ).one()
        )


def _machine(c: Contexts) -> type[RuleBasedStateMachine]:
    class CaseFile(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            with c.admin.vault.write() as s:
                student = Student(
                    name="测试", gender="F", grade_level=8, enrolled_on=date(2024, 9, 1)
                )
                s.add(student)
                s.flush()
                self.sid = student.id
            self.clock = START
            self.tier = 0
            self.state = "none"
            self.sessions: list[int] = []
            self.locked_rows: dict[int, tuple[Any, ...]] = {}

        # -- steps ---------------------------------------------------------------------

        @rule(hours=st.integers(1, 40))
        def time_passes(self, hours: int) -> None:
            self.clock = min(self.clock + timedelta(hours=hours), utcnow())

        @rule(to=st.integers(0, 3), with_note=st.booleans(), days_ago=st.integers(0, 30))
        def decide_tier(self, to: int, with_note: bool, days_ago: int) -> None:
            call = {
                "to_tier": to,
                "effective_on": local_today() - timedelta(days=days_ago),
                "reason": "访谈评估",
                "evidence_kind": "interview",
                "evidence": "面询记录",
                "review_note": "研判：好转" if with_note else None,
                "now": self.clock,
            }
            refused = (
                self.state == "closed" or to == self.tier or (to < self.tier and not with_note)
            )
            if refused:
                with pytest.raises(ValidationError):
                    change_tier(c.counsellor, self.sid, **call)
                return
            result = change_tier(c.counsellor, self.sid, **call)
            expected = len(notification_plan(POLICY, Tier(to))) if to > self.tier else 0
            assert len(result.tasks) == expected
            self.tier = to
            if self.state == "none":
                self.state = "open"

        @rule(
            risk=st.sampled_from(["none", "none", "self_harm", "harm_others"]),
            back_hours=st.integers(0, 30),
            appointment_days=st.one_of(st.none(), st.integers(1, 60)),
        )
        def record(self, risk: str, back_hours: int, appointment_days: int | None) -> None:
            started = self.clock - timedelta(hours=back_hours)
            data = SessionInput(
                started_at=started,
                duration_min=40,
                kind="individual",
                presenting="情绪低落",
                risk_check=risk,
                next_appointment=(
                    None if appointment_days is None else started + timedelta(days=appointment_days)
                ),
            )
            if self.state == "closed":
                with pytest.raises(ValidationError):
                    record_session(c.counsellor, self.sid, data, now=self.clock)
                return
            saved = record_session(c.counsellor, self.sid, data, now=self.clock)
            assert saved.break_glass_required == (risk != "none")
            self.sessions.append(saved.session_id)
            self.state = "open"

        @precondition(lambda self: bool(self.sessions))
        @rule(pick=st.integers(0, 1000), field=st.sampled_from(["observation", "assessment"]))
        def edit(self, pick: int, field: str) -> None:
            sid = self.sessions[pick % len(self.sessions)]
            before = _row(c.counsellor, sid)
            columns = list(CounsellingSession.__table__.columns.keys())
            values = dict(zip(columns, before, strict=True))
            unlocked = not is_locked(values["signed_at"], values["created_at"], self.clock)
            fields = {
                name: values[name]
                for name in (
                    "started_at",
                    "duration_min",
                    "kind",
                    "presenting",
                    "observation",
                    "assessment",
                    "plan_text",
                    "risk_check",
                    "next_appointment",
                )
            }
            fields[field] += "；补充"
            data = SessionInput(**fields)
            token = values["updated_at"] or values["created_at"]
            try:
                edit_session(c.counsellor, sid, data, expected_updated_at=token, now=self.clock)
            except CounselRoomError:
                assert not unlocked or self.state == "closed"
                return
            assert unlocked and self.state != "closed"

        @precondition(lambda self: bool(self.sessions))
        @rule(pick=st.integers(0, 1000))
        def sign(self, pick: int) -> None:
            sid = self.sessions[pick % len(self.sessions)]
            values = dict(
                zip(
                    CounsellingSession.__table__.columns.keys(),
                    _row(c.counsellor, sid),
                    strict=True,
                )
            )
            unlocked = not is_locked(values["signed_at"], values["created_at"], self.clock)
            try:
                sign_session(c.counsellor, sid, now=self.clock)
            except CounselRoomError:
                assert not unlocked or self.state == "closed"
                return
            assert unlocked

        @precondition(lambda self: bool(self.sessions))
        @rule(pick=st.integers(0, 1000))
        def amend(self, pick: int) -> None:
            sid = self.sessions[pick % len(self.sessions)]
            values = dict(
                zip(
                    CounsellingSession.__table__.columns.keys(),
                    _row(c.counsellor, sid),
                    strict=True,
                )
            )
            locked = is_locked(values["signed_at"], values["created_at"], self.clock)
            call = {"field": "assessment", "text": "后续补记", "reason": "家长补充信息"}
            if not locked:
                with pytest.raises(ValidationError):
                    amend_session(c.counsellor, sid, now=self.clock, **call)
                return
            amend_session(c.counsellor, sid, now=self.clock, **call)

        @precondition(lambda self: self.state == "open")
        @rule()
        def settle_and_close(self) -> None:
            """Tell everyone who must be told, then close: a closure needs both done."""
            with c.admin.vault.read() as s:
                open_tasks = s.scalars(
                    select(NotificationTask.id).where(
                        NotificationTask.student_id == self.sid,
                        NotificationTask.done_at.is_(None),
                    )
                ).all()
                pending = pending_break_glass(s, [self.sid])
            for task_id in open_tasks:
                complete_task(c.counsellor, task_id, method="phone", done_at=self.clock)
            for item in pending:
                told = max(item.started_at, self.clock)
                record_break_glass(
                    c.counsellor,
                    item.session_id,
                    head_teacher_informed_at=told,
                    guardian_informed_at=told,
                )
            with c.admin.vault.read() as s:
                crisis = (
                    s.scalar(
                        select(TierChange.id).where(
                            TierChange.student_id == self.sid,
                            (TierChange.to_tier == 3) | (TierChange.from_tier == 3),
                        )
                    )
                    is not None
                )
            close_file(
                c.counsellor,
                self.sid,
                ClosureInput(
                    closed_on=local_today(),
                    reason="goals_met",
                    goals_achieved="情绪稳定",
                    evaluation="目标达成",
                    district_evaluation="区县评估同意结案" if crisis else None,
                ),
            )
            self.state = "closed"

        @precondition(lambda self: self.state == "closed")
        @rule()
        def reopen(self) -> None:
            reopen_file(c.counsellor, self.sid, reason="再次出现情绪问题")
            self.state = "open"

        # -- what must always hold -----------------------------------------------------------

        @invariant()
        def history_replays_and_tasks_match(self) -> None:
            with c.admin.vault.read() as s:
                student = s.get(Student, self.sid)
                assert student is not None
                assert student.tier == self.tier
                assert student.file_state == self.state
                replayed = 0
                for change in s.scalars(
                    select(TierChange)
                    .where(TierChange.student_id == self.sid)
                    .order_by(TierChange.id)
                ):
                    assert change.from_tier == replayed
                    roles = sorted(task.recipient_role for task in change.tasks)
                    if change.to_tier > change.from_tier:
                        plan = notification_plan(POLICY, Tier(change.to_tier))
                        assert roles == sorted(r.role.value for r in plan)
                    else:
                        assert roles == []
                        assert change.review_note
                    replayed = change.to_tier
                assert replayed == self.tier

        @invariant()
        def follow_up_within_the_tier_interval(self) -> None:
            with c.admin.vault.read() as s:
                student = s.get(Student, self.sid)
                assert student is not None
                due = student.next_follow_up
                if self.state != "open":
                    assert due is None
                    return
                days = INTERVAL_DAYS[self.tier]
                if days is None:
                    return
                assert due is not None
                anchors = [
                    local_date(at)
                    for at in s.scalars(
                        select(CounsellingSession.started_at).where(
                            CounsellingSession.student_id == self.sid
                        )
                    )
                ]
                anchors += list(
                    s.scalars(
                        select(TierChange.effective_on).where(TierChange.student_id == self.sid)
                    )
                )
                anchors.append(local_today())  # a reopening counts from its day
                assert due <= max(anchors) + timedelta(days=days)

        @invariant()
        def locked_sessions_never_change(self) -> None:
            for sid in self.sessions:
                row = _row(c.counsellor, sid)
                values = dict(zip(CounsellingSession.__table__.columns.keys(), row, strict=True))
                if sid in self.locked_rows:
                    assert row == self.locked_rows[sid], f"locked session {sid} changed"
                elif is_locked(values["signed_at"], values["created_at"], self.clock):
                    self.locked_rows[sid] = row

        @invariant()
        def viewer_sees_tier_and_actions_only(self) -> None:
            if self.state == "none":
                return
            seen = open_student_file(c.viewer, self.sid)
            assert seen.restricted
            assert seen.header.tier == self.tier
            assert seen.plans is None and seen.sessions is None and seen.concerns is None
            assert len(seen.tier_history) >= (1 if self.tier else 0)

    return CaseFile


def test_random_case_work_keeps_the_file_consistent(contexts: Contexts) -> None:
    run_state_machine_as_test(
        _machine(contexts),
        settings=settings(
            max_examples=25,
            stateful_step_count=18,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
