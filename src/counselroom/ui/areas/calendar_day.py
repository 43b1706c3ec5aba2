"""One day of the week calendar: a dated header over a scrolling list of cards.

A card is two to four short lines — time and kind, the student and class, for a notification
task whom to tell, and for an overdue item (all in red) how late it is — beside a stripe and a
badge in the tier's colour, the badge carrying the tier's number so the colour is never the
only signal. Seven columns share about 1,150 pixels at 1366×768, so every line is elided
rather than wrapped, and the full text is the tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from counselroom.services.calendar import CalendarItem
from counselroom.services.localtime import to_local
from counselroom.ui.areas.codes import recipient_label
from counselroom.ui.areas.table_kit import OVERDUE_COLOUR, ROW_ROLE, overdue_marker
from counselroom.ui.i18n import fill
from counselroom.ui.labels import tier_full, tier_short
from counselroom.ui.named import named
from counselroom.ui.tier_badge import TIER_ROLE, badge_colours

translate = QCoreApplication.translate
IndexLike = QModelIndex | QPersistentModelIndex

LINES_ROLE = Qt.ItemDataRole.UserRole + 20  # the card's lines, list[str]
_STRIPE, _PAD, _GAP = 4, 6, 3


def kind_label(kind: str) -> str:
    names = {
        "follow_up": translate("calendar", "Follow-up"),
        "appointment": translate("calendar", "Appointment"),
        "plan_review": translate("calendar", "Plan review"),
        "task": translate("calendar", "Notification task"),
    }
    return names.get(kind, kind)


def item_lines(item: CalendarItem, today: date) -> list[str]:
    """Time and kind; student and class; whom to tell (a task); how late (overdue)."""
    head = kind_label(item.kind)
    if item.at is not None:
        head = f"{to_local(item.at):%H:%M} {head}"
    lines = [head, f"{item.name} {item.class_label}".strip()]
    if item.kind == "task":
        lines.append(fill(translate("calendar", "Notify %1"), recipient_label(item.detail)))
    if item.overdue:  # on its own line: an elided first line must not hide it
        lines.append(overdue_marker((today - item.day).days))
    return lines


class DayModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[CalendarItem] = []
        self.today = date.today()

    def set_items(self, items: Sequence[CalendarItem], today: date) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == LINES_ROLE:
            return item_lines(item, self.today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(item_lines(item, self.today))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                [*item_lines(item, self.today), f"{tier_short(item.tier)} · {tier_full(item.tier)}"]
            )
        if role == ROW_ROLE:
            return item
        if role == TIER_ROLE:
            return item.tier
        if role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_COLOUR if item.overdue else None
        return None


class CardDelegate(QStyledItemDelegate):
    """Paints a card: tier stripe, bold first line with the tier badge, then the other lines."""

    def sizeHint(self, option: QStyleOptionViewItem, index: IndexLike) -> QSize:
        lines = index.data(LINES_ROLE) or [""]
        line = option.fontMetrics.height()
        return QSize(120, len(lines) * line + (len(lines) - 1) + 2 * _PAD + _GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: IndexLike) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        lines: list[str] = index.data(LINES_ROLE) or []
        tier = int(index.data(TIER_ROLE) or 0)
        colour, on_colour = badge_colours(tier)
        rect = opt.rect.adjusted(0, 1, 0, -_GAP)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRect(rect.left(), rect.top(), _STRIPE, rect.height()), colour)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        # initStyleOption put an overdue card's red (ForegroundRole) into the palette's text
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = opt.palette.color(role)
        metrics = opt.fontMetrics
        line = metrics.height()
        badge_text = str(tier)
        badge_w = metrics.horizontalAdvance(badge_text) + 10
        left = rect.left() + _STRIPE + _PAD
        width = rect.right() - left - _PAD
        top = rect.top() + _PAD
        # the badge, at the right of the first line: filled, or outlined for tier 0
        badge = QRect(rect.right() - _PAD - badge_w, top, badge_w, line)
        if tier == 0:
            painter.setPen(colour)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(badge.adjusted(0, 0, -1, -1), line / 2, line / 2)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(badge, line / 2, line / 2)
            painter.setPen(on_colour)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        for number, text in enumerate(lines):
            font = QFont(opt.font)
            room = width - (badge_w + _PAD if number == 0 else 0)
            font.setBold(number == 0)
            painter.setPen(text_colour)
            painter.setFont(font)
            shown = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
            box = QRect(left, top + number * (line + 1), room, line)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.restore()


class DayColumn(QFrame):
    """The header (weekday, date, count) and the day's cards; today's column is marked."""

    open_student = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayColumn")
        self.day: date | None = None
        self.header = named(QLabel(), "dayHeader")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.model = DayModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMinimumWidth(90)
        self.view.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)

    def set_day(self, day: date, items: Sequence[CalendarItem], today: date) -> None:
        self.day = day
        self.model.set_items(items, today)
        locale = QLocale()
        weekday = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
        text = fill(translate("calendar", "%1 %2/%3"), weekday, day.month, day.day)
        if items:
            text += "  " + fill(translate("calendar", "(%1)"), len(items))
        self.header.setText(text)
        self.header.setToolTip(
            locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        )
        self._mark_today(day == today)

    def clear(self) -> None:
        self.day = None
        self.model.set_items((), date.today())
        self.header.clear()
        self._mark_today(False)

    @property
    def is_today(self) -> bool:
        return bool(self.property("today"))

    def _mark_today(self, today: bool) -> None:
        for widget in (self, self.header):
            widget.setProperty("today", today)
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_student.emit(self.model.items[index.row()].student_id)
