"""The student list's filter: search-as-you-type and the list filters as a thin index map.

Why not a `QSortFilterProxyModel`: see `students_model`'s docstring — it asks Python once per
row on every keystroke. Here the rows that pass are found with C-level loops over the model's
precomputed haystacks and filter keys, and shown through one layout change.
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, repeat
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)

from counselroom.ui.student_filters import FilterSpec, filter_mask
from counselroom.ui.students_model import (
    COLUMN_COUNT,
    SERVED_ROLES,
    IndexLike,
    StudentTableModel,
    search_terms,
)


def matching_rows(
    haystacks: Sequence[str], terms: Sequence[str], candidates: Sequence[int] | None = None
) -> list[int]:
    """The rows (ascending) among `candidates` (None: all) whose haystack holds every term.

    Each term is one C-level pass (`map` of `operator.contains`, then `compress`) over the rows
    the previous terms left, so no Python bytecode runs per row.
    """
    rows: Sequence[int] = range(len(haystacks)) if candidates is None else candidates
    for term in terms:
        stacks = haystacks if candidates is None else map(haystacks.__getitem__, rows)
        rows = list(compress(rows, map(operator.contains, stacks, repeat(term))))
        candidates = rows
    return list(rows)


class StudentFilterProxy(QAbstractTableModel):
    """Search-as-you-type and the list filters over a `StudentTableModel`: a row is shown when
    it passes all of them.

    An index map rather than a `QSortFilterProxyModel` (see the module docstring): `_map` holds
    the source rows shown, ascending, so the list keeps the model's order. The rows passing the
    filters are kept between keystrokes; the search only looks at those. Selection and current
    row survive a search, a filter and a sort (one layout change with the persistent indexes
    moved), as they did with Qt's proxy. `sourceModel`, `mapToSource` and `mapFromSource`
    answer as a Qt proxy would.
    """

    def __init__(self, model: StudentTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._terms: tuple[str, ...] = ()
        self._filters = FilterSpec()
        self._passing: list[int] | None = None  # rows passing the filters; None: all rows
        self._passing_key: tuple[int, FilterSpec] | None = None
        self._map: list[int] = []
        self._held: list[int] = []  # loaded rows of the persistent indexes during a sort
        model.modelAboutToBeReset.connect(self._source_about_to_reset)
        model.modelReset.connect(self._source_reset)
        model.layoutAboutToBeChanged.connect(self._source_layout_about_to_change)
        model.layoutChanged.connect(self._source_layout_changed)
        self._map = self._compute_map()

    @property
    def terms(self) -> tuple[str, ...]:
        return self._terms

    @property
    def filters(self) -> FilterSpec:
        return self._filters

    def sourceModel(self) -> StudentTableModel:
        return self._model

    # -- filtering ---------------------------------------------------------------------------

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

    def _passing_rows(self) -> list[int] | None:
        key = (self._model.revision, self._filters)
        if key != self._passing_key:
            mask = filter_mask(self._filters, self._model.filter_keys())
            self._passing = None if mask is None else list(compress(range(len(mask)), mask))
            self._passing_key = key
        return self._passing

    def _compute_map(self) -> list[int]:
        passing = self._passing_rows()
        if self._terms:
            return matching_rows(self._model.haystacks(), self._terms, passing)
        return list(range(self._model.rowCount())) if passing is None else passing

    def _refilter(self) -> None:
        # One layout change, as QSortFilterProxyModel.invalidate() does, rather than row
        # removals and insertions: those come once per run of rows, thousands of them when a
        # search is cleared on a large school, and the view handles each one.
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [self._map[index.row()] for index in persistent]
        self._map = self._compute_map()
        if persistent:
            moved = [
                self._proxy_index(source, index.column())
                for source, index in zip(sources, persistent, strict=True)
            ]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _proxy_index(self, source_row: int, column: int) -> QModelIndex:
        shown = bisect_left(self._map, source_row)
        if shown < len(self._map) and self._map[shown] == source_row:
            return self.index(shown, column)
        return QModelIndex()

    # -- following the model -----------------------------------------------------------------

    def _source_about_to_reset(self) -> None:
        self.beginResetModel()

    def _source_reset(self) -> None:
        self._map = self._compute_map()
        self.endResetModel()

    def _source_layout_about_to_change(self) -> None:
        self.layoutAboutToBeChanged.emit()
        # Row numbers are about to change meaning: remember the loaded rows, which do not.
        self._held = [
            self._model.loaded_index(self._map[index.row()]) for index in self.persistentIndexList()
        ]

    def _source_layout_changed(self) -> None:
        self._map = self._compute_map()
        persistent = self.persistentIndexList()
        if persistent and len(persistent) == len(self._held):
            moved = [
                self._proxy_index(self._model.row_of_loaded(loaded), index.column())
                for loaded, index in zip(self._held, persistent, strict=True)
            ]
            self.changePersistentIndexList(persistent, moved)
        self._held = []
        self.layoutChanged.emit()

    # -- the proxy's mapping -----------------------------------------------------------------

    def mapToSource(self, index: IndexLike) -> QModelIndex:
        if not index.isValid() or not 0 <= index.row() < len(self._map):
            return QModelIndex()
        return self._model.index(self._map[index.row()], index.column())

    def mapFromSource(self, index: IndexLike) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        return self._proxy_index(index.row(), index.column())

    # -- QAbstractTableModel -----------------------------------------------------------------

    def index(
        self,
        row: int,
        column: int,
        parent: IndexLike = QModelIndex(),  # noqa: B008 - Qt's signature
    ) -> QModelIndex:
        # One Python call; the base class would call rowCount and columnCount for it.
        if 0 <= row < len(self._map) and 0 <= column < COLUMN_COUNT and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._map)

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self._model.headerData(section, orientation, role)

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in SERVED_ROLES:  # as in the model: most roles asked for are not served
            return None
        number = index.row()
        if not 0 <= number < len(self._map):
            return None
        return self._model.cell(self._map[number], index.column(), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)  # see the module docstring
