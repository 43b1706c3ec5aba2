"""Wording of the other records: concerns, tier decisions, plans, referrals, leave, closure.

Like the session notes, everything the school writes is descriptive; a diagnosis appears only
as information received from the hospital, with the family's permission to share it.
"""

from __future__ import annotations

CONCERNS = {
    "head_teacher": (
        "班主任反映该生近两周上课常趴在桌上，作业未交。",
        "班主任反映该生与同学发生冲突后独来独往。",
    ),
    "subject_teacher": ("数学老师反映该生课堂上多次流泪。", "语文老师在周记中读到消极内容。"),
    "peer": ("班级心理委员反映该生最近常说“活着没意思”。", "同学反映该生午休时独自哭泣。"),
    "parent": ("家长来电反映孩子在家不愿说话，晚上睡不着。", "家长反映孩子拒绝上学。"),
    "self": ("学生本人到辅导室预约，说最近心情很差。",),
    "hospital": ("合作医院告知：该生近期在院门诊就诊，建议学校关注。",),
    "police": ("派出所告知：该生夜不归宿被找回，请学校关注。",),
    "observation": ("心理教师在团体辅导中观察到该生情绪明显低落。",),
    "other": ("宿管老师反映该生夜间常醒、哭泣。",),
}
SCREENING_CONCERN = "心理测评提示：PHQ-9 总分 {total}{item9}，列入面谈名单。"
SCREENING_OUTCOME_FILE = "已面谈，建立一生一策档案。"
SCREENING_OUTCOME_WATCH = "已面谈，目前无需建档，纳入观察，下次测评复查。"
ITEM9_NOTE = "PHQ-9 第9题非零：当日完成风险评估。"

RAISE_REASONS = {
    1: "面谈中反映持续情绪困扰，影响学习生活，定为一级，跟踪辅导。",
    2: "情绪困扰持续并加重，出现拒学、睡眠明显受影响，定为二级。",
    3: "有自伤念头或行为，定为三级，启动危机干预。",
}
LOWER_REASONS = {
    0: "情绪稳定，学习生活恢复正常，调整为观察。",
    1: "经辅导与家校配合，情况好转，调整为一级。",
    2: "医院治疗后情况稳定，风险下降，调整为二级。",
}
REVIEW_NOTES = (
    "研判：近六周辅导记录、班主任与家长反馈一致，测评分数下降，同意调整。",
    "研判会（心理教师、德育处、班主任）讨论后同意调整，继续跟踪。",
    "研判：医院复诊意见与学校观察一致，风险降低，同意调整。",
)
EVIDENCE = {
    "interview": "面谈记录",
    "screening": "心理测评结果及面谈记录",
    "report": "班主任/家长反映及面谈记录",
    "hospital": "合作医院反馈",
}

PLAN_ASSESSMENT = (
    "学业压力与同伴关系困扰叠加，情绪低落，睡眠受影响。",
    "父母长期在外，情感支持不足，近期情绪波动明显。",
    "家庭变故后情绪低落，对学习兴趣下降。",
    "有自伤念头，已就医，需学校、家庭、医院协同。",
)
RISK_FACTORS = ("长期睡眠不足；同伴支持少", "留守，监护人年迈", "父母关系紧张", "学业压力大")
PROTECTIVE_FACTORS = ("与奶奶关系亲密；喜欢篮球", "有一两个好朋友", "班主任关系好", "家长愿意配合")
GOALS = (
    "两个月内睡眠恢复到每晚7小时以上；能说出两种应对情绪的方法。",
    "按时到校上课；每周至少一次主动与同学交流。",
    "情绪平稳，无自伤行为；按医嘱复诊。",
    "建立合理的复习计划，考试焦虑减轻。",
)
MEASURES = (
    ("psychology_teacher", "个体辅导", "按分级随访"),
    ("head_teacher", "每天观察情绪和出勤，异常当日告知心理教师", "每天"),
    ("guardian", "每周至少两次与孩子谈心，限制晚上手机使用", "每周"),
    ("peer_monitor", "心理委员课间陪伴，发现异常告诉班主任", "每天"),
    ("subject_teacher", "适当调整作业量，多给予肯定", "每周"),
    ("hospital", "按医嘱门诊复诊", "每月"),
)
PLAN_CHANGES = (
    "定级调整，随访频次相应调整。",
    "六周复评：目标部分达成，继续执行。",
    "复学后调整计划，加强过渡期关注。",
    "观察期复评：情况稳定，维持观察，继续由班主任日常关注。",
)

