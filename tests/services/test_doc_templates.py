"""The school's wording: versions kept, version 0 built in, saves checked, audited and refused
when stale or not an administrator's; renders print the wording in force."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from documents_support import School, audits, make, records
from pypdf import PdfReader
from sqlalchemy import func, select

from counselroom.documents.templates import DEFAULT_TEMPLATES, TEMPLATE_SPECS, TemplateError
from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.services.doc_templates import (
    current_template,
    preview_template,
    save_template,
    template_history,
    template_specs,
)
from counselroom.services.documents import DocumentRequest, record_output, render_document
from counselroom.services.roles import PermissionDenied
from counselroom.storage.models import NoticeTemplate

KEY = "parent-notice-1"
SENTENCE = "请家长本周内到校面谈。"


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    yield from make(tmp_path)


def _edited() -> dict[str, str]:
    parts = dict(DEFAULT_TEMPLATES[KEY])
    parts["body"] = f"{{学生姓名}}同学的家长：\n\n{SENTENCE}"
    return parts


def _stored(school: School) -> int:
    with school.admin.vault.read() as s:
        return int(s.scalar(select(func.count()).select_from(NoticeTemplate)) or 0)


def test_specs_in_menu_order() -> None:
    specs = template_specs()
    assert [s.key for s in specs] == list(TEMPLATE_SPECS)
    assert specs[0].key == "parent-notice-1"


def test_the_built_in_wording_is_version_0(school: School) -> None:
    current = current_template(school.viewer, KEY)
    assert current.version == 0 and current.created_at is None
    assert dict(current.parts)["title"] == DEFAULT_TEMPLATES[KEY]["title"]
    assert [v.version for v in template_history(school.counsellor, KEY)] == [0]
    with pytest.raises(ValidationError) as caught:
        current_template(school.admin, "no-such-template")
    assert caught.value.field == "key"


def test_save_keeps_every_version_and_is_audited(school: School) -> None:
    saved = save_template(school.admin, KEY, _edited(), note="更口语", expected_version=0)
    assert saved.version == 1 and saved.created_by == school.admin.actor.display_name
    assert saved.note == "更口语" and SENTENCE in saved.parts["body"]
    assert current_template(school.counsellor, KEY) == saved
    assert [v.version for v in template_history(school.counsellor, KEY)] == [1, 0]
    assert audits(school, "template.") == [
        ("template.save", f"template:{KEY}", f"key={KEY} version=1")
    ]
    with school.admin.vault.read() as s:
        body = s.scalar(select(NoticeTemplate.body).where(NoticeTemplate.version == 1))
    assert json.loads(body or "{}")["body"] == saved.parts["body"]
    # the same wording again writes nothing
    assert save_template(school.admin, KEY, _edited(), note="", expected_version=1) == saved
    assert _stored(school) == 1 and len(audits(school, "template.")) == 1


def test_a_stale_save_is_refused(school: School) -> None:
    save_template(school.admin, KEY, _edited(), note="", expected_version=0)
    other = {**_edited(), "body": "另一种写法。"}
    with pytest.raises(StaleRecordError, match="version 1 was saved by"):
        save_template(school.admin, KEY, other, note="", expected_version=0)
    assert _stored(school) == 1 and len(audits(school, "template.")) == 1


def test_only_administrators_save(school: School) -> None:
    for ctx in (school.counsellor, school.viewer):
        with pytest.raises(PermissionDenied):
            save_template(ctx, KEY, _edited(), note="", expected_version=0)
    assert _stored(school) == 0


@pytest.mark.parametrize(
    "body",
    [
        "{学生姓名}同学目前为{分级名称}。",  # parent notices never name a tier
        "{学生成绩}",  # no such placeholder
        "未闭合的{学生姓名",
    ],
)
def test_a_refused_wording_changes_nothing(school: School, body: str) -> None:
    with pytest.raises(TemplateError) as caught:
        save_template(school.admin, KEY, {**_edited(), "body": body}, note="", expected_version=0)
    assert caught.value.part == "body"
    assert _stored(school) == 0 and audits(school, "template.") == []
    with pytest.raises(TemplateError):
        preview_template(KEY, {**_edited(), "body": body})


def test_renders_print_the_wording_in_force(school: School) -> None:
    save_template(school.admin, KEY, _edited(), note="", expected_version=0)
    rendered = render_document(
        school.counsellor, DocumentRequest("parent-notice", school.ids["li"])
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered.pdf)).pages)
    assert SENTENCE in text and rendered.template_version == 1
    record_output(school.counsellor, rendered, "print")
    assert records(school)[0][5] == 1  # the log names the wording's version


def test_a_saved_wording_missing_a_newer_part_takes_the_built_in_text(school: School) -> None:
    with school.admin.vault.write() as s:
        s.add(
            NoticeTemplate(kind=KEY, version=1, body=json.dumps({"title": "告知书", "body": "x"}))
        )
    current = current_template(school.counsellor, KEY)
    assert current.parts["title"] == "告知书"
    assert current.parts["receipt"] == DEFAULT_TEMPLATES[KEY]["receipt"]


def test_a_saved_wording_that_no_longer_fits_is_named(school: School) -> None:
    parts = {**DEFAULT_TEMPLATES[KEY], "body": "{已删除的占位符}"}
    with school.admin.vault.write() as s:
        s.add(NoticeTemplate(kind=KEY, version=1, body=json.dumps(parts)))
    with pytest.raises(ValidationError, match=f"template {KEY} version 1"):
        render_document(school.counsellor, DocumentRequest("parent-notice", school.ids["li"]))


def test_preview_renders_sample_data() -> None:
    rendered = preview_template(KEY, _edited())
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered.pdf)).pages)
    assert SENTENCE in text and rendered.student_ids == (None,)
