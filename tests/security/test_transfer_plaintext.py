"""A transfer archive and a school card hold no student's name, 学籍号, ID number, phone or
note in clear; the export leaves no plaintext copy anywhere (the vault folder, the target
folder, the temporary folder). Positive control: the same scanner over the archive's decrypted
contents finds the students, so finding nothing in the file proves something."""

from __future__ import annotations

import gzip
import tempfile
from datetime import date
from pathlib import Path

import pyrage

from counselroom.services.demo import create_demo_vault
from counselroom.services.school_cards import trust_card
from counselroom.services.school_identity import export_card, own_keys
from counselroom.services.transfer_export import ExportRequest, all_students, export_students
from plaintext_scanner import automaton, needles, scan
from vault_fixtures import CHEAP, make_vault


def test_archive_and_card_hold_no_personal_data_in_clear(tmp_path: Path) -> None:
    ctx, _, _ = create_demo_vault(tmp_path / "a", 80, seed=9, kdf=CHEAP, today=date(2026, 11, 20))
    receiver, _ = make_vault(tmp_path / "b", "乙中学")
    out = tmp_path / "out"
    out.mkdir()
    temp_before = set(Path(tempfile.gettempdir()).iterdir())
    try:
        words = needles(ctx)
        assert len(words) > 200
        auto = automaton(words)
        with receiver.vault.read() as session:
            identity = own_keys(session).age_identity
            card = own_keys(session).card
        card_id = trust_card(ctx, card).id
        archive = out / "school.crx"
        request = ExportRequest(all_students(ctx), "转学", "同意书 9", card_id=card_id)
        export_students(ctx, request, archive)
        export_card(ctx, out / "card.crcard")
    finally:
        ctx.close()
        receiver.close()
    assert sorted(p.name for p in out.iterdir()) == ["card.crcard", "school.crx"]
    assert scan(auto, [archive, out / "card.crcard"]) == []
    assert scan(auto, sorted((tmp_path / "a").iterdir())) == []
    new_temp = [p for p in set(Path(tempfile.gettempdir()).iterdir()) - temp_before if p.is_file()]
    assert scan(auto, new_temp) == []

    control = tmp_path / "decrypted.tar"
    plain = pyrage.decrypt(archive.read_bytes(), [pyrage.x25519.Identity.from_str(identity)])
    control.write_bytes(gzip.decompress(plain))
    found = {word for _name, word, _encoding in scan(auto, [control])}
    assert len(found) > len(words) // 2  # the archive holds the school, only not in clear
