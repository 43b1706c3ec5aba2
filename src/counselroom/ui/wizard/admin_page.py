"""Wizard page 2: the first administrator's account. Next creates the vault (no way back)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from counselroom.domain.errors import ValidationError
from counselroom.services.setup import check_username
from counselroom.ui.named import named
from counselroom.ui.password_meter import PasswordMeter, rule_problem
from counselroom.ui.wizard.school_page import mark_invalid


def username_ok(text: str) -> bool:
    try:
        check_username(text)
    except ValidationError:
        return False
    return True


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(
            self.tr(
                "The administrator manages accounts and school policy and can do all case work. "
                "Usually this is the counsellor in charge of the counselling room."
            )
        )
        self.username_edit = QLineEdit()
        self.username_edit.setMaxLength(40)
        self.username_edit.setPlaceholderText(self.tr("e.g. liu (letters or digits, no spaces)"))
        self.display_edit = QLineEdit()
        self.display_edit.setMaxLength(40)
        self.display_edit.setPlaceholderText(self.tr("e.g. 刘老师"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PasswordMeter()
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Display name:"), self.display_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.repeat_edit)
        form.addRow("", self.meter)
        self.problem = named(QLabel(), "fieldProblem")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        for edit in (self.username_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._changed)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create vault"))

    def _changed(self) -> None:
        self.meter.update_for(self.password_edit.text())
        problems = []
        name = self.username_edit.text()
        bad_name = bool(name) and not username_ok(name)
        if bad_name:
            problems.append(self.tr("The user name must be 1–40 characters without spaces."))
        repeat = self.repeat_edit.text()
        mismatch = bool(repeat) and repeat != self.password_edit.text()
        if mismatch:
            problems.append(self.tr("The two passwords differ."))
        mark_invalid(self.username_edit, bad_name)
        mark_invalid(self.repeat_edit, mismatch)
        self.problem.setText("\n".join(problems))
        self.completeChanged.emit()

    def validatePage(self) -> bool:
        return self.isComplete()  # QWizard.next() does not ask isComplete() itself

    def isComplete(self) -> bool:
        password = self.password_edit.text()
        return (
            username_ok(self.username_edit.text())
            and rule_problem(password) is None
            and password == self.repeat_edit.text()
        )

    def username(self) -> str:
        return check_username(self.username_edit.text())

    def display_name(self) -> str | None:
        return self.display_edit.text().strip() or None

    def password(self) -> str:
        return self.password_edit.text()

    def forget_password(self) -> None:
        self.password_edit.clear()
        self.repeat_edit.clear()
