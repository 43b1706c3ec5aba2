"""台账: the members of one care group with tier and last contact, its .xlsx export and print.

Seed 004 keeps ledgers for 留守儿童, 单亲(离异)家庭儿童 and 心理障碍儿童; any group of
`domain.groups.CareGroup` can be chosen. A viewer may read a ledger (tier and dates, no notes) but
not save one: the file puts names of members of sensitive groups on disk in plaintext.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.domain.groups import CareGroup
from counselroom.services.context import Context
from counselroom.services.documents import RenderedDocument, render_ledger
from counselroom.services.ledgers import Ledger, export_ledger, ledger
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission, PermissionDenied
from counselroom.ui.areas.codes import care_group_label
from counselroom.ui.areas.ledger_model import (
    COL_FILE,
    COL_HEAD_TEACHER,
    SAMPLES,
    LedgerTableModel,
)
from counselroom.ui.areas.page_actions import PageAction
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.areas.table_kit import SortProxy, make_table_view, row_opener, widest
from counselroom.ui.documents.errors import document_error_text
from counselroom.ui.documents.preview_dialog import DocumentPreviewDialog
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.save_dialog import ask_save_path, default_folder, safe_file_name
from counselroom.ui.student_file import labels

SavePathChooser = Callable[[QWidget, str, Path], Path | None]


def choose_save_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The native save dialog; tests replace `LedgersPage.choose_path` with their own."""
    excel = QCoreApplication.translate("LedgersPage", "Excel workbook (*.xlsx)")
    return ask_save_path(parent, title, suggested, [(excel, ".xlsx")])


@dataclass(frozen=True)
class LedgerView:
    ledger: Ledger
    may_export: bool


