"""The transfer formats as written: archive round trip, fingerprints, card files, manifests."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_crafting import (
    CONSENT,
    CREATED,
    PASSPHRASE,
    PURPOSE,
    decrypt,
    make_school,
    members_of,
    open_as,
    outgoing,
    seal_for,
    seal_with_passphrase,
)
from counselroom.transfer.age_layer import needs_passphrase
from counselroom.transfer.archive import seal
from counselroom.transfer.cards import (
    MAX_CARD_BYTES,
    Card,
    card_file_bytes,
    fingerprint_of,
    parse_card,
    qr_payload,
)
from counselroom.transfer.errors import CARD, SCHEMA, VERSION, ArchiveError
from counselroom.transfer.identity import new_identity
from counselroom.transfer.manifest import METHOD_CARD, METHOD_PASSPHRASE, parse_manifest

SENDER = make_school("第一中学", "3101040001")
RECEIVER = make_school("第二中学", "3101040002")


# --- round trip ---------------------------------------------------------------------------------


def test_a_card_archive_opens_to_the_documents_and_manifest_it_was_sealed_with() -> None:
    students = outgoing(3)
    opened = open_as(seal_for(SENDER, RECEIVER, students), RECEIVER)

    manifest = opened.manifest
    assert manifest.sender == SENDER.card
    assert manifest.method == METHOD_CARD
    assert manifest.recipient_name == "第二中学"
    assert manifest.recipient_fingerprint == RECEIVER.card.fingerprint
    assert (manifest.created_at, manifest.purpose, manifest.consent_ref) == (
        CREATED,
        PURPOSE,
        CONSENT,
    )
    assert [(s.student_no, s.name, s.grade_level, s.class_label) for s in manifest.students] == [
        (s.student_no, s.name, s.grade_level, s.class_label) for s in students
    ]
    assert list(opened.documents) == [s.member for s in manifest.students]
    assert list(opened.documents.values()) == [s.document for s in students]


def test_a_passphrase_archive_opens_with_the_passphrase_only() -> None:
    archive = seal_with_passphrase(SENDER)
    assert needs_passphrase(archive)
    opened = open_as(archive, make_school("任何学校"), passphrase=PASSPHRASE)
    assert opened.manifest.method == METHOD_PASSPHRASE
    assert opened.manifest.recipient_fingerprint is None
    assert list(opened.documents.values()) == [s.document for s in outgoing()]


def test_the_archive_sha256_is_of_the_file_bytes() -> None:
    archive = seal_for(SENDER, RECEIVER)
    assert not needs_passphrase(archive)
    assert open_as(archive, RECEIVER).sha256 == hashlib.sha256(archive).hexdigest()


def test_the_sealed_tar_gz_is_deterministic_though_the_encryption_is_not() -> None:
    first, second = seal_for(SENDER, RECEIVER), seal_for(SENDER, RECEIVER)
    assert first != second  # age picks a fresh file key each time
    assert decrypt(first, RECEIVER) == decrypt(second, RECEIVER)


def test_members_are_numbered_in_order_after_the_manifest_and_signature() -> None:
    names = [name for name, _ in members_of(seal_for(SENDER, RECEIVER, outgoing(3)), RECEIVER)]
    assert names == [
        "manifest.json",
        "manifest.sig",
        "students/0001.json",
        "students/0002.json",
        "students/0003.json",
    ]


def test_seal_needs_exactly_one_of_card_and_passphrase() -> None:
    common: dict[str, Any] = dict(
        sender=SENDER.card,
        signing_private=SENDER.keys.signing_private,
        purpose=PURPOSE,
        consent_ref=CONSENT,
        created_at=CREATED,
    )
    with pytest.raises(ValueError):
        seal(outgoing(), recipient=RECEIVER.card, passphrase=PASSPHRASE, **common)
    with pytest.raises(ValueError):
        seal(outgoing(), recipient=None, passphrase=None, **common)


# --- fingerprints -------------------------------------------------------------------------------


def test_a_fingerprint_is_thirty_digits_read_in_six_groups_of_five() -> None:
    card = SENDER.card
    assert len(card.fingerprint) == 30
    assert card.fingerprint.isascii() and card.fingerprint.isdigit()
    groups = card.spoken_fingerprint.split(" ")
    assert len(groups) == 6 and all(len(group) == 5 for group in groups)
    assert "".join(groups) == card.fingerprint


def test_the_fingerprint_changes_with_either_key() -> None:
    other = new_identity()
    card = SENDER.card
    new_age = replace(card, age_recipient=other.age_recipient)
    new_signing = replace(card, signing_public=other.signing_public)
    assert len({card.fingerprint, new_age.fingerprint, new_signing.fingerprint}) == 3


@settings(max_examples=30, deadline=None)
@given(name=st.text(max_size=40), code=st.text(max_size=20), district=st.text(max_size=20))
def test_the_fingerprint_covers_the_keys_not_the_names(name: str, code: str, district: str) -> None:
    renamed = replace(SENDER.card, name=name, code=code, district=district)
    assert renamed.fingerprint == SENDER.card.fingerprint
    assert fingerprint_of(SENDER.keys.age_recipient, SENDER.keys.signing_public) == (
        SENDER.card.fingerprint
    )


# --- card files -------------------------------------------------------------------------------


def card_file(school: Any = SENDER) -> bytes:
    return card_file_bytes(school.card, school.keys.signing_private)


def card_dict() -> dict[str, Any]:
    return json.loads(card_file())


def encoded(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode()


def test_a_card_file_and_its_qr_payload_read_back_as_the_card() -> None:
    assert parse_card(card_file(), "第一中学.card") == SENDER.card
    assert parse_card(qr_payload(SENDER.card, SENDER.keys.signing_private).encode(), "QR") == (
        SENDER.card
    )
    assert "第一中学" in card_file().decode()  # readable, Chinese as it is


def test_a_card_saved_with_a_byte_order_mark_still_reads() -> None:
    assert parse_card(b"\xef\xbb\xbf" + card_file(), "记事本.card") == SENDER.card


def card_refusal(data: bytes) -> ArchiveError:
    with pytest.raises(ArchiveError) as caught:
        parse_card(data, "来信.card")
    assert caught.value.check == CARD
    assert "来信.card" in str(caught.value)
    return caught.value


def edited(**changes: object) -> bytes:
    obj = card_dict()
    obj.update(changes)
    return encoded({key: value for key, value in obj.items() if value is not None})


CARD_CASES = [
    (edited(name="冒名中学"), "signature"),
    (edited(district="别的区"), "signature"),
    (edited(age_recipient="age1notakey"), "age recipient"),
    (edited(age_recipient=new_identity().age_recipient), "signature"),
    (edited(age_recipient=12), "age recipient"),
    (edited(signing_public="ab" * 31), "signing key"),
    (edited(signing_public="zz" * 32), "signing key"),
    (edited(signature="00" * 63), "signing key"),
    (edited(signature="00" * 64), "signature"),
    (edited(version=2), "version 2"),
    (edited(version="1"), "version 1"),
    (edited(format="counselroom-transfer"), "not a CounselRoom school card"),
    (edited(extra="x"), "extra"),
    (edited(code=None), "code"),
    (edited(name=""), "names no school"),
    (edited(name="校" * 201), "name"),
    (edited(district=["徐汇区"]), "district"),
    (encoded([card_dict()]), "not a CounselRoom school card"),
    (b"not json at all", "not JSON"),
    (b"\xff\xfe{}", "not JSON"),
    (card_file()[:-40], "not JSON"),
    (card_file() + b" " * MAX_CARD_BYTES, "larger than any school card"),
]


# ids by position: the cards hold random keys, and pytest-xdist's workers must collect the
# same test names
@pytest.mark.parametrize(
    ("data", "said"),
    CARD_CASES,
    ids=[f"{n}-{said}" for n, (_data, said) in enumerate(CARD_CASES)],
)
def test_a_card_file_that_is_not_valid_is_refused_naming_what(data: bytes, said: str) -> None:
    assert said in str(card_refusal(data))


def test_a_card_edited_and_re_signed_with_another_key_is_another_card() -> None:
    """Self-signing proves the card is whole, not whose it is: the fingerprint tells."""
    thief = new_identity()
    forged = Card(SENDER.card.name, "x", "x", thief.age_recipient, thief.signing_public)
    card = parse_card(card_file_bytes(forged, thief.signing_private), "forged.card")
    assert card.name == SENDER.card.name
    assert card.fingerprint != SENDER.card.fingerprint


def test_a_deeply_nested_card_file_is_refused_not_a_crash() -> None:
    card_refusal(b"[" * 10_000)


def test_a_card_with_a_huge_number_is_refused_not_a_crash() -> None:
    card_refusal(b'{"version": ' + b"9" * 5000 + b"}")


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300))
def test_any_bytes_are_a_card_or_a_card_refusal(data: bytes) -> None:
    try:
        parse_card(data, "fuzz.card")
    except ArchiveError as exc:
        assert exc.check == CARD


# --- manifests ------------------------------------------------------------------------------------


def manifest_dict() -> dict[str, Any]:
    members = members_of(seal_for(SENDER, RECEIVER), RECEIVER)
    return json.loads(dict(members)["manifest.json"])


MANIFEST = manifest_dict()


def with_field(path: str, value: object) -> dict[str, Any]:
    """MANIFEST with the field at dotted ``path`` set (or removed, for ``...``)."""
    obj = copy.deepcopy(MANIFEST)
    *parents, last = path.split(".")
    target: Any = obj
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    key: Any = int(last) if isinstance(target, list) else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return obj


def test_the_manifest_parses_back_to_what_was_sealed() -> None:
    manifest = parse_manifest(encoded(MANIFEST))
    assert manifest.sender == SENDER.card
    assert manifest.recipient_fingerprint == RECEIVER.card.fingerprint
    assert [s.member for s in manifest.students] == ["students/0001.json", "students/0002.json"]


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        ("format", "counselroom-backup", "not a CounselRoom transfer manifest"),
        ("created_at", "2025-07-01 09:30", "created_at"),
        ("created_at", 1751362200, "created_at"),
        ("recipient.method", "email", "recipient.method"),
        ("recipient.fingerprint", "1234", "recipient.fingerprint"),
        ("recipient.fingerprint", "１" * 30, "recipient.fingerprint"),
        ("recipient.name", None, "recipient.name"),
        ("recipient.extra", "x", "recipient.extra"),
        ("purpose", " ", "purpose"),
        ("consent_ref", "x" * 501, "consent_ref"),
        ("consent_ref", ..., "consent_ref"),
        ("signed_by", "x", "signed_by"),
        ("students", [], "students"),
        ("students", {"0": 1}, "students"),
        ("students.0", "students/0001.json", "students[0]"),
        ("students.0.member", "../0001.json", "students[0].member"),
        ("students.0.member", "students/1.json", "students[0].member"),
        ("students.1.member", "students/0001.json", "listed twice"),
        ("students.0.student_no", 123, "students[0].student_no"),
        ("students.0.name", "", "students[0].name"),
        ("students.0.grade_level", 13, "students[0].grade_level"),
        ("students.0.grade_level", True, "students[0].grade_level"),
        ("students.0.grade_level", "6", "students[0].grade_level"),
        ("students.0.class_label", 3, "students[0].class_label"),
        ("students.0.size", -1, "students[0].size"),
        ("students.0.size", 1.5, "students[0].size"),
        ("students.0.sha256", "AB" * 32, "students[0].sha256"),
        ("students.0.sha256", "ab" * 31, "students[0].sha256"),
        ("students.0.notes", "x", "students[0].notes"),
        ("students.0.sha256", ..., "students[0].sha256"),
    ],
)
def test_each_manifest_field_that_does_not_fit_is_named(
    path: str, value: object, said: str
) -> None:
    with pytest.raises(ArchiveError) as caught:
        parse_manifest(encoded(with_field(path, value)))
    assert caught.value.check == SCHEMA
    assert "manifest.json" in str(caught.value)
    assert said in str(caught.value)


@pytest.mark.parametrize("version", [2, 0, "1", None])
def test_a_manifest_version_this_program_does_not_read_is_a_version_refusal(
    version: object,
) -> None:
    with pytest.raises(ArchiveError) as caught:
        parse_manifest(encoded(with_field("version", version)))
    assert caught.value.check == VERSION
    assert f"version {version}" in str(caught.value)


def test_a_manifest_whose_sender_card_is_not_valid_names_the_sender() -> None:
    with pytest.raises(ArchiveError) as caught:
        parse_manifest(encoded(with_field("sender.name", "冒名中学")))
    assert caught.value.check == CARD
    assert "manifest.json sender" in str(caught.value)
    assert "signature" in str(caught.value)


@pytest.mark.parametrize("data", [b"", b"[1, 2]", b"\xff\xfe", b"null"])
def test_a_manifest_that_is_not_a_json_object_is_a_schema_refusal(data: bytes) -> None:
    with pytest.raises(ArchiveError) as caught:
        parse_manifest(data)
    assert caught.value.check == SCHEMA
    assert "manifest.json" in str(caught.value)


def test_a_deeply_nested_manifest_is_refused_not_a_crash() -> None:
    with pytest.raises(ArchiveError) as caught:
        parse_manifest(
            b'{"format": "counselroom-transfer", "version": 1, "sender": ' + b"[" * 100_000
        )
    assert caught.value.check == SCHEMA


def test_a_manifest_with_a_huge_number_is_refused_not_a_crash() -> None:
    with pytest.raises(ArchiveError) as caught:
        parse_manifest(b'{"format": "counselroom-transfer", "version": ' + b"1" * 5000 + b"}")
    assert caught.value.check in (SCHEMA, VERSION)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
FIELDS = [
    "format",
    "version",
    "created_at",
    "sender",
    "recipient",
    "recipient.method",
    "recipient.fingerprint",
    "purpose",
    "students",
    "students.0",
    "students.0.member",
    "students.0.size",
    "students.0.grade_level",
    "students.1.sha256",
]


@settings(max_examples=150, deadline=None)
@given(path=st.sampled_from(FIELDS), value=JSON_VALUES)
def test_any_value_in_any_field_parses_or_is_refused_by_name(path: str, value: object) -> None:
    try:
        parse_manifest(encoded(with_field(path, value)))
    except ArchiveError as exc:
        assert exc.check in (SCHEMA, VERSION, CARD)
