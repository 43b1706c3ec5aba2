"""Mark a notification task done: how the person was told, when, and what they answered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.casework import NOTIFY_METHODS, complete_task
from counselroom.services.context import Context
from counselroom.services.student_file import TaskEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import (
    combo_of,
    moment_edit,
    now_local,
    read_utc,
    text_area,
)
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate


class TaskDoneDialog(FormDialog):
    def __init__(self, host: FileHost, task: TaskEntry, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Mark a notification done"), parent)
        self.setObjectName("taskDoneDialog")
        self.task = task
        who = labels.recipient_role(task.recipient_role)
        if task.person:
            who = f"{who}（{task.person}）"
        intro = self.intro(
            fill(translate("CaseForm", "Tell: %1 — due %2"), who, labels.moment(task.due_at))
        )
        self.method = combo_of(NOTIFY_METHODS, labels.notify_method, task.method or "phone")
        self.done_at = moment_edit(now_local())
        self.acknowledgement = text_area(
            lines=3,
            placeholder=translate("CaseForm", "What the person said, or that they signed"),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(intro, 0, 0, 1, 2)
        grid.addWidget(self.field("method", translate("CaseForm", "Told by"), self.method), 1, 0)
        grid.addWidget(self.field("done_at", translate("CaseForm", "When"), self.done_at), 1, 1)
        grid.addWidget(
            self.field(
                "acknowledgement", translate("CaseForm", "Acknowledgement"), self.acknowledgement
            ),
            2,
            0,
            1,
            2,
        )
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.resize(560, 300)
        self.ready()

    def call(self, ctx: Context) -> Callable[[], object]:
        task_id = self.task.id
        method = self.method.currentData()
        ack = self.acknowledgement.toPlainText()
        done_at = read_utc(self.done_at)
        return lambda: complete_task(
            ctx, task_id, method=method, acknowledgement=ack, done_at=done_at
        )
