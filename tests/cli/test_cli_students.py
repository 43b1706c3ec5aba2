"""`student list|show`: the `--json` shapes are a contract (keys may be added, never renamed)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from conftest import (
    COUNSELLOR,
    COUNSELLOR_PASSWORD,
    STUDENTS,
    VIEWER,
    VIEWER_PASSWORD,
    Runner,
    SchoolVault,
)
from vault_fixtures import ADMIN, PASSWORD

ROW_KEYS = {"id", "student_no", "name", "grade", "class", "tier", "status", "next_follow_up"}
DETAIL_KEYS = ROW_KEYS | {"tasks", "plan_version", "sessions", "referrals", "leave", "screenings"}
WANG, LI, ZHANG = (s[0] for s in STUDENTS)


def show(
    cli: Runner,
    school: SchoolVault,
    sid: str,
    user: str = COUNSELLOR,
    password: str = COUNSELLOR_PASSWORD,
) -> dict[str, Any]:
    r = cli(
        "student",
        "show",
        sid,
        "--vault",
        school.folder,
        "--user",
        user,
        "--json",
        input=f"{password}\n",
    )
    assert r.returncode == 0, r
    return r.json()


def test_list_json_shape_and_values(module_cli: Runner, school: SchoolVault) -> None:
    r = module_cli(
        "student",
        "list",
        "--vault",
        school.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    assert r.returncode == 0, r
    data = r.json()
    assert set(data) >= {"students"}
    rows = {row["student_no"]: row for row in data["students"]}
    assert set(rows) == {WANG, LI, ZHANG}
    for row in data["students"]:
        assert row.keys() >= ROW_KEYS, row
        assert row["id"] == school.students[row["student_no"]]
    wang = rows[WANG]
    assert wang["name"] == "王小明"
    assert wang["grade"] == "初二" and wang["class"] == "初二(3)班"
    assert wang["tier"] == 3 and isinstance(wang["tier"], int)
    assert wang["status"] == "enrolled"
    assert wang["next_follow_up"] == (date.today() + timedelta(days=7)).isoformat()
    assert rows[LI]["status"] == "on_leave" and rows[LI]["next_follow_up"] is None
    assert rows[ZHANG]["grade"] == "初三" and rows[ZHANG]["tier"] == 0


def test_list_text_for_people(module_cli: Runner, school: SchoolVault) -> None:
    r = module_cli(
        "student",
        "list",
        "--vault",
        school.folder,
        "--user",
        VIEWER,
        "--grade",
        "初二",
        input=f"{VIEWER_PASSWORD}\n",
    )  # a viewer may list
    assert r.returncode == 0, r
    assert "王小明" in r.stdout and "李华" in r.stdout and "张伟" not in r.stdout
    assert "2 students" in r.stdout


def test_show_by_student_no_gives_the_whole_file_to_a_counsellor(
    module_cli: Runner, school: SchoolVault
) -> None:
    d = show(module_cli, school, WANG)
    assert d.keys() >= DETAIL_KEYS, d
    assert d["id"] == school.students[WANG] and d["student_no"] == WANG
    assert d["restricted"] is False
    assert d["plan_version"] == 2
    assert d["sessions"] == 2
    assert len(d["referrals"]) == 1
    ref = d["referrals"][0]
    assert {"state", "urgency", "sent_at", "seen_at", "feedback_at"} <= ref.keys()
    assert ref["state"] == "proposed" and ref["urgency"] == "urgent" and ref["sent_at"] is None
    assert d["screenings"] == [
        {"instrument": "phq9", "date": "2024-09-20", "total": 17, "flags": ["item9"]}
    ]
    assert len(d["tasks"]) == 1
    task = d["tasks"][0]
    assert {"role", "person", "due", "done_at"} <= task.keys()
    assert task["role"] == "head_teacher" and task["person"] == "陈老师"
    assert task["due"].startswith("2024-10-09") and task["done_at"] is None
    assert d["leave"] is None


def test_show_by_internal_id(module_cli: Runner, school: SchoolVault) -> None:
    d = show(module_cli, school, str(school.students[LI]), ADMIN, PASSWORD)
    assert d["student_no"] == LI and d["name"] == "李华"
    assert d["leave"] == {"state": "on_leave", "from": "2024-09-01", "to": "2025-02-20"}
    assert d["plan_version"] is None and d["sessions"] == 0
    assert d["referrals"] == [] and d["screenings"] == []


def test_viewer_gets_a_restricted_file(module_cli: Runner, school: SchoolVault) -> None:
    d = show(module_cli, school, WANG, VIEWER, VIEWER_PASSWORD)
    assert d.keys() >= DETAIL_KEYS, d  # keys stay, values are withheld
    assert d["restricted"] is True
    assert d["plan_version"] is None
    assert d["sessions"] is None
    assert d["referrals"] is None
    assert d["screenings"] is None
    # what a 班主任/principal may see is still there
    assert d["tier"] == 3 and len(d["tasks"]) == 1


def test_viewer_text_output_hides_case_details(module_cli: Runner, school: SchoolVault) -> None:
    r = module_cli(
        "student",
        "show",
        WANG,
        "--vault",
        school.folder,
        "--user",
        VIEWER,
        input=f"{VIEWER_PASSWORD}\n",
    )
    assert r.returncode == 0, r
    assert "王小明" in r.stdout
    assert "sessions:" not in r.stdout and "plan version" not in r.stdout


def test_show_unknown_student_exits_1_naming_it(module_cli: Runner, school: SchoolVault) -> None:
    sid = "G999999999999999999"
    r = module_cli(
        "student",
        "show",
        sid,
        "--vault",
        school.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    assert r.returncode == 1, r
    err = r.json()
    assert err["exit_code"] == 1 and sid in err["error"]
    assert sid in r.stderr


def test_show_odd_digit_sid_is_a_message_not_a_traceback(
    module_cli: Runner, school: SchoolVault
) -> None:
    """'²' passes str.isdigit() but int('²') raises ValueError in resolve_student."""
    r = module_cli(
        "student",
        "show",
        "²",
        "--vault",
        school.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    assert "Traceback" not in r.stderr, r
    assert r.returncode == 1, r
    assert r.json()["exit_code"] == 1
