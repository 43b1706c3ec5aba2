"""The first-run wizard, shown when the vault folder holds no vault yet.

School profile → administrator → creation (calibration and `init_vault` in the worker) →
recovery code. Finish emits `created(Context)`: the administrator is signed in and the caller
owns the context. Open it with `show()` or `open()`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from counselroom.services.setup import init_vault
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.wizard.admin_page import AdminPage
from counselroom.ui.wizard.create_page import Created, CreatePage
from counselroom.ui.wizard.recovery_page import RecoveryPage
from counselroom.ui.wizard.school_page import SchoolPage
from counselroom.vault import kdf
from counselroom.vault.kdf import KdfParams

SCHOOL, ADMIN, CREATE, RECOVERY = range(4)

_STYLE = """
QLabel#fieldProblem { color: #B71C1C; }
QLabel#hint { color: #616161; }
QLineEdit[invalid="true"] { border: 2px solid #C62828; border-radius: 3px; padding: 1px; }
QLabel#creationError { background: #FFEBEE; border: 1px solid #C62828; border-radius: 6px;
                       padding: 8px; color: #B71C1C; }
"""


class FirstRunWizard(QWizard):
    created = Signal(object)  # Context of the signed-in administrator

    def __init__(
        self,
        folder: Path,
        *,
        calibrate: Callable[[], KdfParams] = kdf.calibrate,
        parent: QWidget | None = None,
    ) -> None:
        """`calibrate` picks the Argon2id parameters; tests pass cheap ones through it."""
        super().__init__(parent)
        self.folder = Path(folder)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("CounselRoom — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setStyleSheet(_STYLE)
        self.school_page = SchoolPage(self.folder)
        self.admin_page = AdminPage()
        self.create_page = CreatePage(calibrate)
        self.recovery_page = RecoveryPage()
        self.setPage(SCHOOL, self.school_page)
        self.setPage(ADMIN, self.admin_page)
        self.setPage(CREATE, self.create_page)
        self.setPage(RECOVERY, self.recovery_page)
        self.create_page.created.connect(self._created)
        self.create_page.completeChanged.connect(self._update_cancel)
        self.resize(680, 600)

    def initializePage(self, page_id: int) -> None:
        if page_id == CREATE:
            school = self.school_page.details()
            username = self.admin_page.username()
            display = self.admin_page.display_name()
            password = self.admin_page.password()
            folder = self.folder
            self.create_page.prepare(
                lambda params: init_vault(
                    folder, school, username, password, admin_display_name=display, kdf=params
                )
            )
        elif page_id == RECOVERY and self.create_page.result is not None:
            self.recovery_page.check.set_code(self.create_page.result.recovery_code)
        super().initializePage(page_id)

    def _update_cancel(self) -> None:
        # init_vault cannot stop half-way: closing is refused until it has finished.
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not self.create_page.busy)

    def _created(self, _created: Created) -> None:
        self.admin_page.forget_password()
        if self.currentId() == CREATE:
            self.next()

    @property
    def recovery_code(self) -> str | None:
        result = self.create_page.result
        return result.recovery_code if result is not None else None

    def accept(self) -> None:
        result = self.create_page.result
        if result is None or not self.recovery_page.isComplete():
            return
        self.create_page.result = None
        self.created.emit(result.ctx)  # the main window shows before this one closes
        super().accept()  # validates the last page, so the code is forgotten only after it
        self.recovery_page.check.clear_code()

    def reject(self) -> None:
        if self.create_page.busy:
            return
        result = self.create_page.result
        if result is not None:
            leave = dialogs.ask(
                self,
                self.tr("Recovery code not confirmed"),
                fill(
                    self.tr(
                        "The vault in %1 has been created, but you have not confirmed that you "
                        "wrote down the recovery code, and it will not be shown again. Without "
                        "it a forgotten administrator password cannot be reset.\n\n"
                        "Close anyway?"
                    ),
                    self.folder,
                ),
                destructive=True,
            )
            if not leave:
                return
            self.create_page.result = None
            self.recovery_page.check.clear_code()
            result.ctx.close()
        super().reject()
