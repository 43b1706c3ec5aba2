"""家校沟通: every contact with the family — when, how, with whom, what was agreed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.services.student_file import ContactEntry
from counselroom.services.timeline import snippet
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def contact_sections(contacts: Sequence[ContactEntry]) -> list[Section]:
    ordered = sorted(contacts, key=lambda c: (c.on, c.id), reverse=True)
    return [
        Section(
            title=fill(translate("StudentFile", "Contacts with the family (%1)"), len(ordered)),
            headers=(
                translate("StudentFile", "Date"),
                translate("StudentFile", "How"),
                translate("StudentFile", "With"),
                translate("StudentFile", "Summary"),
            ),
            rows=[_row(c) for c in ordered],
            empty_text=translate("StudentFile", "No contact with the family has been recorded."),
            widths={0: "2026-12-31", 1: "家长会家", 2: "王建国（父亲）"},
        )
    ]


def _row(c: ContactEntry) -> Row:
    return Row(
        cells=(labels.day(c.on), labels.contact_kind(c.kind), c.with_whom, snippet(c.summary)),
        detail=lambda: contact_detail(c),
        keys=frozenset({("contact", c.id)}),
    )


def contact_detail(c: ContactEntry) -> str:
    d = Detail(f"{labels.day(c.on)}　{labels.contact_kind(c.kind)}")
    d.fact(translate("StudentFile", "With"), c.with_whom)
    d.fact(translate("StudentFile", "Recorded by"), c.created_by)
    d.note(translate("StudentFile", "What was said"), c.summary)
    d.note(translate("StudentFile", "What was agreed"), c.agreed)
    return d.html()
