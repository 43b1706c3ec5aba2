"""Policy defaults as DOMAIN.md states them, exact JSON round trip, and located refusals."""

import copy
import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.cutoffs import Band, Severity
from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import (
    FollowUpPolicy,
    Gad7Cutoffs,
    MhtCutoffs,
    NotificationMatrix,
    Phq9Cutoffs,
    Policy,
    Recipient,
    ReturnFollowUp,
    ScreeningCutoffs,
    next_follow_up,
    next_plan_review,
    notification_plan,
    referral_feedback_due,
    return_follow_up_dates,
)
from counselroom.domain.tiers import RecipientRole as R
from counselroom.domain.tiers import Tier

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


# --- notification matrix: DOMAIN.md "Tiers", seed 003 (二)6 -----------------------------------


def test_tier_0_notifies_nobody() -> None:
    assert notification_plan(Policy.default(), Tier.NONE) == []


def test_tier_1_head_teacher_and_guardian_within_7_days() -> None:
    assert notification_plan(Policy.default(), Tier.GENERAL) == [
        (R.HEAD_TEACHER, 7 * DAY),
        (R.GUARDIAN, 7 * DAY),
    ]


def test_tier_2_four_people_and_district_within_48_hours() -> None:
    assert notification_plan(Policy.default(), Tier.SERIOUS) == [
        (R.HEAD_TEACHER, 48 * HOUR),
        (R.MORAL_EDUCATION, 48 * HOUR),
        (R.VICE_PRINCIPAL, 48 * HOUR),
        (R.GUARDIAN, 48 * HOUR),
        (R.DISTRICT, 48 * HOUR),
    ]


def test_tier_3_staff_within_an_hour_guardian_and_district_within_a_day() -> None:
    assert notification_plan(Policy.default(), Tier.CRISIS) == [
        (R.HEAD_TEACHER, 1 * HOUR),
        (R.SUBJECT_TEACHERS, 1 * HOUR),
        (R.MORAL_EDUCATION, 1 * HOUR),
        (R.SAFETY_OFFICE, 1 * HOUR),
        (R.PRINCIPAL, 1 * HOUR),
        (R.GUARDIAN, 24 * HOUR),
        (R.DISTRICT, 24 * HOUR),
    ]


def test_plan_rows_unpack_as_role_and_deadline() -> None:
    role, within = notification_plan(Policy.default(), Tier.GENERAL)[0]
    assert (role, within) == (R.HEAD_TEACHER, timedelta(days=7))


def test_notification_plan_is_a_copy() -> None:
    policy = Policy.default()
    notification_plan(policy, Tier.CRISIS).clear()
    assert len(notification_plan(policy, Tier.CRISIS)) == 7


def test_custom_matrix_is_used() -> None:
    matrix = NotificationMatrix.of({Tier.GENERAL: [Recipient(R.PRINCIPAL, 90 * timedelta(0, 60))]})
    policy = Policy(notifications=matrix)
    assert notification_plan(policy, Tier.GENERAL) == [(R.PRINCIPAL, timedelta(minutes=90))]
    assert notification_plan(policy, Tier.CRISIS) == []


# --- follow-up and other dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("tier", "last", "due"),
    [
        (Tier.CRISIS, date(2026, 11, 22), date(2026, 11, 29)),  # weekly
        (Tier.SERIOUS, date(2026, 11, 22), date(2026, 12, 6)),  # 2 weeks
        (Tier.GENERAL, date(2026, 11, 22), date(2026, 12, 22)),  # 30 days; November has 30
        (Tier.GENERAL, date(2027, 1, 31), date(2027, 3, 2)),  # 31 Jan + 28 (Feb) + 2
        (Tier.SERIOUS, date(2027, 12, 25), date(2028, 1, 8)),  # across a year end
    ],
)
def test_next_follow_up(tier: Tier, last: date, due: date) -> None:
    assert next_follow_up(Policy.default(), tier, last) == due


def test_tier_0_has_no_follow_up() -> None:
    assert next_follow_up(Policy.default(), Tier.NONE, date(2026, 11, 22)) is None


