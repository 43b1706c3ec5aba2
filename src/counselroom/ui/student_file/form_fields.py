"""The input widgets of the case-work forms, made and read one way everywhere, and `Field`:
a widget with its caption above and the red line that says what is wrong with it.

Days are local days; moments are typed as Beijing wall-clock time and handed to the services
as stored UTC (`localtime.from_local`), so a session typed at 14:30 is shown at 14:30 again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.localtime import from_local, local_today, to_local
from counselroom.ui.named import named

translate = QCoreApplication.translate

DATE_FORMAT = "yyyy-MM-dd"
MOMENT_FORMAT = "yyyy-MM-dd HH:mm"


def now_local() -> datetime:
    """Beijing wall-clock time now, to the minute (what a form offers as "now")."""
    return to_local(datetime.now(UTC).replace(tzinfo=None)).replace(second=0, microsecond=0)


def today() -> date:
    return local_today()


def _as_tall_as_a_list(edit: QWidget) -> None:
    """Side by side with combo boxes, a date field of the same height looks like one row."""
    edit.setMinimumHeight(QComboBox().sizeHint().height())


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumWidth(130)
    _as_tall_as_a_list(edit)
    return edit


def read_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def moment_edit(local: datetime) -> QDateTimeEdit:
    """A wall-clock moment, to the minute."""
    edit = QDateTimeEdit(_qdatetime(local))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(MOMENT_FORMAT)
    edit.setMinimumWidth(180)
    _as_tall_as_a_list(edit)
    return edit


def set_moment(edit: QDateTimeEdit, local: datetime) -> None:
    edit.setDateTime(_qdatetime(local))


def _qdatetime(local: datetime) -> QDateTime:
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def read_local(edit: QDateTimeEdit) -> datetime:
    """The wall-clock time typed (naive)."""
    value = edit.dateTime()
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())


def read_utc(edit: QDateTimeEdit) -> datetime:
    """The moment typed, as the services store it (naive UTC)."""
    return from_local(read_local(edit))


class OptionalMoment(QWidget):
    """A moment that may be left out: a box to tick, then the date and time.

    Used for "next appointment" and "told at": unticked means "not (yet)", which a date field
    alone cannot say.
    """

    def __init__(self, text: str, local: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.edit = moment_edit(local)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)

    def set_value(self, local: datetime | None) -> None:
        self.check.setChecked(local is not None)
        if local is not None:
            set_moment(self.edit, local)

    def local(self) -> datetime | None:
        return read_local(self.edit) if self.check.isChecked() else None

    def utc(self) -> datetime | None:
        value = self.local()
        return None if value is None else from_local(value)


def line_edit(text: str = "", *, max_length: int = 200, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text_area(text: str = "", *, lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    """Several lines of notes; Tab moves on (a counsellor types prose, not tables)."""
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 3)
    return edit


def minutes_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, 600)
    box.setSingleStep(5)
    box.setValue(value)
    box.setSuffix(translate("CaseForm", " min"))
    _as_tall_as_a_list(box)
    return box


def field_value(widget: QWidget) -> object:
    """What a field holds, comparable: "has anything been typed" is a change of these."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateTimeEdit):  # QDateEdit too
        return widget.dateTime().toString(MOMENT_FORMAT)
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, OptionalMoment):
        return widget.local()
    values = getattr(widget, "values", None)
    if callable(values):
        return values()
    return None


def plus_weeks(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


class Field:
    """One field of a form: a caption above the widget, a hint, a red line below when wrong."""

    def __init__(self, key: str, caption: str, widget: QWidget, hint: str = "") -> None:
        self.key = key
        self.widget = widget
        self.caption = named(QLabel(caption), "fieldCaption")
        self.caption.setBuddy(widget)
        widget.setAccessibleName(caption)
        self.error = named(QLabel(), "fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.box = QWidget()
        stack = QVBoxLayout(self.box)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(3)
        stack.addWidget(self.caption)
        stack.addWidget(widget)
        if hint:
            note = named(QLabel(hint), "fieldHint")
            note.setWordWrap(True)
            stack.addWidget(note)
        stack.addWidget(self.error)
        if not _grows(widget):  # boxes side by side keep their captions on one line
            stack.addStretch(1)

    def shown(self) -> bool:
        return not (self.box.isHidden() or self.widget.isHidden())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._mark(True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self._mark(False)

    def _mark(self, invalid: bool) -> None:
        if isinstance(self.widget, (QLineEdit, QPlainTextEdit)):
            self.widget.setProperty("invalid", invalid)
            self.widget.style().unpolish(self.widget)
            self.widget.style().polish(self.widget)


def _grows(widget: QWidget) -> bool:
    """Notes and tables take the height there is; a line, a date or a list does not."""
    return isinstance(widget, QPlainTextEdit) or hasattr(widget, "values")


def combo_of(codes: tuple[str, ...], label: Callable[[str], str], current: str | None) -> QComboBox:
    """A combo of stored codes shown by their translated labels; `current` chosen."""
    box = QComboBox()
    for code in codes:
        box.addItem(label(code), code)
    index = box.findData(current) if current is not None else 0
    box.setCurrentIndex(max(index, 0))
    return box


class OptionalDay(QWidget):
    """A day that may be left out: a box to tick, then the date.

    The expected return is often unknown when leave starts; a date field alone would always
    send a date, so "not known" must be said by leaving the box unticked.
    """

    def __init__(self, text: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.edit = date_edit(day)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)

    def day(self) -> date | None:
        return read_date(self.edit) if self.check.isChecked() else None

    def values(self) -> date | None:
        """What the form compares to tell whether anything was typed (form_fields)."""
        return self.day()
