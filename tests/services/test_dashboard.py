"""The 工作台 lists exactly what needs doing, in order, and a viewer gets required actions only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counselroom.domain.notifications import NotificationMatrix, Recipient
from counselroom.domain.policy import Policy
from counselroom.domain.tiers import RecipientRole, Tier
from counselroom.services.context import Actor, Context
from counselroom.services.dashboard import Dashboard, DashboardItem, dashboard
from counselroom.services.roles import Role
from counselroom.services.users import add_user
from counselroom.storage.base import Base
from counselroom.storage.models import (
    AuditEntry,
    BreakGlassRecord,
    Concern,
    CounsellingSession,
    Institution,
    NotificationTask,
    Plan,
    PolicySetting,
    Referral,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    Student,
)
from vault_fixtures import CHEAP, PASSWORD, make_vault

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 2)  # 10:00 in Beijing, as the vault stores it (UTC)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A Beijing wall-clock time as stored (naive UTC)."""
    return datetime(day.year, day.month, day.day, hour, minute) - timedelta(hours=8)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@dataclass
class School:
    counsellor: Context
    viewer: Context
    ids: dict[str, int]


def _add(session: Any, model: type[Base], **values: Any) -> int:
    row = model(**values)
    session.add(row)
    session.flush()
    return int(row.id)  # type: ignore[attr-defined]


