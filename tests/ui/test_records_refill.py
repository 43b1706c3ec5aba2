"""A reload refills the record lists it already shows instead of building new tables, and
what it shows is the new data: rows, title, the chosen record, the empty notice."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counselroom.ui.student_file.records import RecordsPage, Row, Section


def _section(title: str, ids: list[int], headers: tuple[str, ...] = ("Date", "Kind")) -> Section:
    return Section(
        title=title,
        headers=headers,
        rows=[
            Row(
                cells=tuple(f"{h} {n}" for h in headers),
                detail=lambda n=n: f"<p>record {n}</p>",
                keys=frozenset({("session", n)}),
            )
            for n in ids
        ],
        empty_text="nothing yet",
    )


def test_same_shape_refills_the_same_views_with_the_new_rows(qtbot: QtBot) -> None:
    page = RecordsPage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.set_sections([_section("Sessions (2)", [1, 2]), _section("Older (1)", [9])])
    views = list(page.sections)
    assert page.select(("session", 2))

    page.set_sections([_section("Sessions (3)", [1, 2, 3]), _section("Older (0)", [])])
    assert page.sections == views  # the same widgets, refilled
    first, second = views
    assert first.model.rowCount() == 3 and first.title_label.text() == "Sessions (3)"
    assert page.chosen_keys() == frozenset({("session", 2)})  # the choice survives the reload
    assert "record 2" in page.detail_text()
    assert second.table.isHidden() and second.notice.text() == "nothing yet"

    page.set_sections([_section("Sessions (20)", list(range(1, 21))), _section("Older (1)", [9])])
    assert not second.table.isHidden() and second.model.rowCount() == 1
    # Twenty rows scroll: the table is no longer held to the height of the three before.
    assert first.table.maximumHeight() > first.table.minimumHeight()


def test_other_columns_build_new_views(qtbot: QtBot) -> None:
    page = RecordsPage()
    qtbot.addWidget(page)
    page.set_sections([_section("A", [1])])
    old = page.sections[0]
    page.set_sections([_section("B", [1], headers=("When", "What", "Who"))])
    assert page.sections[0] is not old
    assert page.sections[0].model.columnCount() == 3
