"""Every attack of issue 8 on a transfer archive, at the format level: each is refused with the
check that failed and a message naming what (the member, the school), never a traceback.

Whether the sender is trusted, and that nothing is imported, is the import service's to prove;
here open_archive must either refuse or return exactly what the signed manifest lists.
"""

from __future__ import annotations

import json
import tarfile
import tracemalloc
from collections.abc import Sequence

import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_crafting import (
    PASSPHRASE,
    Entry,
    decrypt,
    encrypt_to,
    gzip_bomb,
    gzip_of,
    listing,
    make_school,
    manifest_of,
    members_of,
    open_as,
    outgoing,
    rebuild,
    resigned,
    seal_for,
    seal_with_passphrase,
    sparse_header,
    tar_of,
)
from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer.age_layer import needs_passphrase
from counselroom.transfer.archive import Outgoing, open_archive
from counselroom.transfer.cards import signed_body
from counselroom.transfer.container import Limits
from counselroom.transfer.errors import (
    CONTAINER,
    DECRYPT,
    DUPLICATE,
    HASH,
    MISSING,
    PATH,
    RECIPIENT,
    SCHEMA,
    SIGNATURE,
    SIZE,
    UNLISTED,
    VERSION,
    ArchiveError,
)
from counselroom.transfer.identity import new_identity

SENDER = make_school("第一中学", "3101040001")
RECEIVER = make_school("第二中学", "3101040002")
ARCHIVE = seal_for(SENDER, RECEIVER)
MEMBERS = members_of(ARCHIVE, RECEIVER)
PASSPHRASE_ARCHIVE = seal_with_passphrase(SENDER)  # ~2 s: age's scrypt, once for the module
MiB = 1024**2


def refusal(archive: bytes, check: str, *named: str, **options: object) -> ArchiveError:
    """The ArchiveError opening ``archive`` as RECEIVER raises; its check and named texts."""
    with pytest.raises(ArchiveError) as caught:
        open_as(archive, RECEIVER, **options)  # type: ignore[arg-type]
    assert caught.value.check == check, str(caught.value)
    for text in named:
        assert text in str(caught.value)
    return caught.value


def with_members(members: Sequence[Entry | tuple[str, bytes]]) -> bytes:
    return rebuild(RECEIVER, members)


def test_the_untouched_archive_opens() -> None:
    """The baseline every attack below changes one thing of."""
    assert len(open_as(ARCHIVE, RECEIVER).documents) == 2
    assert open_as(with_members(MEMBERS), RECEIVER).manifest.sender == SENDER.card


# --- the file's bytes -----------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(position=st.integers(0, len(ARCHIVE) - 1), bit=st.integers(0, 7))
def test_a_flipped_bit_anywhere_is_refused(position: int, bit: int) -> None:
    damaged = bytearray(ARCHIVE)
    damaged[position] ^= 1 << bit
    refusal(bytes(damaged), DECRYPT)


def test_a_flipped_byte_in_every_header_position_and_the_last_is_refused() -> None:
    """The header is where a lenient parser (base64 padding, spaces) would let a change by."""
    header_end = ARCHIVE.index(b"\n---") + 48  # the MAC line is "--- " and 43 characters
    for position in [*range(header_end), len(ARCHIVE) - 1]:
        for mask in (0x01, 0x20):
            damaged = bytearray(ARCHIVE)
            damaged[position] ^= mask
            with pytest.raises(ArchiveError) as caught:
                open_as(bytes(damaged), RECEIVER)
            assert caught.value.check == DECRYPT, (position, mask)


@pytest.mark.parametrize("keep", [0, 5, 22, 100, -200, -17, -16, -1])
def test_a_truncated_file_is_refused(keep: int) -> None:
    refusal(ARCHIVE[:keep], DECRYPT)


# ids: the archives are made at import with random keys, and pytest-xdist's workers must
# collect the same test names
@pytest.mark.parametrize(
    "extra",
    [b"\0", b"x", bytes(64 * 1024 + 16), ARCHIVE],
    ids=["zero-byte", "one-byte", "a-block", "itself"],
)
def test_an_extended_file_is_refused(extra: bytes) -> None:
    refusal(ARCHIVE + extra, DECRYPT, "extended")


