"""Data-key rotation (after a user is removed), crash-safe.

1. `sqlcipher_export` copies the database into `vault.db.rotate` under a new random key, and
   the audit chain is re-MACed there (its MAC key derives from the data key).
2. Every remaining slot gets the new key sealed to its public key and `vault.keys` is replaced
   atomically — this is the commit point.
3. The copy replaces `vault.db`.
A crash before 2 leaves the old vault intact (the copy is discarded at next open); a crash
after 2 is completed at next open (`vault._finish_interrupted_rotation`).
"""

from __future__ import annotations

import contextlib
import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.storage import engine as storage_engine
from counselroom.storage.models import AuditEntry
from counselroom.vault.atomic import OWNER_ONLY_FILE, fsync_dir
from counselroom.vault.audit import GENESIS_MAC, ChainEntry, audit_key, entry_mac
from counselroom.vault.keyslots import AuditHead
from counselroom.vault.vault import Vault


def rotate_data_key(vault: Vault) -> None:
    # the vault's write lock: no write — and no backup, which holds it for its copy — may run
    # while the database is copied under the new key
    with vault._write_lock:
        _rotate(vault)


def _rotate(vault: Vault) -> None:
    layout = vault.layout
    old_key = vault.data_key
    new_key = os.urandom(32)
    vault.engine.dispose()
    layout.rotating.unlink(missing_ok=True)
    fd = os.open(layout.rotating, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    os.close(fd)

    with contextlib.closing(storage_engine.open_raw(layout.db, old_key)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(
            f"ATTACH DATABASE ? AS rotated KEY \"x'{new_key.hex()}'\"", (str(layout.rotating),)
        )
        conn.execute("SELECT sqlcipher_export('rotated')")
        conn.execute("DETACH DATABASE rotated")
    storage_engine.initialise_file(layout.rotating, new_key)

    head = _remac_chain(layout.rotating, new_key)

    for slot in vault.keys.slots:
        slot.seal_data_key(vault.vault_id, new_key)
    vault.keys.head = head
    vault._data_key = new_key
    vault._save_keys()

    for sidecar in layout.sidecars():
        sidecar.unlink(missing_ok=True)
    os.replace(layout.rotating, layout.db)
    fsync_dir(layout.folder)
    vault.engine = storage_engine.make_engine(layout.db, new_key)
    vault._sessions.configure(bind=vault.engine)


def _remac_chain(path: os.PathLike[str] | str, key: bytes) -> AuditHead:
    from pathlib import Path

    engine = storage_engine.make_engine(Path(path), key)
    mac_key = audit_key(key)
    previous = GENESIS_MAC
    seq = 0
    try:
        with Session(engine) as session, session.begin():
            for row in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
                entry = ChainEntry(
                    row.seq, row.at, row.user_id, row.username, row.action, row.target, row.detail
                )
                row.mac = entry_mac(mac_key, previous, entry)
                previous, seq = row.mac, row.seq
    finally:
        engine.dispose()
    return AuditHead(seq, previous)
