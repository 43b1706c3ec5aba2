"""School cards: what another school needs to send archives to this one, and to check that an
archive came from this one.

A card file is UTF-8 JSON (format "counselroom-card", version 1): name, code, district, the age
recipient and the Ed25519 public key in hex, self-signed with that key so a card edited by hand
(another name on the same keys) is refused. The fingerprint covers the two keys only: it is what
counsellors compare by phone or on paper, so it is thirty decimal digits in six groups — digits
are read aloud the same way in every dialect, letters are not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer.errors import CARD, ArchiveError
from counselroom.transfer.identity import sign

CARD_FORMAT = "counselroom-card"
CARD_VERSION = 1
MAX_CARD_BYTES = 16 * 1024
_FIELDS = ("name", "code", "district", "age_recipient", "signing_public")
_TEXT_LIMIT = 200
FINGERPRINT_DIGITS = 30


@dataclass(frozen=True)
class Card:
    name: str
    code: str
    district: str
    age_recipient: str
    signing_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.age_recipient, self.signing_public)

    @property
    def spoken_fingerprint(self) -> str:
        return spoken(self.fingerprint)

    def body(self) -> dict[str, Any]:
        """The signed fields, as the card file and the archive manifest carry them."""
        return {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "name": self.name,
            "code": self.code,
            "district": self.district,
            "age_recipient": self.age_recipient,
            "signing_public": self.signing_public.hex(),
        }


def fingerprint_of(age_recipient: str, signing_public: bytes) -> str:
    """Thirty digits: six 5-byte slices of a SHA-256 over both keys, each taken mod 10⁵.

    Signal's safety numbers use the same construction; 30 digits give ~100 bits, far beyond
    what anyone could search for a look-alike card.
    """
    digest = hashlib.sha256(
        b"counselroom-card-fingerprint/v1\n"
        + age_recipient.encode("ascii")
        + b"\n"
        + signing_public
    ).digest()
    groups = (int.from_bytes(digest[i : i + 5], "big") % 100_000 for i in range(0, 30, 5))
    return "".join(f"{group:05d}" for group in groups)


def spoken(fingerprint: str) -> str:
    """ "12345 67890 …": groups of five to read aloud."""
    return " ".join(fingerprint[i : i + 5] for i in range(0, len(fingerprint), 5))


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def card_file_bytes(card: Card, signing_private: bytes) -> bytes:
    """The card file: readable JSON with the self-signature over the canonical body."""
    signed = signed_body(card, signing_private)
    return (json.dumps(signed, ensure_ascii=False, indent=2) + "\n").encode()


def signed_body(card: Card, signing_private: bytes) -> dict[str, Any]:
    body = card.body()
    return dict(body, signature=sign(signing_private, canonical(body)).hex())


def qr_payload(card: Card, signing_private: bytes) -> str:
    """The whole signed card, compact: scanned, it is the card file itself."""
    return canonical(signed_body(card, signing_private)).decode()


def parse_card(data: bytes, source: str) -> Card:
    """A card file → Card, or ArchiveError(CARD) naming ``source`` and what is wrong."""
    if len(data) > MAX_CARD_BYTES:
        raise _bad(source, QT_TRANSLATE_NOOP("problems", "%1: larger than any school card"))
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # bad UTF-8 or JSON, a 5,000-digit number, [[[[…
        raise _bad(
            source, QT_TRANSLATE_NOOP("problems", "%1: not a school card (not JSON)")
        ) from None
    return card_from_dict(obj, source)


def card_from_dict(obj: object, source: str) -> Card:
    """A signed card body (from a card file or an archive's manifest) → Card, checked."""
    if not isinstance(obj, dict) or obj.get("format") != CARD_FORMAT:
        raise _bad(source, QT_TRANSLATE_NOOP("problems", "%1: not a CounselRoom school card"))
    if type(obj.get("version")) is not int or obj["version"] != CARD_VERSION:  # not True, 1.0
        raise _bad(
            source,
            QT_TRANSLATE_NOOP("problems", "%1: card version %2 is not one this program reads"),
            obj.get("version"),
        )
    expected = {"format", "version", "signature", *_FIELDS}
    if set(obj) != expected:
        names = ", ".join(sorted(set(obj) ^ expected))
        raise _bad(
            source, QT_TRANSLATE_NOOP("problems", "%1: unexpected or missing fields: %2"), names
        )
    for field in ("name", "code", "district"):
        value = obj[field]
        if not isinstance(value, str) or len(value) > _TEXT_LIMIT:
            raise _bad(
                source, QT_TRANSLATE_NOOP("problems", "%1: the field %2 is not valid"), field
            )
    if not obj["name"].strip():
        raise _bad(source, QT_TRANSLATE_NOOP("problems", "%1: the card names no school"))
    recipient = obj["age_recipient"]
    try:
        if not isinstance(recipient, str):
            raise pyrage.RecipientError(recipient)
        pyrage.x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError:
        raise _bad(
            source, QT_TRANSLATE_NOOP("problems", "%1: the age recipient is not a valid key")
        ) from None
    public = _hex(obj["signing_public"], 32)
    signature = _hex(obj["signature"], 64)
    if public is None or signature is None:
        raise _bad(source, QT_TRANSLATE_NOOP("problems", "%1: the signing key is not valid"))
    card = Card(obj["name"], obj["code"], obj["district"], recipient, public)
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, canonical(card.body()))
    except (InvalidSignature, ValueError):
        raise _bad(
            source,
            QT_TRANSLATE_NOOP(
                "problems",
                "%1: the card's signature does not match (it was edited after it was made)",
            ),
        ) from None
    return card


def _hex(value: object, length: int) -> bytes | None:
    if not isinstance(value, str) or len(value) != 2 * length:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def _bad(source: str, template: str, *args: object) -> ArchiveError:
    return ArchiveError(CARD, template, source, *args)
