"""转介: referrals through the green channel, each with its steps and the hospital's feedback.

A diagnosis is shown as information received from the hospital (精神卫生法 23: the school does
not diagnose), and the heading says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.services.student_file import ReferralEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def referral_sections(referrals: Sequence[ReferralEntry]) -> list[Section]:
    ordered = sorted(referrals, key=lambda r: (r.proposed_on, r.id), reverse=True)
    return [
        Section(
            title=fill(translate("StudentFile", "Referrals (%1)"), len(ordered)),
            headers=(
                translate("StudentFile", "Proposed"),
                translate("StudentFile", "To"),
                translate("StudentFile", "Urgency"),
                translate("StudentFile", "State"),
                translate("StudentFile", "Seen"),
            ),
            rows=[_row(r) for r in ordered],
            empty_text=translate("StudentFile", "This student has not been referred."),
            stretch=1,
            widths={0: "2026-12-31", 2: "紧急紧", 3: "待家长同意", 4: "2026-12-31"},
        )
    ]


def _row(r: ReferralEntry) -> Row:
    keys = {("referral", r.id)} | {("referral_event", e.id) for e in r.events}
    return Row(
        cells=(
            labels.day(r.proposed_on),
            r.institution,
            labels.referral_urgency(r.urgency),
            labels.referral_state(r.state),
            labels.day(r.seen_on),
        ),
        detail=lambda: referral_detail(r),
        keys=frozenset(keys),
        alert=r.urgency == "emergency" and r.state not in ("closed", "withdrawn"),
    )


def referral_detail(r: ReferralEntry) -> str:
    d = Detail(fill(translate("StudentFile", "Referral to %1"), r.institution))
    d.fact(translate("StudentFile", "Institution"), labels.institution_kind(r.institution_kind))
    d.fact(
        translate("StudentFile", "Urgency"),
        labels.referral_urgency(r.urgency),
        alert=r.urgency != "routine",
    )
    d.fact(translate("StudentFile", "State"), labels.referral_state(r.state))
    d.fact(translate("StudentFile", "Proposed"), labels.day(r.proposed_on))
    d.fact(
        translate("StudentFile", "Guardian's consent"),
        translate("StudentFile", "recorded") if r.consent_id else translate("StudentFile", "none"),
    )
    d.fact(translate("StudentFile", "Sent"), labels.day(r.sent_on))
    d.fact(translate("StudentFile", "Seen"), labels.day(r.seen_on))
    d.fact(translate("StudentFile", "Feedback"), labels.day(r.feedback_on))
    d.fact(translate("StudentFile", "Closed"), labels.day(r.closed_on))
    d.note(translate("StudentFile", "Reason for the referral"), r.reason)
    d.note(translate("StudentFile", "Feedback from the institution"), r.feedback_text)
    d.note(
        translate("StudentFile", "Diagnosis as told by the hospital (information only)"),
        r.diagnosis_received,
    )
    d.note(translate("StudentFile", "Treatment"), r.treatment)
    d.note(translate("StudentFile", "Advice to the school"), r.advice)
    if r.events:
        d.section(translate("StudentFile", "Steps"))
        d.grid(
            (
                translate("StudentFile", "When"),
                translate("StudentFile", "State"),
                translate("StudentFile", "By"),
                translate("StudentFile", "Note"),
            ),
            ((labels.moment(e.at), labels.referral_state(e.state), e.by, e.note) for e in r.events),
        )
    return d.html()
