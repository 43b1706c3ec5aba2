"""Wizard page 4: the recovery code, shown once; Finish waits for one group typed back."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWizardPage

from counselroom.ui.wizard.code_check import RecoveryCodeCheck


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(self.tr("Write this code down now. It will not be shown again."))
        self.check = RecoveryCodeCheck()
        self.check.confirmed_changed.connect(lambda _ok: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.check)
        self.setFinalPage(True)

    def validatePage(self) -> bool:
        return self.isComplete()  # QWizard.next() does not ask isComplete() itself

    def isComplete(self) -> bool:
        return self.check.confirmed
