"""Long names, addresses and free text wrap and flow: nothing leaves the page or the text block.

Positions come from pypdf's text visitor: a run's origin is its text matrix times the current
transformation matrix (platypus translates each flowable, the running head may be scaled).
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from counselroom.documents.fonts import FontSet, resolve_fonts
from counselroom.documents.layout import (
    FRAME_TOP,
    FRAME_WIDTH,
    FRAME_X,
    FRAME_Y,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)
from counselroom.documents.model import (
    Document,
    Fields,
    Heading,
    Para,
    RunningHead,
    SectionTitle,
    Signature,
    SignLines,
    Table,
    TearOff,
)
from counselroom.documents.render import render

MM = 72 / 25.4
PAPER_EDGE = 5 * MM  # what a printer cannot print
TOLERANCE = 1.0  # points
HANGING = "，。、；：？！"

LONG_NAME = "欧阳" + "晓明天佑浩然子轩" * 7 + "轩轩"  # 60 characters
assert len(LONG_NAME) == 60
ADDRESS = ("重庆市渝中区解放碑街道民族路188号世贸大厦" * 15)[:300]
FREE_TEXT = ("学生近期情绪低落，课堂注意力下降，与同学交往减少" * 90)[:2000]  # no spaces
ASCII_RUN = "G500101201001011234" * 30  # 570 characters, no break opportunity


@pytest.fixture(params=["system", "builtin"])
def fonts(request: pytest.FixtureRequest) -> FontSet:
    return resolve_fonts() if request.param == "system" else resolve_fonts(search=[])


def stuffed_document() -> Document:
    head = RunningHead(
        school="重庆市渝中区某某实验学校" * 5,
        title="一生一策心理健康档案与个别辅导计划（第二版）" * 2,
        number="CR-2026-" + "0" * 40,
        printed_by=LONG_NAME,
        printed_at=datetime(2026, 11, 22, 14, 5),
    )
    return Document(
        head=head,
        blocks=(
            Heading("关于" + LONG_NAME + "同学的心理辅导计划", subtitle=LONG_NAME),
            Para(FREE_TEXT),
            Para(ASCII_RUN),
            SectionTitle("一、" + LONG_NAME),
            Fields(
                rows=(
                    ("姓名", LONG_NAME),
                    ("家庭住址", ADDRESS),
                    ("学籍号", ASCII_RUN[:60]),
                    ("班级", "初二(3)班"),
                    ("监护人及联系电话（家庭成员情况说明）", LONG_NAME),
                ),
                columns=3,
            ),
            Table(
                headers=("序号", "姓名", "住址", "备注"),
                rows=tuple((str(i), LONG_NAME, ADDRESS, ASCII_RUN[:200]) for i in range(12)),
                widths=(0.6, 2, 4, 1),
            ),
            Signature(lines=("重庆市渝中区某某实验学校心理辅导室" * 3, "2026年11月22日")),
            TearOff(
                title="回执",
                blocks=(
                    Para("本人已收到" + LONG_NAME + "的告知书。"),
                    SignLines(("家长签名（监护人）", "与学生关系", "联系电话", LONG_NAME)),
                ),
            ),
        ),
    )


@dataclass(frozen=True)
class Run:
    page: int
    x: float
    y: float
    size: float
    text: str
    width: float


def text_runs(pdf: bytes, fonts: FontSet) -> list[Run]:
    """Every line of text with its origin, effective size and (estimated) drawn width."""
    reader = PdfReader(io.BytesIO(pdf))
    runs: list[Run] = []
    for number, page in enumerate(reader.pages, start=1):
        lines: dict[tuple[float, float], list[tuple[str, float]]] = defaultdict(list)

        def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = tm[0] * cm[0] + tm[1] * cm[2]
            lines[(round(x, 2), round(y, 2))].append((text.replace("\n", ""), size * scale))  # noqa: B023

        page.extract_text(visitor_text=visit)
        for (x, y), parts in lines.items():
            text = "".join(part for part, _ in parts)
            size = parts[0][1]
            runs.append(Run(number, x, y, size, text, line_width(text, size, fonts)))
    return runs


def body_text(runs: list[Run]) -> str:
    """The lines in reading order (page, top to bottom, left to right), spaces removed."""
    ordered = sorted(runs, key=lambda r: (r.page, -r.y, r.x))
    return "".join(run.text for run in ordered).replace(" ", "")


def line_width(text: str, size: float, fonts: FontSet) -> float:
    """The width the primary face gives the line; a character it lacks counts as one em.

    A full-width mark that may not start a line hangs at the end of the line above (Chinese
    line breaking); its ink is the left half of its em box, so it counts half.
    """
    face = fonts.primary
    width = sum(stringWidth(char, face.name, size) if face.covers(char) else size for char in text)
    if text and text[-1] in HANGING:
        width -= stringWidth(text[-1], face.name, size) / 2
    return width


def test_stuffed_document_stays_inside_page_and_margins(fonts: FontSet) -> None:
    doc = stuffed_document()
    result = render(doc, fonts)
    runs = text_runs(result.pdf, fonts)
    assert result.pages >= 3
    assert {run.page for run in runs} == set(range(1, result.pages + 1))
    head, body, foot = [], [], []
    for run in runs:
        # Inside the paper, with room for the printer's unprintable edge.
        assert run.x >= PAPER_EDGE and run.x + run.width <= PAGE_WIDTH - PAPER_EDGE + TOLERANCE, run
        assert PAPER_EDGE <= run.y <= PAGE_HEIGHT - PAPER_EDGE, run
        # Inside the left and right margins (GB/T 9704 text block), head and footer included.
        assert run.x >= FRAME_X - TOLERANCE, run
        assert run.x + run.width <= FRAME_X + FRAME_WIDTH + TOLERANCE, run
        if run.y > FRAME_TOP:
            head.append(run)
        elif run.y < FRAME_Y:
            foot.append(run)
        else:
            body.append(run)
    # Body lines sit wholly inside the frame: the top of each line's glyphs below the frame top.
    for run in body:
        assert run.y + run.size <= FRAME_TOP + TOLERANCE, run
    # The head and footer hold exactly the running head's strings, nothing of the body.
    head_texts = {run.text for run in head}
    assert all(
        text.startswith(("重庆市", "一生一策", "文书编号", "保密")) for text in head_texts
    ), head_texts
    assert all(text.startswith(("第", "打印")) for text in {run.text for run in foot})
    # Descenders of the lowest body line stay above the footer's highest glyphs.
    assert min(run.y for run in body) - 0.25 * 16 > max(run.y + run.size for run in foot)
    assert max(run.y for run in head) > FRAME_TOP and min(run.y for run in head) > FRAME_TOP + 4
    # Chinese line breaking: no line starts with a comma or full stop.
    assert not [run for run in body if run.text[0] in HANGING]
    # Nothing was cut: the long strings are all there (line breaks removed).
    flat = body_text(body)
    assert FREE_TEXT in flat
    assert ASCII_RUN in flat
    assert ADDRESS in flat
    name_column = (FRAME_X + FRAME_WIDTH * 0.6 / 7.6, FRAME_X + FRAME_WIDTH * 2.6 / 7.6)
    in_column = [run for run in body if name_column[0] <= run.x < name_column[1]]
    assert body_text(in_column).count(LONG_NAME) >= 12  # every row of the table


def test_head_and_footer_repeat_on_every_page_above_and_below_the_body(fonts: FontSet) -> None:
    result = render(stuffed_document(), fonts)
    runs = text_runs(result.pdf, fonts)
    for page in range(1, result.pages + 1):
        on_page = [run for run in runs if run.page == page]
        assert any(run.text.startswith("保密") and run.y > FRAME_TOP for run in on_page)
        assert any(run.text.startswith("文书编号") and run.y > FRAME_TOP for run in on_page)
        assert any(run.text.startswith(f"第 {page} 页") and run.y < FRAME_Y for run in on_page)


def test_a_cell_taller_than_a_page_flows_over_several_pages(fonts: FontSet) -> None:
    """One table cell and one field value far taller than a page: reportlab cannot split a
    cell, so without cutting them into rows the build stops with a LayoutError."""
    huge = ("家长反映孩子在家中经常独处不愿交流，周末沉迷手机游戏至深夜，" * 200)[:6000]
    doc = Document(
        head=RunningHead("某中学", "访谈记录", "CR-1", "李老师", datetime(2026, 11, 22, 9, 0)),
        blocks=(
            Table(headers=("日期", "记录"), rows=(("2026年11月22日", huge), ("次日", "短"))),
            Fields(rows=(("补充说明", huge), ("班级", "初二(3)班")), columns=2),
        ),
    )
    result = render(doc, fonts)
    assert result.pages >= 6
    runs = text_runs(result.pdf, fonts)
    body = [r for r in runs if FRAME_Y <= r.y <= FRAME_TOP and r.text not in ("日期", "记录")]
    assert body_text(body).count(huge) == 2  # all of it, in order, in both places
    for run in runs:
        assert run.x + run.width <= FRAME_X + FRAME_WIDTH + TOLERANCE, run
        if FRAME_Y <= run.y <= FRAME_TOP:
            assert run.y + run.size <= FRAME_TOP + TOLERANCE, run
    # The table's header is repeated on every page the table's rows run over.
    reader = PdfReader(io.BytesIO(result.pdf))
    pages_with_huge = [p for p in reader.pages if "家长反映" in (p.extract_text() or "")]
    table_pages = pages_with_huge[: len(pages_with_huge) // 2]
    assert all("记录" in (p.extract_text() or "") for p in table_pages)


def test_long_ascii_in_a_narrow_column_is_broken_not_overflowing(fonts: FontSet) -> None:
    doc = Document(
        head=RunningHead("某中学", "转接函", "CR-2", "李老师", datetime(2026, 11, 22, 9, 0)),
        blocks=(
            Table(
                headers=("指纹", "说明"),
                rows=(("ABCD" * 64, "SHA-256"),),
                widths=(1, 9),
            ),
        ),
    )
    runs = text_runs(render(doc, fonts).pdf, fonts)
    cell_lines = [run for run in runs if run.text.startswith(("ABCD", "BCD", "CD", "D"))]
    assert len(cell_lines) > 10
    column_right = FRAME_X + FRAME_WIDTH / 10
    assert all(run.x + run.width <= column_right + TOLERANCE for run in cell_lines)
