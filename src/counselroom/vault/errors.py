"""Vault errors. Each maps to one CLI exit code (DESIGN.md "CLI contract")."""

from __future__ import annotations

from counselroom.domain.errors import CounselRoomError


class VaultError(CounselRoomError):
    """A vault operation was refused or failed; the message says what and where (exit 1)."""

    exit_code = 1


class VaultInUseError(VaultError):
    exit_code = 4


class AuthenticationError(VaultError):
    """Wrong password or unknown user (exit 3). The message never says which users exist."""

    exit_code = 3


class RecoveryCodeError(VaultError):
    """A recovery code that fails its format or per-group checksum; names the group."""


class VaultFormatError(VaultError):
    """A damaged, edited or too-new vault file; the message names the file and the problem."""
