"""Small column and constraint factories shared by the model modules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, text
from sqlalchemy.orm import MappedColumn, mapped_column

from counselroom.storage.base import utcnow


def one_of(column: str, values: Iterable[str], *, name: str | None = None) -> CheckConstraint:
    """CHECK that ``column`` holds one of ``values`` (NULL passes, as SQL CHECK does)."""
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name or column)


def between(column: str, low: int, high: int, *, name: str | None = None) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN {low} AND {high}", name=name or column)


def student_fk(*, nullable: bool = False, index: bool = True) -> MappedColumn[Any]:
    """Owner of a record of the file: deleting a student deletes the file with it."""
    ondelete = "SET NULL" if nullable else "CASCADE"
    return mapped_column(
        ForeignKey("students.id", ondelete=ondelete), nullable=nullable, index=index
    )


def user_fk(*, nullable: bool = False) -> MappedColumn[Any]:
    """Author of a record. Users are disabled, never deleted, so no ON DELETE action."""
    return mapped_column(ForeignKey("users.id"), nullable=nullable)


def created_at() -> MappedColumn[Any]:
    return mapped_column(default=utcnow)


def empty_text(*type_: Any) -> MappedColumn[Any]:
    """A string that is always present but may be empty (no NULL to handle in callers)."""
    return mapped_column(*type_, default="", server_default="")


def number(value: int, **kwargs: Any) -> MappedColumn[Any]:
    """An integer (or boolean) column with the same default in Python and in the schema."""
    return mapped_column(default=value, server_default=text(str(int(value))), **kwargs)


def origin() -> MappedColumn[Any]:
    """Set when the record came from another school's transfer archive (sender + id)."""
    return mapped_column(String, nullable=True)
