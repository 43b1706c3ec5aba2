"""The institutions directory as a table: kind, name, department, phone, green-channel contact
and hours; address and contact person in the tool tip. A deleted entry is grey and says so in
its name, because colour alone is not a signal everyone sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from counselroom.services.institutions import InstitutionEntry
from counselroom.ui.areas.table_kit import RowTableModel
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels

IndexLike = QModelIndex | QPersistentModelIndex
COL_KIND, COL_NAME, COL_DEPARTMENT, COL_PHONE, COL_GREEN, COL_HOURS = range(6)
DELETED_COLOUR = QColor("#757575")  # grey that keeps 4.5:1 on white
SAMPLES = {
    COL_KIND: "医疗机构",
    COL_NAME: "希望24热线（心理危机干预）",
    COL_DEPARTMENT: "儿童青少年心理科",
    COL_PHONE: "400-161-9995",
    COL_GREEN: "王医生 138 0000 0000",
}


class InstitutionsModel(RowTableModel[InstitutionEntry]):
    def headers(self) -> Sequence[str]:
        return (
            self.tr("Kind"),
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Phone"),
            self.tr("Green-channel contact"),
            self.tr("Hours"),
        )

    def display(self, row: InstitutionEntry, column: int) -> str:
        if column == COL_KIND:
            return labels.institution_kind(row.kind)
        if column == COL_NAME:
            return fill(self.tr("%1 (deleted)"), row.name) if row.deleted else row.name
        return {
            COL_DEPARTMENT: row.department,
            COL_PHONE: row.phone,
            COL_GREEN: row.green_channel_contact,
            COL_HOURS: row.hours,
        }.get(column, "")

    def tooltip(self, row: InstitutionEntry, column: int) -> str | None:
        """The address and the contact person, which have no column of their own."""
        parts = []
        if row.address:
            parts.append(fill(self.tr("Address: %1"), row.address))
        if row.contact:
            parts.append(fill(self.tr("Contact person: %1"), row.contact))
        return "\n".join(parts) or None

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return DELETED_COLOUR if self.row_at(index.row()).deleted else None
        return super().data(index, role)
