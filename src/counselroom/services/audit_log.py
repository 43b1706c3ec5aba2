"""Reading the audit log (审计): administrators only, and the reading is itself recorded.

Rows come newest first in pages (``before_seq`` = the last ``seq`` of the previous page), so the
window can scroll a log of any length without loading it. Filters are on indexed columns.
``since``/``until`` are local (Beijing) days, both inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from counselroom.domain.errors import ValidationError
from counselroom.services.context import Context
from counselroom.services.localtime import utc_start_of
from counselroom.services.roles import Permission
from counselroom.storage.models import AuditEntry

MAX_LIMIT = 5000


@dataclass(frozen=True)
class AuditRow:
    """One entry; ``at`` is naive UTC like every stored time."""

    seq: int
    at: datetime
    username: str | None
    action: str
    target: str | None
    detail: str | None


def audit_entries(
    ctx: Context,
    *,
    username: str | None = None,
    action_prefix: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 500,
    before_seq: int | None = None,
) -> list[AuditRow]:
    ctx.require(Permission.READ_AUDIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"limit must be 1-{MAX_LIMIT} (got {limit!r})", field="limit")
    if since is not None and until is not None and until < since:
        raise ValidationError("the end date is before the start date", field="until")
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    used: list[str] = []
    if username:
        query = query.where(AuditEntry.username == username)
        used.append("username")
    if action_prefix:
        query = query.where(AuditEntry.action.startswith(action_prefix, autoescape=True))
        used.append("action")
    if since is not None:
        query = query.where(AuditEntry.at >= utc_start_of(since))
        used.append("since")
    if until is not None:
        query = query.where(AuditEntry.at < utc_start_of(until + timedelta(days=1)))
        used.append("until")
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
        used.append("before")
    with ctx.vault.write() as session:
        rows = [
            AuditRow(e.seq, e.at, e.username, e.action, e.target, e.detail)
            for e in session.scalars(query)
        ]
        ctx.audit(
            session,
            "audit.view",
            detail=f"rows={len(rows)}" + (f" filters={','.join(used)}" if used else ""),
        )
    return rows
