"""The mapping step of an import: a preview of the file with one field choice per column.

The preview is a table whose first row holds a combo box per column, so each choice sits right
above the header and the values it names, and scrolls with them on a wide file. A field is
held by one column at most: choosing it for another column ignores the earlier one, with a
note, rather than refusing silently or importing one value twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselroom.intake.columns import missing_required
from counselroom.intake.sheets import SheetRow, column_letter
from counselroom.ui.i18n import fill
from counselroom.ui.intake.import_kind import ImportKind, LoadedFile
from counselroom.ui.named import named

translate = QCoreApplication.translate
IndexLike = QModelIndex | QPersistentModelIndex

IGNORE = ""  # the combo choice of a column that is not imported
MAPPING_ROW = 0  # the preview's row of combo boxes; the header row follows it
UNMAPPED_COLOUR = QColor("#9E9E9E")


def message_label(name: str) -> QLabel:
    """A line of feedback: plain text (file names and headers are not markup), selectable."""
    label = named(QLabel(), name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def say(label: QLabel, text: str) -> None:
    """Show `text`, or hide the label when there is nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))


class ColumnChoices:
    """Which field each column holds: at most one field per column and one column per field."""

    def __init__(self, width: int, mapping: Mapping[str, int]) -> None:
        self._fields = [IGNORE] * width
        # By column, so a column claimed by two fields keeps the first one given.
        for key, column in sorted(mapping.items(), key=lambda item: item[1]):
            if 0 <= column < width and self._fields[column] == IGNORE:
                self._fields[column] = key

    @property
    def width(self) -> int:
        return len(self._fields)

    def field_of(self, column: int) -> str:
        return self._fields[column]

    def column_of(self, key: str) -> int | None:
        return self._fields.index(key) if key and key in self._fields else None

    def choose(self, column: int, key: str) -> int | None:
        """Give `column` the field `key`; returns the column that held it before (now ignored)."""
        before = self.column_of(key)
        if before == column:
            return None
        if before is not None:
            self._fields[before] = IGNORE
        self._fields[column] = key
        return before

    def mapping(self) -> dict[str, int]:
        return {key: column for column, key in enumerate(self._fields) if key}


