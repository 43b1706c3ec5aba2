"""The document preview: real PDFs shown page by page, Save and Print recorded, a cancelled
print recorded nowhere. Shared set-up for the other document window tests lives here too."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas  # type: ignore[import-untyped]
from sqlalchemy import select
from test_casework_support import Case, make_case
from test_student_file_support import StaticSource

from counselroom.services.documents import DocumentRequest, RenderedDocument, render_document
from counselroom.storage.models import DocumentRecord, SchoolClass, Student, StudentGroup
from counselroom.ui.areas.ledgers_page import LedgersPage
from counselroom.ui.documents.pdf_view import PdfView
from counselroom.ui.documents.preview_dialog import DocumentPreviewDialog, service_reason

NOTE = "请于本周五前联系心理老师"


def reportlab_pdf(pages: int) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for number in range(pages):
        pdf.drawString(72, 720, f"page {number + 1}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def add_students(case: Case) -> dict[str, int]:
    """张三 at tier 2 (the case's student), 李四 at tier 1, 王五 at tier 0, all in 初二(3)班."""
    with case.admin.vault.write() as s:
        zhang = s.get(Student, case.student_id)
        assert zhang is not None
        zhang.tier, zhang.file_state, zhang.student_no = 2, "open", "G110101200801011234"
        school_class = s.scalars(select(SchoolClass)).one()
        li = Student(name="李四", gender="F", grade_level=8, class_id=school_class.id, tier=1)
        li.file_state = "open"
        wang = Student(name="王五", gender="M", grade_level=8, class_id=school_class.id, tier=0)
        s.add_all([li, wang])
        s.flush()
        return {"张三": zhang.id, "李四": li.id, "王五": wang.id}


def records_of(case: Case, action: str | None = None) -> list[DocumentRecord]:
    with case.admin.vault.read() as s:
        query = select(DocumentRecord).order_by(DocumentRecord.id)
        if action is not None:
            query = query.where(DocumentRecord.action == action)
        rows = list(s.scalars(query))
        s.expunge_all()
        return rows


def pdf_printer(path: Path) -> Callable[[], QPrinter]:
    """A printer writing a PDF file, at a resolution that keeps the test quick."""

    def make() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setFullPage(True)
        printer.setResolution(96)
        return printer

    return make


def answering(accept: bool, seen: list[QPrinter]) -> Callable[[QWidget, QPrinter, Callable], None]:
    def open_dialog(_parent: QWidget, printer: QPrinter, done: Callable[[bool], None]) -> None:
        seen.append(printer)
        done(accept)

    return open_dialog


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


@pytest.fixture
def rendered(case: Case) -> RenderedDocument:
    add_students(case)
    return render_document(
        case.counsellor, DocumentRequest("parent-notice", case.student_id, note=NOTE)
    )


def preview(qtbot: QtBot, case: Case, rendered: RenderedDocument) -> DocumentPreviewDialog:
    dialog = DocumentPreviewDialog(StaticSource(case.counsellor), rendered)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# -- the view --------------------------------------------------------------------------------


def test_pdf_view_counts_the_pages_of_the_bytes_it_is_given(qtbot: QtBot) -> None:
    view = PdfView()
    qtbot.addWidget(view)
    view.set_pdf(reportlab_pdf(3))
    assert view.page_count() == 3 == view.document().pageCount()
    assert "3" in view.pages_label.text() and not view.error_label.isVisibleTo(view)
    view.set_pdf(reportlab_pdf(1))  # the old buffer goes, the new one shows
    assert view.page_count() == 1
    view.set_pdf(b"not a pdf")
    assert view.page_count() == 0 and view.error_label.isVisibleTo(view)
    view.set_pdf(reportlab_pdf(2))
    view.clear()
    assert view.page_count() == 0 and not view.zoom_in.isEnabled()


def test_zoom_leaves_fit_width_and_comes_back(qtbot: QtBot) -> None:
    view = PdfView()
    qtbot.addWidget(view)
    view.resize(600, 700)
    view.show()
    view.set_pdf(reportlab_pdf(1))
    view.zoom_in.click()
    assert view.view.zoomMode() == view.view.ZoomMode.Custom and not view.fit_width.isChecked()
    zoomed = view.view.zoomFactor()
    view.set_pdf(reportlab_pdf(2))  # a live preview reloads on each edit: the zoom stays
    assert view.view.zoomMode() == view.view.ZoomMode.Custom
    assert view.view.zoomFactor() == zoomed
    view.zoom_out.click()
    assert view.view.zoomFactor() < zoomed
    view.fit_width.click()
    assert view.view.zoomMode() == view.view.ZoomMode.FitToWidth and view.fit_width.isChecked()


# -- the preview -----------------------------------------------------------------------------


def test_preview_shows_the_rendered_document(
    qtbot: QtBot, case: Case, rendered: RenderedDocument
) -> None:
    dialog = preview(qtbot, case, rendered)
    pages = len(PdfReader(io.BytesIO(rendered.pdf)).pages)
    assert dialog.view.page_count() == rendered.pages == pages >= 1
    assert rendered.numbers[0] in dialog.facts_label.text()
    assert rendered.font_note  # which font printed it, in the window's language
    assert service_reason(rendered.font_note) in dialog.facts_label.text()
    assert not dialog.skipped_area.isVisibleTo(dialog)
    qtbot.wait(800)  # QPdfView paints pages from a rendering thread
    Path("/tmp/ui-look").mkdir(exist_ok=True)
    dialog.grab().save("/tmp/ui-look/preview.png")


def test_save_writes_the_file_and_records_it(
    qtbot: QtBot, case: Case, rendered: RenderedDocument, tmp_path: Path
) -> None:
    dialog = preview(qtbot, case, rendered)
    offered: list[Path] = []

    def choose(_parent: QWidget, _title: str, suggested: Path) -> Path:
        offered.append(suggested)
        return tmp_path / suggested.name

    dialog.choose_path = choose
    with qtbot.waitSignal(dialog.recorded, timeout=20_000) as blocker:
        dialog.save_button.click()
    assert blocker.args == ["save"]
    name = offered[0].name
    assert name.endswith(".pdf") and rendered.numbers[0] in name and "/" not in name
    assert (tmp_path / name).read_bytes() == rendered.pdf
    assert str(tmp_path / name) in dialog.status_label.text()
    [record] = records_of(case)
    assert (record.action, record.number, record.sha256) == (
        "save",
        rendered.numbers[0],
        rendered.sha256,
    )
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()


def test_a_cancelled_save_dialog_saves_nothing(
    qtbot: QtBot, case: Case, rendered: RenderedDocument
) -> None:
    dialog = preview(qtbot, case, rendered)
    dialog.choose_path = lambda *_args: None
    dialog.save_button.click()
    assert not dialog.action.running and records_of(case) == []


def test_print_paints_every_page_and_records_it(
    qtbot: QtBot, case: Case, rendered: RenderedDocument, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    seen: list[QPrinter] = []
    dialog = preview(qtbot, case, rendered)
    dialog.make_printer = pdf_printer(out)
    dialog.open_print_dialog = answering(True, seen)
    with qtbot.waitSignal(dialog.recorded, timeout=20_000) as blocker:
        dialog.print_button.click()
    assert blocker.args == ["print"]
    assert seen[0].docName() == rendered.title
    assert (seen[0].fromPage(), seen[0].toPage()) == (1, rendered.pages)  # range offered
    assert len(PdfReader(out).pages) == rendered.pages
    [record] = records_of(case)
    assert (record.action, record.number, record.student_id) == (
        "print",
        rendered.numbers[0],
        case.student_id,
    )


def test_a_cancelled_print_records_nothing(
    qtbot: QtBot, case: Case, rendered: RenderedDocument, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    dialog = preview(qtbot, case, rendered)
    dialog.make_printer = pdf_printer(out)
    dialog.open_print_dialog = answering(False, [])
    dialog.print_button.click()
    assert not dialog.action.running and not out.exists()
    assert records_of(case) == []
    assert dialog.print_button.isEnabled() and dialog.status_label.text()


def test_a_stale_number_is_reported_not_recorded(
    qtbot: QtBot, case: Case, rendered: RenderedDocument, tmp_path: Path
) -> None:
    # Another document took the number meanwhile: this one must be prepared again.
    other = render_document(case.counsellor, DocumentRequest("parent-notice", case.student_id))
    assert other.numbers == rendered.numbers and other.sha256 != rendered.sha256
    first = preview(qtbot, case, other)
    first.choose_path = lambda _p, _t, suggested: tmp_path / suggested.name
    with qtbot.waitSignal(first.recorded, timeout=20_000):
        first.save_button.click()
    dialog = preview(qtbot, case, rendered)
    dialog.choose_path = lambda _p, _t, _s: tmp_path / "again.pdf"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.action.running, timeout=20_000)
    assert rendered.numbers[0] in dialog.status_label.text()
    assert not (tmp_path / "again.pdf").exists() and len(records_of(case)) == 1


# -- the ledger on paper ----------------------------------------------------------------------


def test_print_ledger_opens_its_preview_and_a_viewer_may_not(qtbot: QtBot, case: Case) -> None:
    add_students(case)
    with case.admin.vault.write() as s:
        s.add(StudentGroup(student_id=case.student_id, code="left_behind"))
    pages = {}
    for who, ctx in (("counsellor", case.counsellor), ("viewer", case.viewer)):
        page = LedgersPage(StaticSource(ctx))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.load_finished, timeout=20_000):
            page.reload()
        pages[who] = page
    viewer = pages["viewer"]
    assert not viewer.print_button.isEnabled()
    assert viewer.print_button.toolTip() == QCoreApplication.translate(
        "LedgersPage",
        "Printing a ledger puts names on paper: a counsellor or administrator account is needed",
    )
    viewer.print_ledger()
    assert not viewer.print_action.running and viewer.preview is None
    page = pages["counsellor"]
    assert page.print_button.isEnabled()
    page.print_button.click()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    assert page.preview is not None and page.preview.isVisible()
    rendered = page.preview.rendered
    assert rendered.kind == "ledger" and rendered.student_ids == (None,)
    assert page.preview.view.page_count() == rendered.pages >= 1
    assert page.print_button.isEnabled()
