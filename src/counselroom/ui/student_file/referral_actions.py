"""转介 tab: propose a referral, then take it step by step to feedback and closure.

The step buttons follow the chosen referral's state through `domain.referral_flow`, the same
table the service enforces, so a button is enabled exactly when its step may follow; a disabled
one says why in its tool tip. Feedback is also offered on a referral only marked sent: the
form then asks the day of the visit, which the service records first. Every form sends the
state it was opened on, so a step taken meanwhile in another window is reported as such.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.domain.referral_flow import AWAITING_FEEDBACK, FINAL_STATES, next_states
from counselroom.services.file_entries import ReferralEntry, StudentFile
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.consent_dialog import ConsentDialog
from counselroom.ui.student_file.form_fields import today
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.records import RecordsPage
from counselroom.ui.student_file.referral_dialog import ReferralDialog
from counselroom.ui.student_file.referral_feedback_dialog import ReferralFeedbackDialog
from counselroom.ui.student_file.referral_step_dialog import (
    ASK,
    CLOSE,
    SEEN,
    SENT,
    WITHDRAW,
    ReferralStepDialog,
)
from counselroom.ui.student_file.referrals_tab import feedback_overdue

translate = QCoreApplication.translate

REFER, ASK_CONSENT, CONSENT = "proposeReferral", "askReferralConsent", "recordReferralConsent"
MARK_SENT, MARK_SEEN, FEEDBACK = "markReferralSent", "markReferralSeen", "recordReferralFeedback"
CLOSE_REFERRAL, WITHDRAW_REFERRAL = "closeReferral", "withdrawReferral"

# Each step button and the state its step leads to (the consent step: given or refused).
_TARGET = {
    ASK_CONSENT: ASK,
    CONSENT: "consent_given",
    MARK_SENT: SENT,
    MARK_SEEN: SEEN,
    FEEDBACK: "feedback",
    CLOSE_REFERRAL: CLOSE,
    WITHDRAW_REFERRAL: WITHDRAW,
}
_STEP_FORM = {
    ASK_CONSENT: ASK,
    MARK_SENT: SENT,
    MARK_SEEN: SEEN,
    CLOSE_REFERRAL: CLOSE,
    WITHDRAW_REFERRAL: WITHDRAW,
}
_BEFORE_CONSENT = ("proposed", "consent_pending", "consent_refused")


def may_take(state: str, button: str) -> bool:
    """Whether the step of `button` may follow a referral in `state`."""
    if button == FEEDBACK and state in AWAITING_FEEDBACK:
        return True  # from "sent" the form asks the day of the visit too
    return _TARGET[button] in next_states(state)


class ReferralActions(TabActions):
    def __init__(self, host: FileHost, page: RecordsPage, window: QWidget) -> None:
        super().__init__(host, page, window)
        bar = self.bar
        bar.add(REFER, translate("CaseActions", "Refer…"), self.propose)
        bar.add(ASK_CONSENT, translate("CaseActions", "Ask for consent…"), self.ask_consent)
        bar.add(CONSENT, translate("CaseActions", "Record consent…"), self.record_consent)
        bar.add(MARK_SENT, translate("CaseActions", "Sent…"), self.mark_sent)
        bar.add(MARK_SEEN, translate("CaseActions", "Seen…"), self.mark_seen)
        bar.add(FEEDBACK, translate("CaseActions", "Feedback…"), self.record_feedback)
        bar.add(CLOSE_REFERRAL, translate("CaseActions", "Close…"), self.close_referral)
        bar.add(WITHDRAW_REFERRAL, translate("CaseActions", "Withdraw…"), self.withdraw)
        self._select_after_load: int | None = None

    # -- state -------------------------------------------------------------------------------

    def chosen_referral(self) -> ReferralEntry | None:
        referral_id = self.page.chosen_id("referral")
        if self.file is None or referral_id is None:
            return None
        return next((r for r in self.file.referrals or () if r.id == referral_id), None)

    def update(self, student_file: StudentFile, *, editable: bool, actor_id: int | None) -> None:
        if self._select_after_load is not None:
            self.page.select(("referral", self._select_after_load))
            self._select_after_load = None
        super().update(student_file, editable=editable, actor_id=actor_id)
        self.bar.set_warning(self.overdue_text() if editable else "")

    def overdue_text(self) -> str:
        day = today()
        late = (
            [r for r in (self.file.referrals or ()) if feedback_overdue(r, day)]
            if self.file
            else []
        )
        if not late:
            return ""
        return fill(
            translate(
                "CaseActions",
                "Feedback is overdue from %1: ask the hospital or the family, then record it.",
            ),
            "、".join(f"{r.institution}（{labels.day(r.feedback_due)}）" for r in late),
        )

    def refresh(self) -> None:
        closed = self.closed()
        self.bar.allow(REFER, self.file is not None and not closed, self.closed_text())
        r = self.chosen_referral()
        for button in _TARGET:
            allowed = r is not None and not closed and may_take(r.state, button)
            self.bar.allow(button, allowed, "" if allowed else self._why_not(r, button))

    def _why_not(self, r: ReferralEntry | None, button: str) -> str:
        if self.closed():
            return self.closed_text()
        if r is None:
            return translate("CaseActions", "Choose a referral in the list first.")
        state = labels.referral_state(r.state)
        if r.state in FINAL_STATES:
            return fill(
                translate("CaseActions", "This referral is %1: it takes no more steps."), state
            )
        if button == MARK_SENT and r.state in _BEFORE_CONSENT:
            return translate(
                "CaseActions",
                "The guardian's consent must be recorded before the referral is sent, in an "
                "emergency too (by phone then).",
            )
        steps = "、".join(labels.referral_state(s) for s in next_states(r.state))
        return fill(
            translate(
                "CaseActions", "Not possible now: the referral is %1, and its next step can be: %2."
            ),
            state,
            steps,
        )

    # -- actions -----------------------------------------------------------------------------

    def propose(self) -> FormDialog | None:
        if self.file is None or self.closed():
            return None
        return self.open_dialog(REFER, self._proposal_form)

    def _proposal_form(self) -> ReferralDialog:
        dialog = ReferralDialog(self.host, self.window)
        dialog.saved.connect(self._proposed)
        return dialog

    def _proposed(self, result: object) -> None:
        if isinstance(result, int):
            self._select_after_load = result

    def _target(self, button: str) -> ReferralEntry | None:
        r = self.chosen_referral()
        if r is None or self.closed() or not may_take(r.state, button):
            return None
        return r

    def _step(self, button: str) -> FormDialog | None:
        r = self._target(button)
        if r is None:
            return None
        step = _STEP_FORM[button]
        return self.open_dialog(
            f"{button}:{r.id}", lambda: ReferralStepDialog(self.host, r, step, self.window)
        )

    def ask_consent(self) -> FormDialog | None:
        return self._step(ASK_CONSENT)

    def record_consent(self) -> FormDialog | None:
        r = self._target(CONSENT)
        if r is None:
            return None
        return self.open_dialog(
            f"{CONSENT}:{r.id}", lambda: ConsentDialog(self.host, r, self.window)
        )

    def mark_sent(self) -> FormDialog | None:
        return self._step(MARK_SENT)

    def mark_seen(self) -> FormDialog | None:
        return self._step(MARK_SEEN)

    def record_feedback(self) -> FormDialog | None:
        r = self._target(FEEDBACK)
        if r is None:
            return None
        return self.open_dialog(
            f"{FEEDBACK}:{r.id}", lambda: ReferralFeedbackDialog(self.host, r, self.window)
        )

    def close_referral(self) -> FormDialog | None:
        return self._step(CLOSE_REFERRAL)

    def withdraw(self) -> FormDialog | None:
        return self._step(WITHDRAW_REFERRAL)
