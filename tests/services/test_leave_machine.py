"""One student through random sequences of leave, return, cancellation and sessions
(hypothesis state machine).

Each step is tried whether or not the rules allow it; a model says which should be refused,
and a refused step must change nothing. After every step the vault must agree with the model:

* the student's status is "on_leave" exactly while one of his leaves is open, and he never has
  two open leaves;
* his next follow-up is None exactly while he is on leave (he is at tier 2, so otherwise he
  always has one);
* every leave is in the state the model gave it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import func, select

from counselroom.domain.errors import ValidationError
from counselroom.services.casework import change_tier
from counselroom.services.context import Context
from counselroom.services.counselling import SessionInput, record_session
from counselroom.services.leave import ReturnInput, cancel_leave, record_return, start_leave
from counselroom.services.localtime import from_local, local_today
from counselroom.services.roles import Role
from counselroom.storage.models import AuditEntry, Leave, ReturnRecord, Student
from vault_fixtures import account, make_vault

TODAY = local_today()
ENROLLED = TODAY - timedelta(days=400)
NO_LEAVE = 10**6  # an id no leave has


class Contexts:
    def __init__(self, folder: Path) -> None:
        self.admin, _code = make_vault(folder)
        self.counsellor = account(self.admin, "lin", Role.COUNSELLOR, "林老师")


@pytest.fixture
def contexts(tmp_path: Path) -> Iterator[Contexts]:
    made = Contexts(tmp_path / "vault")
    try:
        yield made
    finally:
        made.admin.close()


def _machine(c: Contexts) -> type[RuleBasedStateMachine]:
    ctx: Context = c.counsellor

    class LeaveFile(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            with c.admin.vault.write() as s:
                student = Student(name="测试", gender="F", grade_level=8, enrolled_on=ENROLLED)
                s.add(student)
                s.flush()
                self.sid = student.id
            change_tier(
                ctx,
                self.sid,
                to_tier=2,
                effective_on=ENROLLED + timedelta(days=30),
                reason="访谈评估",
                evidence_kind="interview",
                evidence="面询记录",
            )
            self.states: dict[int, str] = {}  # leave id → state, as the model has it
            self.open: tuple[int, date] | None = None  # the open leave and its start
            self.last_return: date | None = None

        # -- helpers -------------------------------------------------------------------

        def snapshot(self) -> tuple[Any, ...]:
            with c.admin.vault.read() as s:
                student = s.get(Student, self.sid)
                assert student is not None
                leaves = s.execute(
                    select(Leave.__table__).where(Leave.student_id == self.sid).order_by(Leave.id)
                ).all()
                returns = s.execute(
                    select(ReturnRecord.__table__)
                    .join(Leave, Leave.id == ReturnRecord.leave_id)
                    .where(Leave.student_id == self.sid)
                    .order_by(ReturnRecord.id)
                ).all()
                audits = s.scalar(select(func.count()).select_from(AuditEntry))
                row = tuple(getattr(student, col.key) for col in Student.__table__.columns)
                return row, tuple(map(tuple, leaves)), tuple(map(tuple, returns)), audits

        def target(self, pick: int) -> int:
            """The open leave, or another of his leaves, or one that does not exist."""
            if self.open is not None and pick % 3:
                return self.open[0]
            ended = sorted(self.states)
            return ended[pick % len(ended)] if ended and pick % 5 else NO_LEAVE

        def refused(self, call: Any) -> None:
            before = self.snapshot()
            with pytest.raises(ValidationError):
                call()
            assert self.snapshot() == before

        # -- steps ---------------------------------------------------------------------

        @rule(days_ago=st.integers(0, 300), expected_in=st.one_of(st.none(), st.integers(1, 90)))
        def start(self, days_ago: int, expected_in: int | None) -> None:
            start_on = TODAY - timedelta(days=days_ago)
            expected = None if expected_in is None else start_on + timedelta(days=expected_in)

            def call() -> int:
                return start_leave(
                    ctx,
                    self.sid,
                    start_on=start_on,
                    certificate="住院证明",
                    reason="住院治疗",
                    expected_return_on=expected,
                )

            if self.open is not None or (
                self.last_return is not None and start_on < self.last_return
            ):
                self.refused(call)
                return
            leave_id = call()
            self.states[leave_id] = "on_leave"
            self.open = (leave_id, start_on)

        @rule(
            after_start=st.integers(-10, 120),
            meeting_gap=st.integers(0, 5),
            application_gap=st.integers(0, 10),
            certificate=st.booleans(),
            pick=st.integers(0, 1000),
        )
        def come_back(
            self,
            after_start: int,
            meeting_gap: int,
            application_gap: int,
            certificate: bool,
            pick: int,
        ) -> None:
            """Back some days after the open leave began (or, with none, a month ago); the
            application may fall before the start, which must be refused."""
            start = self.open[1] if self.open is not None else TODAY - timedelta(days=30)
            returned = min(TODAY, start + timedelta(days=after_start))
            meeting = returned - timedelta(days=meeting_gap)
            application = meeting - timedelta(days=application_gap)
            data = ReturnInput(
                returned_on=returned,
                application_on=application,
                meeting_on=meeting,
                assessment="情绪稳定",
                return_plan="每周面谈",
                watchers="班主任、心理委员",
                session_frequency="每周一次",
                recovery_certificate="复学证明" if certificate else None,
                missing_certificate_reason=None if certificate else "家长书面说明",
            )
            leave_id = self.target(pick)
            open_one = self.open is not None and leave_id == self.open[0]
            if not open_one or self.open is None or application < self.open[1]:
                self.refused(lambda: record_return(ctx, leave_id, data))
                return
            record_return(ctx, leave_id, data)
            self.states[leave_id] = "returned"
            self.open = None
            self.last_return = max(returned, self.last_return or returned)

        @rule(pick=st.integers(0, 1000))
        def cancel(self, pick: int) -> None:
            leave_id = self.target(pick)
            if self.open is None or leave_id != self.open[0]:
                self.refused(lambda: cancel_leave(ctx, leave_id, reason="录入错误"))
                return
            cancel_leave(ctx, leave_id, reason="录入错误")
            self.states[leave_id] = "cancelled"
            self.open = None

        @rule(days_ago=st.integers(1, 300))  # from yesterday: 10:00 today may be ahead
        def session(self, days_ago: int) -> None:
            """A session is allowed on leave too (a home visit); it never ends the pause."""
            started = from_local(datetime.combine(TODAY - timedelta(days=days_ago), time(10)))
            record_session(ctx, self.sid, SessionInput(started, 40, "individual"))

        # -- what must always hold -----------------------------------------------------

        @invariant()
        def status_matches_the_open_leave(self) -> None:
            with c.admin.vault.read() as s:
                student = s.get(Student, self.sid)
                assert student is not None
                open_ids = s.scalars(
                    select(Leave.id).where(Leave.student_id == self.sid, Leave.state == "on_leave")
                ).all()
                states = {
                    leave_id: state
                    for leave_id, state in s.execute(
                        select(Leave.id, Leave.state).where(Leave.student_id == self.sid)
                    )
                }
                on_leave = self.open is not None
                assert len(open_ids) <= 1
                assert (student.status == "on_leave") == bool(open_ids) == on_leave
                assert open_ids == ([self.open[0]] if self.open is not None else [])
                assert (student.next_follow_up is None) == on_leave
                assert states == self.states

    return LeaveFile


def test_random_leave_work_keeps_status_and_follow_up_consistent(contexts: Contexts) -> None:
    run_state_machine_as_test(
        _machine(contexts),
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
