"""家长告知书: the letter to the family, with a receipt (回执) to sign and return.

The family reads what the school observed, what it will do and what it asks; the tier decides
only which wording is used (and so how urgent it sounds), never appears on the page. The
counsellor's note for this family is printed under its own label.
"""

from __future__ import annotations

from collections.abc import Mapping

from counselroom.documents.data import ParentNoticeData
from counselroom.documents.kinds import common
from counselroom.documents.model import Block, Document, Fields, SignLines, TearOff
from counselroom.documents.templates import template_key
from counselroom.domain.errors import ValidationError

KIND = "parent-notice"


def key(data: ParentNoticeData) -> str:
    if data.tier not in (1, 2, 3):
        raise ValidationError(
            f"a parent notice is for tiers 1-3; the student is at tier {data.tier}", field="tier"
        )
    return template_key(KIND, data.tier)


def values(data: ParentNoticeData) -> dict[str, str]:
    return {
        **common.issue_values(data.school, data.issue),
        **common.student_values(data.student),
        "家长称呼": f"{data.student.name}同学家长",
    }


def _receipt(data: ParentNoticeData, text: str) -> TearOff:
    blocks: list[Block] = [
        Fields(
            (
                ("学生姓名", data.student.name),
                ("班级", common.or_missing(data.student.class_label)),
                ("文书编号", data.issue.number),
                ("学籍号", common.or_missing(data.student.student_no)),
            )
        ),
        *common.paragraphs(text),
        # The value is room to write in: render turns the line breaks into height.
        Fields((("家长意见或希望学校协助的事项", "\n\n\n"),), columns=1),
        SignLines(("家长签名", "与学生关系")),
        SignLines(("联系电话", "日期")),
    ]
    return TearOff("回执", tuple(blocks))


def build(
    data: ParentNoticeData, parts: Mapping[str, str], template_version: int | None
) -> Document:
    key(data)  # refuses tier 0 before anything is laid out
    filled = values(data)
    title = common.heading(parts, filled)
    blocks: list[Block] = [
        title,
        common.addressee(f"尊敬的{filled['家长称呼']}"),
        *common.paragraphs(common.filled(parts, "body", filled)),
        *common.note_blocks(data.note, "老师想对您说"),
        common.student_fields(data.student),
        common.signature(data.school, data.issue),
        _receipt(data, common.filled(parts, "receipt", filled)),
    ]
    head = common.running_head(data.school, data.issue, title.text)
    return common.document(KIND, head, tuple(blocks), template_version)
