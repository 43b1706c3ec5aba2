"""Printing leaves no personal data behind: not in the vault folder, not in the config and data
folders, not in a temporary file. Only the PDF the user saves holds it (and that is audited).

A counsellor previews, prints (recorded) and saves parent notices and a plan for students of a
demo school; then every file under the vault, config and data folders, and every file created
meanwhile in the system's temporary folder, is scanned for the school's names, numbers and
phones in four encodings. The positive control scans a file that holds a name in clear.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from counselroom.services import auth
from counselroom.services.demo import DEMO_PASSWORD, create_demo_vault
from counselroom.services.documents import (
    DocumentRequest,
    document_options,
    record_output,
    render_batch,
    render_document,
    save_document,
)
from counselroom.storage.models import Student
from plaintext_scanner import automaton, needles, scan
from vault_fixtures import CHEAP


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def _temp_files(pytest_root: Path) -> set[Path]:
    """Files in the system's temporary folder, less pytest's own tree (other test workers
    create and delete vaults there while this test runs)."""
    return {p for p in _files(Path(tempfile.gettempdir())) if pytest_root not in p.parents}


def _scan_present(auto: object, paths: set[Path]) -> list[tuple[str, str, str]]:
    """Scan each file that is still there: another program may delete its temporary file
    between the listing and the reading."""
    hits = []
    for path in sorted(paths):
        try:
            hits += scan(auto, [path])  # type: ignore[arg-type]
        except FileNotFoundError:
            continue
    return hits


def test_printing_and_saving_leave_no_plaintext_outside_the_saved_pdf(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    pytest_root = tmp_path_factory.getbasetemp().parent
    folder = tmp_path / "vault"
    made, _, _ = create_demo_vault(folder, 120, seed=5, kdf=CHEAP, today=date(2026, 11, 20))
    made.close()
    ctx = auth.login(folder, "admin", DEMO_PASSWORD)
    with ctx.vault.read() as session:
        tiered = list(
            session.scalars(
                select(Student.id).where(Student.tier >= 1, Student.file_state == "open")
            )
        )
    assert len(tiered) >= 3
    temp_before = _temp_files(pytest_root)
    out = tmp_path / "saved"
    out.mkdir()

    notice = render_document(ctx, DocumentRequest("parent-notice", tiered[0], note="请来电"))
    record_output(ctx, notice, "print")
    save_document(ctx, notice, out / "notice.pdf")
    batch = render_batch(ctx, "parent-notice", tiered[:3])
    record_output(ctx, batch, "print")
    for option in document_options(ctx, tiered[1]):
        if option.available:
            save_document(ctx, render_document(ctx, option.request), out / f"{option.title}.pdf")
    words = needles(ctx)
    ctx.close()

    auto = automaton(words)
    scanned = (
        _files(folder)
        | _files(tmp_path / "config")
        | _files(tmp_path / "data")
        | (_temp_files(pytest_root) - temp_before)
    )
    assert any(p.name == "vault.db" for p in scanned)
    assert _scan_present(auto, scanned) == []

    # positive control: a name written in clear is found by the same scanner
    name = next(word for word in words if not word.isascii())
    control = tmp_path / "control.txt"
    control.write_text(f"… {name} …", encoding="utf-8")
    assert scan(auto, [control]) != []
