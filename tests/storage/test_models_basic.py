"""The models on a plain SQLite database: relationships, CHECK and UNIQUE constraints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import counselroom.storage.models as models
from counselroom.storage.models import (
    AuditEntry,
    Base,
    Consent,
    CounsellingSession,
    Guardian,
    Institution,
    NotificationTask,
    Plan,
    PlanMeasure,
    Referral,
    ReferralEvent,
    SchoolClass,
    SchoolProfile,
    ScreeningBatch,
    ScreeningResult,
    SessionAmendment,
    Staff,
    Student,
    StudentGroup,
    TierChange,
    User,
)

CONTRACT_TABLES = {
    "school_profile",
    "school_identity",
    "school_cards",
    "users",
    "policy_settings",
    "notice_templates",
    "staff",
    "classes",
    "students",
    "guardians",
    "student_groups",
    "concerns",
    "tier_changes",
    "notification_tasks",
    "plans",
    "plan_measures",
    "sessions",
    "session_amendments",
    "break_glass_records",
    "institutions",
    "referrals",
    "referral_events",
    "consents",
    "leaves",
    "returns",
    "parent_contacts",
    "group_activities",
    "screening_batches",
    "screening_results",
    "documents",
    "closures",
    "transfers",
    "transfer_students",
    "audit_log",
}

NOW = datetime(2026, 3, 2, 8, 30)
TODAY = date(2026, 3, 2)


@pytest.fixture
def engine() -> Iterator[sa.Engine]:
    engine = sa.create_engine("sqlite://")

    @sa.event.listens_for(engine, "connect")
    def _fk_on(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: sa.Engine) -> Iterator[Session]:
    with Session(engine) as s:
        yield s


@pytest.fixture
def counsellor(session: Session) -> User:
    user = User(username="liu", display_name="刘老师", role="counsellor")
    session.add(user)
    session.flush()
    return user


def _student(session: Session, **kwargs: Any) -> Student:
    values: dict[str, Any] = {"name": "张三", "gender": "M", "grade_level": 8}
    values.update(kwargs)
    student = Student(**values)
    session.add(student)
    session.flush()
    return student


def test_every_contract_table_is_registered() -> None:
    assert set(Base.metadata.tables) == CONTRACT_TABLES
    mapped = {m.class_.__tablename__ for m in Base.registry.mappers}
    assert mapped == CONTRACT_TABLES
    for name in models.__all__:
        assert hasattr(models, name)


def test_student_defaults_and_family(session: Session) -> None:
    head = Staff(name="王老师", role="head_teacher", phone="13800000000")
    klass = SchoolClass(grade_level=8, number=3, label="初二(3)班", head_teacher=head)
    student = Student(name="李四", gender="F", student_no="G110101201001011234", school_class=klass)
    student.guardians = [
        Guardian(ordinal=2, name="李父", relation="父亲", phone="139", is_guardian=True),
        Guardian(ordinal=1, name="王母", relation="母亲", phone="137", is_guardian=True),
    ]
    student.groups = [StudentGroup(code="left_behind", since=date(2024, 9, 1))]
    session.add(student)
    session.commit()
    session.expire_all()

    loaded = session.scalars(sa.select(Student).where(Student.name == "李四")).one()
    assert (loaded.status, loaded.file_state, loaded.tier) == ("enrolled", "none", 0)
    assert loaded.created_at is not None and loaded.created_at.tzinfo is None
    assert [g.name for g in loaded.guardians] == ["王母", "李父"]
    assert loaded.guardians[0].student is loaded
    assert [g.code for g in loaded.groups] == ["left_behind"]
    assert loaded.school_class is not None
    assert loaded.school_class.head_teacher is not None
    assert loaded.school_class.head_teacher.name == "王老师"
    assert loaded.school_class.students == [loaded]
    assert loaded.guardians[0].relation == "母亲"
    staff = session.get(Staff, head.id)
    assert staff is not None and staff.active is True


def test_case_work_records(session: Session, counsellor: User) -> None:
    student = _student(session, file_state="open", tier=2)
    change = TierChange(
        student_id=student.id,
        from_tier=0,
        to_tier=2,
        effective_on=TODAY,
        reason="访谈",
        evidence_kind="interview",
        evidence="面询记录",
        decided_by_id=counsellor.id,
    )
    change.tasks = [
        NotificationTask(
            student_id=student.id,
            recipient_role="head_teacher",
            person="王老师",
            due_at=NOW + timedelta(hours=48),
        ),
        NotificationTask(
            student_id=student.id,
            recipient_role="guardian",
            person="李父",
            due_at=NOW + timedelta(hours=48),
        ),
    ]
    plan = Plan(
        student_id=student.id,
        version=1,
        created_by_id=counsellor.id,
        assessment="a",
        risk_factors="r",
        protective_factors="p",
        goals="g",
        review_on=TODAY + timedelta(weeks=6),
    )
    plan.measures = [
        PlanMeasure(who="psychology_teacher", what="个体辅导", frequency="每两周一次"),
        PlanMeasure(who="head_teacher", what="关注课堂状态", frequency="每天"),
    ]
    visit = CounsellingSession(
        student_id=student.id,
        started_at=NOW,
        duration_min=45,
        kind="interview",
        presenting="p",
        observation="o",
        assessment="a",
        plan_text="t",
        counsellor_id=counsellor.id,
    )
    visit.amendments = [
        SessionAmendment(
            created_by_id=counsellor.id, field="observation", text="补充", reason="漏记"
        )
    ]
    hospital = Institution(kind="hospital", name="市精神卫生中心")
    consent = Consent(
        student_id=student.id,
        purpose="referral",
        guardian_name="李父",
        relation="父亲",
        method="paper",
        given=True,
        on=TODAY,
        text_version="2026-1",
        recorded_by_id=counsellor.id,
    )
    referral = Referral(
        student_id=student.id,
        institution=hospital,
        reason="持续低落",
        urgency="urgent",
        proposed_on=TODAY,
        created_by_id=counsellor.id,
    )
    session.add_all([change, plan, visit, consent, referral])
    session.flush()
    referral.consent_id = consent.id
    referral.events = [
        ReferralEvent(state="proposed", on=TODAY, at=NOW, by_id=counsellor.id),
        ReferralEvent(
            state="consent_given",
            on=TODAY + timedelta(days=1),
            at=NOW + timedelta(days=1),
            by_id=counsellor.id,
        ),
    ]
    batch = ScreeningBatch(
        instrument="phq9", on=TODAY, term="2025-2026-2", grades="8", created_by_id=counsellor.id
    )
    batch.results = [
        ScreeningResult(
            student_id=student.id,
            total=14,
            band="moderate",
            item9=1,
            flags_json=json.dumps(["phq9_total", "phq9_item9"]),
            answers_json=json.dumps([2, 2, 1, 2, 1, 2, 1, 2, 1]),
        )
    ]
    session.add(batch)
    session.commit()
    session.expire_all()

    loaded_change = session.scalars(sa.select(TierChange)).one()
    assert {t.recipient_role for t in loaded_change.tasks} == {"head_teacher", "guardian"}
    assert all(t.done_at is None and t.tier_change is loaded_change for t in loaded_change.tasks)
    loaded_plan = session.scalars(sa.select(Plan)).one()
    assert [m.who for m in loaded_plan.measures] == ["psychology_teacher", "head_teacher"]
    loaded_visit = session.scalars(sa.select(CounsellingSession)).one()
    assert (loaded_visit.mode, loaded_visit.risk_check) == ("in_person", "none")
    assert loaded_visit.amendments[0].session is loaded_visit
    loaded_referral = session.scalars(sa.select(Referral)).one()
    assert loaded_referral.state == "proposed"
    assert loaded_referral.institution.name == "市精神卫生中心"
    assert [e.state for e in loaded_referral.events] == ["proposed", "consent_given"]
    loaded_batch = session.scalars(sa.select(ScreeningBatch)).one()
    result = loaded_batch.results[0]
    assert (result.valid, result.item9, json.loads(result.flags_json)[1]) == (
        True,
        1,
        "phq9_item9",
    )

    # Deleting the student removes his file (ON DELETE CASCADE), not the shared rows.
    session.delete(session.get(Student, student.id))
    session.commit()
    for model in (
        TierChange,
        NotificationTask,
        Plan,
        PlanMeasure,
        CounsellingSession,
        SessionAmendment,
        Referral,
        ReferralEvent,
        Consent,
        ScreeningResult,
    ):
        assert session.scalar(sa.select(sa.func.count()).select_from(model)) == 0, model
    assert session.scalar(sa.select(sa.func.count()).select_from(Institution)) == 1
    assert session.scalar(sa.select(sa.func.count()).select_from(ScreeningBatch)) == 1


@pytest.mark.parametrize(
    "values",
    [
        {"tier": 4},
        {"tier": -1},
        {"status": "expelled"},
        {"gender": "X"},
        {"file_state": "archived"},
        {"grade_level": 13},
    ],
)
def test_student_checks_refuse_bad_values(session: Session, values: dict[str, Any]) -> None:
    with pytest.raises(IntegrityError):
        _student(session, **values)


def test_other_checks_refuse_bad_values(session: Session, counsellor: User) -> None:
    student = _student(session)
    bad: list[Any] = [
        TierChange(
            student_id=student.id,
            from_tier=0,
            to_tier=4,
            effective_on=TODAY,
            reason="r",
            evidence_kind="interview",
            evidence="e",
            decided_by_id=counsellor.id,
        ),
        CounsellingSession(
            student_id=student.id,
            started_at=NOW,
            duration_min=30,
            kind="chat",
            counsellor_id=counsellor.id,
        ),
        User(username="x", display_name="x", role="superuser"),
        SchoolProfile(id=2, name="第二中学"),
        ScreeningBatch(instrument="scl90", on=TODAY, term="t", created_by_id=counsellor.id),
    ]
    for row in bad:
        with pytest.raises(IntegrityError), session.begin_nested():
            session.add(row)
            session.flush()


def test_unique_student_no(session: Session) -> None:
    _student(session, student_no="G1")
    _student(session, student_no=None)
    _student(session, student_no=None)  # many students may lack a 学籍号
    with pytest.raises(IntegrityError):
        _student(session, student_no="G1")


def test_unique_plan_version_per_student(session: Session, counsellor: User) -> None:
    first, second = _student(session), _student(session, name="王五")

    def plan(student: Student, version: int) -> Plan:
        return Plan(
            student_id=student.id,
            version=version,
            created_by_id=counsellor.id,
            assessment="a",
            goals="g",
            review_on=TODAY,
        )

    session.add_all([plan(first, 1), plan(first, 2), plan(second, 1)])
    session.flush()
    with pytest.raises(IntegrityError):
        session.add(plan(first, 2))
        session.flush()


def test_unique_group_per_student(session: Session) -> None:
    student = _student(session)
    session.add(StudentGroup(student_id=student.id, code="orphan"))
    session.flush()
    with pytest.raises(IntegrityError):
        session.add(StudentGroup(student_id=student.id, code="orphan"))
        session.flush()


def test_audit_sequence_is_assigned_by_the_application(session: Session) -> None:
    session.add(AuditEntry(seq=1, at=NOW, action="login", mac=b"\x00" * 32))
    session.flush()
    with pytest.raises(IntegrityError):
        session.add(AuditEntry(seq=1, at=NOW, action="login", mac=b"\x01" * 32))
        session.flush()
