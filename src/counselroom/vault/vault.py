"""An open (unlocked) vault: data key in memory, lock held, engine ready.

Every write goes through `Vault.write()`: one transaction, audit entries chained inside it, and
after commit the chain head is recorded in `vault.keys`. `close()` drops the key and the engine
(the window calls it when it locks).
"""

from __future__ import annotations

import contextlib
import hmac
import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from counselroom.storage import engine as storage_engine
from counselroom.storage import migrate
from counselroom.storage.base import utcnow
from counselroom.storage.models import AuditEntry
from counselroom.vault.atomic import OWNER_ONLY_FILE, atomic_write, fsync_dir, make_private_dir
from counselroom.vault.audit import GENESIS_MAC, ChainEntry, audit_key, entry_mac
from counselroom.vault.errors import AuthenticationError, VaultError, VaultFormatError
from counselroom.vault.kdf import KdfParams
from counselroom.vault.keyslots import (
    KIND_RECOVERY,
    KIND_USER,
    AuditHead,
    KeyFile,
    KeySlot,
    canonical_json,
    hkdf,
)
from counselroom.vault.layout import VaultLayout
from counselroom.vault.lockfile import VaultLock
from counselroom.vault.recovery import new_recovery_code, normalise_recovery_code


@dataclass(frozen=True)
class Unlocked:
    """Who opened the vault: a user slot (user id set) or the recovery slot (user id None)."""

    user_id: int | None
    username: str | None


def _keys_mac(data_key: bytes, keys: KeyFile) -> bytes:
    mac_key = hkdf(data_key, b"counselroom/keys-file/v1")
    return hmac.new(mac_key, canonical_json(keys.body()), "sha256").digest()


