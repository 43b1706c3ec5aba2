"""Transfer archives between schools (issue 8).

* ``transfer_students``: the students of each archive sent or received and what happened to
  each (exported, imported, merged, unchanged), so a student's 转出 date and receiving school
  are a join, and the transfer record names whom it concerned.
* ``origin`` on ``consents``, ``documents`` and ``screening_batches``: like the case-work
  tables of revision 0001, these records can now come from another school's archive, and the
  origin (sender fingerprint, table, the sender's id) is what makes a second import of the same
  archive change nothing.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ORIGIN_TABLES = ("consents", "documents", "screening_batches")


def upgrade() -> None:
    op.create_table(
        "transfer_students",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("student_no", sa.String(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('exported', 'imported', 'merged', 'unchanged')",
            name=op.f("ck_transfer_students_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["transfers.id"],
            name=op.f("fk_transfer_students_transfer_id_transfers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_transfer_students_student_id_students"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_students")),
    )
    with op.batch_alter_table("transfer_students") as batch:
        batch.create_index(batch.f("ix_transfer_students_transfer_id"), ["transfer_id"])
        batch.create_index(batch.f("ix_transfer_students_student_id"), ["student_id"])
    for name in ORIGIN_TABLES:
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("origin", sa.String(), nullable=True))


def downgrade() -> None:
    for name in ORIGIN_TABLES:
        with op.batch_alter_table(name) as batch:
            batch.drop_column("origin")
    op.drop_table("transfer_students")
