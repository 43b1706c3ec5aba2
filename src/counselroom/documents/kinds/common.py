"""Pieces every kind uses: placeholder values, the student grid, dates, paragraphs, signature.

Blank lines in a template part separate paragraphs; a paragraph whose first line is a short
"一、…" heading prints that line as a section title (GB/T 9704 一级标题), so a school can add a
section by typing one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from counselroom.documents.data import Issue, SchoolInfo, StudentInfo
from counselroom.documents.model import (
    Block,
    Document,
    Fields,
    Heading,
    Para,
    RunningHead,
    SectionTitle,
    Signature,
)
from counselroom.documents.printed_words import gender_zh
from counselroom.documents.templates import TemplateError, fill
from counselroom.domain.dates import format_date_zh

MISSING = "—"
_SECTION = re.compile(r"^[一二三四五六七八九十]+、")
_SECTION_MAX = 30  # longer "一、…" lines are sentences of a list, not headings


def date_zh(d: date | None, missing: str = MISSING) -> str:
    """2026年11月22日 (no leading zeros), or ``missing`` when there is no date."""
    return missing if d is None else format_date_zh(d)


def datetime_zh(moment: datetime | None, missing: str = MISSING) -> str:
    """2026年11月22日 15:30 — deadlines that fall within the day need the time."""
    if moment is None:
        return missing
    return f"{format_date_zh(moment.date())} {moment:%H:%M}"


def or_missing(text: str | None, missing: str = MISSING) -> str:
    return text.strip() if text and text.strip() else missing


def counsellor(issue: Issue) -> str:
    return staff_name(issue.counsellor or issue.by)


def staff_name(name: str) -> str:
    """A staff member's name without a trailing 老师: the wording adds it ("{班主任}老师"),
    and schools often enter display names such as 林心怡老师."""
    name = name.strip()
    return name[: -len("老师")].strip() or name if name.endswith("老师") else name


def issue_values(school: SchoolInfo, issue: Issue) -> dict[str, str]:
    return {
        "学校名称": school.name,
        "学校电话": or_missing(school.phone),
        "日期": date_zh(issue.on),
        "文书编号": issue.number,
        "辅导老师": counsellor(issue),
        "联系电话": or_missing(issue.phone or school.phone),
    }


def student_values(student: StudentInfo) -> dict[str, str]:
    return {
        "学生姓名": student.name,
        "性别": gender_zh(student.gender),
        "年级": or_missing(student.grade),
        "班级": or_missing(student.class_label),
        "班主任": or_missing(staff_name(student.head_teacher)),
        "学籍号": or_missing(student.student_no),
    }


def student_fields(student: StudentInfo) -> Fields:
    """The student grid of every document about one student."""
    return Fields(
        (
            ("姓名", student.name),
            ("学籍号", or_missing(student.student_no)),
            ("性别", gender_zh(student.gender)),
            ("出生日期", date_zh(student.birth_date)),
            ("班级", or_missing(student.class_label)),
            ("班主任", or_missing(student.head_teacher)),
        )
    )


def running_head(school: SchoolInfo, issue: Issue, title: str) -> RunningHead:
    return RunningHead(school.name, title, issue.number, issue.by, issue.at)


def part(parts: Mapping[str, str], name: str) -> str:
    if name not in parts:
        raise TemplateError(f"{name}: the part is missing", part=name)
    return parts[name]


def filled(parts: Mapping[str, str], name: str, values: Mapping[str, str]) -> str:
    """One template part filled; the error names the part when a value is missing."""
    try:
        return fill(part(parts, name), values)
    except TemplateError as error:
        raise TemplateError(
            f"{name}, {error.message}", part=name, line=error.line, placeholder=error.placeholder
        ) from None


def paragraphs(text: str) -> tuple[Block, ...]:
    """Filled text as blocks: paragraphs at blank lines, "一、" first lines as section titles."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n(?:[ \t\u3000]*\n)+", text):
        chunk = chunk.strip("\n")
        if not chunk.strip():
            continue
        first, _, rest = chunk.partition("\n")
        if _SECTION.match(first.strip()) and len(first.strip()) <= _SECTION_MAX:
            blocks.append(SectionTitle(first.strip()))
            if rest.strip():
                blocks.append(Para(rest))
        else:
            blocks.append(Para(chunk))
    return tuple(blocks)


def heading(parts: Mapping[str, str], values: Mapping[str, str], subtitle: str = "") -> Heading:
    return Heading(filled(parts, "title", values).strip(), subtitle)


def addressee(text: str) -> Para:
    return Para(f"{text}：", indent=False, align="left")


def note_blocks(note: str, label: str = "辅导老师补充说明") -> tuple[Block, ...]:
    """The counsellor's own words for this document, under a label; nothing when empty."""
    if not note.strip():
        return ()
    return (Para(f"{label}：", indent=False, bold=True), Para(note.strip()))


def text_section(title: str, text: str, missing: str = "无") -> tuple[Block, ...]:
    """A numbered section holding free text the counsellor wrote (plan, closure, return)."""
    return (SectionTitle(title), Para(or_missing(text, missing)))


def signature(school: SchoolInfo, issue: Issue, *extra: str) -> Signature:
    return Signature((school.name, *extra, date_zh(issue.on)))


def document(
    kind: str,
    head: RunningHead,
    blocks: tuple[Block, ...],
    template_version: int | None,
) -> Document:
    return Document(head=head, blocks=blocks, template_version=template_version, kind=kind)
