"""Migration harness: every saved vault of an earlier revision opens, upgrades and verifies.

`tests/data/vaults/rev<N>/` were written by the program at revision N
(`tests/data/vaults/make_saved_vault.py`). Opening one with this version must back it up if it
is older, migrate it to the head revision, keep every record, and pass `verify`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, table

from counselroom.services import auth
from counselroom.storage import migrate
from counselroom.storage.models import Student
from counselroom.vault.verify import verify_vault

SAVED = Path(__file__).parents[1] / "data" / "vaults"
FOLDERS = sorted(p for p in SAVED.iterdir() if (p / "expected.json").is_file())
# Rows that later migrations add to a vault saved at an earlier revision. 0003 adds the preset
# hotlines a vault lacks: the demo vaults of 0001 and 0002 already list 12355, so two.
ADDED_BY_MIGRATIONS: dict[str, dict[str, int]] = {
    "0001": {"institutions": 2},
    "0002": {"institutions": 2},
}


def test_there_is_a_saved_vault_of_the_current_revision() -> None:
    revisions = {json.loads((p / "expected.json").read_text())["revision"] for p in FOLDERS}
    assert migrate.head_revision() in revisions, (
        "add a saved vault for the new revision: python tests/data/vaults/make_saved_vault.py"
    )


@pytest.mark.parametrize("saved", FOLDERS, ids=[p.name for p in FOLDERS])
def test_saved_vault_opens_migrates_and_keeps_its_records(saved: Path, tmp_path: Path) -> None:
    expected = json.loads((saved / "expected.json").read_text(encoding="utf-8"))
    folder = tmp_path / "vault"
    shutil.copytree(saved, folder)
    ctx = auth.login(folder, expected["user"], expected["password"], record=False)
    try:
        assert verify_vault(ctx.vault) == []
        with ctx.vault.read() as session:
            assert migrate.current_revision(session.connection()) == migrate.head_revision()
            added = ADDED_BY_MIGRATIONS.get(expected["revision"], {})
            for name, saved_count in expected["counts"].items():
                count = saved_count + added.get(name, 0)
                rows = session.scalar(select(func.count()).select_from(table(name)))
                assert rows == count, f"{name}: {rows} rows, expected {count}"
            for student_no, name in expected["students"].items():
                found = session.scalar(select(Student.name).where(Student.student_no == student_no))
                assert found == name
    finally:
        ctx.close()
    migrated = expected["revision"] != migrate.head_revision()
    assert (folder / "backups").exists() == migrated
