"""Screening batches: PHQ-9 every term for grade 4 and up, GAD-7 in the latest term from 初一
(in the benchmark profile, for the graduating years 初三 and 高三 only).

Answers are drawn item by item from each pupil's latent level, so totals follow the skew seen
in school screenings (median about 3; 10-12 % at 10 or more; a few percent with a non-zero
item 9) and every stored total, band and flag is what the domain cut-offs give for the answers.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from datetime import date

from counselroom.domain.grades import is_exam_year
from counselroom.domain.screening_flags import GAD7_FLAG, ITEM9, PHQ9_FLAG
from counselroom.domain.terms import SchoolTerm
from counselroom.storage.models import ScreeningBatch, ScreeningResult

from .roster import LEVELS
from .tables import utc
from .timeline import grade_on
from .world import Pupil, World

# Relative weight of each PHQ-9 item (sleep and tiredness are the most endorsed by pupils).
PHQ9_WEIGHTS = (1.1, 1.0, 1.4, 1.4, 1.1, 0.9, 1.2, 0.7)
GAD7_WEIGHTS = (1.2, 1.0, 1.1, 1.0, 0.8, 1.0, 0.9)
PARTICIPATION = 0.97
MIN_GRADE = 4


@dataclass(frozen=True)
class Flagged:
    """A result that puts a pupil on the interview list."""

    pupil: Pupil
    result_id: int
    day: date
    instrument: str
    total: int
    item9: int


def _poisson(rng: random.Random, mean: float) -> int:
    limit = math.exp(-mean)
    k, p = 0, rng.random()
    while p > limit and k < 3:
        k += 1
        p *= rng.random()
    return k


def phq9_answers(rng: random.Random, level: float) -> list[int]:
    answers = [_poisson(rng, level * w / 9) for w in PHQ9_WEIGHTS]
    # Item 9 (thoughts of self-harm) is rare at low levels and rises steeply.
    answers.append(_poisson(rng, max(0.0, level - 6) * 0.03))
    return answers


def gad7_answers(rng: random.Random, level: float) -> list[int]:
    return [_poisson(rng, level * w / 7) for w in GAD7_WEIGHTS]


def _batch(world: World, instrument: str, term: SchoolTerm, day: date, grades: list[int]) -> int:
    return world.tables.add(
        ScreeningBatch,
        instrument=instrument,
        on=day,
        term=term.label_zh,
        grades=",".join(str(g) for g in grades),
        consent_ref=f"{term.label_zh}心理测评告知书（家长知情同意）",
        note=None,
        created_by_id=world.counsellor_id,
        created_at=utc(day, 11, 30),
    )


def run_screenings(world: World) -> list[Flagged]:
    """Add the batches and results; return the flagged results in date order."""
    flagged: list[Flagged] = []
    cutoffs = world.policy.screening
    levels = LEVELS[world.school_type]
    for index, (term, day) in enumerate(world.terms):
        present = [(p, grade_on(p.grade, day, world.today)) for p in world.pupils]
        present = [(p, g) for p, g in present if g >= max(MIN_GRADE, levels[0])]
        if not present:
            continue
        grades = sorted({g for _, g in present})
        instruments = ["phq9"] + (["gad7"] if index == len(world.terms) - 1 else [])
        for instrument in instruments:
            if instrument == "gad7":
                exam_only = world.profile.gad7_exam_years_only
                present = [(p, g) for p, g in present if g >= 7]
                grades = [g for g in grades if g >= 7]
                if exam_only:
                    present = [(p, g) for p, g in present if is_exam_year(g)]
                    grades = [g for g in grades if is_exam_year(g)]
                if not present:
                    continue
            batch_id = _batch(world, instrument, term, day, grades)
            created = utc(day, 12)  # results imported at noon
            for pupil, _grade in present:
                if world.rng.random() > PARTICIPATION:
                    continue
                level = pupil.distress * world.rng.lognormvariate(0, 0.3)
                if instrument == "phq9":
                    answers = phq9_answers(world.rng, level)
                    total = sum(answers)
                    item9: int | None = answers[8]
                    band = cutoffs.phq9.severity(total).value
                    flags = [PHQ9_FLAG] if cutoffs.phq9.is_flagged(total) else []
                    if cutoffs.phq9.item9_alert(answers[8]):
                        flags.append(ITEM9)
                else:
                    answers = gad7_answers(world.rng, level * 0.85)
                    total = sum(answers)
                    item9 = None
                    band = cutoffs.gad7.severity(total).value
                    flags = [GAD7_FLAG] if cutoffs.gad7.is_flagged(total) else []
                result_id = world.tables.add(
                    ScreeningResult,
                    batch_id=batch_id,
                    student_id=pupil.id,
                    answers_json=json.dumps(answers),
                    total=total,
                    scales_json=None,
                    lie_score=None,
                    band=band,
                    flags_json=json.dumps(flags),
                    valid=True,
                    item9=item9,
                    created_at=created,
                    origin=None,
                )
                pupil.scores.append((instrument, total, day))
                if flags:
                    pupil.flagged_on = day
                    flagged.append(Flagged(pupil, result_id, day, instrument, total, item9 or 0))
    return flagged
