"""What the 文书模板 editor needs besides the text boxes: the versions and their history table,
the debounced live preview, and where a wording problem is (part and line).

The preview renders fictional sample data (services.doc_templates.preview_template, no vault),
so it runs in the worker without the session; typing starts a short timer and only the last
request's answer is shown — a slow render of an older text must never replace a newer one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services import doc_templates
from counselroom.services.context import Context
from counselroom.services.doc_templates import TemplateVersion
from counselroom.services.documents import RenderedDocument
from counselroom.services.roles import PermissionDenied
from counselroom.ui.areas.table_kit import RowTableModel, make_table_view
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.worker import BackgroundJob, run_in_background

translate = QCoreApplication.translate
COL_VERSION, COL_WHEN, COL_WHO, COL_NOTE = range(4)
PREVIEW_DELAY_MS = 400

_LINE = re.compile(r"\bline (\d+)\b")

Loaded = tuple[TemplateVersion, list[TemplateVersion]]  # in force, and the history


def load_template(ctx: Context, key: str) -> Loaded:
    return doc_templates.current_template(ctx, key), doc_templates.template_history(ctx, key)


def problem_place(exc: BaseException, parts: Sequence[str]) -> tuple[str | None, int | None]:
    """The part (one of `parts`) and 1-based line of the checked text a problem names.

    TemplateError carries both (`part`, `line`; 0 = no line); other errors may name the line in
    their message ("line 3").
    """
    part = getattr(exc, "part", None) or (exc.field if isinstance(exc, ValidationError) else None)
    if part not in parts:
        part = None
    line = getattr(exc, "line", None)
    if not isinstance(line, int) or isinstance(line, bool):
        found = _LINE.search(exc.message if isinstance(exc, ValidationError) else str(exc))
        line = int(found[1]) if found else None
    return part, (line or None)


def version_text(version: TemplateVersion) -> str:
    """Which wording is in force, said under the editor."""
    if version.version == 0:
        return translate("TemplatesGroup", "In force: the built-in wording (never changed).")
    return fill(
        translate("TemplatesGroup", "In force: version %1, saved %2 by %3."),
        version.version,
        labels.moment(version.created_at),
        version.created_by,
    )


def refusal_reason(exc: BaseException) -> str:
    """Why a read or a save of the wording failed, after "Not saved: "."""
    if isinstance(exc, PermissionDenied):
        return translate("TemplatesGroup", "only an administrator can change the wording.")
    if isinstance(exc, CounselRoomError):
        return str(exc)
    return fill(translate("TemplatesGroup", "unexpected error (%1)."), type(exc).__name__)


def leading_blank_lines(text: str) -> int:
    """Blank lines before the first text: the check drops them, so its line numbers start
    after them, and the editor's line is that many further down."""
    count = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            break
        count += 1
    return count


class HistoryModel(RowTableModel[TemplateVersion]):
    """Versions of one template, newest first, ending with the built-in wording (version 0)."""

    NUMERIC_COLUMNS = frozenset({COL_VERSION})

    def headers(self) -> Sequence[str]:
        return (self.tr("Version"), self.tr("Saved"), self.tr("By"), self.tr("Note"))

    def display(self, row: TemplateVersion, column: int) -> str:
        if column == COL_VERSION:
            return fill(self.tr("%1 (built-in)"), 0) if row.version == 0 else str(row.version)
        if column == COL_WHEN:
            return labels.moment(row.created_at)
        if column == COL_WHO:
            return row.created_by
        if column == COL_NOTE:
            return row.note if row.version else self.tr("The wording CounselRoom comes with")
        return ""

    def sort_value(self, row: TemplateVersion, column: int) -> int | str:
        return row.version if column == COL_VERSION else self.display(row, column)


class HistoryPanel(QWidget):
    """The versions in a table; "Restore into editor" copies one into the editor (not saved)."""

    def __init__(self, *, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(self)
        widths = {COL_VERSION: "12 (built-in)", COL_WHEN: "2026-12-31 23:59", COL_WHO: "刘老师"}
        self.view = make_table_view(self, self.model, widths=widths)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMinimumHeight(140)
        self.restore_button = QPushButton(self.tr("&Restore into editor"))
        self.restore_button.setVisible(editable)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(row)

    def selected(self) -> TemplateVersion | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_version(self, version: int) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.version == version:
                self.view.selectRow(number)
                return True
        return False


class PreviewScheduler(QObject):
    """Renders the editor's text a moment after the typing stops; emits only the latest result.

    Every request gets a number; an answer is delivered only if no newer request was made
    since, so answers that arrive out of order (a long body, then a short one) cannot show an
    older text.
    """

    rendered = Signal(object)  # RenderedDocument of the latest request
    refused = Signal(object)  # the exception of the latest request (TemplateError, ...)
    started = Signal()

    def __init__(self, parent: QObject | None = None, *, delay_ms: int = PREVIEW_DELAY_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self._wanted: tuple[str, dict[str, str]] | None = None
        self._sequence = 0
        self._jobs: dict[int, BackgroundJob[RenderedDocument]] = {}

    def request(self, key: str, parts: Mapping[str, str], *, now: bool = False) -> None:
        """Preview `parts` of template `key` after the delay (restarted by each call)."""
        self._wanted = (key, dict(parts))
        self._sequence += 1  # an answer to anything asked before is stale from now on
        if now:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def cancel(self) -> None:
        """Forget what was asked: nothing pending is rendered or delivered."""
        self._timer.stop()
        self._wanted = None
        self._sequence += 1

    @property
    def pending(self) -> bool:
        """A request is waiting for its timer or its render."""
        return self._timer.isActive() or bool(self._jobs)

    @property
    def latest(self) -> int:
        return self._sequence

    def _start(self) -> None:
        if self._wanted is None:
            return
        key, parts = self._wanted
        self._wanted = None
        number = self._sequence
        self.started.emit()
        job = run_in_background(
            lambda: doc_templates.preview_template(key, parts),
            owner=self,
            on_success=lambda result: self._deliver(number, result, None),
            on_failure=lambda exc: self._deliver(number, None, exc),
        )
        self._jobs[number] = job

    def _deliver(
        self, number: int, result: RenderedDocument | None, error: BaseException | None
    ) -> None:
        self._jobs.pop(number, None)
        if number != self._sequence:
            return  # a newer text was asked for meanwhile
        if error is not None:
            self.refused.emit(error)
        else:
            self.rendered.emit(result)
