"""What each row of a screening results file comes to, decided before anything is written.

Every row ends in exactly one state — scored, invalid, unmatched or skipped — with its problems
listed, and the sheets to store gathered. Apart from screening_import.py, which opens the
transaction, writes what was decided and reports: the rules for a row (a student named twice,
one already in the batch, one outside its grades, a sheet with no answers, an incomplete sheet,
an item-9 alert on a row not imported) are all here, so a dry run and an import decide alike.
Every problem is a template for the catalogue (QT_TRANSLATE_NOOP) with its data apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counselroom.domain.cutoffs import ScreeningCutoffs
from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.scoring import SheetScore
from counselroom.domain.screening_flags import ITEM9
from counselroom.intake.problems import Problem
from counselroom.intake.screening_layout import ScreeningLayout, read_sheet
from counselroom.intake.sheets import SheetRow
from counselroom.services.screening_match import Matcher
from counselroom.services.screening_results import ALREADY_IN_BATCH, Pupil, refusal

__all__ = [
    "INVALID",
    "SCORED",
    "SKIPPED",
    "UNMATCHED",
    "Outcome",
    "ScreeningLine",
    "decide_rows",
]

SCORED, INVALID, UNMATCHED, SKIPPED = "scored", "invalid", "unmatched", "skipped"


@dataclass(frozen=True)
class ScreeningLine:
    row: int
    status: str  # "scored" | "invalid" | "unmatched" | "skipped"
    student_id: int | None
    name: str  # as in the file (the vault's name when the file has no name column)
    class_label: str
    total: int | None  # what the sheet says, stored or not
    flags: tuple[str, ...]  # likewise: an unmatched row with a positive item 9 shows it
    item9: int | None = None


@dataclass
class Outcome:
    """What the rows come to, before anything is written."""

    lines: list[ScreeningLine]
    problems: list[Problem]
    stored: list[tuple[Pupil, SheetScore]]

    def count(self, status: str) -> int:
        return sum(line.status == status for line in self.lines)


def decide_rows(
    rows: tuple[SheetRow, ...],
    matcher: Matcher,
    layout: ScreeningLayout,
    cutoffs: ScreeningCutoffs,
    batch: tuple[tuple[int, ...], date, set[int]],
    today: date,
) -> Outcome:
    """Match and score every row, then apply the refusal rules; ``batch`` is (grades, date,
    students already in it)."""
    grades, on, taken = batch
    matched = [matcher.match(row) for row in rows]
    seen: dict[int, list[int]] = {}
    for row, found in zip(rows, matched, strict=True):
        if found[0] is not None:
            seen.setdefault(found[0].id, []).append(row.number)
    out = Outcome([], [], [])
    for row, (pupil, name, label, found_problems) in zip(rows, matched, strict=True):
        score, cell_problems = read_sheet(row, layout, cutoffs)
        out.problems += found_problems + cell_problems
        status, warn_item9 = UNMATCHED, True
        if pupil is not None:
            others = [n for n in seen[pupil.id] if n != row.number]
            reason: ValidationError | None = None
            if others:
                reason = ValidationError.of(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "the same student as row %1; none of these rows is imported — keep the"
                        " right one and import again",
                    ),
                    ", ".join(map(str, others)),
                )
            elif pupil.id in taken:
                reason, warn_item9 = ValidationError.of(ALREADY_IN_BATCH), False
            else:
                reason = refusal(pupil, grades, on, today, False)
            if reason is None and score is None:
                reason = ValidationError.of(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "has no answers: the student did not sit the screening; not imported",
                    )
                )
            if reason is not None or score is None:
                status = SKIPPED
                if reason is not None:
                    out.problems.append(Problem.of_error(row.number, None, reason))
            else:
                status, warn_item9 = (SCORED if score.valid else INVALID), False
                out.stored.append((pupil, score))
                if not score.complete:
                    out.problems.append(_incomplete(row.number, score.missing))
        if warn_item9 and score is not None and ITEM9 in score.flags:
            out.problems.append(
                Problem.of(
                    row.number,
                    None,
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "PHQ-9 item 9 is %1 (thoughts of self-harm) but the row is not imported:"
                        " find the student and assess the risk today",
                    ),
                    score.item9,
                )
            )
        out.lines.append(
            ScreeningLine(
                row=row.number,
                status=status,
                student_id=pupil.id if pupil is not None else None,
                name=name or (pupil.name if pupil is not None else ""),
                class_label=label,
                total=score.total if score is not None else None,
                flags=score.flags if score is not None else (),
                item9=score.item9 if score is not None else None,
            )
        )
    out.problems.sort(key=lambda p: -1 if p.row is None else p.row)
    return out


def _incomplete(row: int, missing: tuple[int, ...]) -> Problem:
    if missing:
        return Problem.of(
            row,
            None,
            QT_TRANSLATE_NOOP(
                "problems",
                "the sheet is incomplete (item %1 unanswered or unreadable): stored as invalid and"
                " not scored; the student retakes the screening",
            ),
            ", ".join(str(n) for n in missing),
        )
    return Problem.of(
        row,
        None,
        QT_TRANSLATE_NOOP(
            "problems",
            "the sheet is incomplete: stored as invalid and not scored; the student retakes the"
            " screening",
        ),
    )
