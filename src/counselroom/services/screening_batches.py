"""Screening batches (一次测评): create one, enter a paper sheet (read one: screening_batch_view).

A batch is one administration of an instrument to some grades. Its results are screening flags
(筛查提示), never a diagnosis: a flagged student goes on the interview list, a void or incomplete
sheet on the retest list, and a positive PHQ-9 item 9 also creates the counsellor's same-day risk
task (services.screening_results).

Refusals are templates for the catalogue (QT_TRANSLATE_NOOP) with their data apart, so the batch
and entry dialogs show them in Chinese.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.scoring import (
    ITEM_COUNTS,
    MHT_SCALES,
    SheetScore,
    score_mht_scales,
    score_sheet,
)
from counselroom.domain.terms import term_from_label
from counselroom.services.checks import choice, local_day, optional_text, past_or_today
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.services.screening_results import (
    INSTRUMENT_NAMES,
    BatchResultRow,
    load_roll,
    refusal,
    result_rows,
    result_values,
    risk_task_values,
)
from counselroom.storage.base import utcnow
from counselroom.storage.models import NotificationTask, ScreeningBatch, ScreeningResult
from counselroom.storage.models.choices import INSTRUMENTS

__all__ = [
    "MIN_GRADE",
    "BatchInput",
    "BatchResultRow",
    "add_batch",
    "batch_grades",
    "check_batch_input",
    "create_batch",
    "enter_result",
    "get_batch",
]

# MHT is normed from grade 4 (小学四年级) to senior high (DOMAIN.md "Screening").
MIN_GRADE = {"phq9": 1, "gad7": 1, "mht": 4}
# A batch given out in the last days of the summer holiday may carry the coming term's label.
EARLY_START = timedelta(days=31)
_LIKERT_MAX = {"phq9": 3, "gad7": 3, "mht": 1}


@dataclass(frozen=True)
class BatchInput:
    instrument: str  # phq9 | gad7 | mht
    on: date
    term: str  # label, e.g. "2026-2027学年第一学期"
    grades: tuple[int, ...]  # levels 1-12, non-empty
    consent_ref: str | None
    note: str | None


def check_batch_input(data: BatchInput) -> BatchInput:
    """The batch as stored (term label normalised, grades sorted), or ValidationError naming
    the field; called before any write."""
    instrument = choice(data.instrument, INSTRUMENTS, "instrument")
    on = past_or_today(local_day(data.on, "date"), "date")
    term = term_from_label(data.term) if isinstance(data.term, str) else None
    if term is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "must be a term label (got %1)"),
            repr(data.term),
            field="term",
        )
    if not (term.contains(on) or term.start - EARLY_START <= on < term.start):
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is not in %2 (%3 – %4)"),
            on.isoformat(),
            term.label_zh,
            term.start,
            term.end,
            field="date",
        )
    grades = tuple(sorted(set(data.grades))) if isinstance(data.grades, tuple | list) else ()
    if not grades:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "at least one grade is required"), field="grades"
        )
    lowest = MIN_GRADE[instrument]
    for grade in grades:
        if isinstance(grade, bool) or not isinstance(grade, int) or not 1 <= grade <= 12:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "grade must be 1-12 (got %1)"),
                repr(grade),
                field="grades",
            )
        if grade < lowest:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 is for grade %2 and up (got %3)"),
                INSTRUMENT_NAMES[instrument],
                lowest,
                grade,
                field="grades",
            )
    return BatchInput(
        instrument=instrument,
        on=on,
        term=term.label_zh,
        grades=grades,
        consent_ref=optional_text(data.consent_ref, "consent_ref"),
        note=optional_text(data.note, "note"),
    )


def add_batch(session: Session, ctx: Context, data: BatchInput) -> ScreeningBatch:
    """Add a batch inside the caller's transaction (the caller audits)."""
    checked = check_batch_input(data)
    batch = ScreeningBatch(
        instrument=checked.instrument,
        on=checked.on,
        term=checked.term,
        grades=",".join(str(g) for g in checked.grades),
        consent_ref=checked.consent_ref,
        note=checked.note,
        created_by_id=ctx.actor.user_id,
    )
    session.add(batch)
    session.flush()
    return batch


