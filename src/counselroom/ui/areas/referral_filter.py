"""The state filter of the 转介 list: which referrals to show, by where they stand.

Besides each state, three views a counsellor works from: the open referrals (not closed or
withdrawn), those awaiting the hospital's feedback, and those whose feedback is overdue. The
filter hides rows and never reorders them, so the service's order — overdue first — stays.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from counselroom.domain.referral_flow import AWAITING_FEEDBACK, FINAL_STATES, STEP_ORDER
from counselroom.services.areas import ReferralRow
from counselroom.ui.areas.table_kit import RowTableModel, SortProxy

# The filter's choices besides the states themselves; a state code never starts with "@".
ALL, OPEN, AWAITING, OVERDUE = "", "@open", "@awaiting", "@overdue"
STATE_STEPS = STEP_ORDER  # each state alone, in the order the work goes


def awaiting_feedback(row: ReferralRow) -> bool:
    return row.state in AWAITING_FEEDBACK and row.feedback_on is None


def matches(row: ReferralRow, choice: str) -> bool:
    """Whether `row` is shown under the filter `choice` (ALL, OPEN, AWAITING, OVERDUE or a
    state code)."""
    if choice == ALL:
        return True
    if choice == OPEN:
        return row.state not in FINAL_STATES
    if choice == AWAITING:
        return awaiting_feedback(row)
    if choice == OVERDUE:
        return row.overdue
    return row.state == choice


class ReferralFilterProxy(SortProxy):
    """The sorting proxy, showing only the rows of the chosen filter."""

    def __init__(self, model: RowTableModel[ReferralRow], parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.table = model
        self.choice = ALL

    def set_choice(self, choice: str) -> None:
        self.choice = choice
        # invalidate(), as in activity_model.py: invalidateFilter() is deprecated from Qt 6.10
        # and begin/endFilterChange is missing before 6.9; the list is short.
        self.invalidate()

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        return matches(self.table.row_at(source_row), self.choice)
