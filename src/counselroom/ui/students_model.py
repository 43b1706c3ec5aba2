"""The student list as a Qt model: `StudentRow` DTOs in, cells out, plus a search filter.

Sorting is done by the model in Python (one `sorted()` over precomputed keys) instead of by a
proxy: a proxy sort calls back into Python `data()` twice per comparison, and with a sort column
set it would do so again on every keystroke as rows come back — seconds at 20,000 students.

The filter is not a `QSortFilterProxyModel` either: that one asks Python `filterAcceptsRow` once
per row on every keystroke (20,000 round trips from C++, about 15 ms) and then rebuilds its
mapping. `StudentFilterProxy` is a thin "index map" model instead: the rows that pass are found
with C-level loops (`map`/`compress`) over a lower-case haystack and a tuple of filter keys per
row that the model builds once per load, kept as one ascending list of source rows, and shown
through one layout change. The view reads its cells straight from the model's per-row cache of
display strings, without a second model in between.
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
    Qt,
)

from counselroom.services.students import StudentRow
from counselroom.ui.labels import status_label, tier_full, tier_short
from counselroom.ui.student_filters import RowKeys, row_keys
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

# Plain ints: `data()` is called for about seven roles per painted cell, and comparing an int
# with an int is cheaper than with an enum member.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SORT = int(SORT_ROLE)
_ROW = int(ROW_ROLE)
_TIER = int(TIER_ROLE)
_TIER_ONLY_ROLES = frozenset({_TOOLTIP, _ACCESSIBLE, _BACKGROUND, _FOREGROUND, _TIER})
SERVED_ROLES = _TIER_ONLY_ROLES | {_DISPLAY, _SORT, _ROW}

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
        self._position: list[int] = []  # index into _loaded -> shown row
        self._rows: list[StudentRow] = []
        self._haystacks: list[str] = []
        self._loaded_haystacks: list[str] = []
        self._keys: list[RowKeys] = []
        self._loaded_keys: list[RowKeys] = []
        # Display strings of the rows painted so far, by index into _loaded (a sort keeps them).
        self._cells: list[tuple[str, ...] | None] = []
        self._tier_texts: dict[int, str] = {}
        self._status_texts: dict[str, str] = {}
        self.revision = 0  # bumped whenever row numbers change meaning

    # -- content -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[StudentRow]) -> None:
        self.beginResetModel()
        self._loaded = list(rows)
        self._loaded_haystacks = [haystack(row) for row in self._loaded]
        self._loaded_keys = [row_keys(row) for row in self._loaded]
        self._cells = [None] * len(self._loaded)
        self._tier_texts = {}
        self._status_texts = {}
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

    def loaded_index(self, row: int) -> int:
        """Which loaded row (service order) is shown at `row`: stable across sorts."""
        return self._order[row]

    def row_of_loaded(self, loaded: int) -> int:
        """Where the loaded row `loaded` is shown now (inverse of `loaded_index`)."""
        return self._position[loaded]

    def _apply_order(self, order: list[int]) -> None:
        self._order = order
        position = [0] * len(order)
        for shown, loaded in enumerate(order):
            position[loaded] = shown
        self._position = position
        self._rows = [self._loaded[i] for i in order]
        self._haystacks = [self._loaded_haystacks[i] for i in order]
        self._keys = [self._loaded_keys[i] for i in order]
        self.revision += 1

    # -- cells -------------------------------------------------------------------------------

    def _tier_text(self, tier: int) -> str:
        text = self._tier_texts.get(tier)
        if text is None:  # translated once per load: the language changes only at a restart
            text = self._tier_texts[tier] = tier_short(tier)
        return text

    def _status_text(self, status: str) -> str:
        text = self._status_texts.get(status)
        if text is None:
            text = self._status_texts[status] = status_label(status)
        return text

    def display_cells(self, row: int) -> tuple[str, ...]:
        """The shown text of every column of `row`, made when the row is first painted."""
        loaded = self._order[row]
        cells = self._cells[loaded]
        if cells is None:
            student = self._loaded[loaded]
            follow_up = student.next_follow_up
            cells = self._cells[loaded] = (
                student.student_no or "",
                student.name,
                student.grade,
                student.class_label,
                self._tier_text(student.tier),
                self._status_text(student.status),
                follow_up.isoformat() if follow_up else "",
            )
        return cells

    def cell(self, row: int, column: int, role: int) -> Any:
        """What `data()` answers for `row` (a valid row number) and `column`."""
        if role == _DISPLAY:
            return self.display_cells(row)[column] if 0 <= column < COLUMN_COUNT else None
        if role == _SORT:
            return sort_value(self._rows[row], column)
        if role == _ROW:
            return self._rows[row]
        if column != COL_TIER or role not in _TIER_ONLY_ROLES:
            return None  # the view asks for font, alignment, check state … of every cell
        tier = self._rows[row].tier
        if role == _BACKGROUND:
            return badge_colours(tier)[0]
        if role == _FOREGROUND:
            return badge_colours(tier)[1]
        if role == _TIER:
            return tier
        return tier_short(tier) + " · " + tier_full(tier)  # tooltip, accessible text

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
        # Most calls ask for a role no cell has (font, alignment, check state, decoration …):
        # answered before the index is even looked at.
        if role not in SERVED_ROLES:
            return None
        number = index.row()
        if not 0 <= number < len(self._rows) or not index.isValid():
            return None
        return self.cell(number, index.column(), role)

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
        position = self._position
        persistent = self.persistentIndexList()
        moved = [
            self.index(position[old_order[index.row()]], index.column()) for index in persistent
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
