"""The student list as a Qt model: `StudentRow` DTOs in, cells out, plus a search filter.

Sorting is done by the model in Python (one `sorted()` over precomputed keys) instead of by the
proxy: a proxy sort calls back into Python `data()` twice per comparison, and with a sort column
set it would do so again on every keystroke as rows come back — seconds at 20,000 students.
The proxy forwards `sort()` to the model and only filters, against a lower-case haystack and a
tuple of filter keys per row that the model builds once per load.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from counselroom.services.students import StudentRow
from counselroom.ui.labels import status_label, tier_full, tier_short
from counselroom.ui.student_filters import (
    FilterSpec,
    RowKeys,
    and_masks,
    filter_mask,
    row_keys,
)
from counselroom.ui.tier_badge import TIER_ROLE, badge_colours

IndexLike = QModelIndex | QPersistentModelIndex

(
    COL_STUDENT_NO,
    COL_NAME,
    COL_GRADE,
    COL_CLASS,
    COL_TIER,
    COL_STATUS,
    COL_FOLLOW_UP,
) = range(7)
COLUMN_COUNT = 7

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_SERVED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        SORT_ROLE,
        ROW_ROLE,
        TIER_ROLE,
    }
)
_STATUS_ORDER = {"enrolled": 0, "on_leave": 1, "transferred": 2, "graduated": 3}
_NO_DATE = date.max.toordinal()  # rows without a follow-up sort after every dated one
_SEPARATOR = "\x1f"  # keeps a search term from matching across two fields
_FIRST_NUMBER = re.compile(r"\d+")


def normalise(text: str) -> str:
    """Fold case and full-width forms, so "ＺＳ" and "（3）" from a Chinese IME still match."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_terms(text: str) -> tuple[str, ...]:
    return tuple(normalise(text).split())


def haystack(row: StudentRow) -> str:
    """Everything a search may match; `name_pinyin` holds full pinyin and initials."""
    fields = (row.name, row.name_pinyin, row.student_no or "", row.class_label, row.grade)
    return _SEPARATOR.join(normalise(field) for field in fields)


def sort_value(row: StudentRow, column: int) -> int | str:
    """The value a column sorts by (also served as SORT_ROLE); ints or strings only."""
    if column == COL_STUDENT_NO:
        return row.student_no or ""
    if column == COL_NAME:
        full_pinyin = row.name_pinyin.split(" ", 1)[0]
        return f"{full_pinyin}\x00{row.name}"  # Chinese names are ordered by pinyin
    if column == COL_GRADE:
        return row.grade_level or 99
    if column == COL_CLASS:
        number = _FIRST_NUMBER.search(row.class_label)
        return (row.grade_level or 99) * 1000 + (int(number.group()) if number else 0)
    if column == COL_TIER:
        return row.tier
    if column == COL_STATUS:
        return _STATUS_ORDER.get(row.status, len(_STATUS_ORDER))
    if column == COL_FOLLOW_UP:
        return row.next_follow_up.toordinal() if row.next_follow_up else _NO_DATE
    raise IndexError(column)


class StudentTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loaded: list[StudentRow] = []  # in the service's order (grade, class, pinyin)
        self._order: list[int] = []  # shown row -> index into _loaded
        self._rows: list[StudentRow] = []
        self._haystacks: list[str] = []
        self._loaded_haystacks: list[str] = []
        self._keys: list[RowKeys] = []
        self._loaded_keys: list[RowKeys] = []
        self.revision = 0  # bumped whenever row numbers change meaning

    # -- content -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[StudentRow]) -> None:
        self.beginResetModel()
        self._loaded = list(rows)
        self._loaded_haystacks = [haystack(row) for row in self._loaded]
        self._loaded_keys = [row_keys(row) for row in self._loaded]
        self._apply_order(list(range(len(self._loaded))))
        self.endResetModel()

    def row_at(self, row: int) -> StudentRow:
        return self._rows[row]

    def loaded_rows(self) -> list[StudentRow]:
        """Every row in the service's order, whatever the sort (for filter choices)."""
        return self._loaded

    def haystacks(self) -> list[str]:
        """Aligned with the current row numbers; replaced (not mutated) when they change."""
        return self._haystacks

    def filter_keys(self) -> list[RowKeys]:
        """Aligned with the current row numbers, like `haystacks`."""
        return self._keys

    def _apply_order(self, order: list[int]) -> None:
        self._order = order
        self._rows = [self._loaded[i] for i in order]
        self._haystacks = [self._loaded_haystacks[i] for i in order]
        self._keys = [self._loaded_keys[i] for i in order]
        self.revision += 1

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Student no."),
            self.tr("Name"),
            self.tr("Grade"),
            self.tr("Class"),
            self.tr("Tier"),
            self.tr("Status"),
            self.tr("Next follow-up"),
        )
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for about ten roles per painted cell; most are answered by the first test.
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        row, column = self._rows[number], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return sort_value(row, column)
        if role == ROW_ROLE:
            return row
        if column == COL_TIER:
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return tier_short(row.tier) + " · " + tier_full(row.tier)
            if role == Qt.ItemDataRole.BackgroundRole:
                return badge_colours(row.tier)[0]
            if role == Qt.ItemDataRole.ForegroundRole:
                return badge_colours(row.tier)[1]
            if role == TIER_ROLE:
                return row.tier
        return None

    @staticmethod
    def _display(row: StudentRow, column: int) -> str:
        if column == COL_STUDENT_NO:
            return row.student_no or ""
        if column == COL_NAME:
            return row.name
        if column == COL_GRADE:
            return row.grade
        if column == COL_CLASS:
            return row.class_label
        if column == COL_TIER:
            return tier_short(row.tier)
        if column == COL_STATUS:
            return status_label(row.status)
        if column == COL_FOLLOW_UP:
            return row.next_follow_up.isoformat() if row.next_follow_up else ""
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by SORT_ROLE values; ties keep the service's order. Column -1: that order."""
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        if 0 <= column < COLUMN_COUNT:
            keys = [sort_value(row, column) for row in self._loaded]
            new_order = sorted(
                range(len(keys)),
                key=keys.__getitem__,
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        else:
            new_order = list(range(len(self._loaded)))
        self._apply_order(new_order)
        position = {loaded: shown for shown, loaded in enumerate(new_order)}
        persistent = self.persistentIndexList()
        moved = [
            self.index(position[old_order[index.row()]], index.column()) for index in persistent
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()


class StudentFilterProxy(QSortFilterProxyModel):
    """Search-as-you-type and the list filters: a row is shown when it passes all of them.

    The match for all rows is computed when the search text or a filter changes, one cheap
    comparison per row and criterion, and the criteria are combined as big integers (one C-level
    AND for 20,000 rows); `filterAcceptsRow` (called by Qt once per row) only looks it up.
    """

    def __init__(self, model: StudentTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._terms: tuple[str, ...] = ()
        self._filters = FilterSpec()
        self._mask = bytearray()
        self._mask_revision = -1
        self.setSourceModel(model)

    @property
    def terms(self) -> tuple[str, ...]:
        return self._terms

    @property
    def filters(self) -> FilterSpec:
        return self._filters

    def set_search_text(self, text: str) -> None:
        terms = search_terms(text)
        if terms == self._terms:
            return
        self._terms = terms
        self._refilter()

    def set_filters(self, filters: FilterSpec) -> None:
        if filters == self._filters:
            return
        self._filters = filters
        self._refilter()

    def _refilter(self) -> None:
        self._mask_revision = -1
        # One layout change rather than begin/endFilterChange: that emits rowsRemoved and
        # rowsInserted once per run of rows, thousands of them when a search is cleared on a
        # large school, and the view handles each one.
        self.invalidate()

    def _search_mask(self) -> bytearray | None:
        terms, stacks = self._terms, self._model.haystacks()
        if not terms:
            return None
        if len(terms) == 1:
            term = terms[0]
            return bytearray(term in stack for stack in stacks)
        return bytearray(all(t in stack for t in terms) for stack in stacks)

    def _rebuild_mask(self) -> None:
        masks = [self._search_mask(), filter_mask(self._filters, self._model.filter_keys())]
        present = [mask for mask in masks if mask is not None]
        self._mask = and_masks(present) if present else bytearray()
        self._mask_revision = self._model.revision

    def filterAcceptsRow(self, source_row: int, source_parent: IndexLike) -> bool:
        if not self._terms and not self._filters.active:
            return True
        if self._mask_revision != self._model.revision:
            self._rebuild_mask()
        return bool(self._mask[source_row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)  # see the module docstring
