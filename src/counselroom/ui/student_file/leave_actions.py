"""休复学 tab: start a leave, record the return, cancel a leave entered in error.

A student has at most one open leave. Start follows the student's status in the file header
(only an enrolled student goes on leave); Return and Cancel act on the chosen leave, or on the
open one when nothing is chosen, and only while it is still open. Any of them is refused on a
closed file, which takes no new case work until it is reopened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.services.student_file import LeaveEntry
from counselroom.ui.i18n import fill
from counselroom.ui.labels import status_label
from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.leave_dialogs import CancelLeaveDialog, StartLeaveDialog
from counselroom.ui.student_file.records import RecordsPage
from counselroom.ui.student_file.return_dialog import ReturnDialog

translate = QCoreApplication.translate

START, RETURN, CANCEL = "startLeave", "recordReturn", "cancelLeave"
OPEN = "on_leave"  # the state of a leave not yet ended (LEAVE_STATES)


class LeaveActions(TabActions):
    def __init__(self, host: FileHost, page: RecordsPage, window: QWidget) -> None:
        super().__init__(host, page, window)
        self.bar.add(START, translate("CaseActions", "Start leave…"), self.start_leave)
        self.bar.add(RETURN, translate("CaseActions", "Record return…"), self.record_return)
        self.bar.add(CANCEL, translate("CaseActions", "Cancel leave…"), self.cancel_leave)

    # -- state -------------------------------------------------------------------------------

    def open_leave(self) -> LeaveEntry | None:
        leaves = self.file.leaves if self.file is not None else None
        return next((v for v in leaves or () if v.state == OPEN), None)

    def target_leave(self) -> LeaveEntry | None:
        """The chosen leave, or the open one when no leave is chosen."""
        leaves = self.file.leaves if self.file is not None else None
        chosen = self.page.chosen_id("leave")
        if chosen is not None:
            return next((v for v in leaves or () if v.id == chosen), None)
        return self.open_leave()

    def refresh(self) -> None:
        if self.file is None:
            for name in (START, RETURN, CANCEL):
                self.bar.allow(name, False)
            return
        closed = self.closed()
        self.bar.allow(START, not closed and self._start_refusal() is None, self._start_why())
        target = self.target_leave()
        may_end = not closed and target is not None and target.state == OPEN
        why = self.closed_text() if closed else self._end_refusal(target)
        self.bar.allow(RETURN, may_end, why)
        self.bar.allow(CANCEL, may_end, why)

    def _start_refusal(self) -> str | None:
        assert self.file is not None
        status = self.file.header.status
        if status == OPEN or self.open_leave() is not None:
            return translate(
                "CaseActions",
                "The student is already on leave: record the return, or cancel a leave "
                "entered in error, first.",
            )
        if status != "enrolled":
            return fill(
                translate(
                    "CaseActions", "Only an enrolled student can go on leave; this student is %1."
                ),
                status_label(status),
            )
        return None

    def _start_why(self) -> str:
        return self.closed_text() if self.closed() else (self._start_refusal() or "")

    @staticmethod
    def _end_refusal(target: LeaveEntry | None) -> str:
        if target is None:
            return translate("CaseActions", "The student is not on leave.")
        return translate(
            "CaseActions", "The chosen leave has already ended: choose the current leave."
        )

    # -- actions -----------------------------------------------------------------------------

    def start_leave(self) -> FormDialog | None:
        if self.file is None or self.closed() or self._start_refusal() is not None:
            return None
        return self.open_dialog(START, lambda: StartLeaveDialog(self.host, self.window))

    def record_return(self) -> FormDialog | None:
        leave = self._open_target()
        if leave is None:
            return None
        return self.open_dialog(
            f"{RETURN}:{leave.id}", lambda: ReturnDialog(self.host, leave, self.window)
        )

    def cancel_leave(self) -> FormDialog | None:
        leave = self._open_target()
        if leave is None:
            return None
        return self.open_dialog(
            f"{CANCEL}:{leave.id}", lambda: CancelLeaveDialog(self.host, leave, self.window)
        )

    def _open_target(self) -> LeaveEntry | None:
        leave = self.target_leave()
        if self.closed() or leave is None or leave.state != OPEN:
            return None
        return leave