def test_an_archive_for_another_school_does_not_open_with_this_schools_key() -> None:
    other = make_school("第三中学", "3101040003")
    refusal(seal_for(SENDER, other), DECRYPT, "another school's card")


def test_a_passphrase_archive_with_the_wrong_passphrase_is_refused() -> None:
    refusal(PASSPHRASE_ARCHIVE, DECRYPT, "passphrase", passphrase=PASSPHRASE + "!")


@pytest.mark.parametrize("factor", [b"21", b"22", b"64", b"x"])
def test_a_passphrase_archive_demanding_more_scrypt_work_is_refused_before_scrypt(
    factor: bytes,
) -> None:
    """A work factor of 22 makes age allocate 4 GiB before anything is checked: a crafted file
    would abort the program. It is refused from the header, at once and with little memory."""
    header, rest = PASSPHRASE_ARCHIVE.split(b"\n", 2)[1], PASSPHRASE_ARCHIVE.split(b"\n", 2)[2]
    words = header.split(b" ")
    assert words[1] == b"scrypt" and int(words[3]) <= 20  # what seal() makes here
    crafted = b"\n".join((b"age-encryption.org/v1", b" ".join([*words[:3], factor]), rest))
    tracemalloc.start()
    try:
        refusal(crafted, DECRYPT, "scrypt work factor", passphrase=PASSPHRASE)
        assert tracemalloc.get_traced_memory()[1] < 64 * 1024**2
    finally:
        tracemalloc.stop()


def test_a_passphrase_archive_without_a_passphrase_asks_for_it() -> None:
    for missing in (None, ""):
        refusal(PASSPHRASE_ARCHIVE, RECIPIENT, "passphrase", passphrase=missing)


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04" + bytes(100), b"age-encryption.org/v2\n", gzip_of(tar_of(MEMBERS))],
    ids=["empty", "zip", "age-v2", "bare-tar-gz"],
)
def test_a_file_that_is_not_an_age_file_is_refused(data: bytes) -> None:
    refusal(data, DECRYPT, "age file")
    with pytest.raises(ArchiveError):
        needs_passphrase(data)


# --- the container inside -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "said"),
    [
        (tar_of(MEMBERS), "not gzip"),
        (gzip_of(tar_of(MEMBERS))[:-9], "cut short"),
        (gzip_of(tar_of(MEMBERS)) + b"tail", "extra bytes"),
        (gzip_of(tar_of(MEMBERS)) * 2, "extra bytes"),
        (gzip_of(b""), "tar"),
        (gzip_of(b"not a tar file at all " * 40), "tar"),
    ],
    ids=["tar-only", "cut", "tail", "twice", "empty-tar", "not-tar"],
)
def test_contents_that_are_not_a_tar_gz_are_refused(plain: bytes, said: str) -> None:
    refusal(encrypt_to(plain, RECEIVER), CONTAINER, said)


def test_a_member_cut_short_inside_the_tar_is_refused() -> None:
    raw = tar_of(MEMBERS)
    cut = raw[: raw.index(b"sessions") + 3]  # inside the first student's data
    refusal(encrypt_to(gzip_of(cut), RECEIVER), CONTAINER, "tar")


@pytest.mark.parametrize(
    "name", ["../x.json", "students/../../etc/cron.d/x", "..\\..\\x", "students/..\\x"]
)
def test_a_path_with_dot_dot_is_refused_by_name(name: str) -> None:
    refusal(with_members([*MEMBERS, (name, b"{}")]), PATH, name, '".."')


@pytest.mark.parametrize("name", ["/etc/x", "/students/0003.json", "C:/x", "c:\\x", "\\x"])
def test_an_absolute_path_is_refused_by_name(name: str) -> None:
    refusal(with_members([*MEMBERS, (name, b"{}")]), PATH, name, "absolute")


