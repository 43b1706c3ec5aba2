"""`demo --students N`: a synthetic school the other commands can read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import RECOVERY_CODE_RE, Runner

ADMIN, PASSWORD, N = "admin", "demo-password-1", 40


@dataclass(frozen=True)
class Demo:
    folder: Path
    created: dict[str, Any]


@pytest.fixture(scope="module")
def demo_vault(module_cli: Runner, tmp_path_factory: pytest.TempPathFactory) -> Demo:
    folder = tmp_path_factory.mktemp("demo") / "vault"
    r = module_cli(
        "demo",
        "--vault",
        folder,
        "--students",
        str(N),
        "--seed",
        "7",
        "--json",
        input=f"{PASSWORD}\n",
        timeout=120,
    )
    assert r.returncode == 0, r
    return Demo(folder, r.json())


def test_demo_json(demo_vault: Demo) -> None:
    data = demo_vault.created
    assert Path(data["vault"]).resolve() == demo_vault.folder.resolve()
    assert RECOVERY_CODE_RE.fullmatch(data["recovery_code"]), data
    assert data["summary"]["students"] == N


def test_demo_school_has_the_requested_students(module_cli: Runner, demo_vault: Demo) -> None:
    r = module_cli(
        "student",
        "list",
        "--vault",
        demo_vault.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    assert r.returncode == 0, r
    students = r.json()["students"]
    assert len(students) == N
    keys = {"id", "student_no", "name", "grade", "class", "tier", "status", "next_follow_up"}
    assert all(keys <= s.keys() for s in students)
    assert len({s["id"] for s in students}) == N
    assert any(s["tier"] > 0 for s in students), "a realistic case history has tiered students"


def test_demo_student_file_shows(module_cli: Runner, demo_vault: Demo) -> None:
    r = module_cli(
        "student",
        "list",
        "--vault",
        demo_vault.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    top = max(r.json()["students"], key=lambda s: s["tier"])
    sid = top["student_no"] or str(top["id"])
    r = module_cli(
        "student",
        "show",
        sid,
        "--vault",
        demo_vault.folder,
        "--user",
        ADMIN,
        "--json",
        input=f"{PASSWORD}\n",
    )
    assert r.returncode == 0, r
    detail = r.json()
    assert detail["id"] == top["id"] and detail["restricted"] is False
    assert isinstance(detail["sessions"], int)
