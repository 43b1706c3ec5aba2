"""The audit page's filter bar: user, action prefix, date range; applied with one button."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from counselroom.services.localtime import local_today

# The action families the services write; the field also takes any other prefix.
ACTION_PREFIXES = (
    "login",
    "student.",
    "user.",
    "audit.",
    "policy.",
    "vault.",
    "document.",
    "export",
    "import",
    "backup",
    "demo.",
)


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    action_prefix: str | None = None
    since: date | None = None
    until: date | None = None

    @property
    def active(self) -> bool:
        return any(
            v is not None for v in (self.username, self.action_prefix, self.since, self.until)
        )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AuditFilterBar(QWidget):
    applied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_box = QComboBox()
        self.user_box.setMinimumContentsLength(10)
        self.set_usernames(())
        self.action_box = QComboBox()
        self.action_box.setEditable(True)
        self.action_box.addItem("")
        self.action_box.addItems(ACTION_PREFIXES)
        self.action_box.setMinimumContentsLength(12)
        line = self.action_box.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("any action"))
            line.returnPressed.connect(self.applied)
        self.action_box.setToolTip(
            self.tr("Entries whose action starts with this text, e.g. “student.” or “login”")
        )
        today = local_today()
        self.since_check = QCheckBox(self.tr("From"))
        self.since_edit = self._date_edit(today - timedelta(days=30))
        self.until_check = QCheckBox(self.tr("to"))
        self.until_edit = self._date_edit(today)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.apply_button = QPushButton(self.tr("&Filter"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.applied)
        self.reset_button = QPushButton(self.tr("&Show all"))
        self.reset_button.clicked.connect(self.reset)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("User:")))
        layout.addWidget(self.user_box)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Action:")))
        layout.addWidget(self.action_box)
        layout.addSpacing(8)
        layout.addWidget(self.since_check)
        layout.addWidget(self.since_edit)
        layout.addWidget(self.until_check)
        layout.addWidget(self.until_edit)
        layout.addSpacing(8)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        return edit

    def set_usernames(self, names: tuple[str, ...] | list[str]) -> None:
        """Offer these accounts; the current choice is kept when it is still offered."""
        current = self.user_box.currentData()
        self.user_box.clear()
        self.user_box.addItem(self.tr("all users"), None)
        for name in names:
            self.user_box.addItem(name, name)
        index = self.user_box.findData(current)
        self.user_box.setCurrentIndex(max(index, 0))

    def set_username(self, name: str | None) -> None:
        index = self.user_box.findData(name)
        if index < 0 and name is not None:
            self.user_box.addItem(name, name)
            index = self.user_box.count() - 1
        self.user_box.setCurrentIndex(max(index, 0))

    def set_dates(self, since: date | None, until: date | None) -> None:
        for check, edit, day in (
            (self.since_check, self.since_edit, since),
            (self.until_check, self.until_edit, until),
        ):
            check.setChecked(day is not None)
            if day is not None:
                edit.setDate(_qdate(day))

    def current(self) -> AuditFilter:
        user = self.user_box.currentData()
        prefix = self.action_box.currentText().strip()
        return AuditFilter(
            username=user if isinstance(user, str) and user else None,
            action_prefix=prefix or None,
            since=_pydate(self.since_edit.date()) if self.since_check.isChecked() else None,
            until=_pydate(self.until_edit.date()) if self.until_check.isChecked() else None,
        )

    def reset(self) -> None:
        self.user_box.setCurrentIndex(0)
        self.action_box.setCurrentText("")
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self.applied.emit()
