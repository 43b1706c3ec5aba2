"""转介: every referral, overdue hospital feedback first (the service's order); a double-click
opens the student's file.

A state filter above the list narrows it without reading the vault again: all, the open ones
(not closed or withdrawn), those awaiting the hospital's feedback, the overdue ones, or one
state. Filtering keeps the service's order, so overdue feedback stays on top.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from counselroom.services.areas import (
    REFERRAL_STATE_ORDER,
    ReferralRow,
    referrals,
)
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.ui.areas.codes import referral_state_label, urgency_label
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.areas.referral_filter import (
    ALL,
    AWAITING,
    OPEN,
    OVERDUE,
    STATE_STEPS,
    ReferralFilterProxy,
    awaiting_feedback,
)
from counselroom.ui.areas.table_kit import (
    RowTableModel,
    date_key,
    date_text,
    make_table_view,
    overdue_marker,
    row_opener,
    widest,
)
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

(
    COL_NAME,
    COL_CLASS,
    COL_INSTITUTION,
    COL_URGENCY,
    COL_STATE,
    COL_PROPOSED,
    COL_SENT,
    COL_SEEN,
    COL_FEEDBACK,
    COL_DUE,
    COL_OVERDUE,
) = range(11)
COLUMN_COUNT = 11

_URGENCY_ORDER = {"emergency": 0, "urgent": 1, "routine": 2}
_DATE_COLUMNS = (COL_PROPOSED, COL_SENT, COL_SEEN, COL_FEEDBACK, COL_DUE)
_SAMPLES = {
    COL_NAME: "欧阳中华",
    COL_CLASS: "初二(10)班",
    COL_INSTITUTION: "某某市精神卫生中心",
    **dict.fromkeys(_DATE_COLUMNS, "2026-12-31"),
    COL_OVERDUE: "逾期 99 天",
}


@dataclass(frozen=True)
class ReferralList:
    today: date
    rows: list[ReferralRow]


class ReferralTableModel(RowTableModel[ReferralRow]):
    MARKER_COLUMN = COL_OVERDUE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_list(self, rows: Sequence[ReferralRow], today: date) -> None:
        self.today = today
        self.set_rows(rows)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Student"),
            self.tr("Class"),
            self.tr("Institution"),
            self.tr("Urgency"),
            self.tr("State"),
            self.tr("Proposed"),
            self.tr("Sent"),
            self.tr("Seen"),
            self.tr("Feedback"),
            self.tr("Feedback due"),
            self.tr("Overdue"),
        )

    def _date(self, row: ReferralRow, column: int) -> date | None:
        return {
            COL_PROPOSED: row.proposed_on,
            COL_SENT: row.sent_on,
            COL_SEEN: row.seen_on,
            COL_FEEDBACK: row.feedback_on,
            COL_DUE: row.feedback_due,
        }[column]

    def display(self, row: ReferralRow, column: int) -> str:
        if column in _DATE_COLUMNS:
            return date_text(self._date(row, column))
        if column == COL_NAME:
            return row.name
        if column == COL_CLASS:
            return row.class_label
        if column == COL_INSTITUTION:
            return row.institution
        if column == COL_URGENCY:
            return urgency_label(row.urgency)
        if column == COL_STATE:
            return referral_state_label(row.state)
        if column == COL_OVERDUE and row.overdue:
            due = row.feedback_due
            return overdue_marker((self.today - due).days if due is not None else None)
        return ""

    def sort_value(self, row: ReferralRow, column: int) -> int | str:
        if column in _DATE_COLUMNS:
            return date_key(self._date(row, column))
        if column == COL_URGENCY:
            return _URGENCY_ORDER.get(row.urgency, len(_URGENCY_ORDER))
        if column == COL_OVERDUE:
            due = row.feedback_due
            return due.toordinal() if row.overdue and due is not None else date_key(None)
        return self.display(row, column)

    def overdue(self, row: ReferralRow) -> bool:
        return row.overdue


class ReferralsPage(LoadingPage):
    open_student = Signal(int)

    def __init__(
        self,
        handle: ContextSource,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(handle, "", parent)
        self.clock = clock  # the school's today; tests and screenshots pin it
        self.title_label.setText(self.tr("Referrals"))
        self.model = ReferralTableModel(self)
        self.proxy = ReferralFilterProxy(self.model, self)
        self.filter_box = QComboBox()
        self.filter_box.addItem(self.tr("All referrals"), ALL)
        self.filter_box.addItem(self.tr("Open (not closed or withdrawn)"), OPEN)
        self.filter_box.addItem(self.tr("Awaiting feedback"), AWAITING)
        self.filter_box.addItem(self.tr("Feedback overdue"), OVERDUE)
        for code in STATE_STEPS:
            self.filter_box.addItem(referral_state_label(code), code)
        self.filter_box.setMaxVisibleItems(self.filter_box.count())
        self.filter_box.currentIndexChanged.connect(self._filter_chosen)
        filter_label = QLabel(self.tr("&Show:"))
        filter_label.setBuddy(self.filter_box)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(filter_label)
        bar.addWidget(self.filter_box)
        bar.addStretch(1)
        self.content_layout.addLayout(bar)
        self._result: ReferralList | None = None
        widths = {
            **_SAMPLES,
            COL_URGENCY: widest(*(urgency_label(code) for code in _URGENCY_ORDER)),
            COL_STATE: widest(*(referral_state_label(code) for code in REFERRAL_STATE_ORDER)),
        }
        self.view = make_table_view(
            self, self.proxy, sortable=True, widths=widths, stretch_column=COL_INSTITUTION
        )
        row_opener(self.view, self._student_of, self.open_student.emit)
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.hide()
        self.content_layout.addWidget(self.empty_label)
        self.content_layout.addWidget(self.view, 1)

    def _student_of(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.source_row(index)).student_id

    def denied_text(self) -> str:
        return self.tr("Referrals are visible to counsellors only.")

    def fetch(self, ctx: Context) -> ReferralList:
        today = self.clock()
        return ReferralList(today, referrals(ctx, today))

    @property
    def choice(self) -> str:
        return str(self.filter_box.currentData())

    def choose(self, choice: str) -> None:
        """Show only the rows of `choice` (ALL, OPEN, AWAITING, OVERDUE or a state code)."""
        self.filter_box.setCurrentIndex(max(self.filter_box.findData(choice), 0))

    def _filter_chosen(self) -> None:
        self.proxy.set_choice(self.choice)
        if self._result is not None:
            self._show_counts(self._result.rows)

    def show_result(self, result: ReferralList) -> None:
        self._result = result
        self.model.set_list(result.rows, result.today)
        self._show_counts(result.rows)

    def _show_counts(self, rows: Sequence[ReferralRow]) -> None:
        shown = self.proxy.rowCount()
        if not rows:
            self.empty_label.setText(self.tr("No referrals yet."))
        else:
            self.empty_label.setText(self.tr("No referral in this state."))
        self.empty_label.setVisible(not shown)
        self.view.setVisible(bool(shown))
        waiting = sum(awaiting_feedback(row) for row in rows)
        overdue = sum(row.overdue for row in rows)
        text = fill(self.tr("%1 referrals · %2 awaiting feedback"), len(rows), waiting)
        if overdue:
            text += " · " + fill(self.tr("%1 overdue"), overdue)
        if shown != len(rows):
            text += " · " + fill(self.tr("%1 shown"), shown)
        self.subtitle_label.setText(
            text + " · " + self.tr("Double-click a line to open the student's file") if rows else ""
        )

    def clear_content(self) -> None:
        self._result = None
        self.model.clear()
        self.subtitle_label.clear()
        self.empty_label.hide()
        self.view.show()
