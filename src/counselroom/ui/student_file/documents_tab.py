"""文书: the log of documents printed or saved for this student (the PDF itself is not kept)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.services.student_file import DocumentEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def document_sections(documents: Sequence[DocumentEntry]) -> list[Section]:
    ordered = sorted(documents, key=lambda d: (d.created_at, d.id), reverse=True)
    return [
        Section(
            title=fill(translate("StudentFile", "Documents produced (%1)"), len(ordered)),
            headers=(
                translate("StudentFile", "When"),
                translate("StudentFile", "Number"),
                translate("StudentFile", "Kind"),
                translate("StudentFile", "Title"),
                translate("StudentFile", "Action"),
                translate("StudentFile", "By"),
            ),
            rows=[_row(d) for d in ordered],
            empty_text=translate("StudentFile", "No document has been printed for this student."),
            stretch=3,
            widths={
                0: "2026-12-31 23:59",
                1: "心〔2026〕0012号",
                2: "复学评估复学",
                4: "打印",
                5: "林心怡老师",
            },
        )
    ]


def _row(doc: DocumentEntry) -> Row:
    return Row(
        cells=(
            labels.moment(doc.created_at),
            doc.number or "",
            labels.document_kind(doc.kind),
            doc.title,
            labels.document_action(doc.action),
            doc.created_by,
        ),
        detail=lambda: document_detail(doc),
        keys=frozenset({("document", doc.id)}),
    )


def document_detail(doc: DocumentEntry) -> str:
    d = Detail(doc.title)
    d.fact(translate("StudentFile", "Number"), doc.number)
    d.fact(translate("StudentFile", "Kind"), labels.document_kind(doc.kind))
    d.fact(translate("StudentFile", "When"), labels.moment(doc.created_at))
    d.fact(translate("StudentFile", "Action"), labels.document_action(doc.action))
    d.fact(translate("StudentFile", "By"), doc.created_by)
    d.fact(translate("StudentFile", "Template version"), doc.template_version)
    d.fact(translate("StudentFile", "Fingerprint (SHA-256)"), doc.sha256)
    return d.html()
