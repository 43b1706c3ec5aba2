"""The directory of partner hospitals, hotlines and services referrals go to (设置 → 转介机构).

Everyone signed in may read it (LIST_STUDENTS: it names no student, and a 班主任 may need a
hotline's number); only an administrator changes it (EDIT_POLICY), as it is school policy which
hospitals the green channel leads to. An entry is never deleted from the vault: deleting sets
``deleted_at`` so every referral made to it keeps naming it, and a deleted entry takes no new
referral (services.referrals) and no edit until it is restored.

Two live entries may not share name and department: the referral form would offer two
indistinguishable lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.services.checks import choice, optional_text, required_text
from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.storage.base import utcnow
from counselroom.storage.models import Institution, Referral
from counselroom.storage.models.choices import INSTITUTION_KINDS

# INSTITUTION_KINDS is re-exported: the window offers the kinds and may not import storage.
__all__ = [
    "INSTITUTION_KINDS",
    "InstitutionEntry",
    "InstitutionInput",
    "add_institution",
    "delete_institution",
    "get_live_institution",
    "list_institutions",
    "restore_institution",
    "update_institution",
]


@dataclass(frozen=True)
class InstitutionInput:
    kind: str  # INSTITUTION_KINDS: hospital | hotline | service
    name: str  # required
    department: str = ""
    address: str = ""
    phone: str = ""
    contact: str = ""
    green_channel_contact: str = ""  # the person to call for a 绿色转介通道 referral
    hours: str = ""


@dataclass(frozen=True)
class InstitutionEntry:
    id: int
    kind: str
    name: str
    department: str
    address: str
    phone: str
    contact: str
    green_channel_contact: str
    hours: str
    deleted: bool
    referrals: int  # referrals made to it (a deleted entry keeps them)


_TEXT_FIELDS = ("department", "address", "phone", "contact", "green_channel_contact", "hours")


def _checked(data: InstitutionInput) -> dict[str, str]:
    """Every value of ``data`` checked and stripped, as the model's column values."""
    values = {
        "kind": choice(data.kind, INSTITUTION_KINDS, "kind"),
        "name": required_text(data.name, "name"),
    }
    for name in _TEXT_FIELDS:
        values[name] = optional_text(getattr(data, name), name) or ""
    return values


def _get(session: Session, institution_id: int) -> Institution:
    institution = session.get(Institution, institution_id)
    if institution is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "there is no institution with id %1"),
            institution_id,
            record=f"institution {institution_id}",
        )
    return institution


def get_live_institution(session: Session, institution_id: int, field: str) -> Institution:
    """The institution a new referral goes to: it must exist and not be deleted."""
    institution = session.get(Institution, institution_id)
    if institution is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "there is no institution with id %1"),
            institution_id,
            field=field,
        )
    if institution.deleted_at is not None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "%1 was deleted from the directory of institutions: choose another, or ask an "
                "administrator to restore it",
            ),
            _label(institution.name, institution.department),
            field=field,
        )
    return institution


def _label(name: str, department: str) -> str:
    return f"{name} {department}" if department else name


def _require_unique(
    session: Session, name: str, department: str, except_id: int | None = None
) -> None:
    query = select(Institution.id).where(
        Institution.name == name,
        Institution.department == department,
        Institution.deleted_at.is_(None),
    )
    if except_id is not None:
        query = query.where(Institution.id != except_id)
    if session.scalar(query.limit(1)) is not None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is already in the directory"),
            _label(name, department),
            field="name",
        )


def _require_live(institution: Institution) -> None:
    if institution.deleted_at is not None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 was deleted: restore it before changing it"),
            _label(institution.name, institution.department),
            record=f"institution {institution.id}",
        )


def list_institutions(ctx: Context, *, include_deleted: bool = False) -> list[InstitutionEntry]:
    """The directory by kind (hospital, hotline, service) and name, with each entry's number
    of referrals."""
    ctx.require(Permission.LIST_STUDENTS)
    used = (
        select(Referral.institution_id, func.count().label("n"))
        .group_by(Referral.institution_id)
        .subquery()
    )
    query = (
        select(Institution, func.coalesce(used.c.n, 0))
        .outerjoin(used, used.c.institution_id == Institution.id)
        .order_by(Institution.kind, Institution.name, Institution.department, Institution.id)
    )
    if not include_deleted:
        query = query.where(Institution.deleted_at.is_(None))
    with ctx.vault.read() as session:
        return [
            InstitutionEntry(
                id=i.id,
                kind=i.kind,
                name=i.name,
                department=i.department,
                address=i.address,
                phone=i.phone,
                contact=i.contact,
                green_channel_contact=i.green_channel_contact,
                hours=i.hours,
                deleted=i.deleted_at is not None,
                referrals=int(count),
            )
            for i, count in session.execute(query)
        ]


def add_institution(ctx: Context, data: InstitutionInput) -> int:
    """Add an entry to the directory (administrators); returns its id."""
    ctx.require(Permission.EDIT_POLICY)
    values = _checked(data)
    with ctx.vault.write() as session:
        _require_unique(session, values["name"], values["department"])
        institution = Institution(**values, deleted_at=None)
        session.add(institution)
        session.flush()
        ctx.audit(
            session,
            "institution.add",
            target=f"institution:{institution.id}",
            detail=f"kind={institution.kind}",
        )
        return institution.id


def update_institution(ctx: Context, institution_id: int, data: InstitutionInput) -> None:
    """Change an entry (administrators); a deleted one must be restored first. Saving the
    values it already has writes nothing."""
    ctx.require(Permission.EDIT_POLICY)
    values = _checked(data)
    with ctx.vault.write() as session:
        institution = _get(session, institution_id)
        _require_live(institution)
        changed = sorted(k for k, v in values.items() if getattr(institution, k) != v)
        if not changed:
            return
        _require_unique(session, values["name"], values["department"], except_id=institution.id)
        for key in changed:
            setattr(institution, key, values[key])
        ctx.audit(
            session,
            "institution.update",
            target=f"institution:{institution.id}",
            detail="fields=" + ",".join(changed),
        )


def delete_institution(ctx: Context, institution_id: int) -> None:
    """Hide an entry from new referrals (administrators); its referrals keep naming it."""
    ctx.require(Permission.EDIT_POLICY)
    with ctx.vault.write() as session:
        institution = _get(session, institution_id)
        if institution.deleted_at is not None:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 was already deleted"),
                _label(institution.name, institution.department),
                record=f"institution {institution.id}",
            )
        institution.deleted_at = utcnow()
        ctx.audit(session, "institution.delete", target=f"institution:{institution.id}")


def restore_institution(ctx: Context, institution_id: int) -> None:
    """Bring a deleted entry back (administrators), unless a live one took its name since."""
    ctx.require(Permission.EDIT_POLICY)
    with ctx.vault.write() as session:
        institution = _get(session, institution_id)
        if institution.deleted_at is None:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 is not deleted"),
                _label(institution.name, institution.department),
                record=f"institution {institution.id}",
            )
        _require_unique(session, institution.name, institution.department, institution.id)
        institution.deleted_at = None
        ctx.audit(session, "institution.restore", target=f"institution:{institution.id}")
