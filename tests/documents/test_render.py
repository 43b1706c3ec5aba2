"""Blocks → A4 PDF: running head and footer, fonts, batches, tables, receipts, QR, glyph check."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import segno
from pypdf import PdfReader

from counselroom.documents import render as render_module
from counselroom.documents.fonts import FontSet, MissingGlyphs, resolve_fonts
from counselroom.documents.layout import FRAME_TOP, FRAME_WIDTH, FRAME_X, FRAME_Y, PAGE_HEIGHT
from counselroom.documents.model import (
    Block,
    Document,
    Fields,
    Heading,
    PageBreak,
    Para,
    QRCode,
    RunningHead,
    SectionTitle,
    Signature,
    SignLines,
    Table,
    TearOff,
)
from counselroom.documents.render import RenderResult, check_glyphs, render

AT = datetime(2026, 11, 22, 14, 5)
NOBODY_DRAWS = "\U0010fffd"  # a private-use code point: no font on any PC has it
LETTER = "您好！近期学校心理辅导室在日常工作中注意到，您的孩子在学习和人际交往方面出现了一些变化。"


@pytest.fixture(params=["system", "builtin"])
def fonts(request: pytest.FixtureRequest) -> FontSet:
    return resolve_fonts() if request.param == "system" else resolve_fonts(search=[])


def head(
    title: str = "家长告知书", number: str = "CR-2026-0042", school: str = "重庆市第一中学校"
) -> RunningHead:
    return RunningHead(
        school=school, title=title, number=number, printed_by="李老师", printed_at=AT
    )


def document(blocks: tuple[Block, ...], **kw: str) -> Document:
    return Document(head=head(**kw), blocks=blocks)


def letter(paragraphs: int, **kw: str) -> Document:
    return document(
        (Heading(kw.get("title", "家长告知书")), *(Para(LETTER) for _ in range(paragraphs))),
        **kw,
    )


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def test_every_page_carries_school_title_number_mark_and_footer(fonts: FontSet) -> None:
    result = render(letter(12), fonts)
    assert isinstance(result, RenderResult)
    assert result.pages == 2 and result.page_counts == (2,)
    texts = page_texts(result.pdf)
    assert len(texts) == 2
    for number, text in enumerate(texts, start=1):
        assert "重庆市第一中学校" in text
        assert "家长告知书" in text
        assert "文书编号：CR-2026-0042" in text
        assert "保密" in text
        assert f"第 {number} 页 / 共 2 页" in text
        assert "打印：李老师 2026年11月22日 14:05" in text


def test_truetype_faces_are_embedded_and_nothing_else_is_referenced() -> None:
    fonts = resolve_fonts()
    if fonts.builtin:
        pytest.skip("no TrueType Chinese font on this machine")
    reader = PdfReader(io.BytesIO(render(letter(3), fonts).pdf))
    for page in reader.pages:
        faces = page["/Resources"]["/Font"]
        assert faces
        for ref in faces.values():
            face = ref.get_object()
            if face["/Subtype"] == "/Type0":
                face = face["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in face["/FontDescriptor"].get_object(), face["/BaseFont"]


def test_builtin_font_is_referenced_not_embedded() -> None:
    fonts = resolve_fonts(search=[])
    assert fonts.builtin
    result = render(letter(3), fonts)
    reader = PdfReader(io.BytesIO(result.pdf))
    names = {
        ref.get_object()["/BaseFont"] for ref in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert names == {"/STSong-Light"}
    assert b"/FontFile2" not in result.pdf
    assert "您好！近期学校心理辅导室" in page_texts(result.pdf)[0]


@pytest.mark.parametrize(
    "blocks",
    [
        (Para(f"学生姓名：张{NOBODY_DRAWS}明"),),
        (Table(headers=("姓名",), rows=((f"张{NOBODY_DRAWS}",),)),),
        (Fields(rows=((f"监护人{NOBODY_DRAWS}", "王芳"),)),),
        (TearOff(title="回执", blocks=(SignLines((f"家长签名{NOBODY_DRAWS}",)),)),),
        (Signature(lines=(f"{NOBODY_DRAWS}校",)),),
        (Heading("告知书", subtitle=NOBODY_DRAWS),),
    ],
)
def test_missing_glyphs_name_the_document_and_character_before_anything_is_built(
    fonts: FontSet, blocks: tuple[Block, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fonts.missing(NOBODY_DRAWS) == (NOBODY_DRAWS,)
    built: list[object] = []
    monkeypatch.setattr(render_module, "BaseDocTemplate", lambda *a, **k: built.append(a))
    batch = [letter(1, title="第一份"), document(blocks, title="第二份")]
    with pytest.raises(MissingGlyphs) as caught:
        render(batch, fonts)
    assert caught.value.chars == (NOBODY_DRAWS,)
    assert caught.value.where == "第二份"
    assert "U+10FFFD" in str(caught.value)
    assert built == []
    with pytest.raises(MissingGlyphs):
        check_glyphs(batch, fonts)
    check_glyphs(batch[0], fonts)  # the first document alone is fine


def test_missing_glyph_in_the_running_head_is_found(fonts: FontSet) -> None:
    doc = letter(1, school=f"第{NOBODY_DRAWS}中学")
    with pytest.raises(MissingGlyphs) as caught:
        render(doc, fonts)
    assert caught.value.where == "家长告知书"


def test_batch_starts_each_document_on_a_new_page_and_numbers_its_own_pages(
    fonts: FontSet,
) -> None:
    first = letter(30, title="家长告知书", number="CR-1")
    second = document(
        (Heading("分级通报单"), Para("通报内容。"), PageBreak()), title="分级通报单", number="CR-2"
    )
    third = letter(12, title="转介函", number="CR-3")
    result = render([first, second, third], fonts)
    a, b, c = result.page_counts
    assert a >= 2 and b == 1 and c == 2  # a trailing PageBreak leaves no blank page
    assert result.pages == a + b + c
    texts = page_texts(result.pdf)
    assert len(texts) == result.pages
    owners = ["CR-1"] * a + ["CR-2"] * b + ["CR-3"] * c
    numbers = [*range(1, a + 1), *range(1, b + 1), *range(1, c + 1)]
    totals = [a] * a + [b] * b + [c] * c
    for text, owner, number, total in zip(texts, owners, numbers, totals, strict=True):
        assert f"文书编号：{owner}" in text
        assert f"第 {number} 页 / 共 {total} 页" in text
    assert "分级通报单" in texts[a] and "家长告知书" not in texts[a]
    assert texts[a + b].count("转介函") == 2  # head and heading: the document starts there


def test_explicit_page_break_starts_a_new_page(fonts: FontSet) -> None:
    doc = document((Para("第一页内容。"), PageBreak(), PageBreak(), Para("第二页内容。")))
    result = render(doc, fonts)
    assert result.page_counts == (2,)  # two breaks in a row give one new page, not a blank one
    first, second = page_texts(result.pdf)
    assert "第一页内容" in first and "第二页内容" in second


def test_five_hundred_row_table_repeats_its_header_on_every_page(fonts: FontSet) -> None:
    rows = tuple((f"{i:03d}号", f"学生{i:03d}", "初二(3)班", "每月一次") for i in range(1, 501))
    table = Table(headers=("序号", "姓名", "所在班级", "随访频次"), rows=rows, widths=(1, 2, 2, 2))
    result = render(document((Heading("留守儿童台账"), table)), fonts)
    texts = page_texts(result.pdf)
    assert result.pages == len(texts) >= 10
    for text in texts:
        assert text.count("所在班级") == 1
        assert text.count("随访频次") == 1
    joined = "".join(texts)
    positions = [joined.index(f"学生{i:03d}") for i in range(1, 501)]
    assert positions == sorted(positions)  # every row, in order


def test_empty_table_prints_its_empty_text(fonts: FontSet) -> None:
    table = Table(headers=("日期", "事项"), rows=(), empty_text="（本学期无记录）")
    text = page_texts(render(document((table,)), fonts).pdf)[0]
    assert "本学期无记录" in text and "事项" in text


def test_table_rows_must_match_the_headers(fonts: FontSet) -> None:
    with pytest.raises(ValueError, match="row 2 has 1 cells for 2 headers"):
        render(document((Table(headers=("a", "b"), rows=(("1", "2"), ("3",))),)), fonts)


def receipt() -> TearOff:
    return TearOff(
        title="回执",
        blocks=(
            Para("本人已收到《家长告知书》，知悉孩子的情况，并愿意配合学校做好相关工作。"),
            SignLines(("家长签名", "日期")),
        ),
    )


def test_tear_off_receipt_is_never_split_across_pages(fonts: FontSet) -> None:
    moved = stayed = 0
    for filler in range(14, 26):
        blocks = tuple(Para(f"第{i}段正文内容。", indent=True) for i in range(filler))
        result = render(document((*blocks, receipt())), fonts)
        texts = page_texts(result.pdf)
        cut_pages = [n for n, text in enumerate(texts) if "请沿虚线剪下" in text]
        assert len(cut_pages) == 1
        page = texts[cut_pages[0]]
        for part in ("回执", "本人已收到", "做好相关工作", "家长签名", "日期："):
            assert part in page, (filler, part)
            assert not any(part in text for i, text in enumerate(texts) if i != cut_pages[0])
        last_filler = max(n for n, text in enumerate(texts) if f"第{filler - 1}段" in text)
        if cut_pages[0] > last_filler:
            moved += 1
        else:
            stayed += 1
    # Both cases happened: the receipt fitted under the letter, and it moved whole.
    assert moved and stayed


def test_same_documents_give_the_same_bytes(fonts: FontSet) -> None:
    docs = [letter(25), document((receipt(), QRCode("https://example.org/x", caption="扫码")))]
    first = render(docs, fonts).pdf
    render(letter(3, title="别的文书"), fonts)
    assert render(docs, fonts).pdf == first


def test_bytes_are_the_same_in_another_process() -> None:
    script = (
        "import hashlib, sys\n"
        "sys.path[:0] = sys.argv[1:]\n"
        "from test_render import letter, receipt, document\n"
        "from counselroom.documents.fonts import resolve_fonts\n"
        "from counselroom.documents.render import render\n"
        "pdf = render([letter(25), document((receipt(),))], resolve_fonts()).pdf\n"
        "print(hashlib.sha256(pdf).hexdigest())\n"
    )
    here = Path(__file__).parent
    out = subprocess.run(
        [sys.executable, "-c", script, str(here), str(here.parents[1] / "src")],
        capture_output=True,
        text=True,
        check=True,
    )
    pdf = render([letter(25), document((receipt(),))], resolve_fonts()).pdf
    assert out.stdout.strip() == hashlib.sha256(pdf).hexdigest()


def test_metadata_holds_title_and_school_only(fonts: FontSet) -> None:
    doc = document(
        (Heading("家长告知书"), Fields(rows=(("学生姓名", "张小明"), ("学籍号", "G123"))))
    )
    result = render([doc, letter(1, title="第二份")], fonts)
    meta = PdfReader(io.BytesIO(result.pdf)).metadata
    assert meta is not None
    assert meta.title == "家长告知书"
    assert meta.author == "重庆市第一中学校"
    values = " ".join(str(value) for value in meta.values())
    assert "张小明" not in values and "G123" not in values and "李老师" not in values
    assert "第二份" not in values


def test_render_refuses_an_empty_batch(fonts: FontSet) -> None:
    with pytest.raises(ValueError, match="no documents"):
        render([], fonts)


def test_every_block_kind_renders_its_text(fonts: FontSet) -> None:
    doc = document(
        (
            Heading("家长告知书", subtitle="（一般心理问题）"),
            Para("尊敬的家长：", indent=False),
            Para("第一段。\n第二段。", bold=True),
            SectionTitle("一、基本情况"),
            Fields(
                rows=(("姓名", "张小明"), ("班级", "初二(3)班"), ("住址", "人民路1号")), columns=2
            ),
            Table(headers=("日期", "事项"), rows=(("2026年11月22日", "访谈"),)),
            Signature(lines=("重庆市第一中学校", "2026年11月22日")),
            QRCode("https://example.org/", caption="扫码查看"),
            receipt(),
        )
    )
    text = "".join(page_texts(render(doc, fonts).pdf))
    for part in (
        "（一般心理问题）",
        "尊敬的家长",
        "第一段",
        "第二段",
        "一、基本情况",
        "张小明",
        "初二(3)班",
        "人民路1号",
        "访谈",
        "2026年11月22日",
        "扫码查看",
        "请沿虚线剪下",
        "家长签名：",
        "日期：",
    ):
        assert part in text, part


def test_qr_code_modules_are_drawn_where_segno_puts_them(tmp_path: Path) -> None:
    """Rasterise the page and read every module back: the printed code is the code."""
    image_module = pytest.importorskip("PIL.Image")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    data = "counselroom:card:v1:5F3A-91C2-77D0-4E1B"
    pdf = render(document((QRCode(data, size_mm=40),)), resolve_fonts()).pdf
    (tmp_path / "qr.pdf").write_bytes(pdf)
    dpi = 300
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "qr.pdf", "qr"],
        cwd=tmp_path,
        check=True,
    )
    image = image_module.open(tmp_path / "qr.png").convert("L")
    scale = dpi / 72
    # Crop to the text block, below the running head's rule, to find the symbol's dark bbox.
    box = (
        int(FRAME_X * scale),
        int((PAGE_HEIGHT - FRAME_TOP) * scale),
        int((FRAME_X + FRAME_WIDTH) * scale),
        int((PAGE_HEIGHT - FRAME_Y) * scale),
    )
    body = image.crop(box).point(lambda v: 255 if v < 128 else 0)
    left, top, right, bottom = body.getbbox()
    matrix = segno.make(data, error="m", micro=False).matrix
    n = len(matrix)
    module = (right - left) / n
    assert abs((bottom - top) / n - module) < 0.5
    assert module * n / scale == pytest.approx(40 * 72 / 25.4 * n / (n + 8), rel=0.02)
    for r in range(n):
        for c in range(n):
            x = left + (c + 0.5) * module
            y = top + (r + 0.5) * module
            dark = body.getpixel((int(x), int(y))) == 255
            assert dark == bool(matrix[r][c]), (r, c)


def test_a_document_without_blocks_still_owns_a_page(fonts: FontSet) -> None:
    result = render([document((), title="空白", number="CR-0"), letter(1)], fonts)
    assert result.page_counts == (1, 1)
    first, second = page_texts(result.pdf)
    assert "文书编号：CR-0" in first and "第 1 页 / 共 1 页" in first
    assert "您好" in second and "您好" not in first


def test_bold_text_is_outlined_when_there_is_no_separate_bold_face(fonts: FontSet) -> None:
    """A PC with one Chinese font still prints titles and headings heavier than body text."""
    if fonts.bold_name != fonts.primary.name:
        pytest.skip("this font set has a real bold face")
    plain = Document(
        head=RunningHead("某中学", "告知书", "CR-1", "李老师", AT, confidential=""),
        blocks=(Para("正文"),),
    )
    titled = Document(head=plain.head, blocks=(Heading("告知书"), Para("正文")))

    def content(doc: Document) -> bytes:
        page = PdfReader(io.BytesIO(render(doc, fonts).pdf)).pages[0]
        return page.get_contents().get_data()

    assert b"2 Tr" not in content(plain)
    assert b"2 Tr" in content(titled)


def test_progress_counts_documents_as_they_are_laid_out_and_can_stop_the_build() -> None:
    fonts = resolve_fonts(search=[])
    docs = [
        Document(
            head=RunningHead(
                "学校", f"文书{n}", f"心〔2026〕{n:04d}号", "陈静", datetime(2026, 11, 22)
            ),
            blocks=(Para("正文" * 400),),
        )
        for n in range(1, 4)
    ]
    seen: list[int] = []
    render(docs, fonts, progress=seen.append)
    assert seen == [1, 2, 3]

    class Stop(Exception):
        pass

    def stop_after_first(done: int) -> None:
        if done == 1:
            raise Stop

    with pytest.raises(Stop):
        render(docs, fonts, progress=stop_after_first)


def test_a_paper_without_a_number_prints_no_empty_number_line() -> None:
    """The recovery sheet is never recorded, so it has no 文书编号: no "文书编号：" with nothing."""
    doc = Document(
        head=RunningHead("学校", "数据保险库恢复码", "", "王", datetime(2026, 11, 22, 9, 0)),
        blocks=(Para("正文"),),
    )
    text = PdfReader(io.BytesIO(render(doc, resolve_fonts(search=[])).pdf)).pages[0].extract_text()
    assert "数据保险库恢复码" in text and "文书编号" not in text