@pytest.mark.parametrize(
    "entry",
    [
        Entry("students/0003.json", kind=tarfile.SYMTYPE, linkname="/etc/passwd"),
        Entry("students/0003.json", kind=tarfile.LNKTYPE, linkname="manifest.json"),
        Entry("students", kind=tarfile.DIRTYPE),
        Entry("students/0003.json", kind=tarfile.FIFOTYPE),
        Entry("students/0003.json", kind=tarfile.CHRTYPE),
    ],
    ids=["symlink", "hard link", "directory", "fifo", "device"],
)
def test_a_member_that_is_not_a_plain_file_is_refused_by_name(entry: Entry) -> None:
    refusal(with_members([*MEMBERS, entry]), PATH, entry.name, "not a plain file")


@pytest.mark.parametrize(
    "name", ["notes.txt", "students/3.json", "students/0003.JSON", "./manifest.json", "students/"]
)
def test_a_name_the_program_never_writes_is_refused(name: str) -> None:
    error = refusal(with_members([*MEMBERS, (name, b"{}")]), PATH)
    assert name.rstrip("/") in str(error)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_the_same_name_twice_is_refused(index: int) -> None:
    name, data = MEMBERS[index]
    refusal(with_members([*MEMBERS, (name, data)]), DUPLICATE, name, "twice")


