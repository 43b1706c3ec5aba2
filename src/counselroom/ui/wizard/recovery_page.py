"""Wizard page 4: the recovery code, shown once; Finish waits for one group typed back.

The recovery sheet can be printed or saved from here: the school, the administrator and the
vault id are those just created (the wizard's earlier pages and the new context).
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWizardPage

from counselroom.services import documents
from counselroom.ui.recovery_sheet import SheetFacts, offer_sheet
from counselroom.ui.wizard.code_check import RecoveryCodeCheck


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(self.tr("Write this code down now. It will not be shown again."))
        self.check = RecoveryCodeCheck()
        self.check.confirmed_changed.connect(lambda _ok: self.completeChanged.emit())
        self.sheet_buttons = offer_sheet(self.check, self.sheet_facts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check)
        self.setFinalPage(True)

    def sheet_facts(self) -> SheetFacts | None:
        """What the sheet prints; None once the code has been forgotten."""
        from counselroom.ui.wizard.wizard import FirstRunWizard  # the wizard imports this page

        wizard = self.wizard()
        result = wizard.create_page.result if isinstance(wizard, FirstRunWizard) else None
        if not isinstance(wizard, FirstRunWizard) or result is None:
            return None
        username = wizard.admin_page.username()
        display = wizard.admin_page.display_name()
        admin = f"{display}（{username}）" if display else username
        return SheetFacts(
            school_name=wizard.school_page.details().name.strip(),
            vault_id=result.ctx.vault.vault_id,
            recovery_code=result.recovery_code,
            admin=admin,
            printed_by=admin,
            card=documents.printed_school_card(result.ctx),
        )

    def validatePage(self) -> bool:
        return self.isComplete()  # QWizard.next() does not ask isComplete() itself

    def isComplete(self) -> bool:
        return self.check.confirmed
