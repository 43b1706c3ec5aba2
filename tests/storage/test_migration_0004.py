"""Migration 0004 (documents.number): a vault saved at revision 0003 opens, keeps its document
log unnumbered, and numbers the next document from 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import select

from counselroom.services import auth
from counselroom.services.document_numbers import next_numbers
from counselroom.storage import migrate
from counselroom.storage.models import DocumentRecord
from counselroom.vault.verify import verify_vault

SAVED = Path(__file__).parents[1] / "data" / "vaults" / "rev0003"


def test_a_rev0003_vault_gains_document_numbers(tmp_path: Path) -> None:
    expected = json.loads((SAVED / "expected.json").read_text(encoding="utf-8"))
    folder = tmp_path / "vault"
    shutil.copytree(SAVED, folder)
    ctx = auth.login(folder, expected["user"], expected["password"], record=False)
    try:
        assert verify_vault(ctx.vault) == []
        with ctx.vault.read() as session:
            assert migrate.current_revision(session.connection()) == migrate.head_revision()
            inspector = sa.inspect(session.connection())
            columns = {c["name"]: c for c in inspector.get_columns("documents")}
            assert columns["number"]["nullable"] is True
            indexes = {ix["name"]: ix["column_names"] for ix in inspector.get_indexes("documents")}
            assert indexes["ix_documents_number"] == ["number"]
            logged = session.execute(select(DocumentRecord.kind, DocumentRecord.number)).all()
            # the demo's log entries are all there, none of them numbered
            assert len(logged) == expected["counts"]["documents"] > 0
            assert {number for _kind, number in logged} == {None}
            assert next_numbers(session, 2026, 1) == ("心〔2026〕0001号",)
    finally:
        ctx.close()
    assert (folder / "backups").is_dir()  # backed up before migrating
