"""Referrals through the real services in random order (hypothesis state machine), and every
path of the state diagram from proposal to its end.

Any step may be asked of any referral on any day near its last one, from a current or a stale
form; consents may be withdrawn. The vault must agree with a model of what was accepted:

* a step is accepted exactly when the diagram allows it, its day is not before the previous
  step's nor in the future, the form was not stale, and feedback has a visit day;
* a refused step changes nothing (every row of the touched tables compared);
* the recorded steps form a path of the diagram from "proposed" to the current state, their
  days never go back, and the date columns are the days of their steps;
* nothing is sent without a guardian's consent recorded on or before the sending day.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
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
from referral_support import GUARDIAN_CONSENT
from sqlalchemy import select

from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.domain.referral_flow import FINAL_STATES, STEP_ORDER, TRANSITIONS
from counselroom.services.consents import withdraw_consent
from counselroom.services.context import Context
from counselroom.services.institutions import InstitutionInput, add_institution
from counselroom.services.localtime import local_today
from counselroom.services.referrals import (
    ask_referral_consent,
    close_referral,
    mark_referral_seen,
    mark_referral_sent,
    propose_referral,
    record_referral_consent,
    record_referral_feedback,
    withdraw_referral,
)
from counselroom.services.roles import Role
from counselroom.storage.base import Base
from counselroom.storage.models import AuditEntry, Consent, Referral, ReferralEvent, Student
from vault_fixtures import account, make_vault

TARGETS = [s for s in STEP_ORDER if s != "proposed"]
DATE_COLUMN = {"sent": "sent_on", "seen": "seen_on", "feedback": "feedback_on"}


class Contexts:
    def __init__(self, folder: Path) -> None:
        self.admin, _code = make_vault(folder)
        self.counsellor = account(self.admin, "lin", Role.COUNSELLOR, "林老师")
        self.hospital = add_institution(
            self.admin, InstitutionInput(kind="hospital", name="市精神卫生中心")
        )


@pytest.fixture
def contexts(tmp_path: Path) -> Iterator[Contexts]:
    made = Contexts(tmp_path / "vault")
    try:
        yield made
    finally:
        made.admin.close()


def _new_student(ctx: Context) -> int:
    with ctx.vault.write() as s:
        student = Student(
            name="测试",
            gender="F",
            grade_level=8,
            birth_date=date(2012, 5, 1),
            enrolled_on=date(2024, 9, 1),
        )
        s.add(student)
        s.flush()
        return student.id


def _snapshot(ctx: Context) -> dict[str, list[tuple[Any, ...]]]:
    def rows(model: type[Base]) -> list[tuple[Any, ...]]:
        table = model.__table__
        return [tuple(r) for r in s.execute(select(table).order_by(*table.primary_key))]

    with ctx.vault.read() as s:
        return {
            m.__name__: rows(m) for m in (Student, Referral, ReferralEvent, Consent, AuditEntry)
        }


def _step(
    ctx: Context, rid: int, target: str, day: date, expected: str | None, seen_on: date | None
) -> None:
    """Ask the service that records ``target``."""
    if target == "consent_pending":
        ask_referral_consent(ctx, rid, on=day, expected_state=expected)
    elif target in ("consent_given", "consent_refused"):
        given = target == "consent_given"
        data = replace(GUARDIAN_CONSENT, on=day, given=given, witness=None if given else "王班主任")
        record_referral_consent(ctx, rid, data, expected)
    elif target == "sent":
        mark_referral_sent(ctx, rid, on=day, expected_state=expected)
    elif target == "seen":
        mark_referral_seen(ctx, rid, on=day, expected_state=expected)
    elif target == "feedback":
        record_referral_feedback(
            ctx, rid, on=day, feedback_text="门诊随访", seen_on=seen_on, expected_state=expected
        )
    elif target == "closed":
        close_referral(ctx, rid, on=day, expected_state=expected)
    else:
        withdraw_referral(ctx, rid, on=day, reason="家长决定暂缓", expected_state=expected)


def _check_history(ctx: Context, rid: int) -> list[tuple[str, date]]:
    """The properties every referral's recorded steps keep; returns (state, on) per step."""
    with ctx.vault.read() as s:
        referral = s.get(Referral, rid)
        assert referral is not None
        steps = [(e.state, e.on) for e in referral.events]
        values = {c.key: getattr(referral, c.key) for c in Referral.__table__.columns}
        consent = None if referral.consent_id is None else s.get(Consent, referral.consent_id)
        consent_values = None if consent is None else (consent.given, consent.on)
    states = [state for state, _ in steps]
    days = [day for _, day in steps]
    assert states[0] == "proposed" and days[0] == values["proposed_on"]
    for before, after in itertools.pairwise(states):
        assert after in TRANSITIONS[before], states
    assert states[-1] == values["state"]
    assert days == sorted(days) and days[-1] <= local_today()
    for state, column in DATE_COLUMN.items():
        assert values[column] == dict(steps).get(state), column
    ends = [day for state, day in steps if state in FINAL_STATES]
    assert values["closed_on"] == (ends[0] if ends else None)
    if values["sent_on"] is not None:
        assert "consent_given" in states[: states.index("sent")]
        assert consent_values is not None and consent_values[0] is True
        assert consent_values[1] <= values["sent_on"]
    return steps