def create_batch(ctx: Context, data: BatchInput) -> int:
    ctx.require(Permission.EDIT_CASES)
    checked = check_batch_input(data)
    with ctx.vault.write() as session:
        batch = add_batch(session, ctx, checked)
        grades = ",".join(str(g) for g in checked.grades)
        ctx.audit(
            session,
            "screening.batch",
            target=f"batch:{batch.id}",
            detail=f"instrument={batch.instrument} grades={grades}",
        )
        return batch.id


def batch_grades(batch: ScreeningBatch) -> tuple[int, ...]:
    return tuple(int(g) for g in batch.grades.split(",") if g.strip())


def get_batch(session: Session, batch_id: int) -> ScreeningBatch:
    batch = session.get(ScreeningBatch, batch_id)
    if batch is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "no screening batch with id %1"), batch_id, field="batch"
        )
    return batch


def _entered_score(
    session: Session,
    instrument: str,
    answers: Sequence[int | None] | None,
    scales: Mapping[str, int] | None,
    lie: int | None,
    total: int | None,
) -> SheetScore:
    """Score a hand-entered sheet; every value is checked here so the scorer never sees a bad
    one (a blank stays None: the sheet is then stored as incomplete, as a file's would be)."""
    cutoffs = policy_in(session).screening
    if (answers is None) == (scales is None):
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "give either the answers or (MHT) the scale scores"),
            field="answers",
        )
    if answers is not None:
        count, top = ITEM_COUNTS[instrument], _LIKERT_MAX[instrument]
        given = list(answers)
        if len(given) != count:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "%1 has %2 items (got %3 answers)"),
                INSTRUMENT_NAMES[instrument],
                count,
                len(given),
                field="answers",
            )
        for number, answer in enumerate(given, 1):
            if answer is None:
                continue
            if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= top:
                raise ValidationError.of(
                    QT_TRANSLATE_NOOP("problems", "answer must be 0-%1 (got %2)"),
                    top,
                    repr(answer),
                    field=f"item{number}",
                )
        return score_sheet(instrument, given, cutoffs)
    if instrument != "mht":
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is entered as answers, not scale scores"),
            INSTRUMENT_NAMES[instrument],
            field="scales",
        )
    assert scales is not None
    unknown = sorted(set(scales) - {s.code for s in MHT_SCALES})
    if unknown:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "unknown MHT scale %1"), repr(unknown[0]), field="scales"
        )
    if lie is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "the lie (效度) score is required"), field="lie"
        )
    return score_mht_scales(scales, lie, total, cutoffs.mht)


def enter_result(
    ctx: Context,
    batch_id: int,
    student_id: int,
    *,
    answers: Sequence[int | None] | None = None,
    scales: Mapping[str, int] | None = None,
    lie: int | None = None,
    total: int | None = None,
) -> BatchResultRow:
    """Store one paper sheet typed in by hand, refused for the same reasons an imported row is."""
    ctx.require(Permission.EDIT_CASES)
    today = local_today()
    with ctx.vault.write() as session:
        batch = get_batch(session, batch_id)
        score = _entered_score(session, batch.instrument, answers, scales, lie, total)
        pupil = load_roll(session).by_id.get(student_id)
        if pupil is None:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP("problems", "no student with id %1"), student_id, field="student"
            )
        has_result = bool(
            session.scalar(
                select(func.count(ScreeningResult.id)).where(
                    ScreeningResult.batch_id == batch.id,
                    ScreeningResult.student_id == student_id,
                )
            )
        )
        refused = refusal(pupil, batch_grades(batch), batch.on, today, has_result)
        if refused is not None:
            raise refused.located(record=f"student {student_id}")
        now = utcnow()
        result_id = session.execute(
            insert(ScreeningResult).returning(ScreeningResult.id),
            [result_values(batch.id, student_id, score, now)],
        ).scalar_one()
        task = risk_task_values(ctx, student_id, score, today, now)
        if task is not None:
            session.execute(insert(NotificationTask), [task])
        ctx.audit(
            session,
            "screening.result",
            target=f"student:{student_id}",
            detail=f"batch={batch.id} result={result_id} valid={int(score.valid)} "
            f"flags={len(score.flags)} task={int(task is not None)}",
        )
        (row,) = result_rows(session, batch.id, result_id=result_id)
        return row
