"""一生一策: every version of the plan, newest first, and the file's closures (结案)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.services.localtime import local_date
from counselroom.services.student_file import ClosureEntry, PlanEntry
from counselroom.services.timeline import snippet
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def plan_sections(plans: Sequence[PlanEntry], closures: Sequence[ClosureEntry]) -> list[Section]:
    versions = sorted(plans, key=lambda p: p.version, reverse=True)
    sections = [
        Section(
            title=fill(translate("StudentFile", "Plan versions (%1)"), len(versions)),
            headers=(
                translate("StudentFile", "Version"),
                translate("StudentFile", "Written on"),
                translate("StudentFile", "Review on"),
                translate("StudentFile", "Written by"),
                translate("StudentFile", "What changed"),
            ),
            rows=[_plan_row(p) for p in versions],
            empty_text=translate("StudentFile", "No plan has been written for this student."),
            widths={0: "第 10 版", 1: "2026-12-31", 2: "2026-12-31", 3: "林心怡老师"},
        )
    ]
    if closures:
        ordered = sorted(closures, key=lambda c: c.closed_on, reverse=True)
        sections.append(
            Section(
                title=translate("StudentFile", "Closures"),
                headers=(
                    translate("StudentFile", "Closed on"),
                    translate("StudentFile", "Reason"),
                    translate("StudentFile", "Sessions"),
                    translate("StudentFile", "Reopened"),
                ),
                rows=[_closure_row(c) for c in ordered],
                widths={0: "2026-12-31", 1: "转介移交转介"},
            )
        )
    return sections


def _plan_row(p: PlanEntry) -> Row:
    return Row(
        cells=(
            fill(translate("StudentFile", "v%1"), p.version),
            local_date(p.created_at).isoformat(),
            labels.day(p.review_on),
            p.created_by,
            snippet(p.change_note) if p.change_note else translate("StudentFile", "first version"),
        ),
        detail=lambda: plan_detail(p),
        keys=frozenset({("plan", p.id)}),
    )


def plan_detail(p: PlanEntry) -> str:
    d = Detail(fill(translate("StudentFile", "One student, one plan — version %1"), p.version))
    d.fact(translate("StudentFile", "Written"), labels.moment(p.created_at))
    d.fact(translate("StudentFile", "Written by"), p.created_by)
    d.fact(translate("StudentFile", "Review on"), labels.day(p.review_on))
    d.note(translate("StudentFile", "What changed"), p.change_note)
    d.note(translate("StudentFile", "Assessment"), p.assessment)
    d.note(translate("StudentFile", "Risk factors"), p.risk_factors)
    d.note(translate("StudentFile", "Protective factors"), p.protective_factors)
    d.note(translate("StudentFile", "Goals"), p.goals)
    if p.measures:
        d.section(translate("StudentFile", "Measures"))
        d.grid(
            (
                translate("StudentFile", "Who"),
                translate("StudentFile", "Person"),
                translate("StudentFile", "What"),
                translate("StudentFile", "How often"),
            ),
            (
                (labels.recipient_role(m.who), m.person or "", m.what, m.frequency)
                for m in p.measures
            ),
        )
    return d.html()


def _closure_row(c: ClosureEntry) -> Row:
    return Row(
        cells=(
            labels.day(c.closed_on),
            labels.closure_reason(c.reason),
            str(c.sessions_count),
            labels.moment(c.reopened_at),
        ),
        detail=lambda: closure_detail(c),
        keys=frozenset({("closure", c.id)}),
    )


def closure_detail(c: ClosureEntry) -> str:
    d = Detail(fill(translate("StudentFile", "File closed on %1"), labels.day(c.closed_on)))
    d.fact(translate("StudentFile", "Reason"), labels.closure_reason(c.reason))
    d.fact(translate("StudentFile", "Sessions"), c.sessions_count)
    d.fact(translate("StudentFile", "Closed by"), c.closed_by)
    d.note(translate("StudentFile", "Goals achieved"), c.goals_achieved)
    d.note(translate("StudentFile", "Goals not achieved"), c.goals_not_achieved)
    d.note(translate("StudentFile", "Last screening scores"), c.last_scores)
    d.note(translate("StudentFile", "Counsellor's evaluation"), c.evaluation)
    d.note(translate("StudentFile", "District's closure evaluation"), c.district_evaluation)
    if c.reopened_at:
        d.section(translate("StudentFile", "Reopened"))
        d.fact(translate("StudentFile", "When"), labels.moment(c.reopened_at))
        d.fact(translate("StudentFile", "By"), c.reopened_by)
        d.note(translate("StudentFile", "Why"), c.reopen_reason)
    return d.html()
