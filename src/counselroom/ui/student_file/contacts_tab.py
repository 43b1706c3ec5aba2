"""家校沟通: every contact with the family — when, how, with whom, what was agreed — and the
family's consents (知情同意): to screening, to a referral, to the transfer of the file.

Consents are listed here, next to the contacts in which they are usually asked, whatever their
purpose: a referral's consent also shows on its referral, but withdrawing any consent is done
here, where the family's answers are kept together.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.services.file_entries import ConsentEntry, ContactEntry
from counselroom.services.timeline import snippet
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def contact_sections(
    contacts: Sequence[ContactEntry], consents: Sequence[ConsentEntry] | None = None
) -> list[Section]:
    """The contacts, then the consents (None: not read for this file, no section)."""
    ordered = sorted(contacts, key=lambda c: (c.on, c.id), reverse=True)
    sections = [
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
    if consents is not None:
        sections.append(consent_section(consents))
    return sections


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


def consent_section(consents: Sequence[ConsentEntry]) -> Section:
    ordered = sorted(consents, key=lambda c: (c.on, c.id), reverse=True)
    return Section(
        title=fill(translate("StudentFile", "Consents (%1)"), len(ordered)),
        headers=(
            translate("StudentFile", "Date"),
            translate("StudentFile", "Purpose"),
            translate("StudentFile", "Answer"),
            translate("StudentFile", "Answered by"),
            translate("StudentFile", "How"),
        ),
        rows=[_consent_row(c) for c in ordered],
        empty_text=translate("StudentFile", "No consent has been recorded."),
        stretch=3,
        widths={0: "2026-12-31", 1: "心理测评参与", 2: "已撤回", 4: "签字纸质表"},
    )


def _consent_row(c: ConsentEntry) -> Row:
    return Row(
        cells=(
            labels.day(c.on),
            labels.consent_purpose(c.purpose),
            labels.consent_answer(c.given, c.withdrawn_on),
            labels.consent_who(c.by_student, c.guardian_name, c.relation),
            labels.consent_method(c.method),
        ),
        detail=lambda: consent_detail(c),
        keys=frozenset({("consent", c.id)}),
        alert=not c.given or c.withdrawn_on is not None,
    )


def consent_detail(c: ConsentEntry) -> str:
    d = Detail(fill(translate("StudentFile", "Consent to %1"), labels.consent_purpose(c.purpose)))
    d.fact(
        translate("StudentFile", "Answer"),
        labels.consent_answer(c.given, c.withdrawn_on),
        alert=not c.given or c.withdrawn_on is not None,
    )
    d.fact(translate("StudentFile", "Date"), labels.day(c.on))
    d.fact(
        translate("StudentFile", "Answered by"),
        labels.consent_who(c.by_student, c.guardian_name, c.relation),
    )
    d.fact(translate("StudentFile", "How"), labels.consent_method(c.method))
    d.fact(translate("StudentFile", "Text agreed to"), c.text_version)
    d.fact(translate("StudentFile", "Witness"), c.witness)
    d.fact(translate("StudentFile", "Paper form / where filed"), c.reference)
    d.fact(translate("StudentFile", "Withdrawn on"), labels.day(c.withdrawn_on), alert=True)
    d.fact(translate("StudentFile", "Recorded by"), c.recorded_by)
    d.note(translate("StudentFile", "About the withdrawal"), c.withdrawal_note)
    return d.html()