def with_users(admin: Context) -> tuple[Context, Context]:
    uid = add_user(admin, "lin", PASSWORD, Role.COUNSELLOR, display_name="林老师", kdf=CHEAP)
    vid = add_user(admin, "ban", PASSWORD, Role.VIEWER, display_name="王班主任", kdf=CHEAP)
    return (
        Context(admin.vault, Actor(uid, "lin", "林老师", Role.COUNSELLOR)),
        Context(admin.vault, Actor(vid, "ban", "王班主任", Role.VIEWER)),
    )


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    admin, _code = make_vault(tmp_path / "vault")
    counsellor, viewer = with_users(admin)
    me = counsellor.actor.user_id
    ids: dict[str, int] = {}
    with admin.vault.write() as s:
        cls = _add(s, SchoolClass, grade_level=8, number=3, label="初二(3)班")

        def student(key: str, name: str, **kw: Any) -> int:
            kw.setdefault("file_state", "none")
            ids[key] = _add(s, Student, name=name, grade_level=8, class_id=cls, **kw)
            return ids[key]

        def seen(sid: int, day: date, kind: str = "individual") -> None:
            _add(
                s,
                CounsellingSession,
                student_id=sid,
                started_at=local(day, 9),
                duration_min=40,
                kind=kind,
                counsellor_id=me,
            )

        opened = local(ago(60), 9)
        # Follow-ups: overdue; due within two days; not yet due; paused by leave.
        overdue = student(
            "overdue",
            "张一",
            file_state="open",
            tier=2,
            next_follow_up=ago(3),
            file_opened_at=opened,
        )
        soon = student(
            "soon",
            "李二",
            file_state="open",
            tier=1,
            next_follow_up=TODAY + timedelta(days=2),
            file_opened_at=opened,
        )
        later = student(
            "later",
            "王三",
            file_state="open",
            tier=1,
            next_follow_up=TODAY + timedelta(days=3),
            file_opened_at=opened,
        )
        leave = student(
            "leave",
            "赵四",
            file_state="open",
            tier=2,
            status="on_leave",
            next_follow_up=ago(9),
            file_opened_at=opened,
        )
        for sid in (overdue, soon, later, leave):
            seen(sid, ago(30))
        student("never", "钱五", file_state="open", tier=1, file_opened_at=local(ago(4), 9))

        # Notification tasks of a pupil without a file.
        tasks = student("tasks", "孙六")
        for key, due, done in (
            ("task_overdue", local(ago(1), 17), None),
            ("task_today", local(TODAY, 15), None),
            ("task_tomorrow", local(TODAY + timedelta(days=1), 23, 30), None),
            ("task_after", local(TODAY + timedelta(days=2), 0, 30), None),
            ("task_done", local(ago(2), 9), local(ago(2), 10)),
        ):
            ids[key] = _add(
                s,
                NotificationTask,
                student_id=tasks,
                recipient_role="guardian" if key == "task_overdue" else "head_teacher",
                due_at=due,
                done_at=done,
            )

        # Screening: flagged without interview; flagged and interviewed after; item 9 with only
        # an older interview; a clean result.
        batch = _add(s, ScreeningBatch, instrument="phq9", on=ago(10), term="t", created_by_id=me)
        batch9 = _add(s, ScreeningBatch, instrument="phq9", on=ago(1), term="t", created_by_id=me)

        def result(sid: int, b: int, flags: list[str], total: int) -> int:
            return _add(
                s,
                ScreeningResult,
                batch_id=b,
                student_id=sid,
                total=total,
                flags_json=json.dumps(flags),
            )

        ids["flag_result"] = result(student("flagged", "周七"), batch, ["phq9_flag"], 14)
        interviewed = student("interviewed", "吴八")
        result(interviewed, batch, ["phq9_flag"], 16)
        seen(interviewed, ago(9), "interview")
        item9 = student("item9", "郑九")
        ids["item9_result"] = result(item9, batch9, ["item9"], 6)
        seen(item9, ago(30), "interview")
        result(student("clean", "陈十一"), batch, [], 3)
        handled = student("handled", "褚十二")
        handled_result = result(handled, batch, ["gad7_flag"], 12)
        _add(
            s,
            Concern,
            student_id=handled,
            reported_on=ago(10),
            source="screening",
            description="筛查提示",
            screening_result_id=handled_result,
            handled_at=local(ago(8), 9),
            created_by_id=me,
        )
        ids["concern_row"] = _add(
            s,
            Concern,
            student_id=student("concern", "冯十"),
            reported_on=TODAY,
            source="head_teacher",
            description="课堂上哭泣",
            created_by_id=me,
        )

        # Plans: the latest version counts (v1 overdue, v2 due in five days); one far off.
        for version, review in ((1, ago(20)), (2, TODAY + timedelta(days=5))):
            ids[f"plan_v{version}"] = _add(
                s,
                Plan,
                student_id=overdue,
                version=version,
                assessment="a",
                goals="g",
                review_on=review,
                created_by_id=me,
                created_at=local(ago(40 - version), 9),
            )
        _add(
            s,
            Plan,
            student_id=soon,
            version=1,
            assessment="a",
            goals="g",
            review_on=TODAY + timedelta(days=30),
            created_by_id=me,
        )
        _add(
            s,
            Plan,
            student_id=leave,
            version=1,
            assessment="a",
            goals="g",
            review_on=TODAY + timedelta(days=7),
            created_by_id=me,
        )

        # Referrals: sent 20 days ago (overdue after 14), seen recently, answered, proposed.
        hospital = _add(s, Institution, kind="hospital", name="市精神卫生中心")
        for key, sid, state, sent, feedback in (
            ("ref_overdue", later, "sent", ago(20), None),
            ("ref_waiting", soon, "seen", ago(5), None),
            ("ref_answered", overdue, "feedback", ago(30), ago(10)),
            ("ref_proposed", overdue, "proposed", None, None),
        ):
            ids[key] = _add(
                s,
                Referral,
                student_id=sid,
                institution_id=hospital,
                reason="r",
                state=state,
                proposed_on=ago(40),
                sent_on=sent,
                feedback_on=feedback,
                created_by_id=me,
            )
    yield School(counsellor, viewer, ids)
    admin.close()


def keys(items: tuple[DashboardItem, ...]) -> list[int]:
    return [item.student_id for item in items]


