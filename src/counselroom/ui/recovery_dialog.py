"""“Forgot password”: the recovery code and a new password, then the NEW recovery code.

The used code is replaced as soon as it has worked (it was typed on this PC and may have been
seen), so the second step shows the new one once and, like the wizard, waits for one group to
be typed back. Open with `open()`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counselroom.services import auth
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.login_errors import describe_recovery_error
from counselroom.ui.named import named
from counselroom.ui.password_meter import PasswordMeter, rule_problem
from counselroom.ui.recovery_sheet import SheetFacts, offer_sheet, vault_id_of
from counselroom.ui.wizard.code_check import RecoveryCodeCheck, code_font
from counselroom.ui.worker import BackgroundJob, run_in_background
from counselroom.vault.recovery import GROUP_DIGITS, GROUPS, damm_digit

# (folder, recovery code, user name, new password) -> the new recovery code
RecoverFn = Callable[[Path, str, str, str], str]

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

_STYLE = """
QLabel#recoveryError { background: #FFEBEE; border: 1px solid #C62828; border-radius: 6px;
                       padding: 8px; color: #B71C1C; }
QLabel#fieldProblem { color: #B71C1C; }
QLabel#resetDone { color: #1B5E20; font-weight: 600; }
QLineEdit[typo="true"] { border: 2px solid #C62828; }
QProgressBar#busy { max-height: 6px; }
"""


def _digits(text: str) -> str:
    return "".join(ch for ch in text.translate(_FULL_WIDTH) if ch.isascii() and ch.isdigit())


class RecoveryCodeInput(QWidget):
    """Eight boxes of six digits; a typo is shown on its group as soon as the group is full."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: list[QLineEdit] = []
        grid = QVBoxLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = [QHBoxLayout(), QHBoxLayout()]
        for number in range(GROUPS):
            field = QLineEdit()
            field.setFont(code_font(12))
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            field.setPlaceholderText("000000")
            field.setAccessibleName(fill(self.tr("Group %1 of the recovery code"), number + 1))
            width = field.fontMetrics().horizontalAdvance("0000000") + 16
            field.setFixedWidth(width)
            field.textEdited.connect(lambda text, i=number: self._edited(i, text))
            field.textChanged.connect(lambda _text: self.changed.emit())
            rows[number * 2 // GROUPS].addWidget(field)
            self.fields.append(field)
        for row in rows:
            row.addStretch(1)
            grid.addLayout(row)
        self.problem = named(QLabel(), "fieldProblem")
        grid.addWidget(self.problem)

    def _edited(self, index: int, text: str) -> None:
        # Typing or pasting the whole code into any box spreads it over the boxes that follow.
        digits = _digits(text)
        if digits != text or len(digits) > GROUP_DIGITS:
            for field in self.fields[index:]:
                field.setText(digits[:GROUP_DIGITS])
                digits = digits[GROUP_DIGITS:]
                if not digits:
                    break
        if len(self.fields[index].text()) == GROUP_DIGITS:
            following = [f for f in self.fields[index + 1 :] if len(f.text()) < GROUP_DIGITS]
            if following:
                following[0].setFocus()
        self._validate()

    def _validate(self) -> None:
        typos = []
        for number, field in enumerate(self.fields, start=1):
            group = field.text()
            typo = len(group) == GROUP_DIGITS and damm_digit(group) != 0
            field.setProperty("typo", typo)
            field.style().unpolish(field)
            field.style().polish(field)
            if typo:
                typos.append(str(number))
        self.problem.setText(
            fill(
                self.tr("Check group %1: one digit is wrong or two are swapped."), ", ".join(typos)
            )
            if typos
            else ""
        )

    def is_complete(self) -> bool:
        return all(len(f.text()) == GROUP_DIGITS and damm_digit(f.text()) == 0 for f in self.fields)

    def code(self) -> str:
        return "-".join(field.text() for field in self.fields)

    def set_code(self, code: str) -> None:
        """As if pasted into the first box."""
        self.fields[0].setText(code)
        self._edited(0, code)

    def clear(self) -> None:
        for field in self.fields:
            field.clear()
        self._validate()


class RecoveryDialog(QDialog):
    password_reset = Signal(str)  # the user name, once the new code has been confirmed

    def __init__(
        self,
        vault_folder: Path,
        *,
        usernames: list[str],
        username: str | None = None,
        recover: RecoverFn = auth.recover,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_folder = Path(vault_folder)
        self._recover = recover
        self._job: BackgroundJob[str] | None = None
        self._username = ""
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Reset a password with the recovery code"))
        self.setStyleSheet(_STYLE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_reset(usernames, username))
        self.stack.addWidget(self._build_confirm())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setMinimumWidth(620)

    # -- step 1: code and new password -------------------------------------------------------

    def _build_reset(self, usernames: list[str], username: str | None) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Type the recovery code from the recovery sheet kept in the locked cabinet, "
                "and choose a new password. The recovery code is replaced afterwards: the new "
                "one is shown once."
            )
        )
        intro.setWordWrap(True)
        self.user_box = QComboBox()
        self.user_box.addItems(usernames)
        if username in usernames:
            self.user_box.setCurrentText(username)
        self.code_input = RecoveryCodeInput()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PasswordMeter()
        form = QFormLayout()
        form.addRow(self.tr("&User:"), self.user_box)
        form.addRow(self.tr("Recovery &code:"), self.code_input)
        form.addRow(self.tr("&New password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.repeat_edit)
        form.addRow("", self.meter)
        self.mismatch = named(QLabel(), "fieldProblem")
        self.error_label = named(QLabel(), "recoveryError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.busy_bar = named(QProgressBar(), "busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        buttons = QDialogButtonBox()
        self.reset_button = QPushButton(self.tr("&Reset password"))
        self.reset_button.setDefault(True)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reset_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.mismatch)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.code_input.changed.connect(self._update)
        self.password_edit.textChanged.connect(self._update)
        self.repeat_edit.textChanged.connect(self._update)
        self._update()
        return page

    def _ready(self) -> bool:
        password = self.password_edit.text()
        return (
            bool(self.user_box.currentText())
            and self.code_input.is_complete()
            and rule_problem(password) is None
            and password == self.repeat_edit.text()
        )

    def _update(self) -> None:
        self.meter.update_for(self.password_edit.text())
        repeat = self.repeat_edit.text()
        self.mismatch.setText(
            self.tr("The two passwords differ.")
            if repeat and repeat != self.password_edit.text()
            else ""
        )
        self.reset_button.setEnabled(self._job is None and self._ready())

    @property
    def busy(self) -> bool:
        return self._job is not None

    def submit(self) -> None:
        if self.busy or not self._ready():
            return
        folder, recover = self.vault_folder, self._recover
        code, username = self.code_input.code(), self.user_box.currentText()
        password = self.password_edit.text()
        self._username = username
        self.error_label.hide()
        self._set_busy(True)
        self._job = run_in_background(
            lambda: recover(folder, code, username, password),
            owner=self,
            on_success=self._reset_done,
            on_failure=self._reset_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (self.user_box, self.code_input, self.password_edit, self.repeat_edit):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self._update()

    def _reset_done(self, new_code: str) -> None:
        self._job = None
        self._set_busy(False)
        self.code_input.clear()
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.check.set_code(new_code)
        self.stack.setCurrentIndex(1)
        self.check.retype.setFocus()

    def _reset_failed(self, exc: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        self.error_label.setText(describe_recovery_error(exc, self._username))
        self.error_label.show()

    # -- step 2: the new recovery code -------------------------------------------------------

    def _build_confirm(self) -> QWidget:
        page = QWidget()
        done = named(QLabel(), "resetDone")
        done.setWordWrap(True)
        done.setText(self.tr("The password has been reset. The old recovery code no longer works."))
        self.check = RecoveryCodeCheck()
        self.sheet_buttons = offer_sheet(self.check, self.sheet_facts)
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.accept)
        self.check.confirmed_changed.connect(self.done_button.setEnabled)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(done)
        layout.addWidget(self.check, 1)
        layout.addLayout(row)
        return page

    def sheet_facts(self) -> SheetFacts | None:
        """The new code's sheet. The school's name is inside the vault, closed again after the
        reset, so the sheet leaves it to be written in by hand."""
        code = self.check.shown_code()
        if not self.showing_new_code or not code.strip("-"):
            return None
        return SheetFacts(
            school_name="",
            vault_id=vault_id_of(self.vault_folder),
            recovery_code=code,
            admin=self._username,
            printed_by=self._username,
        )

    @property
    def showing_new_code(self) -> bool:
        return self.stack.currentIndex() == 1

    def accept(self) -> None:
        if not (self.showing_new_code and self.check.confirmed):
            return
        self.check.clear_code()
        super().accept()
        self.password_reset.emit(self._username)

    def reject(self) -> None:
        if self.busy:
            return  # the reset is being written; it cannot be stopped half-way
        if self.showing_new_code:
            leave = dialogs.ask(
                self,
                self.tr("New recovery code not confirmed"),
                self.tr(
                    "The old recovery code no longer works, and the new one will not be shown "
                    "again. Without it a forgotten password cannot be reset.\n\nClose anyway?"
                ),
                destructive=True,
            )
            if not leave:
                return
            self.check.clear_code()
            super().reject()
            self.password_reset.emit(self._username)  # the password was reset all the same
            return
        super().reject()