REFERRAL_REASONS = (
    "情绪低落持续，伴睡眠和进食问题，建议专科评估。",
    "有自伤行为，需医学评估与干预。",
    "拒学一月余，家长同意就医评估。",
)
DIAGNOSES = (
    "医院告知（家长同意）：抑郁发作",
    "医院告知（家长同意）：焦虑障碍",
    "医院告知（家长同意）：适应障碍",
    "医院告知（家长同意）：睡眠障碍",
)
TREATMENT = ("门诊药物治疗，每月复诊", "心理治疗，每两周一次", "短期住院后门诊随访")
ADVICE = (
    "在校避免过重学业压力；留意情绪变化，有异常及时联系家长。",
    "可正常上学，体育活动不受限；如有自伤言行立即送医。",
)
FEEDBACK = "医院反馈已收到，已与家长、班主任沟通在校配合事项。"
EVENT_NOTES = {
    "proposed": "心理教师提出转介建议",
    "consent_pending": "已向家长说明，等待知情同意",
    "consent_given": "家长签署知情同意书",
    "consent_refused": "家长暂不同意就医，继续沟通",
    "sent": "经绿色通道预约，转介单已送达",
    "seen": "学生已在医院就诊",
    "feedback": "收到医院反馈",
    "closed": "转介流程结束",
}

LEAVE_CERTIFICATE = "{hospital}诊断证明：建议休学治疗三个月。"
LEAVE_REASON = "病休，遵医嘱在家休养治疗。"
RECOVERY_CERTIFICATE = "{hospital}复诊证明：病情稳定，可以复学。"
RETURN_ASSESSMENT = "复学评估：情绪平稳，作息规律，能说出应对计划；同意复学。"
RETURN_PLAN = "复学后前四周每周个体辅导一次；班主任每日关注；减免部分作业，逐步恢复。"
RETURN_WATCHERS = "班主任、班级心理委员"

PARENT_SUMMARIES = (
    ("phone", "电话告知家长孩子近期在校情况及学校的辅导安排。", "家长同意配合，每周反馈一次。"),
    ("meeting", "家长到校面谈，介绍家中情况。", "约定减少课外补习，保证睡眠。"),
    ("home_visit", "班主任与心理教师家访，了解家庭照护情况。", "祖母同意每天提醒孩子按时作息。"),
    ("message", "通过短信告知下次辅导时间。", ""),
)
GROUP_TOPICS = (
    ("group_counselling", "新生适应团体辅导"),
    ("group_counselling", "情绪管理团体辅导"),
    ("group_counselling", "人际交往团体辅导"),
    ("group_counselling", "考前减压团体辅导"),
    ("lecture", "生命教育专题讲座"),
    ("lecture", "预防校园欺凌讲座"),
    ("lecture", "合理使用网络讲座"),
    ("lecture", "家长学校：如何与青春期孩子沟通"),
)

CLOSURE_GOALS = "情绪平稳，睡眠和学习恢复正常，能运用两种以上应对方法。"
CLOSURE_EVALUATION = "个案目标基本达成，学生、家长和班主任反馈一致，同意结案，转入常规关注。"
DISTRICT_EVALUATION = "区教委心理危机干预工作组结案评估：处置规范，同意结案。"
AMENDMENT = ("补记：当日下午家长来电，反映孩子回家后情绪平稳。", "补记家长来电内容")
BREAK_GLASS_NOTE = "自伤风险：已当面告知班主任，电话告知监护人并当面交接。"
ACKNOWLEDGEMENTS = ("已知悉", "已知悉，将配合做好关注", "家长已签回执")
