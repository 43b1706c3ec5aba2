"""一生一策 tab: write or review the plan, close the file, reopen it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.closure_dialog import ClosureDialog, ReopenDialog
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.plan_dialog import DEFAULT_REVIEW, PlanDialog, latest_plan
from counselroom.ui.student_file.records import RecordsPage

translate = QCoreApplication.translate

PLAN, CLOSE, REOPEN = "writePlan", "closeFile", "reopenFile"


class PlanActions(TabActions):
    def __init__(self, host: FileHost, page: RecordsPage, window: QWidget) -> None:
        super().__init__(host, page, window)
        self.review_after = DEFAULT_REVIEW
        self.bar.add(PLAN, translate("CaseActions", "Write the plan…"), self.write_plan)
        self.bar.add(CLOSE, translate("CaseActions", "Close file…"), self.close_file)
        self.bar.add(REOPEN, translate("CaseActions", "Reopen file…"), self.reopen_file)

    def set_review_interval(self, interval: timedelta) -> None:
        self.review_after = interval

    def refresh(self) -> None:
        has_plan = latest_plan(self.file) is not None
        self.bar.buttons[PLAN].setText(
            translate("CaseActions", "Review plan…")
            if has_plan
            else translate("CaseActions", "Write the plan…")
        )
        state = self.file.header.file_state if self.file else "none"
        closed = state == "closed"
        self.bar.allow(PLAN, self.file is not None and not closed, self.closed_text())
        # Only the button that applies is shown: a file is either closable or reopenable.
        self.bar.buttons[CLOSE].setVisible(not closed)
        self.bar.buttons[REOPEN].setVisible(closed)
        self.bar.allow(
            CLOSE,
            state == "open",
            translate("CaseActions", "There is no open file to close: nothing has been recorded."),
        )
        self.bar.allow(REOPEN, closed)

    def write_plan(self) -> FormDialog | None:
        if self.file is None:
            return None
        base = latest_plan(self.file)
        return self.open_dialog(
            PLAN,
            lambda: PlanDialog(self.host, base, review_after=self.review_after, parent=self.window),
        )

    def close_file(self) -> FormDialog:
        return self.open_dialog(CLOSE, lambda: ClosureDialog(self.host, self.window))

    def reopen_file(self) -> FormDialog | None:
        if self.file is None:
            return None
        closures = self.file.closures or ()
        last = max(closures, key=lambda c: (c.closed_on, c.id)) if closures else None
        return self.open_dialog(REOPEN, lambda: ReopenDialog(self.host, last, self.window))
