"""The wording of one template: a text box per part (title, body, receipt), the placeholders it
accepts beside them, and the wording problem in red under them.

A click on a placeholder writes it at the cursor: typing {学生姓名} by hand is where the
mistakes come from. A problem names its part and line; the line is marked in the text and the
part's tab turns red, so a long body does not have to be searched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from counselroom.documents.templates import TemplateSpec
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.problem_text import error_text
from counselroom.ui.settings_templates_model import leading_blank_lines, problem_place

translate = QCoreApplication.translate
PROBLEM_COLOUR = QColor("#B71C1C")
LINE_MARK = QColor("#FFCDD2")


def part_label(part: str) -> str:
    """A part's name in the window's language (an unknown part is shown by its key)."""
    names = {
        "title": translate("TemplateEditor", "Title"),
        "body": translate("TemplateEditor", "Body"),
        "receipt": translate("TemplateEditor", "Receipt (回执)"),
    }
    return names.get(part, part)


def problem_message(exc: BaseException, part: str | None, line: int | None) -> str:
    """The problem in the window's language with where it is: "Body, line 3: …"."""
    name = getattr(exc, "placeholder", "")
    if name in ("{", "}", "{}"):
        text = fill(
            translate(
                "TemplateEditor",
                "a lone “%1”. A placeholder is written {name}; a brace printed as it is, {{ or }}.",
            ),
            name,
        )
    elif name:
        text = fill(
            translate(
                "TemplateEditor",
                "{%1} is not a placeholder of this document. Choose one from the list.",
            ),
            name,
        )
    elif part == "title" and line is None and "empty" in str(exc):
        text = translate("TemplateEditor", "the title is empty.")
    else:
        text = error_text(exc, record=False)
    if part is not None and line is not None:
        return fill(translate("TemplateEditor", "%1, line %2: %3"), part_label(part), line, text)
    if part is not None:
        return fill(translate("TemplateEditor", "%1: %2"), part_label(part), text)
    return text


class TemplateList(QListWidget):
    """The documents whose wording can be edited, by their printed (Chinese) titles."""

    def __init__(self, specs: Sequence[TemplateSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Documents"))
        for spec in specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.key)
            self.addItem(item)
        self.setFixedWidth(self.sizeHintForColumn(0) + 32)

    def key_at(self, row: int) -> str | None:
        item = self.item(row)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))


class WordingEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec: TemplateSpec | None = None
        self.editors: dict[str, QPlainTextEdit] = {}
        self._read_only = False
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.placeholders = QListWidget()
        self.placeholders.setAccessibleName(self.tr("Placeholders"))
        self.placeholders.itemActivated.connect(self.insert_placeholder)
        self.placeholders.itemClicked.connect(self.insert_placeholder)
        width = self.placeholders.fontMetrics().horizontalAdvance("{" + "监" * 7 + "}")
        self.placeholders.setFixedWidth(width + 40)  # the longest names stay whole
        self.placeholder_note = named(QLabel(), "note")
        self.placeholder_note.setWordWrap(True)
        self.placeholder_note.setText(
            self.tr("Click to write it at the cursor. {{ and }} print a brace.")
        )
        self.problem = named(QLabel(), "problem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Placeholders:")))
        side.addWidget(self.placeholders, 1)
        side.addWidget(self.placeholder_note)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.tabs, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.problem)

    def set_spec(self, spec: TemplateSpec) -> None:
        """Show the parts and placeholders of `spec` (the texts are empty until `set_parts`)."""
        self.spec = spec
        self.tabs.clear()
        for editor in self.editors.values():
            editor.deleteLater()
        self.editors = {}
        for part in spec.parts:
            editor = QPlainTextEdit()
            editor.setObjectName(f"templatePart_{part}")
            editor.setAccessibleName(part_label(part))
            editor.setTabChangesFocus(True)
            editor.setReadOnly(self._read_only)
            editor.textChanged.connect(self.edited)
            self.editors[part] = editor
            self.tabs.addTab(editor, part_label(part))
        self.placeholders.clear()
        for name in spec.placeholders:
            item = QListWidgetItem("{" + name + "}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.placeholders.addItem(item)
        self.show_problem(None)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for editor in self.editors.values():
            editor.setReadOnly(read_only)
        self.placeholder_note.setVisible(not read_only)

    # -- text --------------------------------------------------------------------------------

    def parts(self) -> dict[str, str]:
        return {part: editor.toPlainText() for part, editor in self.editors.items()}

    def set_parts(self, parts: Mapping[str, str]) -> None:
        """Replace every part's text (a part `parts` lacks becomes empty)."""
        for part, editor in self.editors.items():
            editor.blockSignals(True)  # one `edited` for the whole change, not one per part
            editor.setPlainText(parts.get(part, ""))
            editor.blockSignals(False)
        self.edited.emit()

    def current_editor(self) -> QPlainTextEdit | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, QPlainTextEdit) else None

    def insert_placeholder(self, item: QListWidgetItem) -> None:
        editor = self.current_editor()
        if editor is None or self._read_only:
            return
        editor.insertPlainText("{" + str(item.data(Qt.ItemDataRole.UserRole)) + "}")
        editor.setFocus()

    # -- problems ----------------------------------------------------------------------------

    def place(self, exc: BaseException) -> tuple[str | None, int | None]:
        """The part and the line in its text box (the check counts after leading blank lines)."""
        part, line = problem_place(exc, list(self.editors))
        if part is not None and line is not None:
            line += leading_blank_lines(self.editors[part].toPlainText())
        return part, line

    def show_problem(self, exc: BaseException | None) -> None:
        """Show `exc` in red under the texts and mark its line; None clears the marks."""
        for index in range(self.tabs.count()):
            self.tabs.tabBar().setTabTextColor(index, QColor())
        for editor in self.editors.values():
            editor.setExtraSelections([])
        if exc is None:
            self.problem.clear()
            self.problem.hide()
            return
        part, line = self.place(exc)
        self.problem.setText(problem_message(exc, part, line))
        self.problem.show()
        if part is None:
            return
        self.tabs.tabBar().setTabTextColor(list(self.editors).index(part), PROBLEM_COLOUR)
        if line is not None:
            self._mark_line(self.editors[part], line)

    def problem_text(self) -> str:
        return self.problem.text() if not self.problem.isHidden() else ""

    def go_to_problem(self, exc: BaseException) -> None:
        """Show the part a refused save names and put the cursor on its line."""
        part, line = self.place(exc)
        if part is None:
            return
        editor = self.editors[part]
        self.tabs.setCurrentWidget(editor)
        if line is not None:
            block = editor.document().findBlockByNumber(line - 1)
            if block.isValid():
                editor.setTextCursor(QTextCursor(block))
        editor.setFocus()

    @staticmethod
    def _mark_line(editor: QPlainTextEdit, line: int) -> None:
        block = editor.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return
        mark = QTextEdit.ExtraSelection()
        mark.format.setBackground(LINE_MARK)
        mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        mark.cursor = QTextCursor(block)
        editor.setExtraSelections([mark])
