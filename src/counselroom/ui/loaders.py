"""What a window needs from the services, gathered in one call that a worker can run."""

from __future__ import annotations

from dataclasses import dataclass

from counselroom.services.context import Context
from counselroom.services.school import school_info
from counselroom.services.students import StudentRow, list_students


@dataclass(frozen=True)
class StudentsSnapshot:
    school_name: str
    students: list[StudentRow]


def load_students_snapshot(ctx: Context) -> StudentsSnapshot:
    return StudentsSnapshot(school_info(ctx).name, list_students(ctx))
