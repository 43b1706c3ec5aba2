"""文书编号: one sequence per calendar year over all kinds, taken only by recording a document,
and a recording refused when another document took the number meanwhile."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from documents_support import School, audits, make, records

from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.services.document_numbers import (
    RenderedDocument,
    format_number,
    next_numbers,
    parse_number,
    record_output,
)
from counselroom.services.documents import DocumentRequest, render_document
from counselroom.services.localtime import local_today
from counselroom.services.roles import PermissionDenied
from counselroom.storage.models import DocumentRecord


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    yield from make(tmp_path)


def test_format_and_parse() -> None:
    assert format_number(2026, 12) == "心〔2026〕0012号"
    assert format_number(2026, 12345) == "心〔2026〕12345号"
    assert parse_number("心〔2026〕0012号") == (2026, 12)
    assert parse_number("心〔2026〕12345号") == (2026, 12345)
    for text in (None, "", "心〔2026〕12号", "〔2026〕0012号", "心〔26〕0012号", "X〔2026〕0012号"):
        assert parse_number(text) is None
    with pytest.raises(ValueError):
        format_number(2026, 0)


def _log(school: School, *numbers: str | None) -> None:
    with school.admin.vault.write() as s:
        for number in numbers:
            s.add(
                DocumentRecord(
                    kind="plan",
                    title="t",
                    created_by_id=school.admin.actor.user_id,
                    sha256="0" * 64,
                    action="print",
                    number=number,
                )
            )


def _next(school: School, year: int, count: int = 1) -> tuple[str, ...]:
    with school.admin.vault.read() as s:
        return next_numbers(s, year, count)


def test_one_sequence_per_year(school: School) -> None:
    assert _next(school, 2026, 2) == ("心〔2026〕0001号", "心〔2026〕0002号")
    # unnumbered rows (logged before numbers existed) and foreign texts do not count
    _log(school, None, "第3号", "心〔2026〕0003号", "心〔2026〕0010号", "心〔2025〕0099号")
    assert _next(school, 2026) == ("心〔2026〕0011号",)
    assert _next(school, 2025, 2) == ("心〔2025〕0100号", "心〔2025〕0101号")
    assert _next(school, 2027) == ("心〔2027〕0001号",)  # a new year starts again at 1
    # compared as numbers, not as text: 10000 comes after 9999
    _log(school, "心〔2026〕9999号", "心〔2026〕10000号")
    assert _next(school, 2026) == ("心〔2026〕10001号",)


def _rendered(pdf: bytes, *numbers: str, student: int | None = None) -> RenderedDocument:
    return RenderedDocument(
        pdf=pdf,
        kind="plan",
        title="一生一策方案",
        numbers=numbers,
        student_ids=(student,) * len(numbers),
        template_version=0,
        sha256=hashlib.sha256(pdf).hexdigest(),
        pages=1,
        font_note="",
    )


def test_a_preview_takes_no_number_printing_does(school: School) -> None:
    request = DocumentRequest("plan", school.ids["wang"])
    first = render_document(school.counsellor, request)
    again = render_document(school.counsellor, request)
    year = local_today().year
    assert first.numbers == again.numbers == (format_number(year, 1),)
    assert records(school) == []
    record_output(school.counsellor, first, "print")
    assert render_document(school.counsellor, request).numbers == (format_number(year, 2),)


def test_a_number_taken_meanwhile_is_refused(school: School) -> None:
    request = DocumentRequest("plan", school.ids["wang"])
    mine = render_document(school.counsellor, request)
    theirs = render_document(school.admin, request)  # another window, same number
    assert mine.numbers == theirs.numbers and mine.sha256 != theirs.sha256
    record_output(school.admin, theirs, "print")
    before = (records(school), audits(school, "document."))
    with pytest.raises(StaleRecordError, match="prepare the document again"):
        record_output(school.counsellor, mine, "print")
    assert (records(school), audits(school, "document.")) == before
    # the same PDF printed twice is one document with one number
    record_output(school.admin, theirs, "print")
    assert [r[0] for r in records(school)] == [theirs.numbers[0]] * 2


def test_record_output_logs_and_audits_each_document(school: School) -> None:
    sid = school.ids["wang"]
    doc = _rendered(b"%PDF-two", "心〔2026〕0001号", "心〔2026〕0002号", student=sid)
    record_output(school.counsellor, doc, "print")
    rows = records(school)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("心〔2026〕0001号", sid, "plan", "print", doc.sha256),
        ("心〔2026〕0002号", sid, "plan", "print", doc.sha256),
    ]
    entries = audits(school, "document.print")
    assert [(a, t) for a, t, _d in entries] == [("document.print", f"student:{sid}")] * 2
    detail = entries[0][2] or ""
    assert detail == f"number=心〔2026〕0001号 kind=plan student={sid} sha256={doc.sha256[:12]}"
    assert "王小明" not in str(entries)


def test_record_output_refusals(school: School) -> None:
    doc = _rendered(b"%PDF-x", "心〔2026〕0001号")
    with pytest.raises(PermissionDenied):
        record_output(school.viewer, doc, "print")
    with pytest.raises(ValidationError) as caught:
        record_output(school.counsellor, doc, "save")  # saving goes through save_document
    assert caught.value.field == "action"
    forged = RenderedDocument(**{**doc.__dict__, "pdf": b"%PDF-other"})
    with pytest.raises(ValidationError, match="SHA-256"):
        record_output(school.counsellor, forged, "print")
    assert records(school) == [] and audits(school, "document.") == []
