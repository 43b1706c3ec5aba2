"""Close a file (结案) and reopen it.

The closing form first reads what the program computes (sessions, last screening scores,
whether this was a crisis case) and what would block the closure: open notification tasks and
break-glass informing not yet recorded. A blocked closure says why and offers no Save, since a
closed file leaves the dashboard and nothing would remind anyone any more.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counselroom.services.closure import (
    CLOSURE_REASONS,
    ClosureInput,
    ClosurePreview,
    close_file,
    closure_preview,
    reopen_file,
)
from counselroom.services.context import Context
from counselroom.services.student_file import ClosureEntry
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import combo_of, date_edit, read_date, text_area, today
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

STYLE = """
QLabel#closureBlocked { color: #B71C1C; background: #FFEBEE; border: 1px solid #EF9A9A;
    border-radius: 4px; padding: 6px 8px; }
"""


def blockers(preview: ClosurePreview) -> list[str]:
    """Why the file cannot be closed yet (the rule of `services.closure.close_file`)."""
    found = []
    if preview.open_tasks:
        found.append(
            fill(
                translate("CaseForm", "%1 notification task(s) are not done yet."),
                preview.open_tasks,
            )
        )
    if preview.pending_break_glass:
        found.append(
            fill(
                translate(
                    "CaseForm",
                    "%1 session(s) with a risk found still need the record of who was told "
                    "(head teacher and guardian).",
                ),
                preview.pending_break_glass,
            )
        )
    return found


class ClosureDialog(FormDialog):
    def __init__(self, host: FileHost, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Close the file"), parent)
        self.setObjectName("closureDialog")
        self.setStyleSheet(self.styleSheet() + STYLE)
        self.preview: ClosurePreview | None = None
        self.facts = named(QLabel(translate("CaseForm", "Reading the file…")), "formIntro")
        self.facts.setWordWrap(True)
        self.blocked = named(QLabel(), "closureBlocked")
        self.blocked.setWordWrap(True)
        self.blocked.hide()
        self.closed_on = date_edit(today())
        self.reason = combo_of(CLOSURE_REASONS, labels.closure_reason, "goals_met")
        self.reason.setMinimumWidth(180)
        self.goals_achieved = text_area(lines=3)
        self.goals_not_achieved = text_area(lines=3)
        self.evaluation = text_area(lines=3)
        self.district_evaluation = text_area(lines=3)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(self.field("closed_on", translate("CaseForm", "Closed on"), self.closed_on))
        top.addWidget(self.field("reason", translate("CaseForm", "Reason"), self.reason))
        top.addStretch(1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        for row, col, span, key, caption, widget, hint in (
            (
                0,
                0,
                1,
                "goals_achieved",
                translate("CaseForm", "Goals achieved"),
                self.goals_achieved,
                "",
            ),
            (
                0,
                1,
                1,
                "goals_not_achieved",
                translate("CaseForm", "Goals not achieved"),
                self.goals_not_achieved,
                "",
            ),
            (
                1,
                0,
                2,
                "evaluation",
                translate("CaseForm", "Counsellor's evaluation"),
                self.evaluation,
                "",
            ),
            (
                2,
                0,
                2,
                "district_evaluation",
                translate("CaseForm", "District's closure evaluation (结案评估) *"),
                self.district_evaluation,
                translate("CaseForm", "Required: the student was at tier 3 (crisis)."),
            ),
        ):
            grid.addWidget(self.field(key, caption, widget, hint), row, col, 1, span)
        column = QVBoxLayout()
        column.addWidget(self.facts)
        column.addWidget(self.blocked)
        column.addLayout(top)
        column.addLayout(grid)
        self.body.addLayout(column)
        self.fields["district_evaluation"].box.hide()
        self.save_button.setEnabled(False)
        self.resize(760, 520)
        self.ready()
        self._read_preview()

    def save_text(self) -> str:
        return translate("CaseForm", "Close the file")

    def _read_preview(self) -> None:
        ctx = self.host.context()
        if ctx is None:
            return
        student_id = self.host.student_id
        self.host.run_service(
            lambda: closure_preview(ctx, student_id), self.show_preview, self._preview_failed
        )

    def show_preview(self, preview: ClosurePreview) -> None:
        if not shiboken6.isValid(self):
            return
        self.preview = preview
        facts = [
            fill(translate("CaseForm", "Sessions: %1"), preview.sessions_count),
            fill(
                translate("CaseForm", "Last screening scores: %1"),
                preview.last_scores or translate("CaseForm", "none"),
            ),
        ]
        if preview.crisis_case:
            facts.append(
                translate(
                    "CaseForm",
                    "This was a crisis case (tier 3): the district's closure evaluation is "
                    "required.",
                )
            )
        self.facts.setText("\n".join(facts))
        self.fields["district_evaluation"].box.setVisible(preview.crisis_case)
        reasons = blockers(preview)
        if reasons:
            self.blocked.setText(
                "\n".join([translate("CaseForm", "The file cannot be closed yet:"), *reasons])
            )
            self.blocked.show()
        self.save_button.setEnabled(not reasons)

    def _preview_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        log.error("reading the closure preview failed", exc_info=exc)
        self.facts.setText(fill(translate("CaseForm", "The file could not be read: %1"), exc))

    def call(self, ctx: Context) -> Callable[[], object]:
        student_id = self.host.student_id
        district = self.district_evaluation.toPlainText()
        data = ClosureInput(
            closed_on=read_date(self.closed_on),
            reason=self.reason.currentData(),
            goals_achieved=self.goals_achieved.toPlainText(),
            evaluation=self.evaluation.toPlainText(),
            goals_not_achieved=self.goals_not_achieved.toPlainText() or None,
            district_evaluation=district if self.preview and self.preview.crisis_case else None,
        )
        return lambda: close_file(ctx, student_id, data)

    def save(self) -> None:
        if self.preview is None or blockers(self.preview):
            return
        super().save()


class ReopenDialog(FormDialog):
    def __init__(
        self, host: FileHost, closure: ClosureEntry | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(host, translate("CaseForm", "Reopen the file"), parent)
        self.setObjectName("reopenDialog")
        if closure is not None:
            text = fill(
                translate(
                    "CaseForm",
                    "The file was closed on %1 (%2). Reopening puts it back on the dashboard "
                    "with a follow-up date; the closure stays in the file.",
                ),
                labels.day(closure.closed_on),
                labels.closure_reason(closure.reason),
            )
        else:
            text = translate("CaseForm", "Reopening puts the file back on the dashboard.")
        self.reason = text_area(lines=4)
        grid = QGridLayout()
        grid.addWidget(self.intro(text), 0, 0)
        grid.addWidget(self.field("reason", translate("CaseForm", "Why"), self.reason), 1, 0)
        self.body.addLayout(grid)
        self.resize(560, 300)
        self.ready()

    def save_text(self) -> str:
        return translate("CaseForm", "Reopen")

    def call(self, ctx: Context) -> Callable[[], object]:
        student_id = self.host.student_id
        reason = self.reason.toPlainText()
        return lambda: reopen_file(ctx, student_id, reason=reason)