def test_follow_up_uses_policy_interval() -> None:
    policy = Policy(follow_up=FollowUpPolicy((5 * DAY, 30 * DAY, 14 * DAY, 3 * DAY)))
    assert next_follow_up(policy, Tier.CRISIS, date(2026, 11, 22)) == date(2026, 11, 25)
    assert next_follow_up(policy, Tier.NONE, date(2026, 11, 22)) == date(2026, 11, 27)


def test_plan_review_after_six_weeks() -> None:
    # 22 Nov + 8 days = 30 Nov, + 31 = 31 Dec, + 3 = 3 Jan: 42 days.
    assert next_plan_review(Policy.default(), date(2026, 11, 22)) == date(2027, 1, 3)


def test_referral_feedback_overdue_after_14_days() -> None:
    assert referral_feedback_due(Policy.default(), date(2026, 11, 22)) == date(2026, 12, 6)


def test_return_follow_up_weekly_for_four_weeks() -> None:
    assert return_follow_up_dates(Policy.default(), date(2027, 2, 20)) == [
        date(2027, 2, 27),
        date(2027, 3, 6),
        date(2027, 3, 13),
        date(2027, 3, 20),
    ]


def test_other_defaults() -> None:
    policy = Policy.default()
    assert policy == Policy()
    assert policy.idle_lock == timedelta(minutes=5)
    assert policy.follow_up.intervals == (None, 30 * DAY, 14 * DAY, 7 * DAY)
    assert policy.screening.phq9.flag_at == 11
    assert policy.screening.phq9.item9_alert_above == 0
    assert policy.screening.gad7.flag_at == 10
    mht = policy.screening.mht
    assert (mht.lie_invalid_at, mht.total_attention_at, mht.scale_high_at) == (7, 65, 8)


# --- JSON form -----------------------------------------------------------------------------------


def test_default_json_form_names_units() -> None:
    data = Policy.default().to_dict()
    assert data["format"] == 1
    assert data["idle_lock_minutes"] == 5
    assert data["referral_feedback_overdue_days"] == 14
    assert data["return_follow_up"] == {"interval_days": 7, "count": 4}
    assert data["follow_up"] == {
        "interval_days": {"0": None, "1": 30, "2": 14, "3": 7},
        "plan_review_days": 42,
    }
    assert data["notifications"]["3"][0] == {"role": "head_teacher", "within_minutes": 60}
    assert data["notifications"]["3"][5] == {"role": "guardian", "within_minutes": 1440}
    assert data["notifications"]["2"][0]["within_minutes"] == 2880
    assert data["notifications"]["1"][1] == {"role": "guardian", "within_minutes": 10080}
    assert data["notifications"]["0"] == []


def test_default_round_trips_through_json_text() -> None:
    policy = Policy.default()
    assert Policy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy


def _bands(max_total: int) -> st.SearchStrategy[tuple[Band, ...]]:
    lowers = st.lists(st.integers(1, max_total), unique=True, max_size=4).map(sorted)
    return st.tuples(lowers, st.permutations(list(Severity))).map(
        lambda pair: tuple(
            Band(lower, severity) for lower, severity in zip([0, *pair[0]], pair[1], strict=False)
        )
    )


_recipients = st.lists(
    st.builds(
        Recipient,
        st.sampled_from(R),
        st.integers(1, 366 * 24 * 60).map(timedelta(minutes=1).__mul__),
    ),
    unique_by=lambda r: r.role,
    max_size=8,
).map(tuple)
_days = st.integers(1, 366).map(DAY.__mul__)

policies = st.builds(
    Policy,
    notifications=st.tuples(_recipients, _recipients, _recipients, _recipients).map(
        NotificationMatrix
    ),
    follow_up=st.builds(
        FollowUpPolicy,
        st.tuples(st.none() | _days, _days, _days, _days),
        _days,
    ),
    screening=st.builds(
        ScreeningCutoffs,
        st.builds(Phq9Cutoffs, st.integers(1, 27), _bands(27), st.integers(0, 2)),
        st.builds(Gad7Cutoffs, st.integers(1, 21), _bands(21)),
        st.builds(MhtCutoffs, st.integers(1, 10), st.integers(1, 90), st.integers(1, 15)),
    ),
    referral_feedback_overdue=_days,
    return_follow_up=st.builds(ReturnFollowUp, _days, st.integers(1, 52)),
    idle_lock=st.integers(1, 60).map(timedelta(minutes=1).__mul__),
)


