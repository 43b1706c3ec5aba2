"""The import dialog: choose a file, check its columns, dry run, import (issue 5, step 3).

One dialog for every kind of file (`ImportKind`). Nothing is written before "Import", and
"Import" is offered only for the column choices the last check ran with: changing a column
after a check asks for a new one, so what is imported is always what was checked. Reading
and both runs happen on workers (DESIGN convention 2); while one runs, the buttons and the
column choices are disabled and the dialog does not close (the service's transaction is
all-or-nothing, but the user must see how it ended).

Opened with `open()` (convention 7: no nested event loop), it closes itself when the window
locks: the names in the preview and the report are personal data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import (
    CounselRoomError,
    ValidationError,
    fill,  # one pass: cell text holding "%1" stays as typed
)
from counselroom.preferences import Preferences, remembered_choices
from counselroom.ui.areas.page_base import ContextSource
from counselroom.ui.intake.import_kind import ImportKind, ImportOutcome, LoadedFile, read_for_import
from counselroom.ui.intake.mapping_model import ColumnsStep, message_label, say
from counselroom.ui.intake.remembered import remember_mapping
from counselroom.ui.intake.report_model import ReportPane
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text
from counselroom.ui.worker import BackgroundJob

log = logging.getLogger(__name__)
T = TypeVar("T")

STYLE = """
QLabel#importError, QLabel#importMissing { color: #B71C1C; }
QLabel#importNote, QLabel#importInfo, QLabel#importStatus { color: palette(dark); }
QLabel#importSummary { font-weight: 600; }
"""


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportOutcome after a real (not dry) import succeeded

    def __init__(
        self,
        handle: ContextSource,
        kind: ImportKind,
        parent: QWidget | None = None,
        *,
        preferences: Preferences | None = None,
    ) -> None:
        """`preferences`: default the handle's (a `SessionHandle` has them), else the PC's."""
        super().__init__(parent)
        self.handle = handle
        self.kind = kind
        if preferences is None:
            preferences = getattr(handle, "preferences", None) or Preferences.load()
        self.preferences: Preferences = preferences
        self.outcome: ImportOutcome | None = None
        self._checked: dict[str, int] | None = None  # the mapping the last check ran with
        self._job: BackgroundJob[Any] | None = None
        self._locked = False
        self.setWindowTitle(kind.title())
        self.setObjectName("importDialog")
        self.setStyleSheet(STYLE)
        self._build()
        self._update_buttons()
        self.resize(1000, 720)
        self.finished.connect(self.deleteLater)  # not WA_DeleteOnClose: see ui/login.py
        locked = getattr(handle, "locked", None)  # a SessionHandle's signal; stubs have none
        if locked is not None:
            locked.connect(self._session_locked)

    def _build(self) -> None:
        intro = QLabel(
            QCoreApplication.translate(
                "ImportDialog",
                "Choose an .xlsx or .csv file. Its first rows are shown with the field each "
                "column holds: correct the choices where needed, then “Check” lists every "
                "problem without saving anything. “Import” saves the rows without problems.",
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(
            QCoreApplication.translate("ImportDialog", "Choose &file…")
        )
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = named(QLabel(), "importFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)
        self.error_label = message_label("importError")
        self.columns = ColumnsStep(self.kind)
        self.columns.changed.connect(self._mapping_changed)
        self.preview = self.columns.preview
        self.report = ReportPane()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.columns)
        self.splitter.addWidget(self.report)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.hide()  # until a file has been read

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.hide()
        self.status_label = message_label("importStatus")
        self.check_button = QPushButton(QCoreApplication.translate("ImportDialog", "&Check"))
        self.check_button.setToolTip(
            QCoreApplication.translate(
                "ImportDialog", "List every problem and change; nothing is saved"
            )
        )
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(QCoreApplication.translate("ImportDialog", "&Import"))
        self.import_button.setToolTip(
            QCoreApplication.translate(
                "ImportDialog", "Save the rows the check found without problems"
            )
        )
        self.import_button.clicked.connect(self.run_import)
        self.close_button = QPushButton(QCoreApplication.translate("ImportDialog", "Close"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_bar)
        bottom.addWidget(self.status_label, 1)
        bottom.addStretch()  # the buttons keep their size while the status line is empty
        for button in (self.check_button, self.import_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a combo box must not import
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

    # -- state -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def loaded(self) -> LoadedFile | None:
        return self.columns.loaded

    def mapping(self) -> dict[str, int]:
        return self.columns.mapping()

    def _update_buttons(self) -> None:
        idle = not self.busy
        ready = self.loaded is not None and not self.columns.missing_fields()
        checked = self._checked is not None and self._checked == self.mapping()
        can_import = self.outcome is not None and self.outcome.can_import and checked
        self.choose_button.setEnabled(idle)
        self.close_button.setEnabled(idle)
        self.preview.setEnabled(idle)
        self.check_button.setEnabled(idle and ready)
        self.import_button.setEnabled(idle and can_import)

    # -- step 1: the file --------------------------------------------------------------------

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(
            self, QCoreApplication.translate("ImportDialog", "Choose the file to import")
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                QCoreApplication.translate("ImportDialog", "Spreadsheets (*.xlsx *.csv *.txt)"),
                QCoreApplication.translate("ImportDialog", "All files (*)"),
            ]
        )
        dialog.finished.connect(dialog.deleteLater)  # not WA_DeleteOnClose: see ui/login.py
        dialog.fileSelected.connect(lambda name: self.load_file(Path(name)))
        dialog.open()
        return dialog

    def load_file(self, path: Path) -> None:
        """Read `path` in the background and show its columns (what "Choose file…" calls)."""
        if self.busy:
            return
        path = Path(path)
        self._forget_report()
        self.columns.clear()
        self.splitter.hide()
        say(self.error_label, "")
        self.file_label.setText(path.name)
        kind, remembered = self.kind, remembered_choices(self.preferences, self.kind.remember_key())
        self._start(
            lambda: read_for_import(path, kind, remembered),
            self._file_read,
            lambda exc: self._file_failed(path, exc),
            fill(QCoreApplication.translate("ImportDialog", "Reading %1…"), path.name),
        )

    def _file_read(self, loaded: LoadedFile) -> None:
        self.columns.show_file(loaded)
        self.splitter.show()
        self._update_buttons()

    def _file_failed(self, path: Path, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            text = (
                error_text(exc)
                if exc.record
                else fill(
                    QCoreApplication.translate("ImportDialog", "%1: %2"), path.name, error_text(exc)
                )
            )
        elif isinstance(exc, OSError):
            text = fill(
                QCoreApplication.translate("ImportDialog", "%1 could not be read: %2"),
                path.name,
                exc.strerror or exc,
            )
        else:
            log.error("reading an import file failed", exc_info=exc)
            text = fill(
                QCoreApplication.translate("ImportDialog", "%1 could not be read: %2"),
                path.name,
                exc,
            )
        say(self.error_label, text)

    # -- step 2: the columns (ColumnsStep) -----------------------------------------------------

    def _mapping_changed(self) -> None:
        if self._checked is not None and self._checked != self.mapping():
            self._forget_report()
            say(
                self.status_label,
                QCoreApplication.translate(
                    "ImportDialog", "The columns changed: check again before importing."
                ),
            )
        self._update_buttons()

    # -- step 3: check and import ------------------------------------------------------------

    def check(self) -> None:
        """Dry run with the current columns: the report, nothing saved."""
        self._run(dry_run=True)

    def run_import(self) -> None:
        """The real run, offered only for the columns the last check ran with."""
        if self.import_button.isEnabled():
            self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        loaded = self.loaded
        if self.busy or loaded is None or self.columns.missing_fields():
            return
        ctx = self.handle.ctx
        if ctx is None:
            say(
                self.error_label,
                QCoreApplication.translate(
                    "ImportDialog", "The window is locked: nothing was done."
                ),
            )
            return
        say(self.error_label, "")
        kind, mapping, row = self.kind, self.mapping(), loaded.guess.row_index
        self._start(
            lambda: kind.run(ctx, loaded.table, row, mapping, dry_run),
            lambda outcome: self._ran(outcome, mapping, dry_run),
            lambda exc: self._run_failed(exc, dry_run),
            QCoreApplication.translate("ImportDialog", "Checking every row…")
            if dry_run
            else QCoreApplication.translate("ImportDialog", "Importing…"),
            track=True,
        )

    def _ran(self, outcome: ImportOutcome, mapping: dict[str, int], dry_run: bool) -> None:
        self.outcome = outcome
        self.report.show_outcome(outcome)
        # After a real import a second one needs a new check.
        self._checked = mapping if dry_run else None
        self._update_buttons()
        if dry_run:
            if not outcome.can_import:
                say(
                    self.status_label,
                    QCoreApplication.translate(
                        "ImportDialog", "Nothing to import: no row would be added or changed."
                    ),
                )
            return
        say(self.status_label, QCoreApplication.translate("ImportDialog", "Imported."))
        self._remember(mapping)
        self.imported.emit(outcome)

    def _run_failed(self, exc: BaseException, dry_run: bool) -> None:
        if not isinstance(exc, CounselRoomError):
            log.error("an import run failed", exc_info=exc)
        text = (
            QCoreApplication.translate("ImportDialog", "The check failed: %1")
            if dry_run
            else QCoreApplication.translate("ImportDialog", "Nothing was imported: %1")
        )
        say(self.error_label, fill(text, error_text(exc)))

    def _remember(self, mapping: dict[str, int]) -> None:
        """Keep this file's column choices for the next file of the kind."""
        if self.loaded is None:
            return
        failed = remember_mapping(
            self.preferences, self.kind.remember_key(), self.loaded.guess.headers, mapping
        )
        if failed is not None:  # the import is done all the same
            text = QCoreApplication.translate(
                "ImportDialog", "The column choices were not remembered: %1"
            )
            say(self.columns.note_label, fill(text, failed))

    def _forget_report(self) -> None:
        self.outcome = None
        self._checked = None
        self.report.clear()
        say(self.status_label, "")

    # -- background work ---------------------------------------------------------------------

    def _start(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], object],
        on_failure: Callable[[BaseException], object],
        busy_text: str,
        *,
        track: bool = False,
    ) -> None:
        job: BackgroundJob[T] = BackgroundJob(lambda _control: fn(), owner=self)
        job.on_success(lambda result: self._finish(job) and on_success(result))
        job.on_failure(lambda exc: self._finish(job) and on_failure(exc))
        self._job = job
        self.busy_bar.show()
        say(self.status_label, busy_text)
        self._update_buttons()
        tracker = getattr(self.handle, "track", None) if track else None
        if tracker is not None:
            tracker(job)  # a lock waits for the run before it closes the database
        job.start()

    def _finish(self, job: BackgroundJob[Any]) -> bool:
        """True when `job`'s result is still wanted (the dialog was not locked meanwhile)."""
        if self._job is not job or not shiboken6.isValid(self):
            return False
        self._job = None
        self.busy_bar.hide()
        say(self.status_label, "")
        self._update_buttons()
        return True

    # -- closing -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Close (Close, Escape, the title bar) unless a job runs; a lock always closes."""
        if self.busy and not self._locked:
            text = QCoreApplication.translate(
                "ImportDialog",
                "Please wait until this step has finished; then the dialog can close.",
            )
            say(self.status_label, text)
            return
        super().reject()

    def _session_locked(self) -> None:
        self._locked = True
        self._job = None  # a late result is dropped by _finish
        self.outcome = None
        self.columns.clear()
        self.report.clear()
        self.reject()
