"""Transfer archives (issue 8) at M (5,000 students, benchmark case load), each figure next to
its raw primitive measured in the same run.

    python bench/bench_transfer.py [S|M]

* export of every student to another school's card (services.transfer_export.export_students:
  read every file, one JSON document per student, tar.gz, sign, age-encrypt, write, mark 转出,
  record) vs. JSON serialisation of the same documents plus bare pyrage encryption of those
  bytes — DESIGN.md wants ≤ 3 ×;
* import of that archive into a fresh vault (services.transfer_import.import_archive: decrypt,
  every check, plan and insert every record in one transaction) vs. bare pyrage decryption plus
  json.loads of the same documents.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="counselroom-bench-transfer-"))
os.environ["COUNSELROOM_CONFIG_DIR"] = str(WORK / "config")
sys.path.insert(0, str(Path(__file__).parent))
from common import HEADER, row, timed  # noqa: E402

SIZES = {"S": 1000, "M": 5000}


def once(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    size = sys.argv[1] if len(sys.argv) > 1 else "M"
    try:
        run(size)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


def run(size: str) -> None:
    import pyrage

    from counselroom.services.demo import create_demo_vault
    from counselroom.services.school_cards import trust_card
    from counselroom.services.school_identity import own_keys
    from counselroom.services.setup import SchoolDetails, init_vault
    from counselroom.services.student_export import student_documents
    from counselroom.services.transfer_export import ExportRequest, all_students, export_students
    from counselroom.services.transfer_import import import_archive
    from counselroom.vault.kdf import INSECURE_TEST_PARAMS

    started = time.perf_counter()
    sender, _, _ = create_demo_vault(
        WORK / "a",
        SIZES[size],
        seed=7,
        kdf=INSECURE_TEST_PARAMS,
        today=date(2026, 11, 20),
        profile="benchmark",
    )
    receiver, _ = init_vault(
        WORK / "b", SchoolDetails("乙中学"), "admin", "bench-pass-123", kdf=INSECURE_TEST_PARAMS
    )
    print(f"{size} school made in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with receiver.vault.read() as session:
        receiver_card = own_keys(session).card
    with sender.vault.read() as session:
        sender_card = own_keys(session).card
    trusted = trust_card(sender, receiver_card)
    trust_card(receiver, sender_card)
    ids = all_students(sender)

    with sender.vault.read() as session:
        documents = [doc for _id, doc in student_documents(session, ids)]
    recipient = pyrage.x25519.Recipient.from_str(receiver_card.age_recipient)

    def primitive_export() -> bytes:
        data = b"".join(
            json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode() for doc in documents
        )
        return pyrage.encrypt(data, [recipient])

    archive = WORK / "all.crx"
    request = ExportRequest(ids, purpose="合并办学", consent_ref="同意书", card_id=trusted.id)
    export_s = once(lambda: export_students(sender, request, archive))
    export_raw = timed(primitive_export, repeat=3)
    plain_mb = sum(len(json.dumps(d, ensure_ascii=False)) for d in documents) / 1e6

    with receiver.vault.read() as session:
        identity = pyrage.x25519.Identity.from_str(own_keys(session).age_identity)
    encrypted = primitive_export()

    texts = [json.dumps(doc, ensure_ascii=False, separators=(",", ":")) for doc in documents]

    def primitive_import() -> None:
        pyrage.decrypt(encrypted, [identity])
        for text in texts:
            json.loads(text)

    import_s = once(lambda: import_archive(receiver, archive))
    import_raw = timed(primitive_import, repeat=3)
    print(
        f"\n{size}: {len(ids)} students, {plain_mb:.1f} MB of JSON, archive "
        f"{archive.stat().st_size / 1e6:.1f} MB\n"
    )
    print(HEADER)
    print(row(f"export all, {size}", export_s, "json.dumps + pyrage.encrypt", export_raw))
    print(row(f"import all, {size}", import_s, "pyrage.decrypt + json.loads", import_raw))
    sender.close()
    receiver.close()


if __name__ == "__main__":
    main()
