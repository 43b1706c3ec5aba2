"""Rendering, batches, saving and permissions: the PDFs carry the file's facts, a preview is
audited and records nothing, a save writes and logs in one transaction."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from documents_support import SCHOOL, School, audits, make, records
from pypdf import PdfReader

from counselroom.documents.fonts import MissingGlyphs
from counselroom.domain.dates import format_date_zh
from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services import document_numbers
from counselroom.services.documents import (
    BatchCancelled,
    DocumentRequest,
    render_batch,
    render_document,
    render_ledger,
    render_recovery_sheet,
    save_document,
)
from counselroom.services.localtime import local_today
from counselroom.services.roles import PermissionDenied
from counselroom.storage.models import Student


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    yield from make(tmp_path)


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


CASES = [
    ("parent-notice", "li", {}),
    ("escalation-notice", "wang", {"recipient": "moral_education"}),
    ("district-report", "wang", {}),
    ("referral-letter", "wang", {}),
    ("plan", "wang", {}),
    ("return-assessment", "zhao", {}),
    ("closure-report", "qian", {}),
]


@pytest.mark.parametrize(("kind", "key", "extra"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_prints_school_student_date_and_number(
    school: School, kind: str, key: str, extra: dict[str, Any]
) -> None:
    sid = school.ids[key]
    rendered = render_document(school.counsellor, DocumentRequest(kind, sid, **extra))
    text = text_of(rendered.pdf)
    with school.admin.vault.read() as s:
        student = s.get(Student, sid)
        assert student is not None
        name, no = student.name, student.student_no
    for expected in (SCHOOL, name, no, format_date_zh(local_today()), rendered.numbers[0]):
        assert expected is not None and expected in text, (kind, expected)
    assert rendered.kind == kind and rendered.student_ids == (sid,) and rendered.pages >= 1
    assert rendered.template_version == 0 and rendered.font_note.startswith("fonts: ")
    assert getattr(rendered.font_note, "template", "")  # the window translates it
    # a preview is audited (ids only) and records nothing in the file
    assert records(school) == []
    assert audits(school, "document.") == [
        ("document.preview", f"student:{sid}", f"kind={kind} student={sid} documents=1")
    ]


def test_the_referral_letter_is_of_the_live_referral(school: School) -> None:
    rendered = render_document(
        school.counsellor, DocumentRequest("referral-letter", school.ids["wang"])
    )
    text = text_of(rendered.pdf)
    assert "持续失眠" in text and "初诊" not in text  # the withdrawn one is not printed


def test_escalation_to_every_internal_role_in_one_pdf(school: School) -> None:
    sid = school.ids["sun"]
    rendered = render_document(school.counsellor, DocumentRequest("escalation-notice", sid))
    year = local_today().year
    assert rendered.numbers == tuple(f"心〔{year}〕{n:04d}号" for n in range(1, 6))
    assert rendered.student_ids == (sid,) * 5 and len(rendered.titles) == 5
    text = text_of(rendered.pdf)
    for person in ("陈红", "吴敏", "刘强", "周涛", "孙伟"):
        assert person in text


def test_refusals_name_the_student_and_change_nothing(school: School) -> None:
    sid = school.ids["zhang"]
    with pytest.raises(ValidationError) as caught:
        render_document(school.counsellor, DocumentRequest("parent-notice", sid))
    assert str(caught.value).startswith(f"student {sid} (G500101201107083456): no parent-notice")
    assert "tier 0" in str(caught.value)
    with pytest.raises(PermissionDenied):
        render_document(school.viewer, DocumentRequest("parent-notice", school.ids["li"]))
    with pytest.raises(CounselRoomError, match="no student with id 999"):
        render_document(school.counsellor, DocumentRequest("plan", 999))
    assert audits(school, "document.") == []


def test_characters_no_font_draws_are_named(school: School) -> None:
    rare = "\U00031350"  # CJK Extension G: no font on the test machine draws it
    with school.admin.vault.write() as s:
        student = s.get(Student, school.ids["li"])
        assert student is not None
        student.name = f"李{rare}"
    with pytest.raises(MissingGlyphs) as caught:
        render_document(school.counsellor, DocumentRequest("parent-notice", school.ids["li"]))
    assert caught.value.chars == (rare,) and "U+31350" in str(caught.value)
    assert audits(school, "document.") == []


def test_batch_skips_with_reasons_and_reports_progress(school: School) -> None:
    ids = [school.ids[k] for k in ("li", "zhang", "sun", "qian", "zhao")] + [999]
    seen: list[tuple[int, int]] = []
    rendered = render_batch(
        school.counsellor, "parent-notice", ids, progress=lambda d, t: seen.append((d, t))
    )
    assert rendered.student_ids == (school.ids["li"], school.ids["sun"], school.ids["zhao"])
    assert rendered.title == "家长告知书 ×3" and len(set(rendered.numbers)) == 3
    assert [s for s, _why in rendered.skipped] == [school.ids["zhang"], school.ids["qian"], 999]
    # each student twice: facts gathered (1-3), notice laid out (4-6)
    assert seen == [(n, 6) for n in range(1, 7)]
    text = text_of(rendered.pdf)
    assert all(name in text for name in ("李华", "孙丽", "赵敏")) and "张伟" not in text
    # different tiers print different wordings: each document keeps its own template version
    assert rendered.template_versions == (0, 0, 0)
    assert audits(school, "document.")[-1] == (
        "document.preview",
        None,
        "kind=parent-notice students=3 skipped=3",
    )


def test_batch_cancel_and_empty_batch(school: School) -> None:
    with pytest.raises(BatchCancelled):
        render_batch(school.counsellor, "parent-notice", [school.ids["li"]], cancelled=lambda: True)
    with pytest.raises(ValidationError, match="none of the 1 students"):
        render_batch(school.counsellor, "parent-notice", [school.ids["zhang"]])
    with pytest.raises(ValidationError):
        render_batch(school.counsellor, "plan", [school.ids["wang"]])
    assert audits(school, "document.") == []
    heads = render_batch(school.counsellor, "escalation-notice", [school.ids["li"]])
    assert "班主任" in text_of(heads.pdf)


def test_save_writes_and_records_in_one_transaction(school: School, tmp_path: Path) -> None:
    rendered = render_document(school.counsellor, DocumentRequest("plan", school.ids["wang"]))
    target = tmp_path / "out" / "plan.pdf"
    with pytest.raises(ValidationError, match="does not exist"):
        save_document(school.counsellor, rendered, target)
    with pytest.raises(ValidationError, match=r"must end in \.pdf"):
        save_document(school.counsellor, rendered, tmp_path / "plan.txt")
    assert records(school) == [] and not target.exists()
    target.parent.mkdir()
    save_document(school.counsellor, rendered, target)
    assert target.read_bytes() == rendered.pdf
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    number, student, kind, action, sha, version = records(school)[0]
    assert (number, student, kind, action, sha, version) == (
        rendered.numbers[0],
        school.ids["wang"],
        "plan",
        "save",
        rendered.sha256,
        0,
    )
    assert audits(school, "document.save")[0][2] == (
        f"number={number} kind=plan student={student} sha256={rendered.sha256[:12]}"
    )
    with pytest.raises(PermissionDenied):
        save_document(school.viewer, rendered, tmp_path / "viewer.pdf")


def test_a_failed_write_records_nothing(
    school: School, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = render_document(school.counsellor, DocumentRequest("plan", school.ids["wang"]))

    def broken(target: Path, data: bytes) -> None:
        raise CounselRoomError(f"could not write {target}: No space left on device")

    monkeypatch.setattr(document_numbers, "save_file", broken)
    before = audits(school, "")
    with pytest.raises(CounselRoomError, match="No space left"):
        save_document(school.counsellor, rendered, tmp_path / "plan.pdf")
    assert records(school) == [] and audits(school, "") == before


def test_ledger_needs_export_and_names_the_members(school: School) -> None:
    with pytest.raises(PermissionDenied):
        render_ledger(school.viewer, "left_behind")
    rendered = render_ledger(school.counsellor, "left_behind")
    assert rendered.student_ids == (None,) and "李华" in text_of(rendered.pdf)
    assert audits(school, "document.preview")[-1][2] == "kind=ledger group=left_behind rows=1"


def test_recovery_sheet_is_bytes_only() -> None:
    code = "123456-234567-345678-456789-567890-678901-789012-890123"
    pdf = render_recovery_sheet(SCHOOL, "vault-1", code, "admin", "管理员")
    assert pdf.startswith(b"%PDF") and "123456" in text_of(pdf)
