"""Add a dated amendment to a locked session: the original stays, the addition sits beside it.

The text of the chosen part as it was written is shown above the box for the addition, so the
counsellor amends what is there rather than from memory.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.counselling import AMENDABLE_FIELDS, amend_session
from counselroom.services.student_file import SessionEntry
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import combo_of, line_edit, text_area
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate


class AmendDialog(FormDialog):
    def __init__(self, host: FileHost, entry: SessionEntry, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Amend a locked session"), parent)
        self.setObjectName("amendDialog")
        self.entry = entry
        intro = self.intro(
            fill(
                translate(
                    "CaseForm",
                    "The session of %1 (%2) is locked. An amendment is kept with today's date "
                    "next to what was written; the original does not change.",
                ),
                labels.moment(entry.started_at),
                labels.session_kind(entry.kind),
            )
        )
        self.part = combo_of(AMENDABLE_FIELDS, labels.session_field, "observation")
        self.original = named(text_area(lines=3), "amendOriginal")
        self.original.setReadOnly(True)
        self.text = text_area(lines=4)
        self.reason = line_edit(
            max_length=500, placeholder=translate("CaseForm", "e.g. omitted on the day")
        )
        grid = QGridLayout()
        grid.setVerticalSpacing(8)
        grid.addWidget(intro, 0, 0)
        grid.addWidget(self.field("field", translate("CaseForm", "Part to amend"), self.part), 1, 0)
        grid.addWidget(
            self.field("original", translate("CaseForm", "As written"), self.original), 2, 0
        )
        grid.addWidget(self.field("text", translate("CaseForm", "Amendment"), self.text), 3, 0)
        grid.addWidget(self.field("reason", translate("CaseForm", "Why"), self.reason), 4, 0)
        self.body.addLayout(grid)
        self.part.currentIndexChanged.connect(self._show_original)
        self._show_original()
        self.resize(620, 500)
        self.ready()

    def _show_original(self) -> None:
        code = self.part.currentData()
        text = getattr(self.entry, code, "") or ""
        self.original.setPlainText(text or translate("CaseForm", "(not written)"))

    def call(self, ctx: Context) -> Callable[[], object]:
        session_id = self.entry.id
        part = self.part.currentData()
        text = self.text.toPlainText()
        reason = self.reason.text()
        return lambda: amend_session(ctx, session_id, field=part, text=text, reason=reason)
