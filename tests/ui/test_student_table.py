"""The student table model and its search proxy, without a vault."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from counselroom.domain.tiers import Tier
from counselroom.services.students import StudentRow
from counselroom.ui.students_model import (
    COL_CLASS,
    COL_FOLLOW_UP,
    COL_NAME,
    COL_STUDENT_NO,
    COL_TIER,
    COLUMN_COUNT,
    ROW_ROLE,
    SORT_ROLE,
    StudentTableModel,
    sort_value,
)
from counselroom.ui.students_proxy import StudentFilterProxy
from counselroom.ui.tier_badge import TierBadgeDelegate, badge_colours


@pytest.fixture
def proxy(qtbot: QtBot, student_rows: list[StudentRow]) -> StudentFilterProxy:
    model = StudentTableModel()
    model.set_rows(student_rows)
    return StudentFilterProxy(model, model)


def names(proxy: StudentFilterProxy) -> list[str]:
    return [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张三", ["张三"]),
        ("zs", ["张三"]),  # pinyin initials
        ("ZS", ["张三"]),
        ("ｚｓ", ["张三"]),  # full-width letters from a Chinese input method
        ("xiaoming", ["王小明"]),  # full pinyin
        ("zhang san", ["张三"]),  # every term must match
        ("G1101012009", ["王小明"]),  # part of the 学籍号
        ("g110101200704044567", ["赵敏"]),
        ("初二(3)", ["张三"]),  # class label
        ("初二（3）", ["张三"]),  # full-width brackets
        ("初二", ["张三", "李四"]),
        ("", ["张三", "李四", "王小明", "赵敏", "陈静"]),
        ("nobody", []),
    ],
)
def test_search_matches_name_pinyin_number_and_class(
    proxy: StudentFilterProxy, text: str, expected: list[str]
) -> None:
    proxy.set_search_text(text)
    assert sorted(names(proxy)) == sorted(expected)


def test_search_does_not_match_across_fields(proxy: StudentFilterProxy) -> None:
    # "zs" + student no. would be "zsg1…" if the haystack were one run-on string
    proxy.set_search_text("zsg")
    assert names(proxy) == []


def test_clearing_the_search_shows_everyone(proxy: StudentFilterProxy) -> None:
    proxy.set_search_text("wxm")
    assert proxy.rowCount() == 1
    proxy.set_search_text("  ")
    assert proxy.rowCount() == 5


def test_sorting_by_tier_uses_the_sort_role(proxy: StudentFilterProxy) -> None:
    proxy.sort(COL_TIER, Qt.SortOrder.DescendingOrder)
    tiers = [proxy.index(r, COL_TIER).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert tiers == [3, 2, 1, 0, 0]
    assert all(isinstance(t, int) for t in tiers)  # the number, not the shown "3 危机"
    assert [proxy.index(r, COL_TIER).data(ROW_ROLE).tier for r in range(5)] == tiers


def test_sort_role_orders_what_text_would_get_wrong(proxy: StudentFilterProxy) -> None:
    proxy.sort(COL_CLASS, Qt.SortOrder.AscendingOrder)  # as text 初二(3)班 > 初二(10)班 ...
    assert names(proxy) == ["王小明", "李四", "张三", "陈静", "赵敏"]  # 陈静: 初三, no class
    proxy.sort(COL_FOLLOW_UP, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[:3] == ["王小明", "张三", "赵敏"]  # dated first, soonest first
    proxy.sort(COL_NAME, Qt.SortOrder.AscendingOrder)  # by pinyin
    assert names(proxy) == ["陈静", "李四", "王小明", "张三", "赵敏"]


def test_sort_with_filter_and_back_to_the_service_order(
    proxy: StudentFilterProxy, student_rows: list[StudentRow]
) -> None:
    proxy.set_search_text("初")
    proxy.sort(COL_STUDENT_NO, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["王小明", "陈静", "李四", "张三"]
    proxy.set_search_text("")
    proxy.sort(-1)
    assert names(proxy) == [row.name for row in student_rows]


def test_persistent_selection_follows_a_sort(proxy: StudentFilterProxy) -> None:
    model = proxy.sourceModel()
    kept = QPersistentModelIndex(model.index(0, COL_NAME))
    assert kept.data() == "张三"
    proxy.sort(COL_TIER, Qt.SortOrder.DescendingOrder)
    assert kept.data() == "张三" and kept.row() == 1


def test_tier_cell_has_text_not_only_colour(proxy: StudentFilterProxy) -> None:
    proxy.sort(COL_TIER, Qt.SortOrder.DescendingOrder)
    cell = proxy.index(0, COL_TIER)
    assert cell.data() == "3 危机"
    assert "重大心理危机" in cell.data(Qt.ItemDataRole.ToolTipRole)
    background = cell.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor)
    assert background.name().upper() == Tier.CRISIS.colour_hex
    for row in range(proxy.rowCount()):
        text = proxy.index(row, COL_TIER).data()
        assert text and text[0].isdigit() and len(text) > 2


def test_badge_text_colour_reads_on_every_tier() -> None:
    for tier in Tier:
        background, _text = badge_colours(tier)
        assert background.name().upper() == tier.colour_hex
    assert badge_colours(Tier.GENERAL)[1] == QColor("#000000")  # dark text on yellow
    assert badge_colours(Tier.CRISIS)[1] == QColor("#FFFFFF")


def test_headers_are_translated(proxy: StudentFilterProxy) -> None:
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMN_COUNT)]
    assert titles == ["学籍号", "姓名", "年级", "班级", "分级", "状态", "下次随访"]


def test_status_is_shown_in_words(proxy: StudentFilterProxy) -> None:
    statuses = {proxy.index(r, 5).data() for r in range(proxy.rowCount())}
    assert statuses == {"在读", "休学"}


def test_view_paints_badges(qtbot: QtBot, proxy: StudentFilterProxy) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setItemDelegateForColumn(COL_TIER, TierBadgeDelegate(view))
    view.resize(800, 300)
    view.show()
    assert not view.grab().isNull()


def test_reloading_refilters(proxy: StudentFilterProxy, student_rows: list[StudentRow]) -> None:
    proxy.set_search_text("zs")
    model = proxy.sourceModel()
    assert isinstance(model, StudentTableModel)
    renamed = [dataclasses.replace(r, name_pinyin="x x") for r in student_rows]
    model.set_rows(renamed)
    assert proxy.rowCount() == 0


def test_class_sorts_by_number_not_text(student_rows: list[StudentRow]) -> None:
    third, tenth = (
        dataclasses.replace(student_rows[0], class_label=label)
        for label in ("初二(3)班", "初二(10)班")
    )
    assert sort_value(third, COL_CLASS) < sort_value(tenth, COL_CLASS)
