"""One dated step of a referral: consent asked, sent, seen, closed, or withdrawn.

Each of these steps is the day it happened and a note (for a withdrawal, the reason, which is
required). The form shows the referral's state and the day of its last step, because the
service refuses a step dated before the previous one; and it sends the state it showed, so
that a step recorded meanwhile in another window is reported instead of being skipped over.
The consent itself and the hospital's feedback have forms of their own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.file_entries import ReferralEntry
from counselroom.services.referrals import (
    ask_referral_consent,
    close_referral,
    mark_referral_seen,
    mark_referral_sent,
    withdraw_referral,
)
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import date_edit, read_date, text_area, today
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate

# The steps of this form, by the state each leads to (REFERRAL_STATES codes).
ASK, SENT, SEEN, CLOSE, WITHDRAW = "consent_pending", "sent", "seen", "closed", "withdrawn"
STEPS = (ASK, SENT, SEEN, CLOSE, WITHDRAW)


def step_title(step: str) -> str:
    return {
        ASK: translate("CaseForm", "Ask the guardian for consent"),
        SENT: translate("CaseForm", "Mark the referral sent"),
        SEEN: translate("CaseForm", "Record that the student was seen"),
        CLOSE: translate("CaseForm", "Close the referral"),
        WITHDRAW: translate("CaseForm", "Withdraw the referral"),
    }[step]


def _date_caption(step: str) -> str:
    return {
        ASK: translate("CaseForm", "Asked on"),
        SENT: translate("CaseForm", "Sent on"),
        SEEN: translate("CaseForm", "Seen on"),
        CLOSE: translate("CaseForm", "Ended on"),
        WITHDRAW: translate("CaseForm", "Withdrawn on"),
    }[step]


def _note_hint(step: str) -> str:
    return {
        ASK: translate("CaseForm", "e.g. consent form given to the mother at the meeting"),
        SENT: translate("CaseForm", "e.g. by the green channel, letter handed to the father"),
        SEEN: translate("CaseForm", "e.g. outpatient visit, 儿少心理科"),
        CLOSE: translate("CaseForm", "e.g. the hospital's advice is in the plan"),
        WITHDRAW: translate("CaseForm", "e.g. the family chose another hospital"),
    }[step]


def last_step_on(referral: ReferralEntry) -> str:
    """The day of the referral's latest step (the proposal's day when it has none)."""
    days = [e.on for e in referral.events]
    return labels.day(max(days)) if days else labels.day(referral.proposed_on)


class ReferralStepDialog(FormDialog):
    def __init__(
        self, host: FileHost, referral: ReferralEntry, step: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(host, step_title(step), parent)
        self.setObjectName("referralStepDialog")
        self.referral = referral
        self.step = step
        self.expected_state = referral.state
        if step == WITHDRAW:  # the base names the button before this form knows its step
            self.save_button.setText(translate("CaseForm", "Withdraw"))
        intro = self.intro(
            fill(
                translate("CaseForm", "Referral to %1 (%2), now %3; its last step was on %4."),
                referral.institution,
                labels.referral_urgency(referral.urgency),
                labels.referral_state(referral.state),
                last_step_on(referral),
            )
        )
        self.on = date_edit(today())
        self.note = text_area(lines=3, placeholder=_note_hint(step))
        # a withdrawal must say why (the service's field is "reason"); other notes are optional
        note_key = "reason" if step == WITHDRAW else "note"
        note_caption = (
            translate("CaseForm", "Why")
            if step == WITHDRAW
            else translate("CaseForm", "Note (optional)")
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(intro, 0, 0, 1, 2)
        grid.addWidget(self.field("on", _date_caption(step), self.on), 1, 0)
        grid.addWidget(self.field(note_key, note_caption, self.note), 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.resize(540, 320)
        self.ready()

    def call(self, ctx: Context) -> Callable[[], object]:
        referral_id, expected = self.referral.id, self.expected_state
        on = read_date(self.on)
        text = self.note.toPlainText()
        note = text or None
        if self.step == WITHDRAW:
            return lambda: withdraw_referral(
                ctx, referral_id, on=on, reason=text, expected_state=expected
            )
        step = {
            ASK: ask_referral_consent,
            SENT: mark_referral_sent,
            SEEN: mark_referral_seen,
            CLOSE: close_referral,
        }[self.step]
        return lambda: step(ctx, referral_id, on=on, note=note, expected_state=expected)
