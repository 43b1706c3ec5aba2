"""Shared by the student-file window tests: a demo vault made once, copied for each test."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counselroom.services import auth
from counselroom.services.context import Context
from counselroom.services.demo import DEMO_PASSWORD, create_demo_vault
from counselroom.services.student_file import open_student_file
from counselroom.services.students import list_students
from counselroom.ui.student_file import StudentFileWindow
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

TODAY = date(2026, 11, 20)


class StaticSource:
    """What the window needs of the session handle: the current context."""

    def __init__(self, ctx: Context | None) -> None:
        self.ctx = ctx


def make_demo_folder(base: Path) -> tuple[Path, int]:
    """A 60-student demo school; returns the folder and the id of the fullest file."""
    folder = base / "demo"
    ctx, _code, _summary = create_demo_vault(
        folder, 60, seed=3, kdf=INSECURE_TEST_PARAMS, today=TODAY
    )
    try:
        best, best_score = 0, -1
        for row in list_students(ctx):
            f = open_student_file(ctx, row.id)
            parts = (f.sessions, f.plans, f.referrals, f.contacts, f.screenings, f.concerns)
            score = sum(bool(p) for p in parts) * 1000 + len(f.sessions or ())
            if score > best_score and f.documents and f.tasks:
                best, best_score = row.id, score
    finally:
        ctx.close()
    return folder, best


def copy_vault(folder: Path, into: Path) -> Path:
    target = into / "vault"
    shutil.copytree(folder, target)
    return target


def sign_in(folder: Path, username: str) -> Context:
    return auth.login(folder, username, DEMO_PASSWORD)


def open_window(qtbot: QtBot, ctx: Context, student_id: int) -> StudentFileWindow:
    window = StudentFileWindow(StaticSource(ctx), student_id)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    return window


def all_texts(root: QWidget) -> list[str]:
    """Every text the widget tree can show: labels, fields, rich text, table cells, tabs."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    texts.append(str(index.data() or ""))
                    texts.append(str(index.data(3) or ""))  # tool tip
    return texts
