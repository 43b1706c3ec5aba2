"""休学 forms: start a period of leave, and cancel one that was entered in error.

The return (复学) has a form of its own (return_dialog.py): it holds far more. Both forms here
send what was typed as it is; the service checks the dates against the student's enrolment and
status, so a refusal names the same rule the command line would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.leave import cancel_leave, start_leave
from counselroom.services.student_file import LeaveEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import (
    OptionalDay,
    date_edit,
    read_date,
    text_area,
    today,
)
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate

# What a hospital usually signs a leave for; only the first offer of the form, easily changed.
TYPICAL_LEAVE = timedelta(weeks=8)


class StartLeaveDialog(FormDialog):
    def __init__(self, host: FileHost, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Start a leave (休学)"), parent)
        self.setObjectName("startLeaveDialog")
        start = today()
        intro = self.intro(
            translate(
                "CaseForm",
                "The file stays open while the student is on leave; scheduled follow-up pauses "
                "until the return is recorded.",
            )
        )
        self.start_on = date_edit(start)
        self.expected_return_on = OptionalDay(
            translate("CaseForm", "Known:"), start + TYPICAL_LEAVE
        )
        self.reason = text_area(
            lines=3,
            placeholder=translate("CaseForm", "What the family and the hospital said, factually"),
        )
        self.certificate = text_area(
            lines=2,
            placeholder=translate(
                "CaseForm", "e.g. 市精神卫生中心 诊断证明书, 2026-11-02, No. 2026-1187"
            ),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(intro, 0, 0, 1, 2)
        grid.addWidget(
            self.field("start_on", translate("CaseForm", "Leave from"), self.start_on), 1, 0
        )
        grid.addWidget(
            self.field(
                "expected_return_on",
                translate("CaseForm", "Expected return"),
                self.expected_return_on,
            ),
            1,
            1,
        )
        grid.addWidget(
            self.field("reason", translate("CaseForm", "Reason"), self.reason), 2, 0, 1, 2
        )
        grid.addWidget(
            self.field(
                "certificate",
                translate("CaseForm", "Hospital certificate"),
                self.certificate,
                translate("CaseForm", "Who issued it, its date and number."),
            ),
            3,
            0,
            1,
            2,
        )
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.resize(600, 440)
        self.ready()

    def call(self, ctx: Context) -> Callable[[], object]:
        student_id = self.host.student_id
        start_on = read_date(self.start_on)
        expected = self.expected_return_on.day()
        reason = self.reason.toPlainText()
        certificate = self.certificate.toPlainText()
        return lambda: start_leave(
            ctx,
            student_id,
            start_on=start_on,
            certificate=certificate,
            reason=reason,
            expected_return_on=expected,
        )


class CancelLeaveDialog(FormDialog):
    """For a leave recorded by mistake; a leave that happened ends with a return instead."""

    def __init__(self, host: FileHost, leave: LeaveEntry, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Cancel a leave entered in error"), parent)
        self.setObjectName("cancelLeaveDialog")
        self.leave = leave
        intro = self.intro(
            fill(
                translate(
                    "CaseForm",
                    "The leave from %1 is marked as entered in error: the student counts as "
                    "enrolled again and follow-up resumes. If the student really was away, "
                    "record the return instead.",
                ),
                labels.day(leave.start_on),
            )
        )
        self.reason = text_area(
            lines=3, placeholder=translate("CaseForm", "e.g. recorded for the wrong student")
        )
        grid = QGridLayout()
        grid.addWidget(intro, 0, 0)
        grid.addWidget(self.field("reason", translate("CaseForm", "Why"), self.reason), 1, 0)
        self.body.addLayout(grid)
        self.resize(520, 300)
        self.ready()

    def save_text(self) -> str:
        return translate("CaseForm", "Cancel the leave")

    def call(self, ctx: Context) -> Callable[[], object]:
        leave_id = self.leave.id
        reason = self.reason.toPlainText()
        return lambda: cancel_leave(ctx, leave_id, reason=reason)
