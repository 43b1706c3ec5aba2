"""What each good row of a roster does to the vault: the changes listed, then written.

A row's line lists every change in display text (old → new), so a dry run shows the counsellor
exactly what the import would do. The rules: a non-empty cell that differs replaces the stored
value; an empty cell never clears one; 是 adds a care group and 否 never removes one; family
members replace the stored ones only when the roster gives at least one and they differ, and
an empty member cell keeps what the vault has for a member of the same name.

A note is English for the CLI (``notes``) and, for the window, the same note as a template for
the catalogue (QT_TRANSLATE_NOOP) with its data (``note_templates``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counselroom.domain.errors import QT_TRANSLATE_NOOP, fill
from counselroom.domain.grades import grade_label
from counselroom.domain.groups import CareGroup
from counselroom.domain.printed_labels import GENDER_ZH, STUDENT_STATUS_ZH
from counselroom.intake.roster_fields import FIELD_LABELS_ZH, MEMBER_COUNT
from counselroom.intake.roster_values import Member, RosterRecord
from counselroom.services.roster_vault import RosterVault
from counselroom.storage.models import SchoolClass, Student

__all__ = [
    "SCALARS",
    "FieldChange",
    "RosterLine",
    "RosterPlan",
    "Update",
    "class_key",
    "merge_members",
    "skip_line",
]

# Stored columns a roster cell replaces when it is non-empty and differs (same names on the
# record and on Student).
SCALARS = (
    "gender",
    "birth_date",
    "id_type",
    "id_number",
    "phone",
    "address",
    "ethnicity",
    "roll_no",
    "enrolled_on",
)
_LEFT = ("transferred", "graduated")


@dataclass(frozen=True)
class FieldChange:
    field: str  # roster field key ("phone", "class", "guardians", "groups", ...)
    old: str  # display text before ("" if none)
    new: str  # display text after


@dataclass(frozen=True)
class RosterLine:
    row: int  # spreadsheet row number
    action: str  # "add" | "update" | "unchanged" | "skip"
    student_id: int | None  # vault id (None for add/skip of unknown)
    student_no: str  # as normalised ("" if unreadable)
    name: str
    class_label: str  # normalised, "" if none
    changes: tuple[FieldChange, ...]  # for "update" (and for "add": every field set)
    notes: tuple[str, ...]  # e.g. "roster says 否 for 留守儿童; the file keeps the group"
    # The notes as (template, data) pairs, in the same order, for the window to translate.
    note_templates: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass
class Update:
    """What an update writes to one stored student."""

    student: Student
    values: dict[str, Any]  # stored column -> new value ("class_key" for the class)
    members: tuple[Member, ...] | None
    groups: list[str]


@dataclass
class RosterPlan:
    """Gathers, row by good row, the lines of the report and what the import will write."""

    vault: RosterVault
    today: date
    adds: list[RosterRecord] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    heads: dict[tuple[int, int], str] = field(default_factory=dict)
    new_classes: dict[tuple[int, int], str] = field(default_factory=dict)

    def line(self, record: RosterRecord) -> RosterLine:
        """The line of a row without problems; its writes are added to the plan."""
        key = class_key(record)
        if key is not None and record.class_name is not None:
            if key not in self.vault.classes:
                self.new_classes.setdefault(key, record.class_name.label)
            if record.head_teacher:  # rows of one class agree (head_teacher_problems)
                self.heads[key] = record.head_teacher
        student = self.vault.by_no.get(record.student_no)
        if student is None:
            self.adds.append(record)
            return _line(record, "add", None, "", _added(record), _head_note(record))
        return self._update(record, student)

    def _update(self, record: RosterRecord, student: Student) -> RosterLine:
        vault = self.vault
        changes: list[FieldChange] = []
        values: dict[str, Any] = {}
        for column in SCALARS:
            new = getattr(record, column)
            if new is not None and new != getattr(student, column):
                changes.append(
                    FieldChange(column, _show(column, getattr(student, column)), _show(column, new))
                )
                values[column] = new
        level, current = record.grade_level, vault.class_of(student)
        if level is not None and level != student.grade_level:
            old = grade_label(student.grade_level) if student.grade_level else ""
            changes.append(FieldChange("grade", old, grade_label(level)))
            values["grade_level"] = level
        if record.class_name is not None:
            key = (record.class_name.grade_level, record.class_name.number)
            target = vault.classes.get(key)
            if target is None or target.id != student.class_id:
                old = current.label if current else student.class_label_original or ""
                new = target.label if target else record.class_name.label
                changes.append(FieldChange("class", old, new))
                values["class_key"] = key
                values["class_label_original"] = record.class_name.original
            if record.head_teacher and record.head_teacher != vault.head_of(current):
                changes.append(
                    FieldChange("head_teacher", vault.head_of(current), record.head_teacher)
                )
        stored = tuple(vault.members.get(student.id, ()))
        members = merge_members(record.members, stored) if record.members else stored
        if members != stored:
            changes.append(FieldChange("guardians", _members_text(stored), _members_text(members)))
        held = vault.groups.get(student.id, set())
        added = [code for code, yes in record.groups if yes and code not in held]
        if added:
            changes.append(FieldChange("groups", _groups_text(held), _groups_text({*held, *added})))
        notes = _head_note(record) + [
            _note(
                QT_TRANSLATE_NOOP("problems", "roster says 否 for %1; the file keeps the group"),
                _GROUP_LABELS.get(code, code),
            )
            for code, yes in record.groups
            if not yes and code in held
        ]
        if student.status in _LEFT:
            notes.append(
                _note(
                    QT_TRANSLATE_NOOP(
                        "problems", "the vault has this student as %1; the import keeps that status"
                    ),
                    STUDENT_STATUS_ZH[student.status],
                )
            )
        if not changes:
            return _line(record, "unchanged", student.id, _label(current), (), notes)
        self.updates.append(Update(student, values, members if members != stored else None, added))
        return _line(record, "update", student.id, _label(current), changes, notes)


_GROUP_LABELS = {group.value: group.label_zh for group in CareGroup}
_Note = tuple[str, tuple[str, ...]]


def _note(template: str, *args: str) -> _Note:
    return template, args


def _head_note(record: RosterRecord) -> list[_Note]:
    if record.head_teacher and record.class_name is None:
        return [_note(QT_TRANSLATE_NOOP("problems", "班主任 is ignored: the row gives no class"))]
    return []


def class_key(record: RosterRecord) -> tuple[int, int] | None:
    name = record.class_name
    return (name.grade_level, name.number) if name else None


def _label(current: SchoolClass | None) -> str:
    return current.label if current else ""


def _line(
    record: RosterRecord,
    action: str,
    student_id: int | None,
    vault_label: str,
    changes: Sequence[FieldChange],
    notes: Sequence[_Note],
) -> RosterLine:
    label = record.class_name.label if record.class_name else vault_label
    return RosterLine(
        record.row,
        action,
        student_id,
        record.student_no,
        record.name,
        label,
        tuple(changes),
        tuple(fill(template, *args) for template, args in notes),
        tuple(notes),
    )


def skip_line(record: RosterRecord, vault: RosterVault) -> RosterLine:
    student = vault.by_no.get(record.student_no) if record.student_no else None
    return _line(record, "skip", student.id if student else None, "", (), ())


def _added(record: RosterRecord) -> list[FieldChange]:
    """Every field a new student gets, as FieldChange("", value)."""
    shown = {
        "student_no": record.student_no,
        "name": record.name,
        **{column: _show(column, getattr(record, column)) for column in SCALARS},
        "grade": grade_label(record.grade_level) if record.grade_level else "",
        "class": record.class_name.label if record.class_name else "",
        "head_teacher": record.head_teacher if record.class_name and record.head_teacher else "",
        "guardians": _members_text(merge_members(record.members, ())),
        "groups": _groups_text({code for code, yes in record.groups if yes}),
    }
    order = [*FIELD_LABELS_ZH, "guardians", "groups"]
    return [FieldChange(key, "", shown[key]) for key in order if shown.get(key)]


def _show(column: str, value: object) -> str:
    if value is None:
        return ""
    if column == "gender":
        return GENDER_ZH.get(str(value), "")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def merge_members(given: tuple[Member, ...], stored: tuple[Member, ...]) -> tuple[Member, ...]:
    """The family as the roster gives it; an empty cell keeps what the vault has for a member
    of the same name (never blanks it), and an unmarked member counts as a guardian.

    A roster holds at most MEMBER_COUNT members: when it gives that many and they are the
    first ones stored, the members stored after them are kept.
    """
    by_name: dict[str, Member] = {}
    for member in stored:
        by_name.setdefault(member.name, member)
    merged = []
    for m in given:
        old = by_name.get(m.name)
        merged.append(
            Member(
                m.name,
                m.relation or (old.relation if old else ""),
                m.phone or (old.phone if old else ""),
                m.is_guardian if m.is_guardian is not None else (old.is_guardian if old else True),
            )
        )
    result = tuple(merged)
    if len(given) == MEMBER_COUNT and result == stored[:MEMBER_COUNT]:
        return stored
    return result


def _members_text(members: Sequence[Member]) -> str:
    parts = (
        " ".join(p for p in (m.name, m.relation, m.phone, "监护人" if m.is_guardian else "") if p)
        for m in members
    )
    return "; ".join(parts)


def _groups_text(codes: set[str]) -> str:
    return "、".join(_GROUP_LABELS.get(code, code) for code in sorted(codes))
