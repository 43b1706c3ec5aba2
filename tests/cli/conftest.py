"""Shared pieces of the CLI tests: a subprocess runner with an isolated environment, and vaults.

Every command runs as `python -m counselroom …` in a child process with
`COUNSELROOM_INSECURE_TEST_KDF=1` (cheap Argon2id, explicit test opt-in) and data/config
folders inside the test's temporary directory, so nothing touches the real home. Vaults that
tests only read are built once per module in-process (fast) and closed before any child runs —
an open context holds the vault lock and the child would exit 4.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from counselroom.services import auth, users
from counselroom.services.roles import Role
from vault_fixtures import ADMIN, CHEAP, PASSWORD, make_vault

COUNSELLOR, COUNSELLOR_PASSWORD = "coun", "counsellor-pass-1"
VIEWER, VIEWER_PASSWORD = "view", "viewer-pass-123"

RECOVERY_CODE_RE = re.compile(r"\b\d{6}(?:-\d{6}){7}\b")

# Secrets and locations a developer's shell might export: never inherited by the children.
_SCRUBBED = (
    "COUNSELROOM_PASSWORD",
    "COUNSELROOM_NEW_PASSWORD",
    "COUNSELROOM_RECOVERY_CODE",
    "COUNSELROOM_DATA_DIR",
    "COUNSELROOM_CONFIG_DIR",
)


@dataclass(frozen=True, repr=False)
class Result:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict[str, Any]:
        """The whole of stdout must be exactly one JSON object."""
        try:
            value = json.loads(self.stdout)
        except json.JSONDecodeError as exc:
            raise AssertionError(
                f"stdout is not one JSON object ({exc}):\nstdout={self.stdout!r}\n"
                f"stderr={self.stderr!r}"
            ) from None
        assert isinstance(value, dict), f"stdout is JSON but not an object: {value!r}"
        return value

    def __repr__(self) -> str:  # shown by pytest when an assertion on the result fails
        return f"exit {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


Runner = Callable[..., Result]


def base_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    env["COUNSELROOM_INSECURE_TEST_KDF"] = "1"
    env["COUNSELROOM_DATA_DIR"] = str(root / "data")
    env["COUNSELROOM_CONFIG_DIR"] = str(root / "config")
    env["PYTHONUTF8"] = "1"
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def make_runner(root: Path) -> Runner:
    env0 = base_env(root)

    def run(
        *args: str | Path,
        input: str | None = "",
        env: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> Result:
        proc = subprocess.run(
            [sys.executable, "-m", "counselroom", *map(str, args)],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**env0, **(env or {})},
            cwd=root,
            timeout=timeout,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def cli(tmp_path: Path) -> Runner:
    return make_runner(tmp_path)


@pytest.fixture(scope="module")
def module_cli(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    return make_runner(tmp_path_factory.mktemp("cli-env"))


def add_staff(folder: Path) -> None:
    """A counsellor and a viewer next to the administrator (in-process, cheap KDF)."""
    ctx = auth.login(folder, ADMIN, PASSWORD)
    try:
        users.add_user(ctx, COUNSELLOR, COUNSELLOR_PASSWORD, Role.COUNSELLOR, kdf=CHEAP)
        users.add_user(ctx, VIEWER, VIEWER_PASSWORD, Role.VIEWER, kdf=CHEAP)
    finally:
        ctx.close()


@dataclass(frozen=True)
class SchoolVault:
    folder: Path
    recovery_code: str
    vault_id: str
    students: dict[str, int]  # 学籍号 → internal id


# Three students; 王小明 has a full case history, 李华 is on leave, 张伟 has nothing.
STUDENTS = [
    # student_no, name, pinyin, grade, class number, tier, status, next follow-up (days)
    ("G110101200801011234", "王小明", "wangxiaoming wxm", 8, 3, 3, "enrolled", 7),
    ("G110101200802022345", "李华", "lihua lh", 8, 3, 2, "on_leave", None),
    ("G110101200703033456", "张伟", "zhangwei zw", 9, 1, 0, "enrolled", None),
]


def populate(folder: Path) -> dict[str, int]:
    """Insert classes, students and one student's case history straight through the ORM."""
    from counselroom.storage.models import (
        CounsellingSession,
        Institution,
        Leave,
        NotificationTask,
        Plan,
        Referral,
        SchoolClass,
        ScreeningBatch,
        ScreeningResult,
        Student,
    )

    ctx = auth.login(folder, ADMIN, PASSWORD)
    try:
        with ctx.vault.write() as s:
            classes = {
                (8, 3): SchoolClass(grade_level=8, number=3, label="初二(3)班"),
                (9, 1): SchoolClass(grade_level=9, number=1, label="初三(1)班"),
            }
            s.add_all(classes.values())
            s.flush()
            objs: dict[str, Student] = {}
            for no, name, py, grade, number, tier, status, follow in STUDENTS:
                st = Student(
                    student_no=no,
                    name=name,
                    name_pinyin=py,
                    grade_level=grade,
                    class_id=classes[(grade, number)].id,
                    tier=tier,
                    status=status,
                    file_state="open" if tier else "none",
                    next_follow_up=date.today() + timedelta(days=follow) if follow else None,
                )
                s.add(st)
                objs[no] = st
            s.flush()
            ids = {no: st.id for no, st in objs.items()}
            me = ctx.actor.user_id
            wang, li = ids[STUDENTS[0][0]], ids[STUDENTS[1][0]]
            now = datetime(2024, 10, 8, 9, 30)
            for version in (1, 2):
                s.add(
                    Plan(
                        student_id=wang,
                        version=version,
                        created_by_id=me,
                        assessment="评估",
                        goals="目标",
                        review_on=date(2024, 11, version),
                    )
                )
            for day in (8, 15):
                s.add(
                    CounsellingSession(
                        student_id=wang,
                        started_at=datetime(2024, 10, day, 10),
                        duration_min=45,
                        kind="individual",
                        counsellor_id=me,
                    )
                )
            hospital = Institution(kind="hospital", name="市精神卫生中心")
            s.add(hospital)
            s.flush()
            s.add(
                Referral(
                    student_id=wang,
                    institution_id=hospital.id,
                    reason="转介",
                    urgency="urgent",
                    state="proposed",
                    proposed_on=date(2024, 10, 9),
                    created_by_id=me,
                )
            )
            batch = ScreeningBatch(
                instrument="phq9", on=date(2024, 9, 20), term="2024-2025-1", created_by_id=me
            )
            s.add(batch)
            s.flush()
            s.add(
                ScreeningResult(
                    batch_id=batch.id, student_id=wang, total=17, flags_json='["item9"]', item9=1
                )
            )
            s.add(
                NotificationTask(
                    student_id=wang,
                    recipient_role="head_teacher",
                    person="陈老师",
                    due_at=now + timedelta(days=1),
                )
            )
            s.add(
                Leave(
                    student_id=li,
                    state="on_leave",
                    start_on=date(2024, 9, 1),
                    expected_return_on=date(2025, 2, 20),
                    reason="住院",
                    created_by_id=me,
                )
            )
    finally:
        ctx.close()
    return ids


def build_school_vault(folder: Path) -> SchoolVault:
    ctx, code = make_vault(folder)
    vault_id = ctx.vault.vault_id
    ctx.close()
    add_staff(folder)
    return SchoolVault(folder, code, vault_id, populate(folder))


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SchoolVault]:
    """One populated vault per module, for tests that only read."""
    yield build_school_vault(tmp_path_factory.mktemp("school") / "vault")


@pytest.fixture
def fresh(tmp_path: Path) -> SchoolVault:
    """A vault of this test's own (admin, counsellor and viewer; no students)."""
    folder = tmp_path / "vault"
    ctx, code = make_vault(folder)
    vault_id = ctx.vault.vault_id
    ctx.close()
    add_staff(folder)
    return SchoolVault(folder, code, vault_id, {})


def can_login(folder: Path, user: str, password: str) -> bool:
    """In-process check (no subprocess): does this password open the vault as this user?"""
    from counselroom.vault.errors import AuthenticationError

    try:
        ctx = auth.login(folder, user, password, record=False)
    except AuthenticationError:
        return False
    ctx.close()
    return True
