"""Alembic environment: always runs on a connection handed in by `storage.migrate`.

The vault is encrypted, so Alembic can never open it from a URL; the program opens it with
the data key and passes the connection in `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

from counselroom.storage import models  # noqa: F401  - registers every table
from counselroom.storage.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
