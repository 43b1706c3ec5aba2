"""The roster as a kind of import file: fields, their labels and the report in the window's words.

The service (`services.roster_import`) decides everything; this only translates its report
into the summary and the table lines of `ImportOutcome`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from counselroom.domain.errors import fill  # one pass: cell text holding "%1" stays as typed
from counselroom.intake.columns import FieldSpec
from counselroom.intake.roster_fields import CHANGE_LABELS_ZH, ROSTER_FIELDS
from counselroom.intake.sheets import Table
from counselroom.services.context import Context
from counselroom.services.roster_import import RosterLine, RosterReport, import_roster
from counselroom.ui.intake.import_kind import ImportOutcome
from counselroom.ui.problem_text import message_text

CONTEXT = "RosterImport"
translate = QCoreApplication.translate

# English sources marked for lupdate; translated when shown (the language may change).
_LABELS: dict[str, str] = {
    "student_no": str(QT_TRANSLATE_NOOP("RosterImport", "Student number")),
    "name": str(QT_TRANSLATE_NOOP("RosterImport", "Name")),
    "gender": str(QT_TRANSLATE_NOOP("RosterImport", "Gender")),
    "birth_date": str(QT_TRANSLATE_NOOP("RosterImport", "Birth date")),
    "grade": str(QT_TRANSLATE_NOOP("RosterImport", "Grade")),
    "class": str(QT_TRANSLATE_NOOP("RosterImport", "Class")),
    "head_teacher": str(QT_TRANSLATE_NOOP("RosterImport", "Head teacher")),
    "id_type": str(QT_TRANSLATE_NOOP("RosterImport", "ID document type")),
    "id_number": str(QT_TRANSLATE_NOOP("RosterImport", "ID number")),
    "phone": str(QT_TRANSLATE_NOOP("RosterImport", "Phone")),
    "address": str(QT_TRANSLATE_NOOP("RosterImport", "Address")),
    "ethnicity": str(QT_TRANSLATE_NOOP("RosterImport", "Ethnicity")),
    "roll_no": str(QT_TRANSLATE_NOOP("RosterImport", "Number in class")),
    "enrolled_on": str(QT_TRANSLATE_NOOP("RosterImport", "Enrolment date")),
    "left_behind": str(QT_TRANSLATE_NOOP("RosterImport", "Left-behind child")),
    "migrant": str(QT_TRANSLATE_NOOP("RosterImport", "Migrant worker's child")),
    "orphan": str(QT_TRANSLATE_NOOP("RosterImport", "Orphan")),
    "disability": str(QT_TRANSLATE_NOOP("RosterImport", "Disability")),
    "guardians": str(QT_TRANSLATE_NOOP("RosterImport", "Family members")),
    "groups": str(QT_TRANSLATE_NOOP("RosterImport", "Care groups")),
}
_MEMBER_LABELS: dict[str, str] = {
    "name": str(QT_TRANSLATE_NOOP("RosterImport", "Family member %1: name")),
    "relation": str(QT_TRANSLATE_NOOP("RosterImport", "Family member %1: relation")),
    "phone": str(QT_TRANSLATE_NOOP("RosterImport", "Family member %1: phone")),
    "guardian": str(QT_TRANSLATE_NOOP("RosterImport", "Family member %1: guardian")),
}
_MEMBER = re.compile(r"member(\d+)_(name|relation|phone|guardian)")


def field_label(key: str) -> str:
    """A roster field (or a changed field of the report) as the window names it."""
    if key in _LABELS:
        return translate("RosterImport", _LABELS[key])
    member = _MEMBER.fullmatch(key)
    if member is not None:
        return fill(translate("RosterImport", _MEMBER_LABELS[member.group(2)]), member.group(1))
    return CHANGE_LABELS_ZH.get(key, key)  # a field added to the service later: its header


def student_text(line: RosterLine) -> str:
    return " · ".join(part for part in (line.name, line.student_no, line.class_label) if part)


def action_text(action: str, dry_run: bool) -> str:
    if action == "add":
        return (
            translate("RosterImport", "To add") if dry_run else translate("RosterImport", "Added")
        )
    if action == "update":
        return (
            translate("RosterImport", "To update")
            if dry_run
            else translate("RosterImport", "Updated")
        )
    if action == "unchanged":
        return translate("RosterImport", "Unchanged")
    if action == "skip":
        return translate("RosterImport", "Skipped")
    return action


def details_text(line: RosterLine, problems: int) -> str:
    parts = []
    for change in line.changes:
        label = field_label(change.field)
        if line.action == "add" or not change.old:
            parts.append(fill(translate("RosterImport", "%1: %2"), label, change.new))
        else:
            parts.append(
                fill(translate("RosterImport", "%1: %2 → %3"), label, change.old, change.new or "—")
            )
    if line.action == "skip" and problems:
        parts.append(
            fill(translate("RosterImport", "not imported: %1 problem(s) in this row"), problems)
        )
    if line.note_templates:
        parts.extend(
            message_text(template, args, english)
            for english, (template, args) in zip(line.notes, line.note_templates, strict=True)
        )
    else:
        parts.extend(line.notes)
    return "; ".join(parts)


def summary_text(report: RosterReport) -> str:
    if report.dry_run:
        text = translate(
            "RosterImport",
            "Check of %1, nothing saved yet: %2 data rows — %3 to add, %4 to update, "
            "%5 unchanged, %6 to skip because of problems.",
        )
    else:
        text = translate(
            "RosterImport",
            "Imported %1: %2 data rows — %3 added, %4 updated, %5 unchanged, "
            "%6 skipped because of problems.",
        )
    summary = fill(
        text,
        report.file,
        report.rows,
        report.added,
        report.updated,
        report.unchanged,
        report.skipped,
    )
    if report.problems:
        summary += " " + fill(
            translate("RosterImport", "%1 problem(s), shown in red."), len(report.problems)
        )
    return summary


def outcome_of(report: RosterReport) -> ImportOutcome:
    per_row: dict[int | None, int] = {}
    for problem in report.problems:
        per_row[problem.row] = per_row.get(problem.row, 0) + 1
    lines = tuple(
        (
            str(line.row),
            student_text(line),
            action_text(line.action, report.dry_run),
            details_text(line, per_row.get(line.row, 0)),
        )
        for line in report.lines
    )
    return ImportOutcome(
        summary=summary_text(report),
        problems=report.problems,
        lines=lines,
        can_import=report.dry_run and report.added + report.updated > 0,
        report=report,
    )


class RosterKind:
    """The roster exported from the student-status system (学籍系统)."""

    def title(self) -> str:
        return translate("RosterImport", "Import the roster")

    def remember_key(self) -> str:
        return "roster"

    def fields(self, headers: Sequence[str]) -> tuple[FieldSpec, ...]:
        return ROSTER_FIELDS

    def field_label(self, key: str) -> str:
        return field_label(key)

    def run(
        self,
        ctx: Context,
        table: Table,
        header_row: int,
        mapping: Mapping[str, int],
        dry_run: bool,
    ) -> ImportOutcome:
        return outcome_of(import_roster(ctx, table, header_row, mapping, dry_run=dry_run))