def test_dashboard_lists_exactly_what_is_due(school: School) -> None:
    ids = school.ids
    board = dashboard(school.counsellor, TODAY, now=NOW)
    assert not board.restricted
    assert board.today == TODAY

    assert keys(board.follow_ups) == [ids["overdue"], ids["soon"]]
    first, second = board.follow_ups
    assert (first.overdue, first.due, first.kind) == (True, ago(3), "follow_up")
    assert (second.overdue, second.due) == (False, TODAY + timedelta(days=2))
    assert (first.name, first.class_label, first.tier) == ("张一", "初二(3)班", 2)

    assert keys(board.never_followed) == [ids["never"]]
    assert board.never_followed[0].due == ago(4)

    tasks = board.tasks
    assert [t.record_id for t in tasks] == [
        ids["task_overdue"],
        ids["task_today"],
        ids["task_tomorrow"],
    ]
    assert [t.overdue for t in tasks] == [True, False, False]
    assert [t.detail for t in tasks] == ["guardian", "head_teacher", "head_teacher"]
    assert tasks[2].due == TODAY + timedelta(days=1)  # the local day, not the UTC one

    interviews = {i.student_id: i for i in board.interviews}
    assert set(interviews) == {ids["flagged"], ids["item9"], ids["concern"]}
    assert interviews[ids["flagged"]].detail == "phq9_flag"
    assert interviews[ids["flagged"]].record_id == ids["flag_result"]
    assert interviews[ids["flagged"]].overdue  # ten days old
    assert (interviews[ids["item9"]].detail, interviews[ids["item9"]].overdue) == ("item9", True)
    assert interviews[ids["concern"]].detail == "concern"
    assert interviews[ids["concern"]].record_id == ids["concern_row"]
    assert not interviews[ids["concern"]].overdue  # reported today
    assert keys(board.interviews)[-1] == ids["concern"]  # overdue first

    assert [(p.student_id, p.record_id) for p in board.plan_reviews] == [
        (ids["overdue"], ids["plan_v2"]),
        (ids["leave"], board.plan_reviews[1].record_id),
    ]
    assert board.plan_reviews[0].due == TODAY + timedelta(days=5)
    assert not any(p.overdue for p in board.plan_reviews)

    feedback = board.referral_feedback
    assert [r.record_id for r in feedback] == [ids["ref_overdue"], ids["ref_waiting"]]
    assert (feedback[0].due, feedback[0].overdue, feedback[0].detail) == (ago(6), True, "sent")
    assert (feedback[1].due, feedback[1].overdue, feedback[1].detail) == (
        ago(5) + timedelta(days=14),
        False,
        "seen",
    )


def test_a_later_interview_clears_a_flag_and_an_earlier_one_does_not(school: School) -> None:
    board = dashboard(school.counsellor, TODAY, now=NOW)
    listed = set(keys(board.interviews))
    assert school.ids["interviewed"] not in listed
    assert school.ids["handled"] not in listed  # its concern records the interview
    assert school.ids["clean"] not in listed
    assert school.ids["item9"] in listed


def test_task_overdue_follows_now(school: School) -> None:
    later = dashboard(school.counsellor, TODAY, now=local(TODAY, 16))
    assert [t.overdue for t in later.tasks] == [True, True, False]


def test_each_list_is_sorted_overdue_first_then_by_due(school: School) -> None:
    board = dashboard(school.counsellor, TODAY, now=NOW)
    for part in (board.follow_ups, board.tasks, board.interviews, board.referral_feedback):
        order = [(not i.overdue, i.due or date.max) for i in part]
        assert order == sorted(order)


def test_viewer_gets_required_actions_only(school: School) -> None:
    full = dashboard(school.counsellor, TODAY, now=NOW)
    board = dashboard(school.viewer, TODAY, now=NOW)
    assert isinstance(board, Dashboard)
    assert board.restricted
    assert board.follow_ups == full.follow_ups
    assert board.never_followed == full.never_followed
    assert board.tasks == full.tasks
    assert board.interviews == () and board.plan_reviews == () and board.referral_feedback == ()


def test_dashboard_is_not_audited(school: School) -> None:
    def entries() -> int:
        with school.counsellor.vault.read() as s:
            return int(s.scalar(select(func.count(AuditEntry.seq))) or 0)

    before = entries()
    dashboard(school.counsellor, TODAY, now=NOW)
    dashboard(school.viewer, TODAY, now=NOW)
    assert entries() == before


