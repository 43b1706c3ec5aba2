"""Where passwords come from, in the order DESIGN.md gives.

A prompt on a terminal; otherwise lines of standard input (the first line is the signed-in
user's password, the next a new password or recovery code, as each command documents);
`COUNSELROOM_PASSWORD` (and `COUNSELROOM_NEW_PASSWORD`, `COUNSELROOM_RECOVERY_CODE`) for
automation, as borg and restic do.
"""

from __future__ import annotations

import getpass
import os
import sys

from counselroom.domain.errors import CounselRoomError


class SecretSource:
    def __init__(self) -> None:
        self._stdin_lines: list[str] | None = None

    def _next_stdin_line(self, what: str) -> str:
        if self._stdin_lines is None:
            self._stdin_lines = sys.stdin.read().splitlines() if sys.stdin else []
        if not self._stdin_lines:
            raise CounselRoomError(f"no {what} given (standard input is empty)")
        return self._stdin_lines.pop(0)

    def read(self, what: str, env: str, *, confirm: bool = False) -> str:
        value = os.environ.get(env)
        if value:
            return value
        if sys.stdin is not None and sys.stdin.isatty():
            first = getpass.getpass(f"{what}: ")
            if confirm and getpass.getpass(f"{what} (again): ") != first:
                raise CounselRoomError(f"the two {what} entries differ")
            return first
        return self._next_stdin_line(what)

    def password(self, username: str) -> str:
        return self.read(f"password for {username}", "COUNSELROOM_PASSWORD")

    def new_password(self, username: str, *, signed_in: bool = True) -> str:
        """A new password. With nobody signed in (`init`, `demo`, `recover`) the command's only
        password may also come from `COUNSELROOM_PASSWORD`."""
        if not signed_in and not os.environ.get("COUNSELROOM_NEW_PASSWORD"):
            fallback = os.environ.get("COUNSELROOM_PASSWORD")
            if fallback:
                return fallback
        return self.read(f"new password for {username}", "COUNSELROOM_NEW_PASSWORD", confirm=True)

    def recovery_code(self) -> str:
        return self.read("recovery code", "COUNSELROOM_RECOVERY_CODE")
