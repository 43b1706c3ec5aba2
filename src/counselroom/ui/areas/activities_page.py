"""活动: the log of group counselling sessions (团体辅导) and lectures (讲座), by term.

Seed 004 reports 团体辅导场次 and 讲座场次 each term; this is where they are written down. The
log names no student, so a viewer may read it; logging one is counsellor work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from counselroom.domain.errors import CounselRoomError
from counselroom.domain.terms import SchoolTerm, term_of
from counselroom.services.activities import (
    GROUP_ACTIVITY_KINDS,
    GroupActivityEntry,
    add_group_activity,
    list_group_activities,
)
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission
from counselroom.ui.areas.activity_dialog import ActivityDialog, ActivityInput
from counselroom.ui.areas.activity_model import (
    COL_KIND,
    COL_TOPIC,
    SAMPLES,
    ActivityTableModel,
    TermFilterProxy,
    activity_kind_label,
    terms_of,
)
from counselroom.ui.areas.page_actions import PageAction
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.areas.table_kit import make_table_view, widest
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

ALL_TERMS = ""  # the chooser's data for "every term"


@dataclass(frozen=True)
class ActivityLog:
    entries: tuple[GroupActivityEntry, ...]
    today: date
    may_log: bool


class ActivitiesPage(LoadingPage):
    def __init__(
        self,
        handle: ContextSource,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(handle, "", parent)
        self.clock = clock  # the school's today: the current term and the dialog's default date
        self.log: ActivityLog | None = None
        self.dialog: ActivityDialog | None = None
        self.save_action = PageAction(handle, self)
        self._wanted_term: str | None = None  # the term to show after the next load
        self.terms: dict[str, SchoolTerm] = {}  # the chooser's terms by label
        self.title_label.setText(self.tr("Activities"))

        self.term_box = QComboBox()
        self.term_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.term_box.currentIndexChanged.connect(self._term_chosen)
        term_label = QLabel(self.tr("&Term:"))
        term_label.setBuddy(self.term_box)
        self.log_button = QPushButton(self.tr("&Log an activity…"))
        self.log_button.clicked.connect(self.open_log_dialog)
        self.log_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(term_label)
        bar.addWidget(self.term_box)
        bar.addStretch(1)
        bar.addWidget(self.log_button)

        self.model = ActivityTableModel(self)
        self.proxy = TermFilterProxy(self.model, self)
        kinds = widest(*(activity_kind_label(code) for code in GROUP_ACTIVITY_KINDS))
        self.view = make_table_view(
            self,
            self.proxy,
            sortable=True,
            widths={**SAMPLES, COL_KIND: kinds},
            stretch_column=COL_TOPIC,
        )
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.hide()
        self.content_layout.addLayout(bar)
        self.content_layout.addWidget(self.empty_label)
        self.content_layout.addWidget(self.view, 1)

    # -- loading -------------------------------------------------------------------------------

    def fetch(self, ctx: Context) -> ActivityLog:
        return ActivityLog(list_group_activities(ctx), self.clock(), ctx.may(Permission.EDIT_CASES))

    def show_result(self, result: ActivityLog) -> None:
        self.log = result
        self.model.set_rows(result.entries)
        wanted = self._wanted_term if self._wanted_term is not None else self.term_box.currentData()
        self._wanted_term = None
        current = term_of(result.today)
        terms = terms_of([current.start, *(entry.on for entry in result.entries)])
        self.terms = {term.label_zh: term for term in terms}
        self.term_box.blockSignals(True)
        self.term_box.clear()
        self.term_box.addItem(self.tr("All terms"), ALL_TERMS)
        for term in terms:
            self.term_box.addItem(term.label_zh, term.label_zh)
        found = self.term_box.findData(wanted) if wanted is not None else -1
        if found < 0:
            found = self.term_box.findData(current.label_zh)
        self.term_box.setCurrentIndex(found)
        self.term_box.blockSignals(False)
        self._term_chosen()
        self._update_log_button()

    def selected_term(self) -> SchoolTerm | None:
        return self.terms.get(str(self.term_box.currentData() or ""))

    def _term_chosen(self) -> None:
        self.proxy.set_term(self.selected_term())
        rows = self.proxy.visible_rows()
        if self.log is None:
            return
        if rows:
            self.empty_label.hide()
            self.view.show()
        else:
            self.empty_label.setText(
                self.tr("No activity logged in this term.")
                if self.proxy.term is not None
                else self.tr("No activity logged yet.")
            )
            self.empty_label.show()
            self.view.hide()
        groups = sum(row.kind == "group_counselling" for row in rows)
        lectures = sum(row.kind == "lecture" for row in rows)
        self.subtitle_label.setText(
            fill(
                self.tr("%1 group counselling sessions · %2 lectures · %3 participants"),
                groups,
                lectures,
                sum(row.count for row in rows),
            )
        )

    def _update_log_button(self) -> None:
        allowed = self.log is not None and self.log.may_log
        self.log_button.setEnabled(allowed and self.dialog is None)
        if self.log is not None and not allowed:
            self.log_button.setToolTip(self.tr("Logging activities needs a counsellor account"))
        else:
            self.log_button.setToolTip(self.tr("Record a group counselling session or a lecture"))

    def clear_content(self) -> None:
        self.save_action.forget()
        self._close_dialog()
        self.log = None
        self.model.clear()
        self.proxy.set_term(None)
        self.terms = {}
        self.term_box.blockSignals(True)
        self.term_box.clear()
        self.term_box.blockSignals(False)
        self.subtitle_label.clear()
        self.empty_label.hide()
        self.view.show()
        self._update_log_button()

    # -- logging -------------------------------------------------------------------------------

    def open_log_dialog(self) -> ActivityDialog | None:
        """Open the dialog (not modal to the application: `open()`, never `exec()`)."""
        if self.log is None or not self.log.may_log:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = ActivityDialog(self.clock(), self)
        dialog.save_requested.connect(self._save)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        self._update_log_button()
        dialog.open()
        return dialog

    def _save(self, data: ActivityInput) -> None:
        dialog = self.dialog
        if dialog is None:
            return

        def saved(_activity_id: int) -> None:
            self._wanted_term = term_of(data.on).label_zh  # show the term of the new line
            dialog.saved()
            self.reload()

        started = self.save_action.run(
            lambda ctx: add_group_activity(
                ctx,
                on=data.on,
                kind=data.kind,
                topic=data.topic,
                audience=data.audience,
                count=data.count,
                leader=data.leader,
                note=data.note,
            ),
            saved,
            dialog.save_failed,
        )
        if not started:  # locked meanwhile, or a save still running: nothing was sent
            dialog.save_failed(
                CounselRoomError(self.tr("the window is locked or still saving; try again"))
            )

    def _dialog_finished(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self._update_log_button()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()  # at a lock: nothing typed stays on screen
