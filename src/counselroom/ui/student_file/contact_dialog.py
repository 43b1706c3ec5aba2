"""家校沟通 tab: log a contact with the family — when, how, with whom, what was said and agreed —
and record or withdraw the family's consents (知情同意).

Consents may be recorded on a closed file too: consent to transfer the file is asked when the
student leaves, often after the file was closed; the service keeps its own rules.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.file_entries import ConsentEntry, StudentFile
from counselroom.services.home_school import PARENT_CONTACT_KINDS, add_parent_contact
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.consent_dialog import ConsentDialog, WithdrawConsentDialog
from counselroom.ui.student_file.form_fields import (
    combo_of,
    date_edit,
    line_edit,
    read_date,
    text_area,
    today,
)
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.records import RecordsPage

translate = QCoreApplication.translate

CONTACT, CONSENT, WITHDRAW_CONSENT = "logContact", "recordConsent", "withdrawConsent"


class ContactDialog(FormDialog):
    def __init__(self, host: FileHost, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Log a contact with the family"), parent)
        self.setObjectName("contactDialog")
        self.on = date_edit(today())
        self.kind = combo_of(PARENT_CONTACT_KINDS, labels.contact_kind, "phone")
        self.with_whom = line_edit(
            max_length=100, placeholder=translate("CaseForm", "e.g. the mother, Ms Li")
        )
        self.summary = text_area(lines=4)
        self.agreed = text_area(lines=3)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(self.field("on", translate("CaseForm", "Date"), self.on), 0, 0)
        grid.addWidget(self.field("kind", translate("CaseForm", "How"), self.kind), 0, 1)
        grid.addWidget(
            self.field("with_whom", translate("CaseForm", "With whom"), self.with_whom), 0, 2
        )
        grid.addWidget(
            self.field("summary", translate("CaseForm", "What was said"), self.summary),
            1,
            0,
            1,
            3,
        )
        grid.addWidget(
            self.field("agreed", translate("CaseForm", "What was agreed"), self.agreed),
            2,
            0,
            1,
            3,
        )
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)
        self.resize(640, 440)
        self.ready()

    def call(self, ctx: Context) -> Callable[[], object]:
        student_id = self.host.student_id
        on = read_date(self.on)
        kind = self.kind.currentData()
        with_whom = self.with_whom.text()
        summary = self.summary.toPlainText()
        agreed = self.agreed.toPlainText() or None
        return lambda: add_parent_contact(
            ctx, student_id, on=on, kind=kind, with_whom=with_whom, summary=summary, agreed=agreed
        )


class ContactActions(TabActions):
    def __init__(self, host: FileHost, page: RecordsPage, window: QWidget) -> None:
        super().__init__(host, page, window)
        self.bar.add(CONTACT, translate("CaseActions", "Log a contact…"), self.log_contact)
        self.bar.add(CONSENT, translate("CaseActions", "Record a consent…"), self.record_consent)
        self.bar.add(
            WITHDRAW_CONSENT, translate("CaseActions", "Withdraw consent…"), self.withdraw_consent
        )
        self._select_after_load: int | None = None

    def chosen_consent(self) -> ConsentEntry | None:
        consent_id = self.page.chosen_id("consent")
        if self.file is None or consent_id is None:
            return None
        return next((c for c in self.file.consents or () if c.id == consent_id), None)

    def update(self, student_file: StudentFile, *, editable: bool, actor_id: int | None) -> None:
        if self._select_after_load is not None:
            self.page.select(("consent", self._select_after_load))
            self._select_after_load = None
        super().update(student_file, editable=editable, actor_id=actor_id)

    def refresh(self) -> None:
        self.bar.allow(CONTACT, self.file is not None and not self.closed(), self.closed_text())
        self.bar.allow(CONSENT, self.file is not None)
        c = self.chosen_consent()
        self.bar.allow(WITHDRAW_CONSENT, withdrawable(c), self._why_not_withdraw(c))

    @staticmethod
    def _why_not_withdraw(c: ConsentEntry | None) -> str:
        if c is None:
            return translate("CaseActions", "Choose a consent in the list first.")
        if not c.given:
            return translate("CaseActions", "This is a refusal: there is nothing to withdraw.")
        return fill(
            translate("CaseActions", "This consent was already withdrawn on %1."),
            labels.day(c.withdrawn_on),
        )

    def log_contact(self) -> FormDialog:
        return self.open_dialog(CONTACT, lambda: ContactDialog(self.host, self.window))

    def record_consent(self) -> FormDialog:
        return self.open_dialog(CONSENT, self._consent_form)

    def _consent_form(self) -> ConsentDialog:
        dialog = ConsentDialog(self.host, None, self.window)
        dialog.saved.connect(self._recorded)
        return dialog

    def _recorded(self, result: object) -> None:
        if isinstance(result, int):
            self._select_after_load = result

    def withdraw_consent(self) -> FormDialog | None:
        c = self.chosen_consent()
        if c is None or not withdrawable(c):
            return None
        return self.open_dialog(
            f"{WITHDRAW_CONSENT}:{c.id}", lambda: WithdrawConsentDialog(self.host, c, self.window)
        )


def withdrawable(c: ConsentEntry | None) -> bool:
    """A given consent not yet withdrawn; a refusal has nothing to take back."""
    return c is not None and c.given and c.withdrawn_on is None
