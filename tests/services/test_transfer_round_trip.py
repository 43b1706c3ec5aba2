"""The issue's headline test, through the archive: export a whole demo school to another
school's card, import it into a fresh vault, and every record is equal, field by field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from counselroom.services.demo import create_demo_vault
from counselroom.services.school_cards import trust_card
from counselroom.services.school_identity import own_keys
from counselroom.services.transfer_export import ExportRequest, all_students, export_students
from counselroom.services.transfer_import import IMPORTED, import_archive
from counselroom.storage.models import Student, TransferRecord
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from services.test_student_document import documents, positional
from vault_fixtures import make_vault


def test_export_all_then_import_into_a_fresh_vault_keeps_every_record(tmp_path: Path) -> None:
    sender, _, _ = create_demo_vault(
        tmp_path / "a", 30, seed=11, file_rate=1.0, kdf=INSECURE_TEST_PARAMS,
        today=date(2026, 11, 20),
    )  # fmt: skip
    receiver, _ = make_vault(tmp_path / "b", "乙中学")
    try:
        with receiver.vault.read() as session:
            receiver_card = own_keys(session).card
        with sender.vault.read() as session:
            sender_card = own_keys(session).card
        card_id = trust_card(sender, receiver_card).id
        trust_card(receiver, sender_card)
        sent = documents(sender)  # before the export marks everyone 转出
        archive = tmp_path / "school.crx"
        ids = all_students(sender)
        export_students(
            sender,
            ExportRequest(ids, purpose="合并办学", consent_ref="同意书 1", card_id=card_id),
            archive,
        )
        result = import_archive(receiver, archive)
        assert result.preview.count(IMPORTED) == len(ids) == len(sent)
        back = {doc["student"]["student_no"]: doc for doc in documents(receiver)}
        for original in sent:
            assert positional(back[original["student"]["student_no"]]) == positional(original)
        with receiver.vault.read() as session:
            assert session.scalar(select(func.count()).select_from(Student)) == len(sent)
            record = session.scalars(select(TransferRecord)).one()
        assert record.student_count == len(sent) and record.counterpart == sender_card.name
    finally:
        sender.close()
        receiver.close()
