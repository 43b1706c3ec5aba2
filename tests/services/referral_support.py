"""Shared by the referral, consent and institution tests: a vault with one student and a
hospital, and a snapshot of every table those services may write."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from counselroom.services.consents import ConsentInput
from counselroom.services.context import Context
from counselroom.services.institutions import InstitutionInput, add_institution
from counselroom.services.localtime import local_today
from counselroom.services.roles import Role
from counselroom.storage.base import Base
from counselroom.storage.models import (
    AuditEntry,
    Consent,
    Guardian,
    Institution,
    Referral,
    ReferralEvent,
    Student,
)
from vault_fixtures import account, make_vault

BIRTH = date(2012, 3, 10)  # 14 on 2026-03-10

GUARDIAN_CONSENT = ConsentInput(
    purpose="referral",
    given=True,
    on=date(2026, 1, 1),  # every test replaces it
    method="paper",
    text_version="转介知情同意书 第1版",
    guardian_name="李母",
    relation="母亲",
    reference="ZJ-2026-001",
)


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context
    student_id: int
    hospital_id: int


def make(tmp_path: Path, birth_date: date | None = BIRTH) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    with admin.vault.write() as s:
        student = Student(
            name="张三",
            gender="M",
            grade_level=8,
            birth_date=birth_date,
            enrolled_on=date(2024, 9, 1),
            guardians=[Guardian(ordinal=1, name="李母", relation="母亲", is_guardian=True)],
        )
        s.add(student)
        s.flush()
        student_id = student.id
    hospital = add_institution(
        admin,
        InstitutionInput(
            kind="hospital", name="市精神卫生中心", department="儿童青少年心理科", phone="023-1"
        ),
    )
    try:
        yield Vault(admin, counsellor, viewer, student_id, hospital)
    finally:
        admin.close()


def ago(days: int) -> date:
    return local_today() - timedelta(days=days)


def consent(on: date, **changes: Any) -> ConsentInput:
    return replace(GUARDIAN_CONSENT, on=on, **changes)


def _rows(session: Any, model: type[Base]) -> list[tuple[Any, ...]]:
    table = model.__table__
    return [tuple(r) for r in session.execute(select(table).order_by(*table.primary_key))]


def snapshot(v: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table a referral, consent or directory change may touch."""
    with v.admin.vault.read() as s:
        return {
            model.__name__: _rows(s, model)
            for model in (Student, Institution, Referral, ReferralEvent, Consent, AuditEntry)
        }


def audits(v: Vault, prefix: str) -> list[tuple[str, str | None, str | None]]:
    with v.admin.vault.read() as s:
        return [
            (a, t, d)
            for a, t, d in s.execute(
                select(AuditEntry.action, AuditEntry.target, AuditEntry.detail)
                .where(AuditEntry.action.startswith(prefix))
                .order_by(AuditEntry.seq)
            )
        ]


def referral_values(v: Vault, referral_id: int) -> dict[str, Any]:
    """The referral's columns as stored."""
    with v.admin.vault.read() as s:
        referral = s.get(Referral, referral_id)
        assert referral is not None
        return {c.key: getattr(referral, c.key) for c in Referral.__table__.columns}


def events_of(v: Vault, referral_id: int) -> list[tuple[str, date, int, str]]:
    """(state, on, by_id, note) of each step, in the order recorded."""
    with v.admin.vault.read() as s:
        return [
            (e.state, e.on, e.by_id, e.note)
            for e in s.scalars(
                select(ReferralEvent)
                .where(ReferralEvent.referral_id == referral_id)
                .order_by(ReferralEvent.at, ReferralEvent.id)
            )
        ]
