"""Settings: 文书模板 — the school's wording of each printed document, with a live preview.

The wording is school policy: kept in the vault as numbered versions, saved only by an
administrator (services.doc_templates checks that and audits it), and shown read-only to
everyone else. A save names the version the editor started from, so two administrators
editing at once cannot overwrite each other unseen: the second is told to reload. The preview
prints fictional sample data, never a student's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.services import doc_templates
from counselroom.services.context import Context
from counselroom.services.doc_templates import TemplateVersion
from counselroom.services.documents import RenderedDocument
from counselroom.services.roles import Permission, allowed
from counselroom.ui import dialogs
from counselroom.ui.documents.pdf_view import PdfView
from counselroom.ui.documents.preview_dialog import service_reason
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.session import SessionHandle
from counselroom.ui.settings_templates_editor import TemplateList, WordingEditor
from counselroom.ui.settings_templates_model import (
    HistoryPanel,
    Loaded,
    PreviewScheduler,
    load_template,
    refusal_reason,
    version_text,
)

translate = QCoreApplication.translate

# The page has the same rules; the group keeps its own so it reads right wherever it is shown.
STYLE = """
QLabel#note { color: #616161; }
QLabel#saved { color: #1B5E20; }
QLabel#problem { color: #B71C1C; }
"""


class TemplatesGroup(QGroupBox):
    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Document wording (文书模板)"))
        self.setStyleSheet(STYLE)
        self.handle = handle
        self.editable = allowed(handle.actor.role, Permission.EDIT_POLICY)
        self.specs = {spec.key: spec for spec in doc_templates.template_specs()}
        self.key: str | None = None
        self.current: TemplateVersion | None = None  # the version in force; a save replaces it
        self.preview_result: RenderedDocument | None = None
        self.key_list = TemplateList(list(self.specs.values()))
        self.key_list.currentRowChanged.connect(self._key_chosen)
        self.editor = WordingEditor()
        self.editor.set_read_only(not self.editable)
        self.editor.edited.connect(self._edited)
        self.version_label = self._note("")
        self.preview = PdfView()
        self.preview.setMinimumHeight(480)
        self.preview_label = self._note("")
        self.scheduler = PreviewScheduler(self)
        self.scheduler.rendered.connect(self._previewed)
        self.scheduler.refused.connect(self._preview_refused)
        self.scheduler.started.connect(lambda: self.preview_label.setText(self.tr("Updating…")))
        self._build_actions()
        self.history_panel = HistoryPanel(editable=self.editable)
        self.history_panel.restore_button.clicked.connect(self.restore_selected)
        self.history_model = self.history_panel.model
        self.history_panel.hide()
        self._layout()
        self._last_row = -1

    def _note(self, text: str) -> QLabel:
        label = named(QLabel(text), "note")
        label.setWordWrap(True)
        return label

    def _build_actions(self) -> None:
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("what changed and why (kept in the history)"))
        self.note_edit.setMaxLength(200)
        self.reset_button = QPushButton(self.tr("Reset to &default"))
        self.reset_button.clicked.connect(self.reset_to_default)
        self.history_button = QPushButton(self.tr("&History"))
        self.history_button.setCheckable(True)
        self.history_button.toggled.connect(lambda shown: self.history_panel.setVisible(shown))
        self.save_button = QPushButton(self.tr("&Save wording"))
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton(self.tr("Re&load"))
        self.reload_button.clicked.connect(lambda: self._load(replace=True))
        self.reload_button.hide()
        self.role_note = self._note(
            self.tr("Only an administrator can change the wording of printed documents.")
        )
        self.feedback = named(QLabel(), "saved")
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        for widget in (self.note_edit, self.reset_button, self.save_button):
            widget.setVisible(self.editable)
        self.role_note.setVisible(not self.editable)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.key_list)
        top.addWidget(self.editor, 1)
        buttons = QHBoxLayout()
        note_label = QLabel(self.tr("Change &note:"))
        note_label.setBuddy(self.note_edit)
        note_label.setVisible(self.editable)
        buttons.addWidget(note_label)
        buttons.addWidget(self.note_edit, 1)
        if not self.editable:
            buttons.addStretch(1)
        for button in (self.history_button, self.reset_button, self.reload_button):
            buttons.addWidget(button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            self._note(
                self.tr(
                    "The wording every printed document of this kind uses, for all computers of "
                    "this vault. Placeholders in braces are filled from the student's file."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.version_label)
        layout.addLayout(buttons)
        layout.addWidget(self.role_note)
        layout.addWidget(self.feedback)
        layout.addWidget(self.history_panel)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        if self.key is None and self.key_list.count():
            self.key_list.setCurrentRow(0)  # loads it
        else:
            self._load(replace=not self.dirty)

    def clear(self) -> None:
        """Nothing here is about a student; only a pending preview is dropped across a lock."""
        self.scheduler.cancel()

    def refresh_preview(self) -> None:
        """Render the preview again (the printing font changed)."""
        if self.key is not None and self.current is not None:
            self.scheduler.request(self.key, self.editor.parts(), now=True)

    @property
    def dirty(self) -> bool:
        """The editor holds text that differs from the version in force."""
        return self.current is not None and self.editor.parts() != dict(self.current.parts)

    def _key_chosen(self, row: int) -> None:
        if row == self._last_row:
            return
        if self.editable and self.dirty:
            discard = dialogs.ask(
                self,
                self.tr("Unsaved wording"),
                self.tr("The wording in the editor has not been saved. Discard it?"),
                destructive=True,
            )
            if not discard:
                self.key_list.blockSignals(True)
                self.key_list.setCurrentRow(self._last_row)
                self.key_list.blockSignals(False)
                return
        self._last_row = row
        self.key = self.key_list.key_at(row)
        if self.key is None:
            return
        self.current = None
        self.editor.set_spec(self.specs[self.key])
        self.history_model.clear()
        self.version_label.clear()
        self.feedback.hide()
        self.reload_button.hide()
        self._load(replace=True)

    def _load(self, *, replace: bool) -> None:
        key = self.key
        if key is None:
            return

        self.handle.run(
            lambda ctx: load_template(ctx, key),
            owner=self,
            on_success=lambda loaded: self._loaded(key, loaded, replace=replace),
            on_failure=lambda exc: self._show_feedback(
                fill(self.tr("Could not read the wording: %1"), refusal_reason(exc)), ok=False
            ),
        )

    def _loaded(self, key: str, loaded: Loaded, *, replace: bool) -> None:
        if key != self.key:
            return  # another document was chosen meanwhile
        current, history = loaded
        self.current = current
        self.history_model.set_rows(history)
        self.version_label.setText(version_text(current))
        if replace:
            self.reload_button.hide()
            self.editor.set_parts(current.parts)
            self.scheduler.request(key, self.editor.parts(), now=True)

    # -- editing and preview -----------------------------------------------------------------

    def _edited(self) -> None:
        if self.key is not None and self.editor.editors:
            self.scheduler.request(self.key, self.editor.parts())

    def _previewed(self, rendered: RenderedDocument) -> None:
        self.preview_result = rendered
        self.editor.show_problem(None)
        self.preview.set_pdf(rendered.pdf)
        self.preview_label.setText(
            fill(
                self.tr("Preview with fictional sample data — %1"),
                service_reason(rendered.font_note),
            )
            if rendered.font_note
            else self.tr("Preview with fictional sample data")
        )

    def _preview_refused(self, exc: BaseException) -> None:
        self.editor.show_problem(exc)
        self.preview_label.setText(
            self.tr("The preview shows the last wording without problems.")
            if self.preview_result is not None
            else self.tr("No preview: correct the problem marked in red.")
        )

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        key, current = self.key, self.current
        if key is None or current is None:
            return
        parts, note, base = self.editor.parts(), self.note_edit.text().strip(), current.version
        self.save_button.setEnabled(False)
        self.feedback.hide()

        def save(ctx: Context) -> Loaded:
            saved = doc_templates.save_template(ctx, key, parts, note=note, expected_version=base)
            return saved, doc_templates.template_history(ctx, key)

        job = self.handle.run(
            save,
            owner=self,
            on_success=lambda loaded: self._saved(key, loaded, changed=loaded[0].version != base),
            on_failure=self._refused,
        )
        if job is None:
            self.save_button.setEnabled(True)

    def _saved(self, key: str, loaded: Loaded, *, changed: bool) -> None:
        self.save_button.setEnabled(True)
        self._loaded(key, loaded, replace=True)  # the normalised text, as stored
        if not changed:  # only spaces or line ends differed: the service wrote nothing
            self._show_feedback(self.tr("Nothing to save: this is the wording in force."), ok=True)
            return
        self.note_edit.clear()
        text = self.tr("Saved as version %1. Documents printed from now on use this wording.")
        self._show_feedback(fill(text, loaded[0].version), ok=True)

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, StaleRecordError):
            self.reload_button.show()
            text = self.tr(
                "Not saved: someone saved this wording meanwhile — reload to see their version "
                "(your text stays in the editor until you reload)."
            )
        elif isinstance(exc, ValidationError):
            self.editor.show_problem(exc)
            self.editor.go_to_problem(exc)
            text = self.tr("Not saved: correct the wording marked in red.")
        else:
            text = fill(self.tr("Not saved: %1"), refusal_reason(exc))
        self._show_feedback(text, ok=False)

    # -- history -----------------------------------------------------------------------------

    def restore_selected(self) -> None:
        chosen = self.history_panel.selected()
        if chosen is None:
            self._show_feedback(self.tr("Choose a version in the history first."), ok=False)
            return
        self._into_editor(chosen)

    def reset_to_default(self) -> None:
        built_in = [v for v in self.history_model.rows() if v.version == 0]
        if built_in:
            self._into_editor(built_in[0])

    def _into_editor(self, version: TemplateVersion) -> None:
        self.editor.set_parts(version.parts)
        which = (
            self.tr("The built-in wording")
            if version.version == 0
            else fill(self.tr("Version %1"), version.version)
        )
        self._show_feedback(
            fill(self.tr("%1 is in the editor. Save to make it the wording in force."), which),
            ok=True,
        )

    def _show_feedback(self, text: str, *, ok: bool) -> None:
        self.feedback.setObjectName("saved" if ok else "problem")
        self.feedback.setText(text)
        self.feedback.show()
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
