"""Editing 概况: every bad field named, nothing saved unless all is valid, audit without values."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.domain.idnumbers import canonical_id_number, make_id_number, make_student_no
from counselroom.domain.text import normalise_ascii
from counselroom.services.context import Actor, Context
from counselroom.services.counselling import SessionInput, record_session
from counselroom.services.home_school import add_parent_contact
from counselroom.services.localtime import from_local, local_date
from counselroom.services.profile import (
    ProfileEdit,
    ProfileErrors,
    update_profile,
)
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.student_file import GuardianEntry, StudentProfile, open_student_file
from counselroom.services.users import add_user
from counselroom.storage.models import AuditEntry, Guardian, SchoolClass, Student, StudentGroup
from vault_fixtures import CHEAP, PASSWORD, make_vault

BIRTH = date(2012, 3, 5)
ID_NUMBER = make_id_number("110101", BIRTH, 1)  # male
OTHER_ID = make_id_number("110101", date(2012, 6, 1), 2)


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context
    student_id: int
    class7: int
    class8: int


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    yield from _vault(tmp_path)


def _vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    uid = add_user(admin, "lin", PASSWORD, Role.COUNSELLOR, display_name="林老师", kdf=CHEAP)
    vid = add_user(admin, "ban", PASSWORD, Role.VIEWER, display_name="王班主任", kdf=CHEAP)
    with admin.vault.write() as s:
        c7 = SchoolClass(grade_level=7, number=1, label="初一(1)班")
        c8 = SchoolClass(grade_level=8, number=3, label="初二(3)班")
        s.add_all([c7, c8])
        s.flush()
        student = Student(
            name="张三",
            name_pinyin="zhangsan zs",
            student_no=make_student_no(ID_NUMBER),
            id_number=ID_NUMBER,
            gender="M",
            birth_date=BIRTH,
            grade_level=7,
            class_id=c7.id,
            phone="023-6000 1234",
            guardians=[
                Guardian(ordinal=1, name="张父", relation="父亲", phone="13800000001"),
                Guardian(ordinal=2, name="李母", relation="母亲", phone="13800000002"),
            ],
            groups=[StudentGroup(code="left_behind", since=date(2025, 9, 1), note="台账")],
        )
        s.add(student)
        s.add(Student(name="李四", student_no=make_student_no(OTHER_ID), gender="F"))
        s.flush()
        ids = (student.id, c7.id, c8.id)
    yield Vault(
        admin,
        Context(admin.vault, Actor(uid, "lin", "林老师", Role.COUNSELLOR)),
        Context(admin.vault, Actor(vid, "ban", "王班主任", Role.VIEWER)),
        *ids,
    )
    admin.close()


def current(v: Vault) -> StudentProfile:
    return open_student_file(v.counsellor, v.student_id).profile


def as_edit(p: StudentProfile) -> ProfileEdit:
    return ProfileEdit(
        student_no=p.student_no,
        name=p.name,
        gender=p.gender,
        birth_date=p.birth_date,
        id_number=p.id_number,
        ethnicity=p.ethnicity,
        class_id=p.class_id,
        roll_no=p.roll_no,
        address=p.address,
        phone=p.phone,
        guardians=p.guardians,
        groups=p.groups,
        enrolled_on=p.enrolled_on,
    )


def snapshot(v: Vault) -> tuple[Any, ...]:
    """Everything an edit may touch, straight from the tables, plus the audit length."""
    with v.admin.vault.read() as s:
        student = s.get(Student, v.student_id)
        assert student is not None
        row = {c.key: getattr(student, c.key) for c in Student.__table__.columns}
        guardians = s.execute(
            select(Guardian.ordinal, Guardian.name, Guardian.relation, Guardian.phone)
            .where(Guardian.student_id == v.student_id)
            .order_by(Guardian.ordinal)
        ).all()
        groups = s.execute(
            select(StudentGroup.code, StudentGroup.since, StudentGroup.note).where(
                StudentGroup.student_id == v.student_id
            )
        ).all()
        audit = s.scalar(select(func.count(AuditEntry.seq)))
        return row, guardians, sorted(groups), audit


def edits(v: Vault) -> list[tuple[str | None, str | None]]:
    with v.admin.vault.read() as s:
        return [
            (t, d)
            for t, d in s.execute(
                select(AuditEntry.target, AuditEntry.detail).where(
                    AuditEntry.action == "student.edit"
                )
            )
        ]


def test_valid_edit_updates_everything_and_audits_field_names_only(vault: Vault) -> None:
    before = current(vault)
    edit = replace(
        as_edit(before),
        name="欧阳娜娜",
        gender="M",
        class_id=vault.class8,
        phone="+86 139-0000-0000",
        guardians=(
            GuardianEntry("王外婆", "外祖母", "13700000003", True),
            GuardianEntry("张父", "父亲", "13800000001", False),
            GuardianEntry("李母", "母亲", "", True),
        ),
        groups=("migrant", "divorced"),
    )
    after = update_profile(
        vault.counsellor, vault.student_id, edit, expected_updated_at=before.updated_at
    )
    assert after == current(vault)
    assert after.updated_at != before.updated_at
    assert (after.name, after.grade_level, after.class_label) == ("欧阳娜娜", 8, "初二(3)班")
    assert after.guardians == edit.guardians
    assert after.groups == ("divorced", "migrant")
    with vault.admin.vault.read() as s:
        student = s.get(Student, vault.student_id)
        assert student is not None and student.name_pinyin == "ouyangnana oynn"
        ordinals = s.scalars(
            select(Guardian.ordinal)
            .where(Guardian.student_id == vault.student_id)
            .order_by(Guardian.ordinal)
        ).all()
        assert ordinals == [1, 2, 3]
    ((target, detail),) = edits(vault)
    assert target == f"student:{vault.student_id}"
    assert detail == "fields=name,class_id,phone,grade_level,guardians,groups"
    for value in ("欧阳", "娜娜", "139", "王外婆", "外祖母", "migrant", "divorced", "初二"):
        assert value not in detail


def test_unchanged_groups_keep_their_ledger_details(vault: Vault) -> None:
    before = current(vault)
    edit = replace(as_edit(before), groups=("left_behind", "poverty"))
    update_profile(vault.counsellor, vault.student_id, edit, expected_updated_at=before.updated_at)
    with vault.admin.vault.read() as s:
        kept = s.execute(
            select(StudentGroup.since, StudentGroup.note).where(
                StudentGroup.student_id == vault.student_id, StudentGroup.code == "left_behind"
            )
        ).one()
    assert tuple(kept) == (date(2025, 9, 1), "台账")
    assert edits(vault) == [(f"student:{vault.student_id}", "fields=groups")]


def test_an_edit_that_changes_nothing_writes_nothing(vault: Vault) -> None:
    before = current(vault)
    shot = snapshot(vault)
    update_profile(
        vault.counsellor, vault.student_id, as_edit(before), expected_updated_at=before.updated_at
    )
    assert snapshot(vault) == shot


BAD: list[tuple[str, dict[str, Any]]] = [
    ("student_no", {"student_no": "G" + ID_NUMBER[:17] + ("1" if ID_NUMBER[17] != "1" else "2")}),
    ("student_no", {"student_no": "X" + ID_NUMBER}),
    ("student_no", {"student_no": make_student_no(OTHER_ID)}),  # another student's
    ("id_number", {"id_number": ID_NUMBER[:17] + ("1" if ID_NUMBER[17] != "1" else "2")}),
    ("id_number", {"id_number": "1101012012030500A1"}),
    ("id_number", {"birth_date": date(2012, 3, 6)}),  # the ID says 2012-03-05
    ("id_number", {"gender": "F"}),  # the ID is a boy's
    ("birth_date", {"birth_date": date.today() + timedelta(days=2), "id_number": None}),
    ("birth_date", {"birth_date": date(1989, 12, 31), "id_number": None}),
    ("phone", {"phone": "138abc00000"}),
    ("phone", {"phone": "12345"}),
    ("phone", {"phone": "1" * 21}),
    ("name", {"name": "   "}),
    ("name", {"name": "张\x00三"}),
    ("gender", {"gender": "X"}),
    ("groups", {"groups": ("left_behind", "unicorns")}),
    ("class_id", {"class_id": 9999}),
    ("guardians[1].phone", {"guardians": (GuardianEntry("张父"), GuardianEntry("李母", "", "l"))}),
    ("guardians[0].name", {"guardians": (GuardianEntry(""),)}),
    ("enrolled_on", {"enrolled_on": date.today() + timedelta(days=2)}),
    ("enrolled_on", {"enrolled_on": BIRTH - timedelta(days=1)}),
    ("enrolled_on", {"enrolled_on": date(1989, 9, 1), "birth_date": None}),
    # A wrong birth date is reported once, under its own field, not again under enrolment.
    (
        "birth_date",
        {
            "birth_date": date.today() + timedelta(days=2),
            "id_number": None,
            "enrolled_on": date(2024, 9, 1),
        },
    ),
]


@pytest.mark.parametrize(("field", "change"), BAD, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD)])
def test_each_bad_input_is_named_by_its_field(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    before = current(vault)
    shot = snapshot(vault)
    with pytest.raises(ProfileErrors) as caught:
        update_profile(
            vault.counsellor,
            vault.student_id,
            replace(as_edit(before), **change),
            expected_updated_at=before.updated_at,
        )
    assert [e.field for e in caught.value.errors] == [field]
    assert all(isinstance(e, ValidationError) and e.message for e in caught.value.errors)
    assert snapshot(vault) == shot


def test_id_and_birth_date_disagreement_names_both_dates(vault: Vault) -> None:
    before = current(vault)
    with pytest.raises(ProfileErrors) as caught:
        update_profile(
            vault.counsellor,
            vault.student_id,
            replace(as_edit(before), birth_date=date(2012, 3, 6)),
            expected_updated_at=before.updated_at,
        )
    (error,) = caught.value.errors
    assert "2012-03-05" in error.message and "2012-03-06" in error.message


def test_all_problems_are_reported_together_and_nothing_is_saved(vault: Vault) -> None:
    before = current(vault)
    shot = snapshot(vault)
    bad = replace(
        as_edit(before),
        name="王五",  # valid, but must not be saved with the rest refused
        student_no=make_student_no(OTHER_ID),
        phone="call me",
        groups=("nope",),
        guardians=(GuardianEntry("新家长", "", "abc"),),
    )
    with pytest.raises(ProfileErrors) as caught:
        update_profile(
            vault.counsellor, vault.student_id, bad, expected_updated_at=before.updated_at
        )
    assert {e.field for e in caught.value.errors} == {
        "student_no",
        "phone",
        "groups",
        "guardians[0].phone",
    }
    assert snapshot(vault) == shot


def test_stale_edit_is_refused(vault: Vault) -> None:
    first = current(vault)
    # Only a related table changes: the student's token must move all the same.
    update_profile(
        vault.counsellor,
        vault.student_id,
        replace(as_edit(first), guardians=(GuardianEntry("张父", "父亲", "13800000001"),)),
        expected_updated_at=first.updated_at,
    )
    shot = snapshot(vault)
    with pytest.raises(StaleRecordError, match="changed elsewhere") as caught:
        update_profile(
            vault.counsellor,
            vault.student_id,
            replace(as_edit(first), name="王五"),
            expected_updated_at=first.updated_at,
        )
    assert not isinstance(caught.value, ProfileErrors)
    assert snapshot(vault) == shot


def test_viewer_may_not_edit(vault: Vault) -> None:
    before = current(vault)
    shot = snapshot(vault)
    with pytest.raises(PermissionDenied):
        update_profile(
            vault.viewer,
            vault.student_id,
            replace(as_edit(before), name="王五"),
            expected_updated_at=before.updated_at,
        )
    assert snapshot(vault) == shot


def _valid_id(text: str) -> bool:
    try:
        canonical_id_number(text)
    except ValidationError:
        return False
    return True


with_letter = st.tuples(st.text(max_size=12), st.sampled_from("aZx电Ⅳ"), st.text(max_size=12))


def test_arbitrary_phone_or_id_text_only_ever_raises_profile_errors(tmp_path: Path) -> None:
    vaults = _vault(tmp_path)
    v = next(vaults)
    base = as_edit(current(v))
    token = current(v).updated_at
    shot = snapshot(v)

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(phone=with_letter.map("".join), id_text=st.text(max_size=30))
    def attempt(phone: str, id_text: str) -> None:
        assume(normalise_ascii(id_text).strip() and not _valid_id(id_text))
        for edit, field in (
            (replace(base, phone=phone), "phone"),
            (replace(base, id_number=id_text), "id_number"),
        ):
            with pytest.raises(ProfileErrors) as caught:
                update_profile(v.counsellor, v.student_id, edit, expected_updated_at=token)
            assert {e.field for e in caught.value.errors} == {field}

    try:
        attempt()
        assert snapshot(v) == shot
    finally:
        next(vaults, None)


# -- the enrolment day (入学日期) ------------------------------------------------------------

ENROLLED = date(2024, 9, 1)
# 07:00 in Beijing on 2024-10-10 is still 2024-10-09 in UTC: counselling dates a session by
# its local day, and so must the enrolment check.
SESSION_AT = from_local(datetime(2024, 10, 10, 7, 0))
CONTACT_ON = date(2024, 10, 20)


def set_enrolment(v: Vault, day: date | None) -> StudentProfile:
    before = current(v)
    return update_profile(
        v.counsellor,
        v.student_id,
        replace(as_edit(before), enrolled_on=day),
        expected_updated_at=before.updated_at,
    )


def record_history(v: Vault) -> None:
    """One counselling session and one parent contact, after birth and before any enrolment."""
    record_session(
        v.counsellor,
        v.student_id,
        SessionInput(started_at=SESSION_AT, duration_min=45, kind="individual"),
    )
    add_parent_contact(
        v.counsellor,
        v.student_id,
        on=CONTACT_ON,
        kind="phone",
        with_whom="张父",
        summary="约定下周面谈",
    )


def stored_enrolment(v: Vault) -> date | None:
    with v.admin.vault.read() as s:
        return s.scalar(select(Student.enrolled_on).where(Student.id == v.student_id))


def test_enrolment_day_is_saved_shown_and_audited_by_name_only(vault: Vault) -> None:
    assert current(vault).enrolled_on is None
    after = set_enrolment(vault, ENROLLED)
    assert after.enrolled_on == ENROLLED
    assert current(vault).enrolled_on == ENROLLED
    assert stored_enrolment(vault) == ENROLLED
    ((target, detail),) = edits(vault)
    assert (target, detail) == (f"student:{vault.student_id}", "fields=enrolled_on")


def test_enrolment_day_can_be_cleared_even_with_records(vault: Vault) -> None:
    set_enrolment(vault, ENROLLED)
    record_history(vault)
    after = set_enrolment(vault, None)
    assert after.enrolled_on is None and stored_enrolment(vault) is None
    assert [d for _t, d in edits(vault)] == ["fields=enrolled_on", "fields=enrolled_on"]


def test_enrolment_before_birth_names_the_field_and_both_dates(vault: Vault) -> None:
    with pytest.raises(ProfileErrors) as caught:
        set_enrolment(vault, date(2011, 9, 1))
    (error,) = caught.value.errors
    assert error.field == "enrolled_on"
    assert "enrolment day" in error.message
    assert "2011-09-01" in error.message and BIRTH.isoformat() in error.message


def test_a_later_enrolment_day_is_refused_while_records_predate_it(vault: Vault) -> None:
    record_history(vault)
    before = current(vault)
    shot = snapshot(vault)
    edit = replace(as_edit(before), name="王五", enrolled_on=CONTACT_ON + timedelta(days=1))
    with pytest.raises(ProfileErrors) as caught:
        update_profile(
            vault.counsellor, vault.student_id, edit, expected_updated_at=before.updated_at
        )
    (error,) = caught.value.errors
    assert error.field == "enrolled_on"
    assert "1 counselling session(s)" in error.message
    assert "1 parent contact(s)" in error.message
    assert "earliest on 2024-10-10" in error.message  # the session's local day
    assert snapshot(vault) == shot  # not even the valid name


def test_the_session_counts_by_its_local_day(vault: Vault) -> None:
    record_history(vault)
    session_day = local_date(SESSION_AT)
    assert session_day != SESSION_AT.date()  # the case this test is about
    with pytest.raises(ProfileErrors) as caught:
        set_enrolment(vault, session_day + timedelta(days=1))
    (error,) = caught.value.errors
    assert "1 counselling session(s) and 0 parent contact(s)" in error.message
    assert f"earliest on {session_day.isoformat()}" in error.message
    assert set_enrolment(vault, session_day).enrolled_on == session_day
    assert stored_enrolment(vault) == session_day


def test_an_unchanged_enrolment_day_is_not_checked_again(vault: Vault) -> None:
    """A day stored before the rule existed (an import) must not block other edits."""
    record_history(vault)
    with vault.admin.vault.write() as s:
        student = s.get(Student, vault.student_id)
        assert student is not None
        student.enrolled_on = date(2024, 11, 1)  # after both records
    after = update_profile(
        vault.counsellor,
        vault.student_id,
        replace(as_edit(current(vault)), ethnicity="汉族"),
        expected_updated_at=current(vault).updated_at,
    )
    assert after.ethnicity == "汉族" and after.enrolled_on == date(2024, 11, 1)
    assert edits(vault)[-1][1] == "fields=ethnicity"
