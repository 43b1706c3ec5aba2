"""The file header says where a transferred student went, and where an imported file came from
(read from the transfer records by services/file_records.read_header)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counselroom.services.file_entries import FileHeader, TransferFact
from counselroom.services.file_records import read_header
from counselroom.storage.base import utcnow
from counselroom.storage.models import Student, TransferRecord, TransferStudent
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.header import FileHeaderView
from vault_fixtures import make_vault


def header(transfer: TransferFact | None) -> FileHeader:
    return FileHeader(
        student_id=1, name="张三", student_no="G1", grade="初三", class_label="初三(1)班",
        head_teacher="", tier=1, groups=(), status="transferred", file_state="open",
        next_follow_up=None, transfer=transfer,
    )  # fmt: skip


def test_the_header_names_the_receiving_school_and_the_day(qtbot: QtBot) -> None:
    view = FileHeaderView()
    qtbot.addWidget(view)
    view.set_header(header(TransferFact("export", date(2026, 11, 27), "乙中学")))
    expected = fill(
        QCoreApplication.translate("FileHeaderView", "Transferred out: %1 to %2"),
        labels.day(date(2026, 11, 27)),
        "乙中学",
    )
    assert expected in view.facts_label.text()
    view.set_header(header(TransferFact("import", date(2026, 9, 1), "甲小学")))
    came = fill(
        QCoreApplication.translate("FileHeaderView", "File came from %2 on %1"),
        labels.day(date(2026, 9, 1)),
        "甲小学",
    )
    assert came in view.facts_label.text()
    view.set_header(header(None))
    assert "乙中学" not in view.facts_label.text() and "甲小学" not in view.facts_label.text()


def test_read_header_takes_the_latest_transfer_that_changed_something(tmp_path: Path) -> None:
    ctx, _ = make_vault(tmp_path / "v")
    try:
        with ctx.vault.write() as session:
            student = Student(student_no="G2", name="李四", grade_level=9, status="transferred")
            session.add(student)
            session.flush()
            for n, (direction, school, outcome) in enumerate(
                (
                    ("import", "甲小学", "imported"),
                    ("export", "乙中学", "exported"),
                    ("import", "丙中学", "unchanged"),
                )
            ):
                record = TransferRecord(
                    direction=direction, by_id=ctx.actor.user_id, counterpart=school,
                    purpose="转学", archive_sha256="0" * 64, student_count=1,
                    at=utcnow().replace(microsecond=n),
                )  # fmt: skip
                session.add(record)
                session.flush()
                session.add(
                    TransferStudent(transfer_id=record.id, student_id=student.id, outcome=outcome)
                )
        with ctx.vault.read() as session:
            found = read_header(session, session.scalars(select(Student)).one()).transfer
        assert found is not None and (found.direction, found.school) == ("export", "乙中学")
    finally:
        ctx.close()
