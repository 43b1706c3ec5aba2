"""分级与通报 tab: record a concern, change the tier, mark a notification done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.services.student_file import TaskEntry
from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.concern_dialog import ConcernDialog
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.records import RecordsPage
from counselroom.ui.student_file.task_dialog import TaskDoneDialog
from counselroom.ui.student_file.tier_dialog import TierDialog

translate = QCoreApplication.translate

CONCERN, TIER, TASK_DONE = "recordConcern", "changeTier", "markTaskDone"


class TierActions(TabActions):
    def __init__(self, host: FileHost, page: RecordsPage, window: QWidget) -> None:
        super().__init__(host, page, window)
        self.bar.add(CONCERN, translate("CaseActions", "Record concern…"), self.record_concern)
        self.bar.add(TIER, translate("CaseActions", "Change tier…"), self.change_tier)
        self.bar.add(TASK_DONE, translate("CaseActions", "Mark task done…"), self.mark_task_done)

    def chosen_task(self) -> TaskEntry | None:
        task_id = self.page.chosen_id("task")
        if self.file is None or task_id is None:
            return None
        return next((t for t in self.file.tasks if t.id == task_id), None)

    def refresh(self) -> None:
        closed = self.closed()
        self.bar.allow(CONCERN, self.file is not None)
        self.bar.allow(TIER, self.file is not None and not closed, self.closed_text())
        task = self.chosen_task()
        self.bar.allow(
            TASK_DONE,
            task is not None and task.done_at is None,
            translate("CaseActions", "Choose an open notification in the list first."),
        )

    def record_concern(self) -> FormDialog:
        return self.open_dialog(CONCERN, lambda: ConcernDialog(self.host, self.window))

    def change_tier(self) -> FormDialog | None:
        if self.file is None:
            return None
        current = self.file.header.tier
        return self.open_dialog(TIER, lambda: TierDialog(self.host, current, self.window))

    def mark_task_done(self) -> FormDialog | None:
        task = self.chosen_task()
        if task is None or task.done_at is not None:
            return None
        return self.open_dialog(
            f"{TASK_DONE}:{task.id}", lambda: TaskDoneDialog(self.host, task, self.window)
        )
