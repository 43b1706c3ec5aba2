"""审计: the audit log for administrators, filtered and read page by page.

The service refuses every other role; the page then shows why instead of an empty table.
Reading the log is itself audited by the service, so each page loaded adds one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from counselroom.services.audit_log import AuditRow, audit_entries
from counselroom.services.context import Context
from counselroom.services.users import list_users
from counselroom.ui.areas.audit_filters import AuditFilter, AuditFilterBar
from counselroom.ui.areas.audit_model import (
    COL_ACTION,
    COL_AT,
    COL_SEQ,
    COL_TARGET,
    COL_USER,
    AuditTableModel,
)
from counselroom.ui.areas.page_base import ContextSource, LoadingPage
from counselroom.ui.areas.table_kit import make_table_view
from counselroom.ui.i18n import fill
from counselroom.ui.named import named

PAGE_SIZE = 500

_SAMPLES = {
    COL_SEQ: "1000000",
    COL_AT: "2026-11-20 23:59:59",
    COL_USER: "counsellor01",
    COL_ACTION: "student.update_groups",
    COL_TARGET: "student:100000",
}


@dataclass(frozen=True)
class AuditPageData:
    usernames: tuple[str, ...]
    rows: list[AuditRow]


def _read(ctx: Context, wanted: AuditFilter, limit: int, before: int | None) -> list[AuditRow]:
    return audit_entries(
        ctx,
        username=wanted.username,
        action_prefix=wanted.action_prefix,
        since=wanted.since,
        until=wanted.until,
        limit=limit,
        before_seq=before,
    )


class AuditPage(LoadingPage):
    def __init__(
        self, handle: ContextSource, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(handle, "", parent)
        self.title_label.setText(self.tr("Audit log"))
        self.subtitle_label.setText(
            self.tr("Every sign-in, view, print, export and change, newest first")
        )
        self.page_size = page_size
        self.shown_filter = AuditFilter()  # the filter of the rows on screen
        self.more_available = False
        self.filters = AuditFilterBar()
        self.filters.applied.connect(self.reload)
        self.model = AuditTableModel(self)
        self.view = make_table_view(self, self.model, widths=_SAMPLES)
        self.empty_label = named(QLabel(), "emptyNote")
        self.empty_label.hide()
        self.count_label = named(QLabel(), "auditCount")
        self.more_button = QPushButton(self.tr("Load &more"))
        self.more_button.setEnabled(False)
        self.more_button.clicked.connect(self.load_more)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.more_button)
        self.content_layout.addWidget(self.filters)
        self.content_layout.addWidget(self.empty_label)
        self.content_layout.addWidget(self.view, 1)
        self.content_layout.addLayout(footer)

    def denied_text(self) -> str:
        return self.tr("The audit log is open to administrators only.")

    # -- loading -------------------------------------------------------------------------------

    def load_plan(self) -> tuple[Callable[[Context], object], Callable[[Any], None]] | None:
        wanted, limit = self.filters.current(), self.page_size
        if wanted.since and wanted.until and wanted.until < wanted.since:
            self.state_label.setText(self.tr("The end date is before the start date."))
            return None

        def fetch(ctx: Context) -> AuditPageData:
            rows = _read(ctx, wanted, limit, None)
            return AuditPageData(tuple(user.username for user in list_users(ctx)), rows)

        def deliver(result: AuditPageData) -> None:
            self.filters.set_usernames(result.usernames)
            self.shown_filter = wanted
            self.model.set_rows(result.rows)
            self._page_arrived(len(result.rows))

        return fetch, deliver

    def load_more(self) -> None:
        """The next page of older entries, with the filter of the rows already shown."""
        last = self.model.last_seq()
        if last is None or not self.more_available:
            return
        wanted, limit = self.shown_filter, self.page_size
        self.start_load(lambda ctx: _read(ctx, wanted, limit, last), self._more_arrived)

    def _more_arrived(self, rows: list[AuditRow]) -> None:
        self.model.append_rows(rows)
        self._page_arrived(len(rows))

    def _page_arrived(self, count: int) -> None:
        self.more_available = count >= self.page_size
        self.more_button.setEnabled(self.more_available)
        total = self.model.rowCount()
        text = fill(self.tr("%1 entries shown"), total)
        if self.more_available:
            text += " · " + self.tr("older entries can be loaded")
        self.count_label.setText(text)
        self.empty_label.setText(
            self.tr("No entry matches the filter.")
            if self.shown_filter.active
            else self.tr("The audit log is empty.")
        )
        self.empty_label.setVisible(total == 0)

    def clear_content(self) -> None:
        self.model.clear()
        self.more_available = False
        self.more_button.setEnabled(False)
        self.count_label.clear()
        self.empty_label.hide()
        self.filters.set_usernames(())