@given(policies)
def test_every_valid_policy_round_trips_exactly(policy: Policy) -> None:
    data = policy.to_dict()
    assert json.loads(json.dumps(data)) == data  # JSON-safe: nothing changes through text
    assert Policy.from_dict(data) == policy
    assert Policy.from_dict(data).to_dict() == data


def test_from_dict_does_not_alias_input() -> None:
    data = Policy.default().to_dict()
    policy = Policy.from_dict(data)
    data["notifications"]["3"].clear()
    assert len(notification_plan(policy, Tier.CRISIS)) == 7


# --- refusals name the key -----------------------------------------------------------------------


def _refused(data: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        Policy.from_dict(data)
    return caught.value


def _edited(path: list[str | int], value: object) -> dict[str, Any]:
    data = copy.deepcopy(Policy.default().to_dict())
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _without(path: list[str | int]) -> dict[str, Any]:
    data = copy.deepcopy(Policy.default().to_dict())
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return data


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (["idle_lock_minutes"], "idle_lock_minutes"),
        (["format"], "format"),
        (["screening"], "screening"),
        (["follow_up", "interval_days", "2"], "follow_up.interval_days.2"),
        (["notifications", "1"], "notifications.1"),
        (["notifications", "3", 0, "within_minutes"], "notifications.3[0].within_minutes"),
        (["screening", "phq9", "item9_alert_above"], "screening.phq9.item9_alert_above"),
        (["screening", "mht", "lie_invalid_at"], "screening.mht.lie_invalid_at"),
        (["return_follow_up", "count"], "return_follow_up.count"),
    ],
)
def test_missing_key_is_named(path: list[str | int], field: str) -> None:
    err = _refused(_without(path))
    assert (err.field, err.message) == (field, "is missing")
    assert field in str(err)


@pytest.mark.parametrize(
    ("path", "value", "field", "message"),
    [
        (
            ["notifications", "3", 0, "within_minutes"],
            -60,
            "notifications.3[0].within_minutes",
            "must be at least 1 (got -60)",
        ),
        (
            ["notifications", "2", 1, "within_minutes"],
            "48h",
            "notifications.2[1].within_minutes",
            "must be a whole number (got '48h')",
        ),
        (
            ["notifications", "1", 0, "role"],
            "dean",
            "notifications.1[0].role",
            "unknown recipient role 'dean'",
        ),
        (["idle_lock_minutes"], 0, "idle_lock_minutes", "must be at least 1 (got 0)"),
        (["idle_lock_minutes"], 61, "idle_lock_minutes", "must be at most 60 (got 61)"),
        (["idle_lock_minutes"], 5.5, "idle_lock_minutes", "must be a whole number (got 5.5)"),
        (["idle_lock_minutes"], True, "idle_lock_minutes", "must be a whole number (got True)"),
        (
            ["screening", "phq9", "flag_at"],
            28,
            "screening.phq9.flag_at",
            "must be at most 27 (got 28)",
        ),
        (
            ["screening", "gad7", "flag_at"],
            "10",
            "screening.gad7.flag_at",
            "must be a whole number (got '10')",
        ),
        (
            ["screening", "phq9", "item9_alert_above"],
            3,
            "screening.phq9.item9_alert_above",
            "must be at most 2 (got 3)",
        ),
        (
            ["follow_up", "interval_days", "3"],
            None,
            "follow_up.interval_days.3",
            "tier 3 must have a follow-up",
        ),
        (
            ["follow_up", "interval_days", "1"],
            -30,
            "follow_up.interval_days.1",
            "must be at least 1 (got -30)",
        ),
        (["follow_up"], [], "follow_up", "must be an object (got list)"),
        (["notifications", "2"], {}, "notifications.2", "must be a list (got dict)"),
        (["format"], 2, "format", "unsupported policy format 2 (expected 1)"),
    ],
)
def test_bad_value_is_named(path: list[str | int], value: object, field: str, message: str) -> None:
    err = _refused(_edited(path, value))
    assert (err.field, err.message) == (field, message)


