"""Shared setup of the transfer window tests: two schools, each open in a SessionHandle."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from counselroom.services.context import Context
from counselroom.services.demo import create_demo_vault
from counselroom.services.school_identity import export_card
from counselroom.ui import dialogs
from counselroom.ui.session import SessionHandle
from counselroom.ui.transfers.page import TransfersPage
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from vault_fixtures import PASSWORD, make_vault


@dataclass
class Schools:
    sender: SessionHandle  # a demo school with case history (甲)
    receiver: SessionHandle  # an empty school (乙中学)
    folder: Path

    @property
    def a(self) -> Context:
        ctx = self.sender.ctx
        assert ctx is not None
        return ctx

    @property
    def b(self) -> Context:
        ctx = self.receiver.ctx
        assert ctx is not None
        return ctx

    def card_file(self, ctx: Context, name: str) -> Path:
        path = self.folder / name
        export_card(ctx, path)
        return path


def scripted_prompter() -> Iterator[dialogs.ScriptedPrompter]:
    """For a `prompter` fixture: every question answered yes unless a test says otherwise."""
    with dialogs.replaced(dialogs.ScriptedPrompter()) as scripted:
        assert isinstance(scripted, dialogs.ScriptedPrompter)
        yield scripted


def two_schools(tmp_path: Path) -> Iterator[Schools]:
    """For a `schools` fixture: a demo school (10 students) and an empty 乙中学, both open."""
    sender, _code, _summary = create_demo_vault(
        tmp_path / "a", 10, seed=5, password=PASSWORD, kdf=INSECURE_TEST_PARAMS,
        today=date(2026, 11, 20),
    )  # fmt: skip
    receiver, _ = make_vault(tmp_path / "b", "乙中学")
    made = Schools(SessionHandle(sender), SessionHandle(receiver), tmp_path)
    yield made
    made.sender.end()
    made.receiver.end()


def open_page(qtbot: QtBot, handle: SessionHandle) -> TransfersPage:
    page = TransfersPage(handle)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        page.reload()
    return page
