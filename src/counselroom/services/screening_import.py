"""Import a screening results file (PHQ-9, GAD-7, MHT) into a batch, in one transaction.

Every row ends in exactly one state: scored (a valid sheet stored), invalid (stored but void:
an incomplete sheet or an MHT lie score at the cut-off), unmatched (no student, or an ambiguous
name + class: never guessed) or skipped (a student who cannot take a result in this batch, or a
row with no answer at all). So scored + invalid + unmatched + skipped == rows, and a dry run
computes the very same report without writing (each row is decided by screening_rows). A file
refused as a whole raises ValidationError naming the file and changes nothing.

A cell that cannot be read is never scored as something else: the sheet is stored as
incomplete (SHEET_INCOMPLETE, retest) with the cell's problem listed — but a positive PHQ-9
item 9 on it still creates the counsellor's same-day risk task.

Every problem is a template for the catalogue (QT_TRANSLATE_NOOP) with its data apart, so the
window shows it in Chinese while the CLI prints the English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import insert, select

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.screening_flags import ITEM9
from counselroom.intake.columns import data_rows
from counselroom.intake.problems import Problem
from counselroom.intake.screening_fields import INSTRUMENT_NAMES
from counselroom.intake.screening_layout import screening_layout
from counselroom.intake.sheets import Table
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.policy import policy_in
from counselroom.services.roles import Permission
from counselroom.services.screening_batches import (
    BatchInput,
    add_batch,
    batch_grades,
    check_batch_input,
    get_batch,
)
from counselroom.services.screening_match import Matcher
from counselroom.services.screening_results import (
    LEFT_SCHOOL,
    is_flagged,
    load_roll,
    result_values,
    risk_task_values,
)
from counselroom.services.screening_rows import (
    INVALID,
    SCORED,
    SKIPPED,
    UNMATCHED,
    ScreeningLine,
    decide_rows,
)
from counselroom.storage.base import utcnow
from counselroom.storage.models import NotificationTask, ScreeningResult

__all__ = ["ScreeningReport", "import_screening", "matched_grades"]


@dataclass(frozen=True)
class ScreeningReport:
    file: str
    dry_run: bool
    batch_id: int | None  # None on a dry run with a new batch
    rows: int
    scored: int  # valid sheets stored
    flagged: int  # stored results with any INTERVIEW_FLAGS
    item9_alerts: int  # stored results with a positive item 9 (each has its risk task)
    invalid: int  # stored but not valid: incomplete sheets and MHT lie ≥ cut-off
    unmatched: int  # no student, or ambiguous name + class
    skipped: int  # matched but refused, or no answer at all
    problems: tuple[Problem, ...]
    lines: tuple[ScreeningLine, ...]


def import_screening(
    ctx: Context,
    batch: int | BatchInput,
    table: Table,
    header_row: int,
    mapping: Mapping[str, int],
    *,
    dry_run: bool,
    instrument: str | None = None,
) -> ScreeningReport:
    """Import ``table`` into batch ``batch`` (an id) or a new batch created in the same
    transaction; ``instrument``, when given, must be the batch's (the CLI's --instrument)."""
    ctx.require(Permission.EDIT_CASES)
    new = check_batch_input(batch) if isinstance(batch, BatchInput) else None
    today = local_today()
    with ctx.vault.read() if dry_run else ctx.vault.write() as session:
        existing = None if isinstance(batch, BatchInput) else get_batch(session, batch)
        taken: set[int] = set()
        if existing is not None:
            kind, grades, on = existing.instrument, batch_grades(existing), existing.on
            taken = set(
                session.scalars(
                    select(ScreeningResult.student_id).where(
                        ScreeningResult.batch_id == existing.id
                    )
                )
            )
        else:
            assert new is not None
            kind, grades, on = new.instrument, new.grades, new.on
        if instrument is not None and instrument != kind:
            raise ValidationError.of(
                QT_TRANSLATE_NOOP(
                    "problems", "batch %1 holds %2 results; this file is imported as %3"
                ),
                batch,
                INSTRUMENT_NAMES[kind],
                INSTRUMENT_NAMES.get(instrument, instrument),
                record=table.name,
            )
        layout = screening_layout(table, header_row, mapping, kind)
        cutoffs = policy_in(session).screening
        matcher = Matcher(layout, load_roll(session), today)
        rows = data_rows(table, header_row)
        out = decide_rows(rows, matcher, layout, cutoffs, (grades, on, taken), today)
        scores = [score for _pupil, score in out.stored]
        flagged = sum(is_flagged(score) for score in scores)
        item9 = sum(ITEM9 in score.flags for score in scores)
        counts = {s: out.count(s) for s in (SCORED, INVALID, UNMATCHED, SKIPPED)}
        batch_id = existing.id if existing is not None else None
        if not dry_run:
            target = existing
            if target is None:
                assert new is not None
                target = add_batch(session, ctx, new)
            batch_id = target.id
            now = utcnow()
            results = [result_values(target.id, p.id, s, now) for p, s in out.stored]
            if results:
                session.execute(insert(ScreeningResult), results)
            tasks = [risk_task_values(ctx, p.id, s, today, now) for p, s in out.stored]
            due = [task for task in tasks if task is not None]
            if due:
                session.execute(insert(NotificationTask), due)
            ctx.audit(
                session,
                "screening.import",
                target=f"batch:{target.id}",
                detail=f"batch={target.id} rows={len(rows)} scored={counts[SCORED]} "
                f"flagged={flagged} item9={item9} invalid={counts[INVALID]} "
                f"unmatched={counts[UNMATCHED]} skipped={counts[SKIPPED]}",
            )
    return ScreeningReport(
        file=table.name,
        dry_run=dry_run,
        batch_id=batch_id,
        rows=len(rows),
        scored=counts[SCORED],
        flagged=flagged,
        item9_alerts=item9,
        invalid=counts[INVALID],
        unmatched=counts[UNMATCHED],
        skipped=counts[SKIPPED],
        problems=tuple(out.problems),
        lines=tuple(out.lines),
    )


def matched_grades(
    ctx: Context, table: Table, header_row: int, mapping: Mapping[str, int], instrument: str
) -> tuple[int, ...]:
    """The grades of the students the file's rows match (students still at school): the
    CLI's default grades for a new batch."""
    ctx.require(Permission.EDIT_CASES)
    layout = screening_layout(table, header_row, mapping, instrument)
    with ctx.vault.read() as session:
        matcher = Matcher(layout, load_roll(session), local_today())
        grades = set()
        for row in data_rows(table, header_row):
            pupil = matcher.match(row)[0]
            if pupil is not None and pupil.status not in LEFT_SCHOOL and pupil.grade_level:
                grades.add(pupil.grade_level)
    return tuple(sorted(grades))
