"""The fields of the 概况 editor: basic data, family members, care groups, and the red line
under each field that says what is wrong with it. The editor (`profile_editor.py`) adds loading,
saving and the button bar; this module only lays out and marks the fields.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.groups import CareGroup
from counselroom.ui.named import named
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.guardians_table import GuardiansTable

# Not `self.tr`: PySide looks a string up under the class of the object (ProfileEditor), while
# lupdate files it under the class that holds the call (ProfileFields).
translate = QCoreApplication.translate

STYLE = """
QLabel#fieldError { color: #C62828; }
QLabel#saveMessage[tone="error"] { color: #C62828; }
QLabel#saveMessage[tone="ok"] { color: #2E7D32; }
QLabel#readOnlyNote { color: #546E7A; }
QLineEdit[invalid="true"] { border: 1px solid #C62828; border-radius: 3px; padding: 2px; }
QLineEdit[readOnly="true"] { background: transparent; border: 1px solid transparent; }
QComboBox[interactive="false"] { background: transparent; border: 1px solid transparent;
    padding: 2px 3px; }
QComboBox[interactive="false"]::drop-down { width: 0px; border: none; }
QGroupBox { font-weight: 600; margin-top: 12px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
"""
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
GENDERS = ("M", "F", "U")
GROUP_COLUMNS = 5


def parse_date(text: str) -> date | None:
    """2012-09-01, 2012/9/1, 2012.9.1, 20120901 or 2012年9月1日; "" is None; else ValueError."""
    if not text.strip():
        return None
    match = _DATE.match(text) or _COMPACT_DATE.match(text)
    if match is None:
        raise ValueError(text)
    return date(int(match[1]), int(match[2]), int(match[3]))


def _set_interactive(widget: QWidget, interactive: bool) -> None:
    """Read-only without the grey of a disabled widget, which is hard to read."""
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not interactive)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus)
    widget.setProperty("interactive", interactive)


def _validated(pattern: str, edit: QLineEdit) -> QLineEdit:
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
    return edit


class ProfileFields(QWidget):
    """The widgets of the form; `content` is the widget that holds them, laid out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.content = self._build_fields()
        self.setStyleSheet(STYLE)

    def _build_fields(self) -> QWidget:
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.gender_combo = QComboBox()
        for code in GENDERS:
            self.gender_combo.addItem(labels.gender(code), code)
        self.birth_edit = _validated(r"[0-9年月日/.\- ]{0,12}", QLineEdit())
        self.birth_edit.setPlaceholderText(translate("ProfileFields", "e.g. 2012-09-01"))
        # 入学日期: case work refuses sessions and family contacts dated before it.
        self.enrolled_edit = _validated(r"[0-9年月日/.\- ]{0,12}", QLineEdit())
        self.enrolled_edit.setPlaceholderText(translate("ProfileFields", "e.g. 2024-09-01"))
        self.ethnicity_edit = QLineEdit()
        self.ethnicity_edit.setMaxLength(50)
        self.id_edit = _validated(r"[0-9]{0,17}[0-9xX]?", QLineEdit())
        self.id_edit.setPlaceholderText(translate("ProfileFields", "18 characters"))
        self.student_no_edit = _validated(r"[gG]?[0-9]{0,17}[0-9xX]?", QLineEdit())
        self.student_no_edit.setPlaceholderText(translate("ProfileFields", "G and the ID number"))
        self.class_combo = QComboBox()
        self.roll_edit = QLineEdit()
        self.roll_edit.setMaxLength(50)
        self.phone_edit = _validated(r"[0-9 +\-]{0,20}", QLineEdit())
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(200)

        basic = QGroupBox(translate("ProfileFields", "Basic data"))
        grid = QGridLayout(basic)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        rows = (
            (
                ("name", translate("ProfileFields", "Name"), self.name_edit),
                ("gender", translate("ProfileFields", "Gender"), self.gender_combo),
            ),
            (
                ("birth_date", translate("ProfileFields", "Birth date"), self.birth_edit),
                ("ethnicity", translate("ProfileFields", "Ethnic group"), self.ethnicity_edit),
            ),
            (
                ("id_number", translate("ProfileFields", "ID number"), self.id_edit),
                ("student_no", translate("ProfileFields", "Student no."), self.student_no_edit),
            ),
            (
                ("class_id", translate("ProfileFields", "Class"), self.class_combo),
                ("roll_no", translate("ProfileFields", "Number in class"), self.roll_edit),
            ),
            (("enrolled_on", translate("ProfileFields", "Enrolled on"), self.enrolled_edit),),
            (
                ("phone", translate("ProfileFields", "Phone"), self.phone_edit),
                ("address", translate("ProfileFields", "Address"), self.address_edit),
            ),
        )
        for row, pair in enumerate(rows):
            for half, (key, title, widget) in enumerate(pair):
                self._add_field(grid, row, half * 2, key, title, widget)

        self.guardians = GuardiansTable()
        family = QGroupBox(translate("ProfileFields", "Family members"))
        QVBoxLayout(family).addWidget(self.guardians)

        self.group_boxes: dict[str, QCheckBox] = {}
        groups = QGroupBox(translate("ProfileFields", "Care groups"))
        group_grid = QGridLayout(groups)
        for number, group in enumerate(CareGroup):
            box = QCheckBox(group.label_zh)
            self.group_boxes[group.value] = box
            group_grid.addWidget(box, number // GROUP_COLUMNS, number % GROUP_COLUMNS)
        self.errors["groups"] = self._error_label()
        group_grid.addWidget(self.errors["groups"], 99, 0, 1, GROUP_COLUMNS)

        self.read_only_note = named(
            QLabel(
                translate(
                    "ProfileFields",
                    "Only a psychology teacher or an administrator can change this page.",
                )
            ),
            "readOnlyNote",
        )
        self.read_only_note.hide()
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 8, 12, 8)
        column.setSpacing(10)
        column.addWidget(self.read_only_note)
        column.addWidget(basic)
        column.addWidget(family)
        column.addWidget(groups)
        column.addStretch(1)
        return content

    def _add_field(
        self, grid: QGridLayout, row: int, column: int, key: str, title: str, widget: QWidget
    ) -> None:
        label = QLabel(title)
        label.setBuddy(widget)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 5, 0, 0)
        widget.setAccessibleName(title)
        error = self._error_label()
        cell = QWidget()
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        stack.addWidget(widget)
        stack.addWidget(error)
        grid.addWidget(label, row, column)
        grid.addWidget(cell, row, column + 1, Qt.AlignmentFlag.AlignTop)
        self.fields[key] = widget
        self.errors[key] = error

    def _error_label(self) -> QLabel:
        label = named(QLabel(), "fieldError")
        label.setWordWrap(True)
        label.hide()
        return label

    def _line_edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.name_edit,
            self.birth_edit,
            self.enrolled_edit,
            self.ethnicity_edit,
            self.id_edit,
            self.student_no_edit,
            self.roll_edit,
            self.phone_edit,
            self.address_edit,
        )

    def selected_groups(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.group_boxes.items() if box.isChecked())

    def _show_error(self, field: str, text: str) -> None:
        label = self.errors[field]
        previous = label.text()
        label.setText(f"{previous}\n{text}" if previous and not label.isHidden() else text)
        label.show()
        widget = self.fields.get(field)
        if isinstance(widget, QLineEdit):
            widget.setProperty("invalid", True)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _clear_error(self, field: str) -> None:
        label = self.errors.get(field)
        if label is not None:
            label.clear()
            label.hide()
        widget = self.fields.get(field)
        if isinstance(widget, QLineEdit) and widget.property("invalid"):
            widget.setProperty("invalid", False)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def clear_errors(self) -> None:
        for field in self.errors:
            self._clear_error(field)
        self.guardians.clear_errors()

    def error_text(self, field: str) -> str:
        """The message under a field ("" when it has none); for tests and accessibility."""
        label = self.guardians.error_label if field.startswith("guardians") else self.errors[field]
        return label.text() if not label.isHidden() else ""