def test_closed_files_leave_the_task_list(school: School) -> None:
    with school.counsellor.vault.write() as s:
        closed = _add(s, Student, name="结案生", grade_level=8, file_state="closed", tier=1)
        task = _add(
            s,
            NotificationTask,
            student_id=closed,
            recipient_role="guardian",
            due_at=local(ago(1), 9),
        )
    board = dashboard(school.counsellor, TODAY, now=NOW)
    assert task not in {t.record_id for t in board.tasks}
    assert closed not in keys(board.tasks)
    with school.counsellor.vault.write() as s:
        row = s.get(Student, closed)
        assert row is not None
        row.file_state = "open"  # reopened: the kept task is back
    board = dashboard(school.counsellor, TODAY, now=NOW)
    assert [(t.record_id, t.kind, t.overdue) for t in board.tasks if t.student_id == closed] == [
        (task, "task", True)
    ]


def test_pending_break_glass_lines(school: School) -> None:
    me = school.counsellor.actor.user_id
    with school.counsellor.vault.write() as s:
        pupil = _add(s, Student, name="危机生", grade_level=8, file_state="open", tier=3)
        closed = _add(s, Student, name="结案危机", grade_level=8, file_state="closed")

        def risk(sid: int, started: datetime, check: str = "self_harm") -> int:
            return _add(
                s,
                CounsellingSession,
                student_id=sid,
                started_at=started,
                duration_min=50,
                kind="crisis",
                risk_check=check,
                counsellor_id=me,
            )

        late = risk(pupil, NOW - timedelta(hours=2))  # nobody told, past the hour
        fresh = risk(pupil, NOW - timedelta(minutes=30), "harm_others")  # within the hour
        half = risk(pupil, local(ago(1), 16))  # 班主任 told, guardian not yet
        told = risk(pupil, local(ago(2), 9))  # both told, in two records
        risk(pupil, local(ago(2), 9), "none")
        risk(closed, NOW - timedelta(hours=5))
        for session_id, head, guardian in (
            (half, local(ago(1), 17), None),
            (told, local(ago(2), 10), None),
            (told, None, local(ago(2), 11)),
        ):
            _add(
                s,
                BreakGlassRecord,
                session_id=session_id,
                student_id=pupil,
                head_teacher_informed_at=head,
                guardian_informed_at=guardian,
                informed_by_id=me,
            )
    board = dashboard(school.counsellor, TODAY, now=NOW)
    lines = [
        (t.record_id, t.detail, t.due, t.overdue) for t in board.tasks if t.kind == "break_glass"
    ]
    assert sorted(lines, key=lambda line: (line[0], line[1])) == [
        (late, "guardian", TODAY, True),
        (late, "head_teacher", TODAY, True),
        (fresh, "guardian", TODAY, False),
        (fresh, "head_teacher", TODAY, False),
        (half, "guardian", ago(1), True),
    ]
    assert all(t.student_id == pupil for t in board.tasks if t.kind == "break_glass")
    order = [(not t.overdue, t.due or date.max) for t in board.tasks]
    assert order == sorted(order)
    # Required actions: the viewer sees the same lines.
    assert dashboard(school.viewer, TODAY, now=NOW).tasks == board.tasks


def test_break_glass_deadline_follows_the_policy(school: School) -> None:
    """The tier-3 班主任 deadline of the policy in force; 1 hour when the list has none."""
    me = school.counsellor.actor.user_id
    with school.counsellor.vault.write() as s:
        pupil = _add(s, Student, name="危机生", grade_level=8, file_state="open", tier=3)
        session_id = _add(
            s,
            CounsellingSession,
            student_id=pupil,
            started_at=NOW - timedelta(hours=2),
            duration_min=50,
            kind="crisis",
            risk_check="self_harm",
            counsellor_id=me,
        )

    def overdue() -> list[bool]:
        board = dashboard(school.counsellor, TODAY, now=NOW)
        return [t.overdue for t in board.tasks if t.record_id == session_id]

    def store(tier3: list[Recipient]) -> None:
        policy = Policy(notifications=NotificationMatrix.of({Tier(3): tier3}))
        with school.counsellor.vault.write() as s:
            version = s.scalar(select(func.max(PolicySetting.version))) or 0
            _add(s, PolicySetting, version=version + 1, data_json=json.dumps(policy.to_dict()))

    assert overdue() == [True, True]
    store([Recipient(RecipientRole.HEAD_TEACHER, timedelta(hours=3))])
    assert overdue() == [False, False]
    store([Recipient(RecipientRole.GUARDIAN, timedelta(hours=3))])
    assert overdue() == [True, True]
