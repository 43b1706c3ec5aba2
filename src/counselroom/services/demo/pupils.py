"""Student, guardian and care-group rows, built once the history has settled each pupil."""

from __future__ import annotations

from datetime import timedelta

from counselroom.domain.idnumbers import make_student_no
from counselroom.domain.pinyin import search_key
from counselroom.storage.models import Guardian, SchoolClass, Student, StudentGroup

from .tables import utc
from .world import World


def add_pupil_rows(world: World) -> None:
    tables = world.tables
    # The roster was imported before the history began (and before a long-running file).
    opened = [p.file_opened_at.date() for p in world.pupils if p.file_opened_at is not None]
    created = utc(min([world.start, *opened]) - timedelta(days=10), 9)
    updated = utc(world.today, 16)
    labels = {row["id"]: row["label"] for row in tables.rows[SchoolClass]}
    for pupil in world.pupils:
        tables.put(
            Student,
            {
                "id": pupil.id,
                "student_no": make_student_no(pupil.id_number),
                "id_type": "居民身份证",
                "id_number": pupil.id_number,
                "name": pupil.name,
                "name_pinyin": search_key(pupil.name),
                "gender": pupil.gender,
                "birth_date": pupil.birth,
                "ethnicity": pupil.ethnicity,
                "grade_level": pupil.grade,
                "class_id": pupil.class_id,
                "class_label_original": labels[pupil.class_id],
                "roll_no": f"{pupil.roll_no:02d}",
                "address": pupil.address,
                "phone": pupil.guardian.phone,
                "status": pupil.status,
                "file_state": pupil.file_state,
                "tier": pupil.tier,
                "next_follow_up": pupil.next_follow_up,
                "file_opened_at": pupil.file_opened_at,
                "keeper_id": world.counsellor_id if pupil.file_state != "none" else None,
                "created_at": created,
                "updated_at": updated,
                "origin": None,
                "enrolled_on": pupil.entered,
            },
        )
        for ordinal, member in enumerate(pupil.members, start=1):
            tables.add(
                Guardian,
                student_id=pupil.id,
                ordinal=ordinal,
                name=member.name,
                relation=member.relation,
                phone=member.phone,
                is_guardian=member.is_guardian,
            )
        for code in sorted(pupil.groups):
            tables.add(
                StudentGroup, student_id=pupil.id, code=code, since=pupil.groups[code], note=""
            )
