"""辅导记录 tab: write, edit, sign and amend sessions; record who was told after a risk.

Edit and Sign belong to the counsellor who wrote the session, and only until it locks (signed,
or 24 hours old); after that a change is a dated amendment that anyone doing case work may add.
A saved session whose risk check breaks confidentiality opens the "who was told" form as soon
as the file has been read again; while any such session is not recorded as told to both the
head teacher and the guardian, a red line above the list says so.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.services.counselling import SessionSaved, sign_session
from counselroom.services.student_file import SessionEntry, StudentFile
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.actions import TabActions
from counselroom.ui.student_file.amend_dialog import AmendDialog
from counselroom.ui.student_file.break_glass_dialog import BreakGlassDialog, informing_pending
from counselroom.ui.student_file.field_errors import describe
from counselroom.ui.student_file.form_kit import FileHost, FormDialog
from counselroom.ui.student_file.records import RecordsPage
from counselroom.ui.student_file.session_dialog import SessionDialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

NEW, EDIT, SIGN = "newSession", "editSession", "signSession"
AMEND, TOLD = "amendSession", "recordBreakGlass"


class SessionActions(TabActions):
    def __init__(self, host: FileHost, page: RecordsPage, window: QWidget) -> None:
        super().__init__(host, page, window)
        self.bar.add(NEW, translate("CaseActions", "New session…"), self.new_session)
        self.bar.add(EDIT, translate("CaseActions", "Edit…"), self.edit_session)
        self.bar.add(SIGN, translate("CaseActions", "Sign"), self.sign_session)
        self.bar.add(AMEND, translate("CaseActions", "Add amendment…"), self.amend_session)
        self.bar.add(TOLD, translate("CaseActions", "Record who was told…"), self.record_told)
        self._select_after_load: int | None = None
        self._told_after_load: int | None = None

    # -- state -------------------------------------------------------------------------------

    def chosen_session(self) -> SessionEntry | None:
        session_id = self.page.chosen_id("session")
        if self.file is None or session_id is None:
            return None
        return next((s for s in self.file.sessions or () if s.id == session_id), None)

    def update(self, student_file: StudentFile, *, editable: bool, actor_id: int | None) -> None:
        if self._select_after_load is not None:
            self.page.select(("session", self._select_after_load))
            self._select_after_load = None
        super().update(student_file, editable=editable, actor_id=actor_id)
        self.bar.set_warning(self.pending_text() if editable else "")
        wanted, self._told_after_load = self._told_after_load, None
        entry = next((s for s in student_file.sessions or () if s.id == wanted), None)
        if editable and entry is not None and informing_pending(entry):
            self.record_told(entry)

    def pending_text(self) -> str:
        pending = (
            [s for s in (self.file.sessions or ()) if informing_pending(s)] if self.file else []
        )
        if not pending:
            return ""
        days = "、".join(
            labels.moment(s.started_at) for s in sorted(pending, key=lambda s: s.started_at)
        )
        return fill(
            translate(
                "CaseActions",
                "The head teacher and the guardian must be told about the risk found in the "
                "session of %1, and that they were told must be recorded: choose the session "
                "and press “Record who was told…”.",
            ),
            days,
        )

    def refresh(self) -> None:
        closed = self.closed()
        self.bar.allow(NEW, self.file is not None and not closed, self.closed_text())
        s = self.chosen_session()
        choose = translate("CaseActions", "Choose a session in the list first.")
        own = s is not None and self.actor_id is not None and s.counsellor_id == self.actor_id
        if s is None:
            why_edit = choose
        elif not own:
            why_edit = translate(
                "CaseActions", "Only the counsellor who wrote a session can edit or sign it."
            )
        elif s.locked:
            why_edit = translate(
                "CaseActions",
                "This session is locked (signed, or written more than 24 hours ago): add an "
                "amendment instead.",
            )
        else:
            why_edit = self.closed_text()
        editable_now = s is not None and own and not s.locked
        self.bar.allow(EDIT, editable_now and not closed, why_edit)
        self.bar.allow(SIGN, editable_now and s is not None and s.signed_at is None, why_edit)
        self.bar.allow(
            AMEND,
            s is not None and s.locked,
            choose
            if s is None
            else translate(
                "CaseActions", "The session is not locked yet: its counsellor can still edit it."
            ),
        )
        self.bar.allow(
            TOLD,
            s is not None and informing_pending(s),
            choose
            if s is None
            else translate(
                "CaseActions", "Nobody has to be told about this session, or it is recorded."
            ),
        )

    # -- actions -----------------------------------------------------------------------------

    def new_session(self) -> FormDialog:
        return self.open_dialog(NEW, lambda: self._session_form(None))

    def edit_session(self) -> FormDialog | None:
        s = self.chosen_session()
        if s is None or s.locked:
            return None
        return self.open_dialog(f"{EDIT}:{s.id}", lambda: self._session_form(s))

    def _session_form(self, entry: SessionEntry | None) -> SessionDialog:
        first = not (self.file and self.file.sessions)
        dialog = SessionDialog(self.host, entry, first=first, parent=self.window)
        dialog.saved.connect(self._session_saved)
        return dialog

    def _session_saved(self, result: object) -> None:
        if isinstance(result, SessionSaved):
            self._select_after_load = result.session_id
            if result.break_glass_required:
                self._told_after_load = result.session_id

    def amend_session(self) -> FormDialog | None:
        s = self.chosen_session()
        if s is None or not s.locked:
            return None
        return self.open_dialog(f"{AMEND}:{s.id}", lambda: AmendDialog(self.host, s, self.window))

    def record_told(self, entry: SessionEntry | None = None) -> FormDialog | None:
        s = entry or self.chosen_session()
        if s is None or not informing_pending(s):
            return None
        return self.open_dialog(
            f"{TOLD}:{s.id}", lambda: BreakGlassDialog(self.host, s, self.window)
        )

    def sign_session(self) -> None:
        s = self.chosen_session()
        ctx = self.host.context()
        if s is None or ctx is None:
            return
        if not dialogs.ask(
            self.window,
            translate("CaseActions", "Sign this session?"),
            fill(
                translate(
                    "CaseActions",
                    "Signing the session of %1 locks its notes: afterwards they can only be "
                    "completed by dated amendments. Sign it now?",
                ),
                labels.moment(s.started_at),
            ),
        ):
            return
        self.bar.allow(SIGN, False)
        self._sign(ctx, s.id)

    def _sign(self, ctx: Context, session_id: int) -> None:
        self.host.run_service(
            lambda: sign_session(ctx, session_id),
            lambda _none: self.host.reload(),
            self._sign_failed,
        )

    def _sign_failed(self, exc: BaseException) -> None:
        self.refresh()
        if isinstance(exc, CounselRoomError):
            text = describe(str(exc))
        else:
            log.error("signing a session failed", exc_info=exc)
            text = fill(translate("CaseActions", "An unexpected error (%1)."), type(exc).__name__)
        dialogs.inform(self.window, translate("CaseActions", "The session was not signed"), text)
