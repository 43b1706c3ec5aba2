"""Propose a referral (转介): to which institution, how urgent, from when, and why.

The institutions come from the school's directory, read in the background when the form opens;
only live ones are offered (a deleted hospital keeps its old referrals but takes no new one),
each labelled with its kind, in the directory's order (by kind, then name). The reason is the
part a hospital and a family will read: the hint asks for what was observed, not a diagnosis
(精神卫生法 23 — the school does not diagnose).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from counselroom.domain.errors import ValidationError
from counselroom.services.context import Context
from counselroom.services.institutions import InstitutionEntry, list_institutions
from counselroom.services.referrals import REFERRAL_URGENCIES, propose_referral
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import combo_of, date_edit, read_date, text_area, today
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def institution_text(entry: InstitutionEntry) -> str:
    """ "医院 · 市精神卫生中心（儿少心理科）": the kind first, so the list reads by kind."""
    name = f"{entry.name}（{entry.department}）" if entry.department else entry.name
    return f"{labels.institution_kind(entry.kind)} · {name}"


class ReferralDialog(FormDialog):
    def __init__(self, host: FileHost, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Propose a referral"), parent)
        self.setObjectName("referralDialog")
        self.loaded = False
        self.institution = QComboBox()
        self.institution.setEnabled(False)
        self.institution.addItem(translate("CaseForm", "Reading the directory…"), None)
        self.urgency = combo_of(REFERRAL_URGENCIES, labels.referral_urgency, "routine")
        self.on = date_edit(today())
        self.reason = text_area(
            lines=5,
            placeholder=translate(
                "CaseForm",
                "e.g. for three weeks sleeps four hours a night, cried twice in class, said "
                "“nothing makes sense”; PHQ-9 17 on 2026-11-02",
            ),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(
            self.field(
                "institution_id",
                translate("CaseForm", "To"),
                self.institution,
                translate(
                    "CaseForm",
                    "Hospitals, hotlines and services of the school's directory (Settings).",
                ),
            ),
            0,
            0,
            1,
            3,
        )
        grid.addWidget(self.field("urgency", translate("CaseForm", "Urgency"), self.urgency), 1, 0)
        grid.addWidget(self.field("on", translate("CaseForm", "Proposed on"), self.on), 1, 1)
        grid.addWidget(
            self.field(
                "reason",
                translate("CaseForm", "Reason for the referral"),
                self.reason,
                translate(
                    "CaseForm",
                    "Write facts — what was seen, heard, scored and when — not a diagnosis: "
                    "the hospital and the family read this.",
                ),
            ),
            2,
            0,
            1,
            3,
        )
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)
        self.save_button.setEnabled(False)  # until there is an institution to choose
        self.resize(640, 480)
        self.ready()
        self._read_directory()

    def save_text(self) -> str:
        return translate("CaseForm", "Propose")

    # -- the directory -------------------------------------------------------------------------

    def _read_directory(self) -> None:
        ctx = self.host.context()
        if ctx is None:
            return
        self.host.run_service(
            lambda: list_institutions(ctx), self.show_institutions, self._directory_failed
        )

    def show_institutions(self, entries: Sequence[InstitutionEntry]) -> None:
        if not shiboken6.isValid(self):
            return
        live = [e for e in entries if not e.deleted]
        typed = self.is_dirty()
        self.institution.clear()
        kind = None
        for entry in live:
            if kind is not None and entry.kind != kind:
                self.institution.insertSeparator(self.institution.count())
            kind = entry.kind
            self.institution.addItem(institution_text(entry), entry.id)
        self.loaded = True
        self.institution.setEnabled(bool(live))
        self.save_button.setEnabled(bool(live))
        if not live:
            self.say(
                translate(
                    "CaseForm",
                    "The directory holds no institution: an administrator adds hospitals, "
                    "hotlines and services under Settings.",
                )
            )
        if not typed:
            self.ready()  # the list arriving is not typing

    def _directory_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        log.error("reading the institutions failed", exc_info=exc)
        self.say(fill(translate("CaseForm", "The directory could not be read: %1"), exc))

    # -- saving ----------------------------------------------------------------------------

    def call(self, ctx: Context) -> Callable[[], object]:
        institution_id = self.institution.currentData()
        if institution_id is None:
            raise ValidationError(
                translate("CaseForm", "Choose the institution."), field="institution_id"
            )
        student_id = self.host.student_id
        urgency = self.urgency.currentData()
        on = read_date(self.on)
        reason = self.reason.toPlainText()
        return lambda: propose_referral(
            ctx,
            student_id,
            institution_id=int(institution_id),
            urgency=urgency,
            reason=reason,
            on=on,
        )
