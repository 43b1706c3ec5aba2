"""The hospital's feedback on a referral: what it said, its diagnosis if the family shared it,
the treatment, and its advice to the school.

Everything here is information received (精神卫生法 23: counsellors neither diagnose nor treat),
and the captions say so. Feedback normally follows the visit ("seen"); when the referral is only
marked sent, the day the student was seen is asked here as well, and the service records that
step first in the same transaction. Left unticked, the service refuses, and says so under it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.file_entries import ReferralEntry
from counselroom.services.referrals import record_referral_feedback
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
from counselroom.ui.student_file.referral_step_dialog import last_step_on

translate = QCoreApplication.translate


class ReferralFeedbackDialog(FormDialog):
    def __init__(
        self, host: FileHost, referral: ReferralEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(host, translate("CaseForm", "Record the hospital's feedback"), parent)
        self.setObjectName("referralFeedbackDialog")
        self.referral = referral
        self.expected_state = referral.state
        intro = self.intro(
            fill(
                translate("CaseForm", "Referral to %1, now %2; its last step was on %3."),
                referral.institution,
                labels.referral_state(referral.state),
                last_step_on(referral),
            )
        )
        self.on = date_edit(today())
        self.seen_on = OptionalDay(translate("CaseForm", "Seen:"), today())
        self.feedback_text = text_area(
            lines=4, placeholder=translate("CaseForm", "What the hospital told the school")
        )
        self.diagnosis_received = text_area(lines=2)
        self.treatment = text_area(lines=2)
        self.advice = text_area(
            lines=3, placeholder=translate("CaseForm", "e.g. no PE exams for a month")
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(intro, 0, 0, 1, 2)
        grid.addWidget(
            self.field("on", translate("CaseForm", "Feedback received on"), self.on), 1, 0
        )
        grid.addWidget(
            self.field(
                "seen_on",
                translate("CaseForm", "Day the student was seen"),
                self.seen_on,
                translate(
                    "CaseForm",
                    "The referral is only marked sent: feedback needs the day of the visit.",
                ),
            ),
            1,
            1,
        )
        grid.addWidget(
            self.field("feedback_text", translate("CaseForm", "Feedback"), self.feedback_text),
            2,
            0,
            1,
            2,
        )
        grid.addWidget(
            self.field(
                "diagnosis_received",
                translate("CaseForm", "Diagnosis as told by the hospital (information received)"),
                self.diagnosis_received,
                translate(
                    "CaseForm",
                    "Only what the hospital or the family shared; the school does not diagnose.",
                ),
            ),
            3,
            0,
            1,
            2,
        )
        grid.addWidget(
            self.field("treatment", translate("CaseForm", "Treatment"), self.treatment),
            4,
            0,
            1,
            2,
        )
        grid.addWidget(
            self.field("advice", translate("CaseForm", "Advice to the school"), self.advice),
            5,
            0,
            1,
            2,
        )
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.fields["seen_on"].box.setVisible(referral.state == "sent")
        self.resize(680, 620)
        self.ready()

    def call(self, ctx: Context) -> Callable[[], object]:
        referral_id, expected = self.referral.id, self.expected_state
        on = read_date(self.on)
        seen_on = self.seen_on.day() if self.referral.state == "sent" else None
        feedback = self.feedback_text.toPlainText()
        diagnosis = self.diagnosis_received.toPlainText() or None
        treatment = self.treatment.toPlainText() or None
        advice = self.advice.toPlainText() or None
        return lambda: record_referral_feedback(
            ctx,
            referral_id,
            on=on,
            feedback_text=feedback,
            diagnosis_received=diagnosis,
            treatment=treatment,
            advice=advice,
            seen_on=seen_on,
            expected_state=expected,
        )
