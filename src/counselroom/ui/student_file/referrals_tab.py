"""转介: referrals through the green channel, each with its steps and the hospital's feedback.

A diagnosis is shown as information received from the hospital (精神卫生法 23: the school does
not diagnose), and the heading says so. Each step shows the day it happened (`on`, typed by the
counsellor) and who signed it; the moment it was entered is kept apart, because a referral is
often recorded a day or two after the visit. A referral awaiting feedback past the policy's
due date is drawn in red and its detail says so, as the dashboard's reminder does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from counselroom.domain.referral_flow import AWAITING_FEEDBACK, FINAL_STATES
from counselroom.services.file_entries import ConsentEntry, ReferralEntry
from counselroom.services.localtime import local_today
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def feedback_overdue(r: ReferralEntry, day: date) -> bool:
    """Awaiting feedback past the policy's due date (the dashboard's reminder, seen here)."""
    return r.state in AWAITING_FEEDBACK and r.feedback_due is not None and r.feedback_due < day


def referral_sections(referrals: Sequence[ReferralEntry]) -> list[Section]:
    ordered = sorted(referrals, key=lambda r: (r.proposed_on, r.id), reverse=True)
    day = local_today()
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
            rows=[_row(r, day) for r in ordered],
            empty_text=translate("StudentFile", "This student has not been referred."),
            stretch=1,
            widths={0: "2026-12-31", 2: "紧急紧", 3: "待家长同意", 4: "2026-12-31"},
        )
    ]


def _row(r: ReferralEntry, day: date) -> Row:
    keys = {("referral", r.id)} | {("referral_event", e.id) for e in r.events}
    open_emergency = r.urgency == "emergency" and r.state not in FINAL_STATES
    return Row(
        cells=(
            labels.day(r.proposed_on),
            r.institution,
            labels.referral_urgency(r.urgency),
            labels.referral_state(r.state),
            labels.day(r.seen_on),
        ),
        detail=lambda: referral_detail(r, day),
        keys=frozenset(keys),
        alert=open_emergency or feedback_overdue(r, day),
    )


def consent_text(c: ConsentEntry) -> str:
    """Who answered, how, when, to which wording: "李母（母亲）, signed paper form, 2026-11-02,
    转介知情同意书 第1版"."""
    parts = [
        labels.consent_who(c.by_student, c.guardian_name, c.relation),
        labels.consent_method(c.method),
        labels.day(c.on),
        c.text_version,
    ]
    return "，".join(p for p in parts if p)


def referral_detail(r: ReferralEntry, day: date | None = None) -> str:
    day = day or local_today()
    d = Detail(fill(translate("StudentFile", "Referral to %1"), r.institution))
    d.fact(translate("StudentFile", "Institution"), labels.institution_kind(r.institution_kind))
    d.fact(
        translate("StudentFile", "Urgency"),
        labels.referral_urgency(r.urgency),
        alert=r.urgency != "routine",
    )
    d.fact(translate("StudentFile", "State"), labels.referral_state(r.state))
    d.fact(translate("StudentFile", "Proposed"), labels.day(r.proposed_on))
    _consent_facts(d, r)
    d.fact(translate("StudentFile", "Sent"), labels.day(r.sent_on))
    d.fact(translate("StudentFile", "Seen"), labels.day(r.seen_on))
    if r.state in AWAITING_FEEDBACK and r.feedback_due is not None:
        overdue = feedback_overdue(r, day)
        due = labels.day(r.feedback_due)
        d.fact(
            translate("StudentFile", "Feedback due"),
            fill(translate("StudentFile", "%1 — overdue"), due) if overdue else due,
            alert=overdue,
        )
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
                translate("StudentFile", "On"),
                translate("StudentFile", "State"),
                translate("StudentFile", "Signed by"),
                translate("StudentFile", "Recorded"),
                translate("StudentFile", "Note"),
            ),
            (
                (
                    labels.day(e.on),
                    labels.referral_state(e.state),
                    e.by,
                    labels.moment(e.at),
                    e.note,
                )
                for e in r.events
            ),
        )
    return d.html()


def _consent_facts(d: Detail, r: ReferralEntry) -> None:
    c = r.consent
    caption = translate("StudentFile", "Guardian's consent")
    if c is None:
        none = (
            translate("StudentFile", "recorded")
            if r.consent_id
            else translate("StudentFile", "none")
        )
        d.fact(caption, none)
        return
    answer = labels.consent_answer(c.given, c.withdrawn_on)
    d.fact(caption, f"{answer}：{consent_text(c)}", alert=not c.given or c.withdrawn_on is not None)
    if c.witness:
        d.fact(translate("StudentFile", "Witness"), c.witness)
    if c.withdrawn_on is not None:
        d.fact(
            translate("StudentFile", "Consent withdrawn"), labels.day(c.withdrawn_on), alert=True
        )
