"""The demo's pupils back from leave get the services' closer follow-up (weekly after 复学).

The generator writes next_follow_up itself; for a pupil still inside his return series it must
be the series' next day when that comes before the tier's, as services/follow_up.py computes.
The demo is sized so that some pupils are inside a series on the chosen day (asserted, so the
test cannot pass on a school where nobody has just come back).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from counselroom.domain.policy import Policy
from counselroom.services.demo import create_demo_vault
from counselroom.services.follow_up import refresh_follow_up
from counselroom.storage.models import Leave, ReturnRecord, Student
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

TODAY = date(2026, 11, 20)


def test_pupils_back_from_leave_follow_the_closer_series(tmp_path: Path) -> None:
    ctx, _code, _summary = create_demo_vault(
        tmp_path / "vault", 2000, seed=11, kdf=INSECURE_TEST_PARAMS, today=TODAY, file_rate=0.4
    )
    try:
        with ctx.vault.write() as session:
            series_end = dict(
                session.execute(
                    select(Leave.student_id, ReturnRecord.close_follow_up_until).join(
                        ReturnRecord, ReturnRecord.leave_id == Leave.id
                    )
                ).all()
            )
            students = session.scalars(
                select(Student).where(Student.file_state == "open", Student.status == "enrolled")
            ).all()
            inside = [
                s for s in students if (end := series_end.get(s.id)) is not None and end >= TODAY
            ]
            assert inside, "no pupil inside a return series: choose another seed or day"
            policy = Policy.default()
            for student in students:
                stored = student.next_follow_up
                assert refresh_follow_up(session, student, policy) == stored, student.id
            session.rollback()  # refresh_follow_up assigns; this test only compares
    finally:
        ctx.close()
