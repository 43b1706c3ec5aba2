"""分级与通报: the tier history, who had to be told and whether they were, and the concerns.

A viewer sees this tab (tier and required actions are his to know) but not the reasons and
evidence behind a tier, nor the concerns: those are case notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from counselroom.services.student_file import ConcernEntry, TaskEntry, TierEntry
from counselroom.ui.i18n import fill
from counselroom.ui.labels import tier_full, tier_short
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.detail_html import Detail
from counselroom.ui.student_file.records import Row, Section

translate = QCoreApplication.translate


def tier_sections(
    tiers: Sequence[TierEntry],
    tasks: Sequence[TaskEntry],
    concerns: Sequence[ConcernEntry] | None,
    *,
    now: datetime | None = None,
) -> list[Section]:
    """`concerns` None: the role may not see them. `now` is naive UTC like stored times."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    restricted = concerns is None
    history = sorted(tiers, key=lambda t: (t.effective_on, t.id), reverse=True)
    # Open tasks first, the most urgent on top; then the ones done, the latest first.
    open_tasks = sorted((t for t in tasks if t.done_at is None), key=lambda t: t.due_at)
    done_tasks = sorted(
        (t for t in tasks if t.done_at is not None),
        key=lambda t: t.done_at or t.due_at,
        reverse=True,
    )
    sections = [
        Section(
            title=translate("StudentFile", "Tier history"),
            headers=(
                translate("StudentFile", "Effective"),
                translate("StudentFile", "Change"),
                translate("StudentFile", "Based on"),
                translate("StudentFile", "Decided by"),
            ),
            rows=[_tier_row(t, restricted) for t in history],
            empty_text=translate("StudentFile", "The tier has never been set or changed."),
            stretch=2,
            widths={0: "2026-12-31", 1: "0 无 → 3 危机危"},
        ),
        Section(
            title=fill(
                translate("StudentFile", "Notifications (%1 open)"),
                len(open_tasks),
            ),
            headers=(
                translate("StudentFile", "Tell"),
                translate("StudentFile", "Person"),
                translate("StudentFile", "Due"),
                translate("StudentFile", "Done"),
            ),
            rows=[_task_row(t, now) for t in [*open_tasks, *done_tasks]],
            empty_text=translate("StudentFile", "Nobody has to be told about this student."),
            stretch=1,
            widths={0: "区县教育部门", 2: "2026-12-31 23:59", 3: "2026-12-31 23:59"},
        ),
    ]
    sections.append(
        Section(
            title=translate("StudentFile", "Concerns from the warning network"),
            headers=(
                translate("StudentFile", "Reported"),
                translate("StudentFile", "Source"),
                translate("StudentFile", "Reporter"),
                translate("StudentFile", "Followed up"),
            ),
            rows=[_concern_row(c) for c in sorted(concerns or (), key=_concern_order)],
            empty_text=translate("StudentFile", "No concerns have been reported."),
            restricted=restricted,
            stretch=2,
            widths={0: "2026-12-31", 1: "心理教师观察"},
        )
    )
    return sections


def _concern_order(c: ConcernEntry) -> tuple[int, int]:
    return (-c.reported_on.toordinal(), -c.id)


def tier_change_text(t: TierEntry) -> str:
    return f"{tier_short(t.from_tier)} → {tier_short(t.to_tier)}"


def _tier_row(t: TierEntry, restricted: bool) -> Row:
    return Row(
        cells=(
            labels.day(t.effective_on),
            tier_change_text(t),
            labels.evidence_kind(t.evidence_kind),
            t.decided_by,
        ),
        detail=lambda: tier_detail(t, restricted),
        keys=frozenset({("tier", t.id)}),
    )


def tier_detail(t: TierEntry, restricted: bool) -> str:
    d = Detail(
        fill(
            translate("StudentFile", "Tier %1 → %2"),
            f"{t.from_tier} {tier_full(t.from_tier)}",
            f"{t.to_tier} {tier_full(t.to_tier)}",
        )
    )
    d.fact(translate("StudentFile", "Effective"), labels.day(t.effective_on))
    d.fact(translate("StudentFile", "Based on"), labels.evidence_kind(t.evidence_kind))
    d.fact(translate("StudentFile", "Decided by"), t.decided_by)
    if restricted:
        d.note(
            translate("StudentFile", "Reason and evidence"),
            translate("StudentFile", "Only the psychology teacher can see these records."),
        )
    else:
        d.note(translate("StudentFile", "Reason"), t.reason)
        d.note(translate("StudentFile", "Evidence"), t.evidence)
        d.note(translate("StudentFile", "Review before lowering (研判)"), t.review_note)
    return d.html()


def _task_state(t: TaskEntry, now: datetime) -> tuple[str, bool]:
    if t.done_at is not None:
        return labels.moment(t.done_at), False
    if t.due_at < now:
        return translate("StudentFile", "overdue"), True
    return translate("StudentFile", "open"), False


def _task_row(t: TaskEntry, now: datetime) -> Row:
    state, overdue = _task_state(t, now)
    return Row(
        cells=(labels.recipient_role(t.recipient_role), t.person, labels.moment(t.due_at), state),
        detail=lambda: task_detail(t, now),
        keys=frozenset({("task", t.id)}),
        alert=overdue,
    )


def task_detail(t: TaskEntry, now: datetime) -> str:
    state, overdue = _task_state(t, now)
    d = Detail(fill(translate("StudentFile", "Tell: %1"), labels.recipient_role(t.recipient_role)))
    d.fact(translate("StudentFile", "Person"), t.person)
    d.fact(translate("StudentFile", "How"), labels.notify_method(t.method))
    d.fact(translate("StudentFile", "Due"), labels.moment(t.due_at))
    d.fact(translate("StudentFile", "State"), state, alert=overdue)
    if t.done_at is not None:
        d.fact(translate("StudentFile", "Done by"), t.done_by)
        d.fact(translate("StudentFile", "Told by"), labels.notify_method(t.done_method))
    d.note(translate("StudentFile", "Acknowledgement"), t.acknowledgement)
    d.note(translate("StudentFile", "Note"), t.note)
    return d.html()


def _concern_row(c: ConcernEntry) -> Row:
    handled = labels.moment(c.handled_at) if c.handled_at else translate("StudentFile", "not yet")
    return Row(
        cells=(labels.day(c.reported_on), labels.concern_source(c.source), c.reporter, handled),
        detail=lambda: concern_detail(c),
        keys=frozenset({("concern", c.id)}),
        alert=c.handled_at is None,
    )


def concern_detail(c: ConcernEntry) -> str:
    d = Detail(
        fill(
            translate("StudentFile", "Concern reported on %1"),
            labels.day(c.reported_on),
        )
    )
    d.fact(translate("StudentFile", "Source"), labels.concern_source(c.source))
    d.fact(translate("StudentFile", "Reporter"), c.reporter)
    d.fact(translate("StudentFile", "Recorded by"), c.created_by)
    d.fact(
        translate("StudentFile", "Followed up"),
        labels.moment(c.handled_at) or translate("StudentFile", "not yet"),
        alert=c.handled_at is None,
    )
    d.note(translate("StudentFile", "What was reported"), c.description)
    d.note(translate("StudentFile", "Outcome"), c.outcome)
    return d.html()
