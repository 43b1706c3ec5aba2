"""Key slots: how each user's password (or the recovery code) reaches the data key.

Every slot holds an X25519 key pair. The private half is sealed with AES-256-GCM under
Argon2id(password, per-slot salt); the data key is sealed to the public half (ephemeral
X25519 + HKDF-SHA256 + AES-256-GCM, the construction of age's X25519 stanza). Both seals carry
associated data binding the format version, vault id, slot id, kind and user id, so a slot
edited to point at another user refuses to open.

Why the extra key pair instead of wrapping the data key directly under the password key: when a
user is removed the data key is rotated, and the new key must reach every remaining slot
without asking every remaining user for a password. Sealing to a public key allows that, while
a password change still only reseals one slot's private half.

`cryptography` is imported by the functions that seal and open, not by the module: the login
window parses this file for the account names before anyone has typed a password, and its
start-up should not wait for the cryptography bindings (about 11 ms).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from typing import Any

from counselroom.vault.errors import AuthenticationError, VaultFormatError
from counselroom.vault.kdf import KdfParams, derive

FORMAT_VERSION = 1
KIND_USER = "user"
KIND_RECOVERY = "recovery"
_ENVELOPE_INFO = b"counselroom/slot-envelope/v1"


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: object, where: str) -> bytes:
    if not isinstance(text, str):
        raise VaultFormatError(f"{where}: expected base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise VaultFormatError(f"{where}: not valid base64") from exc


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def hkdf(key: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


@dataclass
class Sealed:
    nonce: bytes
    ciphertext: bytes
    ephemeral: bytes | None = None

    def to_dict(self) -> dict[str, str]:
        out = {"nonce": b64e(self.nonce), "ct": b64e(self.ciphertext)}
        if self.ephemeral is not None:
            out["epk"] = b64e(self.ephemeral)
        return out

    @classmethod
    def from_dict(cls, data: object, where: str, with_ephemeral: bool) -> Sealed:
        if not isinstance(data, dict):
            raise VaultFormatError(f"{where}: expected an object")
        nonce = b64d(data.get("nonce"), f"{where}.nonce")
        ct = b64d(data.get("ct"), f"{where}.ct")
        epk = b64d(data.get("epk"), f"{where}.epk") if with_ephemeral else None
        if len(nonce) != 12 or len(ct) != 48 or (epk is not None and len(epk) != 32):
            raise VaultFormatError(f"{where}: wrong length (the file was truncated or edited)")
        return cls(nonce, ct, epk)


@dataclass
class KeySlot:
    id: str
    kind: str
    user_id: int | None
    username: str | None
    kdf: KdfParams
    salt: bytes
    public: bytes
    private: Sealed
    envelope: Sealed

    def associated_data(self, vault_id: str) -> bytes:
        return canonical_json(
            {
                "format": FORMAT_VERSION,
                "vault_id": vault_id,
                "slot_id": self.id,
                "kind": self.kind,
                "user_id": self.user_id,
            }
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "user_id": self.user_id,
            "username": self.username,
            "kdf": self.kdf.to_dict(),
            "salt": b64e(self.salt),
            "public": b64e(self.public),
            "private": self.private.to_dict(),
            "envelope": self.envelope.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: object, where: str) -> KeySlot:
        if not isinstance(data, dict):
            raise VaultFormatError(f"{where}: expected an object")
        kind = data.get("kind")
        if kind not in (KIND_USER, KIND_RECOVERY):
            raise VaultFormatError(f"{where}.kind: unknown slot kind {kind!r}")
        user_id = data.get("user_id")
        if kind == KIND_USER and not isinstance(user_id, int):
            raise VaultFormatError(f"{where}.user_id: a user slot needs a user id")
        slot_id = data.get("id")
        username = data.get("username")
        if not isinstance(slot_id, str) or (username is not None and not isinstance(username, str)):
            raise VaultFormatError(f"{where}: id and username must be text")
        public = b64d(data.get("public"), f"{where}.public")
        salt = b64d(data.get("salt"), f"{where}.salt")
        if len(public) != 32 or len(salt) < 16:
            raise VaultFormatError(f"{where}: wrong key length (the file was truncated or edited)")
        return cls(
            id=slot_id,
            kind=kind,
            user_id=user_id if kind == KIND_USER else None,
            username=username,
            kdf=KdfParams.from_dict(data.get("kdf"), f"{where}.kdf"),
            salt=salt,
            public=public,
            private=Sealed.from_dict(data.get("private"), f"{where}.private", False),
            envelope=Sealed.from_dict(data.get("envelope"), f"{where}.envelope", True),
        )

    # -- cryptography -----------------------------------------------------------------------

    def unseal_private(self, vault_id: str, secret: bytes) -> bytes:
        """Return the slot's X25519 private key; a wrong secret raises AuthenticationError."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        kek = derive(secret, self.salt, self.kdf)
        try:
            return AESGCM(kek).decrypt(
                self.private.nonce, self.private.ciphertext, self.associated_data(vault_id)
            )
        except InvalidTag:
            raise AuthenticationError("wrong password or unknown user") from None

    def open_envelope(self, vault_id: str, private_raw: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.asymmetric.x25519 import (
            X25519PrivateKey,
            X25519PublicKey,
        )
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        assert self.envelope.ephemeral is not None
        private = X25519PrivateKey.from_private_bytes(private_raw)
        shared = private.exchange(X25519PublicKey.from_public_bytes(self.envelope.ephemeral))
        key = hkdf(shared, _ENVELOPE_INFO, salt=self.envelope.ephemeral + self.public)
        try:
            return AESGCM(key).decrypt(
                self.envelope.nonce, self.envelope.ciphertext, self.associated_data(vault_id)
            )
        except InvalidTag:
            raise VaultFormatError(
                f"vault.keys: slot {self.id} does not open (the file was edited)"
            ) from None

    def seal_data_key(self, vault_id: str, data_key: bytes) -> None:
        from cryptography.hazmat.primitives.asymmetric.x25519 import (
            X25519PrivateKey,
            X25519PublicKey,
        )
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        ephemeral = X25519PrivateKey.generate()
        epk = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(self.public))
        key = hkdf(shared, _ENVELOPE_INFO, salt=epk + self.public)
        nonce = os.urandom(12)
        ct = AESGCM(key).encrypt(nonce, data_key, self.associated_data(vault_id))
        self.envelope = Sealed(nonce, ct, epk)

    def seal_private(
        self, vault_id: str, private_raw: bytes, secret: bytes, kdf: KdfParams
    ) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.kdf = kdf
        self.salt = os.urandom(16)
        kek = derive(secret, self.salt, kdf)
        nonce = os.urandom(12)
        ct = AESGCM(kek).encrypt(nonce, private_raw, self.associated_data(vault_id))
        self.private = Sealed(nonce, ct)

    @classmethod
    def create(
        cls,
        vault_id: str,
        kind: str,
        user_id: int | None,
        username: str | None,
        secret: bytes,
        data_key: bytes,
        kdf: KdfParams,
    ) -> KeySlot:
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        private = X25519PrivateKey.generate()
        empty = Sealed(b"", b"")
        slot = cls(
            id=os.urandom(4).hex(),
            kind=kind,
            user_id=user_id,
            username=username,
            kdf=kdf,
            salt=b"",
            public=private.public_key().public_bytes_raw(),
            private=empty,
            envelope=empty,
        )
        slot.seal_private(vault_id, private.private_bytes_raw(), secret, kdf)
        slot.seal_data_key(vault_id, data_key)
        return slot