class LedgersPage(LoadingPage):
    open_student = Signal(int)
    message = Signal(str)

    def __init__(
        self,
        handle: ContextSource,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(handle, "", parent)
        self.clock = clock  # the day in the suggested file name; tests pin it
        self.choose_path: SavePathChooser = choose_save_path
        self.folder: Path | None = None  # where the last export went, offered next time
        self.shown: LedgerView | None = None
        self.export_action = PageAction(handle, self)
        self.print_action = PageAction(handle, self)
        self.preview: DocumentPreviewDialog | None = None
        self.title_label.setText(self.tr("Ledgers"))

        self.group_box = QComboBox()
        for group in CareGroup:  # the codes of storage's CARE_GROUP_CODES, in the same order
            self.group_box.addItem(care_group_label(group.value), group.value)
        self.group_box.setMaxVisibleItems(len(CareGroup))
        self.group_box.currentIndexChanged.connect(self._group_chosen)
        group_label = QLabel(self.tr("&Group:"))
        group_label.setBuddy(self.group_box)
        self.count_label = named(QLabel(), "ledgerCount")
        self.export_label = named(QLabel(), "exportResult")
        self.export_button = QPushButton(self.tr("&Export .xlsx…"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("&Print ledger…"))
        self.print_button.clicked.connect(self.print_ledger)
        self.print_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(group_label)
        bar.addWidget(self.group_box)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.export_label)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)

        self.model = LedgerTableModel(self)
        self.proxy = SortProxy(self.model, self)
        self.view = make_table_view(
            self,
            self.proxy,
            tier_column=self.model.TIER_COLUMN,
            sortable=True,
            widths={
                **SAMPLES,
                COL_FILE: widest(*map(labels.file_state, ("none", "open", "closed"))),
            },
            stretch_column=COL_HEAD_TEACHER,
            padding=24,
        )
        tier = self.model.TIER_COLUMN
        self.view.setColumnWidth(tier, self.view.columnWidth(tier) + 20)  # the badge's margins
        row_opener(self.view, self._student_of, self.open_student.emit)
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.hide()
        self.content_layout.addLayout(bar)
        self.content_layout.addWidget(self.empty_label)
        self.content_layout.addWidget(self.view, 1)

    @property
    def group(self) -> str:
        return str(self.group_box.currentData())

    def select_group(self, code: str) -> None:
        """Show the ledger of `code` (reloads when it changes)."""
        self.group_box.setCurrentIndex(self.group_box.findData(code))

    def _group_chosen(self) -> None:
        self.export_label.clear()
        self.reload()

    def _student_of(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.source_row(index)).student_id

    # -- loading -------------------------------------------------------------------------------

    def load_plan(self) -> tuple[Callable[[Context], LedgerView], Callable[[LedgerView], None]]:
        group = self.group  # read here, on the GUI thread: the worker never touches widgets

        def fetch(ctx: Context) -> LedgerView:
            return LedgerView(ledger(ctx, group), ctx.may(Permission.EXPORT))

        return fetch, self.show_result

    def fetch(self, ctx: Context) -> LedgerView:
        # The base class reloads through load_plan(); this is the same read, for a caller on
        # the GUI thread (it reads the page's choice when called).
        return self.load_plan()[0](ctx)

    def show_result(self, result: LedgerView) -> None:
        if result.ledger.group != self.group:
            return  # chosen while it loaded: the reload that choice asked for follows
        self.shown = result
        rows = result.ledger.rows
        self.model.set_ledger(rows, result.ledger.today)
        self.count_label.setText(fill(self.tr("%1 students"), len(rows)))
        self.empty_label.setText(self.tr("No student on the roll is recorded in this group."))
        self.empty_label.setVisible(not rows)
        self.view.setVisible(bool(rows))
        self.subtitle_label.setText(
            self.tr("Double-click a line to open the student's file") if rows else ""
        )
        self._update_export_button()

    def _update_export_button(self) -> None:
        allowed = self.shown is not None and self.shown.may_export
        self.export_button.setEnabled(allowed and not self.export_action.running)
        if self.shown is not None and not allowed:
            self.export_button.setToolTip(
                self.tr(
                    "Saving a ledger puts names on disk: a counsellor or administrator "
                    "account is needed"
                )
            )
        else:
            self.export_button.setToolTip(self.tr("Save this ledger as an Excel workbook"))
        self.print_button.setEnabled(allowed and not self.print_action.running)
        self.print_button.setToolTip(
            self.tr("Preview this ledger as a document to print or save as PDF")
            if allowed or self.shown is None
            else self.tr(
                "Printing a ledger puts names on paper: a counsellor or administrator "
                "account is needed"
            )
        )

    def clear_content(self) -> None:
        self.export_action.forget()
        self.print_action.forget()
        self.shown = None
        self.model.clear()
        self.subtitle_label.clear()
        self.count_label.clear()
        self.export_label.clear()
        self.empty_label.hide()
        self.view.show()
        self._update_export_button()

    # -- export --------------------------------------------------------------------------------

    def suggested_path(self) -> Path:
        name = fill(
            self.tr("%1 ledger-%2.xlsx"),
            safe_file_name(care_group_label(self.group)),
            self.clock().isoformat(),
        )
        return (self.folder or default_folder()) / name

    def export(self) -> None:
        shown = self.shown
        if shown is None or not shown.may_export or self.export_action.running:
            return
        path = self.choose_path(self, self.tr("Export ledger"), self.suggested_path())
        if path is None:
            return
        group = shown.ledger.group
        self.folder = path.parent
        started = self.export_action.run(
            lambda ctx: export_ledger(ctx, group, path),
            lambda rows: self._exported(path, rows),
            self._export_failed,
        )
        if started:
            self.export_button.setEnabled(False)
            self.export_label.setStyleSheet("color: palette(dark);")
            self.export_label.setText(self.tr("Exporting…"))
            self.busy_changed.emit(True)

    def _exported(self, path: Path, rows: int) -> None:
        self.busy_changed.emit(False)
        text = fill(self.tr("%1 rows saved to %2"), rows, path.name)
        self.export_label.setStyleSheet("")
        self.export_label.setText(text)
        self.export_label.setToolTip(str(path))
        self.message.emit(text)
        self._update_export_button()

    def _export_failed(self, error: BaseException) -> None:
        self.busy_changed.emit(False)
        if isinstance(error, PermissionDenied):
            text = self.tr("Your account may not export ledgers.")
        elif isinstance(error, CounselRoomError):
            text = fill(self.tr("Not exported: %1"), error)
        else:
            text = fill(self.tr("Not exported (unexpected error): %1"), error)
        self.export_label.setStyleSheet("color: #B71C1C;")
        self.export_label.setText(text)
        self.export_label.setToolTip(text)
        self._update_export_button()

    # -- print ---------------------------------------------------------------------------------

    def print_ledger(self) -> None:
        """Render the ledger as a document in the worker, then open the preview."""
        shown = self.shown
        if shown is None or not shown.may_export or self.print_action.running:
            return
        group = shown.ledger.group
        if self.print_action.run(
            lambda ctx: render_ledger(ctx, group), self._rendered, self._render_failed
        ):
            self.print_button.setEnabled(False)
            self.busy_changed.emit(True)

    def _rendered(self, rendered: RenderedDocument) -> None:
        self.busy_changed.emit(False)
        self._update_export_button()
        if self.preview is not None and shiboken6.isValid(self.preview):
            self.preview.reject()
        self.preview = DocumentPreviewDialog(self.handle, rendered, self, folder=self.folder)
        self.preview.show()

    def _render_failed(self, error: BaseException) -> None:
        self.busy_changed.emit(False)
        if isinstance(error, PermissionDenied):
            text = self.tr("Your account may not print ledgers.")
        elif isinstance(error, CounselRoomError):
            text = fill(self.tr("Not printed: %1"), document_error_text(error))
        else:
            text = fill(self.tr("Not printed (unexpected error): %1"), error)
        self.export_label.setStyleSheet("color: #B71C1C;")
        self.export_label.setText(text)
        self.export_label.setToolTip(text)
        self._update_export_button()
