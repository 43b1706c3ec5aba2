"""Printed documents carry a 文书编号 (issue 7).

* ``documents.number`` (TEXT, nullable, indexed): the number printed on the document, e.g.
  "心〔2026〕0012号" — year of issue and a sequence that restarts each calendar year over all
  kinds. A paper copy is matched to its record by it (and by the SHA-256 of the bytes). Rows
  written before this revision (the demo's log entries) were never numbered and stay NULL: a
  number is what was printed, and nothing was printed with one.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("number", sa.String(), nullable=True))
        batch.create_index(batch.f("ix_documents_number"), ["number"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_index(batch.f("ix_documents_number"))
        batch.drop_column("number")
