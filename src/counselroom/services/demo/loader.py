"""Bulk insert of the generated rows inside the caller's single transaction.

``session.execute(insert(Model), rows)`` is SQLAlchemy 2's ORM bulk INSERT: with primary keys
given, it becomes one executemany per table (no RETURNING, no per-row objects, no flushes).
"""

from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from counselroom.storage.base import Base

from .tables import INSERT_ORDER, Tables


def next_ids(session: Session) -> dict[type[Base], int]:
    """The first free id of every table the generator fills (1 in a fresh vault)."""
    found: dict[type[Base], int] = {}
    for model in INSERT_ORDER:
        column = model.__table__.c.id
        found[model] = int(session.scalar(select(func.max(column))) or 0) + 1
    return found


def load(session: Session, tables: Tables) -> None:
    for model in INSERT_ORDER:
        rows = tables.rows[model]
        if rows:
            # render_nulls: a None is sent as NULL instead of dropping the column, so every
            # row has the same columns and the whole table goes in one executemany.
            session.execute(insert(model).execution_options(render_nulls=True), rows)
