"""Referral steps through the services: each dated and signed, in order, nothing half-saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from referral_support import (
    Vault,
    ago,
    audits,
    consent,
    events_of,
    make,
    referral_values,
    snapshot,
)
from sqlalchemy import select

from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.domain.policy import Policy
from counselroom.services.closure import ClosureInput, close_file
from counselroom.services.file_records import AuthorNames
from counselroom.services.institutions import delete_institution
from counselroom.services.localtime import local_today
from counselroom.services.referral_records import read_referrals
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
from counselroom.services.roles import PermissionDenied
from counselroom.services.student_file import open_student_file, student_referrals
from counselroom.storage.models import Consent, Student

REASON = "近两周多次表示睡不着、不想上学，课堂上哭泣"
FEEDBACK = "门诊评估后建议规律复诊"
DIAGNOSIS = "医院告知：抑郁状态"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    yield from make(tmp_path)


def propose(v: Vault, days_ago: int = 20, **kw: Any) -> int:
    args: dict[str, Any] = {
        "institution_id": v.hospital_id,
        "urgency": "routine",
        "reason": REASON,
        "on": ago(days_ago),
    }
    args.update(kw)
    return propose_referral(v.counsellor, v.student_id, **args)


def given_consent(v: Vault, rid: int, days_ago: int = 18) -> int:
    return record_referral_consent(v.counsellor, rid, consent(ago(days_ago)))


def sent(v: Vault, days_ago: int = 20) -> int:
    """A referral proposed, agreed to and sent ``days_ago`` (all on one day)."""
    rid = propose(v, days_ago)
    given_consent(v, rid, days_ago)
    mark_referral_sent(v.counsellor, rid, on=ago(days_ago))
    return rid


# -- the whole way ----------------------------------------------------------------------------


def test_every_step_is_dated_signed_and_audited_without_text(vault: Vault) -> None:
    uid = vault.counsellor.actor.user_id
    rid = propose(vault, 20)
    with vault.admin.vault.read() as s:
        student = s.get(Student, vault.student_id)
        assert student is not None and student.file_state == "open"
    ask_referral_consent(vault.counsellor, rid, on=ago(19), note="电话联系母亲")
    consent_id = given_consent(vault, rid, 18)
    mark_referral_sent(vault.counsellor, rid, on=ago(17), note="转介函已寄出")
    mark_referral_seen(vault.counsellor, rid, on=ago(15))
    record_referral_feedback(
        vault.counsellor,
        rid,
        on=ago(5),
        feedback_text=FEEDBACK,
        diagnosis_received=DIAGNOSIS,
        treatment="药物治疗",
        advice="减少作业量",
    )
    close_referral(vault.counsellor, rid, on=ago(1))
    assert events_of(vault, rid) == [
        ("proposed", ago(20), uid, ""),
        ("consent_pending", ago(19), uid, "电话联系母亲"),
        ("consent_given", ago(18), uid, ""),
        ("sent", ago(17), uid, "转介函已寄出"),
        ("seen", ago(15), uid, ""),
        ("feedback", ago(5), uid, ""),
        ("closed", ago(1), uid, ""),
    ]
    row = referral_values(vault, rid)
    assert (row["state"], row["consent_id"], row["proposed_on"]) == ("closed", consent_id, ago(20))
    assert (row["sent_on"], row["seen_on"], row["feedback_on"], row["closed_on"]) == (
        ago(17),
        ago(15),
        ago(5),
        ago(1),
    )
    assert (row["feedback_text"], row["diagnosis_received"]) == (FEEDBACK, DIAGNOSIS)
    actions = audits(vault, "referral.")
    assert [a for a, _t, _d in actions] == [
        "referral.propose",
        "referral.ask_consent",
        "referral.consent",
        "referral.sent",
        "referral.seen",
        "referral.feedback",
        "referral.close",
    ]
    assert {t for _a, t, _d in actions} == {f"student:{vault.student_id}"}
    assert actions[0][2] == (
        f"referral={rid} state=proposed institution={vault.hospital_id} urgency=routine file=opened"
    )
    assert actions[5][2] == f"referral={rid} state=feedback diagnosis=received"
    text = repr(actions)
    for secret in (REASON, FEEDBACK, DIAGNOSIS, "电话联系母亲", "李母"):
        assert secret not in text


def test_an_emergency_is_proposed_agreed_by_phone_and_sent_the_same_day(vault: Vault) -> None:
    rid = propose(vault, 0, urgency="emergency")
    record_referral_consent(vault.counsellor, rid, consent(local_today(), method="phone"))
    mark_referral_sent(vault.counsellor, rid, on=local_today())
    assert [e[0] for e in events_of(vault, rid)] == ["proposed", "consent_given", "sent"]


def test_feedback_on_a_sent_referral_records_the_visit_first(vault: Vault) -> None:
    rid = sent(vault, 20)
    record_referral_feedback(
        vault.counsellor, rid, on=ago(3), feedback_text=FEEDBACK, seen_on=ago(10)
    )
    assert [(e[0], e[1]) for e in events_of(vault, rid)][-2:] == [
        ("seen", ago(10)),
        ("feedback", ago(3)),
    ]
    assert referral_values(vault, rid)["seen_on"] == ago(10)


def test_feedback_on_a_seen_referral_may_repeat_its_visit_day(vault: Vault) -> None:
    rid = sent(vault, 20)
    mark_referral_seen(vault.counsellor, rid, on=ago(10))
    record_referral_feedback(
        vault.counsellor, rid, on=ago(3), feedback_text=FEEDBACK, seen_on=ago(10)
    )
    assert referral_values(vault, rid)["state"] == "feedback"


def test_a_refused_consent_is_kept_and_the_family_may_be_asked_again(vault: Vault) -> None:
    rid = propose(vault, 20)
    refused = record_referral_consent(
        vault.counsellor, rid, consent(ago(19), given=False, witness="王班主任")
    )
    assert referral_values(vault, rid)["state"] == "consent_refused"
    ask_referral_consent(vault.counsellor, rid, on=ago(12))
    agreed = given_consent(vault, rid, 10)
    assert referral_values(vault, rid)["consent_id"] == agreed
    with vault.admin.vault.read() as s:
        rows = s.execute(select(Consent.id, Consent.given, Consent.witness)).all()
    assert [tuple(r) for r in rows] == [(refused, False, "王班主任"), (agreed, True, None)]
    ((entry),) = student_referrals(vault.counsellor, vault.student_id)
    assert entry.consent is not None and entry.consent.id == agreed


def test_withdrawal_closes_the_referral_with_the_reason_as_note(vault: Vault) -> None:
    rid = sent(vault, 20)
    withdraw_referral(vault.counsellor, rid, on=ago(2), reason="家长决定改去外地就诊")
    row = referral_values(vault, rid)
    assert (row["state"], row["closed_on"]) == ("withdrawn", ago(2))
    assert events_of(vault, rid)[-1][::3] == ("withdrawn", "家长决定改去外地就诊")


# -- what the file shows ---------------------------------------------------------------------


def test_feedback_is_due_while_the_hospital_has_not_answered(vault: Vault) -> None:
    rid = sent(vault, 20)
    (entry,) = student_referrals(vault.counsellor, vault.student_id)
    assert entry.feedback_due == ago(20) + timedelta(days=14)
    assert entry.events[-1].on == ago(20)
    with vault.admin.vault.read() as s:
        (weekly,) = read_referrals(
            s, vault.student_id, AuthorNames(s), Policy(referral_feedback_overdue=timedelta(7))
        )
    assert weekly.feedback_due == ago(13)
    mark_referral_seen(vault.counsellor, rid, on=ago(15))
    assert student_referrals(vault.counsellor, vault.student_id)[0].feedback_due == ago(6)
    record_referral_feedback(vault.counsellor, rid, on=ago(5), feedback_text=FEEDBACK)
    f = open_student_file(vault.counsellor, vault.student_id)
    assert f.referrals is not None and f.referrals[0].feedback_due is None


def test_a_proposed_referral_has_no_feedback_date(vault: Vault) -> None:
    propose(vault)
    assert student_referrals(vault.counsellor, vault.student_id)[0].feedback_due is None


# -- refusals: nothing written ---------------------------------------------------------------


def _refused(
    v: Vault, call: Callable[[], object], field: str | None, *words: str
) -> ValidationError:
    shot = snapshot(v)
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field
    for word in words:
        assert word in caught.value.message, caught.value.message
    assert snapshot(v) == shot
    return caught.value


def test_sending_before_the_consent_is_a_skipped_state(vault: Vault) -> None:
    rid = propose(vault)
    error = _refused(
        vault, lambda: mark_referral_sent(vault.counsellor, rid, on=ago(1)), "state", "proposed"
    )
    assert error.args[:2] == ("proposed", "sent")


@pytest.mark.parametrize(
    ("state_steps", "call"),
    [
        (0, lambda v, rid: mark_referral_seen(v.counsellor, rid, on=ago(1))),
        (0, lambda v, rid: close_referral(v.counsellor, rid, on=ago(1))),
        (1, lambda v, rid: mark_referral_seen(v.counsellor, rid, on=ago(1))),
        (
            1,
            lambda v, rid: record_referral_feedback(
                v.counsellor, rid, on=ago(1), feedback_text="x"
            ),
        ),
        (2, lambda v, rid: close_referral(v.counsellor, rid, on=ago(1))),
        (2, lambda v, rid: given_consent(v, rid, 1)),
    ],
    ids=[
        "seen-from-proposed",
        "close-from-proposed",
        "seen-from-consent",
        "feedback-from-consent",
        "close-from-sent",
        "consent-after-sending",
    ],
)
def test_skipping_a_state_is_refused(
    vault: Vault, state_steps: int, call: Callable[[Vault, int], object]
) -> None:
    rid = propose(vault, 20)
    if state_steps >= 1:
        given_consent(vault, rid, 19)
    if state_steps >= 2:
        mark_referral_sent(vault.counsellor, rid, on=ago(18))
    _refused(vault, lambda: call(vault, rid), "state")


def test_sending_before_the_guardians_consent_date_names_both_dates(vault: Vault) -> None:
    rid = propose(vault, 20)
    given_consent(vault, rid, 10)
    error = _refused(
        vault,
        lambda: mark_referral_sent(vault.counsellor, rid, on=ago(11)),
        "on",
        ago(11).isoformat(),
        ago(10).isoformat(),
        "consent",
    )
    assert error.template


def test_a_consent_dated_after_the_referral_was_sent_is_refused(vault: Vault) -> None:
    """Consent comes first: once sent, no consent step can be added, whatever its date."""
    rid = propose(vault, 20)
    given_consent(vault, rid, 19)
    mark_referral_sent(vault.counsellor, rid, on=ago(18))
    _refused(vault, lambda: given_consent(vault, rid, 10), "state", "sent")


def test_a_consent_dated_before_the_proposal_is_refused(vault: Vault) -> None:
    rid = propose(vault, 10)
    _refused(vault, lambda: given_consent(vault, rid, 12), "on", "proposed")


def test_feedback_without_a_seen_date_is_refused(vault: Vault) -> None:
    rid = sent(vault, 20)
    _refused(
        vault,
        lambda: record_referral_feedback(vault.counsellor, rid, on=ago(2), feedback_text=FEEDBACK),
        "seen_on",
        ago(20).isoformat(),
    )


def test_a_seen_date_before_sending_or_after_the_feedback_is_refused(vault: Vault) -> None:
    rid = sent(vault, 20)
    _refused(
        vault,
        lambda: record_referral_feedback(
            vault.counsellor, rid, on=ago(2), feedback_text=FEEDBACK, seen_on=ago(21)
        ),
        "seen_on",
        "sent",
    )
    _refused(
        vault,
        lambda: record_referral_feedback(
            vault.counsellor, rid, on=ago(5), feedback_text=FEEDBACK, seen_on=ago(4)
        ),
        "on",
        "seen",
    )


def test_a_second_visit_day_is_refused(vault: Vault) -> None:
    rid = sent(vault, 20)
    mark_referral_seen(vault.counsellor, rid, on=ago(10))
    _refused(
        vault,
        lambda: record_referral_feedback(
            vault.counsellor, rid, on=ago(2), feedback_text=FEEDBACK, seen_on=ago(9)
        ),
        "seen_on",
        ago(10).isoformat(),
    )


def test_a_referral_to_a_deleted_institution_is_refused_by_name(vault: Vault) -> None:
    delete_institution(vault.admin, vault.hospital_id)
    error = _refused(vault, lambda: propose(vault), "institution_id", "市精神卫生中心", "deleted")
    assert error.args == ("市精神卫生中心 儿童青少年心理科",)


def test_a_step_on_a_referral_whose_institution_was_deleted_later_goes_on(vault: Vault) -> None:
    """Deleting hides the entry from new referrals; one already made keeps its course."""
    rid = propose(vault, 20)
    delete_institution(vault.admin, vault.hospital_id)
    given_consent(vault, rid, 19)
    assert referral_values(vault, rid)["state"] == "consent_given"


BAD_PROPOSALS: list[tuple[str, dict[str, Any]]] = [
    ("institution_id", {"institution_id": 9999}),
    ("urgency", {"urgency": "soon"}),
    ("reason", {"reason": "   "}),
    ("on", {"on": local_today() + timedelta(days=1)}),
    ("on", {"on": local_today().isoformat()}),
    ("on", {"on": ago(365 * 5)}),  # before the enrolment
]


@pytest.mark.parametrize(
    ("field", "change"), BAD_PROPOSALS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_PROPOSALS)]
)
def test_a_bad_proposal_is_named_and_nothing_saved(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    _refused(vault, lambda: propose(vault, **change), field)


def test_a_future_step_date_is_refused(vault: Vault) -> None:
    rid = propose(vault, 3)
    _refused(
        vault,
        lambda: ask_referral_consent(vault.counsellor, rid, on=local_today() + timedelta(days=1)),
        "on",
        "future",
    )


BAD_CONSENTS: list[tuple[str, dict[str, Any]]] = [
    ("purpose", {"purpose": "screening"}),
    ("by_student", {"by_student": True}),
    ("witness", {"given": False}),
    ("guardian_name", {"guardian_name": ""}),
    ("relation", {"relation": " "}),
    ("method", {"method": "telepathy"}),
    ("text_version", {"text_version": ""}),
    ("given", {"given": "yes"}),
]


@pytest.mark.parametrize(("field", "change"), BAD_CONSENTS, ids=[f for f, _ in BAD_CONSENTS])
def test_a_bad_referral_consent_is_named_and_nothing_saved(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    rid = propose(vault, 20)
    _refused(
        vault,
        lambda: record_referral_consent(vault.counsellor, rid, consent(ago(19), **change)),
        field,
    )


def test_withdrawing_needs_a_reason_and_is_refused_after_feedback(vault: Vault) -> None:
    rid = sent(vault, 20)
    _refused(
        vault, lambda: withdraw_referral(vault.counsellor, rid, on=ago(1), reason=""), "reason"
    )
    mark_referral_seen(vault.counsellor, rid, on=ago(15))
    record_referral_feedback(vault.counsellor, rid, on=ago(5), feedback_text=FEEDBACK)
    _refused(
        vault,
        lambda: withdraw_referral(vault.counsellor, rid, on=ago(1), reason="家长要求"),
        "state",
        "feedback",
    )


def test_an_unknown_referral_is_named(vault: Vault) -> None:
    shot = snapshot(vault)
    with pytest.raises(ValidationError) as caught:
        mark_referral_sent(vault.counsellor, 4242, on=ago(1))
    assert caught.value.record == "referral 4242"
    assert snapshot(vault) == shot


def test_a_step_from_a_stale_form_is_refused(vault: Vault) -> None:
    rid = propose(vault, 20)
    given_consent(vault, rid, 19)  # another window moved it on
    shot = snapshot(vault)
    with pytest.raises(StaleRecordError, match="consent_given"):
        withdraw_referral(
            vault.counsellor, rid, on=ago(1), reason="撤回", expected_state="proposed"
        )
    with pytest.raises(StaleRecordError):
        record_referral_consent(vault.counsellor, rid, consent(ago(18)), "proposed")
    assert snapshot(vault) == shot
    mark_referral_sent(vault.counsellor, rid, on=ago(18), expected_state="consent_given")


def test_a_closed_file_takes_no_referral_step(vault: Vault) -> None:
    rid = propose(vault, 20)
    close_file(
        vault.counsellor,
        vault.student_id,
        ClosureInput(
            closed_on=local_today(), reason="goals_met", goals_achieved="稳定", evaluation="好"
        ),
    )
    _refused(vault, lambda: given_consent(vault, rid, 19), None, "closed")
    _refused(vault, lambda: propose(vault), None, "closed")


def test_a_viewer_may_not_refer(vault: Vault) -> None:
    rid = propose(vault, 20)
    shot = snapshot(vault)
    with pytest.raises(PermissionDenied):
        propose_referral(
            vault.viewer,
            vault.student_id,
            institution_id=vault.hospital_id,
            urgency="routine",
            reason=REASON,
            on=ago(1),
        )
    with pytest.raises(PermissionDenied):
        record_referral_consent(vault.viewer, rid, consent(ago(19)))
    with pytest.raises(PermissionDenied):
        withdraw_referral(vault.viewer, rid, on=ago(1), reason="x")
    with pytest.raises(PermissionDenied):
        student_referrals(vault.viewer, vault.student_id)
    assert snapshot(vault) == shot
