"""This school's transfer identity and the card made from it.

The key pairs are made with the vault (services/setup.py) — or, for a vault created before
transfers existed, the first time they are needed — and their private halves never leave the
encrypted database. The card carries the school's current name, code and district from the
school profile; its fingerprint covers only the keys, so renaming the school does not make the
other schools' trust lists stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.services.saved_files import save_file
from counselroom.storage.base import utcnow
from counselroom.storage.models import SchoolIdentity, SchoolProfile
from counselroom.transfer.cards import Card, card_file_bytes, qr_payload, spoken
from counselroom.transfer.identity import new_identity


@dataclass(frozen=True)
class CardInfo:
    """A card as the window and the printed card show it."""

    name: str
    code: str
    district: str
    fingerprint: str  # 30 digits
    spoken_fingerprint: str  # "12345 67890 …"
    age_recipient: str
    signing_public_hex: str
    qr_payload: str  # the whole signed card (empty for a card of another school)


@dataclass(frozen=True, repr=False)  # a traceback must never print the private keys
class OwnKeys:
    card: Card
    age_identity: str
    signing_private: bytes


def ensure_identity(session: Session) -> SchoolIdentity:
    """The current identity (the newest row), made now if the vault has none."""
    row = session.scalars(select(SchoolIdentity).order_by(SchoolIdentity.id.desc())).first()
    if row is not None:
        return row
    keys = new_identity()
    row = SchoolIdentity(
        age_identity=keys.age_identity,
        age_recipient=keys.age_recipient,
        signing_private=keys.signing_private,
        signing_public=keys.signing_public,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def own_keys(session: Session) -> OwnKeys:
    row = ensure_identity(session)
    profile = session.get(SchoolProfile, 1)
    name = profile.name if profile else ""
    card = Card(
        name=name,
        code=profile.code if profile else "",
        district=profile.district if profile else "",
        age_recipient=row.age_recipient,
        signing_public=bytes(row.signing_public),
    )
    return OwnKeys(card, row.age_identity, bytes(row.signing_private))


def card_info(card: Card, payload: str = "") -> CardInfo:
    return CardInfo(
        name=card.name,
        code=card.code,
        district=card.district,
        fingerprint=card.fingerprint,
        spoken_fingerprint=spoken(card.fingerprint),
        age_recipient=card.age_recipient,
        signing_public_hex=card.signing_public.hex(),
        qr_payload=payload,
    )


def school_card(ctx: Context) -> CardInfo:
    """This school's card. Any account may see it: it names no student and holds no secret.

    A write transaction, because a vault older than transfers gets its identity here."""
    ctx.require(Permission.LIST_STUDENTS)
    with ctx.vault.write() as session:
        keys = own_keys(session)
    return card_info(keys.card, qr_payload(keys.card, keys.signing_private))


def export_card(ctx: Context, target: Path) -> CardInfo:
    """Save the card file another school imports; audited like every file that leaves."""
    ctx.require(Permission.EXPORT)
    with ctx.vault.write() as session:
        keys = own_keys(session)
        ctx.audit(session, "card.export", detail=f"fingerprint {keys.card.fingerprint}")
        save_file(target, card_file_bytes(keys.card, keys.signing_private))
    return card_info(keys.card, qr_payload(keys.card, keys.signing_private))
