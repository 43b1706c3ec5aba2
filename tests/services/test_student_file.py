"""Opening a file: every record, a timeline in date order, one audit entry, nothing for a viewer
beyond tier and required actions."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counselroom.domain.errors import CounselRoomError
from counselroom.domain.policy import Policy
from counselroom.services.context import Actor, Context
from counselroom.services.demo import create_demo_vault
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.student_file import (
    StudentFile,
    class_choices,
    open_student_file,
    student_plans,
    student_referrals,
    student_screenings,
    student_sessions,
)
from counselroom.services.timeline import KINDS, SNIPPET
from counselroom.services.users import add_user
from counselroom.storage.base import Base
from counselroom.storage.models import (
    AuditEntry,
    BreakGlassRecord,
    Closure,
    Concern,
    Consent,
    CounsellingSession,
    DocumentRecord,
    Guardian,
    Institution,
    Leave,
    NotificationTask,
    ParentContact,
    Plan,
    PlanMeasure,
    PolicySetting,
    Referral,
    ReferralEvent,
    ReturnRecord,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    SessionAmendment,
    Staff,
    Student,
    StudentGroup,
    TierChange,
)
from vault_fixtures import CHEAP, PASSWORD, make_vault

TODAY = date(2026, 11, 20)
# Clinical text that must never reach a viewer (and never appear whole in a timeline summary).
SECRETS = {
    "tier_reason": (
        "面谈中表达持续的无望感与睡眠问题，已两周无法正常上课，家长反映在家少言，食欲下降明显"
    ),
    "evidence": "2026-10-12 面谈记录",
    "review_note": "研判会议认为风险下降",
    "task_note": "家长情绪激动，电话中哭泣",
    "presenting": (
        "自述最近和同学发生冲突之后一直睡不好觉，上课注意力很差，不想来学校，感觉没有人理解自己。"
    ),
    "observation": "情绪低落，语速慢",
    "amendment": "补充：学生提到曾有自伤念头",
    "concern": (
        "班主任反映该生近两周多次在课堂上哭泣并拒绝交流，作业多次未交，午休时独自坐在走廊，"
        "同桌说他在本子上写过想消失"
    ),
    "plan": "每周一次个体辅导，班主任每日关注",
    "referral": "持续失眠伴自伤意念，建议专科评估",
    "feedback": "医院反馈：建议门诊随访",
    "contact": "与母亲电话沟通，母亲同意陪同就诊",
    "leave": "住院治疗",
    "return_plan": "复学后前四周每周辅导一次",
    "closure": "目标基本达成，情绪稳定",
}


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute) - timedelta(hours=8)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def _add(session: Any, model: type[Base], **values: Any) -> int:
    row = model(**values)
    session.add(row)
    session.flush()
    return int(row.id)  # type: ignore[attr-defined]


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context
    student_id: int
    other_id: int


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    uid = add_user(admin, "lin", PASSWORD, Role.COUNSELLOR, display_name="林老师", kdf=CHEAP)
    vid = add_user(admin, "ban", PASSWORD, Role.VIEWER, display_name="王班主任", kdf=CHEAP)
    counsellor = Context(admin.vault, Actor(uid, "lin", "林老师", Role.COUNSELLOR))
    viewer = Context(admin.vault, Actor(vid, "ban", "王班主任", Role.VIEWER))
    with admin.vault.write() as s:
        teacher = _add(s, Staff, name="刘老师", role="head_teacher")
        _add(s, SchoolClass, grade_level=9, number=1, label="初三(1)班")
        cls = _add(
            s, SchoolClass, grade_level=8, number=2, label="初二(2)班", head_teacher_id=teacher
        )
        sid = _add(
            s,
            Student,
            name="张三",
            student_no="G110101201203050012",
            gender="M",
            grade_level=8,
            class_id=cls,
            tier=2,
            file_state="open",
            next_follow_up=TODAY,
            file_opened_at=local(ago(90), 9),
            phone="13800000000",
        )
        other = _add(s, Student, name="李四", grade_level=8, class_id=cls)
        _add(s, Guardian, student_id=sid, ordinal=1, name="张母", relation="母亲", phone="139")
        _add(s, StudentGroup, student_id=sid, code="left_behind")
        batch = _add(s, ScreeningBatch, instrument="phq9", on=ago(90), term="t", created_by_id=uid)
        result = _add(
            s,
            ScreeningResult,
            batch_id=batch,
            student_id=sid,
            answers_json=json.dumps([2, 2, 2, 2, 1, 1, 1, 1, 1]),
            total=13,
            band="moderate",
            flags_json='["phq9_flag", "item9"]',
            item9=1,
            created_at=local(ago(90), 12),
        )
        _add(
            s,
            Concern,
            student_id=sid,
            reported_on=ago(89),
            source="head_teacher",
            reporter="刘老师",
            description=SECRETS["concern"],
            screening_result_id=result,
            handled_at=local(ago(88), 10),
            outcome="已面谈",
            created_by_id=uid,
            created_at=local(ago(89), 16),
        )
        session_id = _add(
            s,
            CounsellingSession,
            student_id=sid,
            started_at=local(ago(88), 9),
            duration_min=45,
            kind="interview",
            presenting=SECRETS["presenting"],
            observation=SECRETS["observation"],
            risk_check="self_harm",
            counsellor_id=uid,
            signed_at=local(ago(88), 11),
        )
        _add(
            s,
            SessionAmendment,
            session_id=session_id,
            created_at=local(ago(87), 9),
            created_by_id=uid,
            field="assessment",
            text=SECRETS["amendment"],
            reason="补记",
        )
        _add(
            s,
            BreakGlassRecord,
            session_id=session_id,
            student_id=sid,
            head_teacher_informed_at=local(ago(88), 12),
            guardian_informed_at=local(ago(88), 13),
            informed_by_id=uid,
        )
        change = _add(
            s,
            TierChange,
            student_id=sid,
            from_tier=0,
            to_tier=2,
            effective_on=ago(88),
            reason=SECRETS["tier_reason"],
            evidence_kind="interview",
            evidence=SECRETS["evidence"],
            review_note=SECRETS["review_note"],
            decided_by_id=uid,
            created_at=local(ago(88), 14),
        )
        _add(
            s,
            NotificationTask,
            student_id=sid,
            tier_change_id=change,
            recipient_role="head_teacher",
            person="刘老师",
            due_at=local(ago(86), 14),
            done_at=local(ago(87), 9),
            done_method="phone",
            note=SECRETS["task_note"],
        )
        plan = _add(
            s,
            Plan,
            student_id=sid,
            version=1,
            assessment="a",
            goals="g",
            review_on=ago(40),
            created_by_id=uid,
            created_at=local(ago(85), 9),
        )
        _add(s, PlanMeasure, plan_id=plan, who="psychology_teacher", what=SECRETS["plan"])
        hospital = _add(s, Institution, kind="hospital", name="市精神卫生中心")
        consent = _add(
            s,
            Consent,
            student_id=sid,
            purpose="referral",
            guardian_name="张母",
            relation="母亲",
            method="paper",
            given=True,
            on=ago(84),
            text_version="转介知情同意书 第1版",
            recorded_by_id=uid,
        )
        referral = _add(
            s,
            Referral,
            student_id=sid,
            institution_id=hospital,
            reason=SECRETS["referral"],
            urgency="urgent",
            state="feedback",
            proposed_on=ago(84),
            consent_id=consent,
            sent_on=ago(83),
            feedback_on=ago(70),
            feedback_text=SECRETS["feedback"],
            created_by_id=uid,
        )
        _add(
            s,
            ReferralEvent,
            referral_id=referral,
            state="sent",
            on=ago(83),
            at=local(ago(83), 10),
            by_id=uid,
            note="已联系",
        )
        _add(
            s,
            ParentContact,
            student_id=sid,
            on=ago(82),
            kind="phone",
            with_whom="张母（母亲）",
            summary=SECRETS["contact"],
            created_by_id=uid,
        )
        leave = _add(
            s,
            Leave,
            student_id=sid,
            state="returned",
            start_on=ago(60),
            reason=SECRETS["leave"],
            created_by_id=uid,
        )
        _add(
            s,
            ReturnRecord,
            leave_id=leave,
            assessment="可复学",
            return_plan=SECRETS["return_plan"],
            returned_on=ago(30),
            created_by_id=uid,
        )
        _add(
            s,
            DocumentRecord,
            student_id=sid,
            kind="parent-notice",
            title="家长告知书",
            created_at=local(ago(20), 9),
            created_by_id=uid,
            sha256="0" * 64,
            action="print",
        )
        _add(
            s,
            Closure,
            student_id=sid,
            closed_on=ago(10),
            reason="goals_met",
            sessions_count=1,
            goals_achieved="g",
            evaluation=SECRETS["closure"],
            closed_by_id=uid,
            reopened_at=local(ago(5), 9),
            reopen_reason="复发",
            reopened_by_id=uid,
        )
        # Another pupil's records must not leak into this file.
        _add(
            s,
            CounsellingSession,
            student_id=other,
            started_at=local(ago(3), 9),
            duration_min=30,
            kind="individual",
            counsellor_id=uid,
        )
    yield Vault(admin, counsellor, viewer, sid, other)
    admin.close()


def views(ctx: Context) -> list[tuple[str | None, str | None]]:
    with ctx.vault.read() as s:
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.target).where(AuditEntry.action == "student.view")
        )
        return [(a, t) for a, t in rows]


def test_counsellor_sees_every_part(vault: Vault) -> None:
    f = open_student_file(vault.counsellor, vault.student_id)
    assert not f.restricted
    assert f.header.name == "张三" and f.header.head_teacher == "刘老师"
    assert (f.header.class_label, f.header.grade, f.header.tier) == ("初二(2)班", "初二", 2)
    assert f.header.groups == ("left_behind",)
    assert f.profile.guardians[0].name == "张母"
    assert f.tier_history[0].reason == SECRETS["tier_reason"]
    assert f.tier_history[0].decided_by == "林老师"
    assert f.tasks[0].note == SECRETS["task_note"]
    assert f.plans is not None and f.plans[0].measures[0].what == SECRETS["plan"]
    assert f.sessions is not None and len(f.sessions) == 1  # the other pupil's is not here
    session = f.sessions[0]
    assert session.presenting == SECRETS["presenting"]
    assert session.amendments[0].text == SECRETS["amendment"]
    assert session.break_glass[0].informed_by == "林老师"
    assert f.concerns is not None and f.concerns[0].description == SECRETS["concern"]
    assert f.referrals is not None
    assert f.referrals[0].institution == "市精神卫生中心"
    assert f.referrals[0].events[0].state == "sent"
    assert f.referrals[0].events[0].on == ago(83)
    assert f.referrals[0].consent is not None and f.referrals[0].consent.relation == "母亲"
    assert f.consents is not None and [c.id for c in f.consents] == [f.referrals[0].consent_id]
    assert f.contacts is not None and f.contacts[0].summary == SECRETS["contact"]
    assert f.leaves is not None and f.leaves[0].return_record is not None
    assert f.screenings is not None
    assert f.screenings[0].answers == (2, 2, 2, 2, 1, 1, 1, 1, 1)
    assert f.screenings[0].flags == ("phq9_flag", "item9")
    assert len(f.documents) == 1
    assert f.closures is not None and f.closures[0].reopened_by == "林老师"


def test_timeline_has_every_kind_newest_first_and_only_snippets(vault: Vault) -> None:
    f = open_student_file(vault.counsellor, vault.student_id)
    moments = [item.on for item in f.timeline]
    assert moments == sorted(moments, reverse=True)
    assert {item.kind for item in f.timeline} == set(KINDS)
    assert len(f.timeline) == len(KINDS)  # one record of each kind in this file
    for item in f.timeline:
        assert len(item.summary) <= 2 * SNIPPET + 40
        for secret in SECRETS.values():
            if len(secret) > SNIPPET:
                assert secret not in item.summary, item
    long_notes = [k for k in ("tier_reason", "presenting", "concern") if len(SECRETS[k]) > SNIPPET]
    assert len(long_notes) == 3
    # A tier decided after the interview of the same day sorts above it.
    kinds = [item.kind for item in f.timeline]
    assert kinds.index("tier") < kinds.index("session")


def test_opening_a_file_writes_exactly_one_view_entry(vault: Vault) -> None:
    before = views(vault.admin)
    open_student_file(vault.counsellor, vault.student_id)
    after = views(vault.admin)
    assert after[len(before) :] == [("student.view", f"student:{vault.student_id}")]
    open_student_file(vault.viewer, vault.student_id)
    assert len(views(vault.admin)) == len(before) + 2


def test_viewer_gets_tier_and_required_actions_only(vault: Vault) -> None:
    f = open_student_file(vault.viewer, vault.student_id)
    assert f.restricted
    for name in (
        "plans",
        "sessions",
        "concerns",
        "referrals",
        "contacts",
        "leaves",
        "screenings",
        "closures",
        "consents",
    ):
        assert getattr(f, name) is None, name
    assert f.header.tier == 2 and f.profile.name == "张三"
    (tier,) = f.tier_history
    assert (tier.from_tier, tier.to_tier, tier.effective_on) == (0, 2, ago(88))
    assert (tier.reason, tier.evidence, tier.review_note) == ("", "", "")
    assert f.tasks[0].recipient_role == "head_teacher" and f.tasks[0].note == ""
    assert len(f.documents) == 1
    assert {item.kind for item in f.timeline} == {"tier", "task"}
    text = repr(f)
    leaked = [key for key, secret in SECRETS.items() if secret in text]
    assert not leaked


@pytest.mark.parametrize(
    "part", [student_sessions, student_plans, student_screenings, student_referrals]
)
def test_viewer_is_refused_case_parts_directly(
    vault: Vault, part: Callable[[Context, int], tuple[Any, ...]]
) -> None:
    before = views(vault.admin)
    with pytest.raises(PermissionDenied):
        part(vault.viewer, vault.student_id)
    assert views(vault.admin) == before
    assert part(vault.counsellor, vault.student_id)
    assert len(views(vault.admin)) == len(before) + 1


def test_unknown_student_is_an_error_not_a_crash(vault: Vault) -> None:
    with pytest.raises(CounselRoomError, match="no student"):
        open_student_file(vault.counsellor, 99999)


def test_class_choices_in_grade_order(vault: Vault) -> None:
    assert [label for _id, label in class_choices(vault.viewer)] == ["初二(2)班", "初三(1)班"]


def test_every_record_of_demo_files_is_on_the_timeline(tmp_path: Path) -> None:
    ctx, _code, _summary = create_demo_vault(
        tmp_path / "demo", 150, seed=7, kdf=CHEAP, today=TODAY, profile="benchmark"
    )
    try:
        with ctx.vault.read() as s:
            busiest = [
                int(sid)
                for (sid,) in s.execute(
                    select(CounsellingSession.student_id)
                    .group_by(CounsellingSession.student_id)
                    .order_by(func.count().desc())
                    .limit(5)
                )
            ]
        for sid in busiest:
            f = open_student_file(ctx, sid)
            assert _newest_first(f)
            assert len(f.timeline) == _records(f), sid
    finally:
        ctx.close()


def _newest_first(f: StudentFile) -> bool:
    moments = [item.on for item in f.timeline]
    return moments == sorted(moments, reverse=True)


def _records(f: StudentFile) -> int:
    assert f.sessions is not None and f.referrals is not None and f.leaves is not None
    parts = 0
    for field in fields(f):
        value = getattr(f, field.name)
        if field.name in (
            "header",
            "profile",
            "restricted",
            "timeline",
            "plan_review_after",
            "screening_cutoffs",
        ):
            continue
        parts += len(value)
    amendments = sum(len(s.amendments) for s in f.sessions)
    events = sum(len(r.events) for r in f.referrals)
    returns = sum(1 for leave in f.leaves if leave.return_record is not None)
    return parts + amendments + events + returns


def test_the_file_carries_the_schools_plan_review_interval(vault: Vault) -> None:
    """The plan form dates the next review with it: the school's policy, not the default."""
    assert open_student_file(vault.counsellor, vault.student_id).plan_review_after == timedelta(
        days=42
    )
    policy = Policy.default()
    school = replace(policy, follow_up=replace(policy.follow_up, plan_review=timedelta(days=28)))
    with vault.admin.vault.write() as s:
        version = s.scalar(select(func.max(PolicySetting.version))) or 0
        s.add(PolicySetting(version=version + 1, data_json=json.dumps(school.to_dict())))
    opened = open_student_file(vault.counsellor, vault.student_id)
    assert opened.plan_review_after == timedelta(days=28)
