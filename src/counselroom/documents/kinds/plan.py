"""一生一策方案: the current plan version, as the people who carry it out read it."""

from __future__ import annotations

from collections.abc import Mapping

from counselroom.documents.data import PlanData
from counselroom.documents.kinds import common
from counselroom.documents.model import Block, Document, Fields, SectionTitle, Table
from counselroom.documents.printed_words import MEASURE_WHO_ZH, tier_zh, word

KIND = "plan"


def key(data: PlanData) -> str:
    return KIND


def values(data: PlanData) -> dict[str, str]:
    return {
        **common.issue_values(data.school, data.issue),
        **common.student_values(data.student),
        "分级名称": tier_zh(data.tier),
        "方案版本": f"第{data.version}版",
        "制定日期": common.date_zh(data.made_on),
        "制定人": common.or_missing(data.made_by),
        "复查日期": common.date_zh(data.review_on),
    }


def build(data: PlanData, parts: Mapping[str, str], template_version: int | None) -> Document:
    filled = values(data)
    title = common.heading(parts, filled)
    facts = Fields(
        (
            ("分级", filled["分级名称"]),
            ("方案版本", filled["方案版本"]),
            ("制定日期", filled["制定日期"]),
            ("制定人", filled["制定人"]),
            ("复查日期", filled["复查日期"]),
            ("辅导老师", filled["辅导老师"]),
        )
    )
    measures = Table(
        ("负责方", "负责人", "措施内容", "频次"),
        tuple((word(MEASURE_WHO_ZH, m.who), m.person, m.what, m.frequency) for m in data.measures),
        widths=(1.2, 1.2, 4.0, 1.2),
    )
    blocks: list[Block] = [
        title,
        *common.paragraphs(common.filled(parts, "body", filled)),
        common.student_fields(data.student),
        facts,
        *common.text_section("一、情况评估", data.assessment),
        *common.text_section("二、风险因素", data.risk_factors),
        *common.text_section("三、保护因素", data.protective_factors),
        *common.text_section("四、辅导目标", data.goals),
        SectionTitle("五、干预措施"),
        measures,
    ]
    if data.change_note.strip():
        blocks += common.text_section("六、本版修改说明", data.change_note)
    blocks.append(common.signature(data.school, data.issue, "心理辅导室"))
    head = common.running_head(data.school, data.issue, title.text)
    return common.document(KIND, head, tuple(blocks), template_version)
