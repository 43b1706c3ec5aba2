"""Chinese words for stored codes as the printed documents say them.

Tier names come from domain/tiers.py, recipient roles from RecipientRole, care groups from
domain/groups.py and gender from domain/printed_labels.py; this module adds the codes those do
not cover (urgency, referral state, closure reason, plan measure roles, transfer method) and the
duty sentence each internal role reads on its 分级通报单. Unknown codes are printed as they are
stored rather than refused: a document must still print when a school adds its own code.
"""

from __future__ import annotations

from counselroom.domain.errors import ValidationError
from counselroom.domain.groups import CareGroup
from counselroom.domain.printed_labels import GENDER_ZH
from counselroom.domain.tiers import RecipientRole, Tier

URGENCY_ZH = {"routine": "常规", "urgent": "紧急", "emergency": "危急"}
REFERRAL_STATE_ZH = {
    "proposed": "拟转介",
    "consent_pending": "待家长同意",
    "consent_given": "家长已同意",
    "consent_refused": "家长不同意",
    "sent": "已转介",
    "seen": "已就诊",
    "feedback": "医院已反馈",
    "closed": "转介已结束",
    "withdrawn": "已撤回",
}
CLOSURE_REASON_ZH = {
    "goals_met": "辅导目标达成",
    "transferred": "转学",
    "graduated": "毕业",
    "referred": "转介并移交",
    "lost": "失去联系",
    "other": "其他",
}
MEASURE_WHO_ZH = {
    "psychology_teacher": "心理教师",
    "head_teacher": "班主任",
    "guardian": "家长",
    "peer_monitor": "心理委员",
    "subject_teacher": "科任教师",
    "subject_teachers": "科任教师",
    "hospital": "医疗机构",
    "other": "其他",
}
TRANSFER_METHOD_ZH = {
    "card": "以贵校学校名片（公钥）加密，只有贵校能够打开",
    "passphrase": "以口令加密；口令另行通过电话或当面告知，不随本函和档案寄送",
}

# What each internal role is asked to do (seed 003 (二)6, (三)7): a duty, not a diagnosis.
_DUTY: dict[str, str] = {
    "head_teacher": "在日常学习生活中留意该生的情绪和行为变化，多给予关心和鼓励，与家长保持沟通；"
    "发现异常及时告知心理辅导室。",
    "subject_teachers": "在课堂上留意该生的状态变化，注意教育方式，不当众批评、不公开施压；"
    "发现异常及时告知班主任和心理辅导室。",
    "moral_education": "统筹协调班主任、心理辅导室和家长的工作，督促各项措施落实到位。",
    "safety_office": "落实校园安全防护措施，加强楼顶、窗台、水域等重点区域巡查，"
    "防止该生接触刀具、药品等危险物品。",
    "vice_principal": "组织协调学校相关部门落实关心和干预措施，督促检查落实情况。",
    "principal": "组织领导本次处置工作，督促各部门落实责任，研究解决需要学校决定的事项。",
}
# Added on tier 3: the student is never left alone and the school acts at once.
_CRISIS_DUTY: dict[str, str] = {
    "head_teacher": "学生在校期间安排专人陪伴，不让学生单独离开；需离校时当面交给家长。",
    "subject_teachers": "课堂上如该生离开教室，立即告知班主任。",
    "moral_education": "协调家长当天到校，并按规定做好上报工作。",
    "safety_office": "必要时安排专人看护，做好应急处置准备。",
    "vice_principal": "立即组织相关人员研判，落实安全保护措施。",
    "principal": "立即组织相关人员研判，落实安全保护措施。",
}
_OTHER_DUTY = "请按学校心理健康工作要求落实相关工作，发现异常及时告知心理辅导室。"


def _role_code(code: str) -> str:
    # Notification tasks store "subject_teacher" while RecipientRole says "subject_teachers".
    return "subject_teachers" if code == "subject_teacher" else code


def gender_zh(code: str) -> str:
    return GENDER_ZH.get(code, "未填")


def tier_zh(tier: int) -> str:
    return Tier.from_code(tier).label_zh


def role_zh(code: str) -> str:
    """A recipient role's printed name; an unknown role is printed as stored."""
    code = _role_code(code)
    try:
        return RecipientRole.from_code(code).label_zh
    except ValidationError:
        return code


def role_duty(code: str, tier: int) -> str:
    """The sentence telling one role what to do; tier 3 adds the same-day safety duty."""
    code = _role_code(code)
    duty = _DUTY.get(code, _OTHER_DUTY)
    if tier >= Tier.CRISIS and code in _CRISIS_DUTY:
        duty += _CRISIS_DUTY[code]
    return duty


def care_group_zh(code: str) -> str:
    try:
        return CareGroup.from_text(code).label_zh
    except ValidationError:
        return code


def word(table: dict[str, str], code: str, missing: str = "—") -> str:
    """The printed word of ``code`` in ``table``; the code itself when unknown, ``missing``
    when empty."""
    if not code:
        return missing
    return table.get(code, code)
