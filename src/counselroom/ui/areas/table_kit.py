"""What every list on the work-area pages shares: a DTO table model, a sorting proxy, a view.

A page's model subclasses `RowTableModel`, names its columns with constants and answers
`display()` and `sort_value()` per column; the base serves the roles (SORT_ROLE, ROW_ROLE, tier
badge colours, red text and bold marker for overdue rows). The lists are short (hundreds of
rows, a few thousand at most), so sorting is left to `QSortFilterProxyModel` on SORT_ROLE.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from counselroom.ui.i18n import fill
from counselroom.ui.labels import tier_full, tier_short
from counselroom.ui.students_model import ROW_ROLE, SORT_ROLE
from counselroom.ui.tier_badge import TIER_ROLE, TierBadgeDelegate, badge_colours

__all__ = [
    "NO_DATE",
    "OVERDUE_COLOUR",
    "ROW_ROLE",
    "SORT_ROLE",
    "RowTableModel",
    "SortProxy",
    "date_key",
    "date_text",
    "make_table_view",
    "overdue_marker",
    "row_opener",
    "widest",
]

translate = QCoreApplication.translate
IndexLike = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

NO_DATE = date.max.toordinal()  # rows without a date sort after every dated one
OVERDUE_COLOUR = QColor("#B71C1C")  # a dark red that keeps 4.5:1 contrast on white and grey rows

_SERVED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        SORT_ROLE,
        ROW_ROLE,
        TIER_ROLE,
    }
)


def date_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def date_key(day: date | None) -> int:
    return day.toordinal() if day else NO_DATE


def overdue_marker(days: int | None = None) -> str:
    """The words that say "overdue" next to the red: colour is never the only signal."""
    if days is None or days <= 0:
        return translate("tables", "Overdue")
    return fill(translate("tables", "Overdue %1 d"), days)


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of one DTO type, in the order given; subclasses describe the columns.

    Class attributes: TIER_COLUMN (drawn as a badge, -1 for none), MARKER_COLUMN (bold on an
    overdue row, -1 for none), NUMERIC_COLUMNS (right-aligned).
    """

    TIER_COLUMN = -1
    MARKER_COLUMN = -1
    NUMERIC_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._bold: QFont | None = None

    # -- for subclasses ------------------------------------------------------------------------

    if TYPE_CHECKING:
        # What every subclass defines (``tier`` only with a TIER_COLUMN); __init_subclass__
        # refuses a class without them when it is defined, not when a view first asks.
        def headers(self) -> Sequence[str]: ...

        def display(self, row: T, column: int) -> str: ...

        def tier(self, row: T) -> int: ...

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        required = ("headers", "display") + (("tier",) if cls.TIER_COLUMN >= 0 else ())
        missing = [name for name in required if not callable(getattr(cls, name, None))]
        if missing:
            raise TypeError(f"{cls.__name__} must define {', '.join(missing)}")

    def sort_value(self, row: T, column: int) -> int | str:
        """ints or strings only: the proxy compares them as Qt variants."""
        return self.display(row, column)

    def overdue(self, row: T) -> bool:
        return False

    def tooltip(self, row: T, column: int) -> str | None:
        return None

    # -- content -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[T]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_rows(())

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = self.headers()
            return titles[section] if 0 <= section < len(titles) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        row, column = self._rows[number], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == ROW_ROLE:
            return row
        if column == self.TIER_COLUMN:
            return self._tier_data(row, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_COLOUR if self.overdue(row) else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold_font() if column == self.MARKER_COLUMN and self.overdue(row) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tier_data(self, row: T, role: int) -> Any:
        tier = self.tier(row)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return tier_short(tier) + " · " + tier_full(tier)
        if role == Qt.ItemDataRole.BackgroundRole:
            return badge_colours(tier)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return badge_colours(tier)[1]
        if role == TIER_ROLE:
            return tier
        return None

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    @staticmethod
    def tier_text(tier: int) -> str:
        return tier_short(tier)


class SortProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE; column -1 (the start, or a third header click) is the service order."""

    def __init__(self, model: QAbstractTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)  # a reload keeps the chosen sort; edits do not exist

    def source_row(self, index: QModelIndex) -> int:
        return self.mapToSource(index).row()


def make_table_view(
    parent: QWidget,
    model: QAbstractItemModel,
    *,
    tier_column: int = -1,
    sortable: bool = False,
    widths: dict[int, str] | None = None,
    stretch_column: int = -1,
    padding: int = 36,
) -> QTableView:
    """A read-only, row-selecting table in the look of the student list.

    `widths` gives a sample text per column; the column is made as wide as that text.
    `stretch_column` takes the spare width (default: the last column); `padding` is added to
    each sample's width (room for the sort indicator when the table sorts).
    """
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
    if tier_column >= 0:
        view.setItemDelegateForColumn(tier_column, TierBadgeDelegate(view))
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    if stretch_column >= 0:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if sortable:
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    metrics = view.fontMetrics()
    for column, sample in (widths or {}).items():
        view.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)
    return view


def widest(*texts: str) -> str:
    """The longest of some labels, as a column-width sample (in the current language)."""
    return max(texts, key=len, default="")


def row_opener(
    view: QTableView, row_of: Callable[[QModelIndex], object | None], emit: Callable[[Any], None]
) -> None:
    """Double-click or Enter on a row calls `emit(row_of(index))` when that is not None.

    `activated` covers both (and a single click where the desktop is set to open that way).
    """

    def opened(index: QModelIndex) -> None:
        value = row_of(index)
        if value is not None:
            emit(value)

    view.activated.connect(opened)
