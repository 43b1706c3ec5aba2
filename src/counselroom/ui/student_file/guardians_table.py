"""The family members of the 概况 editor (成员1…n of the roster): an editable table.

Errors from the service name a cell ("guardians[1].phone"); the cell is tinted and the message
under the table says which row and column, since a tint alone is not enough to read.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.student_file import GuardianEntry
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.student_file.field_errors import describe

COL_NAME, COL_RELATION, COL_PHONE, COL_GUARDIAN = range(4)
_COLUMNS = {"name": COL_NAME, "relation": COL_RELATION, "phone": COL_PHONE}
_CELL_FIELD = re.compile(r"^guardians\[(\d+)\]\.(\w+)$")
ERROR_TINT = QColor("#FFEBEE")


class GuardiansTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = named(QTableWidget(0, 4, self), "guardiansTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Relation"), self.tr("Phone"), self.tr("Legal guardian")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_PHONE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.table.fontMetrics()
        for column, sample in ((COL_NAME, "欧阳中华某某"), (COL_RELATION, "外祖母外祖")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        self.table.setColumnWidth(
            COL_GUARDIAN, metrics.horizontalAdvance(self.tr("Legal guardian")) + 28
        )
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = named(QPushButton(self.tr("Add member")), "addGuardian")
        self.remove_button = named(QPushButton(self.tr("Remove selected")), "removeGuardian")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.error_label = named(QLabel(), "fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._editable = True

    # -- content -----------------------------------------------------------------------------

    def set_entries(self, entries: tuple[GuardianEntry, ...], *, editable: bool) -> None:
        self._editable = editable
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for entry in entries:
                self._append(entry)
        finally:
            self.table.blockSignals(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable)
        self._fit_height()
        self.clear_errors()

    def _append(self, entry: GuardianEntry) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in ((COL_NAME, entry.name), (COL_RELATION, entry.relation)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setItem(row, COL_PHONE, QTableWidgetItem(entry.phone))
        check = QTableWidgetItem(self.tr("yes") if entry.is_guardian else self.tr("no"))
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        check.setFlags(flags)
        check.setCheckState(Qt.CheckState.Checked if entry.is_guardian else Qt.CheckState.Unchecked)
        self.table.setItem(row, COL_GUARDIAN, check)

    def entries(self) -> tuple[GuardianEntry, ...]:
        result = []
        for row in range(self.table.rowCount()):
            result.append(
                GuardianEntry(
                    name=self._text(row, COL_NAME),
                    relation=self._text(row, COL_RELATION),
                    phone=self._text(row, COL_PHONE),
                    is_guardian=self._checked(row),
                )
            )
        return tuple(result)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _checked(self, row: int) -> bool:
        item = self.table.item(row, COL_GUARDIAN)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def add_row(self) -> None:
        self.table.blockSignals(True)
        try:
            self._append(GuardianEntry(name="", relation="", phone="", is_guardian=False))
        finally:
            self.table.blockSignals(False)
        row = self.table.rowCount() - 1
        self._fit_height()
        self.table.setCurrentCell(row, COL_NAME)
        item = self.table.item(row, COL_NAME)
        if item is not None:
            self.table.editItem(item)
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._fit_height()
            self.clear_errors()
            self.changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_GUARDIAN:
            self.table.blockSignals(True)
            item.setText(
                self.tr("yes") if item.checkState() == Qt.CheckState.Checked else self.tr("no")
            )
            self.table.blockSignals(False)
        item.setBackground(QBrush())
        self.changed.emit()

    def _fit_height(self) -> None:
        rows = max(self.table.rowCount(), 2)
        height = self.table.horizontalHeader().sizeHint().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        height += (rows - self.table.rowCount()) * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(min(height + 2, 320))

    # -- errors ------------------------------------------------------------------------------

    def show_errors(self, errors: list[tuple[str, str]]) -> None:
        """(field, message) pairs whose field is "guardians" or "guardians[i].column"."""
        lines = []
        titles = {
            "name": self.tr("Name"),
            "relation": self.tr("Relation"),
            "phone": self.tr("Phone"),
        }
        for field, message in errors:
            match = _CELL_FIELD.match(field)
            if match is None:
                lines.append(describe(message))
                continue
            row, column = int(match[1]), match[2]
            item = self.table.item(row, _COLUMNS.get(column, COL_NAME))
            if item is not None:
                self.table.blockSignals(True)
                item.setBackground(ERROR_TINT)
                self.table.blockSignals(False)
            lines.append(
                fill(
                    self.tr("Row %1, %2: %3"),
                    row + 1,
                    titles.get(column, column),
                    describe(message),
                )
            )
        self.error_label.setText("\n".join(lines))
        self.error_label.setVisible(bool(lines))

    def clear_errors(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for column in (COL_NAME, COL_RELATION, COL_PHONE):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
        self.table.blockSignals(False)
