"""Record a concern from the warning network (预警网络): who reported what, and when."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.casework import CONCERN_SOURCES, record_concern
from counselroom.services.context import Context
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


class ConcernDialog(FormDialog):
    def __init__(self, host: FileHost, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Record a concern"), parent)
        self.setObjectName("concernDialog")
        self.source = combo_of(CONCERN_SOURCES, labels.concern_source, "head_teacher")
        self.reporter = line_edit(
            max_length=100, placeholder=translate("CaseForm", "e.g. the head teacher's name")
        )
        self.reported_on = date_edit(today())
        self.description = text_area(lines=5)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(self.field("source", translate("CaseForm", "Source"), self.source), 0, 0)
        grid.addWidget(
            self.field("reporter", translate("CaseForm", "Reported by"), self.reporter), 0, 1
        )
        grid.addWidget(
            self.field("reported_on", translate("CaseForm", "Reported on"), self.reported_on),
            0,
            2,
        )
        grid.addWidget(
            self.field(
                "description", translate("CaseForm", "What was seen or heard"), self.description
            ),
            1,
            0,
            1,
            3,
        )
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.resize(640, 360)
        self.ready()

    def call(self, ctx: Context) -> Callable[[], object]:
        student_id = self.host.student_id
        source = self.source.currentData()
        reporter = self.reporter.text()
        description = self.description.toPlainText()
        reported_on = read_date(self.reported_on)
        return lambda: record_concern(
            ctx,
            student_id,
            source=source,
            reporter=reporter,
            description=description,
            reported_on=reported_on,
        )
