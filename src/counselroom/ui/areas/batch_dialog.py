"""新建筛查批次: instrument, date, term, grades, consent reference and a note.

Like the activity dialog, it does not save by itself: Save emits `save_requested` with a
`services.screening_batches.BatchInput`, the page runs `create_batch` in the worker and answers
with `saved()` or `save_failed()`. The service checks everything; a refusal keeps the input and
puts the reason under the field the service names (`ValidationError.field`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.grades import grade_label
from counselroom.domain.terms import term_of
from counselroom.services.roles import PermissionDenied
from counselroom.services.screening_batches import BatchInput
from counselroom.ui.areas.codes import instrument_label
from counselroom.ui.areas.dialog_footer import (
    StandardButton,
    clear_messages,
    message_line,
    save_button_of,
    save_buttons,
    show_message,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text

INSTRUMENTS = ("phq9", "gad7", "mht")
# The grade levels a school of each type teaches (services.setup.SCHOOL_TYPES); "complete" is a
# 完全中学, junior and senior.
SCHOOL_LEVELS: dict[str, tuple[int, ...]] = {
    "primary": tuple(range(1, 7)),
    "junior": (7, 8, 9),
    "senior": (10, 11, 12),
    "complete": tuple(range(7, 13)),
}
# The fields the service names in its ValidationError (the date is "date", not "on").
FIELDS = ("instrument", "date", "term", "grades", "consent_ref", "note")
ERROR_STYLE = "QLabel[fieldError=true] { color: #B71C1C; }"


def school_levels(school_type: str) -> tuple[int, ...]:
    """An unknown type (a newer vault) offers every level rather than none."""
    return SCHOOL_LEVELS.get(school_type, tuple(range(1, 13)))


class BatchDialog(QDialog):
    save_requested = Signal(object)  # BatchInput

    def __init__(self, today: date, levels: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New screening batch"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.saving = False
        self._term_typed = False  # once the user edits the term, a date change keeps it

        self.instrument_box = QComboBox()
        for code in INSTRUMENTS:
            self.instrument_box.addItem(instrument_label(code), code)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(self._date_changed)
        self.term_edit = QLineEdit(term_of(today).label_zh)
        self.term_edit.setPlaceholderText("2026-2027学年第一学期")
        self.term_edit.textEdited.connect(self._term_edited)
        self.grade_boxes: dict[int, QCheckBox] = {}
        grades = QWidget()
        grid = QGridLayout(grades)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, level in enumerate(levels):
            box = QCheckBox(grade_label(level))
            self.grade_boxes[level] = box
            grid.addWidget(box, number // 6, number % 6)
        self.consent_edit = QLineEdit()
        self.consent_edit.setPlaceholderText(
            self.tr("e.g. the notice number of the parents' consent (optional)")
        )
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().height() * 3 + 12)

        self.editors: dict[str, QWidget] = {
            "instrument": self.instrument_box,
            "date": self.date_edit,
            "term": self.term_edit,
            "grades": grades,
            "consent_ref": self.consent_edit,
            "note": self.note_edit,
        }
        captions = {
            "instrument": self.tr("&Instrument:"),
            "date": self.tr("&Date:"),
            "term": self.tr("&Term:"),
            "grades": self.tr("Grades:"),
            "consent_ref": self.tr("&Consent reference:"),
            "note": self.tr("&Note:"),
        }
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for field in FIELDS:
            label = QLabel(captions[field])
            label.setBuddy(self.editors[field])
            error = named(QLabel(), f"error_{field}")
            error.setProperty("fieldError", True)
            error.setWordWrap(True)
            error.hide()
            self.errors[field] = error
            holder = QVBoxLayout()
            holder.setSpacing(2)
            holder.addWidget(self.editors[field])
            holder.addWidget(error)
            form.addRow(label, holder)

        self.message_label = message_line()
        self.buttons = save_buttons(self.save, self.reject, second=StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setStyleSheet(ERROR_STYLE)
        self.setMinimumWidth(480)

    @property
    def save_button(self) -> QPushButton:
        return save_button_of(self.buttons)

    def value(self) -> BatchInput:
        note = self.note_edit.toPlainText().strip()
        consent = self.consent_edit.text().strip()
        return BatchInput(
            instrument=str(self.instrument_box.currentData()),
            on=self.date_edit.date().toPython(),  # type: ignore[arg-type]
            term=self.term_edit.text().strip(),
            grades=tuple(level for level, box in self.grade_boxes.items() if box.isChecked()),
            consent_ref=consent or None,
            note=note or None,
        )

    def save(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        self.saving = True
        self.save_button.setEnabled(False)
        self.save_requested.emit(self.value())

    def saved(self) -> None:
        self.saving = False
        self.accept()

    def save_failed(self, error: BaseException) -> None:
        """Say what is wrong, under its field when the service named one; keep the input."""
        self.saving = False
        self.save_button.setEnabled(True)
        field = error.field if isinstance(error, ValidationError) else None
        if field in self.errors:
            assert isinstance(error, ValidationError) and field is not None
            self.errors[field].setText(error_text(error, record=False))
            self.errors[field].show()
            self.editors[field].setFocus()
            return
        if isinstance(error, PermissionDenied):
            text = self.tr("Your account may not create screening batches.")
        elif isinstance(error, CounselRoomError):
            text = fill(self.tr("Not saved: %1"), error_text(error))
        else:
            text = fill(self.tr("Not saved (unexpected error): %1"), error)
        show_message(self.message_label, text)

    def clear_errors(self) -> None:
        clear_messages(self.errors, self.message_label)

    def _term_edited(self, _text: str) -> None:
        self._term_typed = True

    def _date_changed(self, day: QDate) -> None:
        if not self._term_typed:
            self.term_edit.setText(term_of(day.toPython()).label_zh)  # type: ignore[arg-type]