@dataclass
class Model:
    state: str = "proposed"
    last_on: date = date.min
    seen_on: date | None = None
    consent: tuple[int, date] | None = None  # the given consent (id, day) not withdrawn
    withdrawn_consents: list[int] = field(default_factory=list)


def _machine(c: Contexts) -> type[RuleBasedStateMachine]:
    class ReferralFlow(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.sid = _new_student(c.admin)
            self.referrals: dict[int, Model] = {}

        def _refused(
            self,
            call: Callable[[], object],
            error: type[Exception] | tuple[type[Exception], ...],
        ) -> None:
            shot = _snapshot(c.admin)
            with pytest.raises(error):
                call()
            assert _snapshot(c.admin) == shot

        @precondition(lambda self: len(self.referrals) < 3)
        @rule(days_ago=st.integers(25, 60))
        def propose(self, days_ago: int) -> None:
            day = local_today() - timedelta(days=days_ago)
            rid = propose_referral(
                c.counsellor,
                self.sid,
                institution_id=c.hospital,
                urgency="urgent",
                reason="持续失眠",
                on=day,
            )
            self.referrals[rid] = Model(last_on=day)

        def _pick(self, pick: int) -> int:
            return sorted(self.referrals)[pick % len(self.referrals)]

        @precondition(lambda self: bool(self.referrals))
        @rule(
            pick=st.integers(0, 2),
            wanted=st.sampled_from(TARGETS),
            delta=st.integers(-3, 8),
            seen_delta=st.one_of(st.none(), st.integers(-2, 4)),
            stale=st.one_of(st.none(), st.sampled_from(STEP_ORDER)),
        )
        def any_step(
            self, pick: int, wanted: str, delta: int, seen_delta: int | None, stale: str | None
        ) -> None:
            """Any step, often illegal, on any day near the last one, from any form."""
            self._try(self._pick(pick), wanted, delta, seen_delta, stale)

        @precondition(
            lambda self: any(m.state not in FINAL_STATES for m in self.referrals.values())
        )
        @rule(
            pick=st.integers(0, 2),
            choice=st.integers(0, 3),
            delta=st.integers(0, 4),
            seen_delta=st.integers(0, 2),
        )
        def next_step(self, pick: int, choice: int, delta: int, seen_delta: int) -> None:
            """One of the steps the diagram offers next, from a current form: moves along."""
            open_ones = sorted(r for r, m in self.referrals.items() if m.state not in FINAL_STATES)
            rid = open_ones[pick % len(open_ones)]
            offered = TRANSITIONS[self.referrals[rid].state]
            # forward only: any_step and the consent's withdrawal end referrals often enough
            forward = [t for t in offered if t != "withdrawn"] or list(offered)
            wanted = forward[choice % len(forward)]
            self._try(rid, wanted, delta, seen_delta, self.referrals[rid].state)

        def _try(
            self, rid: int, target: str, delta: int, seen_delta: int | None, stale: str | None
        ) -> None:
            model = self.referrals[rid]
            seen_on = None if seen_delta is None else model.last_on + timedelta(days=seen_delta)
            previous = seen_on if (target == "feedback" and model.state == "sent") else None
            day = (previous or model.last_on) + timedelta(days=delta)
            call = lambda: _step(c.counsellor, rid, target, day, stale, seen_on)  # noqa: E731
            today = local_today()
            if stale is not None and stale != model.state:
                # a form opened on another state is refused; a day outside the file's range
                # may be refused first, for that reason instead (both change nothing)
                dated = model.last_on <= day <= today
                self._refused(
                    call, StaleRecordError if dated else (StaleRecordError, ValidationError)
                )
                return
            # feedback straight from "sent" is the one shortcut: with a seen day it records the
            # seen step first
            shortcut = target == "feedback" and model.state == "sent"
            allowed = target in TRANSITIONS[model.state] or shortcut
            ok = allowed and model.last_on <= day <= today
            if shortcut:
                ok = ok and seen_on is not None and model.last_on <= seen_on <= day
            if target == "feedback" and model.state == "seen" and seen_on is not None:
                ok = ok and seen_on == model.seen_on
            if not ok:
                self._refused(call, ValidationError)
                return
            call()
            if target == "feedback" and model.state == "sent":
                model.seen_on = seen_on
            if target == "seen":
                model.seen_on = day
            if target == "consent_given":
                with c.admin.vault.read() as s:
                    consent_id = s.scalar(select(Referral.consent_id).where(Referral.id == rid))
                assert consent_id is not None
                model.consent = (consent_id, day)
            model.state, model.last_on = target, day

        @precondition(lambda self: any(m.consent for m in self.referrals.values()))
        @rule(pick=st.integers(0, 2), delta=st.integers(-2, 6))
        def withdraw_the_consent(self, pick: int, delta: int) -> None:
            holders = sorted(rid for rid, m in self.referrals.items() if m.consent)
            rid = holders[pick % len(holders)]
            model = self.referrals[rid]
            assert model.consent is not None
            consent_id, consent_on = model.consent
            day = consent_on + timedelta(days=delta)
            call = lambda: withdraw_consent(c.counsellor, consent_id, on=day)  # noqa: E731
            moves = model.state == "consent_given"
            ok = consent_on <= day <= local_today() and (not moves or day >= model.last_on)
            if not ok:
                self._refused(call, ValidationError)
                return
            call()
            model.consent = None
            model.withdrawn_consents.append(consent_id)
            if moves:
                model.state, model.last_on = "withdrawn", day
            self._refused(call, ValidationError)  # never twice

        @invariant()
        def the_vault_agrees_with_the_model(self) -> None:
            for rid, model in self.referrals.items():
                steps = _check_history(c.admin, rid)
                assert steps[-1] == (model.state, model.last_on)
            with c.admin.vault.read() as s:
                for consent_id in (m.withdrawn_consents for m in self.referrals.values()):
                    for cid in consent_id:
                        row = s.get(Consent, cid)
                        assert row is not None and row.withdrawn_on is not None

    return ReferralFlow


def test_random_referral_work_keeps_every_rule(contexts: Contexts) -> None:
    run_state_machine_as_test(
        _machine(contexts),
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )


def _paths() -> list[list[str]]:
    """Every path from proposal to an end; the family may be asked again at most once."""
    found: list[list[str]] = []

    def walk(path: list[str]) -> None:
        if path[-1] in FINAL_STATES:
            found.append(path)
            return
        for nxt in TRANSITIONS[path[-1]]:
            if path.count(nxt) < (2 if nxt in ("consent_pending", "consent_refused") else 1):
                walk([*path, nxt])

    walk(["proposed"])
    return found


PATHS = _paths()


def test_the_paths_cover_every_edge_of_the_diagram() -> None:
    edges = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
    walked = {(a, b) for path in PATHS for a, b in itertools.pairwise(path)}
    assert walked == edges
    assert len(PATHS) == 45


def test_every_path_through_the_states_is_accepted(contexts: Contexts) -> None:
    """Each path on its own referral, one day per step, ending 1 day ago; the file shows them."""
    sid = _new_student(contexts.admin)
    for path in PATHS:
        start = local_today() - timedelta(days=len(path))
        rid = propose_referral(
            contexts.counsellor,
            sid,
            institution_id=contexts.hospital,
            urgency="routine",
            reason="持续失眠",
            on=start,
        )
        for n, target in enumerate(path[1:], start=1):
            _step(contexts.counsellor, rid, target, start + timedelta(days=n), path[n - 1], None)
        steps = _check_history(contexts.admin, rid)
        assert [state for state, _ in steps] == path
        # nothing follows the end
        for target in TARGETS:
            with pytest.raises(ValidationError):
                _step(contexts.counsellor, rid, target, local_today(), None, None)
