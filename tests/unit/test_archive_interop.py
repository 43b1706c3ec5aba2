"""An archive opens without CounselRoom: age (pyrage or the `age` tool), tar, gzip and an
Ed25519 check are all another system needs (docs/transfer.md). After sealing, nothing below
calls counselroom code — a reader written from the format description alone does the same.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from archive_crafting import PASSPHRASE, make_school, outgoing, seal_for, seal_with_passphrase

SENDER = make_school("第一中学", "3101040001")
RECEIVER = make_school("第二中学", "3101040002")
STUDENTS = outgoing(3)


def read_independently(plain: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """(manifest, documents by member) from the decrypted bytes, every check done by hand."""
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:gz") as tar:
        members = {info.name: tar.extractfile(info).read() for info in tar}  # type: ignore[union-attr]
    head = members.pop("manifest.json")
    signature = members.pop("manifest.sig")
    manifest = json.loads(head)
    sender_key = bytes.fromhex(manifest["sender"]["signing_public"])
    Ed25519PublicKey.from_public_bytes(sender_key).verify(signature, head)  # raises if not
    listed = {entry["member"]: entry for entry in manifest["students"]}
    assert set(listed) == set(members)
    for member, data in members.items():
        assert len(data) == listed[member]["size"]
        assert hashlib.sha256(data).hexdigest() == listed[member]["sha256"]
    return manifest, {member: json.loads(data) for member, data in members.items()}


def check_contents(manifest: dict[str, Any], documents: dict[str, Any]) -> None:
    assert manifest["format"] == "counselroom-transfer"
    assert manifest["version"] == 1
    assert manifest["sender"]["name"] == "第一中学"
    assert bytes.fromhex(manifest["sender"]["signing_public"]) == SENDER.keys.signing_public
    assert [entry["name"] for entry in manifest["students"]] == [s.name for s in STUDENTS]
    by_member = [documents[entry["member"]] for entry in manifest["students"]]
    assert by_member == [s.document for s in STUDENTS]


def test_a_card_archive_opens_with_pyrage_tarfile_and_cryptography_only() -> None:
    archive = seal_for(SENDER, RECEIVER, STUDENTS)
    identity = pyrage.x25519.Identity.from_str(RECEIVER.keys.age_identity)
    manifest, documents = read_independently(pyrage.decrypt(archive, [identity]))
    check_contents(manifest, documents)
    assert manifest["recipient"] == {
        "method": "card",
        "name": "第二中学",
        "fingerprint": RECEIVER.card.fingerprint,
    }


def test_a_passphrase_archive_opens_with_pyrage_tarfile_and_cryptography_only() -> None:
    archive = seal_with_passphrase(SENDER, STUDENTS)
    manifest, documents = read_independently(pyrage.passphrase.decrypt(archive, PASSPHRASE))
    check_contents(manifest, documents)
    assert manifest["recipient"] == {"method": "passphrase"}


def test_a_changed_member_fails_the_independent_check_too() -> None:
    """The reader above can fail: the same steps on a changed member stop at the hash."""
    archive = seal_for(SENDER, RECEIVER, STUDENTS)
    plain = pyrage.decrypt(archive, [pyrage.x25519.Identity.from_str(RECEIVER.keys.age_identity)])
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:gz") as tar:
        members = [(info, tar.extractfile(info).read()) for info in tar]  # type: ignore[union-attr]
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz") as tar:
        for info, data in members:
            data = data.replace(b"3", b"4") if info.name == "students/0003.json" else data
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(AssertionError):
        read_independently(raw.getvalue())


@pytest.mark.skipif(
    shutil.which("age") is None, reason="the age command line tool is not installed"
)
def test_a_card_archive_opens_with_the_age_command_line_tool(tmp_path: Path) -> None:
    key_file = tmp_path / "key.txt"
    key_file.write_text(RECEIVER.keys.age_identity + "\n")
    key_file.chmod(0o600)
    archive = tmp_path / "transfer.age"
    archive.write_bytes(seal_for(SENDER, RECEIVER, STUDENTS))
    plain = subprocess.run(
        ["age", "--decrypt", "-i", str(key_file), str(archive)],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    check_contents(*read_independently(plain))
