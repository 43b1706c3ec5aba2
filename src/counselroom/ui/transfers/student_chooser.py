"""Which students an export sends: some ticked in a searchable list, a grade, or all.

A grade means its students who have not left already (the service's `grade_students`, the same
rule as the CLI's `--grade`); "all" is the whole vault, for a school merged into another. The
ids of a grade or of all are read again when the export runs, so the count shown is a preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QWidget,
)

from counselroom.services.context import Context
from counselroom.services.students import StudentRow
from counselroom.services.transfer_export import all_students, grade_students
from counselroom.ui.i18n import fill
from counselroom.ui.labels import status_label
from counselroom.ui.named import named
from counselroom.ui.search_box import SearchBox
from counselroom.ui.students_model import haystack, search_terms
from counselroom.ui.transfers.models import grade_name

CHOSEN, GRADE, ALL = "chosen", "grade", "all"


@dataclass(frozen=True)
class StudentChoice:
    kind: str  # CHOSEN, GRADE or ALL
    ids: tuple[int, ...]  # CHOSEN: the ticked students
    grade_level: int | None  # GRADE
    count: int  # how many the choice holds now (shown before the export)

    def resolve(self, ctx: Context) -> tuple[int, ...]:
        """The ids to export, read when the export runs (in the worker)."""
        if self.kind == GRADE and self.grade_level is not None:
            return grade_students(ctx, str(self.grade_level))
        if self.kind == ALL:
            return all_students(ctx)
        return self.ids


class StudentChooser(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StudentRow] = []
        self.use_chosen = named(QRadioButton(self.tr("Students ticked in the list")), "useChosen")
        self.use_grade = named(QRadioButton(self.tr("A whole grade:")), "useGrade")
        self.use_all = named(QRadioButton(self.tr("All students of the school")), "useAll")
        group = QButtonGroup(self)
        for button in (self.use_chosen, self.use_grade, self.use_all):
            group.addButton(button)
            button.toggled.connect(lambda _on: self._update())
        self.search = SearchBox(self, debounce_ms=80)
        self.search.search_changed.connect(self._filter)
        self.list = named(QListWidget(), "studentList")
        self.list.setUniformItemSizes(True)
        self.list.itemChanged.connect(lambda _item: self._update())
        self.grade_box = named(QComboBox(), "gradeChoice")
        self.grade_box.currentIndexChanged.connect(lambda _i: self._update())
        self.count_label = named(QLabel(), "choiceCount")

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.use_chosen, 0, 0, 1, 2)
        layout.addWidget(self.search, 1, 0, 1, 2)
        layout.addWidget(self.list, 2, 0, 1, 2)
        layout.addWidget(self.use_grade, 3, 0)
        layout.addWidget(self.grade_box, 3, 1)
        layout.addWidget(self.use_all, 4, 0, 1, 2)
        layout.addWidget(self.count_label, 5, 0, 1, 2)
        layout.setColumnStretch(1, 1)
        self.use_chosen.setChecked(True)

    def set_rows(self, rows: Sequence[StudentRow], ticked: Sequence[int] = ()) -> None:
        self._rows = list(rows)
        wanted = set(ticked)
        self.list.blockSignals(True)
        self.list.clear()
        for row in self._rows:
            item = QListWidgetItem(self._row_text(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id in wanted else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.grade_box.blockSignals(True)
        self.grade_box.clear()
        levels = sorted({r.grade_level for r in self._rows if r.grade_level is not None})
        for level in levels:
            staying = sum(
                1 for r in self._rows if r.grade_level == level and r.status != "transferred"
            )
            self.grade_box.addItem(
                fill(self.tr("%1 (%2 students)"), grade_name(level), staying), level
            )
        self.grade_box.blockSignals(False)
        self._filter(self.search.text())
        self._update()

    def _row_text(self, row: StudentRow) -> str:
        parts = [row.name, row.class_label or row.grade, row.student_no or ""]
        text = "  ".join(part for part in parts if part)
        if row.status == "transferred":
            text += "  " + fill(self.tr("(%1)"), status_label(row.status))
        return text

    def _filter(self, text: str) -> None:
        terms = search_terms(text)
        for number, row in enumerate(self._rows):
            stack = haystack(row)
            self.list.item(number).setHidden(not all(term in stack for term in terms))

    def tick(self, student_ids: Sequence[int]) -> None:
        wanted = set(student_ids)
        for number in range(self.list.count()):
            item = self.list.item(number)
            if item.data(Qt.ItemDataRole.UserRole) in wanted:
                item.setCheckState(Qt.CheckState.Checked)

    def ticked(self) -> tuple[int, ...]:
        return tuple(
            self.list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        )

    def choice(self) -> StudentChoice:
        if self.use_grade.isChecked():
            level = self.grade_box.currentData()
            count = sum(
                1 for r in self._rows if r.grade_level == level and r.status != "transferred"
            )
            return StudentChoice(GRADE, (), level, count if level is not None else 0)
        if self.use_all.isChecked():
            return StudentChoice(ALL, (), None, len(self._rows))
        ids = self.ticked()
        return StudentChoice(CHOSEN, ids, None, len(ids))

    def _update(self) -> None:
        chosen = self.use_chosen.isChecked()
        self.search.setEnabled(chosen)
        self.list.setEnabled(chosen)
        self.grade_box.setEnabled(self.use_grade.isChecked() and self.grade_box.count() > 0)
        self.count_label.setText(fill(self.tr("%1 student(s) chosen."), self.choice().count))
        self.changed.emit()
