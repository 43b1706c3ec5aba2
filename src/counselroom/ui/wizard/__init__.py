"""The first-run wizard: school, administrator, vault creation, recovery code."""

from counselroom.ui.wizard.wizard import FirstRunWizard

__all__ = ["FirstRunWizard"]
