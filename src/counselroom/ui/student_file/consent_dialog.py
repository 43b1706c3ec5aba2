"""知情同意: record a consent (or a refusal), and withdraw one (PIPL art. 23, 29, 31).

One form serves the three purposes. On the 家校 tab it records consent to screening or to the
transfer of the file; on the 转介 tab it is the referral's consent step, and then the purpose is
fixed, the guardian always answers (a student never consents to his own referral), and the
referral's state goes with the save so that a change made in another window is reported.

The form does not decide the rules it could guess: a refusal without a witness, a student under
14 answering for himself, a date in the future are all sent as typed, and the service's refusal
is shown under the field it names — the same rule, in the same words, as on the command line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from counselroom.services.consents import (
    CONSENT_METHODS,
    CONSENT_PURPOSES,
    ConsentInput,
    record_consent,
    withdraw_consent,
)
from counselroom.services.context import Context
from counselroom.services.file_entries import ConsentEntry, GuardianEntry, ReferralEntry
from counselroom.services.referrals import record_referral_consent
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import (
    combo_of,
    date_edit,
    line_edit,
    read_date,
    text_area,
    today,
)
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate

# Consents recorded on the 家校 tab; a referral's consent is recorded on its own step.
FILE_PURPOSES = tuple(p for p in CONSENT_PURPOSES if p != "referral")


def first_guardian(guardians: tuple[GuardianEntry, ...]) -> GuardianEntry | None:
    """The guardian a consent is usually asked of: the first marked 监护人, else the first."""
    return next((g for g in guardians if g.is_guardian), guardians[0] if guardians else None)


def _choice(items: tuple[tuple[str, object], ...]) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    return box


class ConsentDialog(FormDialog):
    """`referral` None: a consent to screening or transfer; else that referral's consent step."""

    def __init__(
        self,
        host: FileHost,
        referral: ReferralEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("CaseForm", "Record a consent")
            if referral is None
            else translate("CaseForm", "Record the guardian's answer to the referral")
        )
        super().__init__(host, title, parent)
        self.setObjectName("consentDialog")
        self.referral = referral
        self.expected_state = referral.state if referral else None
        student_file = host.file
        guardian = first_guardian(student_file.profile.guardians) if student_file else None

        purposes = ("referral",) if referral else FILE_PURPOSES
        self.purpose = combo_of(purposes, labels.consent_purpose, purposes[0])
        self.given = _choice(
            (
                (translate("CaseForm", "consented"), True),
                (translate("CaseForm", "refused"), False),
            )
        )
        self.on = date_edit(today())
        self.method = combo_of(CONSENT_METHODS, labels.consent_method, "paper")
        self.by_student = _choice(
            (
                (translate("CaseForm", "a guardian"), False),
                (translate("CaseForm", "the student himself (14 or over)"), True),
            )
        )
        self.guardian_name = line_edit(guardian.name if guardian else "", max_length=50)
        self.relation = line_edit(
            guardian.relation if guardian else "",
            max_length=20,
            placeholder=translate("CaseForm", "e.g. 母亲"),
        )
        self.text_version = line_edit(
            max_length=100,
            placeholder=translate("CaseForm", "e.g. 转介知情同意书 第1版")
            if referral
            else translate("CaseForm", "e.g. 心理测评知情同意书 2026版"),
        )
        self.witness = line_edit(
            max_length=100, placeholder=translate("CaseForm", "e.g. 班主任王老师")
        )
        self.reference = line_edit(
            max_length=100, placeholder=translate("CaseForm", "e.g. form no. 2026-031, cabinet 2")
        )

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        row = 0
        if referral is not None:
            grid.addWidget(self.intro(self._referral_text(referral)), row, 0, 1, 3)
            row += 1
        grid.addWidget(
            self.field("purpose", translate("CaseForm", "Consent to"), self.purpose), row, 0
        )
        grid.addWidget(self.field("given", translate("CaseForm", "Answer"), self.given), row, 1)
        grid.addWidget(self.field("on", translate("CaseForm", "Date"), self.on), row, 2)
        row += 1
        grid.addWidget(
            self.field(
                "by_student",
                translate("CaseForm", "Who answered"),
                self.by_student,
                translate(
                    "CaseForm",
                    "A student under 14 on that day needs a guardian's consent (PIPL art. 31).",
                ),
            ),
            row,
            0,
        )
        grid.addWidget(
            self.field("guardian_name", translate("CaseForm", "Guardian"), self.guardian_name),
            row,
            1,
        )
        grid.addWidget(
            self.field("relation", translate("CaseForm", "Relation"), self.relation), row, 2
        )
        row += 1
        grid.addWidget(self.field("method", translate("CaseForm", "How"), self.method), row, 0)
        grid.addWidget(
            self.field(
                "text_version",
                translate("CaseForm", "Text agreed to"),
                self.text_version,
                translate("CaseForm", "The title and version of the wording the family saw."),
            ),
            row,
            1,
            1,
            2,
        )
        row += 1
        grid.addWidget(
            self.field(
                "witness",
                translate("CaseForm", "Witness of the refusal"),
                self.witness,
                translate("CaseForm", "A refusal is recorded with who witnessed it."),
            ),
            row,
            0,
            1,
            2,
        )
        grid.addWidget(
            self.field(
                "reference", translate("CaseForm", "Paper form / where filed"), self.reference
            ),
            row,
            2,
        )
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)

        if referral is not None:  # fixed: shown for what it is, not offered as a choice
            self.purpose.setEnabled(False)
            self.fields["by_student"].box.hide()
        self.given.currentIndexChanged.connect(self._answer_changed)
        self.by_student.currentIndexChanged.connect(self._who_changed)
        self._answer_changed()
        self._who_changed()
        self.resize(720, 460)
        self.ready()

    @staticmethod
    def _referral_text(referral: ReferralEntry) -> str:
        return fill(
            translate(
                "CaseForm",
                "Referral to %1, proposed on %2, now %3. Consent must be recorded before the "
                "referral is sent, in an emergency too (by phone then).",
            ),
            referral.institution,
            labels.day(referral.proposed_on),
            labels.referral_state(referral.state),
        )

    def refused(self) -> bool:
        return self.given.currentData() is False

    def student_answers(self) -> bool:
        return bool(self.by_student.currentData()) and self.referral is None

    def _answer_changed(self) -> None:
        self.fields["witness"].box.setVisible(self.refused())

    def _who_changed(self) -> None:
        guardian = not self.student_answers()
        self.guardian_name.setEnabled(guardian)
        self.relation.setEnabled(guardian)

    def consent_input(self) -> ConsentInput:
        by_student = self.student_answers()
        return ConsentInput(
            purpose=self.purpose.currentData(),
            given=not self.refused(),
            on=read_date(self.on),
            method=self.method.currentData(),
            text_version=self.text_version.text(),
            guardian_name="" if by_student else self.guardian_name.text(),
            relation="" if by_student else self.relation.text(),
            by_student=by_student,
            witness=(self.witness.text() or None) if self.refused() else None,
            reference=self.reference.text() or None,
        )

    def call(self, ctx: Context) -> Callable[[], object]:
        data = self.consent_input()
        if self.referral is not None:
            referral_id, expected = self.referral.id, self.expected_state
            return lambda: record_referral_consent(ctx, referral_id, data, expected_state=expected)
        student_id = self.host.student_id
        return lambda: record_consent(ctx, student_id, data)


