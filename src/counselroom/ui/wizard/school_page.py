"""Wizard page 1: the school's profile, printed on every notice and report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizardPage

from counselroom.services.setup import SCHOOL_TYPES, SchoolDetails
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

PHONE_CHARACTERS = set("0123456789 -+()/,;转")


def mark_invalid(edit: QLineEdit, invalid: bool) -> None:
    """Red frame on a field that is wrong (the message under the form says why)."""
    if bool(edit.property("invalid")) != invalid:
        edit.setProperty("invalid", invalid)
        edit.style().unpolish(edit)
        edit.style().polish(edit)


def phone_problem(text: str) -> bool:
    """A phone field may hold several numbers and an extension (转), but no letters."""
    return any(ch not in PHONE_CHARACTERS for ch in text.strip())


class SchoolPage(QWizardPage):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Your school"))
        self.setSubTitle(
            self.tr(
                "These details appear on notices to parents and reports to the district. "
                "Only the name is required; the rest can be filled in later."
            )
        )
        self.name_edit = self._line(100)
        self.type_box = QComboBox()
        labels = {
            "primary": self.tr("Primary school"),
            "junior": self.tr("Junior secondary school"),
            "senior": self.tr("Senior secondary school"),
            "complete": self.tr("Complete secondary school (junior and senior)"),
        }
        for code in SCHOOL_TYPES:
            self.type_box.addItem(labels.get(code, code), code)
        self.type_box.setCurrentIndex(SCHOOL_TYPES.index("complete"))
        self.code_edit = self._line(20)
        self.district_edit = self._line(60)
        self.address_edit = self._line(200)
        self.phone_edit = self._line(60)
        self.hospital_edit = self._line(100)
        self.contact_edit = self._line(100)
        self.name_edit.setPlaceholderText(self.tr("e.g. 重庆市渝北区实验中学"))
        self.code_edit.setPlaceholderText(self.tr("10-digit school identification code"))
        self.phone_edit.setPlaceholderText("023-6788 1234")
        self.contact_edit.setPlaceholderText(self.tr("name and phone"))

        form = QFormLayout()
        form.addRow(self.tr("School &name:"), self.name_edit)
        form.addRow(self.tr("School &type:"), self.type_box)
        form.addRow(self.tr("School &code:"), self.code_edit)
        form.addRow(self.tr("&District:"), self.district_edit)
        form.addRow(self.tr("&Address:"), self.address_edit)
        form.addRow(self.tr("Counselling room &phone:"), self.phone_edit)
        form.addRow(self.tr("Partner &hospital:"), self.hospital_edit)
        form.addRow(self.tr("District education bureau &contact:"), self.contact_edit)
        self.problem = named(QLabel(), "fieldProblem")
        self.problem.setWordWrap(True)
        where = named(QLabel(fill(self.tr("The vault will be created in %1"), folder)), "hint")
        where.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(where)
        self.name_edit.textChanged.connect(self._changed)
        self.phone_edit.textChanged.connect(self._changed)

    def _line(self, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        return edit

    def _changed(self) -> None:
        problems = []
        mark_invalid(self.phone_edit, phone_problem(self.phone_edit.text()))
        if phone_problem(self.phone_edit.text()):
            problems.append(
                self.tr("The counselling room phone may hold only digits, spaces and - + ( ) / 转.")
            )
        self.problem.setText("\n".join(problems))
        self.completeChanged.emit()

    def validatePage(self) -> bool:
        return self.isComplete()  # QWizard.next() does not ask isComplete() itself

    def isComplete(self) -> bool:
        return bool(self.name_edit.text().strip()) and not phone_problem(self.phone_edit.text())

    def details(self) -> SchoolDetails:
        return SchoolDetails(
            name=self.name_edit.text().strip(),
            school_type=str(self.type_box.currentData()),
            code=self.code_edit.text().strip(),
            district=self.district_edit.text().strip(),
            address=self.address_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            partner_hospital=self.hospital_edit.text().strip(),
            district_contact=self.contact_edit.text().strip(),
        )
