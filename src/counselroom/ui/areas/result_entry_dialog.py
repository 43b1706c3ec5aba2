"""录入答卷: one paper sheet typed by hand into a batch, then the next.

Typing must be quick — a class's worth of MHT sheets is 4,500 answers — so the answers go into
one line of digits (spaces ignored, "-" for an item left blank): 9 or 7 digits 0-3 for PHQ-9
and GAD-7, mirrored in a row of spin boxes to check against the paper; 100 digits 1/0 (是/否
accepted too) for an MHT answer sheet, or the 8 scale scores, lie score and total of a
platform report. The dialog only turns the typing into numbers (`sheet_input` reads it); the
service scores the sheet and refuses what the rules refuse (a second sheet for a student, a
grade outside the batch).

Save emits `save_requested` with a `SheetInput`; the page runs `enter_result` and answers with
`saved(row)` — the dialog then says what was stored and is ready for the next sheet — or
`save_failed(error)`, which keeps everything typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.scoring import ITEM_COUNTS, MHT_SCALES
from counselroom.domain.screening_flags import ITEM9
from counselroom.services.roles import PermissionDenied
from counselroom.services.screening_batch_view import BatchDetail
from counselroom.services.screening_batches import BatchResultRow
from counselroom.ui.areas.batch_dialog import ERROR_STYLE
from counselroom.ui.areas.codes import instrument_label, mht_scale_label, screening_flags_text
from counselroom.ui.areas.dialog_footer import (
    StandardButton,
    clear_messages,
    message_line,
    save_button_of,
    save_buttons,
    show_message,
)
from counselroom.ui.areas.sheet_input import (
    BLANK,
    SheetInput,
    error_key,
    find_student,
    parse_answers,
    student_text,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text


class ResultEntryDialog(QDialog):
    save_requested = Signal(object)  # SheetInput

    def __init__(self, batch: BatchDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.batch = batch
        self.instrument = batch.instrument
        self.count = ITEM_COUNTS[batch.instrument]
        self.saving = False
        self.setWindowTitle(fill(self.tr("Enter %1 sheets"), instrument_label(batch.instrument)))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.student_box = QComboBox()
        self.student_box.setEditable(True)
        self.student_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.student_box.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        for row in batch.missing:  # the students of the batch's grades still without a sheet
            self.student_box.addItem(student_text(row), row.student_id)
        self.student_box.setCurrentIndex(-1)
        student_line = self.student_box.lineEdit()
        assert student_line is not None  # an editable combo box has one
        student_line.setPlaceholderText(self.tr("Type a name or 学籍号"))

        self.answers_edit = QLineEdit()
        self.answers_edit.textEdited.connect(self._answers_typed)
        self.counter = QLabel()
        self.spins: list[QSpinBox] = []
        spin_row = QWidget()
        spins = QGridLayout(spin_row)
        spins.setContentsMargins(0, 0, 0, 0)
        if self.instrument != "mht":
            self.answers_edit.setPlaceholderText(
                fill(self.tr("%1 digits 0-3, one per item (- for a blank item)"), self.count)
            )
            for number in range(self.count):
                spin = QSpinBox()
                spin.setRange(-1, 3)
                spin.setSpecialValueText(BLANK)
                spin.setValue(-1)
                spin.setToolTip(fill(self.tr("Item %1"), number + 1))
                spin.valueChanged.connect(self._spin_changed)
                spins.addWidget(QLabel(str(number + 1)), 0, number, Qt.AlignmentFlag.AlignCenter)
                spins.addWidget(spin, 1, number)
                self.spins.append(spin)
        else:
            self.answers_edit.setPlaceholderText(
                self.tr("100 answers: 1 = yes, 0 = no (spaces are ignored)")
            )
        answers = QWidget()
        answers_layout = QVBoxLayout(answers)
        answers_layout.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        line.addWidget(self.answers_edit, 1)
        line.addWidget(self.counter)
        answers_layout.addLayout(line)
        answers_layout.addWidget(spin_row)

        self.scale_spins: dict[str, QSpinBox] = {}
        self.lie_spin = QSpinBox()
        self.lie_spin.setRange(0, 10)
        self.total_spin = QSpinBox()
        self.total_spin.setRange(-1, 90)
        self.total_spin.setSpecialValueText(self.tr("not given"))
        self.total_spin.setValue(-1)
        # The platform-report form and the choice of it exist for every instrument (hidden
        # but for MHT), so no widget of the dialog is left without a parent.
        self.scales_widget = QWidget()
        scales = QFormLayout(self.scales_widget)
        scales.setContentsMargins(0, 0, 0, 0)
        for scale in MHT_SCALES if self.instrument == "mht" else ():
            spin = QSpinBox()
            spin.setRange(0, len(scale.items))
            self.scale_spins[scale.code] = spin
            scales.addRow(mht_scale_label(scale.code), spin)
        scales.addRow(mht_scale_label("lie"), self.lie_spin)
        scales.addRow(self.tr("Total"), self.total_spin)
        self.modes_widget = QWidget()
        self.sheet_radio = QRadioButton(self.tr("Answer sheet (100 answers)"))
        self.report_radio = QRadioButton(self.tr("Platform report (scale scores)"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.sheet_radio)
        self.mode_group.addButton(self.report_radio)
        self.sheet_radio.setChecked(True)
        self.sheet_radio.toggled.connect(self._mode_changed)
        modes = QHBoxLayout(self.modes_widget)
        modes.setContentsMargins(0, 0, 0, 0)
        modes.addWidget(self.sheet_radio)
        modes.addWidget(self.report_radio)
        modes.addStretch(1)

        self.errors = {key: self._error_label(key) for key in ("student", "answers", "scales")}
        form = QFormLayout()
        form.addRow(self.tr("&Student:"), self._with_error(self.student_box, "student"))
        form.addRow(self.tr("Entered from:"), self.modes_widget)
        form.setRowVisible(self.modes_widget, self.instrument == "mht")
        form.addRow(self.tr("&Answers:"), self._with_error(answers, "answers"))
        self.answers_row = answers
        form.addRow("", self._with_error(self.scales_widget, "scales"))

        self.result_label = named(QLabel(), "savedSheet")
        self.result_label.setWordWrap(True)
        self.message_label = message_line()
        self.buttons = save_buttons(self.save, self.reject, second=StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setStyleSheet(ERROR_STYLE)
        self._mode_changed()
        self._answers_typed(self.answers_edit.text())

    # -- building ------------------------------------------------------------------------------

    def _error_label(self, key: str) -> QLabel:
        label = named(QLabel(), f"error_{key}")
        label.setProperty("fieldError", True)
        label.setWordWrap(True)
        label.hide()
        return label

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.errors[key])
        return holder

    @property
    def save_button(self) -> QPushButton:
        return save_button_of(self.buttons)

    def _mode_changed(self) -> None:
        report = self.instrument == "mht" and self.report_radio.isChecked()
        self.answers_row.setEnabled(not report)
        self.scales_widget.setVisible(report)

    # -- typing --------------------------------------------------------------------------------

    def _answers_typed(self, text: str) -> None:
        typed = [char for char in text if not char.isspace()]
        self.counter.setText(f"{len(typed)} / {self.count}")
        for spin, char in zip(self.spins, typed + [BLANK] * self.count, strict=False):
            spin.blockSignals(True)
            spin.setValue(int(char) if char in "0123" else -1)
            spin.blockSignals(False)

    def _spin_changed(self) -> None:
        text = "".join(BLANK if spin.value() < 0 else str(spin.value()) for spin in self.spins)
        self.answers_edit.setText(text.rstrip(BLANK) if text.strip(BLANK) else "")
        self.counter.setText(f"{len(self.answers_edit.text())} / {self.count}")

    def choose_student(self, student_id: int) -> bool:
        index = self.student_box.findData(student_id)
        self.student_box.setCurrentIndex(index)
        return index >= 0

    # -- reading -------------------------------------------------------------------------------

    def _student_id(self) -> int:
        text = self.student_box.currentText().strip()
        index = self.student_box.findText(text, Qt.MatchFlag.MatchFixedString)
        if text and index >= 0:
            return int(self.student_box.itemData(index))
        return find_student(text, self.batch.missing)

    def _answers(self) -> tuple[int | None, ...]:
        return parse_answers(self.answers_edit.text(), self.instrument)

    def value(self) -> SheetInput:
        """The sheet as numbers; ValidationError (field "student" or "answers") if unreadable."""
        student_id = self._student_id()
        if self.instrument == "mht" and self.report_radio.isChecked():
            total = self.total_spin.value()
            return SheetInput(
                student_id,
                scales={code: spin.value() for code, spin in self.scale_spins.items()},
                lie=self.lie_spin.value(),
                total=None if total < 0 else total,
            )
        return SheetInput(student_id, answers=self._answers())

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        try:
            sheet = self.value()
        except ValidationError as error:
            self._show_error(error)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.save_requested.emit(sheet)

    def saved(self, row: BatchResultRow) -> None:
        """Say what was stored, take the student off the list, and clear for the next sheet."""
        self.saving = False
        self.save_button.setEnabled(True)
        total = self.tr("no total (sheet not complete)") if row.total is None else str(row.total)
        text = fill(self.tr("Saved: %1, total %2."), row.name, total)
        if row.flags:
            text += " " + fill(self.tr("Screening flags: %1."), screening_flags_text(row.flags))
        if ITEM9 in row.flags:
            text += " " + self.tr("A same-day risk assessment is on today's dashboard.")
        self.result_label.setText(text)
        self.result_label.setStyleSheet("color: #B71C1C;" if ITEM9 in row.flags else "")
        index = self.student_box.findData(row.student_id)
        if index >= 0:
            self.student_box.removeItem(index)
        self.student_box.setCurrentIndex(-1)
        self.student_box.clearEditText()
        self.answers_edit.clear()
        self._answers_typed("")
        for spin in self.scale_spins.values():
            spin.setValue(0)
        self.lie_spin.setValue(0)
        self.total_spin.setValue(-1)
        self.student_box.setFocus()

    def save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, PermissionDenied):
            error = CounselRoomError(self.tr("your account may not enter screening results"))
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        key = error_key(field)
        if key is not None and isinstance(error, ValidationError):
            self.errors[key].setText(error_text(error, record=False))
            self.errors[key].show()
            return
        if isinstance(error, CounselRoomError):
            # The record of a refusal is the student chosen above ("student 12"): left out.
            text = fill(self.tr("Not saved: %1"), error_text(error, record=False))
        else:
            text = fill(self.tr("Not saved (unexpected error): %1"), error)
        show_message(self.message_label, text)

    def clear_errors(self) -> None:
        clear_messages(self.errors, self.message_label)

    def error_texts(self) -> dict[str, str]:
        """The messages shown now, by field (for the page's tests and the status bar)."""
        shown = {key: label.text() for key, label in self.errors.items() if label.text()}
        if self.message_label.text():
            shown[""] = self.message_label.text()
        return shown
