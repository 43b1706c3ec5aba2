"""审计: administrators read the log with filters and paging; everyone else gets a notice."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from counselroom.services import auth
from counselroom.services.audit_log import AuditRow, audit_entries
from counselroom.services.demo import (
    COUNSELLOR_USERNAME,
    DEMO_PASSWORD,
    VIEWER_USERNAME,
    create_demo_vault,
)
from counselroom.services.localtime import local_today, to_local
from counselroom.ui.areas.audit_model import COL_AT, COL_SEQ
from counselroom.ui.audit_page import AuditPage
from counselroom.ui.session import SessionHandle
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

SignIn = Callable[[str], SessionHandle]


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("audit") / "vault"
    ctx, _code, _summary = create_demo_vault(
        folder, 50, seed=5, kdf=INSECURE_TEST_PARAMS, today=date(2026, 11, 20)
    )
    ctx.close()
    for user in (COUNSELLOR_USERNAME, VIEWER_USERNAME):  # a sign-in entry for each
        auth.login(folder, user, DEMO_PASSWORD).close()
    return folder


@pytest.fixture
def signed_in(demo_vault: Path) -> Iterator[SignIn]:
    handles: list[SessionHandle] = []

    def sign_in(user: str) -> SessionHandle:
        handle = SessionHandle(auth.login(demo_vault, user, DEMO_PASSWORD))
        handles.append(handle)
        return handle

    yield sign_in
    for handle in handles:
        handle.end()


def make_page(qtbot: QtBot, handle: SessionHandle, page_size: int = 500) -> AuditPage:
    page = AuditPage(handle, page_size=page_size)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def load(qtbot: QtBot, page: AuditPage, action: Callable[[], None] | None = None) -> None:
    with qtbot.waitSignal(page.load_finished, timeout=20_000):
        (action or page.reload)()
    assert page.state_label.text() == ""


def seqs(page: AuditPage) -> list[int]:
    return [row.seq for row in page.model.rows()]


def test_refused_for_a_counsellor(qtbot: QtBot, signed_in: SignIn) -> None:
    page = make_page(qtbot, signed_in(COUNSELLOR_USERNAME))
    load(qtbot, page)
    assert page.notice_label.isVisible() and page.notice_label.text()
    assert not page.content.isVisible() and not page.filters.isVisible()
    assert page.model.rowCount() == 0


def test_admin_reads_newest_first_in_local_time(qtbot: QtBot, signed_in: SignIn) -> None:
    handle = signed_in("admin")
    page = make_page(qtbot, handle)
    load(qtbot, page)
    shown = page.model.rows()
    assert shown and seqs(page) == sorted(seqs(page), reverse=True)
    # exactly what the service holds up to the newest row shown (reading adds an entry)
    assert shown == audit_entries(handle.require(), before_seq=shown[0].seq + 1)
    assert {"vault.create", "user.add", "demo.generate", "login"} <= {r.action for r in shown}
    first = page.model.index(0, COL_AT).data()
    assert first == to_local(shown[0].at).strftime("%Y-%m-%d %H:%M:%S")
    assert page.model.index(0, COL_SEQ).data() == str(shown[0].seq)
    assert not page.more_button.isEnabled()
    names = [page.filters.user_box.itemData(i) for i in range(page.filters.user_box.count())]
    assert names == [None, "admin", COUNSELLOR_USERNAME, VIEWER_USERNAME]


def test_filters_by_user_and_action(qtbot: QtBot, signed_in: SignIn) -> None:
    page = make_page(qtbot, signed_in("admin"))
    load(qtbot, page)
    page.filters.set_username(COUNSELLOR_USERNAME)
    load(qtbot, page, page.filters.apply_button.click)
    rows = page.model.rows()
    assert rows and all(r.username == COUNSELLOR_USERNAME for r in rows)
    page.filters.set_username(None)
    page.filters.action_box.setCurrentText("user.")
    load(qtbot, page, page.filters.apply_button.click)
    assert [r.action for r in page.model.rows()] == ["user.add"] * 3
    load(qtbot, page, page.filters.reset_button.click)
    assert {r.username for r in page.model.rows()} >= {"admin", COUNSELLOR_USERNAME}


def test_filters_by_date_range(qtbot: QtBot, signed_in: SignIn) -> None:
    page = make_page(qtbot, signed_in("admin"))
    today = local_today()
    page.filters.set_dates(today - timedelta(days=1), today)
    load(qtbot, page, page.filters.apply_button.click)
    assert page.model.rowCount() > 0  # everything happened in the last day
    page.filters.set_dates(today + timedelta(days=1), None)
    load(qtbot, page, page.filters.apply_button.click)
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible() and page.empty_label.text()


def test_end_before_start_is_refused_before_loading(qtbot: QtBot, signed_in: SignIn) -> None:
    page = make_page(qtbot, signed_in("admin"))
    page.filters.set_dates(date(2026, 11, 20), date(2026, 11, 1))
    page.filters.apply_button.click()
    assert not page.loading
    assert page.state_label.text()
    assert page.filters.since_edit.date() == QDate(2026, 11, 20)


def test_load_more_pages_back_with_the_same_filter(qtbot: QtBot, signed_in: SignIn) -> None:
    page = make_page(qtbot, signed_in("admin"), page_size=2)
    page.filters.action_box.setCurrentText("user.")
    load(qtbot, page)
    assert len(seqs(page)) == 2 and page.more_button.isEnabled()
    page.filters.action_box.setCurrentText("login")  # typed but not applied: paging ignores it
    load(qtbot, page, page.more_button.click)
    rows: list[AuditRow] = page.model.rows()
    assert [r.action for r in rows] == ["user.add"] * 3
    assert seqs(page) == sorted(set(seqs(page)), reverse=True)
    assert not page.more_button.isEnabled()  # the last page was short


def test_paging_through_everything(qtbot: QtBot, signed_in: SignIn) -> None:
    handle = signed_in("admin")
    page = make_page(qtbot, handle, page_size=3)
    load(qtbot, page)
    while page.more_button.isEnabled():
        load(qtbot, page, page.more_button.click)
    assert seqs(page) == list(range(seqs(page)[0], 0, -1))  # every entry once, none missing


def test_clear_empties_the_table(qtbot: QtBot, signed_in: SignIn) -> None:
    page = make_page(qtbot, signed_in("admin"))
    load(qtbot, page)
    page.clear()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "" and not page.more_button.isEnabled()
    assert page.filters.user_box.count() == 1  # account names are dropped too
