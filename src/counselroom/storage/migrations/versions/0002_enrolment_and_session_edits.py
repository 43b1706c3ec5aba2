"""Students' enrolment day; sessions' time of the last edit before signing.

``students.enrolled_on`` (入学日期) lets case work refuse a session dated before the student came
to the school; ``sessions.updated_at`` lets a second window's edit of an unsigned session be
told that the session changed meanwhile. Both are nullable: older rows have no value.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("students") as batch:
        batch.add_column(sa.Column("enrolled_on", sa.Date(), nullable=True))
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("updated_at")
    with op.batch_alter_table("students") as batch:
        batch.drop_column("enrolled_on")
