"""Editors of screening cut-off values: a spin box that ignores a passing mouse wheel, the
severity bands of a questionnaire, and the MHT item key as a 10×10 grid of check boxes.

Kept apart from the settings group that arranges and saves them (ui/settings_screening.py).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from counselroom.domain.cutoffs import (
    MHT_ITEM_COUNT,
    Band,
    Severity,
)
from counselroom.ui.i18n import fill


def plain_label(text: str) -> str:
    """A form label as words in a message: no mnemonic — "&F" in English, "(&F)" after a
    Chinese label — and no trailing colon."""
    text = re.sub(r"\(&[^&]\)", "", text)
    return re.sub(r"&(.)", r"\1", text).rstrip(":：").strip()


KEY_COLUMNS = 10  # ten rows of ten: items 1-10, 11-20, … as on a printed answer key


class CutoffSpin(QSpinBox):
    """A spin box that ignores the mouse wheel until clicked into.

    The settings page scrolls; without this, scrolling past a cut-off would change it
    unnoticed and the next Save would store the change.
    """

    def __init__(self, minimum: int, maximum: int) -> None:
        super().__init__()
        self.setRange(minimum, maximum)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A two-digit number in a field as wide as the page reads as a text field.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the scroll area scrolls instead

    def set_editable(self, editable: bool) -> None:
        self.setReadOnly(not editable)
        self.setButtonSymbols(
            QSpinBox.ButtonSymbols.UpDownArrows if editable else QSpinBox.ButtonSymbols.NoButtons
        )


class BandsEditor(QWidget):
    """The lower bounds of a questionnaire's severity bands; the first band always starts at 0."""

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.maximum = maximum
        self.spins: list[CutoffSpin] = []
        self._severities: tuple[Severity, ...] = ()
        self._editable = True
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def severity_name(self, severity: Severity) -> str:
        names = {
            Severity.NONE: self.tr("none"),
            Severity.MILD: self.tr("mild"),
            Severity.MODERATE: self.tr("moderate"),
            Severity.MODERATELY_SEVERE: self.tr("moderately severe"),
            Severity.SEVERE: self.tr("severe"),
        }
        return names[severity]

    def set_bands(self, bands: tuple[Band, ...]) -> None:
        severities = tuple(band.severity for band in bands)
        if severities != self._severities:  # the defaults' shape, unless a policy differs
            self._rebuild(severities)
        for spin, band in zip(self.spins, bands[1:], strict=True):
            spin.setValue(band.lower)

    def _rebuild(self, severities: tuple[Severity, ...]) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self._severities = severities
        self.spins = []
        for severity in severities[1:]:
            spin = CutoffSpin(0, self.maximum)
            spin.setAccessibleName(self.severity_name(severity))
            spin.set_editable(self._editable)
            label = QLabel(fill(self.tr("%1 from"), self.severity_name(severity)))
            label.setBuddy(spin)
            self._layout.addWidget(label)
            self._layout.addWidget(spin)
            self.spins.append(spin)
        self._layout.addStretch(1)

    def bands(self) -> tuple[Band, ...]:
        lowers = [0, *(spin.value() for spin in self.spins)]
        return tuple(Band(lower, sev) for lower, sev in zip(lowers, self._severities, strict=True))

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for spin in self.spins:
            spin.set_editable(editable)

    def focus_field(self, field: str) -> None:
        """Put the cursor in the band a refused key path names ("….bands[2].lower")."""
        match = re.search(r"\[(\d+)\]", field)
        index = int(match.group(1)) - 1 if match else 0  # band 0 has no spin box
        if self.spins:
            self.spins[min(max(index, 0), len(self.spins) - 1)].setFocus()


class ItemKeyEditor(QWidget):
    """The MHT item key as a 10×10 grid: a ticked item scores a point when answered 是."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.boxes: list[QCheckBox] = []
        for index in range(MHT_ITEM_COUNT):
            box = QCheckBox(str(index + 1))
            box.setToolTip(fill(self.tr("Item %1: ticked, 是 scores a point"), index + 1))
            grid.addWidget(box, index // KEY_COLUMNS, index % KEY_COLUMNS)
            self.boxes.append(box)

    def set_key(self, key: str) -> None:
        for box, char in zip(self.boxes, key, strict=True):
            box.setChecked(char == "1")

    def key(self) -> str:
        return "".join("1" if box.isChecked() else "0" for box in self.boxes)

    def set_editable(self, editable: bool) -> None:
        # Not disabled (grey): a counsellor should read the key as clearly as an administrator.
        for box in self.boxes:
            box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not editable)
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus if editable else Qt.FocusPolicy.NoFocus)
