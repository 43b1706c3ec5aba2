"""Referral steps carry the day they happened; consents record who consented and withdrawals
their note; the preset hotlines.

* ``referral_events.on`` (DATE NOT NULL): the day of the step as the user types it, which may
  be earlier than ``at`` (when it was recorded). Older rows get the Beijing day of ``at``
  (the vault stores naive UTC; UTC+8 all year) — the best the row tells, since before this
  revision a step was recorded as it happened.
* ``consents.by_student`` (BOOLEAN NOT NULL, false): the student consented himself (PIPL art.
  31: only from 14). Every older consent was a guardian's.
* ``consents.withdrawal_note`` (TEXT, nullable): how a withdrawal reached the school.
* The three preset hotlines are added to a vault that lacks them, matched by the digits of the
  phone number (a deleted entry counts as present: the school deleted it on purpose). The list
  is frozen here: a migration must do the same thing whatever later versions preset.
  Downgrading keeps those rows (they are data, and a referral may name them by then).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (kind, name, department, phone, hours), as domain/hotlines.py had them at this revision.
_PRESETS = (
    ("hotline", "12355 青少年服务台", "心理咨询", "12355", "全天"),
    ("hotline", "12356 心理援助热线", "", "12356", "全天"),
    ("hotline", "希望24热线（心理危机干预）", "", "400-161-9995", "全天"),
)

_institutions = sa.table(
    "institutions",
    sa.column("kind", sa.String()),
    sa.column("name", sa.String()),
    sa.column("department", sa.String()),
    sa.column("phone", sa.String()),
    sa.column("hours", sa.String()),
)


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def upgrade() -> None:
    with op.batch_alter_table("referral_events") as batch:
        batch.add_column(sa.Column("on", sa.Date(), nullable=True))
    op.execute(sa.text("UPDATE referral_events SET \"on\" = date(at, '+8 hours')"))
    # SQLite cannot make a column NOT NULL in place: batch mode copies the table.
    with op.batch_alter_table("referral_events") as batch:
        batch.alter_column("on", existing_type=sa.Date(), nullable=False)
    with op.batch_alter_table("consents") as batch:
        batch.add_column(
            sa.Column("by_student", sa.Boolean(), server_default=sa.text("0"), nullable=False)
        )
        batch.add_column(sa.Column("withdrawal_note", sa.Text(), nullable=True))
    present = {
        _digits(phone or "")
        for (phone,) in op.get_bind().execute(sa.text("SELECT phone FROM institutions"))
    }
    missing = [
        {"kind": kind, "name": name, "department": dept, "phone": phone, "hours": hours}
        for kind, name, dept, phone, hours in _PRESETS
        if _digits(phone) not in present
    ]
    if missing:
        op.bulk_insert(_institutions, missing)


def downgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.drop_column("withdrawal_note")
        batch.drop_column("by_student")
    with op.batch_alter_table("referral_events") as batch:
        batch.drop_column("on")
