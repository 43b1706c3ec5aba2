"""Shared by the document tests: a school whose students are in every state a document needs,
made through the case-work services (tier decisions, plans, referrals with consent, leave and
return, closure), so the documents read the records those services really write."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from counselroom.services.casework import change_tier, complete_task
from counselroom.services.closure import ClosureInput, close_file
from counselroom.services.consents import ConsentInput
from counselroom.services.context import Context
from counselroom.services.institutions import InstitutionInput, add_institution
from counselroom.services.leave import ReturnInput, record_return, start_leave
from counselroom.services.localtime import local_today
from counselroom.services.plans import MeasureInput, PlanInput, save_plan_version
from counselroom.services.referrals import (
    propose_referral,
    record_referral_consent,
    withdraw_referral,
)
from counselroom.services.roles import Role
from counselroom.storage.models import (
    AuditEntry,
    DocumentRecord,
    Guardian,
    NotificationTask,
    SchoolClass,
    SchoolProfile,
    Staff,
    Student,
    StudentGroup,
)
from vault_fixtures import account, make_vault

SCHOOL = "重庆市第一中学"
PHONE = "023-6000 1234"


def ago(days: int) -> date:
    return local_today() - timedelta(days=days)


@dataclass
class School:
    admin: Context
    counsellor: Context
    viewer: Context
    ids: dict[str, int]  # key → student id
    referrals: dict[str, int]  # "live" / "withdrawn" → referral id of 王小明
    folder: Path


# (key, name, 学籍号, gender)
PUPILS = (
    ("wang", "王小明", "G500101201103041234", "M"),  # tier 2, plan, referrals
    ("li", "李华", "G500101201105062345", "F"),  # tier 1, nothing else
    ("zhang", "张伟", "G500101201107083456", "M"),  # tier 0, no file
    ("zhao", "赵敏", "G500101201109104567", "F"),  # tier 1, leave and return
    ("qian", "钱多多", "G500101201111125678", "M"),  # closed file
    ("sun", "孙丽", "G500101201201016789", "F"),  # tier 3
)


def _basics(admin: Context) -> dict[str, int]:
    with admin.vault.write() as s:
        profile = s.get(SchoolProfile, 1)
        assert profile is not None
        profile.phone = PHONE
        profile.district = "渝中区"
        profile.district_contact = "区教委德育科"
        head = Staff(name="陈红", role="head_teacher")
        staff = [
            head,
            Staff(name="吴敏", role="subject_teacher"),
            Staff(name="刘强", role="moral_education"),
            Staff(name="周涛", role="safety_office"),
            Staff(name="赵刚", role="vice_principal"),
            Staff(name="孙伟", role="principal"),
        ]
        s.add_all(staff)
        s.flush()
        klass = SchoolClass(grade_level=8, number=3, label="初二(3)班", head_teacher_id=head.id)
        s.add(klass)
        s.flush()
        ids = {}
        for key, name, no, gender in PUPILS:
            student = Student(
                name=name,
                student_no=no,
                gender=gender,
                grade_level=8,
                class_id=klass.id,
                birth_date=date(2011, 3, 4),
                enrolled_on=date(2024, 9, 1),
                guardians=[
                    Guardian(ordinal=1, name=f"{name[0]}母", relation="母亲", phone="13800000001"),
                    Guardian(ordinal=2, name="祖父", relation="祖父", is_guardian=False),
                ],
            )
            if key == "li":
                student.groups = [StudentGroup(code="left_behind", since=date(2024, 9, 1))]
            s.add(student)
            s.flush()
            ids[key] = student.id
    return ids


def _raise(ctx: Context, student_id: int, tier: int, days_ago: int, reason: str) -> None:
    change_tier(
        ctx,
        student_id,
        to_tier=tier,
        effective_on=ago(days_ago),
        reason=reason,
        evidence_kind="interview",
        evidence="面谈记录",
    )


def _tasks_done(ctx: Context, student_id: int) -> None:
    with ctx.vault.read() as s:
        open_ids = s.scalars(
            select(NotificationTask.id).where(
                NotificationTask.student_id == student_id, NotificationTask.done_at.is_(None)
            )
        ).all()
    for task_id in open_ids:
        complete_task(ctx, task_id, method="phone")


def build_school(folder: Path) -> School:
    admin, _code = make_vault(folder, school=SCHOOL)
    counsellor = account(admin, "lin", Role.COUNSELLOR, "林老师")
    viewer = account(admin, "ban", Role.VIEWER, "王班主任")
    ids = _basics(admin)
    c = counsellor
    _raise(c, ids["wang"], 2, 10, "近两周多次哭泣，自述睡眠差")
    save_plan_version(
        c,
        ids["wang"],
        PlanInput(
            assessment="情绪低落，学习压力大",
            goals="恢复规律作息",
            risk_factors="学业压力",
            protective_factors="与母亲关系好",
            measures=(
                MeasureInput("psychology_teacher", "每周个别辅导", "每周一次"),
                MeasureInput("head_teacher", "日常关注", "每天", person="陈红"),
            ),
        ),
        based_on_version=None,
    )
    hospital = add_institution(
        admin,
        InstitutionInput(kind="hospital", name="市精神卫生中心", department="儿童青少年心理科"),
    )
    withdrawn = propose_referral(
        c, ids["wang"], institution_id=hospital, urgency="routine", reason="初诊", on=ago(9)
    )
    withdraw_referral(c, withdrawn, on=ago(9), reason="家长希望先观察")
    live = propose_referral(
        c, ids["wang"], institution_id=hospital, urgency="urgent", reason="持续失眠", on=ago(5)
    )
    record_referral_consent(
        c,
        live,
        ConsentInput(
            purpose="referral",
            given=True,
            on=ago(4),
            method="paper",
            text_version="转介知情同意书 第1版",
            guardian_name="王母",
            relation="母亲",
        ),
    )
    _raise(c, ids["li"], 1, 3, "上课注意力不集中")
    _raise(c, ids["zhao"], 1, 60, "住院治疗")
    leave = start_leave(
        c, ids["zhao"], start_on=ago(50), certificate="市中心医院诊断证明", reason="住院"
    )
    record_return(
        c,
        leave,
        ReturnInput(
            returned_on=ago(5),
            application_on=ago(12),
            meeting_on=ago(7),
            assessment="情绪稳定，可以复学",
            return_plan="每周辅导一次",
            watchers="班主任、心理委员",
            session_frequency="每周一次",
            recovery_certificate="市中心医院康复证明",
        ),
    )
    _raise(c, ids["qian"], 1, 40, "考试焦虑")
    _tasks_done(c, ids["qian"])
    close_file(
        c,
        ids["qian"],
        ClosureInput(
            closed_on=ago(0),
            reason="goals_met",
            goals_achieved="焦虑缓解",
            evaluation="目标达成",
        ),
    )
    _raise(c, ids["sun"], 3, 2, "自述有轻生念头")
    return School(admin, counsellor, viewer, ids, {"live": live, "withdrawn": withdrawn}, folder)


def make(tmp_path: Path) -> Iterator[School]:
    school = build_school(tmp_path / "vault")
    try:
        yield school
    finally:
        school.admin.close()


def records(school: School) -> list[tuple[Any, ...]]:
    """(number, student, kind, action, sha256, template version) of every logged document."""
    with school.admin.vault.read() as s:
        return [
            tuple(row)
            for row in s.execute(
                select(
                    DocumentRecord.number,
                    DocumentRecord.student_id,
                    DocumentRecord.kind,
                    DocumentRecord.action,
                    DocumentRecord.sha256,
                    DocumentRecord.template_version,
                ).order_by(DocumentRecord.id)
            )
        ]


def audits(school: School, prefix: str) -> list[tuple[str, str | None, str | None]]:
    with school.admin.vault.read() as s:
        return [
            (a, t, d)
            for a, t, d in s.execute(
                select(AuditEntry.action, AuditEntry.target, AuditEntry.detail)
                .where(AuditEntry.action.startswith(prefix))
                .order_by(AuditEntry.seq)
            )
        ]
