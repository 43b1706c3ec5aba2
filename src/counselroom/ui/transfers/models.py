"""The page's tables: trusted schools, the transfer record, and the students of an archive."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from counselroom.domain.grades import MAX_LEVEL, MIN_LEVEL, grade_label
from counselroom.services.school_cards import TrustedCard
from counselroom.services.transfer_history import TransferEntry
from counselroom.services.transfer_import import REFUSED, IncomingStudent
from counselroom.transfer.cards import spoken
from counselroom.ui.areas.table_kit import OVERDUE_COLOUR, RowTableModel
from counselroom.ui.i18n import fill
from counselroom.ui.problem_text import message_text
from counselroom.ui.student_file import labels as file_labels
from counselroom.ui.transfers.texts import (
    direction_label,
    local_time_text,
    method_label,
    outcome_label,
)

IndexLike = QModelIndex | QPersistentModelIndex

T_NAME, T_FINGERPRINT, T_TRUSTED = range(3)
TRUST_SAMPLES = {
    T_NAME: "重庆市第一百一十中学",
    T_FINGERPRINT: "00000 00000 00000 00000 00000 00000",
}


class TrustedCardsModel(RowTableModel[TrustedCard]):
    """School, fingerprint, when and by whom; the code and district in the tool tip."""

    def headers(self) -> Sequence[str]:
        return (self.tr("School"), self.tr("Fingerprint"), self.tr("Trusted"))

    def display(self, row: TrustedCard, column: int) -> str:
        if column == T_NAME:
            return row.card.name
        if column == T_FINGERPRINT:
            return row.card.spoken_fingerprint
        if column == T_TRUSTED:
            return fill(self.tr("%1 by %2"), local_time_text(row.trusted_at), row.trusted_by)
        return ""

    def tooltip(self, row: TrustedCard, column: int) -> str | None:
        parts = [
            fill(self.tr("School code: %1"), row.card.code) if row.card.code else "",
            fill(self.tr("District: %1"), row.card.district) if row.card.district else "",
        ]
        return "\n".join(part for part in parts if part) or None


(H_AT, H_DIRECTION, H_SCHOOL, H_STUDENTS, H_PURPOSE, H_CONSENT, H_METHOD, H_BY, H_SHA) = range(9)
HISTORY_SAMPLES = {
    H_AT: "2026-11-27 10:30",
    H_DIRECTION: "received (转入)",
    H_SCHOOL: "重庆市第一百一十中学校",
    H_STUDENTS: "0000",
    H_PURPOSE: "初升高",
    H_CONSENT: "知情同意书 2026-118",
    H_METHOD: "passphrase",
    H_BY: "王老师",
}


class HistoryModel(RowTableModel[TransferEntry]):
    NUMERIC_COLUMNS = frozenset({H_STUDENTS})

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Time"),
            self.tr("Direction"),
            self.tr("Other school"),
            self.tr("Students"),
            self.tr("Purpose"),
            self.tr("Consent"),
            self.tr("Sent with"),
            self.tr("By"),
            self.tr("SHA-256"),
        )

    def display(self, row: TransferEntry, column: int) -> str:
        if column == H_AT:
            return local_time_text(row.at)
        if column == H_DIRECTION:
            return direction_label(row.direction)
        if column == H_SCHOOL:
            return row.counterpart or self.tr("(a school without a card)")
        if column == H_STUDENTS:
            return str(row.student_count)
        if column == H_METHOD:
            return method_label(row.method)
        if column == H_SHA:
            return row.sha256[:16] + "…"
        return {
            H_PURPOSE: row.purpose,
            H_CONSENT: row.consent_ref,
            H_BY: row.by,
        }.get(column, "")

    def sort_value(self, row: TransferEntry, column: int) -> int | str:
        if column == H_AT:
            return row.at.isoformat()
        if column == H_STUDENTS:
            return row.student_count
        return self.display(row, column)

    def tooltip(self, row: TransferEntry, column: int) -> str | None:
        if column == H_SHA:
            return row.sha256
        if column == H_SCHOOL and row.counterpart_fingerprint:
            return fill(self.tr("Fingerprint: %1"), spoken(row.counterpart_fingerprint))
        return None


def grade_name(level: int | None) -> str:
    if level is None:
        return ""
    return grade_label(level) if MIN_LEVEL <= level <= MAX_LEVEL else str(level)


I_NO, I_NAME, I_GRADE, I_CLASS, I_OUTCOME, I_NOTES = range(6)
INCOMING_SAMPLES = {
    I_NO: "G500103201203010011",
    I_NAME: "欧阳思远",
    I_GRADE: "初一",
    I_CLASS: "初一(12)班",
    I_OUTCOME: "no change",
}


class IncomingModel(RowTableModel[IncomingStudent]):
    """An archive's students with what importing does to each; refused ones in red, in words."""

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Student no."),
            self.tr("Name"),
            self.tr("Grade"),
            self.tr("Class"),
            self.tr("Outcome"),
            self.tr("Notes"),
        )

    def display(self, row: IncomingStudent, column: int) -> str:
        if column == I_GRADE:
            return grade_name(row.grade_level)
        if column == I_OUTCOME:
            return outcome_label(row.outcome)
        if column == I_NOTES:
            return "；".join(note_text(note) for note in row.notes)
        return {
            I_NO: row.student_no or "",
            I_NAME: row.name,
            I_CLASS: row.class_label,
        }.get(column, "")

    def tooltip(self, row: IncomingStudent, column: int) -> str | None:
        if column == I_NOTES and row.notes:
            return "\n".join(note_text(note) for note in row.notes)
        return None

    def overdue(self, row: IncomingStudent) -> bool:
        return row.outcome == REFUSED  # the red of the tables: this one needs attention

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            refused = self.row_at(index.row()).outcome == REFUSED
            return OVERDUE_COLOUR if refused else None
        return super().data(index, role)


# Notes whose values are codes: shown as the words the file window uses for them
_CODED_NOTES = {
    "file state here %1, at the sender %2": file_labels.file_state,
    "gender here %1, at the sender %2": file_labels.gender,
}


def note_text(note: str) -> str:
    """A preview note in the window's language: a Reason keeps its template and values."""
    template = getattr(note, "template", "")
    args = tuple(getattr(note, "args", ()))
    words = _CODED_NOTES.get(template)
    if words is not None:
        args = tuple(words(code) or code for code in args)
    return message_text(template, args, note)
