"""A backup file holds no student's name, 学籍号, ID number, phone or note in clear.

The backup of a demo school is scanned (UTF-8, UTF-16, GB18030) as a whole, and so are the
members inside it, unpacked. A positive control: the same scanner over the file made by
`unpack_backup` and exported to plaintext with the data key finds the school, so a scanner
that finds nothing proves something. The vault folder holds no leftover copy afterwards.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from counselroom.services.backups import backup_vault
from counselroom.services.demo import create_demo_vault
from counselroom.storage import engine as storage_engine
from counselroom.transfer.backup_file import unpack_backup
from plaintext_scanner import automaton, needles, scan
from vault_fixtures import CHEAP


def test_a_backup_file_holds_no_personal_data_in_clear(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    ctx, _, _ = create_demo_vault(folder, 120, seed=5, kdf=CHEAP, today=date(2026, 11, 20))
    try:
        words = needles(ctx)
        assert len(words) > 300
        auto = automaton(words)
        file = backup_vault(ctx, tmp_path / "school.crbackup").file
        key = ctx.vault.data_key
        assert sorted(p.name for p in folder.iterdir()) == ["vault.db", "vault.keys", "vault.lock"]
    finally:
        ctx.close()

    assert scan(auto, [file]) == []
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    unpack_backup(file, unpacked)
    assert scan(auto, [unpacked / "vault.db", unpacked / "vault.keys"]) == []

    control = tmp_path / "plaintext-control.db"
    with contextlib.closing(storage_engine.open_raw(unpacked / "vault.db", key)) as conn:
        conn.execute(f"ATTACH DATABASE '{control}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    found = {word for _name, word, _encoding in scan(auto, [control])}
    assert len(found) > len(words) // 2  # the backup holds the school, only not in clear
