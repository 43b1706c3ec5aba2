"""The filters above the student list: grade, class (of that grade), tier, care group, status.

What a filter compares is precomputed per row once per load (`row_keys`), so applying a filter
to 20,000 students is one comparison per row and criterion; the criteria and the search are then
combined as big integers (`and_masks`), one C-level operation for the whole school.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from counselroom.domain.groups import CareGroup
from counselroom.domain.tiers import Tier
from counselroom.services.students import StudentRow
from counselroom.ui.labels import status_label, tier_full
from counselroom.ui.named import named

STATUSES = ("enrolled", "on_leave", "transferred", "graduated")


class RowKeys(NamedTuple):
    grade_level: int | None
    class_label: str
    tier: int
    status: str
    groups: frozenset[str]


def row_keys(row: StudentRow) -> RowKeys:
    return RowKeys(row.grade_level, row.class_label, row.tier, row.status, frozenset(row.groups))


@dataclass(frozen=True)
class FilterSpec:
    """The chosen value of each filter; None means "all"."""

    grade_level: int | None = None
    class_label: str | None = None
    tier: int | None = None
    group: str | None = None
    status: str | None = None

    @property
    def active(self) -> bool:
        return self != FilterSpec()


def and_masks(masks: Sequence[bytearray]) -> bytearray:
    """Row-wise AND of 0/1 byte masks of equal length."""
    if len(masks) == 1:
        return masks[0]
    size = len(masks[0])
    combined = int.from_bytes(masks[0], "little")
    for mask in masks[1:]:
        combined &= int.from_bytes(mask, "little")
    return bytearray(combined.to_bytes(size, "little"))


def filter_mask(spec: FilterSpec, keys: Sequence[RowKeys]) -> bytearray | None:
    """1 for each row that passes every active filter; None when no filter is active."""
    masks: list[bytearray] = []
    if spec.grade_level is not None:
        masks.append(bytearray(k.grade_level == spec.grade_level for k in keys))
    if spec.class_label is not None:
        masks.append(bytearray(k.class_label == spec.class_label for k in keys))
    if spec.tier is not None:
        masks.append(bytearray(k.tier == spec.tier for k in keys))
    if spec.group is not None:
        masks.append(bytearray(spec.group in k.groups for k in keys))
    if spec.status is not None:
        masks.append(bytearray(k.status == spec.status for k in keys))
    return and_masks(masks) if masks else None


class StudentFilters(QWidget):
    """A row of combo boxes; each starts at "all …", and "Clear filters" returns them there."""

    filters_changed = Signal(object)  # FilterSpec

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec = FilterSpec()
        self._classes: list[tuple[int | None, str]] = []  # (grade level, label), in class order
        self.grade_combo = self._combo("gradeFilter", self.tr("Filter by grade"))
        self.class_combo = self._combo("classFilter", self.tr("Filter by class"))
        self.tier_combo = self._combo("tierFilter", self.tr("Filter by tier"))
        self.group_combo = self._combo("groupFilter", self.tr("Filter by care group"))
        self.status_combo = self._combo("statusFilter", self.tr("Filter by status"))
        self.clear_button = named(QPushButton(self.tr("Clear filters")), "clearFilters")
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clear)
        self._fill_fixed_choices()
        self._fill_grades([])
        self._fill_classes(None)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for combo in self._combos():
            layout.addWidget(combo)
        layout.addWidget(self.clear_button)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._changed)
        self.grade_combo.currentIndexChanged.connect(self._grade_changed)
        # A chosen filter reads bold, so a list that looks short says why at a glance.
        self.setStyleSheet('QComboBox[active="true"] { font-weight: 600; }')

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = named(QComboBox(self), name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        combo.setMaxVisibleItems(20)
        return combo

    def _combos(self) -> tuple[QComboBox, ...]:
        return (
            self.grade_combo,
            self.class_combo,
            self.tier_combo,
            self.group_combo,
            self.status_combo,
        )

    # -- choices -----------------------------------------------------------------------------

    def _fill_fixed_choices(self) -> None:
        self.tier_combo.addItem(self.tr("All tiers"), None)
        for tier in Tier:
            self.tier_combo.addItem(f"{int(tier)} {tier_full(tier)}", int(tier))
        self.group_combo.addItem(self.tr("All care groups"), None)
        for group in CareGroup:
            self.group_combo.addItem(group.label_zh, group.value)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)

    def set_rows(self, rows: Iterable[StudentRow]) -> None:
        """Offer the grades and classes that occur; a choice that still occurs is kept."""
        grades: dict[int, str] = {}
        classes: dict[str, tuple[int, int, int | None]] = {}
        for row in rows:
            if row.grade_level is not None:
                grades.setdefault(row.grade_level, row.grade)
            if row.class_label and row.class_label not in classes:
                classes[row.class_label] = (*_class_order(row), row.grade_level)
        ordered = sorted(classes.items(), key=lambda item: item[1][:2])
        self._classes = [(level, label) for label, (_g, _n, level) in ordered]
        for combo in self._combos():
            combo.blockSignals(True)
        try:
            self._fill_grades(sorted(grades.items()))
            self._fill_classes(self.grade_combo.currentData())
        finally:
            for combo in self._combos():
                combo.blockSignals(False)
        self._changed()

    def _fill_grades(self, grades: list[tuple[int, str]]) -> None:
        _refill(self.grade_combo, [(self.tr("All grades"), None), *((g, lv) for lv, g in grades)])

    def _fill_classes(self, grade_level: int | None) -> None:
        choices: list[tuple[str, object]] = [(self.tr("All classes"), None)]
        choices += [
            (label, label)
            for level, label in self._classes
            if grade_level is None or level == grade_level
        ]
        _refill(self.class_combo, choices)

    def _grade_changed(self) -> None:
        self.class_combo.blockSignals(True)
        try:
            self._fill_classes(self.grade_combo.currentData())
        finally:
            self.class_combo.blockSignals(False)
        self._changed()

    # -- state -------------------------------------------------------------------------------

    @property
    def spec(self) -> FilterSpec:
        return self._spec

    def _read(self) -> FilterSpec:
        return FilterSpec(
            grade_level=self.grade_combo.currentData(),
            class_label=self.class_combo.currentData(),
            tier=self.tier_combo.currentData(),
            group=self.group_combo.currentData(),
            status=self.status_combo.currentData(),
        )

    def _changed(self) -> None:
        spec = self._read()
        self.clear_button.setEnabled(spec.active)
        for combo in self._combos():
            combo.setProperty("active", combo.currentIndex() > 0)
            combo.style().unpolish(combo)
            combo.style().polish(combo)
        if spec != self._spec:
            self._spec = spec
            self.filters_changed.emit(spec)

    def set_spec(self, spec: FilterSpec) -> None:
        """Choose the given values (a value not offered falls back to "all"); one signal."""
        for combo in self._combos():
            combo.blockSignals(True)
        try:
            _choose(self.grade_combo, spec.grade_level)
            self._fill_classes(self.grade_combo.currentData())
            _choose(self.class_combo, spec.class_label)
            _choose(self.tier_combo, spec.tier)
            _choose(self.group_combo, spec.group)
            _choose(self.status_combo, spec.status)
        finally:
            for combo in self._combos():
                combo.blockSignals(False)
        self._changed()

    def clear(self) -> None:
        self.set_spec(FilterSpec())


def _class_order(row: StudentRow) -> tuple[int, int]:
    digits = "".join(ch if ch.isdigit() else " " for ch in row.class_label).split()
    return (row.grade_level or 99, int(digits[0]) if digits else 0)


def _refill(combo: QComboBox, choices: Sequence[tuple[str, object]]) -> None:
    """Replace the items, keeping the current choice when it is still offered."""
    current = combo.currentData()
    combo.clear()
    for text, data in choices:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))


def _choose(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
