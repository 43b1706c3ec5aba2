"""The navigation: the list on the left and the stack of pages it switches between.

A list rather than icons alone: words are what a counsellor looks for, and a list gets arrow
keys, type-ahead and screen-reader names for free. Ctrl+1 … Ctrl+9 jump to a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from counselroom.ui.pages import PageSpec
from counselroom.ui.session import SessionHandle

KEY_ROLE = Qt.ItemDataRole.UserRole

_STYLE = """
QListWidget#navigation { background: #ECEFF1; border: none; border-right: 1px solid #CFD8DC;
                         outline: 0; padding-top: 8px; }
QListWidget#navigation::item { padding: 9px 18px; border-left: 4px solid transparent;
                               color: #263238; }
QListWidget#navigation::item:selected { background: #FFFFFF; color: #0D47A1;
                                        border-left: 4px solid #1565C0; font-weight: 600; }
QListWidget#navigation::item:hover:!selected { background: #E3EAEE; }
"""


class NavList(QListWidget):
    page_selected = Signal(str)  # the page's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Navigation"))
        self.setStyleSheet(_STYLE)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.currentItemChanged.connect(self._changed)
        self._shortcuts: list[QShortcut] = []

    def set_pages(self, pages: Sequence[tuple[str, str]]) -> None:
        """(key, shown title) per page, in order; keeps the current page if it is still there."""
        current = self.current_key()
        self.blockSignals(True)
        self.clear()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._shortcuts = []
        for number, (key, title) in enumerate(pages, start=1):
            item = QListWidgetItem(title)
            item.setData(KEY_ROLE, key)
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 20))
            if number <= 9:
                item.setToolTip(f"{title} (Ctrl+{number})")
                # Parented to the list: active while the list's window is, off while locked.
                shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
                shortcut.activated.connect(lambda k=key: self.select(k))
                self._shortcuts.append(shortcut)
            self.addItem(item)
        self.blockSignals(False)
        widest = max((self.fontMetrics().horizontalAdvance(t) for _k, t in pages), default=60)
        self.setFixedWidth(max(widest + 64, 120))
        if current and self.select(current):
            return
        if self.count():
            self.setCurrentRow(0)

    def keys(self) -> list[str]:
        return [self.item(row).data(KEY_ROLE) for row in range(self.count())]

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def select(self, key: str) -> bool:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                self.setCurrentRow(row)
                return True
        return False

    def _changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.page_selected.emit(current.data(KEY_ROLE))


def call_own(page: QWidget, name: str) -> bool:
    """Call the page's own `name()`; Qt's methods (QLabel.clear, QLineEdit.clear) do not count."""
    for cls in type(page).__mro__:
        if name in vars(cls):
            if cls.__module__.startswith(("PySide6.", "shiboken6")):
                return False
            getattr(page, name)()
            return True
    return False


class PageStack(QStackedWidget):
    """The pages the navigation switches between, built when first shown (see `ui.pages`).

    Keeps which pages must read the vault again (`reload()`) the next time they show, and each
    page's status text and busy state, passing on those of the page on screen.
    """

    open_student = Signal(int)
    status_changed = Signal(str)  # the page on screen's status text
    busy_changed = Signal(bool)
    message = Signal(str)

    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self._specs: dict[str, PageSpec] = {}
        self._pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self._status: dict[str, str] = {}
        self._busy: dict[str, bool] = {}
        self._current: str | None = None

    def set_specs(self, specs: Sequence[PageSpec]) -> None:
        """The pages the signed-in user may see; built pages not among them are destroyed."""
        self._specs = {spec.key: spec for spec in specs}
        for key in [k for k in self._pages if k not in self._specs]:
            self.drop(key)

    def page(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    def build(self, key: str) -> QWidget | None:
        """The page, built now if it was not (None if this user may not see it)."""
        if key in self._pages:
            return self._pages[key]
        spec = self._specs.get(key)
        if spec is None:
            return None
        page = spec.factory(self.handle)
        for name, slot in (
            ("open_student", self.open_student.emit),
            ("status_changed", lambda text, k=key: self._page_status(k, text)),
            ("busy_changed", lambda busy, k=key: self._page_busy(k, busy)),
            ("message", lambda text, k=key: self._page_message(k, text)),
        ):
            signal = getattr(page, name, None)
            if isinstance(signal, SignalInstance):
                signal.connect(slot)
        self.addWidget(page)
        self._pages[key] = page
        self._stale.add(key)
        return page

    def drop(self, key: str) -> None:
        page = self._pages.pop(key)
        self._stale.discard(key)
        self._status.pop(key, None)
        self._busy.pop(key, None)
        self.removeWidget(page)
        page.setParent(None)
        page.deleteLater()

    def show_page(self, key: str) -> bool:
        """Bring `key` on screen, reading the vault if it is stale; False if not allowed."""
        page = self.build(key)
        if page is None:
            return False
        self._current = key
        self.setCurrentWidget(page)
        self.status_changed.emit(self._status.get(key, ""))
        self.busy_changed.emit(self._busy.get(key, False))
        self.message.emit("")
        if key in self._stale:
            self._stale.discard(key)
            call_own(page, "reload")
        return True

    @property
    def current_key(self) -> str | None:
        return self._current

    def call_current(self, name: str) -> bool:
        page = self._pages.get(self._current or "")
        return page is not None and call_own(page, name)

    def mark_stale(self) -> None:
        """Every built page reads the vault again when next shown."""
        self._stale.update(self._pages)

    def invalidate(self) -> None:
        """Every page reads the vault again when next shown; the one on screen at once."""
        self.mark_stale()
        if self._current is not None and self._current in self._pages:
            self.show_page(self._current)

    def clear_for_lock(self) -> None:
        """Forget what the pages show: `clear()` where a page has one, else destroy it."""
        for key, page in list(self._pages.items()):
            if call_own(page, "clear"):
                self._stale.add(key)
            else:
                self.drop(key)
        self._status.clear()
        self._busy.clear()

    def drop_all(self) -> None:
        for key in list(self._pages):
            self.drop(key)

    def _page_status(self, key: str, text: str) -> None:
        self._status[key] = text
        if key == self._current:
            self.status_changed.emit(text)

    def _page_busy(self, key: str, busy: bool) -> None:
        self._busy[key] = busy
        if key == self._current:
            self.busy_changed.emit(busy)

    def _page_message(self, key: str, text: str) -> None:
        if key == self._current:
            self.message.emit(text)