def test_a_gzip_bomb_stops_at_the_cap_without_inflating_the_rest() -> None:
    """64 MiB of zeros in 64 KB; with a 1 MiB cap the peak memory stays near the cap."""
    bomb = encrypt_to(gzip_bomb(64 * MiB), RECEIVER)
    assert len(bomb) < 100_000
    tracemalloc.start()
    try:
        refusal(bomb, SIZE, "more than 1 MB", limits=Limits(total=MiB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MiB, peak


def test_a_member_over_the_member_limit_is_refused_by_name() -> None:
    big = bytes(2 * MiB)
    members = [*MEMBERS, ("students/0003.json", big)]
    refusal(with_members(members), SIZE, "students/0003.json", limits=Limits(member=MiB))


def test_a_member_whose_header_claims_a_huge_size_is_refused_before_it_is_read() -> None:
    header = tarfile.TarInfo("students/0003.json")
    header.size, header.mode = 4 * 1024**3, 0o600
    plain = gzip_of(header.tobuf(tarfile.PAX_FORMAT))  # no data follows: the size alone refuses
    refusal(encrypt_to(plain, RECEIVER), SIZE, "students/0003.json", "4096 MB")


def test_too_many_members_are_refused() -> None:
    refusal(ARCHIVE, SIZE, "more than 3 members", limits=Limits(members=3))


def test_a_sparse_member_cannot_inflate_past_the_total_cap() -> None:
    """A GNU sparse member ('S') stores no data and reads back as its 'real size' of zeros;
    tarfile counts it as a regular file, so a few KB of tar would hold members x 64 MiB in
    memory. It is not a file this program writes and must be refused before it is read."""
    sparse = b"".join(sparse_header(f"students/00{n:02d}.json", 8 * MiB) for n in range(10, 14))
    plain = gzip_of(sparse + tar_of(MEMBERS))
    limits = Limits(total=MiB, member=16 * MiB)
    tracemalloc.start()
    try:
        with pytest.raises(ArchiveError) as caught:
            open_as(encrypt_to(plain, RECEIVER), RECEIVER, limits=limits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.check in (PATH, SIZE), str(caught.value)  # the fix chooses which
    assert "students/0010.json" in str(caught.value)
    assert peak < 4 * MiB, peak


# --- the manifest and its signature -------------------------------------------------------------


def test_a_member_changed_after_signing_is_refused_by_name() -> None:
    changed = [(n, d.replace(b"1", b"7") if n == "students/0001.json" else d) for n, d in MEMBERS]
    refusal(with_members(changed), HASH, "students/0001.json", "学生1号", "SHA-256")


def test_a_member_swapped_for_another_of_the_same_size_is_refused() -> None:
    """Two students' files exchanged: each is a document the sender wrote, not the one listed."""
    one, two = dict(MEMBERS)["students/0001.json"], dict(MEMBERS)["students/0002.json"]
    swapped = [*MEMBERS[:2], ("students/0001.json", two), ("students/0002.json", one)]
    refusal(with_members(swapped), HASH, "students/0001.json")


def test_a_member_the_manifest_does_not_list_is_refused_by_name() -> None:
    refusal(with_members([*MEMBERS, ("students/0003.json", b"{}")]), UNLISTED, "students/0003.json")


def test_a_listed_member_that_is_absent_is_refused_by_name() -> None:
    refusal(with_members(MEMBERS[:3]), MISSING, "students/0002.json", "学生2号")


@pytest.mark.parametrize("name", ["manifest.json", "manifest.sig"])
def test_an_archive_without_its_manifest_or_signature_is_refused(name: str) -> None:
    refusal(with_members([m for m in MEMBERS if m[0] != name]), MISSING, name)


def test_a_manifest_edited_but_not_re_signed_is_refused_naming_the_sender() -> None:
    manifest = manifest_of(MEMBERS)
    manifest["purpose"] = "商业用途"
    edited = [(n, json.dumps(manifest).encode() if n == "manifest.json" else d) for n, d in MEMBERS]
    refusal(with_members(edited), SIGNATURE, "第一中学")


@pytest.mark.parametrize("signature", [b"", bytes(64), b"x" * 65])
def test_a_signature_that_is_not_the_senders_is_refused(signature: bytes) -> None:
    members = [(n, signature if n == "manifest.sig" else d) for n, d in MEMBERS]
    refusal(with_members(members), SIGNATURE, "第一中学")


def test_a_manifest_re_signed_by_another_key_under_the_senders_card_is_refused() -> None:
    manifest = manifest_of(MEMBERS)
    manifest["students"][0]["name"] = "改过的名字"
    refusal(with_members(resigned(MEMBERS, manifest, new_identity())), SIGNATURE, "第一中学")


def test_a_manifest_re_signed_with_the_attackers_card_opens_as_the_attackers() -> None:
    """The format check passes: the manifest is whole under the attacker's own key. What stops
    it is trust (services/transfer_import.py): its fingerprint is not the sender's, though the
    name is — here the sender's card must be the attacker's, exactly."""
    attacker = make_school("第一中学", "3101040001")  # the same name and code, other keys
    manifest = manifest_of(MEMBERS)
    manifest["sender"] = signed_body(attacker.card, attacker.keys.signing_private)
    extra = b'{"profile": {"name": "x"}}'
    manifest["students"].append(listing("students/0003.json", extra))
    members = [*resigned(MEMBERS, manifest, attacker.keys), ("students/0003.json", extra)]
    opened = open_as(with_members(members), RECEIVER)
    assert opened.manifest.sender == attacker.card
    assert opened.manifest.sender.name == SENDER.card.name
    assert opened.manifest.sender.fingerprint != SENDER.card.fingerprint
    assert opened.manifest.sender.fingerprint == attacker.card.fingerprint


def test_an_unknown_manifest_version_is_refused() -> None:
    manifest = manifest_of(MEMBERS)
    manifest["version"] = 2
    refusal(with_members(resigned(MEMBERS, manifest, SENDER.keys)), VERSION, "version 2")


def test_an_unknown_format_is_refused() -> None:
    manifest = manifest_of(MEMBERS)
    manifest["format"] = "counselroom-transfer-v9"
    error = refusal(with_members(resigned(MEMBERS, manifest, SENDER.keys)), SCHEMA)
    assert "manifest.json" in str(error)


def test_a_deeply_nested_manifest_is_refused_not_a_crash() -> None:
    """Anyone holding this school's (public) card can address such an archive to it."""
    head = b'{"format": "counselroom-transfer", "version": 1, "sender": ' + b"[" * 200_000
    refusal(with_members(resigned(MEMBERS, head, new_identity())), SCHEMA, "manifest.json")


def test_an_archive_forwarded_to_another_school_is_refused() -> None:
    """The sender made it for a third school; that school re-encrypts it to this one."""
    third = make_school("第三中学", "3101040003")
    plain = decrypt(seal_for(SENDER, third), third)
    refusal(encrypt_to(plain, RECEIVER), RECIPIENT, "第三中学")


def test_a_passphrase_archive_re_encrypted_to_a_card_is_refused() -> None:
    """The signed manifest says "passphrase"; whoever knew it re-wraps the archive to this
    school's card, and it would open as if the sender had addressed this school. The way it
    was decrypted must agree with the manifest's method."""
    plain = pyrage.passphrase.decrypt(PASSPHRASE_ARCHIVE, PASSPHRASE)
    refusal(encrypt_to(plain, RECEIVER), RECIPIENT)


# --- the student documents ----------------------------------------------------------------------


def with_student_document(data: bytes) -> bytes:
    """The archive with students/0001.json replaced by ``data``, listed and signed by the
    sender: the document itself is what is wrong."""
    manifest = manifest_of(MEMBERS)
    manifest["students"][0] = listing("students/0001.json", data, "学生1号")
    members = resigned(MEMBERS, manifest, SENDER.keys)
    return with_members([(n, data if n == "students/0001.json" else d) for n, d in members])


@pytest.mark.parametrize("data", [b"{not json", b"\xff\xfe{}", b""])
def test_a_student_document_that_is_not_json_is_refused_by_name(data: bytes) -> None:
    refusal(with_student_document(data), SCHEMA, "students/0001.json", "not JSON")


@pytest.mark.parametrize(
    "data",
    [b"[" * 200_000, b'{"profile": {"age": ' + b"9" * 5000 + b"}}"],
    ids=["deeply nested", "huge number"],
)
def test_a_hostile_student_document_is_refused_not_a_crash(data: bytes) -> None:
    refusal(with_student_document(data), SCHEMA, "students/0001.json")


def test_the_document_check_refusal_propagates_with_the_member() -> None:
    seen: list[tuple[object, str]] = []
    refused = ArchiveError(
        SCHEMA,
        QT_TRANSLATE_NOOP("problems", "%1 does not fit the student schema: %2"),
        "students/0002.json",
        "sessions",
    )

    def refuse_second(document: object, member: str) -> None:
        seen.append((document, member))
        if member == "students/0002.json":
            raise refused

    with pytest.raises(ArchiveError) as caught:
        open_archive(
            ARCHIVE,
            identity=RECEIVER.keys.age_identity,
            passphrase=None,
            own_fingerprint=RECEIVER.card.fingerprint,
            check_document=refuse_second,
        )
    assert caught.value is refused
    assert [member for _, member in seen] == ["students/0001.json", "students/0002.json"]
    assert seen[0][0] == outgoing()[0].document


# --- the manifest must describe the documents it lists -----------------------------------------


def profile_of(number: str | None, name: str) -> Outgoing:
    document = {
        "student": {"student_no": number, "name": name, "grade_level": 7, "class_label": "1班"}
    }
    return Outgoing(number, name, 7, "1班", document)


def test_one_student_number_twice_in_an_archive_is_refused() -> None:
    """Two files under one 学籍号 would be merged into one child's file on import."""
    twice = [profile_of("G310104201200001", "张宁"), profile_of("G310104201200001", "卢朗")]
    refusal(seal_for(SENDER, RECEIVER, twice), SCHEMA, "G310104201200001", "twice")


def test_a_manifest_line_that_does_not_describe_its_document_is_refused() -> None:
    """The preview and the name check read the manifest; the import writes the document."""
    lying = profile_of("G310104201200002", "王五")
    lying = Outgoing("G310104201200003", "赵六", 7, "1班", lying.document)
    error = refusal(seal_for(SENDER, RECEIVER, [lying]), SCHEMA, "赵六", "王五")
    assert "students/0001.json" in str(error)
    honest = profile_of(None, "无学籍号")
    assert open_as(seal_for(SENDER, RECEIVER, [honest]), RECEIVER).manifest.students[0].name
