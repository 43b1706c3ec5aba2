"""复学 (愈后复学, seed 003 (三)8): the return of a student from leave.

The form follows the steps of the return in the order they happen — the parents' application,
the recovery certificate, the counsellor's assessment and the return meeting, then the plan —
so it can be filled in from the paper folder top to bottom. A return without a recovery
certificate is allowed only with the reason there is none; the service refuses it otherwise,
and its message goes under the certificate field, where the counsellor looks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.leave import ReturnInput, record_return
from counselroom.services.student_file import LeaveEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import (
    date_edit,
    line_edit,
    read_date,
    text_area,
    today,
)
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate


class ReturnDialog(FormDialog):
    def __init__(self, host: FileHost, leave: LeaveEntry, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Record the return to school (复学)"), parent)
        self.setObjectName("returnDialog")
        self.leave = leave
        day = today()
        if leave.expected_return_on is not None:
            expected = fill(
                translate("CaseForm", "On leave since %1, expected back %2."),
                labels.day(leave.start_on),
                labels.day(leave.expected_return_on),
            )
        else:
            expected = fill(translate("CaseForm", "On leave since %1."), labels.day(leave.start_on))
        intro = self.intro(
            expected
            + " "
            + translate(
                "CaseForm",
                "After the return, follow-up is closer for the first weeks (school policy).",
            )
        )
        self.application_on = date_edit(day)
        self.meeting_on = date_edit(day)
        self.returned_on = date_edit(day)
        self.recovery_certificate = text_area(
            lines=2,
            placeholder=translate("CaseForm", "Who issued it, its date and number"),
        )
        self.missing_certificate_reason = text_area(
            lines=2,
            placeholder=translate("CaseForm", "Only when there is no certificate: why"),
        )
        self.assessment = text_area(lines=3)
        self.return_plan = text_area(lines=3)
        self.watchers = line_edit(
            max_length=200,
            placeholder=translate("CaseForm", "e.g. 班主任王老师, 心理委员李同学"),
        )
        self.session_frequency = line_edit(
            max_length=100, placeholder=translate("CaseForm", "e.g. 每周一次")
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(intro, 0, 0, 1, 3)
        dates = (
            ("application_on", translate("CaseForm", "Parents applied on"), self.application_on),
            ("meeting_on", translate("CaseForm", "Return meeting on"), self.meeting_on),
            ("returned_on", translate("CaseForm", "Back at school on"), self.returned_on),
        )
        for column, (key, caption, day_edit) in enumerate(dates):
            grid.addWidget(self.field(key, caption, day_edit), 1, column)
        wide: tuple[tuple[str, str, QWidget, str], ...] = (
            (
                "recovery_certificate",
                translate("CaseForm", "Recovery certificate"),
                self.recovery_certificate,
                "",
            ),
            (
                "missing_certificate_reason",
                translate("CaseForm", "No certificate: the reason"),
                self.missing_certificate_reason,
                "",
            ),
            (
                "assessment",
                translate("CaseForm", "Counsellor's assessment"),
                self.assessment,
                "",
            ),
            ("return_plan", translate("CaseForm", "Return plan"), self.return_plan, ""),
        )
        for row, (key, caption, edit, hint) in enumerate(wide, start=2):
            grid.addWidget(self.field(key, caption, edit, hint), row, 0, 1, 3)
        row = 2 + len(wide)
        grid.addWidget(
            self.field(
                "watchers",
                translate("CaseForm", "Who watches"),
                self.watchers,
                translate("CaseForm", "The head teacher and the class's peer supporter, by name."),
            ),
            row,
            0,
            1,
            2,
        )
        grid.addWidget(
            self.field(
                "session_frequency",
                translate("CaseForm", "Counselling frequency"),
                self.session_frequency,
            ),
            row,
            2,
        )
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)
        self.resize(700, 720)
        self.ready()

    def value(self) -> ReturnInput:
        """What was typed; empty optional notes are sent as None (not recorded)."""
        certificate = self.recovery_certificate.toPlainText().strip()
        missing = self.missing_certificate_reason.toPlainText().strip()
        return ReturnInput(
            returned_on=read_date(self.returned_on),
            application_on=read_date(self.application_on),
            meeting_on=read_date(self.meeting_on),
            assessment=self.assessment.toPlainText(),
            return_plan=self.return_plan.toPlainText(),
            watchers=self.watchers.text(),
            session_frequency=self.session_frequency.text(),
            recovery_certificate=certificate or None,
            missing_certificate_reason=missing or None,
        )

    def call(self, ctx: Context) -> Callable[[], object]:
        leave_id = self.leave.id
        data = self.value()
        return lambda: record_return(ctx, leave_id, data)
