"""The benchmark profile: DESIGN.md's case load per pupil, with the rules of the default kept."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.domain.policy import Policy, next_follow_up, notification_plan
from counselroom.domain.tiers import Tier
from counselroom.services.context import Context
from counselroom.services.demo import DemoSummary, create_demo_vault
from counselroom.services.demo.tables import INSERT_ORDER
from counselroom.services.follow_up import refresh_follow_up
from counselroom.storage.models import (
    AuditEntry,
    BreakGlassRecord,
    Closure,
    CounsellingSession,
    NotificationTask,
    ScreeningBatch,
    Student,
    TierChange,
)
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from counselroom.vault.verify import verify_vault

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9)  # 17:00 Beijing time, in UTC
N = 300
FUTURE_COLUMNS = {
    "due_at",
    "next_appointment",
    "expected_return_on",
    "review_on",
    "close_follow_up_until",
    "next_follow_up",
}


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Context, DemoSummary]]:
    folder = tmp_path_factory.mktemp("bench") / "vault"
    ctx, _code, summary = create_demo_vault(
        folder, N, seed=4, kdf=INSECURE_TEST_PARAMS, today=TODAY, profile="benchmark"
    )
    yield ctx, summary
    ctx.close()


@pytest.fixture
def session(bench: tuple[Context, DemoSummary]) -> Iterator[Session]:
    with bench[0].vault.read() as s:
        yield s


def test_vault_verifies(bench: tuple[Context, DemoSummary], session: Session) -> None:
    assert verify_vault(bench[0].vault) == []
    (detail,) = session.scalars(
        select(AuditEntry.detail).where(AuditEntry.action == "demo.generate")
    ).all()
    assert detail is not None and f"students={N}" in detail


def test_proportions_follow_design_size_m(
    bench: tuple[Context, DemoSummary], session: Session
) -> None:
    # DESIGN.md, M = 5,000 pupils: 1,500 open files, 30,000 sessions, 800 referrals, 10,000
    # screening results; per pupil 30 %, 6, 16 % and 2.
    summary = bench[1]
    assert summary.students == N
    assert summary.open_files == round(0.30 * N)
    assert summary.closed_files <= round(0.05 * N)
    assert 14 <= summary.sessions / summary.open_files <= 30
    assert 0.10 <= summary.referrals / N <= 0.24
    assert 1.8 <= summary.screening_results / N <= 2.3
    opened = session.scalar(
        select(func.count()).select_from(Student).where(Student.file_state == "open")
    )
    assert opened == summary.open_files
    instruments = Counter(session.scalars(select(ScreeningBatch.instrument)))
    assert instruments == {"phq9": 2, "gad7": 1}
    gad7_grades = session.scalar(
        select(ScreeningBatch.grades).where(ScreeningBatch.instrument == "gad7")
    )
    assert gad7_grades == "9,12"  # the graduating years only


def test_a_long_running_file_has_300_sessions(session: Session) -> None:
    per_student = Counter(session.scalars(select(CounsellingSession.student_id)))
    long_id, count = per_student.most_common(1)[0]
    assert count >= 300
    student = session.get(Student, long_id)
    assert student is not None and student.file_state == "open"
    assert student.grade_level == 12  # the longest at the school
    first = session.scalar(
        select(func.min(CounsellingSession.started_at)).where(
            CounsellingSession.student_id == long_id
        )
    )
    assert first is not None and first < datetime(2024, 1, 1)
    assert student.created_at <= first  # the roster predates every record
    kinds = Counter(
        session.scalars(
            select(CounsellingSession.kind).where(CounsellingSession.student_id == long_id)
        )
    )
    assert kinds["interview"] == 1 and kinds["individual"] > 250
    # Other files stay within a plausible range.
    assert sorted(per_student.values())[-2] < 200


def test_tier_history_notifications_and_reviews(session: Session) -> None:
    policy = Policy.default()
    history: dict[int, list[TierChange]] = defaultdict(list)
    for change in session.scalars(
        select(TierChange).order_by(TierChange.effective_on, TierChange.id)
    ):
        history[change.student_id].append(change)
    tasks: dict[int, list[NotificationTask]] = defaultdict(list)
    for task in session.scalars(select(NotificationTask).order_by(NotificationTask.id)):
        if task.tier_change_id is not None:
            tasks[task.tier_change_id].append(task)
    for student in session.scalars(select(Student)):
        changes = history.get(student.id, [])
        if not changes:
            assert student.file_state == "none" and student.tier == 0
            continue
        assert student.tier == changes[-1].to_tier and changes[0].from_tier == 0
        assert [c.from_tier for c in changes[1:]] == [c.to_tier for c in changes[:-1]]
        for change in changes:
            assert change.from_tier != change.to_tier
            if change.to_tier > change.from_tier:
                plan = notification_plan(policy, Tier(change.to_tier))
                mine = tasks.get(change.id, [])
                assert [t.recipient_role for t in mine] == [r.role.value for r in plan]
            else:
                assert change.review_note and change.id not in tasks


def test_state_follows_the_history(session: Session) -> None:
    policy = Policy.default()
    closed = set(session.scalars(select(Closure.student_id)))
    last_session = dict(
        session.execute(
            select(CounsellingSession.student_id, func.max(CounsellingSession.started_at)).group_by(
                CounsellingSession.student_id
            )
        ).all()
    )
    for student in session.scalars(select(Student)):
        assert (student.file_state == "closed") == (student.id in closed)
        if student.file_state == "open" and student.status == "enrolled":
            # The services' rule, as the window would recompute it after any save.
            stored = student.next_follow_up
            assert refresh_follow_up(session, student, policy) == stored, student.id
            last = (last_session[student.id] + timedelta(hours=8)).date()
            interval = next_follow_up(policy, Tier(student.tier), last)
            assert stored is not None and (interval is None or stored <= interval)
    harm = set(
        session.scalars(
            select(CounsellingSession.id).where(CounsellingSession.risk_check == "self_harm")
        )
    )
    assert harm and harm == set(session.scalars(select(BreakGlassRecord.session_id)))


def test_nothing_has_happened_after_today(session: Session) -> None:
    for model in INSERT_ORDER:
        table = model.__table__
        for column in table.c:
            if column.name in FUTURE_COLUMNS:
                continue
            latest = session.scalar(select(func.max(column)))
            if isinstance(latest, datetime):
                assert latest <= NOW, f"{table.name}.{column.name} = {latest}"
            elif isinstance(latest, date):
                assert latest <= TODAY, f"{table.name}.{column.name} = {latest}"