class PreviewModel(QAbstractTableModel):
    """The mapping row, the header row and the first data rows, numbered as in the file."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SheetRow] = []  # the header row, then the data rows
        self._width = 0
        self._labels: list[str] = []  # the field label of each column ("" when ignored)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_preview(self, header: SheetRow, rows: Sequence[SheetRow], width: int) -> None:
        self.beginResetModel()
        self._rows = [header, *rows]
        self._width = width
        self._labels = [""] * width
        self.endResetModel()

    def set_labels(self, labels: Sequence[str]) -> None:
        """The chosen field of each column: shown under the combo box, greys ignored columns."""
        self._labels = list(labels)
        if self._rows and self._width:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows), self._width - 1))

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._width, self._labels = [], 0, []
        self.endResetModel()

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or not self._rows else 1 + len(self._rows)

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._width

    def cell(self, row: int, column: int) -> str:
        cells = self._rows[row - 1].cells
        return cells[column] if column < len(cells) else ""

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._labels[column] if row == MAPPING_ROW else self.cell(row, column)
        if row == MAPPING_ROW:
            return None
        if role == Qt.ItemDataRole.FontRole and row == MAPPING_ROW + 1:
            return self._bold  # the header row
        if role == Qt.ItemDataRole.ForegroundRole and not self._labels[column]:
            return UNMAPPED_COLOUR
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_letter(section)
        if section == MAPPING_ROW:
            return translate("ImportDialog", "Field")
        if not 0 < section <= len(self._rows):
            return None
        number = self._rows[section - 1].number
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(translate("ImportDialog", "Row %1 of the file"), number)
        return str(number)


class PreviewTable(QTableView):
    """The preview with a combo box per column over the mapping row."""

    field_chosen = Signal(int, str)  # column, field key ("" = ignore)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = PreviewModel(self)
        self.setModel(self.preview)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab goes from combo box to combo box
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.horizontalHeader().setHighlightSections(False)
        self._combos: list[QComboBox] = []
        self._labels: dict[str, str] = {}

    def set_content(
        self,
        loaded: LoadedFile,
        labels: Sequence[tuple[str, str]],
        choices: ColumnChoices,
    ) -> None:
        """Show `loaded` with a combo box per column offering `labels` (key, label)."""
        self._labels = dict(labels)
        self.preview.set_preview(loaded.header, loaded.preview, loaded.width)
        self._combos = []  # the view deleted the old ones at the reset
        metrics = self.fontMetrics()
        for column in range(loaded.width):
            combo = QComboBox()
            combo.addItem(translate("ImportDialog", "(ignore)"), IGNORE)
            for key, label in labels:
                combo.addItem(label, key)
            combo.setAccessibleName(
                fill(
                    translate("ImportDialog", "Field of column %1 (%2)"),
                    column_letter(column),
                    self.preview.cell(MAPPING_ROW + 1, column),
                )
            )
            combo.setCurrentIndex(max(0, combo.findData(choices.field_of(column))))
            combo.currentIndexChanged.connect(
                lambda _index, c=column, box=combo: self.field_chosen.emit(c, box.currentData())
            )
            self._combos.append(combo)
            self.setIndexWidget(self.preview.index(MAPPING_ROW, column), combo)
            header_width = metrics.horizontalAdvance(self.preview.cell(MAPPING_ROW + 1, column))
            self.setColumnWidth(column, min(260, max(combo.sizeHint().width(), header_width + 24)))
        if self._combos:
            self.setRowHeight(MAPPING_ROW, self._combos[0].sizeHint().height() + 4)
        self.show_choices(choices)

    def show_choices(self, choices: ColumnChoices) -> None:
        """Set every combo box to `choices` without emitting, and grey the ignored columns."""
        for column, combo in enumerate(self._combos):
            wanted = max(0, combo.findData(choices.field_of(column)))
            if combo.currentIndex() != wanted:
                combo.blockSignals(True)
                combo.setCurrentIndex(wanted)
                combo.blockSignals(False)
        self.preview.set_labels(
            [self._labels.get(choices.field_of(c), "") for c in range(choices.width)]
        )

    def combo(self, column: int) -> QComboBox:
        return self._combos[column]

    def clear(self) -> None:
        self._combos = []
        self.preview.clear()


class ColumnsStep(QWidget):
    """Which row is the header, the preview with its choices, and what is still missing."""

    changed = Signal()  # the user chose another field for a column

    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.loaded: LoadedFile | None = None
        self.choices: ColumnChoices | None = None
        self.info_label = message_label("importInfo")
        self.preview = PreviewTable()
        self.preview.field_chosen.connect(self.choose_field)
        self.missing_label = message_label("importMissing")
        self.note_label = message_label("importNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.info_label, self.preview, self.missing_label, self.note_label):
            layout.addWidget(widget, 1 if widget is self.preview else 0)

    def show_file(self, loaded: LoadedFile) -> None:
        self.loaded = loaded
        self.choices = ColumnChoices(loaded.width, loaded.mapping)
        labels = [(spec.key, self.kind.field_label(spec.key)) for spec in loaded.fields]
        self.preview.set_content(loaded, labels, self.choices)
        text = translate(
            "ImportDialog",
            "%1 data rows. Row %2 of the file is the header; the first %3 rows are shown. "
            "Choose the field of each column in the first line.",
        )
        say(
            self.info_label,
            fill(text, loaded.data_count, loaded.header.number, len(loaded.preview)),
        )
        say(self.note_label, "")
        self._show_missing()

    def clear(self) -> None:
        self.loaded = self.choices = None
        self.preview.clear()
        for label in (self.info_label, self.missing_label, self.note_label):
            say(label, "")

    def mapping(self) -> dict[str, int]:
        return self.choices.mapping() if self.choices is not None else {}

    def missing_fields(self) -> list[str]:
        """Labels of the required fields no column holds yet."""
        if self.loaded is None:
            return []
        missing = missing_required(self.mapping(), self.loaded.fields)
        return [self.kind.field_label(spec.key) for spec in missing]

    def choose_field(self, column: int, key: str) -> None:
        """The user chose `key` for `column`; a column that held it before is now ignored."""
        if self.choices is None:
            return
        before = self.choices.choose(column, key)
        note = ""
        if before is not None:
            note = fill(
                translate(
                    "ImportDialog",
                    "“%1” was the field of column %2 before; column %2 is now ignored.",
                ),
                self.kind.field_label(key),
                column_letter(before),
            )
        self.preview.show_choices(self.choices)
        say(self.note_label, note)
        self._show_missing()
        self.changed.emit()

    def _show_missing(self) -> None:
        missing = self.missing_fields()
        text = translate("ImportDialog", "Required, not chosen for any column yet: %1")
        say(self.missing_label, fill(text, "、".join(missing)) if missing else "")
