"""A school's transfer identity: an age X25519 key pair (archives are addressed to it) and an
Ed25519 key pair (this school signs the manifests it sends).

Both are made once per vault and their private halves are kept only inside the encrypted
database (services/school_identity.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

_RAW = serialization.Encoding.Raw


@dataclass(frozen=True, repr=False)  # repr=False: a traceback must never print a private key
class IdentityKeys:
    age_identity: str  # "AGE-SECRET-KEY-1…"
    age_recipient: str  # "age1…"
    signing_private: bytes  # raw 32 bytes
    signing_public: bytes  # raw 32 bytes


def new_identity() -> IdentityKeys:
    age = pyrage.x25519.Identity.generate()
    signing = Ed25519PrivateKey.generate()
    return IdentityKeys(
        age_identity=str(age),
        age_recipient=str(age.to_public()),
        signing_private=signing.private_bytes(
            _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        ),
        signing_public=signing.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw),
    )


def sign(signing_private: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(signing_private).sign(data)
