"""分级通报单 to one school role, and the 上报单 to the district (EscalationData with role
"district").

Both are internal: they carry the tier, the decision date and the counsellor's reason. The
facts are printed in a grid whatever the wording says, so an edited template cannot drop the
duty or the deadline; the template holds the sentences around them.
"""

from __future__ import annotations

from collections.abc import Mapping

from counselroom.documents.data import EscalationData, Measure
from counselroom.documents.kinds import common
from counselroom.documents.model import Block, Document, Fields, SectionTitle, Table
from counselroom.documents.printed_words import (
    MEASURE_WHO_ZH,
    REFERRAL_STATE_ZH,
    role_duty,
    role_zh,
    tier_zh,
    word,
)
from counselroom.documents.templates import template_key

NOTICE = "escalation-notice"
REPORT = "district-report"
DISTRICT = "district"
NO_DEADLINE = "收到后尽快"


def is_report(data: EscalationData) -> bool:
    return data.role == DISTRICT


def key(data: EscalationData) -> str:
    return REPORT if is_report(data) else template_key(NOTICE, data.tier)


def _district_name(data: EscalationData) -> str:
    district = data.school.district.strip()
    return f"{district}教育部门" if district else role_zh(DISTRICT)


def values(data: EscalationData) -> dict[str, str]:
    common_values = {
        **common.issue_values(data.school, data.issue),
        **common.student_values(data.student),
        "分级名称": tier_zh(data.tier),
        "认定日期": common.date_zh(data.tier_since),
        "认定原因": common.or_missing(data.reason),
    }
    if is_report(data):
        return {
            **common_values,
            "上报单位": _district_name(data),
            "家长告知日期": common.date_zh(data.guardian_informed, "尚未告知"),
            "转介状态": word(REFERRAL_STATE_ZH, data.referral_state, "未转介"),
        }
    return {
        **common_values,
        "通报对象": role_zh(data.role),
        "接收人": common.or_missing(common.staff_name(data.person), ""),
        "工作要求": role_duty(data.role, data.tier),
        "完成时限": common.datetime_zh(data.due, NO_DEADLINE),
    }


def _measures(measures: tuple[Measure, ...]) -> Table:
    return Table(
        ("负责方", "负责人", "措施", "频次"),
        tuple((word(MEASURE_WHO_ZH, m.who), m.person, m.what, m.frequency) for m in measures),
        widths=(1.2, 1.2, 4.0, 1.2),
        empty_text="（尚未制定）",
    )


def _decision_rows(data: EscalationData, filled: Mapping[str, str]) -> list[tuple[str, str]]:
    rows = [
        ("分级", filled["分级名称"]),
        ("认定日期", filled["认定日期"]),
        ("认定原因", filled["认定原因"]),
    ]
    if data.evidence.strip():
        rows.append(("认定依据", data.evidence.strip()))
    return rows


def _notice_blocks(data: EscalationData, filled: Mapping[str, str]) -> list[Block]:
    person = filled["接收人"]
    to = f"{person}老师（{filled['通报对象']}）" if person else filled["通报对象"]
    rows = [
        *_decision_rows(data, filled),
        ("通报对象", to),
        ("完成时限", filled["完成时限"]),
        ("工作要求", filled["工作要求"]),
    ]
    return [common.addressee(to), Fields(tuple(rows), columns=1)]


def _report_blocks(data: EscalationData, filled: Mapping[str, str]) -> list[Block]:
    contact = f"{filled['辅导老师']}（{filled['联系电话']}）"
    rows = [
        ("学校", data.school.name),
        ("学校代码", common.or_missing(data.school.code)),
        *_decision_rows(data, filled),
        ("家长告知日期", filled["家长告知日期"]),
        ("转介情况", filled["转介状态"]),
        ("学校联系人", contact),
    ]
    return [common.addressee(filled["上报单位"]), Fields(tuple(rows), columns=1)]


def build(data: EscalationData, parts: Mapping[str, str], template_version: int | None) -> Document:
    report = is_report(data)
    filled = values(data)
    subtitle = "" if report else f"（通报对象：{filled['通报对象']}）"
    title = common.heading(parts, filled, subtitle)
    facts = _report_blocks(data, filled) if report else _notice_blocks(data, filled)
    blocks: list[Block] = [
        title,
        facts[0],
        *common.paragraphs(common.filled(parts, "body", filled)),
        SectionTitle("一、学生基本情况"),
        common.student_fields(data.student),
        SectionTitle("二、分级认定与工作要求" if not report else "二、分级认定与处置情况"),
        *facts[1:],
    ]
    if data.measures or report:
        blocks += [SectionTitle("三、已采取的措施"), _measures(data.measures)]
    blocks += [
        *common.note_blocks(data.note),
        common.signature(data.school, data.issue, "心理辅导室"),
    ]
    head = common.running_head(data.school, data.issue, title.text)
    return common.document(REPORT if report else NOTICE, head, tuple(blocks), template_version)
