"""Shared by the case-work tab tests: a small real vault, the window over it, form helpers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from test_student_file_support import StaticSource

from counselroom.services.context import Context
from counselroom.services.roles import Role
from counselroom.services.student_file import StudentFile, open_student_file
from counselroom.storage.models import (
    AuditEntry,
    Guardian,
    SchoolClass,
    Staff,
    Student,
)
from counselroom.ui.student_file import StudentFileWindow
from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.form_kit import FormDialog
from counselroom.ui.student_file.records import RecordsPage
from vault_fixtures import account, make_vault

HEAD_TEACHER = "王班主任"
GUARDIAN = "李母"
D = TypeVar("D", bound=FormDialog)


@dataclass
class Case:
    admin: Context
    counsellor: Context  # 林老师, who uses the window
    colleague: Context  # 周老师, another counsellor
    viewer: Context
    student_id: int


def make_case(folder: Path) -> Iterator[Case]:
    admin, _code = make_vault(folder)
    lin = account(admin, "lin", Role.COUNSELLOR, "林老师")
    zhou = account(admin, "zhou", Role.COUNSELLOR, "周老师")
    ban = account(admin, "ban", Role.VIEWER, "王班主任")
    with admin.vault.write() as s:
        head = Staff(name=HEAD_TEACHER, role="head_teacher")
        s.add(head)
        s.flush()
        school_class = SchoolClass(
            grade_level=8, number=3, label="初二(3)班", head_teacher_id=head.id
        )
        s.add(school_class)
        s.flush()
        student = Student(
            name="张三",
            gender="M",
            grade_level=8,
            class_id=school_class.id,
            guardians=[
                Guardian(
                    ordinal=1, name=GUARDIAN, relation="母亲", phone="13800000000", is_guardian=True
                )
            ],
        )
        s.add(student)
        s.flush()
        student_id = student.id
    try:
        yield Case(
            admin,
            lin,
            zhou,
            ban,
            student_id,
        )
    finally:
        admin.close()


def open_file_window(qtbot: QtBot, ctx: Context, student_id: int) -> StudentFileWindow:
    window = StudentFileWindow(StaticSource(ctx), student_id)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    return window


def file_of(case: Case) -> StudentFile:
    return open_student_file(case.admin, case.student_id)


def audit_count(case: Case) -> int:
    """Every write leaves an audit entry: an unchanged count means nothing was written."""
    with case.admin.vault.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def records(window: StudentFileWindow, key: str) -> RecordsPage:
    page = window.page(key)
    assert isinstance(page, RecordsPage)
    return page


def press(qtbot: QtBot, actions: TabActions, name: str) -> None:
    button = actions.bar.buttons[name]
    assert button.isVisible() and button.isEnabled(), (name, button.toolTip())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def opened(actions: TabActions, name: str, kind: type[D]) -> D:
    """The form an action opened (`name` is the action, or "action:record id")."""
    dialog = actions.dialogs[name]
    assert isinstance(dialog, kind) and dialog.isVisible()
    return dialog


def fill(widget: QWidget, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QLineEdit):
        widget.setText(text)
    else:  # pragma: no cover - a test mistake
        raise TypeError(type(widget).__name__)


def save_and_reload(qtbot: QtBot, window: StudentFileWindow, dialog: FormDialog) -> None:
    """Press Save; wait until the form closed and the file was read again."""
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def save_refused(qtbot: QtBot, dialog: FormDialog) -> None:
    """Press Save; wait for the refusal."""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving, timeout=10_000)
    assert dialog.isVisible()
    assert dialog.message.text()
