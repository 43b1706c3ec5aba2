"""Shared by the tests of the case-work pages (日程, 台账, 活动): a demo school and sign-in.

Plain functions: each test module wraps them in its own fixtures (imported fixtures would
shadow their parameters, and the module-scoped demo vault is built once per module).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from counselroom.services import auth
from counselroom.services.context import Context
from counselroom.services.demo import DEMO_PASSWORD, create_demo_vault
from counselroom.ui.areas.page_base import LoadingPage
from counselroom.ui.session import SessionHandle
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

DEMO_TODAY = date(2026, 11, 20)

SignIn = Callable[[str], SessionHandle]


@dataclass
class Stub:
    """A session handle without a vault, for pages fed hand-made DTOs."""

    ctx: Context | None = None


def make_demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 students with care groups, activities and a few weeks of case work (read only)."""
    folder = tmp_path_factory.mktemp("casework") / "vault"
    ctx, _code, _summary = create_demo_vault(
        folder, 200, seed=5, kdf=INSECURE_TEST_PARAMS, today=DEMO_TODAY, profile="benchmark"
    )
    ctx.close()
    return folder


def sign_in_to(folder: Path, password: str = DEMO_PASSWORD) -> Iterator[SignIn]:
    """A fixture's body: sign in as any user; every session ends after the test."""
    handles: list[SessionHandle] = []

    def sign_in(user: str) -> SessionHandle:
        handle = SessionHandle(auth.login(folder, user, password))
        handles.append(handle)
        return handle

    yield sign_in
    for handle in handles:
        handle.end()


def load(qtbot: QtBot, page: LoadingPage, start: Callable[[], object] | None = None) -> None:
    """Run `start` (default: a reload) and wait until the page has shown the result."""
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        (start or page.reload)()
    assert page.state_label.text() == "", page.state_label.text()


def column(model: QAbstractItemModel, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def double_click_row(qtbot: QtBot, view: QAbstractItemView, row: int, col: int = 0) -> None:
    model = view.model()
    assert model is not None
    index = model.index(row, col)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
