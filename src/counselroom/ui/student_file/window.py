"""One student's file: the header over ten tabs, loaded in the background, refreshed on demand.

The window holds a context source (the session handle), never a context, and reads `.ctx` at
each load and save, so after a lock and unlock it uses the new one — perhaps another user's with
another role, which is why a reload rebuilds every tab from what the service returned. While
the session is locked the window shows nothing of the file.

What a role may see is decided by the service: a viewer's file has None for the case parts, and
those tabs then show a notice, are disabled, and never receive the data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.services.profile import ProfileEdit, update_profile
from counselroom.services.roles import Permission, PermissionDenied
from counselroom.services.student_file import (
    StudentFile,
    StudentProfile,
    class_choices,
    open_student_file,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.student_file.casework import Casework
from counselroom.ui.student_file.contacts_tab import contact_sections
from counselroom.ui.student_file.documents_tab import document_sections
from counselroom.ui.student_file.header import FileHeaderView
from counselroom.ui.student_file.leave_tab import leave_sections
from counselroom.ui.student_file.plan_tab import plan_sections
from counselroom.ui.student_file.profile_editor import ProfileEditor
from counselroom.ui.student_file.records import RecordsPage, restricted_text
from counselroom.ui.student_file.referrals_tab import referral_sections
from counselroom.ui.student_file.screening_tab import ScreeningRecords
from counselroom.ui.student_file.sessions_tab import session_sections
from counselroom.ui.student_file.tiers_tab import tier_sections
from counselroom.ui.student_file.timeline_view import TimelineView
from counselroom.ui.worker import BackgroundJob

log = logging.getLogger(__name__)

STYLE = """
QLabel#sectionTitle { font-size: 11.5pt; font-weight: 600; color: #263238; }
QLabel#sectionNotice { color: #546E7A; padding: 4px 2px; }
QLabel#restrictedNotice { background: #FFF8E1; border: 1px solid #FFE082; border-radius: 4px;
    padding: 14px; color: #5D4037; font-size: 11pt; }
