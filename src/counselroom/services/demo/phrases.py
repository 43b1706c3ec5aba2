"""Session notes composed from fragments: factual, observed, never a diagnosis.

A counsellor records what the pupil said and did and what was agreed; diagnoses come only from
a hospital (精神卫生法 art. 23). Each note joins two or three fragments so that notes across a
school vary the way real ones do.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

PRESENTING = (
    "自述近两周入睡困难，常到凌晨才睡着",
    "月考成绩下滑后情绪低落，不想上学",
    "与同桌发生矛盾后不愿进教室",
    "父母外出务工，很少联系，觉得孤单",
    "近期食欲下降，午饭常常不吃",
    "上课注意力不集中，作业多次未交",
    "和家长因使用手机发生激烈争吵",
    "觉得班上同学在背后议论自己",
    "担心中考（高考）考不好，心里很慌",
    "最近常常无缘无故想哭",
    "说自己做什么都没意思，周末不愿出门",
    "父母最近在闹离婚，家里气氛紧张",
    "被几名同学起外号，感到委屈",
    "晚上玩游戏到很晚，早上起不来",
    "奶奶生病住院，担心没人照顾自己",
    "考试前心跳快、手心出汗，考试时脑子一片空白",
)
FOLLOW_UP_PRESENTING = (
    "本周睡眠有所好转，入睡时间提前",
    "月考后情绪又有起伏",
    "说和同桌的关系缓和了",
    "家里仍有争吵，回家不想说话",
    "按约定记录了情绪，带来一起看",
    "这周有两天没去上晚自习",
    "主动说起周末和朋友去打球",
)
OBSERVATION_OPEN = (
    "衣着整洁，",
    "按时到达辅导室，",
    "由班主任陪同前来，",
    "进门时低头，目光接触少，",
    "主动打招呼，",
    "神情疲惫，",
)
OBSERVATION_MIDDLE = (
    "语速偏慢，声音较低，",
    "交谈中两次流泪，",
    "能主动描述近况，",
    "对提问回答简短，多用“还好”“不知道”，",
    "坐姿拘谨，双手交握，",
    "偶有笑容，",
    "谈到喜欢的篮球时明显放松，",
    "说话时反复摆弄衣角，",
)
OBSERVATION_CLOSE = (
    "谈及家庭时沉默较久。",
    "谈到考试时明显紧张。",
    "结束时表示愿意下周再来。",
    "能完成放松练习。",
    "对布置的情绪记录表示愿意尝试。",
    "离开时情绪平稳。",
)
ASSESSMENT = (
    "情绪困扰与学业压力相关，社会支持较少。",
    "本次未发现自伤念头。",
    "同伴关系是目前主要的压力来源。",
    "睡眠问题持续，需继续关注。",
    "能说出一种让自己平静下来的方法。",
    "与奶奶关系亲密，是重要的保护因素。",
    "亲子沟通不畅，冲突多发生在作业和手机问题上。",
    "对学校生活仍有兴趣，愿意参加班级活动。",
    "考试焦虑明显，复习计划不切实际。",
    "情绪波动与家庭变故时间吻合。",
)
PLAN = (
    "下周同一时间继续个体辅导。",
    "与班主任沟通，请心理委员课间多关注。",
    "布置情绪记录，下次一起回顾。",
    "电话联系家长反馈近况，建议家长多陪伴。",
    "练习腹式呼吸放松，每天睡前一次。",
    "与科任教师沟通，适当调整作业量。",
    "约家长来校面谈。",
    "两周后复谈，期间如有变化随时来访。",
)
SELF_HARM_OBSERVATION = (
    "交谈中自述近一周有伤害自己的想法，左前臂可见数道划痕，",
    "说最近有时会想“如果不在了就好了”，",
)
SELF_HARM_ASSESSMENT = (
    "存在自伤风险，已按危机干预流程处理：当面告知班主任，电话告知监护人并请其到校，"
    "学生离校前未离开成人视线。"
)
SELF_HARM_PLAN = "当日与监护人面谈，建议尽快到合作医院就诊；明日复谈。"
FAMILY_PARTICIPANTS = ("学生、母亲", "学生、父亲", "学生、祖母", "学生、父母", "学生、母亲、班主任")
FAMILY_NOTES = (
    "家长介绍孩子在家的情况，与学生一起商定手机使用时间。",
    "家长表示愿意调整陪伴方式，每周固定一次家庭谈话。",
    "讨论了复习安排和休息时间，家长同意减少课外补习。",
)
PHONE_NOTES = (
    "电话回访，学生自述本周睡眠好转。",
    "电话回访，学生说与同学关系缓和。",
    "电话回访，家长反映孩子在家情绪稳定。",
)
FOLLOW_UP_ASSESSMENT = (
    "较上次有改善，能运用呼吸放松方法。",
    "情绪较上次平稳。",
    "本周与同学的冲突减少。",
)
# How the first interview came about, by the concern's source.
INTERVIEW_OPENING = {
    "screening": "筛查提示后面对面访谈",
    "head_teacher": "班主任反映后初次访谈",
    "subject_teacher": "科任教师反映后初次访谈",
    "parent": "家长来电反映情况后约谈",
    "self": "学生主动预约来访",
    "peer": "心理委员反映后约谈",
}
INTERVIEW_OPENING_OTHER = "接到反映后初次访谈"
FOLLOW_UP_PREFIX = "复谈："
BRIEF_OPENING = "课间简短面谈："


def follow_up_presenting(rng: random.Random, theme: str) -> str:
    """Later sessions either return to the complaint that opened the file or report news."""
    return FOLLOW_UP_PREFIX + (theme if rng.random() < 0.4 else pick(rng, FOLLOW_UP_PRESENTING))


def pick(rng: random.Random, options: Sequence[str]) -> str:
    return options[rng.randrange(len(options))]


def observation(rng: random.Random) -> str:
    parts = (OBSERVATION_OPEN, OBSERVATION_MIDDLE, OBSERVATION_CLOSE)
    return "".join(pick(rng, part) for part in parts)


def assessment(rng: random.Random, *, first_contact: bool) -> str:
    first = pick(rng, ASSESSMENT if first_contact or rng.random() < 0.6 else FOLLOW_UP_ASSESSMENT)
    second = pick(rng, ASSESSMENT)
    return first if second == first else first + second


def plan_text(rng: random.Random) -> str:
    return pick(rng, PLAN)
