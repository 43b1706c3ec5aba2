"""`counselroom verify`: is every page authentic, the schema current and the audit chain whole?"""

from __future__ import annotations

import contextlib

from sqlalchemy import select

from counselroom.storage import engine as storage_engine
from counselroom.storage import migrate
from counselroom.storage.models import AuditEntry
from counselroom.vault.audit import ChainEntry, audit_key, verify_chain
from counselroom.vault.vault import Vault


def verify_vault(vault: Vault) -> list[str]:
    """Return findings; an empty list means the vault is whole."""
    findings = _page_findings(vault)
    if findings:
        return findings  # the ORM cannot be trusted to read a damaged file
    with vault.read() as session:
        revision = migrate.current_revision(session.connection())
        if revision != migrate.head_revision():
            findings.append(
                f"vault.db: schema revision {revision} is not the current {migrate.head_revision()}"
            )
        entries = (
            ChainEntry(r.seq, r.at, r.user_id, r.username, r.action, r.target, r.detail, r.mac)
            for r in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        )
        findings.extend(verify_chain(audit_key(vault.data_key), entries, vault.keys.head))
    return findings


def _page_findings(vault: Vault) -> list[str]:
    findings: list[str] = []
    with contextlib.closing(storage_engine.open_raw(vault.layout.db, vault.data_key)) as conn:
        try:
            rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        except Exception as exc:
            return [f"vault.db: cannot be checked ({exc})"]
        for (message,) in rows:
            findings.append(f"vault.db: {message} (the file was damaged or altered)")
        if findings:
            return findings
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
        except Exception as exc:
            return [f"vault.db: SQLite integrity check failed ({exc})"]
        findings.extend(f"vault.db: {msg}" for (msg,) in result if msg != "ok")
    return findings
