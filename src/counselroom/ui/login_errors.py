"""What the login window says when signing in fails: a clear sentence in the user's language.

The services' messages are English and written for a terminal; here the exception's type says
what happened and the typed user name fills in the sentence. Unexpected errors name only their
type, never their text, since that may carry a path or a value.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from counselroom.domain.errors import CounselRoomError
from counselroom.ui.i18n import fill
from counselroom.vault.errors import (
    AuthenticationError,
    RecoveryCodeError,
    VaultFormatError,
    VaultInUseError,
)

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def describe_login_error(exc: BaseException, username: str) -> str:
    message = str(exc)
    if isinstance(exc, AuthenticationError):
        if "unknown user" in message or "no account" in message:
            text = translate("LoginError", "There is no account named “%1” in this vault.")
        elif "disabled" in message:
            text = translate(
                "LoginError", "The account “%1” is disabled. Ask an administrator for help."
            )
        else:
            text = translate(
                "LoginError",
                "Wrong password for “%1”. Check Caps Lock and the input method, then try again.",
            )
        return fill(text, username)
    if isinstance(exc, VaultInUseError):
        return translate(
            "LoginError",
            "This vault is already open in another CounselRoom window or command. "
            "Close it, then sign in again.",
        )
    if isinstance(exc, VaultFormatError):
        text = translate(
            "LoginError",
            "The vault cannot be opened: it is damaged, was changed outside CounselRoom, "
            "or was written by a newer version. Restore it from a backup or update "
            "CounselRoom.\nDetails: %1",
        )
        return fill(text, message)
    if isinstance(exc, CounselRoomError):
        return fill(translate("LoginError", "Could not sign in: %1"), message)
    log.error("unexpected error while signing in", exc_info=exc)
    return fill(
        translate("LoginError", "Unexpected error while signing in (%1). Please report it."),
        type(exc).__name__,
    )


def describe_folder_error(exc: BaseException, folder: str) -> str:
    """The folder is not a vault we can list accounts from."""
    if isinstance(exc, CounselRoomError):
        text = translate(
            "LoginError",
            "No usable vault in %1. Create one with “counselroom init”, or try the demo with "
            "“counselroom --demo”.\nDetails: %2",
        )
        return fill(text, folder, str(exc))
    log.error("cannot read the vault folder", exc_info=exc)
    return fill(
        translate("LoginError", "Cannot read the vault folder %1 (%2)."), folder, type(exc).__name__
    )


def describe_recovery_error(exc: BaseException, username: str) -> str:
    """Resetting a password with the recovery code failed."""
    message = str(exc)
    if isinstance(exc, RecoveryCodeError):
        return translate(
            "LoginError",
            "The recovery code is not complete or has a typo: it has 8 groups of 6 digits, "
            "exactly as on the recovery sheet.",
        )
    if isinstance(exc, AuthenticationError) and "recovery code" in message:
        return translate(
            "LoginError",
            "This recovery code does not open this vault: it belongs to another vault, or it "
            "was replaced when it was last used. Use the newest recovery code.",
        )
    if isinstance(exc, CounselRoomError) and "disabled" in message:
        return fill(
            translate(
                "LoginError",
                "The account “%1” is disabled; the recovery code cannot bring it back. Another "
                "administrator can create a new account.",
            ),
            username,
        )
    return describe_login_error(exc, username)
