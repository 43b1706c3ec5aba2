"""筛查: the screening batches, newest first with their counts, and the chosen batch below.

The list carries counts only; the chosen batch's results, interview list, retest list and
coverage (`batch_detail.BatchDetailView`) name students, which is why the page is for
counsellors (the service refuses a viewer, and the page then shows a notice instead). Creating
a batch, importing a file into it and typing paper sheets are counsellor work too: the buttons
appear only for a role the services would let do it.

The list and the chosen batch are read together in one load, so a batch chosen in the list
(or created, or imported into) is read with fresh counts; a line of the detail opens the
student's file through `open_student`, as on the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.services.areas import ScreeningBatchRow, screening_batches
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission
from counselroom.services.school import school_info
from counselroom.services.screening_batch_view import BatchDetail, batch_detail
from counselroom.services.screening_batches import (
    BatchInput,
    BatchResultRow,
    create_batch,
    enter_result,
)
from counselroom.ui.areas.batch_detail import BatchDetailView
from counselroom.ui.areas.batch_dialog import BatchDialog, school_levels
from counselroom.ui.areas.batch_list_model import COL_GRADES, SAMPLES, ScreeningBatchModel
from counselroom.ui.areas.page_actions import PageAction
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.areas.result_entry_dialog import ResultEntryDialog
from counselroom.ui.areas.sheet_input import SheetInput
from counselroom.ui.areas.table_kit import SortProxy, make_table_view
from counselroom.ui.i18n import fill
from counselroom.ui.intake.import_dialog import ImportDialog
from counselroom.ui.intake.screening_kind import ScreeningKind
from counselroom.ui.named import named


@dataclass(frozen=True)
class ScreeningView:
    """One load: the batches, the chosen one in full, and what the signed-in role may do."""

    batches: list[ScreeningBatchRow]
    detail: BatchDetail | None
    may_edit: bool
    levels: tuple[int, ...]  # the school's grade levels, for a new batch


def read_view(ctx: Context, wanted: int | None) -> ScreeningView:
    """Worker side: the list, then the wanted batch (else the newest) in detail."""
    batches = screening_batches(ctx)
    ids = [row.id for row in batches]
    chosen = wanted if wanted in ids else (ids[0] if ids else None)
    return ScreeningView(
        batches=batches,
        detail=batch_detail(ctx, chosen) if chosen is not None else None,
        may_edit=ctx.may(Permission.EDIT_CASES),
        levels=school_levels(school_info(ctx).school_type),
    )


class ScreeningPage(LoadingPage):
    open_student = Signal(int)
    message = Signal(str)  # a passing status-bar message

    def __init__(
        self,
        handle: ContextSource,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(handle, "", parent)
        self.clock = clock  # the school's today: a new batch's date and term
        self.title_label.setText(self.tr("Screening"))
        self.view_data: ScreeningView | None = None
        self.wanted_batch: int | None = None  # the batch to show after the next load
        self.save_action = PageAction(handle, self)
        self.dialogs: dict[str, QWidget] = {}  # "batch" / "entry" / "import" -> open dialog
        self._selecting = False

        self.new_button = QPushButton(self.tr("&New batch…"))
        self.new_button.setToolTip(self.tr("Record a screening: instrument, date, grades"))
        self.new_button.clicked.connect(self.open_batch_dialog)
        self.import_button = QPushButton(self.tr("&Import results…"))
        self.import_button.setToolTip(
            self.tr("Read the chosen batch's results from an .xlsx or .csv file")
        )
        self.import_button.clicked.connect(self.open_import_dialog)
        self.enter_button = QPushButton(self.tr("&Enter a sheet…"))
        self.enter_button.setToolTip(self.tr("Type the chosen batch's paper sheets by hand"))
        self.enter_button.clicked.connect(self.open_entry_dialog)
        self.buttons = (self.new_button, self.import_button, self.enter_button)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        for button in self.buttons:
            button.hide()  # until a load says the role may use them
            bar.addWidget(button)

        self.model = ScreeningBatchModel(self)
        self.proxy = SortProxy(self.model, self)
        self.view = make_table_view(
            self, self.proxy, sortable=True, widths=SAMPLES, stretch_column=COL_GRADES
        )
        self.view.selectionModel().currentRowChanged.connect(self._batch_chosen)
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.hide()
        self.detail = BatchDetailView()
        self.detail.open_student.connect(self.open_student)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.empty_label)
        top_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.content_layout.addLayout(bar)
        self.content_layout.addWidget(self.splitter, 1)

    def denied_text(self) -> str:
        return self.tr(
            "Screening results are visible to counsellors only. A student's required actions "
            "are on the dashboard and in the student list."
        )

    # -- loading -------------------------------------------------------------------------------

    def load_plan(self) -> tuple[Callable[[Context], object], Callable[[Any], None]]:
        wanted = self.wanted_batch
        return (lambda ctx: read_view(ctx, wanted)), self.show_view

    def show_view(self, result: ScreeningView) -> None:
        self.view_data = result
        self.show_result(result.batches)
        if result.detail is not None:
            self.wanted_batch = result.detail.id
            self.detail.set_detail(result.detail)
            self._select(result.detail.id)
        else:
            self.detail.clear()
        self.detail.setVisible(result.detail is not None)
        for button in self.buttons:
            button.setVisible(result.may_edit)
        self._update_buttons()

    def show_result(self, result: list[ScreeningBatchRow]) -> None:
        """The batch list alone; `show_view` adds the chosen batch and the buttons."""
        self.model.set_rows(result)
        self.empty_label.setText(self.tr("No screening batches yet."))
        self.empty_label.setVisible(not result)
        self.view.setVisible(bool(result))
        if result:
            self.subtitle_label.setText(
                fill(
                    self.tr("%1 batches · %2 results · %3 flagged"),
                    len(result),
                    sum(row.results for row in result),
                    sum(row.flagged for row in result),
                )
            )
        else:
            self.subtitle_label.clear()

    def clear_content(self) -> None:
        self.save_action.forget()
        for dialog in list(self.dialogs.values()):
            dialog.close()  # at a lock: nothing typed or read stays on screen
        self.dialogs.clear()
        self.view_data = None
        self.model.clear()
        self.detail.clear()
        self.subtitle_label.clear()
        self.empty_label.hide()
        self.view.show()
        for button in self.buttons:
            button.hide()

    def chosen_detail(self) -> BatchDetail | None:
        return self.view_data.detail if self.view_data is not None else None

    def _select(self, batch_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.model.row_at(self.proxy.source_row(index)).id == batch_id:
                self._selecting = True  # showing the loaded batch is not a new choice
                try:
                    self.view.selectRow(row)
                finally:
                    self._selecting = False
                return

    def _batch_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        batch_id = self.model.row_at(self.proxy.source_row(current)).id
        detail = self.chosen_detail()
        if detail is None or detail.id != batch_id:
            self.show_batch(batch_id)

    def show_batch(self, batch_id: int) -> None:
        """Read the list again with `batch_id` chosen (after a choice, a save, an import)."""
        self.wanted_batch = batch_id
        self.reload()

    def _update_buttons(self) -> None:
        detail = self.chosen_detail()
        self.new_button.setEnabled("batch" not in self.dialogs)
        self.import_button.setEnabled(detail is not None and "import" not in self.dialogs)
        self.enter_button.setEnabled(
            detail is not None and bool(detail.missing) and "entry" not in self.dialogs
        )

    # -- dialogs -------------------------------------------------------------------------------

    def _opened(self, key: str, dialog: Any) -> None:
        """Keep `dialog` while it is open (one of each kind); `open()`, never `exec()`."""
        self.dialogs[key] = dialog
        dialog.finished.connect(lambda _result: self._closed(key, dialog))
        self._update_buttons()
        dialog.open()

    def _closed(self, key: str, dialog: QWidget) -> None:
        if self.dialogs.get(key) is dialog:
            del self.dialogs[key]
        dialog.deleteLater()
        self._update_buttons()

    def open_batch_dialog(self) -> BatchDialog | None:
        if self.view_data is None or not self.view_data.may_edit or "batch" in self.dialogs:
            return None
        dialog = BatchDialog(self.clock(), self.view_data.levels, self)
        dialog.save_requested.connect(lambda data: self._create(dialog, data))
        self._opened("batch", dialog)
        return dialog

    def _create(self, dialog: BatchDialog, data: BatchInput) -> None:
        def created(batch_id: int) -> None:
            dialog.saved()
            self.message.emit(self.tr("Screening batch created."))
            self.show_batch(batch_id)

        if not self.save_action.run(
            lambda ctx: create_batch(ctx, data), created, dialog.save_failed
        ):
            dialog.save_failed(
                CounselRoomError(self.tr("the window is locked or still saving; try again"))
            )

    def open_import_dialog(self) -> ImportDialog | None:
        detail = self.chosen_detail()
        if detail is None or "import" in self.dialogs:
            return None
        dialog = ImportDialog(self.handle, ScreeningKind(detail.id, detail.instrument), self)
        dialog.imported.connect(lambda _outcome: self.show_batch(detail.id))
        self._opened("import", dialog)
        return dialog

    def open_entry_dialog(self) -> ResultEntryDialog | None:
        detail = self.chosen_detail()
        if detail is None or "entry" in self.dialogs:
            return None
        dialog = ResultEntryDialog(detail, self)
        dialog.save_requested.connect(lambda sheet: self._enter(dialog, sheet))
        self._opened("entry", dialog)
        return dialog

    def _enter(self, dialog: ResultEntryDialog, sheet: SheetInput) -> None:
        batch_id = dialog.batch.id

        def entered(row: BatchResultRow) -> None:
            dialog.saved(row)
            self.show_batch(batch_id)

        def run(ctx: Context) -> BatchResultRow:
            return enter_result(
                ctx,
                batch_id,
                sheet.student_id,
                answers=sheet.answers,
                scales=sheet.scales,
                lie=sheet.lie,
                total=sheet.total,
            )

        if not self.save_action.run(run, entered, dialog.save_failed):
            dialog.save_failed(
                CounselRoomError(self.tr("the window is locked or still saving; try again"))
            )
