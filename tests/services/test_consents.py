"""Consent records: who may consent (under 14 a guardian), refusals, withdrawal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from referral_support import (
    BIRTH,
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

from counselroom.domain.errors import ValidationError
from counselroom.services.consents import ConsentInput, record_consent, withdraw_consent
from counselroom.services.localtime import local_today
from counselroom.services.referrals import (
    mark_referral_seen,
    mark_referral_sent,
    propose_referral,
    record_referral_consent,
)
from counselroom.services.roles import PermissionDenied
from counselroom.services.student_file import open_student_file, student_consents
from counselroom.storage.models import AuditEntry, Consent, Student

BIRTHDAY_14 = date(2026, 3, 10)  # BIRTH + 14 years
assert BIRTHDAY_14.replace(year=BIRTH.year) == BIRTH


@pytest.fixture
def v(tmp_path: Path) -> Iterator[Vault]:
    yield from make(tmp_path)


@pytest.fixture
def unknown_birth(tmp_path: Path) -> Iterator[Vault]:
    yield from make(tmp_path, birth_date=None)


def screening(on: date, **changes: Any) -> ConsentInput:
    return replace(
        consent(on, purpose="screening", text_version="心理筛查知情同意书 2026版"), **changes
    )


def _refused(v: Vault, call: Callable[[], object], field: str | None) -> ValidationError:
    shot = snapshot(v)
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field, caught.value
    assert snapshot(v) == shot
    return caught.value


def _stored(v: Vault, consent_id: int) -> dict[str, Any]:
    with v.admin.vault.read() as s:
        row = s.get(Consent, consent_id)
        assert row is not None
        return {c.key: getattr(row, c.key) for c in Consent.__table__.columns}


# -- recording --------------------------------------------------------------------------------


def test_a_guardians_screening_consent_is_recorded_and_audited_without_names(v: Vault) -> None:
    cid = record_consent(v.counsellor, v.student_id, screening(ago(3)))
    row = _stored(v, cid)
    assert (row["purpose"], row["given"], row["by_student"], row["on"]) == (
        "screening",
        True,
        False,
        ago(3),
    )
    assert (row["guardian_name"], row["relation"], row["method"]) == ("李母", "母亲", "paper")
    assert (row["text_version"], row["reference"], row["witness"]) == (
        "心理筛查知情同意书 2026版",
        "ZJ-2026-001",
        None,
    )
    assert row["recorded_by_id"] == v.counsellor.actor.user_id
    ((action, target, detail),) = audits(v, "consent.")
    assert (action, target) == ("consent.add", f"student:{v.student_id}")
    assert detail == f"consent={cid} purpose=screening given=1 by_student=0"
    with v.admin.vault.read() as s:
        student = s.get(Student, v.student_id)
        assert student is not None and student.file_state == "none"  # not case work


def test_the_student_may_consent_himself_from_his_14th_birthday(v: Vault) -> None:
    cid = record_consent(
        v.counsellor,
        v.student_id,
        screening(BIRTHDAY_14, by_student=True, guardian_name="", relation=""),
    )
    row = _stored(v, cid)
    assert (row["by_student"], row["guardian_name"], row["relation"]) == (True, "", "")
    assert audits(v, "consent.")[0][2] == f"consent={cid} purpose=screening given=1 by_student=1"


def test_the_day_before_his_14th_birthday_a_guardian_must_consent(v: Vault) -> None:
    day_before = BIRTHDAY_14 - timedelta(days=1)
    error = _refused(
        v,
        lambda: record_consent(v.counsellor, v.student_id, screening(day_before, by_student=True)),
        "by_student",
    )
    assert error.args == ("13", "2026-03-09", "2012-03-10")
    assert "under 14" in error.message
    # the same day, a guardian's consent is fine
    record_consent(v.counsellor, v.student_id, screening(day_before))


def test_an_unknown_birth_date_needs_a_guardian(unknown_birth: Vault) -> None:
    v = unknown_birth
    error = _refused(
        v,
        lambda: record_consent(v.counsellor, v.student_id, screening(ago(1), by_student=True)),
        "by_student",
    )
    assert "birth date is unknown" in error.message
    record_consent(v.counsellor, v.student_id, screening(ago(1)))


def test_a_refusal_is_recorded_with_its_witness(v: Vault) -> None:
    _refused(
        v,
        lambda: record_consent(
            v.counsellor, v.student_id, screening(ago(2), given=False, witness="  ")
        ),
        "witness",
    )
    cid = record_consent(
        v.counsellor, v.student_id, screening(ago(2), given=False, witness="王班主任")
    )
    assert (_stored(v, cid)["given"], _stored(v, cid)["witness"]) == (False, "王班主任")


BAD: list[tuple[str, dict[str, Any]]] = [
    ("purpose", {"purpose": "referral"}),
    ("purpose", {"purpose": "marketing"}),
    ("on", {"on": local_today() + timedelta(days=1)}),
    ("on", {"on": date(2011, 1, 1)}),  # before the birth
    ("method", {"method": "fax"}),
    ("text_version", {"text_version": " "}),
    ("guardian_name", {"guardian_name": ""}),
    ("relation", {"relation": ""}),
    ("given", {"given": None}),
    ("by_student", {"by_student": "no"}),
]


@pytest.mark.parametrize(("field", "change"), BAD, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD)])
def test_bad_consent_is_named_and_nothing_saved(
    v: Vault, field: str, change: dict[str, Any]
) -> None:
    _refused(
        v,
        lambda: record_consent(v.counsellor, v.student_id, replace(screening(ago(1)), **change)),
        field,
    )


def test_a_transfer_consent_is_recorded_on_a_student_without_a_file(v: Vault) -> None:
    cid = record_consent(
        v.counsellor,
        v.student_id,
        consent(ago(1), purpose="transfer", text_version="档案转接告知同意书"),
    )
    assert _stored(v, cid)["purpose"] == "transfer"


def test_a_viewer_may_neither_record_nor_read_consents(v: Vault) -> None:
    shot = snapshot(v)
    with pytest.raises(PermissionDenied):
        record_consent(v.viewer, v.student_id, screening(ago(1)))
    with pytest.raises(PermissionDenied):
        student_consents(v.viewer, v.student_id)
    assert snapshot(v) == shot
    assert open_student_file(v.viewer, v.student_id).consents is None


def test_the_file_lists_every_consent_and_reading_them_is_audited(v: Vault) -> None:
    first = record_consent(v.counsellor, v.student_id, screening(ago(5)))
    second = record_consent(
        v.counsellor, v.student_id, screening(ago(9), given=False, witness="王班主任")
    )
    listed = student_consents(v.counsellor, v.student_id)
    assert [c.id for c in listed] == [second, first]  # by date
    assert listed[1].recorded_by == "林老师" and listed[0].witness == "王班主任"
    with v.admin.vault.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert (last.action, last.detail) == ("student.view", "part=consents")
    f = open_student_file(v.counsellor, v.student_id)
    assert f.consents == listed
    assert [i.record_id for i in f.timeline if i.kind == "consent"] == [first, second]


# -- withdrawal ------------------------------------------------------------------------------


def test_a_withdrawal_is_dated_and_kept_beside_the_consent(v: Vault) -> None:
    cid = record_consent(v.counsellor, v.student_id, screening(ago(10)))
    withdraw_consent(v.counsellor, cid, on=ago(2), note="母亲电话告知不再参加筛查")
    row = _stored(v, cid)
    assert (row["withdrawn_on"], row["withdrawal_note"], row["given"]) == (
        ago(2),
        "母亲电话告知不再参加筛查",
        True,
    )
    (entry,) = student_consents(v.counsellor, v.student_id)
    assert (entry.withdrawn_on, entry.withdrawal_note) == (ago(2), "母亲电话告知不再参加筛查")
    assert audits(v, "consent.withdraw") == [
        ("consent.withdraw", f"student:{v.student_id}", f"consent={cid} purpose=screening")
    ]


def test_withdrawal_refusals_change_nothing(v: Vault) -> None:
    cid = record_consent(v.counsellor, v.student_id, screening(ago(10)))
    refusal = record_consent(
        v.counsellor, v.student_id, screening(ago(10), given=False, witness="王班主任")
    )
    before = _refused(v, lambda: withdraw_consent(v.counsellor, cid, on=ago(11)), "on")
    assert before.args == (ago(11).isoformat(), ago(10).isoformat())
    _refused(v, lambda: withdraw_consent(v.counsellor, cid, on=local_today() + timedelta(1)), "on")
    error = _refused(v, lambda: withdraw_consent(v.counsellor, refusal, on=ago(1)), None)
    assert error.record == f"consent {refusal}" and "refusal" in error.message
    error = _refused(v, lambda: withdraw_consent(v.counsellor, 999, on=ago(1)), None)
    assert error.record == "consent 999"
    withdraw_consent(v.counsellor, cid, on=ago(5))
    error = _refused(v, lambda: withdraw_consent(v.counsellor, cid, on=ago(1)), None)
    assert ago(5).isoformat() in error.message
    with pytest.raises(PermissionDenied):
        withdraw_consent(v.viewer, cid, on=ago(1))


def _referral_with_consent(v: Vault) -> tuple[int, int]:
    rid = propose_referral(
        v.counsellor,
        v.student_id,
        institution_id=v.hospital_id,
        urgency="urgent",
        reason="持续失眠",
        on=ago(20),
    )
    return rid, record_referral_consent(v.counsellor, rid, consent(ago(19)))


def test_withdrawing_a_referral_consent_before_sending_withdraws_the_referral(v: Vault) -> None:
    rid, cid = _referral_with_consent(v)
    withdraw_consent(v.counsellor, cid, on=ago(15), note="父亲不同意")
    values = referral_values(v, rid)
    assert (values["state"], values["closed_on"], values["consent_id"]) == (
        "withdrawn",
        ago(15),
        cid,
    )
    last = events_of(v, rid)[-1]
    assert (last[0], last[1]) == ("withdrawn", ago(15))
    assert last[3] == "监护人撤回转介知情同意：父亲不同意"
    assert _stored(v, cid)["withdrawn_on"] == ago(15)
    assert audits(v, "consent.withdraw")[0][2] == (
        f"consent={cid} purpose=referral referral={rid} state=withdrawn"
    )
    # and nothing can be sent on it any more
    _refused(v, lambda: mark_referral_sent(v.counsellor, rid, on=ago(1)), "state")


def test_withdrawing_a_referral_consent_after_sending_keeps_the_referral(v: Vault) -> None:
    rid, cid = _referral_with_consent(v)
    mark_referral_sent(v.counsellor, rid, on=ago(18))
    steps = events_of(v, rid)
    withdraw_consent(v.counsellor, cid, on=ago(10))
    assert referral_values(v, rid)["state"] == "sent"
    assert events_of(v, rid) == steps
    assert _stored(v, cid)["withdrawn_on"] == ago(10)
    assert audits(v, "consent.withdraw")[0][2] == f"consent={cid} purpose=referral referral={rid}"
    mark_referral_seen(v.counsellor, rid, on=ago(9))  # the visit's history goes on


def test_a_referral_consent_withdrawn_before_the_referral_reached_consent_is_refused(
    v: Vault,
) -> None:
    """The withdrawal date must not precede the referral's own last step either."""
    _rid, cid = _referral_with_consent(v)
    error = _refused(v, lambda: withdraw_consent(v.counsellor, cid, on=ago(20)), "on")
    assert "consent" in error.message
