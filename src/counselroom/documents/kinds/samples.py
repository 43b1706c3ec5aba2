"""Fictional data for the template editor's preview and for tests.

Obviously invented (示例市第一中学, 张小明): a preview must never show a real student, and
these records are never stored. Every kind's sample fills every placeholder of its key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime, timedelta

from counselroom.documents.data import (
    ClosureReportData,
    EscalationData,
    Guardian,
    Issue,
    LedgerData,
    LedgerLine,
    Measure,
    ParentNoticeData,
    PlanData,
    RecoverySheetData,
    ReferralLetterData,
    ReturnAssessmentData,
    SchoolCardInfo,
    SchoolInfo,
    StudentInfo,
    TransferLetterData,
    TransferStudent,
)
from counselroom.documents.templates import TEMPLATE_SPECS, TemplateError

SCHOOL = SchoolInfo(
    name="示例市第一中学",
    code="5000000001",
    district="示例区",
    address="示例市示例区学府路1号",
    phone="023-6000 0000",
    partner_hospital="示例市儿童医院心理门诊",
    district_contact="示例区教育委员会德育科",
)
STUDENT = StudentInfo(
    id=1,
    name="张小明",
    student_no="G500101201103150011",
    gender="M",
    birth_date=date(2011, 3, 15),
    grade="初二",
    class_label="初二(3)班",
    head_teacher="李华",
    guardians=(Guardian("王芳", "母亲", "138 0000 0000"),),
    address="示例市示例区示例路8号",
)
ISSUED_AT = datetime(2026, 11, 22, 9, 30)
ISSUE = Issue(
    number="心〔2026〕0012号",
    on=ISSUED_AT.date(),
    at=ISSUED_AT,
    by="陈静",
    counsellor="陈静",
    phone="023-6000 1234",
)
MEASURES = (
    Measure("psychology_teacher", "陈静", "个体辅导，关注情绪和睡眠", "每周一次"),
    Measure("head_teacher", "李华", "课间留意，每周与家长沟通一次", "每天"),
    Measure("peer_monitor", "刘洋", "课间陪伴，发现异常告诉班主任", "每天"),
)
REASON = "面谈中学生自述近两周入睡困难、心情低落，班主任反映上课注意力下降、少与同学交往。"
_DUE = {1: timedelta(days=7), 2: timedelta(hours=48), 3: timedelta(hours=1)}


def parent_notice(tier: int) -> ParentNoticeData:
    note = "孩子近来很愿意和老师聊天，我们会和您一起帮助他。"
    return ParentNoticeData(SCHOOL, STUDENT, ISSUE, tier, note=note)


def escalation(tier: int, role: str = "head_teacher", person: str = "李华") -> EscalationData:
    return EscalationData(
        school=SCHOOL,
        student=STUDENT,
        issue=ISSUE,
        tier=tier,
        tier_since=date(2026, 11, 21),
        role=role,
        person=person,
        due=ISSUED_AT + _DUE[tier],
        reason=REASON,
        evidence="个体面谈；班主任反映",
        measures=MEASURES,
        guardian_informed=date(2026, 11, 21),
        referral_state="consent_given",
    )


def referral_letter() -> ReferralLetterData:
    return ReferralLetterData(
        school=SCHOOL,
        student=STUDENT,
        issue=ISSUE,
        referral_id=7,
        institution="示例市儿童医院心理门诊",
        urgency="urgent",
        reason="近两周入睡困难、心情低落，上课注意力下降，少与同学交往；学生本人愿意就诊。",
        proposed_on=date(2026, 11, 20),
        consent_on=date(2026, 11, 21),
        consent_by="监护人 王芳（母亲）",
    )


def plan() -> PlanData:
    return PlanData(
        school=SCHOOL,
        student=STUDENT,
        issue=ISSUE,
        tier=2,
        version=2,
        made_on=date(2026, 11, 21),
        made_by="陈静",
        assessment="学生近期学习压力较大，睡眠不足，情绪低落，与同学交往减少。",
        risk_factors="父母工作繁忙，陪伴较少；临近期末考试。",
        protective_factors="与母亲关系良好；喜欢篮球；有两位要好的同学。",
        goals="一个月内睡眠恢复规律；每周至少参加两次课外活动。",
        measures=MEASURES,
        review_on=date(2027, 1, 3),
        change_note="增加心理委员课间陪伴。",
    )


def return_assessment() -> ReturnAssessmentData:
    return ReturnAssessmentData(
        school=SCHOOL,
        student=STUDENT,
        issue=ISSUE,
        leave_from=date(2026, 9, 1),
        leave_reason="身体原因，遵医嘱休养",
        leave_certificate="示例市儿童医院证明（2026年8月30日）",
        application_on=date(2026, 11, 10),
        recovery_certificate="示例市儿童医院复学证明（2026年11月8日）",
        missing_certificate_reason="",
        assessment="学生情绪平稳，作息规律，本人和家长复学意愿明确，可以复学。",
        meeting_on=date(2026, 11, 18),
        returned_on=date(2026, 11, 23),
        return_plan="复学后前四周减少作业量，每周个体辅导一次，班主任每周与家长沟通。",
        watchers="班主任李华、心理委员刘洋",
        session_frequency="每周一次",
        close_follow_up_until=date(2026, 12, 21),
    )


def closure_report() -> ClosureReportData:
    return ClosureReportData(
        school=SCHOOL,
        student=STUDENT,
        issue=ISSUE,
        opened_on=date(2026, 3, 2),
        closed_on=date(2026, 11, 22),
        reason="goals_met",
        highest_tier=3,
        sessions_count=18,
        goals_achieved="睡眠恢复规律，能主动与同学交往，学习状态稳定。",
        goals_not_achieved="",
        last_scores="PHQ-9 4分（2026年11月15日）",
        evaluation="个案目标基本达成，学生、家长和班主任反馈一致，同意结案，转入常规关注。",
        district_evaluation="示例区教育委员会结案评估：处置规范，同意结案。",
        closed_by="陈静",
    )


def ledger() -> LedgerData:
    lines = (
        LedgerLine(STUDENT.student_no or "", STUDENT.name, "M", "初二(3)班", "李华",
                   date(2026, 9, 1), 1, date(2026, 11, 20), date(2026, 12, 20)),
        LedgerLine("G500101201105200022", "李小红", "F", "初二(1)班", "赵敏",
                   date(2026, 9, 1), 0, date(2026, 11, 2), None),
        LedgerLine("G500101201207080033", "王小刚", "M", "初一(2)班", "周强",
                   None, 0, None, date(2026, 12, 1)),
    )  # fmt: skip
    return LedgerData(SCHOOL, ISSUE, "left_behind", lines)


def recovery_sheet() -> RecoverySheetData:
    card = SchoolCardInfo(
        name=SCHOOL.name,
        code=SCHOOL.code,
        district=SCHOOL.district,
        age_recipient="age1examplexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        signing_public_hex="ab" * 32,
        fingerprint="3F2A 91C0 7D44 E815",
        qr_payload="counselroom-card:示例市第一中学:3F2A91C07D44E815",
    )
    return RecoverySheetData(
        school=SCHOOL,
        issue=ISSUE,
        vault_id="5b7c1e2a-0000-4000-8000-000000000001",
        recovery_code="123459-678907-111116-222225-333330-444447-555555-666664",
        admin="管理员 陈静",
        card=card,
    )


def transfer_letter() -> TransferLetterData:
    return TransferLetterData(
        school=SCHOOL,
        issue=ISSUE,
        to_school="示例市第二中学",
        students=(
            TransferStudent(STUDENT.name, STUDENT.student_no, STUDENT.class_label),
            TransferStudent("李小红", "G500101201105200022", "初二(1)班"),
        ),
        archive_sha256=hashlib.sha256("示例档案".encode()).hexdigest(),
        method="card",
        purpose="学生转学，延续心理健康服务",
        consent_ref="家长知情同意书（2026年11月20日签署）",
        recipient_fingerprint="7A1C 0E93 55B2 C4D8",
    )


Sample = (
    ParentNoticeData
    | EscalationData
    | ReferralLetterData
    | PlanData
    | ReturnAssessmentData
    | ClosureReportData
    | LedgerData
    | RecoverySheetData
    | TransferLetterData
)


def sample_data(key: str) -> Sample:
    """The fictional data the template ``key`` is previewed with."""
    if key not in TEMPLATE_SPECS:
        raise TemplateError(f"unknown template {key!r}", key=key)
    kind, _, tier = key.rpartition("-")
    if kind == "parent-notice":
        return parent_notice(int(tier))
    if kind == "escalation-notice":
        return escalation(int(tier))
    makers: dict[str, Callable[[], Sample]] = {
        "district-report": lambda: escalation(2, "district", ""),
        "referral-letter": referral_letter,
        "plan": plan,
        "return-assessment": return_assessment,
        "closure-report": closure_report,
        "ledger": ledger,
        "recovery-sheet": recovery_sheet,
        "transfer-letter": transfer_letter,
    }
    return makers[key]()