@dataclass
class AuditHead:
    seq: int = 0
    mac: bytes = b"\0" * 32


@dataclass
class KeyFile:
    """The parsed `vault.keys`. Its MAC (keyed from the data key) covers every field."""

    vault_id: str
    slots: list[KeySlot] = field(default_factory=list)
    head: AuditHead = field(default_factory=AuditHead)
    mac: bytes = b""

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "slots": [slot.to_dict() for slot in self.slots],
            "audit_head": {"seq": self.head.seq, "mac": self.head.mac.hex()},
        }

    def to_bytes(self) -> bytes:
        data = self.body()
        data["mac"] = self.mac.hex()
        return json.dumps(data, indent=1, ensure_ascii=False).encode() + b"\n"

    def user_slot(self, username: str) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == KIND_USER and s.username == username), None)

    def slot_for_user_id(self, user_id: int) -> KeySlot | None:
        return next((s for s in self.slots if s.user_id == user_id), None)

    def recovery_slot(self) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == KIND_RECOVERY), None)

    @classmethod
    def parse(cls, raw: bytes, name: str = "vault.keys") -> KeyFile:
        if not raw.strip():
            raise VaultFormatError(f"{name}: the file is empty")
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise VaultFormatError(f"{name}: not UTF-8 text (byte {exc.start})") from exc
        except json.JSONDecodeError as exc:
            raise VaultFormatError(
                f"{name}: damaged or truncated (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from exc
        if not isinstance(data, dict):
            raise VaultFormatError(f"{name}: expected a JSON object")
        version = data.get("format")
        if not isinstance(version, int):
            raise VaultFormatError(f"{name}: missing format version")
        if version > FORMAT_VERSION:
            raise VaultFormatError(
                f"{name}: format {version} was written by a newer CounselRoom "
                f"(this one reads format {FORMAT_VERSION}); install the newer version"
            )
        vault_id = data.get("vault_id")
        slots = data.get("slots")
        head = data.get("audit_head")
        if not isinstance(vault_id, str) or not isinstance(slots, list) or not slots:
            raise VaultFormatError(f"{name}: missing vault id or key slots")
        if not isinstance(head, dict) or not isinstance(head.get("seq"), int):
            raise VaultFormatError(f"{name}: missing audit chain head")
        try:
            head_mac = bytes.fromhex(str(head.get("mac")))
            mac = bytes.fromhex(str(data.get("mac")))
        except ValueError as exc:
            raise VaultFormatError(f"{name}: a MAC is not hexadecimal") from exc
        return cls(
            vault_id=vault_id,
            slots=[KeySlot.from_dict(s, f"{name}: slots[{i}]") for i, s in enumerate(slots)],
            head=AuditHead(head["seq"], head_mac),
            mac=mac,
        )
