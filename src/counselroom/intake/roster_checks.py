"""Checks across the rows of one roster: a 学籍号 or ID number on two rows, two 班主任 for one
class. Kept apart from roster_rows.py, which reads one row at a time and cannot see these."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from counselroom.intake import roster_reasons as why
from counselroom.intake.problems import Problem
from counselroom.intake.roster_rows import RowReader
from counselroom.intake.roster_values import RosterRecord


def duplicate_problems(records: Sequence[RosterRecord], reader: RowReader) -> list[Problem]:
    """Rows sharing a 学籍号 (or an ID number): each is a problem naming the others.

    Neither row can be trusted to be the right one, so both are skipped.
    """
    problems: list[Problem] = []
    for field, reason in (("student_no", why.SAME_STUDENT_NO), ("id_number", why.SAME_ID_NUMBER)):
        rows: dict[str, list[int]] = defaultdict(list)
        for record in records:
            value = getattr(record, field)
            if value:
                rows[value].append(record.row)
        for numbers in rows.values():
            for number in numbers if len(numbers) > 1 else ():
                others = ", ".join(str(n) for n in numbers if n != number)
                problems.append(Problem.of(number, reader.column(field), reason, others))
    return problems


def head_teacher_problems(records: Iterable[RosterRecord], reader: RowReader) -> list[Problem]:
    """A class has one 班主任: a row naming another than an earlier row of its class is refused."""
    first: dict[tuple[int, int], RosterRecord] = {}
    problems: list[Problem] = []
    for record in records:
        if record.class_name is None or record.head_teacher is None:
            continue
        key = (record.class_name.grade_level, record.class_name.number)
        earlier = first.setdefault(key, record)
        if earlier.head_teacher != record.head_teacher:
            problems.append(
                Problem.of(
                    record.row,
                    reader.column("head_teacher"),
                    why.TWO_HEAD_TEACHERS,
                    record.head_teacher,
                    record.class_name.label,
                    earlier.row,
                    earlier.head_teacher,
                )
            )
    return problems
