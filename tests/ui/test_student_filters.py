"""The list filters (grade, class, tier, care group, status): alone, together and with search."""

from __future__ import annotations

import dataclasses
import random
import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselroom.services.students import StudentRow
from counselroom.ui.i18n import fill
from counselroom.ui.student_filters import FilterSpec
from counselroom.ui.students_model import COL_NAME, COL_TIER
from counselroom.ui.students_panel import StudentsPanel

GROUPS = {"张三": ("left_behind",), "王小明": ("divorced", "left_behind"), "陈静": ("orphan",)}


@pytest.fixture
def rows(student_rows: list[StudentRow]) -> list[StudentRow]:
    return [dataclasses.replace(r, groups=GROUPS.get(r.name, ())) for r in student_rows]


@pytest.fixture
def panel(qtbot: QtBot, rows: list[StudentRow]) -> StudentsPanel:
    panel = StudentsPanel(debounce_ms=0)
    qtbot.addWidget(panel)
    panel.set_rows(rows)
    return panel


def shown(panel: StudentsPanel) -> list[str]:
    proxy = panel.proxy
    return sorted(proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount()))


def choices(combo: object) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]  # type: ignore[attr-defined]


def choose(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index > 0, data
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (FilterSpec(), ["张三", "李四", "王小明", "赵敏", "陈静"]),
        (FilterSpec(grade_level=8), ["张三", "李四"]),
        (FilterSpec(class_label="初二(3)班"), ["张三"]),
        (FilterSpec(tier=0), ["李四", "陈静"]),
        (FilterSpec(group="left_behind"), ["张三", "王小明"]),
        (FilterSpec(status="on_leave"), ["赵敏"]),
        (FilterSpec(grade_level=8, tier=2), ["张三"]),
        (FilterSpec(grade_level=8, tier=3), []),
        (FilterSpec(group="left_behind", tier=3, status="enrolled"), ["王小明"]),
        (FilterSpec(status="graduated"), []),
    ],
)
def test_filters_give_exactly_the_expected_rows(
    panel: StudentsPanel, spec: FilterSpec, expected: list[str]
) -> None:
    panel.filters.set_spec(spec)
    assert panel.proxy.filters == spec
    assert shown(panel) == sorted(expected)


def test_filters_combine_with_the_search(panel: StudentsPanel) -> None:
    choose(panel.filters.group_combo, "left_behind")
    assert shown(panel) == ["张三", "王小明"]
    panel.search_box.setText("zs")
    panel.search_box.returnPressed.emit()
    assert shown(panel) == ["张三"]
    panel.search_box.setText("初一")
    panel.search_box.returnPressed.emit()
    assert shown(panel) == ["王小明"]
    choose(panel.filters.tier_combo, 0)
    assert shown(panel) == []
    assert not panel.empty_label.isHidden()
    panel.filters.clear_button.click()
    assert shown(panel) == ["王小明"]  # the search stays
    panel.search_box.clear()
    assert len(shown(panel)) == 5
    assert not panel.filters.clear_button.isEnabled()


def test_class_choices_follow_the_grade(panel: StudentsPanel) -> None:
    filters = panel.filters
    assert choices(filters.grade_combo)[1:] == ["初一", "初二", "初三", "高一"]
    assert choices(filters.class_combo)[1:] == ["初一(2)班", "初二(1)班", "初二(3)班", "高一(10)班"]
    choose(filters.grade_combo, 8)
    assert choices(filters.class_combo)[1:] == ["初二(1)班", "初二(3)班"]
    choose(filters.class_combo, "初二(3)班")
    assert shown(panel) == ["张三"]
    choose(filters.grade_combo, 7)  # the class of another grade is dropped
    assert choices(filters.class_combo)[1:] == ["初一(2)班"]
    assert filters.class_combo.currentIndex() == 0
    assert filters.spec == FilterSpec(grade_level=7)
    assert shown(panel) == ["王小明"]
    filters.grade_combo.setCurrentIndex(0)
    assert len(choices(filters.class_combo)) == 5


def test_choices_show_words_not_codes(panel: StudentsPanel) -> None:
    groups = choices(panel.filters.group_combo)
    assert "留守儿童" in groups and "left_behind" not in groups
    assert "休学" in choices(panel.filters.status_combo)
    assert any("重大心理危机" in text for text in choices(panel.filters.tier_combo))


def test_counts_follow_the_filters(qtbot: QtBot, panel: StudentsPanel) -> None:
    with qtbot.waitSignal(panel.counts_changed) as blocker:
        choose(panel.filters.grade_combo, 8)
    assert blocker.args == [5, 2]
    assert panel.counts_text() == fill(panel.tr("%1 students in all, %2 shown"), 5, 2)
    assert "5" in panel.counts_text() and "2" in panel.counts_text()


def test_a_reload_keeps_the_filters(panel: StudentsPanel, rows: list[StudentRow]) -> None:
    choose(panel.filters.tier_combo, 0)
    panel.set_rows([dataclasses.replace(r, tier=0) for r in rows])
    assert len(shown(panel)) == 5
    assert panel.filters.spec == FilterSpec(tier=0)


def test_filters_survive_a_sort(panel: StudentsPanel) -> None:
    choose(panel.filters.grade_combo, 8)
    panel.view.sortByColumn(COL_TIER, Qt.SortOrder.DescendingOrder)
    names = [panel.proxy.index(r, COL_NAME).data() for r in range(panel.proxy.rowCount())]
    assert names == ["张三", "李四"]


def test_double_click_and_enter_open_the_student(
    qtbot: QtBot, panel: StudentsPanel, rows: list[StudentRow]
) -> None:
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.search_box.setText("wxm")
    panel.search_box.returnPressed.emit()
    view = panel.view
    index = panel.proxy.index(0, COL_NAME)
    wang = next(r.id for r in rows if r.name == "王小明")
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(panel.open_student, timeout=2000) as blocker:
        # Qt 6 reads a double-click only after a press and release at the same place
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [wang]
    view.setFocus()
    view.setCurrentIndex(index)
    with qtbot.waitSignal(panel.open_student) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [wang]


def test_twenty_thousand_rows_filter_quickly(qtbot: QtBot, rows: list[StudentRow]) -> None:
    rng = random.Random(7)
    many = [
        dataclasses.replace(
            rows[i % len(rows)],
            id=i,
            tier=rng.randrange(4),
            groups=("left_behind",) if i % 9 == 0 else (),
        )
        for i in range(20_000)
    ]
    panel = StudentsPanel(debounce_ms=0)
    qtbot.addWidget(panel)
    panel.set_rows(many)
    started = time.perf_counter()
    panel.filters.set_spec(FilterSpec(grade_level=8, tier=3, group="left_behind"))
    elapsed = time.perf_counter() - started
    expected = sum(r.grade_level == 8 and r.tier == 3 and r.id % 9 == 0 for r in many)
    assert panel.proxy.rowCount() == expected
    assert elapsed < 1.0  # generous: a guard against per-row Qt round trips, not a benchmark
