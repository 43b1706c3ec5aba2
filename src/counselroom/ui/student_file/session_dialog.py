"""Write a counselling session, or correct one of one's own before it locks.

The facts of the session (when, how long, how, what kind, who was there, the risk check, the
next appointment) are in a column on the left; the four notes on the right, in the order they
are written during a session. A risk check other than "none" triggers the break-glass rule
after saving (the window then asks who was told), and the form says so before.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from counselroom.services.context import Context
from counselroom.services.counselling import (
    RISK_CHECKS,
    SESSION_KINDS,
    SESSION_MODES,
    SessionInput,
    edit_session,
    record_session,
)
from counselroom.services.localtime import to_local
from counselroom.services.student_file import SessionEntry, StudentFile
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import (
    OptionalMoment,
    combo_of,
    line_edit,
    minutes_box,
    moment_edit,
    now_local,
    read_utc,
    text_area,
)
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate

DEFAULT_MINUTES = 40  # a school period


class SessionDialog(FormDialog):
    """`entry` None: a new session; else the form edits that (own, unlocked) session."""

    def __init__(
        self,
        host: FileHost,
        entry: SessionEntry | None = None,
        *,
        first: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("CaseForm", "New counselling session")
            if entry is None
            else translate("CaseForm", "Edit counselling session")
        )
        super().__init__(host, title, parent)
        self.setObjectName("sessionDialog")
        self.entry = entry
        self.expected = None if entry is None else (entry.updated_at or entry.created_at)
        start = now_local() if entry is None else to_local(entry.started_at)
        self.started_at = moment_edit(start)
        self.duration_min = minutes_box(DEFAULT_MINUTES if entry is None else entry.duration_min)
        self.mode = combo_of(SESSION_MODES, labels.session_mode, entry.mode if entry else None)
        kind = entry.kind if entry else ("interview" if first else "individual")
        self.kind = combo_of(SESSION_KINDS, labels.session_kind, kind)
        self.participants = line_edit(
            (entry.participants or "") if entry else "",
            placeholder=translate("CaseForm", "e.g. the student, his mother"),
        )
        self.risk_check = combo_of(
            RISK_CHECKS, labels.risk_check, entry.risk_check if entry else None
        )
        self.next_appointment = OptionalMoment(
            translate("CaseForm", "Agreed:"), start + timedelta(days=7)
        )
        if entry is not None and entry.next_appointment is not None:
            self.next_appointment.set_value(to_local(entry.next_appointment))
        self.presenting = text_area(entry.presenting if entry else "", lines=4)
        self.observation = text_area(entry.observation if entry else "", lines=4)
        self.assessment = text_area(entry.assessment if entry else "", lines=4)
        self.plan_text = text_area(entry.plan_text if entry else "", lines=4)
        self._lay_out()
        self.resize(1000, 620)
        self.ready()

    def _lay_out(self) -> None:
        facts = QGridLayout()
        facts.setHorizontalSpacing(10)
        facts.setVerticalSpacing(6)
        cells = (
            ("started_at", translate("CaseForm", "Date and time"), self.started_at, ""),
            ("duration_min", translate("CaseForm", "Duration"), self.duration_min, ""),
            ("mode", translate("CaseForm", "Mode"), self.mode, ""),
            ("kind", translate("CaseForm", "Kind"), self.kind, ""),
        )
        for number, (key, caption, widget, hint) in enumerate(cells):
            facts.addWidget(self.field(key, caption, widget, hint), number // 2, number % 2)
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addLayout(facts)
        column.addWidget(
            self.field("participants", translate("CaseForm", "Participants"), self.participants)
        )
        column.addWidget(
            self.field(
                "risk_check",
                translate("CaseForm", "Risk check"),
                self.risk_check,
                translate(
                    "CaseForm",
                    "Self-harm or harm to others breaks confidentiality: after saving you "
                    "record when the head teacher and the guardian were told.",
                ),
            )
        )
        column.addWidget(
            self.field(
                "next_appointment",
                translate("CaseForm", "Next appointment"),
                self.next_appointment,
                translate(
                    "CaseForm", "Without one, the next follow-up comes from the tier's interval."
                ),
            )
        )
        column.addStretch(1)
        notes = QVBoxLayout()
        notes.setSpacing(6)
        for key, caption, widget in (
            ("presenting", translate("CaseForm", "Presenting state"), self.presenting),
            ("observation", translate("CaseForm", "Observation"), self.observation),
            ("assessment", translate("CaseForm", "Assessment"), self.assessment),
            ("plan_text", translate("CaseForm", "Plan"), self.plan_text),
        ):
            notes.addWidget(self.field(key, caption, widget))
        row = QHBoxLayout()
        row.setSpacing(20)
        left = QWidget()
        left.setLayout(column)
        left.setMaximumWidth(430)
        row.addWidget(left)
        row.addLayout(notes, 1)
        self.body.addLayout(row)

    def data(self) -> SessionInput:
        return SessionInput(
            started_at=read_utc(self.started_at),
            duration_min=self.duration_min.value(),
            kind=self.kind.currentData(),
            mode=self.mode.currentData(),
            participants=self.participants.text() or None,
            presenting=self.presenting.toPlainText(),
            observation=self.observation.toPlainText(),
            assessment=self.assessment.toPlainText(),
            plan_text=self.plan_text.toPlainText(),
            risk_check=self.risk_check.currentData(),
            next_appointment=self.next_appointment.utc(),
        )

    def call(self, ctx: Context) -> Callable[[], object]:
        data = self.data()
        if self.entry is None or self.expected is None:
            student_id = self.host.student_id
            return lambda: record_session(ctx, student_id, data)
        session_id, expected = self.entry.id, self.expected
        return lambda: edit_session(ctx, session_id, data, expected_updated_at=expected)

    def file_reloaded(self, student_file: StudentFile) -> None:
        """After a stale save, the next save is made against the version now on screen."""
        if not self.stale or self.entry is None:
            return
        newer = next((s for s in student_file.sessions or () if s.id == self.entry.id), None)
        if newer is not None:
            self.entry = newer
            self.expected = newer.updated_at or newer.created_at
