"""When a counselling session's notes stop changing (DOMAIN.md "Records a file holds").

A session is locked once its counsellor signs it, or 24 hours after it was written if he never
does: from then on the notes are evidence of what was known that day, and later knowledge is a
dated amendment beside them. Pure, so the services, the file reader and the tests share it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

LOCK_AFTER = timedelta(hours=24)


def is_locked(signed_at: datetime | None, created_at: datetime, now: datetime) -> bool:
    """Signed, or written at least :data:`LOCK_AFTER` ago."""
    return signed_at is not None or now - created_at >= LOCK_AFTER
