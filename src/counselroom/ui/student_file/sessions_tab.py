"""辅导记录: every counselling session, newest first; the notes of the chosen one beside them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.services.student_file import SessionEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def session_sections(sessions: Sequence[SessionEntry]) -> list[Section]:
    ordered = sorted(sessions, key=lambda s: (s.started_at, s.id), reverse=True)
    return [
        Section(
            title=fill(translate("StudentFile", "Counselling sessions (%1)"), len(ordered)),
            headers=(
                translate("StudentFile", "Date and time"),
                translate("StudentFile", "Kind"),
                translate("StudentFile", "Mode"),
                translate("StudentFile", "Minutes"),
                translate("StudentFile", "Risk check"),
                translate("StudentFile", "Counsellor"),
            ),
            rows=[_row(s) for s in ordered],
            empty_text=translate("StudentFile", "No counselling sessions have been recorded."),
            stretch=4,
            widths={0: "2026-12-31 23:59", 1: "危机干预危", 5: "林心怡老师"},
        )
    ]


def _row(s: SessionEntry) -> Row:
    keys = {("session", s.id)} | {("amendment", a.id) for a in s.amendments}
    return Row(
        cells=(
            labels.moment(s.started_at),
            labels.session_kind(s.kind),
            labels.session_mode(s.mode),
            str(s.duration_min),
            labels.risk_check(s.risk_check),
            s.counsellor,
        ),
        detail=lambda: session_detail(s),
        keys=frozenset(keys),
        alert=s.risk_check != "none",
    )


def session_detail(s: SessionEntry) -> str:
    title = f"{labels.moment(s.started_at)}　{labels.session_kind(s.kind)}"
    d = Detail(title)
    d.fact(translate("StudentFile", "Mode"), labels.session_mode(s.mode))
    d.fact(
        translate("StudentFile", "Duration"),
        fill(translate("StudentFile", "%1 minutes"), s.duration_min),
    )
    d.fact(translate("StudentFile", "Participants"), s.participants)
    d.fact(translate("StudentFile", "Counsellor"), s.counsellor)
    d.fact(
        translate("StudentFile", "Risk check"),
        labels.risk_check(s.risk_check),
        alert=s.risk_check != "none",
    )
    d.fact(translate("StudentFile", "Next appointment"), labels.moment(s.next_appointment))
    d.fact(
        translate("StudentFile", "Signed"),
        labels.moment(s.signed_at) or translate("StudentFile", "not signed yet"),
    )
    empty = translate("StudentFile", "(not written)")
    d.note(translate("StudentFile", "Presenting state"), s.presenting, empty=empty)
    d.note(translate("StudentFile", "Observation"), s.observation, empty=empty)
    d.note(translate("StudentFile", "Assessment"), s.assessment, empty=empty)
    d.note(translate("StudentFile", "Plan"), s.plan_text, empty=empty)
    if s.amendments:
        d.section(translate("StudentFile", "Amendments after signing"))
        for a in s.amendments:
            heading = (
                f"{labels.moment(a.created_at)} · {a.created_by} · {labels.session_field(a.field)}"
            )
            d.sub(heading, a.text)
            if a.reason:
                d.fact(translate("StudentFile", "Reason"), a.reason)
    if s.break_glass:
        d.section(translate("StudentFile", "Confidentiality broken: who was told"))
        for b in s.break_glass:
            d.fact(
                translate("StudentFile", "Head teacher told"),
                labels.moment(b.head_teacher_informed_at) or translate("StudentFile", "not yet"),
                alert=b.head_teacher_informed_at is None,
            )
            d.fact(
                translate("StudentFile", "Guardian told"),
                labels.moment(b.guardian_informed_at) or translate("StudentFile", "not yet"),
                alert=b.guardian_informed_at is None,
            )
            d.fact(translate("StudentFile", "Told by"), b.informed_by)
            if b.note:
                d.sub(translate("StudentFile", "Note"), b.note)
    return d.html()
