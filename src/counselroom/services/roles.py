"""Roles and what each may do, enforced in the services (the window only mirrors it).

A viewer is the 班主任/principal level of DESIGN.md: student list, tier, required actions and
statistics — never notes, plans or screening answers.
"""

from __future__ import annotations

from enum import StrEnum

from counselroom.domain.errors import CounselRoomError


class Role(StrEnum):
    ADMIN = "admin"
    COUNSELLOR = "counsellor"
    VIEWER = "viewer"


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"
    EDIT_POLICY = "edit_policy"
    READ_AUDIT = "read_audit"
    LIST_STUDENTS = "list_students"
    READ_CASE_NOTES = "read_case_notes"  # sessions, plans, concerns, screening answers
    EDIT_CASES = "edit_cases"
    EXPORT = "export"
    VERIFY = "verify"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.COUNSELLOR: frozenset(
        {
            Permission.LIST_STUDENTS,
            Permission.READ_CASE_NOTES,
            Permission.EDIT_CASES,
            Permission.EXPORT,
            Permission.VERIFY,
        }
    ),
    Role.VIEWER: frozenset({Permission.LIST_STUDENTS}),
}


class PermissionDenied(CounselRoomError):
    """The signed-in role may not do this (CLI exit 1)."""


def allowed(role: Role, permission: Permission) -> bool:
    return permission in _GRANTS[role]


def parse_role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise CounselRoomError(f"unknown role {text!r} (choose one of {choices})") from None
