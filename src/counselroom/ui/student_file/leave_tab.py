"""休复学: periods of leave with their certificates, and the return (愈后复学) that ended each.

The detail of a leave says what it does to follow-up — paused while the student is away, closer
for a while after the return (until the date the service computed from the school's policy at
the time of the return, which stays right even if the policy changes later).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.services.student_file import LeaveEntry
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def leave_sections(leaves: Sequence[LeaveEntry]) -> list[Section]:
    ordered = sorted(leaves, key=lambda v: (v.start_on, v.id), reverse=True)
    return [
        Section(
            title=fill(translate("StudentFile", "Leave and return (%1)"), len(ordered)),
            headers=(
                translate("StudentFile", "Leave from"),
                translate("StudentFile", "State"),
                translate("StudentFile", "Expected back"),
                translate("StudentFile", "Returned"),
            ),
            rows=[_row(v) for v in ordered],
            empty_text=translate("StudentFile", "This student has not been on leave."),
            widths={0: "2026-12-31", 2: "2026-12-31", 3: "2026-12-31"},
        )
    ]


def _row(v: LeaveEntry) -> Row:
    keys = {("leave", v.id)}
    if v.return_record is not None:
        keys.add(("return", v.return_record.id))
    returned = v.return_record.returned_on if v.return_record else None
    return Row(
        cells=(
            labels.day(v.start_on),
            labels.leave_state(v.state),
            labels.day(v.expected_return_on),
            labels.day(returned),
        ),
        detail=lambda: leave_detail(v),
        keys=frozenset(keys),
    )


def leave_detail(v: LeaveEntry) -> str:
    d = Detail(fill(translate("StudentFile", "Leave from %1"), labels.day(v.start_on)))
    d.fact(translate("StudentFile", "State"), labels.leave_state(v.state))
    d.fact(translate("StudentFile", "Expected back"), labels.day(v.expected_return_on))
    if v.state == "on_leave":
        d.fact(
            translate("StudentFile", "Follow-up"),
            translate("StudentFile", "paused while the student is on leave"),
        )
    elif v.state == "cancelled":
        d.fact(
            translate("StudentFile", "Cancelled"),
            translate("StudentFile", "entered in error; follow-up resumed"),
        )
    d.note(translate("StudentFile", "Reason"), v.reason)
    d.note(
        translate("StudentFile", "Hospital certificate"),
        v.certificate,
        empty=translate("StudentFile", "(none recorded)"),
    )
    back = v.return_record
    if back is not None:
        d.section(fill(translate("StudentFile", "Return on %1"), labels.day(back.returned_on)))
        d.fact(translate("StudentFile", "Parents applied"), labels.day(back.application_on))
        d.fact(translate("StudentFile", "Return meeting"), labels.day(back.meeting_on))
        d.fact(
            translate("StudentFile", "Closer follow-up until"),
            labels.day(back.close_follow_up_until),
        )
        d.fact(translate("StudentFile", "Counselling frequency"), back.session_frequency)
        d.note(translate("StudentFile", "Recovery certificate"), back.recovery_certificate)
        d.note(
            translate("StudentFile", "Why there is no certificate"),
            back.missing_certificate_reason,
        )
        d.note(translate("StudentFile", "Counsellor's assessment"), back.assessment)
        d.note(translate("StudentFile", "Return plan"), back.return_plan)
        d.note(translate("StudentFile", "Who watches"), back.watchers)
    return d.html()
