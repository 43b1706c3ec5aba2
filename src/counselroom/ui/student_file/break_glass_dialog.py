"""Who was told after a disclosure of self-harm or harm to others (the break-glass rule).

The rule (DOMAIN.md "Tiers") is that the counsellor informs the head teacher and the guardian
and records that this was done. The form opens by itself right after a session with such a
risk check is saved; until both are recorded the sessions tab keeps a red line, and the
dashboard lists the session. Records add up: one person told now, the other later is two
records, and what was recorded first is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from counselroom.services.break_glass import record_break_glass
from counselroom.services.context import Context
from counselroom.services.student_file import SessionEntry, StudentFile
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import OptionalMoment, now_local, text_area
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate


def told_times(entry: SessionEntry) -> tuple[datetime | None, datetime | None]:
    """The earliest recorded times the head teacher and the guardian were told (or None)."""
    head = [b.head_teacher_informed_at for b in entry.break_glass if b.head_teacher_informed_at]
    guardian = [b.guardian_informed_at for b in entry.break_glass if b.guardian_informed_at]
    return (min(head) if head else None, min(guardian) if guardian else None)


def informing_pending(entry: SessionEntry) -> bool:
    """A risk was found and the two who must be told are not both recorded as told (the same
    rule as `services.break_glass.pending_break_glass`)."""
    head, guardian = told_times(entry)
    return entry.risk_check != "none" and (head is None or guardian is None)


def _guardian(student_file: StudentFile | None) -> str:
    if student_file is None:
        return ""
    for member in student_file.profile.guardians:
        if member.is_guardian:
            parts = [member.name, member.relation, member.phone]
            return " ".join(part for part in parts if part)
    return ""


class BreakGlassDialog(FormDialog):
    def __init__(self, host: FileHost, entry: SessionEntry, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Who was told"), parent)
        self.setObjectName("breakGlassDialog")
        self.entry = entry
        head_told, guardian_told = told_times(entry)
        self.asks = (head_told is None, guardian_told is None)  # who is still to be recorded
        student_file = host.file
        head_teacher = student_file.header.head_teacher if student_file else ""
        intro = self.intro(
            fill(
                translate(
                    "CaseForm",
                    "The session of %1 found a %2. Confidentiality does not hold here: the "
                    "head teacher and the guardian must be told, and that they were told must "
                    "be recorded.",
                ),
                labels.moment(entry.started_at),
                labels.risk_check(entry.risk_check),
            )
        )
        now = now_local()
        self.head_teacher = OptionalMoment(translate("CaseForm", "Told at"), now)
        self.guardian = OptionalMoment(translate("CaseForm", "Told at"), now)
        self.note = text_area(
            lines=3, placeholder=translate("CaseForm", "How they were told, what they said")
        )
        grid = QGridLayout()
        grid.setVerticalSpacing(10)
        grid.addWidget(intro, 0, 0)
        for row, key, role, person, done, widget in (
            (
                1,
                "head_teacher_informed_at",
                translate("CaseForm", "Head teacher"),
                head_teacher,
                head_told,
                self.head_teacher,
            ),
            (
                2,
                "guardian_informed_at",
                translate("CaseForm", "Guardian"),
                _guardian(student_file),
                guardian_told,
                self.guardian,
            ),
        ):
            caption = f"{role}（{person}）" if person else role
            hint = (
                fill(translate("CaseForm", "Already recorded as told at %1."), labels.moment(done))
                if done
                else ""
            )
            grid.addWidget(self.field(key, caption, widget, hint), row, 0)
            widget.setVisible(done is None)
        grid.addWidget(self.field("note", translate("CaseForm", "Note"), self.note), 3, 0)
        self.body.addLayout(grid)
        self.resize(600, 380)
        self.ready()

    def save_text(self) -> str:
        return translate("CaseForm", "Record")

    def call(self, ctx: Context) -> Callable[[], object]:
        session_id = self.entry.id
        head = self.head_teacher.utc() if self.asks[0] else None
        guardian = self.guardian.utc() if self.asks[1] else None
        note = self.note.toPlainText()
        return lambda: record_break_glass(
            ctx,
            session_id,
            head_teacher_informed_at=head,
            guardian_informed_at=guardian,
            note=note,
        )
