"""No personal data in any byte of the vault folder, in any encoding a program might use.

After `demo --students 1000`, every generated name, 学籍号, ID number, phone number and note
fragment is searched for in UTF-8, UTF-16 (LE and BE) and GB18030 in every file of the folder:
while the vault is open after fresh writes (so the WAL holds the newest pages) and after close.
A positive control runs the same scanner over a plaintext export of the same database and must
find them: a scanner that finds nothing anywhere proves nothing.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from counselroom.services.context import Context
from counselroom.services.demo import create_demo_vault
from counselroom.storage import engine as storage_engine
from counselroom.storage.models import Student
from plaintext_scanner import ENCODINGS, automaton, needles, scan
from vault_fixtures import CHEAP


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Context]:
    folder = tmp_path_factory.mktemp("scan") / "vault"
    ctx, _, _ = create_demo_vault(folder, 1000, seed=11, kdf=CHEAP, today=date(2026, 11, 20))
    return folder, ctx


def test_no_plaintext_while_open_and_after_close(demo: tuple[Path, Context]) -> None:
    folder, ctx = demo
    words = needles(ctx)
    assert len(words) > 3000  # names, numbers, phones, fragments of a 1,000-student school
    auto = automaton(words)
    # Touch every student so the WAL holds freshly written pages with their data. A reader
    # stays connected meanwhile: the last connection to close would checkpoint the WAL away.
    with ctx.vault.read() as reader:
        reader.execute(select(Student.id).limit(1)).all()
        with ctx.vault.write() as session:
            for student in session.scalars(select(Student)):
                student.address = (student.address or "") + " "
        files = [p for p in folder.rglob("*") if p.is_file()]
        assert any(p.name.endswith("-wal") and p.stat().st_size > 0 for p in files)
        assert scan(auto, files) == []
    export = folder.parent / "plaintext-control.db"
    with contextlib.closing(storage_engine.open_raw(folder / "vault.db", ctx.vault.data_key)) as c:
        c.execute(f"ATTACH DATABASE '{export}' AS plain KEY ''")
        c.execute("SELECT sqlcipher_export('plain')")
        c.execute("DETACH DATABASE plain")
    ctx.close()
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"vault.db", "vault.keys"}
    assert scan(auto, files) == []

    # Positive control: the same scanner over a plaintext copy finds the school.
    control = scan(auto, [export])
    found_words = {word for _, word, _ in control}
    assert len(found_words) > 0.9 * len(words)
    assert {enc for _, _, enc in control} >= {"utf-8"}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_scanner_finds_each_encoding(tmp_path: Path, encoding: str) -> None:
    leak = tmp_path / "leak.bin"
    leak.write_bytes(b"\x00junk" + "欧阳娜娜".encode(encoding) + b"junk")
    hits = scan(automaton({"欧阳娜娜", "张三丰"}), [leak])
    assert ("leak.bin", "欧阳娜娜", encoding) in hits
    assert all(word == "欧阳娜娜" for _, word, _ in hits)