QLabel#fileState[tone="error"] { color: #C62828; }
QTabBar::tab { padding: 6px 14px; }
"""

# Tabs in the order of the issue; the key names the page in `pages` (and in tests).
OVERVIEW, PLAN, SESSIONS, TIERS = "overview", "plan", "sessions", "tiers"
REFERRALS, CONTACTS, LEAVE, SCREENING = "referrals", "contacts", "leave", "screening"
DOCUMENTS, TIMELINE = "documents", "timeline"
RESTRICTED_TABS = (PLAN, SESSIONS, REFERRALS, CONTACTS, LEAVE, SCREENING)

# Which tab holds a timeline kind, for "open this record" from the timeline.
_TAB_OF_KIND = {
    "plan": PLAN,
    "closure": PLAN,
    "session": SESSIONS,
    "amendment": SESSIONS,
    "tier": TIERS,
    "task": TIERS,
    "concern": TIERS,
    "referral": REFERRALS,
    "referral_event": REFERRALS,
    "contact": CONTACTS,
    "consent": CONTACTS,
    "leave": LEAVE,
    "return": LEAVE,
    "screening": SCREENING,
    "document": DOCUMENTS,
}


class ContextSource(Protocol):
    """The session handle (`ui.session.SessionHandle`) or, in tests, any object with `.ctx`."""

    @property
    def ctx(self) -> Context | None: ...


@dataclass(frozen=True)
class FileSnapshot:
    file: StudentFile
    classes: list[tuple[int, str]]
    editable: bool


def load_file(ctx: Context, student_id: int) -> FileSnapshot:
    """Worker side of a load: services only."""
    student_file = open_student_file(ctx, student_id)
    editable = ctx.may(Permission.EDIT_CASES)
    return FileSnapshot(student_file, class_choices(ctx) if editable else [], editable)


class StudentFileWindow(QWidget):
    loaded = Signal()  # after each load that showed the file
    load_failed = Signal(str)  # the message shown
    title_changed = Signal(str)
    profile_saved = Signal()  # lists elsewhere (the student list, the dashboard) may be stale

    def __init__(
        self, source: ContextSource, student_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("studentFileWindow")
        self.source = source
        self.student_id = student_id
        self.file: StudentFile | None = None
        self._title = self.tr("Student file")
        self._generation = 0
        self._jobs: list[BackgroundJob[Any]] = []

        self.header = FileHeaderView()
        self.state_label = named(QLabel(), "fileState")
        self.state_label.setWordWrap(True)
        self.reload_button = named(QPushButton(self.tr("Reload")), "reloadFile")
        self.reload_button.clicked.connect(self.reload)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.profile = ProfileEditor()
        self.profile.save_requested.connect(self._save)
        self.timeline = TimelineView()
        self.timeline.record_requested.connect(self.show_record)
        self.pages: dict[str, QWidget] = {OVERVIEW: self.profile}
        for key in (PLAN, SESSIONS, TIERS, REFERRALS, CONTACTS, LEAVE, SCREENING, DOCUMENTS):
            # the screening tab adds the trend chart above its records
            self.pages[key] = ScreeningRecords() if key == SCREENING else RecordsPage()
        self.pages[TIMELINE] = self.timeline
        self.casework = Casework(
            self,
            self,
            plan=self._records(PLAN),
            sessions=self._records(SESSIONS),
            tiers=self._records(TIERS),
            referrals=self._records(REFERRALS),
            contacts=self._records(CONTACTS),
            leave=self._records(LEAVE),
            documents=self._records(DOCUMENTS),
            source=source,
        )
        titles = {
            OVERVIEW: self.tr("Overview"),
            PLAN: self.tr("One student, one plan"),
            SESSIONS: self.tr("Sessions"),
            TIERS: self.tr("Tiers and notifications"),
            REFERRALS: self.tr("Referral"),
            CONTACTS: self.tr("Home–school"),
            LEAVE: self.tr("Leave and return"),
            SCREENING: self.tr("Screening"),
            DOCUMENTS: self.tr("Documents"),
            TIMELINE: self.tr("Timeline"),
        }
        for key, page in self.pages.items():
            self.tabs.addTab(page, titles[key])

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.tabs, 1)
        self.setStyleSheet(STYLE)
        self.header.clear()
        self.tabs.setEnabled(False)

        locked = getattr(source, "locked", None)
        unlocked = getattr(source, "unlocked", None)
        if locked is not None and unlocked is not None:
            locked.connect(self._locked)
            unlocked.connect(self._unlocked)  # a bound slot: dropped when the window goes

    # -- public ------------------------------------------------------------------------------

    def title(self) -> str:
        """For the tab or window title: the student's name once loaded."""
        return self._title

    def page(self, key: str) -> QWidget:
        return self.pages[key]

    def tab_index(self, key: str) -> int:
        return self.tabs.indexOf(self.pages[key])

    def _records(self, key: str) -> RecordsPage:
        page = self.pages[key]
        assert isinstance(page, RecordsPage)
        return page

    def may_close(self) -> bool:
        """False when the user keeps a case-work form with unsaved typing (asked first)."""
        return self.casework.may_close(self)

    def context(self) -> Context | None:
        """The context in force now (None while locked); the case-work forms save with it."""
        return self.source.ctx

    def reload(self) -> None:
        """Read the file again (audited as a view, like the first opening)."""
        ctx = self.source.ctx
        if ctx is None:
            self._locked()
            return
        self._generation += 1
        generation = self._generation
        self._say(self.tr("Opening the student's file…"))
        self.reload_button.setEnabled(False)
        student_id = self.student_id
        self._start(
            lambda: load_file(ctx, student_id),
            lambda snapshot: (
                self.show_snapshot(snapshot) if generation == self._generation else None
            ),
            lambda exc: self._load_error(exc) if generation == self._generation else None,
        )

    def show_record(self, kind: str, record_id: int) -> bool:
        """Open the tab that holds a timeline record and choose it there."""
        key = _TAB_OF_KIND.get(kind)
        page = self.pages.get(key) if key else None
        if not isinstance(page, RecordsPage) or not self.tabs.isTabEnabled(
            self.tab_index(key or "")
        ):
            return False
        if page.select((kind, record_id)):
            self.tabs.setCurrentWidget(page)
            return True
        return False

    # -- background work ---------------------------------------------------------------------

    def run_service(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], object],
        on_failure: Callable[[BaseException], object],
    ) -> None:
        """Run a service call in the background like the window's own loads and saves."""
        self._start(fn, on_success, on_failure)

    def _start(self, fn: Any, on_success: Any, on_failure: Any) -> None:
        job: BackgroundJob[Any] = BackgroundJob(lambda _control: fn(), owner=self)
        job.on_success(on_success).on_failure(on_failure)
        job.finished.connect(lambda: self._jobs.remove(job) if job in self._jobs else None)
        self._jobs.append(job)
        track = getattr(self.source, "track", None)
        if callable(track):
            track(job)  # a lock waits for this read before closing the database
        job.start()

    def wait_for_jobs(self, timeout: float = 10.0) -> None:
        for job in list(self._jobs):
            job.wait(timeout)

    # -- loading -----------------------------------------------------------------------------

    def show_snapshot(self, snapshot: FileSnapshot) -> None:
        """Show a loaded file (what a load delivers; tests may pass one made by hand)."""
        self.reload_button.setEnabled(True)
        student_file = snapshot.file
        self.file = student_file
        self.header.set_header(student_file.header)
        if not (snapshot.editable and self.profile.is_dirty()):  # keep what is being typed
            self.profile.set_profile(
                student_file.profile, classes=snapshot.classes, editable=snapshot.editable
            )
        self._fill_pages(student_file)
        ctx = self.source.ctx
        self.casework.update(
            student_file,
            editable=snapshot.editable,
            actor_id=ctx.actor.user_id if ctx is not None else None,
            review_after=student_file.plan_review_after,
        )
        self.tabs.setEnabled(True)
        self.tabs.show()
        self._title = student_file.header.name
        self._say("")
        self.title_changed.emit(self._title)
        self.loaded.emit()

    def _fill_pages(self, f: StudentFile) -> None:
        pages = self.pages
        restricted = f.restricted

        def records(key: str) -> RecordsPage:
            page = pages[key]
            assert isinstance(page, RecordsPage)
            return page

        if f.plans is not None and f.closures is not None:
            records(PLAN).set_sections(plan_sections(f.plans, f.closures))
        if f.sessions is not None:
            records(SESSIONS).set_sections(session_sections(f.sessions))
        records(TIERS).set_sections(tier_sections(f.tier_history, f.tasks, f.concerns))
        if f.referrals is not None:
            records(REFERRALS).set_sections(referral_sections(f.referrals))
        if f.contacts is not None:
            records(CONTACTS).set_sections(contact_sections(f.contacts, f.consents))
        if f.leaves is not None:
            records(LEAVE).set_sections(leave_sections(f.leaves))
        screening = self.pages[SCREENING]
        if f.screenings is not None and isinstance(screening, ScreeningRecords):
            screening.show_screenings(f.screenings, f.screening_cutoffs)
        records(DOCUMENTS).set_sections(document_sections(f.documents))
        self.timeline.set_items(f.timeline, restricted=restricted)
        parts = {
            PLAN: f.plans,
            SESSIONS: f.sessions,
            REFERRALS: f.referrals,
            CONTACTS: f.contacts,
            LEAVE: f.leaves,
            SCREENING: f.screenings,
        }
        for key in RESTRICTED_TABS:
            hidden = parts[key] is None
            if hidden:
                records(key).show_restricted()
            index = self.tab_index(key)
            self.tabs.setTabEnabled(index, not hidden)
            self.tabs.setTabToolTip(index, restricted_text() if hidden else "")
        if not self.tabs.isTabEnabled(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(0)

    def _load_error(self, exc: BaseException) -> None:
        self.reload_button.setEnabled(True)
        if isinstance(exc, PermissionDenied):
            text = self.tr("Your account may not open student files.")
        elif isinstance(exc, CounselRoomError):
            text = fill(self.tr("The file could not be opened: %1"), exc)
        else:
            log.error("opening a student file failed", exc_info=exc)
            text = fill(
                self.tr("The file could not be opened because of an unexpected error (%1)."),
                type(exc).__name__,
            )
        self._say(text, error=True)
        self.load_failed.emit(text)

    def _unlocked(self, _ctx: object) -> None:
        self.reload()

    def _locked(self) -> None:
        """Nothing of the file stays on screen while the session is locked."""
        self._generation += 1
        self.file = None
        self.header.clear()
        for page in self.pages.values():
            if isinstance(page, RecordsPage):
                page.clear()
        self.timeline.clear()
        self.casework.locked()
        # The 概况 form is hidden, not emptied: what the user was typing is there after unlock.
        self.tabs.setEnabled(False)
        self.tabs.hide()
        self._say(self.tr("The window is locked."))

    # -- saving ------------------------------------------------------------------------------

    def _save(self, edit: ProfileEdit, expected: datetime) -> None:
        ctx = self.source.ctx
        if ctx is None:
            self.profile.save_failed(CounselRoomError("the window is locked"))
            return
        student_id = self.student_id
        self._start(
            lambda: update_profile(ctx, student_id, edit, expected_updated_at=expected),
            self._saved,
            self.profile.save_failed,
        )

    def _saved(self, profile: StudentProfile) -> None:
        self.profile.saved(profile)
        self.profile_saved.emit()
        self.reload()  # the header, the class's 班主任 and the timeline follow the edit

    def _say(self, text: str, *, error: bool = False) -> None:
        self.state_label.setText(text)
        self.state_label.setVisible(bool(text))
        self.state_label.setProperty("tone", "error" if error else "")
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)
