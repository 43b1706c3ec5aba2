"""Which student a row of a screening results file names: by 学籍号, else by name + class.

Apart from the importer (`screening_import`) because matching is a question of its own — what
a 学籍号 cell or a class cell can say, when namesakes make a row ambiguous, when a number and
a name disagree — and it is asked both to import a file and to find the grades a file's
students are in (`matched_grades`). It only reads the roll it is given: nothing is written.
Its problems are templates for the catalogue (QT_TRANSLATE_NOOP) with the row's data apart.
"""

from __future__ import annotations

from datetime import date

from counselroom.domain.classes import ClassName, parse_class
from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.id_cells import parse_student_no_cell
from counselroom.intake.problems import Problem
from counselroom.intake.screening_layout import ScreeningLayout
from counselroom.intake.sheets import SheetRow, is_formula
from counselroom.services.screening_results import LEFT_SCHOOL, Pupil, Roll, name_key

__all__ = ["Matcher"]

_FORMULA = QT_TRANSLATE_NOOP(
    "problems", "is a formula, not a value; paste the values (选择性粘贴 → 数值) and import again"
)


class Matcher:
    """Finds the student a row names, with the class parser's results cached (a file of 5,000
    rows has a few dozen distinct class cells)."""

    def __init__(self, layout: ScreeningLayout, roll: Roll, today: date) -> None:
        self.layout, self.roll, self.today = layout, roll, today
        self._classes: dict[tuple[str, str], ClassName | ValidationError] = {}

    def _cell(self, row: SheetRow, key: str) -> tuple[str, str]:
        column = self.layout.identity.get(key)
        if column is None:
            return "", ""
        text = row.cells[column] if column < len(row.cells) else ""
        return text, self.layout.header(column)

    def _class(self, class_text: str, grade_text: str) -> ClassName | ValidationError:
        key = (class_text, grade_text)
        if key not in self._classes:
            try:
                self._classes[key] = parse_class(
                    class_text, grade_text, school_type=self.roll.school_type, today=self.today
                )
            except ValidationError as error:
                self._classes[key] = error
        return self._classes[key]

    def match(self, row: SheetRow) -> tuple[Pupil | None, str, str, list[Problem]]:
        """(student or None, name as written, class label, problems)."""
        no_text, no_column = self._cell(row, "student_no")
        name, name_column = self._cell(row, "name")
        class_text, class_column = self._cell(row, "class")
        grade_text, _ = self._cell(row, "grade")
        label = class_text
        if no_text:
            return self._by_student_no(row.number, no_text, no_column, name, name_column)
        if not name or not (class_text or grade_text):
            reason = QT_TRANSLATE_NOOP(
                "problems", "has no 学籍号, and no name and class to find the student by"
            )
            return None, name, label, [Problem.of(row.number, None, reason)]
        if is_formula(class_text):
            return None, name, label, [Problem.of(row.number, class_column, _FORMULA)]
        parsed = self._class(class_text, grade_text)
        if isinstance(parsed, ValidationError):
            return None, name, label, [Problem.of_error(row.number, class_column, parsed)]
        label = parsed.label
        found = self.roll.by_name_class.get((name_key(name), parsed.grade_level, parsed.number))
        candidates = found or []
        # A student who left cannot have sat the screening: among namesakes, those still at
        # school are the candidates; if none is, the one who left is (and is refused as such).
        present = [p for p in candidates if p.status not in LEFT_SCHOOL]
        chosen = present or candidates
        if len(chosen) == 1:
            return chosen[0], name, chosen[0].class_label or label, []
        if not chosen:
            problem = Problem.of(
                row.number,
                name_column,
                QT_TRANSLATE_NOOP("problems", "no student named %1 in %2 in the vault"),
                name,
                label,
            )
        else:
            problem = Problem.of(
                row.number,
                name_column,
                QT_TRANSLATE_NOOP(
                    "problems",
                    "%1 students named %2 in %3; add the 学籍号 column to tell them apart (the row"
                    " is not matched to either)",
                ),
                len(chosen),
                name,
                label,
            )
        return None, name, label, [problem]

    def _by_student_no(
        self, number: int, text: str, column: str, name: str, name_column: str
    ) -> tuple[Pupil | None, str, str, list[Problem]]:
        if is_formula(text):
            return None, name, "", [Problem.of(number, column, _FORMULA)]
        # A number exactly as the vault holds it was checked when it was stored; only other
        # texts go through the parser (which also explains what is wrong with them).
        pupil = self.roll.by_no.get(text.strip().upper())
        if pupil is not None:
            return self._checked_name(pupil, pupil.student_no or "", name, number, name_column)
        try:
            student_no = parse_student_no_cell(text, field=column, today=self.today)
        except ValidationError as error:
            return None, name, "", [Problem.of_error(number, column, error)]
        pupil = self.roll.by_no.get(student_no)
        if pupil is None:
            reason = QT_TRANSLATE_NOOP(
                "problems", "no student with 学籍号 %1 in the vault (import the roster first)"
            )
            return None, name, "", [Problem.of(number, column, reason, student_no)]
        return self._checked_name(pupil, student_no, name, number, name_column)

    @staticmethod
    def _checked_name(
        pupil: Pupil, student_no: str, name: str, number: int, name_column: str
    ) -> tuple[Pupil | None, str, str, list[Problem]]:
        """A 学籍号 of another student than the row's name is a typo somewhere: not matched."""
        if name and name_key(name) != name_key(pupil.name):
            reason = QT_TRANSLATE_NOOP(
                "problems",
                "学籍号 %1 is %2 in the vault, not %3; check the row (it is not matched)",
            )
            problem = Problem.of(number, name_column, reason, student_no, pupil.name, name)
            return None, name, pupil.class_label, [problem]
        return pupil, name or pupil.name, pupil.class_label, []
