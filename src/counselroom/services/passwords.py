"""The password rule (one place, shown in the wizard and enforced everywhere)."""

from __future__ import annotations

from counselroom.domain.errors import ValidationError

MIN_LENGTH = 10
PASSWORD_RULE = f"at least {MIN_LENGTH} characters, not all the same character"


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            f"password too short ({len(password)} characters): use {PASSWORD_RULE}",
            field="password",
        )
    if len(set(password)) == 1:
        raise ValidationError(
            f"password must not repeat one character: use {PASSWORD_RULE}", field="password"
        )