@pytest.mark.parametrize("tier", ["4", "-1", "x"])
def test_tier_outside_0_to_3_is_refused(tier: str) -> None:
    err = _refused(_edited(["notifications", tier], []))
    assert (err.field, err.message) == (f"notifications.{tier}", f"tier {tier} is outside 0-3")


def test_unknown_key_is_refused_not_ignored() -> None:
    err = _refused(_edited(["idle_lock_minuts"], 10))
    assert (err.field, err.message) == ("idle_lock_minuts", "is not a known setting")
    err = _refused(_edited(["screening", "mht", "extra"], 1))
    assert err.field == "screening.mht.extra"


def test_duplicate_role_in_a_tier_is_refused() -> None:
    data = Policy.default().to_dict()
    data["notifications"]["1"].append({"role": "guardian", "within_minutes": 60})
    err = _refused(data)
    assert (err.field, err.message) == ("notifications.1[2]", "role guardian appears twice")


@pytest.mark.parametrize(
    ("bands", "field", "message"),
    [
        (
            [{"lower": 1, "severity": "none"}],
            "screening.phq9.bands[0]",
            "first band must start at 0 (got 1)",
        ),
        (
            [{"lower": 0, "severity": "none"}, {"lower": 0, "severity": "mild"}],
            "screening.phq9.bands[1]",
            "bands must start at rising scores (0 after 0)",
        ),
        (
            [{"lower": 0, "severity": "none"}, {"lower": 5, "severity": "none"}],
            "screening.phq9.bands[1]",
            "severity none appears twice",
        ),
        (
            [{"lower": 0, "severity": "awful"}],
            "screening.phq9.bands[0].severity",
            "unknown severity 'awful'",
        ),
        (
            [{"lower": 0, "severity": "none"}, {"lower": 30, "severity": "severe"}],
            "screening.phq9.bands[1].lower",
            "must be at most 27 (got 30)",
        ),
        ([], "screening.phq9.bands", "must be a non-empty tuple of bands"),
    ],
)
def test_bad_bands_are_refused(bands: list[object], field: str, message: str) -> None:
    err = _refused(_edited(["screening", "phq9", "bands"], bands))
    assert (err.field, err.message) == (field, message)


def test_non_object_is_refused() -> None:
    err = _refused([1, 2])
    assert (err.field, err.message) == (None, "must be an object (got list)")


# --- refusals when built in code -----------------------------------------------------------------


def test_deadline_must_be_whole_minutes() -> None:
    with pytest.raises(ValidationError) as caught:
        NotificationMatrix.of({Tier.CRISIS: [Recipient(R.PRINCIPAL, timedelta(seconds=90))]})
    assert caught.value.field == "notifications.3[0].within_minutes"
    assert "whole number of minutes" in caught.value.message


def test_negative_deadline_refused_in_code() -> None:
    with pytest.raises(ValidationError, match="at least 1 minutes") as caught:
        NotificationMatrix.of({Tier.GENERAL: [Recipient(R.GUARDIAN, -HOUR)]})
    assert caught.value.field == "notifications.1[0].within_minutes"


def test_matrix_needs_four_tiers() -> None:
    with pytest.raises(ValidationError, match="each tier 0-3"):
        NotificationMatrix(((), (), ()))


def test_follow_up_must_be_whole_days() -> None:
    with pytest.raises(ValidationError, match="whole number of days") as caught:
        FollowUpPolicy((None, 30 * DAY, 14 * DAY, 12 * HOUR))
    assert caught.value.field == "follow_up.interval_days.3"


def test_policy_durations_checked_in_code() -> None:
    with pytest.raises(ValidationError) as caught:
        Policy(idle_lock=timedelta(minutes=-5))
    assert caught.value.field == "idle_lock_minutes"
    with pytest.raises(ValidationError) as caught:
        Policy(referral_feedback_overdue=timedelta(0))
    assert caught.value.field == "referral_feedback_overdue_days"


def test_policy_is_immutable_and_hashable() -> None:
    policy = Policy.default()
    with pytest.raises(AttributeError):
        policy.idle_lock = HOUR  # type: ignore[misc]
    assert hash(policy) == hash(Policy.default())
