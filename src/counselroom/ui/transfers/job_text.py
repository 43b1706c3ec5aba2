"""What the transfer dialogs say when a background job was refused or failed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counselroom.domain.errors import CounselRoomError
from counselroom.services.roles import PermissionDenied
from counselroom.ui.i18n import fill
from counselroom.ui.problem_text import error_text

translate = QCoreApplication.translate


def failure_text(exc: BaseException, template: str) -> str:
    """``template`` ("Not exported: %1") filled with the reason, in the window's language."""
    if isinstance(exc, PermissionDenied):
        reason = translate("transfers", "your account may not send or receive student files.")
    elif isinstance(exc, CounselRoomError):
        reason = error_text(exc)
    else:
        reason = fill(translate("transfers", "unexpected error (%1: %2)"), type(exc).__name__, exc)
    return fill(template, reason)