class Vault:
    def __init__(
        self, layout: VaultLayout, keys: KeyFile, data_key: bytes, lock: VaultLock
    ) -> None:
        self.layout = layout
        self.keys = keys
        self._data_key: bytes | None = data_key
        self._lock = lock
        self._write_lock = threading.RLock()
        self.engine: Engine = storage_engine.make_engine(layout.db, data_key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, folder: Path) -> Vault:
        """A new, empty, migrated vault. `vault.keys` is written once the first slot exists."""
        layout = VaultLayout(Path(folder))
        layout.require_new()
        make_private_dir(layout.folder)
        lock = VaultLock(layout.folder)
        lock.acquire()
        try:
            fd = os.open(layout.db, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
            os.close(fd)
            data_key = os.urandom(32)
            storage_engine.initialise_file(layout.db, data_key)
            vault = cls(layout, KeyFile(vault_id=uuid.uuid4().hex), data_key, lock)
            migrate.upgrade(vault.engine)
        except BaseException:
            lock.release()
            raise
        return vault

    @classmethod
    def unlock(cls, folder: Path, username: str, password: str) -> tuple[Vault, Unlocked]:
        layout = VaultLayout(Path(folder))
        layout.require_existing()
        lock = VaultLock(layout.folder)
        lock.acquire()
        try:
            keys = cls._read_keys(layout)
            slot = keys.user_slot(username)
            if slot is None:
                raise AuthenticationError(f"unknown user {username!r} in {layout.folder}")
            try:
                private = slot.unseal_private(keys.vault_id, password.encode("utf-8"))
            except AuthenticationError:
                raise AuthenticationError(f"wrong password for user {username!r}") from None
            data_key = slot.open_envelope(keys.vault_id, private)
            vault = cls._finish_open(layout, keys, data_key, lock)
        except BaseException:
            lock.release()
            raise
        return vault, Unlocked(slot.user_id, slot.username)

    @classmethod
    def unlock_with_recovery(cls, folder: Path, code: str) -> Vault:
        layout = VaultLayout(Path(folder))
        layout.require_existing()
        canonical = normalise_recovery_code(code)  # typo → names the group, before Argon2id
        lock = VaultLock(layout.folder)
        lock.acquire()
        try:
            keys = cls._read_keys(layout)
            slot = keys.recovery_slot()
            if slot is None:
                raise VaultFormatError(f"{layout.keys}: this vault has no recovery slot")
            try:
                private = slot.unseal_private(keys.vault_id, canonical.encode())
            except AuthenticationError:
                raise AuthenticationError(
                    "the recovery code does not open this vault: it belongs to another vault, "
                    "or it was replaced after it was last used"
                ) from None
            data_key = slot.open_envelope(keys.vault_id, private)
            vault = cls._finish_open(layout, keys, data_key, lock)
        except BaseException:
            lock.release()
            raise
        return vault

    @staticmethod
    def _read_keys(layout: VaultLayout) -> KeyFile:
        try:
            raw = layout.keys.read_bytes()
        except PermissionError as exc:
            raise VaultError(f"{layout.keys}: cannot be read by this account") from exc
        return KeyFile.parse(raw, str(layout.keys))

    @classmethod
    def _finish_open(
        cls, layout: VaultLayout, keys: KeyFile, data_key: bytes, lock: VaultLock
    ) -> Vault:
        if not hmac.compare_digest(_keys_mac(data_key, keys), keys.mac):
            raise VaultFormatError(
                f"{layout.keys}: integrity check failed — the file was changed outside CounselRoom"
            )
        _finish_interrupted_rotation(layout, data_key)
        vault = cls(layout, keys, data_key, lock)
        try:
            vault._check_schema()
        except BaseException:
            vault.engine.dispose()
            raise
        return vault

    def _check_schema(self) -> None:
        try:
            with self.engine.connect() as conn:
                revision = migrate.current_revision(conn)
        except DatabaseError as exc:
            raise VaultFormatError(
                f"{self.layout.db}: cannot be read with the vault's key — the file is damaged or "
                "was altered (run `counselroom verify`, or restore from a backup)"
            ) from exc
        if revision == migrate.head_revision():
            return
        if revision is not None and revision not in migrate.known_revisions():
            raise VaultFormatError(
                f"{self.layout.db}: schema revision {revision!r} was written by a newer "
                "CounselRoom; install the newer version to open this vault"
            )
        self._backup_before_migration(revision)
        migrate.upgrade(self.engine)

    def _backup_before_migration(self, revision: str | None) -> None:
        self.engine.dispose()
        make_private_dir(self.layout.backups)
        stamp = utcnow().strftime("%Y%m%dT%H%M%S")
        target = self.layout.backups / f"before-migration-{revision}-{stamp}"
        make_private_dir(target)
        with contextlib.closing(storage_engine.open_raw(self.layout.db, self.data_key)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(self.layout.db, target / "vault.db")
        shutil.copy2(self.layout.keys, target / "vault.keys")

    # -- state -----------------------------------------------------------------------------

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise VaultError("the vault is locked")
        return self._data_key

    @property
    def vault_id(self) -> str:
        return self.keys.vault_id

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    def close(self) -> None:
        """Drop the key, close every connection and release the lock."""
        if self._data_key is None:
            return
        self.engine.dispose()
        self._data_key = None
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sessions and the audit chain ------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        self.data_key  # noqa: B018 - raises when locked
        with self._sessions() as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction; commits on success, rolls everything back on any error."""
        with self._write_lock, self._sessions() as session:
            self.data_key  # noqa: B018
            with session.begin():
                yield session
            head = session.info.get("audit_head")
            if head is not None:
                self.keys.head = head
                self._save_keys()

    def audit(
        self,
        session: Session,
        action: str,
        *,
        user_id: int | None,
        username: str | None,
        target: str | None = None,
        detail: str | None = None,
        at: datetime | None = None,
    ) -> None:
        """Append one chained entry inside the caller's transaction. No names, no notes."""
        pending: AuditHead | None = session.info.get("audit_head")
        if pending is None:
            last = session.execute(
                select(AuditEntry.seq, AuditEntry.mac).order_by(AuditEntry.seq.desc()).limit(1)
            ).first()
            pending = AuditHead(last[0], bytes(last[1])) if last else AuditHead(0, GENESIS_MAC)
        entry = ChainEntry(
            seq=pending.seq + 1,
            at=at or utcnow(),
            user_id=user_id,
            username=username,
            action=action,
            target=target,
            detail=detail,
        )
        mac = entry_mac(audit_key(self.data_key), pending.mac, entry)
        session.add(
            AuditEntry(
                seq=entry.seq,
                at=entry.at,
                user_id=user_id,
                username=username,
                action=action,
                target=target,
                detail=detail,
                mac=mac,
            )
        )
        session.info["audit_head"] = AuditHead(entry.seq, mac)

    # -- key slots -------------------------------------------------------------------------

    def _save_keys(self) -> None:
        if not self.keys.slots:
            return  # a vault being created: written once its first slot exists
        self.keys.mac = _keys_mac(self.data_key, self.keys)
        atomic_write(self.layout.keys, self.keys.to_bytes())

    def add_user_slot(self, user_id: int, username: str, password: str, kdf: KdfParams) -> None:
        if self.keys.slot_for_user_id(user_id) or self.keys.user_slot(username):
            raise VaultError(f"user {username!r} already has a key slot")
        self.keys.slots.append(
            KeySlot.create(
                self.vault_id, KIND_USER, user_id, username, password.encode(), self.data_key, kdf
            )
        )
        self._save_keys()

    def new_recovery_slot(self, kdf: KdfParams) -> str:
        """Replace the recovery slot; return the new code (shown once, never stored)."""
        code = new_recovery_code()
        self.keys.slots = [s for s in self.keys.slots if s.kind != KIND_RECOVERY]
        self.keys.slots.append(
            KeySlot.create(
                self.vault_id, KIND_RECOVERY, None, None, code.encode(), self.data_key, kdf
            )
        )
        self._save_keys()
        return code

    def set_password(self, user_id: int, password: str, kdf: KdfParams) -> None:
        """Replace one user's slot with a fresh one under the new password.

        The old password is not needed (an administrator resets it, or the recovery flow):
        the data key is in memory, so a new key pair is made and the data key sealed to it.
        No other slot changes.
        """
        slot = self.keys.slot_for_user_id(user_id)
        if slot is None:
            raise VaultError(f"user {user_id} has no key slot")
        fresh = KeySlot.create(
            self.vault_id, KIND_USER, user_id, slot.username, password.encode(), self.data_key, kdf
        )
        self.keys.slots[self.keys.slots.index(slot)] = fresh
        self._save_keys()

    def remove_user_slot(self, user_id: int) -> None:
        slot = self.keys.slot_for_user_id(user_id)
        if slot is None:
            raise VaultError(f"user {user_id} has no key slot")
        self.keys.slots.remove(slot)
        self._save_keys()

    def rename_user_slot(self, user_id: int, username: str) -> None:
        slot = self.keys.slot_for_user_id(user_id)
        if slot is None:
            raise VaultError(f"user {user_id} has no key slot")
        slot.username = username
        self._save_keys()


def _finish_interrupted_rotation(layout: VaultLayout, data_key: bytes) -> None:
    """Complete or discard a data-key rotation that a crash interrupted.

    `vault.keys` is the commit point: if the re-keyed copy opens with the key the slots now
    hold, the new keys were committed and the copy replaces the old file; otherwise the keys
    were never written and the copy is discarded.
    """
    if not layout.rotating.exists():
        return
    conn = storage_engine.open_raw(layout.rotating, data_key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        committed = True
    except Exception:
        committed = False
    finally:
        conn.close()
    if committed:
        for sidecar in layout.sidecars():
            sidecar.unlink(missing_ok=True)
        os.replace(layout.rotating, layout.db)
    else:
        layout.rotating.unlink()
        for sidecar in layout.sidecars(layout.rotating):
            sidecar.unlink(missing_ok=True)
    fsync_dir(layout.folder)
