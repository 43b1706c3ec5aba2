"""The referral's state diagram: what may follow what, and the messages of a refusal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.errors import ValidationError
from counselroom.domain.referral_flow import (
    AWAITING_FEEDBACK,
    FINAL_STATES,
    STEP_ORDER,
    TRANSITIONS,
    check_step_date,
    check_transition,
    next_states,
)
from counselroom.storage.models.choices import REFERRAL_STATES

EDGES = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
NON_EDGES = [(a, b) for a in STEP_ORDER for b in STEP_ORDER if (a, b) not in EDGES]


def _reachable(start: str, without: str | None = None) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in TRANSITIONS[todo.pop()]:
            if nxt != without and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_the_states_are_the_stored_ones_in_the_same_order() -> None:
    assert STEP_ORDER == REFERRAL_STATES
    assert set(TRANSITIONS) == set(STEP_ORDER)
    assert all(set(targets) <= set(STEP_ORDER) for targets in TRANSITIONS.values())


def test_every_state_is_reachable_and_every_path_ends() -> None:
    assert _reachable("proposed") == set(STEP_ORDER)
    for state in STEP_ORDER:
        assert _reachable(state) & FINAL_STATES, state
    assert {s for s in STEP_ORDER if not TRANSITIONS[s]} == FINAL_STATES
    assert set(AWAITING_FEEDBACK) == {"sent", "seen"}


def test_nothing_is_sent_without_the_guardians_consent() -> None:
    """Every way to "sent" goes through consent_given: without it, sent is out of reach."""
    assert "sent" not in _reachable("proposed", without="consent_given")
    assert [a for a, b in EDGES if b == "sent"] == ["consent_given"]


def test_feedback_needs_a_visit_and_closing_needs_feedback() -> None:
    assert [a for a, b in EDGES if b == "feedback"] == ["seen"]
    assert [a for a, b in EDGES if b == "closed"] == ["feedback"]
    assert [a for a, b in EDGES if b == "seen"] == ["sent"]


def test_a_referral_is_withdrawn_only_before_the_hospital_answered() -> None:
    withdrawable = {a for a, b in EDGES if b == "withdrawn"}
    assert withdrawable == set(STEP_ORDER) - {"feedback"} - FINAL_STATES


@pytest.mark.parametrize(("current", "target"), sorted(EDGES))
def test_every_edge_is_accepted(current: str, target: str) -> None:
    check_transition(current, target)
    assert target in next_states(current)


@pytest.mark.parametrize(("current", "target"), NON_EDGES)
def test_every_other_move_is_refused_naming_both_states(current: str, target: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_transition(current, target)
    error = caught.value
    assert error.field == "state"
    assert error.template  # the window translates it
    assert current in error.args
    if TRANSITIONS[current]:
        assert target in error.args
        assert error.args[2] == ", ".join(TRANSITIONS[current])


def test_unknown_states_are_refused() -> None:
    with pytest.raises(ValidationError, match="not a referral state"):
        check_transition("lost", "sent")
    with pytest.raises(ValidationError, match="not a referral state"):
        check_transition("proposed", "teleported")
    with pytest.raises(ValidationError):
        next_states("")


@given(st.lists(st.sampled_from(STEP_ORDER), max_size=12))
def test_a_walk_is_accepted_exactly_when_it_follows_the_edges(walk: list[str]) -> None:
    state = "proposed"
    for target in walk:
        legal = (state, target) in EDGES
        try:
            check_transition(state, target)
        except ValidationError:
            assert not legal
            continue
        assert legal
        state = target


DAY = date(2026, 11, 20)


@pytest.mark.parametrize("previous", [s for s in STEP_ORDER if s not in FINAL_STATES])
def test_a_step_may_share_the_previous_days_date_but_not_precede_it(previous: str) -> None:
    check_step_date(previous, DAY, DAY, "on")
    check_step_date(previous, DAY, DAY + timedelta(days=3), "on")
    with pytest.raises(ValidationError) as caught:
        check_step_date(previous, DAY, DAY - timedelta(days=1), "seen_on")
    assert caught.value.field == "seen_on"
    assert caught.value.args == ("2026-11-19", "2026-11-20")
    assert "2026-11-19" in caught.value.message and "2026-11-20" in caught.value.message


def test_the_date_message_names_the_step_before() -> None:
    with pytest.raises(ValidationError) as caught:
        check_step_date("consent_given", DAY, DAY - timedelta(days=1), "on")
    assert caught.value.message == "2026-11-19 is before the guardian's consent on 2026-11-20"
