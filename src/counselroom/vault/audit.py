"""The audit chain: each entry's HMAC covers the entry and the previous entry's MAC.

The MAC key comes from the data key (HKDF), so only someone who can open the vault can extend
the chain; deleting or editing a row breaks every MAC after it, and the head kept in
`vault.keys` catches deletion of the newest rows or an older copy of `vault.db` put back.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from hashlib import sha256

from counselroom.vault.keyslots import AuditHead, canonical_json, hkdf

GENESIS_MAC = b"\0" * 32


def audit_key(data_key: bytes) -> bytes:
    return hkdf(data_key, b"counselroom/audit-chain/v1")


@dataclass(frozen=True)
class ChainEntry:
    seq: int
    at: datetime
    user_id: int | None
    username: str | None
    action: str
    target: str | None
    detail: str | None
    mac: bytes = b""

    def message(self) -> bytes:
        return canonical_json(
            [
                self.seq,
                self.at.isoformat(timespec="microseconds"),
                self.user_id,
                self.username,
                self.action,
                self.target,
                self.detail,
            ]
        )


def entry_mac(key: bytes, previous: bytes, entry: ChainEntry) -> bytes:
    return hmac.new(key, previous + entry.message(), sha256).digest()


def verify_chain(key: bytes, entries: Iterable[ChainEntry], head: AuditHead) -> list[str]:
    """Return findings (empty when the chain is whole and reaches the recorded head)."""
    findings: list[str] = []
    previous = GENESIS_MAC
    expected_seq = 1
    head_seen = head.seq == 0
    for entry in entries:
        if entry.seq != expected_seq:
            findings.append(
                f"audit log: entry {expected_seq} is missing (next entry is {entry.seq})"
            )
            return findings
        if not hmac.compare_digest(entry_mac(key, previous, entry), entry.mac):
            findings.append(f"audit log: entry {entry.seq} was altered (its MAC does not match)")
            return findings
        if entry.seq == head.seq:
            head_seen = True
            if not hmac.compare_digest(entry.mac, head.mac):
                findings.append(
                    f"audit log: entry {entry.seq} differs from the head recorded in vault.keys"
                )
        previous = entry.mac
        expected_seq += 1
    if not head_seen:
        findings.append(
            f"audit log ends at entry {expected_seq - 1} but vault.keys records entry {head.seq}: "
            "the newest entries were deleted or an older copy of vault.db was put back"
        )
    return findings
