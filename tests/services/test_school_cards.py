"""School identity, this school's card and the trust list (issue 8 item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.school_cards import (
    KEY_CHANGED,
    OWN,
    TRUSTED,
    UNKNOWN,
    card_standing,
    read_card_file,
    remove_card,
    trust_card,
    trusted_cards,
)
from counselroom.services.school_identity import export_card, own_keys, school_card
from counselroom.storage.models import AuditEntry, SchoolCard, SchoolIdentity
from counselroom.transfer.cards import Card, parse_card
from counselroom.transfer.errors import ArchiveError
from counselroom.transfer.identity import new_identity
from vault_fixtures import account, make_vault


@pytest.fixture
def school(tmp_path: Path) -> Context:
    ctx, _code = make_vault(tmp_path / "a", "甲中学")
    return ctx


def other_card(name: str = "乙中学", code: str = "") -> Card:
    keys = new_identity()
    return Card(name, code, "渝中区", keys.age_recipient, keys.signing_public)


def actions(ctx: Context) -> list[str]:
    with ctx.vault.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def test_a_new_vault_has_its_identity_and_the_card_names_the_school(school: Context) -> None:
    with school.vault.read() as session:
        assert session.scalar(select(func.count()).select_from(SchoolIdentity)) == 1
    card = school_card(school)
    assert card.name == "甲中学"
    assert len(card.fingerprint) == 30 and card.fingerprint.isdigit()
    assert card.spoken_fingerprint.split() == [card.fingerprint[i : i + 5] for i in range(0, 30, 5)]
    # the QR code carries the whole signed card: scanned, it parses as the card itself
    assert parse_card(card.qr_payload.encode(), "qr").fingerprint == card.fingerprint
    assert school_card(school) == card  # the identity is made once, not at each look


def test_a_vault_made_before_transfers_gets_an_identity_when_first_needed(
    school: Context,
) -> None:
    with school.vault.write() as session:
        session.execute(delete(SchoolIdentity))
    card = school_card(school)
    with school.vault.read() as session:
        assert session.scalar(select(func.count()).select_from(SchoolIdentity)) == 1
        assert own_keys(session).card.fingerprint == card.fingerprint


def test_the_private_keys_never_reach_the_card_file(school: Context, tmp_path: Path) -> None:
    target = tmp_path / "card.crcard"
    info = export_card(school, target)
    data = target.read_bytes()
    with school.vault.read() as session:
        keys = own_keys(session)
    assert keys.age_identity.encode() not in data
    assert keys.signing_private.hex().encode() not in data
    assert read_card_file(target).fingerprint == info.fingerprint
    assert actions(school)[-1] == "card.export"
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_a_viewer_sees_the_card_but_may_not_export_it_or_touch_the_trust_list(
    school: Context, tmp_path: Path
) -> None:
    viewer = account(school, "bzr", Role.VIEWER, "班主任")
    assert school_card(viewer).fingerprint == school_card(school).fingerprint
    with pytest.raises(PermissionDenied):
        export_card(viewer, tmp_path / "x.crcard")
    with pytest.raises(PermissionDenied):
        trust_card(viewer, other_card())
    with pytest.raises(PermissionDenied):
        trusted_cards(viewer)
    assert not (tmp_path / "x.crcard").exists()


def test_trusting_listing_and_removing_cards(school: Context) -> None:
    counsellor = account(school, "xl", Role.COUNSELLOR, "心理老师")
    card = other_card()
    assert card_standing(counsellor, card).standing == UNKNOWN
    trusted = trust_card(counsellor, card)
    assert trusted.card.fingerprint == card.fingerprint and trusted.trusted_by == "心理老师"
    assert card_standing(counsellor, card).standing == TRUSTED
    assert trust_card(counsellor, card).id == trusted.id  # the same keys twice: one row
    assert [t.id for t in trusted_cards(counsellor)] == [trusted.id]
    remove_card(counsellor, trusted.id)
    assert trusted_cards(counsellor) == []
    assert card_standing(counsellor, card).standing == UNKNOWN
    with school.vault.read() as session:  # kept for the transfer records, marked removed
        row = session.get(SchoolCard, trusted.id)
        assert row is not None and row.removed_at is not None
    with pytest.raises(CounselRoomError, match="no trusted school card"):
        remove_card(counsellor, trusted.id)
    assert actions(school)[-2:] == ["card.trust", "card.remove"]


def test_the_own_card_needs_no_trust(school: Context) -> None:
    with school.vault.read() as session:
        own = own_keys(session).card
    assert card_standing(school, own).standing == OWN
    with pytest.raises(CounselRoomError, match="own card"):
        trust_card(school, own)


def test_a_trusted_schools_name_with_other_keys_is_told_apart(school: Context) -> None:
    trusted = trust_card(school, other_card("乙中学", "5001"))
    impostor = card_standing(school, other_card("乙中学"))
    assert impostor.standing == KEY_CHANGED
    assert impostor.same_name is not None and impostor.same_name.id == trusted.id
    by_code = card_standing(school, other_card("乙校", "5001"))
    assert by_code.standing == KEY_CHANGED


def test_a_card_file_that_cannot_be_read_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match=r"nothere\.crcard") as missing:
        read_card_file(tmp_path / "nothere.crcard")
    assert missing.value.check == "card"
    bad = tmp_path / "bad.crcard"
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(ArchiveError, match=r"bad\.crcard: not a school card"):
        read_card_file(bad)
