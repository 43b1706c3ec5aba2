"""Write the 一生一策 plan's next version: filled from the current one, saved as a new one.

A review (every version after the first) must say what changed and why. The form remembers
the version it was filled from; when someone saved a newer one meanwhile (another window), the
save is refused, the file reloads behind the form so both are visible, and the next save is
knowingly made on top of the newer version.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import Policy
from counselroom.services.context import Context
from counselroom.services.plans import PlanInput, save_plan_version
from counselroom.services.student_file import PlanEntry, StudentFile
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.field_errors import describe
from counselroom.ui.student_file.form_fields import date_edit, read_date, text_area, today
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.measures_table import COLUMN_OF, MeasuresTable, column_titles

translate = QCoreApplication.translate

# The default policy's interval; the window passes the school's own once the file is loaded.
DEFAULT_REVIEW = Policy.default().follow_up.plan_review
_MEASURE_FIELD = re.compile(r"^measures\[(\d+)\]\.(\w+)$")


def latest_plan(student_file: StudentFile | None) -> PlanEntry | None:
    plans = student_file.plans if student_file is not None else None
    return max(plans, key=lambda p: p.version) if plans else None


class PlanDialog(FormDialog):
    def __init__(
        self,
        host: FileHost,
        base: PlanEntry | None,
        *,
        review_after: timedelta = DEFAULT_REVIEW,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("CaseForm", "Write the plan")
            if base is None
            else translate("CaseForm", "Review the plan")
        )
        super().__init__(host, title, parent)
        self.setObjectName("planDialog")
        self.base_version = base.version if base else None
        self.basis = self.intro("")
        self.assessment = text_area(base.assessment if base else "", lines=4)
        self.risk_factors = text_area(base.risk_factors if base else "", lines=3)
        self.protective_factors = text_area(base.protective_factors if base else "", lines=3)
        self.goals = text_area(base.goals if base else "", lines=3)
        self.measures = MeasuresTable()
        if base is not None:
            self.measures.set_measures(base.measures)
        else:
            self.measures.add_row()
        self.review_on = date_edit(today() + review_after)
        self.change_note = text_area(lines=3)
        self._lay_out(base)
        self._say_basis(base)
        self.resize(1080, 660)
        self.ready()

    def _lay_out(self, base: PlanEntry | None) -> None:
        left = QVBoxLayout()
        left.setSpacing(6)
        for key, caption, widget in (
            ("assessment", translate("CaseForm", "Assessment"), self.assessment),
            ("risk_factors", translate("CaseForm", "Risk factors"), self.risk_factors),
            (
                "protective_factors",
                translate("CaseForm", "Protective factors"),
                self.protective_factors,
            ),
            ("goals", translate("CaseForm", "Goals"), self.goals),
        ):
            left.addWidget(self.field(key, caption, widget))
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(
            self.field(
                "measures",
                translate("CaseForm", "Measures: who does what, how often"),
                self.measures,
            ),
            1,
        )
        review = self.field(
            "review_on",
            translate("CaseForm", "Review on"),
            self.review_on,
            translate("CaseForm", "By default the school's review interval from today."),
        )
        self.review_on.setMaximumWidth(180)
        right.addWidget(review)
        change = self.field(
            "change_note", translate("CaseForm", "What changed and why"), self.change_note
        )
        change.setVisible(base is not None)
        right.addWidget(change)
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addLayout(left, 5)
        row.addLayout(right, 6)
        self.body.addWidget(self.basis)
        self.body.addLayout(row, 1)

    def _say_basis(self, base: PlanEntry | None) -> None:
        if base is None:
            text = translate("CaseForm", "This student has no plan yet: this is version 1.")
        else:
            text = fill(
                translate(
                    "CaseForm",
                    "Filled from version %1 (%2, %3). Saving keeps it and adds version %4.",
                ),
                base.version,
                labels.moment(base.created_at),
                base.created_by,
                base.version + 1,
            )
        self.basis.setText(text)

    def call(self, ctx: Context) -> Callable[[], object]:
        student_id = self.host.student_id
        plan = PlanInput(
            assessment=self.assessment.toPlainText(),
            goals=self.goals.toPlainText(),
            review_on=read_date(self.review_on),
            risk_factors=self.risk_factors.toPlainText(),
            protective_factors=self.protective_factors.toPlainText(),
            measures=self.measures.measures(),
            change_note=self.change_note.toPlainText() if self.base_version else None,
        )
        based_on = self.base_version
        return lambda: save_plan_version(ctx, student_id, plan, based_on_version=based_on)

    def _refused(self, exc: ValidationError) -> None:
        """A measure's problem names its row and column under the table."""
        match = _MEASURE_FIELD.match(exc.field or "")
        if match is None:
            super()._refused(exc)
            return
        rows = self.measures.rows()
        index = int(match[1])
        row = rows[index] + 1 if index < len(rows) else index + 1
        column = column_titles()[COLUMN_OF.get(match[2], 1)]
        self.show_error(
            "measures",
            fill(translate("CaseForm", "Row %1, %2: %3"), row, column, describe(exc.message)),
        )
        self.say(translate("CaseForm", "Nothing was saved: correct the field marked in red."))

    def file_reloaded(self, student_file: StudentFile) -> None:
        """After a stale save: the newer version is on screen now; the next save builds on it."""
        newest = latest_plan(student_file)
        if not self.stale or newest is None or newest.version == self.base_version:
            return
        self.base_version = newest.version
        self.fields["change_note"].box.show()
        self.basis.setText(
            fill(
                translate(
                    "CaseForm",
                    "Version %1 was saved by %2 at %3 while you were writing; it is on the plan "
                    "tab now. Your text is kept here: saving adds it as version %4.",
                ),
                newest.version,
                newest.created_by,
                labels.moment(newest.created_at),
                newest.version + 1,
            )
        )
