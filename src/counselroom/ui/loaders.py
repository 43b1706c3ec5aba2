"""What a window needs from the services, gathered in one call that a worker can run.

`school_name` reads the profile row directly because no service offers it yet; it belongs in a
`services.school` module and moves there when that exists (the window must not grow its own
queries).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counselroom.services.context import Context
from counselroom.services.students import StudentRow, list_students
from counselroom.storage.models import SchoolProfile


@dataclass(frozen=True)
class StudentsSnapshot:
    school_name: str
    students: list[StudentRow]


def school_name(ctx: Context) -> str:
    with ctx.vault.read() as session:
        return session.scalar(select(SchoolProfile.name).where(SchoolProfile.id == 1)) or ""


def load_students_snapshot(ctx: Context) -> StudentsSnapshot:
    return StudentsSnapshot(school_name(ctx), list_students(ctx))
