"""The 家校沟通 log: a contact is case work (opens a file, refused on a closed one), its date is
bounded by today and the student's enrolment, and a refused contact saves nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services.case_records import read_contacts
from counselroom.services.casework import change_tier
from counselroom.services.closure import ClosureInput, close_file, reopen_file
from counselroom.services.context import Context
from counselroom.services.file_records import AuthorNames
from counselroom.services.home_school import add_parent_contact
from counselroom.services.localtime import local_today
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.models import AuditEntry, NotificationTask, ParentContact, Student
from vault_fixtures import account, make_vault

TODAY = local_today()
DAY = timedelta(days=1)
ENROLLED = TODAY - 400 * DAY
BORN = TODAY - 5000 * DAY
CONTACT: dict[str, Any] = {
    "on": TODAY - 2 * DAY,
    "kind": "phone",
    "with_whom": "母亲 王芳",
    "summary": "孩子近来睡眠差，在家少言",
    "agreed": "家长每周反馈一次睡眠情况",
}


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context
    enrolled: int  # enrolment date known
    born: int  # only the birth date known
    counsellor_id: int


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    uid = counsellor.actor.user_id
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    with admin.vault.write() as s:
        enrolled = Student(name="张三", gender="M", birth_date=BORN, enrolled_on=ENROLLED)
        born = Student(name="李四", gender="F", birth_date=BORN)
        s.add_all([enrolled, born])
        s.flush()
        ids = enrolled.id, born.id
    try:
        yield Vault(
            admin,
            counsellor,
            viewer,
            *ids,
            uid,
        )
    finally:
        admin.close()


def snapshot(v: Vault) -> tuple[Any, ...]:
    with v.admin.vault.read() as s:
        students = [
            tuple(getattr(row, c.key) for c in Student.__table__.columns)
            for row in s.scalars(select(Student).order_by(Student.id))
        ]
        counts = tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (ParentContact, AuditEntry)
        )
        return students, counts


def student(v: Vault, sid: int) -> Student:
    with v.admin.vault.read() as s:
        row = s.get(Student, sid)
        assert row is not None
        s.expunge(row)
        return row


def test_contact_is_logged_opens_the_file_and_reads_back(vault: Vault) -> None:
    assert student(vault, vault.enrolled).file_state == "none"
    cid = add_parent_contact(vault.counsellor, vault.enrolled, **CONTACT)
    s = student(vault, vault.enrolled)
    assert (s.file_state, s.keeper_id, s.next_follow_up) == ("open", vault.counsellor_id, None)
    second = add_parent_contact(
        vault.counsellor,
        vault.enrolled,
        on=ENROLLED,
        kind="parents_meeting",
        with_whom=" 父亲 张强 ",
        summary="家长会后单独交流",
        agreed="   ",
    )
    with vault.admin.vault.read() as session:
        contacts = read_contacts(session, vault.enrolled, AuthorNames(session))
    assert [(c.id, c.on, c.kind, c.with_whom, c.summary, c.agreed) for c in contacts] == [
        (second, ENROLLED, "parents_meeting", "父亲 张强", "家长会后单独交流", None),
        (cid, CONTACT["on"], "phone", "母亲 王芳", CONTACT["summary"], CONTACT["agreed"]),
    ]
    assert {c.created_by for c in contacts} == {"林老师"}
    with vault.admin.vault.read() as session:
        rows = session.execute(
            select(AuditEntry.target, AuditEntry.detail)
            .where(AuditEntry.action == "contact.add")
            .order_by(AuditEntry.seq)
        ).all()
    assert [tuple(r) for r in rows] == [
        (f"student:{vault.enrolled}", f"contact={cid} kind=phone file=opened"),
        (f"student:{vault.enrolled}", f"contact={second} kind=parents_meeting"),
    ]
    details = " ".join(d or "" for _, d in rows)
    for text in ("王芳", "张强", "睡眠", "家长会"):
        assert text not in details


def test_opening_by_a_contact_gives_a_tiered_file_its_follow_up(vault: Vault) -> None:
    # A student carrying a tier without a file (imported that way) gets a follow-up date when a
    # contact opens his file, as any other opening does.
    with vault.admin.vault.write() as s:
        row = s.get(Student, vault.born)
        assert row is not None
        row.tier = 2
    add_parent_contact(vault.counsellor, vault.born, **{**CONTACT, "on": TODAY})
    assert student(vault, vault.born).next_follow_up == TODAY + 14 * DAY


BAD: list[tuple[str, dict[str, Any]]] = [
    ("on", {"on": TODAY + DAY}),
    ("on", {"on": ENROLLED - DAY}),  # before enrolment, though after birth
    ("on", {"on": TODAY.isoformat()}),
    ("kind", {"kind": "letter"}),
    ("kind", {"kind": None}),
    ("with_whom", {"with_whom": ""}),
    ("with_whom", {"with_whom": "  "}),
    ("summary", {"summary": ""}),
    ("summary", {"summary": None}),
    ("agreed", {"agreed": "约定\x00"}),
]


@pytest.mark.parametrize(("field", "change"), BAD, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD)])
def test_bad_contact_is_named_and_nothing_saved(
    vault: Vault, field: str, change: dict[str, Any]
) -> None:
    shot = snapshot(vault)
    with pytest.raises(ValidationError) as caught:
        add_parent_contact(vault.counsellor, vault.enrolled, **{**CONTACT, **change})
    assert caught.value.field == field
    assert snapshot(vault) == shot


def test_without_enrolment_the_birth_date_bounds_the_day(vault: Vault) -> None:
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="birth date") as caught:
        add_parent_contact(vault.counsellor, vault.born, **{**CONTACT, "on": BORN - DAY})
    assert caught.value.field == "on"
    assert snapshot(vault) == shot
    # The day of enrolment of the other student is no bound for this one.
    add_parent_contact(vault.counsellor, vault.born, **{**CONTACT, "on": ENROLLED - DAY})


def test_closed_file_takes_no_contact_until_reopened(vault: Vault) -> None:
    change_tier(
        vault.counsellor,
        vault.enrolled,
        to_tier=1,
        effective_on=TODAY,
        reason="r",
        evidence_kind="interview",
        evidence="e",
    )
    with vault.admin.vault.write() as s:  # the tier's tasks are done
        for task in s.scalars(select(NotificationTask)):
            task.done_at = task.created_at
    close_file(
        vault.counsellor,
        vault.enrolled,
        ClosureInput(closed_on=TODAY, reason="goals_met", goals_achieved="g", evaluation="e"),
    )
    shot = snapshot(vault)
    with pytest.raises(ValidationError, match="closed"):
        add_parent_contact(vault.counsellor, vault.enrolled, **CONTACT)
    assert snapshot(vault) == shot
    reopen_file(vault.counsellor, vault.enrolled, reason="家长求助")
    add_parent_contact(vault.counsellor, vault.enrolled, **CONTACT)


def test_viewer_and_unknown_student_are_refused(vault: Vault) -> None:
    shot = snapshot(vault)
    with pytest.raises(PermissionDenied):
        add_parent_contact(vault.viewer, vault.enrolled, **CONTACT)
    with pytest.raises(CounselRoomError, match="no student"):
        add_parent_contact(vault.counsellor, 9999, **CONTACT)
    assert snapshot(vault) == shot


def test_every_kind_is_accepted(vault: Vault) -> None:
    kinds = ("meeting", "home_visit", "phone", "message", "parents_meeting")
    for kind in kinds:
        add_parent_contact(vault.counsellor, vault.enrolled, **{**CONTACT, "kind": kind})
    with vault.admin.vault.read() as s:
        stored = s.scalars(select(ParentContact.kind).order_by(ParentContact.id)).all()
    assert tuple(stored) == kinds
