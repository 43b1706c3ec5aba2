"""Tier colours and the badge that draws them: the colour helps, the text always says it.

The policy colours (green, yellow, orange, red) come from the domain; the text colour on each is
picked for contrast, since white on the policy yellow would be hard to read.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from counselroom.domain.tiers import Tier
from counselroom.ui.labels import tier_full, tier_short

_PAD_X, _PAD_Y = 8, 3
TIER_ROLE = Qt.ItemDataRole.UserRole + 10  # the tier number, for the delegate


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@cache
def badge_colours(tier: int) -> tuple[QColor, QColor]:
    """(background, text) for a tier; the text colour is black or white, whichever reads better."""
    background = QColor(Tier.from_code(tier).colour_hex)
    black, white = QColor("#000000"), QColor("#FFFFFF")
    text = white if _contrast(background, white) >= _contrast(background, black) else black
    return background, text


IndexLike = QModelIndex | QPersistentModelIndex


class TierBadgeDelegate(QStyledItemDelegate):
    """Draws the cell's text in a rounded badge in the cell's background colour.

    Tier 0 is outlined rather than filled: most of a school is tier 0, and a column of solid
    green would pull the eye away from the few students who need attention.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: IndexLike) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(background, QColor) or not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.backgroundBrush = QBrush(Qt.BrushStyle.NoBrush)  # the badge carries the colour
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        metrics = opt.fontMetrics
        width = metrics.horizontalAdvance(str(text)) + 2 * _PAD_X
        height = min(metrics.height() + 2 * _PAD_Y, opt.rect.height() - 2)
        badge = QRect(0, 0, min(width, opt.rect.width() - 4), height)
        badge.moveCenter(opt.rect.center())
        badge.moveLeft(opt.rect.left() + 4)
        quiet = index.data(TIER_ROLE) == 0
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if quiet:
            painter.setPen(QPen(background, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            badge.adjust(1, 1, -1, -1)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        if quiet:
            painter.setPen(background)
        else:
            painter.setPen(foreground if isinstance(foreground, QColor) else QColor("#000000"))
        painter.setFont(opt.font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: IndexLike) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * _PAD_X + 8, max(size.height(), 2 * _PAD_Y + 18))


class TierBadge(QLabel):
    """The badge as a widget (the student file's header): number and name, policy colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tierBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tier: int | None = None

    def set_tier(self, tier: int) -> None:
        self.tier = tier
        background, text = badge_colours(tier)
        self.setText(f"{tier} {tier_full(tier)}")
        self.setAccessibleName(f"{tier_short(tier)} · {tier_full(tier)}")
        if tier == 0:  # outlined, as in the list: most students are tier 0
            fill_css = f"background: transparent; color: {background.name()};"
        else:
            fill_css = f"background: {background.name()}; color: {text.name()};"
        self.setStyleSheet(
            f"QLabel#tierBadge {{ {fill_css} border: 1.5px solid {background.name()};"
            " border-radius: 11px; padding: 2px 12px; font-weight: 600; }"
        )
