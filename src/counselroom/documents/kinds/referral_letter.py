"""转介函 to a hospital or service, with the feedback slip (回执) the hospital fills in.

The reason is what the school observed — counsellors do not diagnose (精神卫生法 23). The slip
asks the date seen and the advice to the school; a diagnosis is written only if the family
agrees, and the slip says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from counselroom.documents.data import ReferralLetterData
from counselroom.documents.kinds import common
from counselroom.documents.model import Block, Document, Fields, SectionTitle, SignLines, TearOff
from counselroom.documents.printed_words import URGENCY_ZH, word

KIND = "referral-letter"
_BLANK_DATE = "________年____月____日"


def key(data: ReferralLetterData) -> str:
    return KIND


def _consent(data: ReferralLetterData) -> str:
    if data.consent_on is None:
        return "尚未取得"
    who = f"（{data.consent_by}）" if data.consent_by.strip() else ""
    return f"{common.date_zh(data.consent_on)}{who}"


def values(data: ReferralLetterData) -> dict[str, str]:
    return {
        **common.issue_values(data.school, data.issue),
        **common.student_values(data.student),
        "出生日期": common.date_zh(data.student.birth_date),
        "转介机构": data.institution,
        "转介原因": common.or_missing(data.reason),
        "紧急程度": word(URGENCY_ZH, data.urgency),
        "家长同意日期": common.date_zh(data.consent_on, "尚未取得"),
        "同意人": common.or_missing(data.consent_by),
    }


def _slip(data: ReferralLetterData, text: str) -> TearOff:
    rows = (
        ("学生姓名", data.student.name),
        ("学籍号", common.or_missing(data.student.student_no)),
        ("转介函编号", data.issue.number),
        ("就诊日期", _BLANK_DATE),
        ("对学校的建议", "\n\n\n"),
        ("家长是否同意告知诊断", "□同意　　□不同意"),
        ("诊断信息（家长同意后填写）", "\n\n"),
    )
    blocks: list[Block] = [
        *common.paragraphs(text),
        Fields(rows, columns=1),
        SignLines(("接诊医生", "日期")),
        SignLines(("医疗机构盖章",)),
    ]
    return TearOff("转介反馈回执", tuple(blocks))


def build(
    data: ReferralLetterData, parts: Mapping[str, str], template_version: int | None
) -> Document:
    filled = values(data)
    title = common.heading(parts, filled)
    facts = (
        ("转介机构", data.institution),
        ("紧急程度", filled["紧急程度"]),
        ("转介原因（学校观察到的情况）", filled["转介原因"]),
        ("提出转介日期", common.date_zh(data.proposed_on)),
        ("监护人知情同意", _consent(data)),
        ("学校联系人", f"{filled['辅导老师']}（{filled['联系电话']}）"),
    )
    blocks: list[Block] = [
        title,
        common.addressee(data.institution),
        *common.paragraphs(common.filled(parts, "body", filled)),
        SectionTitle("一、学生基本情况"),
        common.student_fields(data.student),
        SectionTitle("二、转介情况"),
        Fields(facts, columns=1),
        *common.note_blocks(data.note),
        common.signature(data.school, data.issue, "心理辅导室"),
        _slip(data, common.filled(parts, "receipt", filled)),
    ]
    head = common.running_head(data.school, data.issue, title.text)
    return common.document(KIND, head, tuple(blocks), template_version)
