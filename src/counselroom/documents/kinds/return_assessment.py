"""复学评估表 and return plan (愈后复学, seed 003 (三)8): the papers, the assessment, the
meeting, and who watches the student in the first weeks back; signed by those present."""

from __future__ import annotations

from collections.abc import Mapping

from counselroom.documents.data import ReturnAssessmentData
from counselroom.documents.kinds import common
from counselroom.documents.model import Block, Document, Fields, SectionTitle, SignLines

KIND = "return-assessment"


def key(data: ReturnAssessmentData) -> str:
    return KIND


def values(data: ReturnAssessmentData) -> dict[str, str]:
    return {
        **common.issue_values(data.school, data.issue),
        **common.student_values(data.student),
        "休学日期": common.date_zh(data.leave_from),
        "复学日期": common.date_zh(data.returned_on),
    }


def _recovery(data: ReturnAssessmentData) -> str:
    if data.recovery_certificate.strip():
        return data.recovery_certificate.strip()
    reason = data.missing_certificate_reason.strip()
    return f"未提供（{reason}）" if reason else "未提供"


def build(
    data: ReturnAssessmentData, parts: Mapping[str, str], template_version: int | None
) -> Document:
    filled = values(data)
    title = common.heading(parts, filled)
    papers = Fields(
        (
            ("休学日期", filled["休学日期"]),
            ("休学原因", common.or_missing(data.leave_reason)),
            ("休学证明", common.or_missing(data.leave_certificate)),
            ("复学申请日期", common.date_zh(data.application_on, "未提交")),
            ("康复证明", _recovery(data)),
            ("复学会商日期", common.date_zh(data.meeting_on, "未召开")),
            ("复学日期", filled["复学日期"]),
            ("重点跟踪至", common.date_zh(data.close_follow_up_until)),
        ),
        columns=1,
    )
    arrangement = Fields(
        (
            ("重点关注人", common.or_missing(data.watchers)),
            ("心理辅导频次", common.or_missing(data.session_frequency)),
        ),
        columns=1,
    )
    blocks: list[Block] = [
        title,
        *common.paragraphs(common.filled(parts, "body", filled)),
        common.student_fields(data.student),
        SectionTitle("一、复学材料"),
        papers,
        *common.text_section("二、心理辅导室评估意见", data.assessment),
        *common.text_section("三、复学安排", data.return_plan),
        arrangement,
        SignLines(("家长签名", "班主任签名")),
        SignLines(("心理教师签名", "德育处签名")),
        common.signature(data.school, data.issue, "心理辅导室"),
    ]
    head = common.running_head(data.school, data.issue, title.text)
    return common.document(KIND, head, tuple(blocks), template_version)
