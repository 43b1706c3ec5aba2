"""Fixtures for window tests: the application as the program makes it, and small vaults."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from counselroom.app import CounselRoomApp
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.services.students import StudentRow
from counselroom.storage.models import SchoolClass, Student
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

PASSWORD = "correct-horse-1"
SCHOOL = "测试中学"

# (student_no, name, pinyin, grade_level, class number or None, tier, status, next follow-up)
STUDENTS: Sequence[tuple[str, str, str, int, int | None, int, str, date | None]] = (
    ("G110101200801011234", "张三", "zhangsan zs", 8, 3, 2, "enrolled", date(2026, 3, 2)),
    ("G110101200802022345", "李四", "lisi ls", 8, 1, 0, "enrolled", None),
    ("G110101200903033456", "王小明", "wangxiaoming wxm", 7, 2, 3, "enrolled", date(2026, 2, 20)),
    ("G110101200704044567", "赵敏", "zhaomin zm", 10, 10, 1, "on_leave", date(2026, 4, 1)),
    ("G110101200805055678", "陈静", "chenjing cj", 9, None, 0, "enrolled", None),
)


class _ChineseApp(CounselRoomApp):
    """The real application class, pinned to the default language whatever the shell says."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv, language="zh_CN")


@pytest.fixture(autouse=True)
def no_job_outlives_its_test(qtbot: QtBot) -> object:
    """Background jobs run on Qt's global pool; one still running when a test ends could finish
    while that test's widgets are being torn down (requesting `qtbot` makes this teardown run
    before qtbot closes them), or deliver into the next test."""
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000), "a background job did not finish"


@pytest.fixture(scope="session")
def qapp_cls() -> type[CounselRoomApp]:
    return _ChineseApp


def class_label(level: int, number: int) -> str:
    grade = {7: "初一", 8: "初二", 9: "初三", 10: "高一", 11: "高二", 12: "高三"}[level]
    return f"{grade}({number})班"


@dataclass(frozen=True)
class SampleVault:
    folder: Path
    username: str
    password: str
    school: str
    students: Sequence[tuple[str, str, str, int, int | None, int, str, date | None]]


@pytest.fixture
def student_rows() -> list[StudentRow]:
    """STUDENTS as DTOs, for model tests that need no vault."""
    grades = {7: "初一", 8: "初二", 9: "初三", 10: "高一"}
    return [
        StudentRow(
            id=i,
            student_no=no,
            name=name,
            name_pinyin=pinyin,
            grade_level=level,
            grade=grades[level],
            class_label=class_label(level, number) if number else "",
            tier=tier,
            status=status,
            file_state="open" if tier else "none",
            next_follow_up=follow_up,
            groups=(),
        )
        for i, (no, name, pinyin, level, number, tier, status, follow_up) in enumerate(
            STUDENTS, start=1
        )
    ]


@pytest.fixture
def sample_vault(tmp_path: Path) -> SampleVault:
    """A closed vault (user admin, PASSWORD) holding STUDENTS."""
    folder = tmp_path / "vault"
    ctx, _code = init_vault(
        folder, SchoolDetails(SCHOOL), "admin", PASSWORD, kdf=INSECURE_TEST_PARAMS
    )
    try:
        with ctx.vault.write() as session:
            classes: dict[tuple[int, int], SchoolClass] = {}
            for no, name, pinyin, level, number, tier, status, follow_up in STUDENTS:
                school_class = None
                if number is not None:
                    key = (level, number)
                    if key not in classes:
                        classes[key] = SchoolClass(
                            grade_level=level, number=number, label=class_label(level, number)
                        )
                        session.add(classes[key])
                    school_class = classes[key]
                session.add(
                    Student(
                        student_no=no,
                        name=name,
                        name_pinyin=pinyin,
                        grade_level=level,
                        school_class=school_class,
                        tier=tier,
                        status=status,
                        file_state="open" if tier else "none",
                        next_follow_up=follow_up,
                    )
                )
    finally:
        ctx.close()
    return SampleVault(folder, "admin", PASSWORD, SCHOOL, STUDENTS)


@pytest.fixture
def vault_folder(sample_vault: SampleVault) -> Path:
    return sample_vault.folder


@pytest.fixture
def password() -> str:
    return PASSWORD
