"""家校沟通 tab: log a contact with the family — when, how, with whom, what was said and agreed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.home_school import PARENT_CONTACT_KINDS, add_parent_contact
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.actions import TabActions
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

CONTACT = "logContact"


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

    def refresh(self) -> None:
        self.bar.allow(CONTACT, self.file is not None and not self.closed(), self.closed_text())

    def log_contact(self) -> FormDialog:
        return self.open_dialog(CONTACT, lambda: ContactDialog(self.host, self.window))
