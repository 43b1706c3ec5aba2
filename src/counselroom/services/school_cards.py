"""The trust list: cards of other schools this one sends archives to and accepts them from.

A card joins the list only by an explicit act of a counsellor or administrator, after the
fingerprint was compared with the other school by phone or on paper; removing it keeps the row
(removed_at) so old transfer records still name the school.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.domain.errors import QT_TRANSLATE_NOOP, CounselRoomError
from counselroom.services.context import Context
from counselroom.services.roles import Permission
from counselroom.services.school_identity import CardInfo, card_info, own_keys
from counselroom.storage.base import utcnow
from counselroom.storage.models import SchoolCard, User
from counselroom.transfer.cards import MAX_CARD_BYTES, Card, parse_card
from counselroom.transfer.errors import CARD, ArchiveError

# How a card stands against this vault's list
TRUSTED, UNKNOWN, KEY_CHANGED, OWN = "trusted", "unknown", "key-changed", "own"


@dataclass(frozen=True)
class TrustedCard:
    id: int
    card: CardInfo
    trusted_at: datetime
    trusted_by: str


@dataclass(frozen=True)
class CardStanding:
    """Where a card stands: trusted, unknown, this school's own, or the name of a trusted school
    with other keys (a reinstalled vault — or an impostor: the fingerprint must be compared)."""

    card: CardInfo
    standing: str
    same_name: TrustedCard | None  # the trusted card the KEY_CHANGED one resembles


def read_card_file(path: Path) -> Card:
    """A card file from disk, or a CounselRoomError naming the file."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise ArchiveError(
            CARD, QT_TRANSLATE_NOOP("problems", "%1: cannot be read (%2)"), path, exc.strerror
        ) from None
    return parse_card(data, str(path))


def trusted_cards(ctx: Context) -> list[TrustedCard]:
    ctx.require(Permission.EXPORT)
    with ctx.vault.read() as session:
        return _listed(session)


def _listed(session: Session) -> list[TrustedCard]:
    rows = session.execute(
        select(SchoolCard, User.display_name)
        .join(User, User.id == SchoolCard.trusted_by_id)
        .where(SchoolCard.removed_at.is_(None))
        .order_by(SchoolCard.name, SchoolCard.id)
    ).all()
    return [_trusted(row, by) for row, by in rows]


def _trusted(row: SchoolCard, by: str) -> TrustedCard:
    card = Card(row.name, row.code, row.district, row.age_recipient, bytes(row.signing_public))
    return TrustedCard(row.id, card_info(card), row.trusted_at, by)


def standing(session: Session, card: Card) -> CardStanding:
    info = card_info(card)
    if card.fingerprint == own_keys(session).card.fingerprint:
        return CardStanding(info, OWN, None)
    listed = _listed(session)
    if any(t.card.fingerprint == card.fingerprint for t in listed):
        return CardStanding(info, TRUSTED, None)
    for trusted in listed:
        same_code = card.code and trusted.card.code == card.code
        if trusted.card.name == card.name or same_code:
            return CardStanding(info, KEY_CHANGED, trusted)
    return CardStanding(info, UNKNOWN, None)


def card_standing(ctx: Context, card: Card) -> CardStanding:
    ctx.require(Permission.EXPORT)
    with ctx.vault.write() as session:  # write: a vault older than transfers gets its identity
        return standing(session, card)


def trust(session: Session, ctx: Context, card: Card) -> int:
    """Add ``card`` to the list inside the caller's transaction; its id (an existing one when
    the same keys are already trusted)."""
    if card.fingerprint == own_keys(session).card.fingerprint:
        raise CounselRoomError("this is this school's own card; it needs no trust")
    existing = session.scalars(
        select(SchoolCard).where(
            SchoolCard.fingerprint == card.fingerprint, SchoolCard.removed_at.is_(None)
        )
    ).first()
    if existing is not None:
        return existing.id
    row = SchoolCard(
        name=card.name,
        code=card.code,
        district=card.district,
        age_recipient=card.age_recipient,
        signing_public=card.signing_public,
        fingerprint=card.fingerprint,
        trusted_at=utcnow(),
        trusted_by_id=ctx.actor.user_id,
    )
    session.add(row)
    session.flush()
    ctx.audit(
        session, "card.trust", target=f"card:{row.id}", detail=f"fingerprint {card.fingerprint}"
    )
    return row.id


def trust_card(ctx: Context, card: Card) -> TrustedCard:
    ctx.require(Permission.EXPORT)
    with ctx.vault.write() as session:
        card_id = trust(session, ctx, card)
    return next(t for t in trusted_cards(ctx) if t.id == card_id)


def remove_card(ctx: Context, card_id: int) -> None:
    """Take a card off the list (kept, marked removed: transfer records still name it)."""
    ctx.require(Permission.EXPORT)
    with ctx.vault.write() as session:
        row = session.get(SchoolCard, card_id)
        if row is None or row.removed_at is not None:
            raise CounselRoomError(f"no trusted school card with id {card_id}")
        row.removed_at = utcnow()
        ctx.audit(session, "card.remove", target=f"card:{card_id}")


def trusted_card(session: Session, card_id: int) -> Card:
    row = session.get(SchoolCard, card_id)
    if row is None or row.removed_at is not None:
        raise CounselRoomError(f"no trusted school card with id {card_id}")
    return Card(row.name, row.code, row.district, row.age_recipient, bytes(row.signing_public))
