"""The batch as the screening page shows it: every result, the flagged and retest lists, and
the coverage — the students of the batch's grades who have no result yet.

Apart from screening_batches.py, which writes (creates a batch, enters a sheet): this is the
one read of a whole batch, and the coverage query is asked only here. Students on leave (休学)
are in the coverage too, with their status: they are the ones most at risk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.screening_flags import INTERVIEW_FLAGS, RETEST_FLAGS
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission
from counselroom.services.screening_batches import batch_grades, get_batch
from counselroom.services.screening_results import (
    BatchResultRow,
    class_then_name,
    grade_then,
    result_rows,
    who_select,
)
from counselroom.storage.models import ScreeningResult, Student

__all__ = ["BatchDetail", "CoverageRow", "batch_detail", "coverage"]


@dataclass(frozen=True)
class CoverageRow:
    student_id: int
    student_no: str | None
    name: str
    class_label: str
    grade_level: int
    status: str = "enrolled"  # "on_leave" students are listed too: the ones most at risk


@dataclass(frozen=True)
class BatchDetail:
    id: int
    instrument: str
    on: date
    term: str
    grades: tuple[int, ...]
    consent_ref: str | None
    note: str | None
    results: tuple[BatchResultRow, ...]  # by class then name
    flagged: tuple[BatchResultRow, ...]  # any INTERVIEW_FLAGS, item 9 first
    retest: tuple[BatchResultRow, ...]  # any RETEST_FLAGS
    missing: tuple[CoverageRow, ...]  # students of the batch's grades without a result


def batch_detail(ctx: Context, batch_id: int) -> BatchDetail:
    """The batch with every result, the flagged and retest lists and the coverage; a view of
    screening answers, so counsellors only, and audited."""
    ctx.require(Permission.READ_CASE_NOTES)
    with ctx.vault.write() as session:
        batch = get_batch(session, batch_id)
        grades = batch_grades(batch)
        results = result_rows(session, batch.id)
        missing = coverage(session, batch.id, grades, batch.on, local_today())
        rank = {code: index for index, code in enumerate(INTERVIEW_FLAGS)}
        flagged = sorted(
            (r for r in results if any(f in rank for f in r.flags)),
            key=lambda r: min(rank[f] for f in r.flags if f in rank),
        )
        retest = tuple(r for r in results if any(f in RETEST_FLAGS for f in r.flags))
        ctx.audit(
            session,
            "screening.view",
            target=f"batch:{batch.id}",
            detail=f"results={len(results)} flagged={len(flagged)} missing={len(missing)}",
        )
        return BatchDetail(
            id=batch.id,
            instrument=batch.instrument,
            on=batch.on,
            term=batch.term,
            grades=grades,
            consent_ref=batch.consent_ref,
            note=batch.note,
            results=results,
            flagged=tuple(flagged),
            retest=retest,
            missing=missing,
        )


def coverage(
    session: Session, batch_id: int, grades: tuple[int, ...], batch_on: date, today: date
) -> tuple[CoverageRow, ...]:
    """Students still at school (enrolled or on leave) who were in one of the batch's grades on
    its day and have no result in it, by class then name."""
    done = select(ScreeningResult.student_id).where(ScreeningResult.batch_id == batch_id)
    query = (
        who_select()
        .add_columns(Student.grade_level)
        .where(Student.status.in_(("enrolled", "on_leave")), Student.id.not_in(done))
    )
    out = []
    for row in sorted(session.execute(query), key=class_then_name):
        level = row[8] if row[8] is not None else (row[5] if row[5] != 99 else None)
        if level is None or grade_then(int(level), batch_on, today) not in grades:
            continue
        out.append(
            CoverageRow(
                student_id=int(row[0]),
                student_no=row[1],
                name=str(row[2]),
                class_label=str(row[3] or ""),
                grade_level=grade_then(int(level), batch_on, today),
                status=str(row[4]),
            )
        )
    return tuple(out)
