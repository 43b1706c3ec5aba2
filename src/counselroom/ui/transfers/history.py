"""The record of every archive sent and received, newest first: the PIPL processing record a
school keeps (art. 55–56) and where a counsellor looks up "did we send 张三's file, and to whom".
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QTableView, QVBoxLayout, QWidget

from counselroom.services.transfer_history import TransferEntry
from counselroom.ui.areas.table_kit import SortProxy, make_table_view
from counselroom.ui.named import named
from counselroom.ui.transfers.models import H_SHA, HISTORY_SAMPLES, HistoryModel


def fit_headers(view: QTableView) -> QTableView:
    """Widen each column to its header's text: a translated header must not be cut."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        view.setColumnWidth(column, max(view.columnWidth(column), header.sectionSizeHint(column)))
    return view


class HistoryGroup(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Transfers sent and received"))
        self.model = HistoryModel(self)
        self.proxy = SortProxy(self.model, self)
        self.view: QTableView = fit_headers(
            make_table_view(
                self, self.proxy, sortable=True, widths=HISTORY_SAMPLES, stretch_column=H_SHA
            )
        )
        self.empty_label = named(
            QLabel(self.tr("No archive was sent or received yet.")), "emptyNote"
        )
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)

    def show_rows(self, entries: list[TransferEntry]) -> None:
        self.model.set_rows(entries)
        self.empty_label.setVisible(not entries)

    def clear(self) -> None:
        self.model.clear()
        self.empty_label.hide()

    def entries(self) -> list[TransferEntry]:
        return self.model.rows()
