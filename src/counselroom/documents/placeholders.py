"""Which placeholders each template accepts.

A placeholder names one fact the kind fills in ({学生姓名}); a template may use any of its key's
placeholders, in any order, or none. The lists are deliberate: parent notices accept no tier
name, reason or score, so a school editing its wording cannot put a label on a child in a letter
to the family (DOMAIN.md "Home–school work"), and the transfer letter has no passphrase.
"""

from __future__ import annotations

# Every document that carries the school's wording.
ISSUE = ("学校名称", "学校电话", "日期", "文书编号", "辅导老师", "联系电话")
# Every document about one student.
STUDENT = ("学生姓名", "性别", "年级", "班级", "班主任", "学籍号")
# Internal documents about a tier decision (never sent to the family).
DECISION = ("分级名称", "认定日期", "认定原因")

PARENT_NOTICE = (*ISSUE, *STUDENT, "家长称呼")
ESCALATION = (*ISSUE, *STUDENT, *DECISION, "通报对象", "接收人", "工作要求", "完成时限")
DISTRICT_REPORT = (*ISSUE, *STUDENT, *DECISION, "上报单位", "家长告知日期", "转介状态")
REFERRAL_LETTER = (
    *ISSUE,
    *STUDENT,
    "出生日期",
    "转介机构",
    "转介原因",
    "紧急程度",
    "家长同意日期",
    "同意人",
)
PLAN = (*ISSUE, *STUDENT, "分级名称", "方案版本", "制定日期", "制定人", "复查日期")
RETURN_ASSESSMENT = (*ISSUE, *STUDENT, "休学日期", "复学日期")
CLOSURE_REPORT = (*ISSUE, *STUDENT, "建档日期", "结案日期", "结案原因", "辅导次数")
LEDGER = (*ISSUE, "关爱群体", "人数")
RECOVERY_SHEET = ("学校名称", "日期", "文书编号", "管理员", "保险库编号")
TRANSFER_LETTER = (*ISSUE, "接收学校", "学生人数", "转接目的", "同意依据", "传输方式")

BY_KEY: dict[str, tuple[str, ...]] = {
    **{f"parent-notice-{tier}": PARENT_NOTICE for tier in (1, 2, 3)},
    **{f"escalation-notice-{tier}": ESCALATION for tier in (1, 2, 3)},
    "district-report": DISTRICT_REPORT,
    "referral-letter": REFERRAL_LETTER,
    "plan": PLAN,
    "return-assessment": RETURN_ASSESSMENT,
    "closure-report": CLOSURE_REPORT,
    "ledger": LEDGER,
    "recovery-sheet": RECOVERY_SHEET,
    "transfer-letter": TRANSFER_LETTER,
}
