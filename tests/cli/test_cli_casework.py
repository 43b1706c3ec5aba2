"""Case work done through the services shows in `student show|list --json` (issue 4 item 9).

The vault is filled in-process through the real services (a tier raise with its tasks, one task
done, a plan, a session with an appointment, a closed file), closed, and read by a child
process, so the CLI's view is the one a script would get.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from conftest import Runner
from counselroom.domain.policy import Policy, notification_plan
from counselroom.domain.tiers import Tier
from counselroom.services.casework import change_tier, complete_task
from counselroom.services.closure import ClosureInput, close_file
from counselroom.services.counselling import SessionInput, record_session
from counselroom.services.localtime import local_today, utc_start_of
from counselroom.services.plans import MeasureInput, PlanInput, save_plan_version
from counselroom.storage.base import utcnow
from counselroom.storage.models import Guardian, SchoolClass, Staff, Student
from vault_fixtures import ADMIN, PASSWORD, make_vault

TIER_CALL: dict[str, Any] = {
    "reason": "访谈中流露绝望",
    "evidence_kind": "interview",
    "evidence": "面询记录",
}


def _fill(folder: Path) -> dict[str, Any]:
    ctx, _code = make_vault(folder)
    try:
        with ctx.vault.write() as s:
            head = Staff(name="陈老师", role="head_teacher")
            s.add(head)
            s.flush()
            klass = SchoolClass(grade_level=8, number=2, label="初二(2)班", head_teacher_id=head.id)
            s.add(klass)
            s.flush()
            open_one = Student(
                student_no="G110101201203040011",
                name="王小明",
                gender="M",
                grade_level=8,
                class_id=klass.id,
                guardians=[Guardian(name="王父", relation="父亲", is_guardian=True)],
            )
            closed_one = Student(name="赵小红", gender="F", grade_level=8, class_id=klass.id)
            s.add_all([open_one, closed_one])
            s.flush()
            sid, closed_id = open_one.id, closed_one.id
        today = local_today()
        raised = change_tier(ctx, sid, to_tier=2, effective_on=today, **TIER_CALL)
        complete_task(ctx, raised.tasks[0], method="phone", acknowledgement="已知悉")
        save_plan_version(
            ctx,
            sid,
            PlanInput(
                assessment="学业压力大，睡眠差",
                goals="两周内恢复规律作息",
                measures=(MeasureInput("head_teacher", "每日观察情绪", "每天"),),
            ),
            based_on_version=None,
        )
        appointment = utc_start_of(today + timedelta(days=5)) + timedelta(hours=2)
        saved = record_session(
            ctx,
            sid,
            SessionInput(
                started_at=utcnow() - timedelta(hours=1),
                duration_min=45,
                kind="interview",
                presenting="失眠",
                next_appointment=appointment,
            ),
        )
        for task_id in change_tier(
            ctx, closed_id, to_tier=1, effective_on=today, **TIER_CALL
        ).tasks:
            complete_task(ctx, task_id, method="phone")  # a closure needs everyone told
        close_file(
            ctx,
            closed_id,
            ClosureInput(
                closed_on=today, reason="goals_met", goals_achieved="情绪稳定", evaluation="达成"
            ),
        )
        return {
            "sid": sid,
            "closed_id": closed_id,
            "tasks": len(raised.tasks),
            "done_task": raised.tasks[0],
            "follow_up": saved.next_follow_up,
        }
    finally:
        ctx.close()


def _json(cli: Runner, folder: Path, *args: str) -> dict[str, Any]:
    r = cli("student", *args, "--vault", folder, "--user", ADMIN, "--json", input=f"{PASSWORD}\n")
    assert r.returncode == 0, r
    return r.json()


def test_show_and_list_carry_the_case_work(cli: Runner, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    made = _fill(folder)
    today = local_today()

    shown = _json(cli, folder, "show", str(made["sid"]))
    assert shown["tier"] == 2
    assert shown["file_state"] == "open"
    expected_roles = sorted(r.role.value for r in notification_plan(Policy.default(), Tier(2)))
    assert sorted(t["role"] for t in shown["tasks"]) == expected_roles
    assert len(shown["tasks"]) == made["tasks"]
    people = {t["role"]: t["person"] for t in shown["tasks"]}
    assert people["head_teacher"] == "陈老师" and people["guardian"] == "王父"
    done = [t for t in shown["tasks"] if t["done_at"] is not None]
    assert len(done) == 1
    assert all(t["due"] for t in shown["tasks"])
    # The appointment (5 days on) is sooner than tier 2's fortnight: it is the follow-up.
    assert shown["next_follow_up"] == (today + timedelta(days=5)).isoformat()
    assert shown["next_follow_up"] == made["follow_up"].isoformat()
    assert shown["plan_version"] == 1
    assert shown["sessions"] == 1
    assert shown["referrals"] == []

    listed = {row["id"]: row for row in _json(cli, folder, "list")["students"]}
    assert listed[made["sid"]]["tier"] == 2
    assert listed[made["sid"]]["status"] == "enrolled"
    assert listed[made["sid"]]["next_follow_up"] == shown["next_follow_up"]
    closed = listed[made["closed_id"]]
    assert closed["file_state"] == "closed" and closed["next_follow_up"] is None
    assert closed["tier"] == 1  # closing keeps the tier and every record
