"""Creating a vault: school profile, first administrator, default policy, the preset hotlines
(domain/hotlines.py), recovery code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import ValidationError
from counselroom.domain.hotlines import PRESET_INSTITUTIONS, phone_key
from counselroom.domain.policy import Policy
from counselroom.services.context import Actor, Context
from counselroom.services.passwords import check_new_password
from counselroom.services.roles import Role
from counselroom.services.school_identity import ensure_identity
from counselroom.storage.base import utcnow
from counselroom.storage.models import Institution, PolicySetting, SchoolProfile, User
from counselroom.vault.kdf import KdfParams, production_params
from counselroom.vault.vault import Vault

SCHOOL_TYPES = ("primary", "junior", "senior", "complete")


@dataclass(frozen=True)
class SchoolDetails:
    name: str
    school_type: str = "complete"
    code: str = ""
    district: str = ""
    address: str = ""
    phone: str = ""
    partner_hospital: str = ""
    district_contact: str = ""


def check_username(username: str) -> str:
    name = username.strip()
    if not name or len(name) > 40 or any(ch.isspace() for ch in name):
        raise ValidationError("user name must be 1–40 characters without spaces", field="username")
    return name


def _add_preset_institutions(session: Session) -> None:
    """The preset hotlines the new vault lacks, matched by phone. The migrations that build
    the schema already add them (0003 does so for any vault without them); this keeps a new
    vault right even if the schema is ever built another way, without listing one twice."""
    present = {phone_key(phone) for phone in session.scalars(select(Institution.phone))}
    session.add_all(
        Institution(kind=kind, name=name, department=dept, phone=phone, hours=hours)
        for kind, name, dept, phone, hours in PRESET_INSTITUTIONS
        if phone_key(phone) not in present
    )


def init_vault(
    folder: Path,
    school: SchoolDetails,
    admin_username: str,
    admin_password: str,
    *,
    admin_display_name: str | None = None,
    kdf: KdfParams | None = None,
) -> tuple[Context, str]:
    """Create the vault; return the signed-in administrator's context and the recovery code."""
    if not school.name.strip():
        raise ValidationError("the school name is required", field="school")
    if school.school_type not in SCHOOL_TYPES:
        raise ValidationError(f"unknown school type {school.school_type!r}", field="school_type")
    username = check_username(admin_username)
    check_new_password(admin_password)
    params = kdf or production_params()
    vault = Vault.create(folder)
    try:
        with vault.write() as session:
            session.add(
                SchoolProfile(
                    id=1,
                    name=school.name.strip(),
                    code=school.code,
                    district=school.district,
                    address=school.address,
                    phone=school.phone,
                    partner_hospital=school.partner_hospital,
                    district_contact=school.district_contact,
                    school_type=school.school_type,
                    created_at=utcnow(),
                )
            )
            admin = User(
                username=username,
                display_name=admin_display_name or username,
                role=Role.ADMIN.value,
                created_at=utcnow(),
            )
            session.add(admin)
            session.flush()
            session.add(
                PolicySetting(
                    version=1,
                    data_json=json.dumps(Policy.default().to_dict(), ensure_ascii=False),
                    created_at=utcnow(),
                    created_by_id=admin.id,
                    note="defaults",
                )
            )
            _add_preset_institutions(session)
            ensure_identity(session)  # the school's transfer keys (issue 8)
            vault.audit(
                session,
                "vault.create",
                user_id=admin.id,
                username=username,
                detail=f"vault {vault.vault_id}",
            )
            vault.audit(
                session,
                "user.add",
                user_id=admin.id,
                username=username,
                target=f"user:{admin.id}",
                detail="role=admin",
            )
            admin_id = admin.id
        vault.add_user_slot(admin_id, username, admin_password, params)
        code = vault.new_recovery_slot(params)
    except BaseException:
        vault.close()
        raise
    actor = Actor(admin_id, username, admin_display_name or username, Role.ADMIN)
    return Context(vault, actor), code
