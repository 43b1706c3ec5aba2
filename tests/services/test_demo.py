"""The synthetic school: valid identities, realistic rates, a case history that keeps the rules."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.domain.cutoffs import Gad7Cutoffs, Phq9Cutoffs
from counselroom.domain.dates import age_on
from counselroom.domain.idnumbers import (
    birth_date_from_id,
    canonical_student_no,
    gender_from_id,
    validate_id_number,
)
from counselroom.domain.pinyin import search_key
from counselroom.domain.policy import Policy, next_follow_up, notification_plan
from counselroom.domain.tiers import Tier
from counselroom.services.context import Context
from counselroom.services.demo import DEMO_PASSWORD, create_demo_vault, generate_school
from counselroom.services.follow_up import refresh_follow_up
from counselroom.services.passwords import check_new_password
from counselroom.storage.models import (
    AuditEntry,
    BreakGlassRecord,
    Closure,
    CounsellingSession,
    Guardian,
    Leave,
    NotificationTask,
    Plan,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    Staff,
    Student,
    StudentGroup,
    TierChange,
    User,
)
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from counselroom.vault.vault import Vault
from counselroom.vault.verify import verify_vault

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9)  # the generator's "now": 17:00 Beijing time, in UTC
N = 1000
MOBILE_PREFIXES = {f"13{d}" for d in range(10)} | {
    f"1{a}{b}" for a in "5789" for b in range(10)
} - {"154", "174", "179", "194"}
RARE = set("𠮷堃昇喆珺玥燊")
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    folder = tmp_path_factory.mktemp("demo") / "vault"
    ctx, _code, summary = create_demo_vault(folder, N, kdf=INSECURE_TEST_PARAMS, today=TODAY)
    assert summary.students == N
    yield ctx
    ctx.close()


@pytest.fixture
def session(demo: Context) -> Iterator[Session]:
    with demo.vault.read() as s:
        yield s


def test_vault_verifies_and_audit_has_counts_only(demo: Context, session: Session) -> None:
    assert verify_vault(demo.vault) == []
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "demo.generate"))
    (entry,) = entries.all()
    assert entry.detail is not None and entry.detail.isascii()
    assert f"students={N}" in entry.detail


def test_second_generate_is_refused(demo: Context) -> None:
    from counselroom.domain.errors import CounselRoomError

    with pytest.raises(CounselRoomError, match="already has students"):
        generate_school(demo, 10, today=TODAY)
    with demo.vault.read() as s:
        assert s.scalar(select(func.count()).select_from(Student)) == N


def test_id_numbers_and_student_numbers_are_valid(session: Session) -> None:
    students = session.scalars(select(Student)).all()
    assert len({s.student_no for s in students}) == N
    for s in students:
        assert s.id_number is not None and s.student_no is not None
        validate_id_number(s.id_number, on=TODAY)
        assert canonical_student_no(s.student_no, on=TODAY) == "G" + s.id_number
        assert birth_date_from_id(s.id_number) == s.birth_date
        assert gender_from_id(s.id_number) == s.gender
        assert s.id_number[:2] in {"50", "51", "52", "43", "42", "41"}


def test_ages_match_grades(session: Session) -> None:
    offsets: Counter[int] = Counter()
    for birth, grade in session.execute(select(Student.birth_date, Student.grade_level)):
        assert grade is not None and 7 <= grade <= 12  # a complete secondary school
        offsets[age_on(birth, date(2026, 8, 31)) - grade] += 1
    assert set(offsets) <= {4, 5, 6}
    # 满6周岁入学 by 31 August: in grade g a pupil is g + 5 on that day, some a year older.
    assert offsets[5] / N > 0.8


def test_classes_have_about_45_pupils_and_a_head_teacher(session: Session) -> None:
    sizes = Counter(session.scalars(select(Student.class_id)))
    assert all(35 <= size <= 56 for size in sizes.values())
    heads = session.scalars(select(SchoolClass.head_teacher_id)).all()
    assert None not in heads and len(set(heads)) == len(heads)
    roles = set(session.scalars(select(Staff.role)))
    assert {
        "head_teacher",
        "moral_education",
        "vice_principal",
        "principal",
        "safety_office",
        "psychology_teacher",
    } <= roles


def test_phone_numbers_are_chinese_mobiles(session: Session) -> None:
    phones = list(session.scalars(select(Guardian.phone)))
    phones += list(session.scalars(select(Staff.phone)))
    phones += [p for p in session.scalars(select(Student.phone)) if p]
    assert len(phones) > N
    for phone in phones:
        assert len(phone) == 11 and phone.isdigit() and phone[:3] in MOBILE_PREFIXES, phone


def test_names_include_rare_characters_and_compound_surnames(session: Session) -> None:
    names = list(session.scalars(select(Student.name)))
    assert sum(any(ch in RARE for ch in name) for name in names) >= 3
    assert "𠮷" in "".join(names) or any(ch in RARE for ch in "".join(names))
    assert sum(name.startswith(COMPOUND) for name in names) >= 2
    single = sum(len(name) == 2 for name in names) / N
    assert 0.1 < single < 0.3
    top = Counter(name[0] for name in names).most_common(3)
    assert {char for char, _ in top} <= {"王", "李", "张", "刘", "陈"}
    for name, key in session.execute(select(Student.name, Student.name_pinyin)):
        assert key == search_key(name)


def test_guardians_and_care_group_rates(session: Session) -> None:
    per_student = Counter(session.scalars(select(Guardian.student_id)))
    assert set(per_student.values()) <= {1, 2} and len(per_student) == N
    groups = Counter(session.scalars(select(StudentGroup.code)))
    assert 0.18 <= groups["left_behind"] / N <= 0.32  # rural default
    assert 0.04 <= groups["divorced"] / N <= 0.13
    assert groups["orphan"] / N < 0.02
    grand = {"祖父", "祖母", "外祖父", "外祖母"}
    left = set(
        session.scalars(select(StudentGroup.student_id).where(StudentGroup.code == "left_behind"))
    )
    first = {
        sid: rel
        for sid, rel in session.execute(
            select(Guardian.student_id, Guardian.relation).where(Guardian.ordinal == 1)
        )
    }
    assert all(first[sid] in grand for sid in left)


def test_exam_pressure_only_in_graduating_years(session: Session) -> None:
    grades = session.scalars(
        select(Student.grade_level)
        .join(StudentGroup, StudentGroup.student_id == Student.id)
        .where(StudentGroup.code == "exam_pressure")
    ).all()
    assert grades and set(grades) <= {9, 12}


def test_screening_scores_follow_the_cutoffs(session: Session) -> None:
    phq9, gad7 = Phq9Cutoffs(), Gad7Cutoffs()
    totals: list[int] = []
    rows = session.execute(
        select(ScreeningBatch.instrument, ScreeningResult).join(
            ScreeningBatch, ScreeningResult.batch_id == ScreeningBatch.id
        )
    )
    for instrument, result in rows:
        answers = json.loads(result.answers_json or "null")
        flags = json.loads(result.flags_json)
        total = result.total
        assert total is not None and result.valid
        assert sum(answers) == total and all(0 <= a <= 3 for a in answers)
        if instrument == "phq9":
            assert len(answers) == 9 and result.item9 == answers[8]
            assert result.band == phq9.severity(total).value
            assert ("phq9_flag" in flags) == phq9.is_flagged(total)
            assert ("item9" in flags) == phq9.item9_alert(answers[8])
            totals.append(total)
        else:
            assert len(answers) == 7 and result.band == gad7.severity(total).value
            assert ("gad7_flag" in flags) == gad7.is_flagged(total)
    high = sum(t >= 10 for t in totals) / len(totals)
    assert 0.06 <= high <= 0.16
    assert sorted(totals)[len(totals) // 2] <= 5
    assert len(totals) > 1.5 * N  # two PHQ-9 terms


def _tier_history(session: Session) -> dict[int, list[TierChange]]:
    history: dict[int, list[TierChange]] = defaultdict(list)
    for change in session.scalars(
        select(TierChange).order_by(TierChange.effective_on, TierChange.id)
    ):
        history[change.student_id].append(change)
    return history


def test_tier_is_the_last_tier_change(session: Session) -> None:
    history = _tier_history(session)
    files = 0
    for student in session.scalars(select(Student)):
        changes = history.get(student.id, [])
        if not changes:
            assert student.tier == 0 and student.file_state == "none"
            continue
        files += 1
        assert student.file_state in ("open", "closed")
        assert student.tier == changes[-1].to_tier
        assert [c.from_tier for c in changes[1:]] == [c.to_tier for c in changes[:-1]]
        assert changes[0].from_tier == 0
    assert 0.06 <= files / N <= 0.10


def test_raises_notify_the_policy_list_and_lowerings_have_a_review(session: Session) -> None:
    policy = Policy.default()
    tasks: dict[int, list[NotificationTask]] = defaultdict(list)
    for task in session.scalars(select(NotificationTask).order_by(NotificationTask.id)):
        if task.tier_change_id is not None:
            tasks[task.tier_change_id].append(task)
    raises = lowers = 0
    for change in session.scalars(select(TierChange)):
        if change.to_tier > change.from_tier:
            raises += 1
            plan = notification_plan(policy, Tier(change.to_tier))
            mine = tasks.get(change.id, [])
            assert [t.recipient_role for t in mine] == [r.role.value for r in plan]
            for task, (_role, within) in zip(mine, plan, strict=True):
                assert task.due_at == change.created_at + within
                assert task.person
                assert task.done_at is None or task.done_at <= NOW
        else:
            lowers += 1
            assert change.review_note
            assert change.id not in tasks
    assert raises and lowers
    overdue = session.scalars(
        select(NotificationTask.due_at).where(
            NotificationTask.done_at.is_(None), NotificationTask.due_at < NOW
        )
    ).all()
    assert 0 < len(overdue) < 40  # a few, and all of them recent
    assert min(overdue) >= NOW - timedelta(days=14)


def test_state_follows_the_history(session: Session) -> None:
    policy = Policy.default()
    closed = set(session.scalars(select(Closure.student_id)))
    on_leave = set(session.scalars(select(Leave.student_id).where(Leave.state == "on_leave")))
    last_session = dict(
        session.execute(
            select(CounsellingSession.student_id, func.max(CounsellingSession.started_at)).group_by(
                CounsellingSession.student_id
            )
        ).all()
    )
    for student in session.scalars(select(Student)):
        assert (student.file_state == "closed") == (student.id in closed)
        assert (student.status == "on_leave") == (student.id in on_leave)
        if student.file_state == "none":
            assert student.id not in last_session and student.next_follow_up is None
            continue
        assert student.file_opened_at is not None and student.keeper_id is not None
        if student.file_state == "open" and student.status == "enrolled":
            # Exactly what the services compute: test_follow_up_dates_are_what_the_services_compute.
            last = (last_session[student.id] + timedelta(hours=8)).date()
            due = student.next_follow_up
            interval = next_follow_up(policy, Tier(student.tier), last)
            assert due is not None and (interval is None or due <= interval)
        else:
            assert student.next_follow_up is None


def test_sessions_are_in_the_past_and_disclosures_break_glass(session: Session) -> None:
    latest = session.scalar(select(func.max(CounsellingSession.started_at)))
    assert latest is not None and latest < datetime(2026, 11, 21, 16)
    harm = set(
        session.scalars(
            select(CounsellingSession.id).where(CounsellingSession.risk_check == "self_harm")
        )
    )
    glass = set(session.scalars(select(BreakGlassRecord.session_id)))
    assert harm and harm == glass
    kinds = Counter(session.scalars(select(CounsellingSession.kind)))
    assert kinds["individual"] > kinds["interview"] > 0 and kinds["family"] > 0
    first = session.execute(
        select(CounsellingSession.student_id, CounsellingSession.kind).order_by(
            CounsellingSession.student_id, CounsellingSession.started_at
        )
    ).all()
    seen: set[int] = set()
    for student_id, kind in first:
        if student_id not in seen:
            seen.add(student_id)
            assert kind == "interview"


def test_demo_users_sign_in_with_the_demo_password(demo: Context) -> None:
    check_new_password(DEMO_PASSWORD)
    with demo.vault.read() as s:
        roles = dict(s.execute(select(User.username, User.role)).all())
    assert roles == {"admin": "admin", "counsellor": "counsellor", "viewer": "viewer"}


def test_demo_vault_opens_with_the_demo_password(tmp_path: Path) -> None:
    ctx, _code, _summary = create_demo_vault(
        tmp_path / "v", 30, kdf=INSECURE_TEST_PARAMS, today=TODAY
    )
    ctx.close()
    for username in ("admin", "counsellor", "viewer"):
        vault, unlocked = Vault.unlock(tmp_path / "v", username, DEMO_PASSWORD)
        assert unlocked.username == username
        vault.close()


# Columns that name a moment still to come (deadlines, appointments, planned dates).
FUTURE_COLUMNS = {
    "due_at",
    "next_appointment",
    "expected_return_on",
    "review_on",
    "close_follow_up_until",
    "next_follow_up",
}


def test_nothing_has_happened_after_today(session: Session) -> None:
    from counselroom.services.demo.tables import INSERT_ORDER

    checked = 0
    for model in INSERT_ORDER:
        table = model.__table__
        for column in table.c:
            if column.name in FUTURE_COLUMNS:
                continue
            latest = session.scalar(select(func.max(column)))
            if isinstance(latest, datetime):
                assert latest <= NOW, f"{table.name}.{column.name} = {latest}"
                checked += 1
            elif isinstance(latest, date):
                assert latest <= TODAY, f"{table.name}.{column.name} = {latest}"
                checked += 1
    assert checked > 30


def test_follow_up_dates_are_what_the_services_compute(session: Session) -> None:
    """The generator writes next_follow_up itself; it must be the services' rule
    (services/follow_up.py), so a file saved in the window keeps the same date."""
    policy = Policy.default()
    students = session.scalars(
        select(Student).where(Student.file_state == "open", Student.status == "enrolled")
    ).all()
    assert students
    for student in students:
        stored = student.next_follow_up
        assert refresh_follow_up(session, student, policy) == stored, student.id
    session.rollback()  # refresh_follow_up assigns; this test only compares


def test_open_observed_files_have_their_plan_reviewed(session: Session) -> None:
    """A file kept open at tier 0 is still reviewed: no review overdue beyond a weekend."""
    latest = (
        select(Plan.student_id, func.max(Plan.version).label("version"))
        .group_by(Plan.student_id)
        .subquery()
    )
    reviews = session.execute(
        select(Student.id, Plan.review_on)
        .join(latest, latest.c.student_id == Student.id)
        .join(Plan, (Plan.student_id == Student.id) & (Plan.version == latest.c.version))
        .where(Student.file_state == "open", Student.tier == 0)
    ).all()
    assert reviews
    for student_id, review_on in reviews:
        assert review_on >= TODAY - timedelta(days=3), student_id
