"""转介: every referral, overdue hospital feedback first (the service's order); a double-click
opens the student's file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from counselroom.services.areas import (
    AWAITING_FEEDBACK,
    REFERRAL_STATE_ORDER,
    ReferralRow,
    referrals,
)
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.ui.areas.codes import referral_state_label, urgency_label
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.areas.table_kit import (
    RowTableModel,
    SortProxy,
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
        self.proxy = SortProxy(self.model, self)
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

    def show_result(self, result: ReferralList) -> None:
        rows = result.rows
        self.model.set_list(rows, result.today)
        self.empty_label.setText(self.tr("No referrals yet."))
        self.empty_label.setVisible(not rows)
        self.view.setVisible(bool(rows))
        waiting = sum(row.state in AWAITING_FEEDBACK and row.feedback_on is None for row in rows)
        overdue = sum(row.overdue for row in rows)
        text = fill(self.tr("%1 referrals · %2 awaiting feedback"), len(rows), waiting)
        if overdue:
            text += " · " + fill(self.tr("%1 overdue"), overdue)
        self.subtitle_label.setText(
            text + " · " + self.tr("Double-click a line to open the student's file") if rows else ""
        )

    def clear_content(self) -> None:
        self.model.clear()
        self.subtitle_label.clear()
        self.empty_label.hide()
        self.view.show()
