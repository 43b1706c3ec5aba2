"""The measures of a plan as a small editable table: who, what, how often, and the person.

"Who" is a role (心理教师, 班主任, 家长, 心理委员…) chosen from a list, shown in words; the
person is optional (the 班主任's name is already on the file). A row left wholly empty is not
a measure and is not sent.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.plans import MEASURE_ROLES, MeasureInput
from counselroom.services.student_file import MeasureEntry
from counselroom.ui.named import named
from counselroom.ui.student_file import labels

translate = QCoreApplication.translate

COL_WHO, COL_WHAT, COL_FREQUENCY, COL_PERSON = range(4)
# Service field names of a measure -> its column.
COLUMN_OF = {"who": COL_WHO, "what": COL_WHAT, "frequency": COL_FREQUENCY, "person": COL_PERSON}


def column_titles() -> tuple[str, ...]:
    return (
        translate("CaseForm", "Who"),
        translate("CaseForm", "What"),
        translate("CaseForm", "How often"),
        translate("CaseForm", "Person"),
    )


class MeasuresTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = named(QTableWidget(0, 4, self), "measuresTable")
        self.table.setHorizontalHeaderLabels(list(column_titles()))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.table.fontMetrics()
        widest_role = max(
            metrics.horizontalAdvance(labels.recipient_role(r)) for r in MEASURE_ROLES
        )
        self.table.setColumnWidth(COL_WHO, widest_role + 48)
        self.table.setColumnWidth(COL_FREQUENCY, metrics.horizontalAdvance("每周一次每周") + 20)
        self.table.setColumnWidth(COL_PERSON, metrics.horizontalAdvance("林心怡老师") + 24)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 14)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = named(QPushButton(translate("CaseForm", "Add measure")), "addMeasure")
        self.remove_button = named(
            QPushButton(translate("CaseForm", "Remove selected")), "removeMeasure"
        )
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_measures(self, measures: Sequence[MeasureEntry]) -> None:
        self.table.setRowCount(0)
        for m in measures:
            self.add_row(m.who, m.what, m.frequency, m.person or "")

    def add_row(
        self, who: str = "psychology_teacher", what: str = "", frequency: str = "", person: str = ""
    ) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for code in MEASURE_ROLES:
            combo.addItem(labels.recipient_role(code), code)
        index = combo.findData(who)
        if index < 0:  # a role this program does not offer any more: kept as it was
            combo.addItem(labels.recipient_role(who), who)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, COL_WHO, combo)
        for column, text in ((COL_WHAT, what), (COL_FREQUENCY, frequency), (COL_PERSON, person)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _who(self, row: int) -> str:
        combo = self.table.cellWidget(row, COL_WHO)
        return str(combo.currentData()) if isinstance(combo, QComboBox) else ""

    def rows(self) -> list[int]:
        """The table rows that hold a measure (not wholly empty), in order."""
        return [
            row
            for row in range(self.table.rowCount())
            if any(self._text(row, c) for c in (COL_WHAT, COL_FREQUENCY, COL_PERSON))
        ]

    def measures(self) -> tuple[MeasureInput, ...]:
        return tuple(
            MeasureInput(
                who=self._who(row),
                what=self._text(row, COL_WHAT),
                frequency=self._text(row, COL_FREQUENCY),
                person=self._text(row, COL_PERSON) or None,
            )
            for row in self.rows()
        )

    def values(self) -> tuple[tuple[str, str, str, str], ...]:
        """Everything in the table, for "has anything been typed"."""
        return tuple(
            (
                self._who(row),
                self._text(row, COL_WHAT),
                self._text(row, COL_FREQUENCY),
                self._text(row, COL_PERSON),
            )
            for row in range(self.table.rowCount())
        )
