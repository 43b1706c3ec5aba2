"""What each kind must say — and, for letters to families, what it must never say."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_kinds import block_strings, sample, tear_offs, text_of

from counselroom.documents.data import EscalationData
from counselroom.documents.kinds import build
from counselroom.documents.kinds import samples as S
from counselroom.documents.kinds.common import datetime_zh
from counselroom.documents.kinds.recovery_sheet import code_groups
from counselroom.documents.kinds.transfer_letter import fingerprint_groups
from counselroom.documents.model import Block, Fields, QRCode, SignLines, TearOff
from counselroom.documents.printed_words import role_duty
from counselroom.documents.templates import DEFAULT_TEMPLATES, fill, sample_values
from counselroom.domain.errors import ValidationError
from counselroom.domain.tiers import Tier

# Words that label a child or read as a diagnosis: a parent refused to sign a consent that read
# as an admission of illness (DOMAIN.md "Home–school work").
DIAGNOSTIC = (
    "抑郁", "焦虑症", "精神", "疾病", "诊断", "严重心理问题", "重大心理危机", "一般心理问题",
    "心理问题", "分级", "PHQ", "GAD", "MHT", "分数", "得分", "量表", "测评", "筛查", "障碍",
    "治疗", "病", "危机", "自杀", "自伤", *(tier.label_zh for tier in Tier),
)  # fmt: skip
INTERNAL_ROLES = (
    "head_teacher",
    "subject_teachers",
    "moral_education",
    "safety_office",
    "vice_principal",
    "principal",
)


def _fields(blocks: tuple[Block, ...]) -> dict[str, str]:
    rows: dict[str, str] = {}
    for block in blocks:
        if isinstance(block, Fields):
            rows.update(block.rows)
        if isinstance(block, TearOff):
            rows.update(_fields(block.blocks))
    return rows


@pytest.mark.parametrize("tier", [1, 2, 3])
def test_parent_notices_never_label_the_child(tier: int) -> None:
    key = f"parent-notice-{tier}"
    values = sample_values(key)
    wording = "\n".join(
        fill(DEFAULT_TEMPLATES[key][p], values) for p in ("title", "body", "receipt")
    )
    whole = text_of(sample(key))
    for word in DIAGNOSTIC:
        assert word not in wording, f"{key} wording says {word!r}"
        assert word not in whole, f"{key} document says {word!r}"


@pytest.mark.parametrize("tier", [1, 2, 3])
def test_parent_notices_say_whom_to_call_and_keep_it_private(tier: int) -> None:
    text = text_of(sample(f"parent-notice-{tier}"))
    for fact in (S.ISSUE.counsellor, S.ISSUE.phone, S.SCHOOL.phone, "12355", "12356", "保密"):
        assert fact in text, fact
    assert S.STUDENT.head_teacher in text and "尊敬的张小明同学家长" in text


def test_only_the_crisis_notice_asks_for_contact_today() -> None:
    crisis = text_of(sample("parent-notice-3"))
    assert "今天" in crisis and "立即" in crisis and "陪伴" in crisis
    assert "专业评估" in crisis and "同意" in crisis
    for tier in (1, 2):
        assert "今天" not in text_of(sample(f"parent-notice-{tier}"))


@pytest.mark.parametrize("tier", [1, 2, 3])
def test_parent_notice_has_a_receipt_to_sign(tier: int) -> None:
    doc = sample(f"parent-notice-{tier}")
    (slip,) = tear_offs(doc)
    assert doc.blocks[-1] is slip and slip.title == "回执"
    labels = [label for b in slip.blocks if isinstance(b, SignLines) for label in b.labels]
    assert "家长签名" in labels and "日期" in labels
    slip_text = "\n".join(block_strings(slip))
    assert "本人已收到" in slip_text and S.ISSUE.number in slip_text and "张小明" in slip_text


@pytest.mark.parametrize("tier", [1, 2, 3])
@pytest.mark.parametrize("role", INTERNAL_ROLES)
def test_escalation_notice_names_the_roles_duty_and_deadline(tier: int, role: str) -> None:
    data = replace(S.escalation(tier), role=role, person="")
    doc = build(data, DEFAULT_TEMPLATES[f"escalation-notice-{tier}"], template_version=1)
    rows = _fields(doc.blocks)
    assert rows["工作要求"] == role_duty(role, tier)
    assert rows["完成时限"] == datetime_zh(data.due) and rows["完成时限"] in text_of(doc)
    assert rows["分级"] == Tier(tier).label_zh and rows["认定原因"] == S.REASON
    assert rows["认定日期"] == "2026年11月21日"
    text = text_of(doc)
    assert "不得" in text and "扩散" in text  # confidentiality: do not spread


def test_duties_differ_by_role_and_tier_three_adds_safety() -> None:
    duties = {role: role_duty(role, 1) for role in INTERNAL_ROLES}
    assert len(set(duties.values())) == len(INTERNAL_ROLES)
    assert "观察" in duties["head_teacher"] or "留意" in duties["head_teacher"]
    assert "家长" in duties["head_teacher"]
    assert "批评" in duties["subject_teachers"]
    assert "协调" in duties["moral_education"]
    assert "危险物品" in duties["safety_office"]
    assert "组织" in duties["principal"] and "督促" in duties["vice_principal"]
    assert "陪伴" in role_duty("head_teacher", 3) and "陪伴" not in duties["head_teacher"]
    assert role_duty("subject_teacher", 2) == role_duty("subject_teachers", 2)


def test_escalation_without_deadline_and_with_person() -> None:
    data = replace(S.escalation(2), due=None)
    rows = _fields(build(data, DEFAULT_TEMPLATES["escalation-notice-2"], template_version=1).blocks)
    assert rows["完成时限"] == "收到后尽快" and rows["通报对象"] == "李华老师（班主任）"


def test_district_report_states_what_the_district_needs() -> None:
    doc = sample("district-report")
    rows = _fields(doc.blocks)
    assert rows["分级"] == "严重心理问题" and rows["认定日期"] == "2026年11月21日"
    assert rows["认定原因"] == S.REASON and rows["家长告知日期"] == "2026年11月21日"
    assert rows["转介情况"] == "家长已同意" and S.ISSUE.phone in rows["学校联系人"]
    text = text_of(doc)
    assert "示例区教育部门" in text and all(m.what in text for m in S.MEASURES)
    not_told = replace(S.escalation(2, "district", ""), guardian_informed=None, referral_state="")
    rows = _fields(build(not_told, DEFAULT_TEMPLATES["district-report"], template_version=1).blocks)
    assert rows["家长告知日期"] == "尚未告知" and rows["转介情况"] == "未转介"


def test_referral_letter_and_its_feedback_slip() -> None:
    doc = sample("referral-letter")
    rows = _fields(doc.blocks)
    data = S.referral_letter()
    assert rows["转介机构"] == data.institution and rows["紧急程度"] == "紧急"
    assert rows["转介原因（学校观察到的情况）"] == data.reason
    assert rows["监护人知情同意"] == "2026年11月21日（监护人 王芳（母亲））"
    (slip,) = tear_offs(doc)
    slip_rows = _fields(slip.blocks)
    assert {"就诊日期", "对学校的建议", "家长是否同意告知诊断"} <= set(slip_rows)
    assert "家长同意" in "\n".join(block_strings(slip))
    assert "回执" in text_of(doc)


def test_plan_return_and_closure_carry_their_records() -> None:
    plan = text_of(sample("plan"))
    data = S.plan()
    for fact in (data.assessment, data.goals, data.risk_factors, data.protective_factors,
                 "第2版", "2027年1月3日", *(m.what for m in data.measures)):  # fmt: skip
        assert fact in plan, fact
    back = text_of(sample("return-assessment"))
    ret = S.return_assessment()
    for fact in (ret.assessment, ret.return_plan, ret.watchers, "2026年9月1日", "2026年11月23日"):
        assert fact in back, fact
    closure = text_of(sample("closure-report"))
    cl = S.closure_report()
    for fact in ("辅导目标达成", "18次", cl.evaluation, cl.district_evaluation, cl.last_scores):
        assert fact in closure, fact
    calm = replace(cl, highest_tier=1, district_evaluation="")
    calm_text = text_of(build(calm, DEFAULT_TEMPLATES["closure-report"], template_version=None))
    assert "结案评估" not in calm_text


def test_recovery_sheet_prints_the_code_in_groups_and_the_card() -> None:
    doc = sample("recovery-sheet")
    text = text_of(doc)
    groups = code_groups(S.recovery_sheet().recovery_code)
    assert len(groups) == 8 and all(g in text for g in groups)
    assert S.recovery_sheet().recovery_code not in text  # groups, not one long string
    assert "专人专柜" in text and "一次" in text and "管理员 陈静" in text
    (qr,) = [b for b in doc.blocks if isinstance(b, QRCode)]
    assert qr.data == S.recovery_sheet().card.qr_payload  # type: ignore[union-attr]
    bare = build(replace(S.recovery_sheet(), card=None), DEFAULT_TEMPLATES["recovery-sheet"],
                 template_version=None)  # fmt: skip
    assert not [b for b in bare.blocks if isinstance(b, QRCode)]
    assert "名片" not in text_of(bare)


def test_transfer_letter_prints_the_fingerprint_in_groups_and_no_passphrase() -> None:
    data = S.transfer_letter()
    doc = sample("transfer-letter")
    rows = _fields(doc.blocks)
    printed = rows["档案指纹（SHA-256）"]
    assert printed.replace(" ", "").replace("\n", "") == data.archive_sha256
    assert [len(g) for line in printed.split("\n") for g in line.split(" ")] == [4] * 16
    assert not [label for label in rows if "口令" in label or "密码" in label]
    by_phrase = replace(data, method="passphrase")
    letter = build(by_phrase, DEFAULT_TEMPLATES["transfer-letter"], template_version=None)
    rows = _fields(letter.blocks)
    assert "另行" in rows["加密方式"] and not [k for k in rows if "口令" in k]
    labels = [label for b in doc.blocks if isinstance(b, SignLines) for label in b.labels]
    assert "经办人签名" in labels and "（盖章）" in text_of(doc)


def test_fingerprint_must_be_a_sha256() -> None:
    assert fingerprint_groups("AB" * 32).split("\n")[0] == " ".join(["abab"] * 8)
    for bad in ("abc", "zz" * 32, "ab" * 33):
        with pytest.raises(ValidationError, match="64 hex"):
            fingerprint_groups(bad)


def test_escalation_role_names_the_district_report() -> None:
    data: EscalationData = S.escalation(3, "district", "")
    doc = build(data, DEFAULT_TEMPLATES["district-report"], template_version=2)
    assert doc.kind == "district-report" and "工作要求" not in _fields(doc.blocks)


def test_a_display_name_ending_in_laoshi_is_not_doubled() -> None:
    """Schools enter staff as 林心怡老师; the wording adds 老师 itself ("{辅导老师}老师")."""
    data = S.escalation(3, person="李华老师")
    data = replace(
        data,
        issue=replace(data.issue, counsellor="陈静老师"),
        student=replace(data.student, head_teacher="李华老师"),
    )
    text = text_of(build(data, DEFAULT_TEMPLATES["escalation-notice-3"], template_version=0))
    assert "老师老师" not in text
    assert "李华老师" in text and "陈静老师" in text
