"""Settings: 打印字体 — the Chinese font this PC prints documents with.

Fonts differ from PC to PC, so the choice is a per-PC preference (FONT_FILE), not school
policy. A chosen file is loaded before it is remembered: one reportlab cannot embed (PostScript
outlines, not a font, no Chinese) is refused with the reason and the choice stays as it was.
When no Chinese TrueType font is found the documents fall back to STSong-Light, which is not
embedded and may print differently elsewhere; that is said plainly, with what to do about it.
Loading a font file takes a moment (several megabytes), so it happens in the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from counselroom.documents.fonts import FontError
from counselroom.preferences import FONT_FILE, Preferences
from counselroom.services import document_fonts
from counselroom.services.document_fonts import FontStatus
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.worker import run_in_background

translate = QCoreApplication.translate
T = TypeVar("T")

_STYLE = """
QLabel#saved { color: #1B5E20; }
QLabel#problem { color: #B71C1C; }
QLabel#fontWarning { background: #FFF8E1; border: 1px solid #F9A825; border-radius: 6px;
                     padding: 8px; color: #5D4037; }
"""


class FontsGroup(QGroupBox):
    changed = Signal()  # the font in use may have changed: previews render again

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Printing font (this computer)"))
        self.setStyleSheet(_STYLE)
        self.prefs = preferences
        self.status: FontStatus | None = None
        self.busy = False
        self.face_label = QLabel(self.tr("Looking for fonts…"))
        self.face_label.setWordWrap(True)
        self.face_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = named(QLabel(), "fontWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.candidates = QListWidget()
        self.candidates.setAccessibleName(self.tr("Chinese fonts found on this computer"))
        self.candidates.itemActivated.connect(lambda item: self.set_font_file(item.text()))
        self.choose_button = QPushButton(self.tr("Choose font &file…"))
        self.choose_button.clicked.connect(self.choose_font_file)
        self.use_button = QPushButton(self.tr("&Use selected"))
        self.use_button.clicked.connect(self._use_selected)
        self.automatic_button = QPushButton(self.tr("&Automatic"))
        self.automatic_button.setToolTip(self.tr("Use the best Chinese font found on this PC"))
        self.automatic_button.clicked.connect(lambda: self.set_font_file(None))
        self.feedback = named(QLabel(), "saved")
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.automatic_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Documents print with:"), self.face_label)
        form.addRow(self.tr("Font file:"), self.chosen_label)
        form.addRow(self.warning)
        form.addRow(self.tr("Found on this PC:"), self.candidates)
        form.addRow("", buttons)
        form.addRow(self.feedback)

    # -- status ------------------------------------------------------------------------------

    def reload(self) -> None:
        self._run(document_fonts.font_status, self._show, failed=self.tr("Fonts not read: %1"))

    def clear(self) -> None:
        """Nothing here is about a student."""

    def _run(self, fn: Callable[[], T], done: Callable[[T], object], *, failed: str) -> None:
        """Run `fn` in the worker with the buttons off; then `done(result)`, or `failed` filled
        with the reason."""
        self._set_busy(True)

        def succeeded(result: T) -> None:
            self._set_busy(False)
            done(result)

        def refused(exc: BaseException) -> None:
            self._set_busy(False)
            self._feedback(fill(failed, _reason(exc)), ok=False)

        run_in_background(fn, owner=self, on_success=succeeded, on_failure=refused)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        status = self.status
        self.choose_button.setEnabled(not busy)
        self.use_button.setEnabled(not busy and status is not None and bool(status.candidates))
        self.automatic_button.setEnabled(
            not busy and status is not None and status.chosen is not None
        )

    def _show(self, status: FontStatus) -> None:
        self.status = status
        if status.builtin:
            face = self.tr("STSong-Light, built into PDF readers (not embedded)")
        else:
            face = fill(self.tr("%1 (embedded in every document)"), status.label)
            if status.bold_label and status.bold_label != status.label:
                face += "\n" + fill(self.tr("titles: %1"), status.bold_label)
        self.face_label.setText(face)
        if status.chosen is None:
            chosen = self.tr("automatic — the best Chinese font found on this PC")
        elif status.chosen_problem:
            chosen = fill(
                self.tr("%1 — not used: %2. The best font found on this PC is used instead."),
                status.chosen,
                status.chosen_problem,
            )
        else:
            chosen = str(status.chosen)
        self.chosen_label.setText(chosen)
        self._set_busy(self.busy)  # what the buttons can do depends on the status
        self.warning.setText(
            self.tr(
                "No Chinese TrueType font was found: documents use STSong-Light, which is not "
                "embedded in the PDF, so printing may look different on other PCs and rare "
                "characters in names may be missing. Install a Chinese TrueType font (for "
                "example SimSun, SimHei or WenQuanYi Zen Hei) and choose it here."
            )
        )
        self.warning.setVisible(status.builtin)
        self.candidates.clear()
        for path in status.candidates:
            item = QListWidgetItem(str(path))
            if status.chosen is not None and Path(path) == status.chosen:
                item.setSelected(True)
            self.candidates.addItem(item)
        if not status.candidates:
            self.candidates.addItem(self.tr("(none)"))
        self.candidates.setEnabled(bool(status.candidates))
        rows = min(max(self.candidates.count(), 1), 5)  # as tall as the list, up to 5 lines
        frame = 2 * self.candidates.frameWidth() + 4
        self.candidates.setFixedHeight(rows * self.candidates.sizeHintForRow(0) + frame)

    # -- choosing ----------------------------------------------------------------------------

    def choose_font_file(self) -> QFileDialog:
        """The file dialog, opened with `open()`; tests emit its `fileSelected` themselves."""
        dialog = QFileDialog(self, self.tr("Choose a Chinese font file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("TrueType fonts (*.ttf *.ttc *.TTF *.TTC)"), self.tr("All files (*)")]
        )
        dialog.finished.connect(dialog.deleteLater)  # not WA_DeleteOnClose: see ui/login.py
        if self.status is not None and self.status.chosen is not None:
            dialog.setDirectory(str(self.status.chosen.parent))
        dialog.fileSelected.connect(self.set_font_file)
        dialog.open()
        return dialog

    def _use_selected(self) -> None:
        items = self.candidates.selectedItems()
        if items and self.candidates.isEnabled():
            self.set_font_file(items[0].text())

    def set_font_file(self, path: str | None) -> None:
        """Remember `path` (None: automatic) once it loads; a refused file changes nothing."""
        if self.busy:
            return
        chosen = Path(path) if path else None
        self.feedback.hide()
        self._run(
            lambda: document_fonts.set_font_file(chosen),
            lambda status: self._chosen(chosen, status),
            failed=self.tr("Not changed: %1"),
        )

    def _chosen(self, chosen: Path | None, status: FontStatus) -> None:
        # The service wrote the preferences file; the page's copy must agree, or its next
        # save (the language, the backup folder) would write the old font back.
        self.prefs.set(FONT_FILE, "" if chosen is None else str(chosen))
        self._show(status)
        if chosen is None:
            text = self.tr("Saved. Documents use the best Chinese font found on this PC.")
        else:
            text = fill(self.tr("Saved. Documents print with %1."), status.label)
        self._feedback(text, ok=True)
        self.changed.emit()

    def _feedback(self, text: str, *, ok: bool) -> None:
        self.feedback.setObjectName("saved" if ok else "problem")
        self.feedback.setText(text)
        self.feedback.show()
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FontError) and exc.path is not None:
        return fill(translate("FontsGroup", "%1 cannot be used: %2"), exc.path, exc.reason)
    if isinstance(exc, FontError):
        return exc.reason
    if isinstance(exc, OSError):
        return fill(
            translate("FontsGroup", "the settings could not be written (%1)"),
            exc.strerror or type(exc).__name__,
        )
    return str(exc) if str(exc) else type(exc).__name__
