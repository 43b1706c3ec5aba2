"""What the import and hand entry of screening results share: who a result may belong to, how
one is stored and read back, and the same-day risk task a positive PHQ-9 item 9 creates.

Both paths go through these functions so a paper sheet typed in and a row of a platform's
spreadsheet are refused for the same reasons (a student who left, a grade outside the batch, a
second result in the batch) and stored the same way. The students are read once into
dictionaries (``Roll``): an import of 5,000 rows makes no query per row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.scoring import SheetScore
from counselroom.domain.screening_flags import INTERVIEW_FLAGS, ITEM9
from counselroom.domain.terms import term_of
from counselroom.intake.screening_fields import INSTRUMENT_NAMES
from counselroom.services.context import Context
from counselroom.services.localtime import utc_start_of
from counselroom.storage.models import SchoolClass, SchoolProfile, ScreeningResult, Student

__all__ = [
    "ALREADY_IN_BATCH",
    "INSTRUMENT_NAMES",
    "LEFT_SCHOOL",
    "RISK_TASK_NOTE",
    "BatchResultRow",
    "Pupil",
    "Roll",
    "class_then_name",
    "grade_then",
    "is_flagged",
    "load_roll",
    "name_key",
    "refusal",
    "result_rows",
    "result_values",
    "risk_task_values",
    "who_select",
]

LEFT_SCHOOL = ("transferred", "graduated")
RISK_TASK_NOTE = "PHQ-9 第9题 {n} 分：当日完成风险评估（筛查提示，非诊断）"
# Why a student who left cannot take a result, by his status (each named in English and Chinese).
_LEFT_REASONS = {
    "transferred": QT_TRANSLATE_NOOP(
        "problems",
        "the student has left the school (transferred, 已转出); a result is not added to his file",
    ),
    "graduated": QT_TRANSLATE_NOOP(
        "problems",
        "the student has left the school (graduated, 已毕业); a result is not added to his file",
    ),
}
ALREADY_IN_BATCH = QT_TRANSLATE_NOOP("problems", "the student already has a result in this batch")


@dataclass(frozen=True)
class Pupil:
    """The few columns of a student that matching and the refusal rules need."""

    id: int
    student_no: str | None
    name: str
    grade_level: int | None  # the student's, else his class's; None when the vault has neither
    class_key: tuple[int, int] | None  # (grade level, number) of his class
    class_label: str
    status: str


@dataclass
class Roll:
    """Every student of the vault, indexed the two ways a results file names one."""

    by_id: dict[int, Pupil] = field(default_factory=dict)
    by_no: dict[str, Pupil] = field(default_factory=dict)
    by_name_class: dict[tuple[str, int, int], list[Pupil]] = field(default_factory=dict)
    school_type: str = "junior"


def name_key(name: str) -> str:
    """Names compared without spaces: rosters pad two-character names ("张  伟") to align them."""
    return "".join(name.split())


def load_roll(session: Session) -> Roll:
    """One query for all students with their class; one for the school type."""
    roll = Roll()
    roll.school_type = session.scalar(select(SchoolProfile.school_type)) or "junior"
    rows = session.execute(
        select(
            Student.id,
            Student.student_no,
            Student.name,
            Student.grade_level,
            Student.status,
            SchoolClass.grade_level,
            SchoolClass.number,
            func.coalesce(SchoolClass.label, Student.class_label_original, ""),
        ).outerjoin(SchoolClass, Student.class_id == SchoolClass.id)
    )
    for sid, no, name, grade, status, class_grade, number, label in rows:
        class_key = (int(class_grade), int(number)) if class_grade is not None else None
        pupil = Pupil(
            id=int(sid),
            student_no=no,
            name=str(name),
            grade_level=grade if grade is not None else (class_key[0] if class_key else None),
            class_key=class_key,
            class_label=str(label or ""),
            status=str(status),
        )
        roll.by_id[pupil.id] = pupil
        if no:
            roll.by_no[no] = pupil
        if class_key is not None:
            roll.by_name_class.setdefault((name_key(pupil.name), *class_key), []).append(pupil)
    return roll


def grade_then(grade_level: int, batch_on: date, today: date) -> int:
    """The grade a student was in on the batch's day: the roster holds today's grade, one
    higher for every school year since (a batch of last year is checked against last year's
    grades)."""
    return grade_level - (term_of(today).year_start - term_of(batch_on).year_start)


def refusal(
    pupil: Pupil, grades: tuple[int, ...], batch_on: date, today: date, has_result: bool
) -> ValidationError | None:
    """Why this student's result cannot go into the batch (not raised: the importer lists it
    as a row's problem, hand entry raises it with the student named), or None. A student whose
    grade the vault does not know is not refused: nothing shows he is outside the batch."""
    if pupil.status in LEFT_SCHOOL:
        return ValidationError.of(_LEFT_REASONS[pupil.status])
    if pupil.grade_level is not None:
        level = grade_then(pupil.grade_level, batch_on, today)
        if level not in grades:
            return ValidationError.of(
                QT_TRANSLATE_NOOP(
                    "problems",
                    "the student was in grade %1, not one of the batch's grades (%2)",
                ),
                level,
                ", ".join(str(g) for g in grades),
            )
    if has_result:
        return ValidationError.of(ALREADY_IN_BATCH)
    return None


def is_flagged(score: SheetScore) -> bool:
    return any(flag in INTERVIEW_FLAGS for flag in score.flags)


def result_values(
    batch_id: int, student_id: int, score: SheetScore, created_at: datetime
) -> dict[str, Any]:
    """A ScreeningResult row as the bulk insert takes it."""
    return {
        "batch_id": batch_id,
        "student_id": student_id,
        "answers_json": None if score.answers is None else json.dumps(list(score.answers)),
        "total": score.total,
        "scales_json": None if score.scales is None else json.dumps(score.scales),
        "lie_score": score.lie,
        "band": score.band,
        "flags_json": json.dumps(list(score.flags)),
        "valid": score.valid,
        "item9": score.item9,
        "created_at": created_at,
    }


def risk_task_values(
    ctx: Context, student_id: int, score: SheetScore, today: date, created_at: datetime
) -> dict[str, Any] | None:
    """The counsellor's same-day risk assessment for a positive item 9 (DOMAIN.md "Screening"),
    due at 23:59 local time today — the day the answer became known, whatever the batch's date.
    None when the sheet raises no item-9 alert."""
    if ITEM9 not in score.flags or score.item9 is None:
        return None
    return {
        "student_id": student_id,
        "tier_change_id": None,
        "recipient_role": "counsellor",
        "person": ctx.actor.display_name,
        "method": "in_person",
        "due_at": utc_start_of(today + timedelta(days=1)) - timedelta(minutes=1),
        "note": RISK_TASK_NOTE.format(n=score.item9),
        "created_at": created_at,
    }


@dataclass(frozen=True)
class BatchResultRow:
    result_id: int
    student_id: int
    student_no: str | None
    name: str
    class_label: str
    total: int | None
    band: str | None
    item9: int | None
    lie: int | None
    flags: tuple[str, ...]
    valid: bool
    status: str  # student status


def who_select() -> Any:
    """A student with his class, the columns in this order: id, 学籍号, name, class label,
    status, grade level (99 when unknown), class number (999 when none), sort name (pinyin).
    Shared by the result list and the coverage (screening_batch_view), which add columns after
    these and sort with ``class_then_name``."""
    return select(
        Student.id,
        Student.student_no,
        Student.name,
        func.coalesce(SchoolClass.label, Student.class_label_original, ""),
        Student.status,
        func.coalesce(SchoolClass.grade_level, Student.grade_level, 99),
        func.coalesce(SchoolClass.number, 999),
        func.coalesce(Student.name_pinyin, Student.name),
    ).outerjoin(SchoolClass, Student.class_id == SchoolClass.id)


def class_then_name(row: Any) -> tuple[Any, ...]:
    """Sort key of a ``who_select`` row: grade, class number, class label, name, id."""
    return (row[5], row[6], row[3], row[7], row[0])


def result_rows(
    session: Session, batch_id: int, *, result_id: int | None = None
) -> tuple[BatchResultRow, ...]:
    """The batch's results (or one of them), by class then name; one query."""
    query = (
        who_select()
        .add_columns(ScreeningResult)
        .join(ScreeningResult, ScreeningResult.student_id == Student.id)
        .where(ScreeningResult.batch_id == batch_id)
    )
    if result_id is not None:
        query = query.where(ScreeningResult.id == result_id)
    rows = sorted(session.execute(query), key=class_then_name)
    out = []
    for row in rows:
        r: ScreeningResult = row[8]
        out.append(
            BatchResultRow(
                result_id=r.id,
                student_id=int(row[0]),
                student_no=row[1],
                name=str(row[2]),
                class_label=str(row[3] or ""),
                total=r.total,
                band=r.band,
                item9=r.item9,
                lie=r.lie_score,
                flags=tuple(str(f) for f in json.loads(r.flags_json or "[]")),
                valid=bool(r.valid),
                status=str(row[4]),
            )
        )
    return tuple(out)
