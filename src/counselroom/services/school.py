"""The school profile (every role may read it: it is on every printed page)."""

from __future__ import annotations

from dataclasses import dataclass

from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.storage.models import SchoolProfile


@dataclass(frozen=True)
class SchoolInfo:
    name: str
    school_type: str
    code: str
    district: str
    address: str
    phone: str
    partner_hospital: str
    district_contact: str


def school_info(ctx: Context) -> SchoolInfo:
    with ctx.vault.read() as session:
        profile = session.get(SchoolProfile, 1)
        if profile is None:
            raise CounselRoomError("the vault has no school profile (it was not fully created)")
        return SchoolInfo(
            profile.name,
            profile.school_type,
            profile.code,
            profile.district,
            profile.address,
            profile.phone,
            profile.partner_hospital,
            profile.district_contact,
        )