class WithdrawConsentDialog(FormDialog):
    """The family takes a consent back; the record stays, with the day it was withdrawn."""

    def __init__(self, host: FileHost, consent: ConsentEntry, parent: QWidget | None = None):
        super().__init__(host, translate("CaseForm", "Withdraw a consent"), parent)
        self.setObjectName("withdrawConsentDialog")
        self.consent = consent
        text = fill(
            translate(
                "CaseForm",
                "The consent to %1 given by %2 on %3 (%4) is withdrawn from the day below. "
                "The record of the consent is kept.",
            ),
            labels.consent_purpose(consent.purpose),
            labels.consent_who(consent.by_student, consent.guardian_name, consent.relation),
            labels.day(consent.on),
            consent.text_version,
        )
        if consent.purpose == "referral":
            text += "\n" + translate(
                "CaseForm",
                "A referral not yet sent is withdrawn with it; one already sent keeps its state "
                "(the visit happened).",
            )
        self.on = date_edit(today())
        self.note = text_area(
            lines=3, placeholder=translate("CaseForm", "e.g. the father called to withdraw it")
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(self.intro(text), 0, 0, 1, 2)
        grid.addWidget(self.field("on", translate("CaseForm", "Withdrawn on"), self.on), 1, 0)
        grid.addWidget(self.field("note", translate("CaseForm", "Note"), self.note), 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.resize(560, 320)
        self.ready()

    def save_text(self) -> str:
        return translate("CaseForm", "Withdraw the consent")

    def call(self, ctx: Context) -> Callable[[], object]:
        consent_id = self.consent.id
        on = read_date(self.on)
        note = self.note.toPlainText() or None
        return lambda: withdraw_consent(ctx, consent_id, on=on, note=note)
