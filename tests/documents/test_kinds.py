"""Every kind built from the fictional samples prints what its paper must carry.

The text is read from the blocks as the renderer prints them (running head, headings, grids,
tables, the tear-off slip), so a fact missing here is missing on paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from counselroom.documents.data import ParentNoticeData, StudentInfo
from counselroom.documents.kinds import (
    build,
    sample_document,
    template_key_for,
    template_values,
)
from counselroom.documents.kinds import samples as S
from counselroom.documents.kinds.common import date_zh, paragraphs, student_fields
from counselroom.documents.model import (
    Block,
    Document,
    Fields,
    Heading,
    Para,
    QRCode,
    SectionTitle,
    Signature,
    SignLines,
    Table,
    TearOff,
)
from counselroom.documents.templates import DEFAULT_TEMPLATES, TEMPLATE_SPECS, TemplateError
from counselroom.domain.errors import ValidationError

KEYS = list(TEMPLATE_SPECS)
STUDENT_KEYS = [k for k in KEYS if k not in ("ledger", "recovery-sheet", "transfer-letter")]
TODAY = "2026年11月22日"


def block_strings(block: Block) -> Iterator[str]:
    match block:
        case Heading(text=text, subtitle=subtitle):
            yield from (text, subtitle)
        case Para(text=text) | SectionTitle(text=text):
            yield text
        case Fields(rows=rows):
            for label, value in rows:
                yield from (label, value)
        case Table(headers=headers, rows=rows, empty_text=empty):
            yield from headers
            for row in rows:
                yield from row
            if not rows:
                yield empty
        case Signature(lines=lines):
            yield from lines
        case SignLines(labels=labels):
            yield from labels
        case QRCode(caption=caption):
            yield caption
        case TearOff(title=title, blocks=blocks):
            yield title
            for inner in blocks:
                yield from block_strings(inner)


def text_of(doc: Document) -> str:
    head = doc.head
    strings = [head.school, head.title, head.number, head.confidential]
    for block in doc.blocks:
        strings.extend(block_strings(block))
    return "\n".join(strings)


def sample(key: str) -> Document:
    return sample_document(key, DEFAULT_TEMPLATES[key])


def tear_offs(doc: Document) -> list[TearOff]:
    return [b for b in doc.blocks if isinstance(b, TearOff)]


@pytest.mark.parametrize("key", KEYS)
def test_every_kind_prints_school_date_number_and_head(key: str) -> None:
    doc = sample(key)
    text = text_of(doc)
    assert S.SCHOOL.name in text and TODAY in text and S.ISSUE.number in text
    assert doc.head.school == S.SCHOOL.name and doc.head.number == S.ISSUE.number
    assert doc.head.printed_by == S.ISSUE.by and doc.head.printed_at == S.ISSUE.at
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text in doc.head.title
    assert any(isinstance(b, Signature) and TODAY in b.lines for b in doc.blocks)
    assert doc.template_version is None and doc.kind
    assert "{" not in text and "}" not in text  # every placeholder was filled


@pytest.mark.parametrize("key", STUDENT_KEYS)
def test_every_student_kind_prints_the_student_grid(key: str) -> None:
    doc = sample(key)
    text = text_of(doc)
    for fact in (S.STUDENT.name, S.STUDENT.student_no, S.STUDENT.class_label, "2011年3月15日"):
        assert fact and fact in text, fact
    assert student_fields(S.STUDENT) in doc.blocks


def test_ledger_and_transfer_letter_list_every_student() -> None:
    ledger = text_of(sample("ledger"))
    for line in S.ledger().lines:
        assert line.name in ledger and line.student_no in ledger
    assert "留守儿童" in ledger and "张小明" in ledger
    letter = text_of(sample("transfer-letter"))
    for student in S.transfer_letter().students:
        assert student.name in letter and (student.student_no or "") in letter
    assert "示例市第二中学" in letter


@pytest.mark.parametrize("key", KEYS)
def test_build_dispatches_on_the_data_and_records_the_template_version(key: str) -> None:
    data = S.sample_data(key)
    assert template_key_for(data) == key
    assert set(template_values(data)) == set(TEMPLATE_SPECS[key].placeholders)
    doc = build(data, DEFAULT_TEMPLATES[key], template_version=4)
    assert doc.template_version == 4
    assert text_of(doc) == text_of(sample(key))


def test_kind_names_are_the_cli_kinds() -> None:
    kinds = {key: sample(key).kind for key in KEYS}
    assert kinds["parent-notice-2"] == "parent-notice"
    assert kinds["escalation-notice-3"] == "escalation-notice"
    assert kinds["district-report"] == "district-report"
    assert kinds["referral-letter"] == "referral-letter"
    assert kinds["closure-report"] == "closure-report"


def test_edited_wording_is_what_prints() -> None:
    parts = {
        "title": "致{学生姓名}同学家长的一封信",
        "body": "第一段，{班主任}老师。\n\n一、我们的安排\n请拨打{联系电话}。\n\n{{括号}}",
        "receipt": "已收到（{文书编号}）",
    }
    doc = sample_document("parent-notice-1", parts)
    assert doc.blocks[0] == Heading("致张小明同学家长的一封信")
    assert doc.head.title == "致张小明同学家长的一封信"
    assert Para("第一段，李华老师。") in doc.blocks
    assert SectionTitle("一、我们的安排") in doc.blocks
    assert Para("请拨打023-6000 1234。") in doc.blocks
    assert Para("{括号}") in doc.blocks
    (slip,) = tear_offs(doc)
    assert Para(f"已收到（{S.ISSUE.number}）") in slip.blocks


def test_sample_document_checks_the_parts() -> None:
    with pytest.raises(TemplateError) as caught:
        sample_document(
            "parent-notice-1", {**DEFAULT_TEMPLATES["parent-notice-1"], "body": "{分数}"}
        )
    assert caught.value.placeholder == "分数" and caught.value.part == "body"


def test_paragraphs_split_at_blank_lines_and_find_section_titles() -> None:
    blocks = paragraphs("甲\n乙\n\n  \n二、安排\n丙\n\n三、联系\n\n" + "一、" + "长" * 40)
    assert blocks == (
        Para("甲\n乙"),
        SectionTitle("二、安排"),
        Para("丙"),
        SectionTitle("三、联系"),
        Para("一、" + "长" * 40),  # a long "一、" line is a sentence, not a heading
    )


def test_dates_and_gender_as_printed() -> None:
    assert date_zh(date(2026, 11, 22)) == "2026年11月22日"
    assert date_zh(date(2027, 1, 5)) == "2027年1月5日"
    assert date_zh(None) == "—" and date_zh(None, "未填") == "未填"
    grid = {
        code: dict(student_fields(replace(S.STUDENT, gender=code)).rows)["性别"]
        for code in ("M", "F", "U")
    }
    assert grid == {"M": "男", "F": "女", "U": "未填"}


def test_a_student_without_number_or_birth_date_still_prints() -> None:
    student: StudentInfo = replace(S.STUDENT, student_no=None, birth_date=None, head_teacher="")
    doc = build(ParentNoticeData(S.SCHOOL, student, S.ISSUE, 1), DEFAULT_TEMPLATES[
        "parent-notice-1"], template_version=None)  # fmt: skip
    rows = dict(student_fields(student).rows)
    assert rows["学籍号"] == "—" and rows["出生日期"] == "—" and rows["班主任"] == "—"
    assert student_fields(student) in doc.blocks


def test_the_counsellors_note_is_its_own_labelled_paragraph_only_when_given() -> None:
    data = S.parent_notice(2)
    with_note = build(data, DEFAULT_TEMPLATES["parent-notice-2"], template_version=None)
    assert Para(data.note) in with_note.blocks
    labels = [b for b in with_note.blocks if isinstance(b, Para) and b.bold]
    assert labels and labels[0].text.endswith("：")
    without = build(replace(data, note="  "), DEFAULT_TEMPLATES["parent-notice-2"],
                    template_version=None)  # fmt: skip
    assert len(without.blocks) == len(with_note.blocks) - 2
    assert not [b for b in without.blocks if isinstance(b, Para) and b.bold]


def test_tier_zero_gets_no_parent_notice() -> None:
    with pytest.raises(ValidationError, match="tier"):
        build(replace(S.parent_notice(1), tier=0), DEFAULT_TEMPLATES["parent-notice-1"],
              template_version=None)  # fmt: skip


def test_unknown_data_is_refused() -> None:
    with pytest.raises(TypeError, match="StudentInfo"):
        build(S.STUDENT, {}, template_version=None)  # type: ignore[arg-type]
