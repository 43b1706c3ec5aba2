"""The 转接 page: this school's card (fingerprint to read aloud, QR code, card file), the trust
list (adding a card only after the fingerprint was compared, the KEY_CHANGED warning, removal)
and who may reach the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import segno
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from transfers_support import Schools, open_page, scripted_prompter, two_schools

from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.school_cards import (
    KEY_CHANGED,
    read_card_file,
    trust_card,
    trusted_cards,
)
from counselroom.services.school_identity import school_card
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.pages import PAGES, pages_for
from counselroom.ui.session import SessionHandle
from counselroom.ui.transfers.card_dialog import CardDialog
from counselroom.ui.transfers.card_view import QR_SCALE
from counselroom.ui.transfers.page import TransfersPage
from counselroom.ui.transfers.texts import standing_text
from counselroom.ui.transfers.trust_list import TrustListGroup
from vault_fixtures import account, make_vault

translate = QCoreApplication.translate


@pytest.fixture
def prompter() -> Iterator[dialogs.ScriptedPrompter]:
    yield from scripted_prompter()


@pytest.fixture
def schools(tmp_path: Path) -> Iterator[Schools]:
    yield from two_schools(tmp_path)


def opened_dialog(qtbot: QtBot, group: TrustListGroup, path: Path) -> CardDialog:
    group.choose_file = lambda _parent, _title, _folder: path
    assert group.add()
    qtbot.waitUntil(lambda: group.dialog is not None, timeout=10_000)
    assert group.dialog is not None
    return group.dialog


def test_own_card_shows_the_spoken_fingerprint_and_a_qr_code(
    qtbot: QtBot, schools: Schools
) -> None:
    page = open_page(qtbot, schools.receiver)
    card = school_card(schools.b)
    view = page.own_card.view
    assert view.name_label.text() == "乙中学"
    shown = view.fingerprint_label.text()
    assert shown.split() == card.spoken_fingerprint.split()  # all six groups, in order
    assert [len(group) for group in shown.split()] == [5] * 6
    assert "\n" in shown  # two lines of three groups: one breath each on the phone
    pixmap = view.qr_label.pixmap()
    assert view.qr_label.isVisible() and not pixmap.isNull()
    expected = segno.make(card.qr_payload, error="m", micro=False)
    side = expected.symbol_size(scale=QR_SCALE, border=4)
    assert (pixmap.width(), pixmap.height()) == side  # drawn from this card's payload


def test_save_card_writes_a_file_the_services_read_back(
    qtbot: QtBot, schools: Schools, tmp_path: Path
) -> None:
    page = open_page(qtbot, schools.receiver)
    asked: list[Path] = []
    target = tmp_path / "out" / "card.crcard"
    target.parent.mkdir()

    def choose(_parent: object, _title: str, suggested: Path) -> Path:
        asked.append(suggested)
        return target

    page.own_card.choose_path = choose
    with qtbot.waitSignal(page.own_card.saved, timeout=10_000):
        assert page.own_card.save()
    assert asked[0].name == "乙中学-学校名片.crcard"
    card = read_card_file(target)
    assert card.fingerprint == school_card(schools.b).fingerprint
    assert card.name == "乙中学"
    assert school_card(schools.b).spoken_fingerprint in page.own_card.feedback.text()


def test_a_card_is_trusted_only_after_the_fingerprint_was_compared(
    qtbot: QtBot, schools: Schools
) -> None:
    page = open_page(qtbot, schools.sender)
    path = schools.card_file(schools.b, "b.crcard")
    dialog = opened_dialog(qtbot, page.trust_list, path)
    assert dialog.view.fingerprint_label.text().split() == (
        school_card(schools.b).spoken_fingerprint.split()
    )
    assert not dialog.view.qr_label.pixmap().isNull()
    assert not dialog.warning.isVisible()
    assert not dialog.trust_button.isEnabled()
    dialog.request_trust()  # not ticked: nothing happens
    assert trusted_cards(schools.a) == []
    dialog.compared.setChecked(True)
    assert dialog.trust_button.isEnabled()
    with qtbot.waitSignal(page.load_finished, timeout=10_000):
        dialog.trust_button.click()
    trusted = trusted_cards(schools.a)
    assert [t.card.fingerprint for t in trusted] == [school_card(schools.b).fingerprint]
    assert [t.card.name for t in page.trust_list.cards()] == ["乙中学"]


def test_a_trusted_schools_name_with_other_keys_is_shown_in_red_words(
    qtbot: QtBot, schools: Schools, tmp_path: Path
) -> None:
    original = school_card(schools.b)
    trust_card(schools.a, read_card_file(schools.card_file(schools.b, "b.crcard")))
    impostor, _ = make_vault(tmp_path / "b2", "乙中学")  # same name, new keys
    try:
        path = schools.card_file(impostor, "b2.crcard")
    finally:
        impostor.close()
    page = open_page(qtbot, schools.sender)
    dialog = opened_dialog(qtbot, page.trust_list, path)
    assert dialog.place.standing == KEY_CHANGED
    assert dialog.warning.isVisible()
    assert original.spoken_fingerprint in dialog.warning.text()
    assert "乙中学" in dialog.warning.text()
    assert standing_text(KEY_CHANGED) in dialog.standing_label.text()
    assert not dialog.trust_button.isEnabled()


def test_remove_takes_a_school_off_the_list_after_asking(
    qtbot: QtBot, schools: Schools, prompter: dialogs.ScriptedPrompter
) -> None:
    trust_card(schools.a, read_card_file(schools.card_file(schools.b, "b.crcard")))
    page = open_page(qtbot, schools.sender)
    group = page.trust_list
    assert not group.remove_button.isEnabled()
    group.view.selectRow(0)
    assert group.remove_button.isEnabled()
    prompter.answers = [False]
    assert not group.remove()
    assert len(trusted_cards(schools.a)) == 1
    with qtbot.waitSignal(page.load_finished, timeout=10_000):
        assert group.remove()
    assert trusted_cards(schools.a) == []
    assert group.cards() == []
    assert "乙中学" in prompter.asked[-1][1]


def test_a_broken_card_file_is_refused_in_the_window_language(
    qtbot: QtBot, schools: Schools
) -> None:
    path = schools.card_file(schools.b, "b.crcard")
    path.write_text(path.read_text(encoding="utf-8").replace("乙中学", "丙中学"), "utf-8")
    page = open_page(qtbot, schools.sender)
    group = page.trust_list
    group.choose_file = lambda _parent, _title, _folder: path
    group.add()
    qtbot.waitUntil(group.feedback.isVisible, timeout=10_000)
    reason = fill(
        translate(
            "problems",
            "%1: the card's signature does not match (it was edited after it was made)",
        ),
        path,
    )
    assert group.feedback.text() == fill(translate("TrustListGroup", "Card not read: %1"), reason)
    assert group.dialog is None
    assert trusted_cards(schools.a) == []


def test_a_viewer_cannot_reach_the_page_and_is_refused_if_he_does(
    qtbot: QtBot, tmp_path: Path
) -> None:
    transfers = next(spec for spec in PAGES if spec.key == "transfers")
    assert transfers not in pages_for(Role.VIEWER)
    assert transfers in pages_for(Role.COUNSELLOR) and transfers in pages_for(Role.ADMIN)
    admin, _ = make_vault(tmp_path / "v")
    viewer = account(admin, "banzhuren", Role.VIEWER, "班主任")
    handle = SessionHandle(viewer)
    try:
        page = TransfersPage(handle)
        qtbot.addWidget(page)
        page.show()
        with qtbot.waitSignal(page.load_finished, timeout=10_000):
            page.reload()
        assert page.notice_label.isVisible()
        assert page.notice_label.text() == page.denied_text()
        assert not page.content.isVisible()
        assert page.own_card.view.card is None  # nothing shown, not even the card
        try:
            trusted_cards(viewer)
        except PermissionDenied:
            pass
        else:
            raise AssertionError("the service let a viewer read the trust list")
    finally:
        handle.end()
