"""结案报告: why and when the file closed, what was achieved, and — after a crisis — the
district's closure evaluation (结案评估, seed 004)."""

from __future__ import annotations

from collections.abc import Mapping

from counselroom.documents.data import ClosureReportData
from counselroom.documents.kinds import common
from counselroom.documents.model import Block, Document, Fields
from counselroom.documents.printed_words import CLOSURE_REASON_ZH, tier_zh, word
from counselroom.domain.tiers import Tier

KIND = "closure-report"


def key(data: ClosureReportData) -> str:
    return KIND


def values(data: ClosureReportData) -> dict[str, str]:
    return {
        **common.issue_values(data.school, data.issue),
        **common.student_values(data.student),
        "建档日期": common.date_zh(data.opened_on),
        "结案日期": common.date_zh(data.closed_on),
        "结案原因": word(CLOSURE_REASON_ZH, data.reason),
        "辅导次数": str(data.sessions_count),
    }


def build(
    data: ClosureReportData, parts: Mapping[str, str], template_version: int | None
) -> Document:
    filled = values(data)
    title = common.heading(parts, filled)
    facts = Fields(
        (
            ("建档日期", filled["建档日期"]),
            ("结案日期", filled["结案日期"]),
            ("结案原因", filled["结案原因"]),
            ("曾达最高分级", tier_zh(data.highest_tier)),
            ("辅导次数", f"{data.sessions_count}次"),
            ("结案人", common.or_missing(data.closed_by)),
            ("最近测评结果", common.or_missing(data.last_scores, "无")),
        ),
        columns=1,
    )
    blocks: list[Block] = [
        title,
        *common.paragraphs(common.filled(parts, "body", filled)),
        common.student_fields(data.student),
        facts,
        *common.text_section("一、已达成的目标", data.goals_achieved),
        *common.text_section("二、未达成的目标", data.goals_not_achieved),
        *common.text_section("三、辅导老师评价", data.evaluation),
    ]
    if data.district_evaluation.strip() or data.highest_tier >= Tier.CRISIS:
        blocks += common.text_section("四、区县教育部门结案评估", data.district_evaluation, "待填")
    blocks.append(common.signature(data.school, data.issue, "心理辅导室"))
    head = common.running_head(data.school, data.issue, title.text)
    return common.document(KIND, head, tuple(blocks), template_version)
