"""The trend chart of a student's file: the scored results and the policy's cut-offs, no more."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from counselroom.domain.cutoffs import ScreeningCutoffs
from counselroom.domain.terms import term_of
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.policy import current_policy, set_screening_cutoffs
from counselroom.services.screening_batches import BatchInput, create_batch, enter_result
from counselroom.services.screening_results import grade_then
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.services.student_file import ScreeningEntry, open_student_file
from counselroom.storage.models import SchoolClass, Student
from counselroom.ui.student_file.screening_chart import scored_points
from counselroom.ui.student_file.screening_tab import ScreeningRecords
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

TODAY = local_today()  # hand entry checks a batch's grades against today's roster
EARLIER, EARLIEST = TODAY - timedelta(days=120), TODAY - timedelta(days=400)
GRADE_NOW = 8


@dataclass
class File:
    ctx: Context
    student_id: int
    other_id: int  # a student without any result


@pytest.fixture
def school(tmp_path: Path) -> Iterator[File]:
    ctx, _code = init_vault(
        tmp_path / "vault",
        SchoolDetails("测试中学", school_type="junior"),
        "admin",
        "correct-horse-1",
        kdf=INSECURE_TEST_PARAMS,
    )
    with ctx.vault.write() as session:
        school_class = SchoolClass(grade_level=GRADE_NOW, number=1, label="初二(1)班")
        pupils = [
            Student(name=name, grade_level=GRADE_NOW, school_class=school_class)
            for name in ("张三", "李四")
        ]
        session.add_all(pupils)
        session.flush()
        ids = [pupil.id for pupil in pupils]
    yield File(ctx, ids[0], ids[1])
    ctx.close()


def sheet(file: File, instrument: str, on: date, **values: object) -> None:
    """A batch of `instrument` on `on` for the student's grade then, and his sheet in it."""
    grade = grade_then(GRADE_NOW, on, TODAY)
    batch = BatchInput(instrument, on, term_of(on).label_zh, (grade,), None, None)
    enter_result(file.ctx, create_batch(file.ctx, batch), file.student_id, **values)  # type: ignore[arg-type]


def screenings(file: File, student_id: int | None = None) -> tuple[ScreeningEntry, ...]:
    entries = open_student_file(file.ctx, student_id or file.student_id).screenings
    assert entries is not None
    return entries


def fill(file: File) -> None:
    sheet(file, "phq9", EARLIEST, answers=(1, 1, 1, 1, 1, 0, 0, 0, 0))  # 5
    sheet(file, "phq9", EARLIER, answers=(2, 2, 2, 2, 2, 1, 1, 0, 0))  # 12
    sheet(file, "phq9", TODAY, answers=(3, 3, None, 3, 3, 3, 3, 3, 0))  # incomplete
    sheet(file, "gad7", EARLIER, answers=(1, 1, 1, 1, 1, 1, 1))  # 7
    scales = {"learning": 9, "social": 5, "lonely": 4, "self_blame": 2, "sensitive": 1}
    scales |= {"somatic": 3, "phobic": 2, "impulsive": 1}
    sheet(file, "mht", EARLIER, scales=scales, lie=8, total=27)  # void: lie at the cut-off


def points(series: QLineSeries) -> list[tuple[date, int]]:
    return [
        (QDateTime.fromMSecsSinceEpoch(int(p.x())).date().toPython(), int(p.y()))  # type: ignore[misc]
        for p in series.points()
    ]


def records(qtbot: QtBot) -> ScreeningRecords:
    page = ScreeningRecords()
    qtbot.addWidget(page)
    page.resize(1100, 700)
    return page


def test_the_lines_are_the_files_scored_results(qtbot: QtBot, school: File) -> None:
    fill(school)
    entries = screenings(school)
    assert len(entries) == 5
    page = records(qtbot)
    page.show_screenings(entries, current_policy(school.ctx).screening)
    assert page.chart.isVisibleTo(page)
    chart = page.chart
    expected = {
        instrument: [(e.on, e.total) for e in entries if e.instrument == instrument]
        for instrument in ("phq9", "gad7")
    }
    expected["phq9"] = [(e.on, e.total) for e in entries if e.instrument == "phq9" and e.valid]
    assert expected == {"phq9": [(EARLIEST, 5), (EARLIER, 12)], "gad7": [(EARLIER, 7)]}
    assert set(chart.lines) == {"phq9", "gad7"}  # the void MHT sheet is not drawn
    assert {key: points(series) for key, series in chart.lines.items()} == expected
    assert scored_points(entries) == expected
    assert len(chart.chart().series()) == 4  # two lines and their two cut-offs


def test_the_cut_off_lines_are_the_policys(qtbot: QtBot, school: File) -> None:
    fill(school)
    page = records(qtbot)
    policy = current_policy(school.ctx).screening
    page.show_screenings(screenings(school), policy)
    lines = page.chart.cutoff_lines
    assert {p.y() for p in lines["phq9"].points()} == {float(policy.phq9.flag_at)}
    assert {p.y() for p in lines["gad7"].points()} == {float(policy.gad7.flag_at)}
    assert lines["phq9"].pen().style() == Qt.PenStyle.DashLine
    first, last = (p.x() for p in lines["phq9"].points())
    drawn = [p.x() for p in page.chart.lines["phq9"].points()]
    assert first < min(drawn) and last > max(drawn)  # the line spans every result
    changed = ScreeningCutoffs(
        phq9=dataclasses.replace(policy.phq9, flag_at=10),
        gad7=dataclasses.replace(policy.gad7, flag_at=8),
        mht=policy.mht,
    )
    set_screening_cutoffs(school.ctx, changed)
    page.show_screenings(screenings(school), current_policy(school.ctx).screening)
    lines = page.chart.cutoff_lines
    assert {p.y() for p in lines["phq9"].points()} == {10.0}
    assert {p.y() for p in lines["gad7"].points()} == {8.0}
    assert "10" in lines["phq9"].name()


def test_no_scored_result_no_chart_and_the_empty_text(qtbot: QtBot, school: File) -> None:
    page = records(qtbot)
    cutoffs = current_policy(school.ctx).screening
    page.show_screenings(screenings(school, school.other_id), cutoffs)
    assert not page.chart.isVisibleTo(page) and page.chart.lines == {}
    (section,) = page.sections
    assert section.notice.isVisibleTo(page) and section.notice.text()
    sheet(school, "phq9", TODAY, answers=(0, None, 0, 0, 0, 0, 0, 0, 0))
    page.show_screenings(screenings(school), cutoffs)  # one result, but not scored
    assert not page.chart.isVisibleTo(page)
    assert page.sections[0].model.rowCount() == 1


def test_clear_and_restricted_drop_the_chart(qtbot: QtBot, school: File) -> None:
    fill(school)
    page = records(qtbot)
    page.show_screenings(screenings(school), current_policy(school.ctx).screening)
    assert page.chart.lines
    page.clear()  # the window locks
    assert not page.chart.isVisibleTo(page) and page.chart.lines == {}
    assert page.chart.chart().series() == []
    page.show_screenings(screenings(school), current_policy(school.ctx).screening)
    page.show_restricted()  # another user, who may not see screening answers
    assert not page.chart.isVisibleTo(page) and page.chart.lines == {}
