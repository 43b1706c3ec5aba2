"""The case work of the student-file window: the action bars of the six tabs that take it.

The window builds this once and hands it every loaded file; each tab's actions then decide
what may be done (`actions.TabActions`). Kept apart from the window so that the window stays a
viewer of the file and the case work can be read in one place.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.services.student_file import StudentFile
from counselroom.ui import dialogs
from counselroom.ui.areas.page_base import ContextSource
from counselroom.ui.documents.print_actions import DocumentActions
from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.contact_dialog import ContactActions
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.leave_actions import LeaveActions
from counselroom.ui.student_file.plan_actions import PlanActions
from counselroom.ui.student_file.records import RecordsPage
from counselroom.ui.student_file.referral_actions import ReferralActions
from counselroom.ui.student_file.session_actions import SessionActions
from counselroom.ui.student_file.tier_actions import TierActions

translate = QCoreApplication.translate


class Casework:
    def __init__(
        self,
        host: FileHost,
        window: QWidget,
        *,
        plan: RecordsPage,
        sessions: RecordsPage,
        tiers: RecordsPage,
        referrals: RecordsPage,
        contacts: RecordsPage,
        leave: RecordsPage,
        documents: RecordsPage,
        source: ContextSource,
    ) -> None:
        self.plan = PlanActions(host, plan, window)
        self.sessions = SessionActions(host, sessions, window)
        self.tiers = TierActions(host, tiers, window)
        self.referrals = ReferralActions(host, referrals, window)
        self.contacts = ContactActions(host, contacts, window)
        self.leave = LeaveActions(host, leave, window)
        # Not one of tabs(): shown to every role, and its preview is no form with typed notes.
        self.documents = DocumentActions(host, documents, window, source)

    def tabs(self) -> tuple[TabActions, ...]:
        return (
            self.plan,
            self.sessions,
            self.tiers,
            self.referrals,
            self.contacts,
            self.leave,
        )

    def update(
        self,
        student_file: StudentFile,
        *,
        editable: bool,
        actor_id: int | None,
        review_after: timedelta,
    ) -> None:
        self.plan.set_review_interval(review_after)
        for actions in self.tabs():
            actions.update(student_file, editable=editable, actor_id=actor_id)
        self.documents.update(student_file, editable=editable)

    def locked(self) -> None:
        for actions in self.tabs():
            actions.locked()
        self.documents.locked()

    def typed_forms(self) -> list[FormDialog]:
        """Open forms holding something typed and not saved."""
        return [d for a in self.tabs() for d in a.dialogs.values() if d.is_dirty()]

    def may_close(self, parent: QWidget) -> bool:
        """Before the window closes: typed notes are not thrown away without asking."""
        if not self.typed_forms():
            return True
        return dialogs.ask(
            parent,
            translate("CaseActions", "Discard what you typed?"),
            translate(
                "CaseActions",
                "A form of this file holds text that has not been saved. Close the file anyway?",
            ),
            destructive=True,
        )
