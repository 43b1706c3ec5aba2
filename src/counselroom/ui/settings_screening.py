"""Settings: the screening cut-offs and the MHT item key, school policy edited by administrators.

The values are checked by the domain, not here: the form collects numbers and the save job
builds the cut-offs in the worker, so a refused value (bands not rising) comes back as the
domain's `ValidationError` with its key path, which is shown under the form and points at the
field. Counsellors see the cut-offs their screening results were flagged with, read-only;
viewers never get this group (the settings page leaves it out).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from counselroom.domain.cutoffs import (
    Gad7Cutoffs,
    MhtCutoffs,
    Phq9Cutoffs,
    ScreeningCutoffs,
)
from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.services import policy as policy_service
from counselroom.services.context import Context
from counselroom.services.roles import Permission, PermissionDenied, allowed
from counselroom.ui.cutoff_editors import BandsEditor, CutoffSpin, ItemKeyEditor, plain_label
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.session import SessionHandle


class ScreeningCutoffsGroup(QGroupBox):
    """The cut-offs form: edited and saved by an administrator, shown to a counsellor."""

    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Screening cut-offs"))
        self.handle = handle
        self.editable = allowed(handle.actor.role, Permission.EDIT_POLICY)
        self.loaded: ScreeningCutoffs | None = None
        self.phq9_flag = CutoffSpin(1, Phq9Cutoffs.MAX_TOTAL)
        self.item9_above = CutoffSpin(0, 2)
        self.phq9_bands = BandsEditor(Phq9Cutoffs.MAX_TOTAL)
        self.gad7_flag = CutoffSpin(1, Gad7Cutoffs.MAX_TOTAL)
        self.gad7_bands = BandsEditor(Gad7Cutoffs.MAX_TOTAL)
        self.mht_lie = CutoffSpin(1, MhtCutoffs.MAX_LIE)
        self.mht_total = CutoffSpin(1, MhtCutoffs.MAX_TOTAL)
        self.mht_scale = CutoffSpin(1, MhtCutoffs.MAX_SCALE)
        self.item_key = ItemKeyEditor()
        self.restore_button = QPushButton(self.tr("Restore &defaults"))
        self.restore_button.clicked.connect(self.restore_defaults)
        self.save_button = QPushButton(self.tr("Sa&ve cut-offs"))
        self.save_button.clicked.connect(self.save)
        self.role_note = self._note(self.tr("Only an administrator can change the cut-offs."))
        self.feedback = named(QLabel(), "saved")
        self.feedback.setWordWrap(True)
        self._form = self._build_form()
        self._targets = self._field_targets()
        self.show_cutoffs(ScreeningCutoffs())  # until the vault's are read
        self._apply_role()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout(self)
        # The bands row and the key grid are wide: their labels go above them when needed,
        # rather than the page scrolling sideways.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(
            self._note(
                self.tr(
                    "A cut-off only puts a student on the interview list (筛查提示); it never "
                    "sets a tier. Saved values apply to sheets scored from then on; results "
                    "already stored keep their flags."
                )
            )
        )
        form.addRow(self.tr("PHQ-9 &flag at total:"), self.phq9_flag)
        form.addRow(self.tr("PHQ-9 item &9 alert above:"), self.item9_above)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Item 9 asks about thoughts of self-harm: an answer above this value creates "
                    "a same-day risk assessment task whatever the total. The setting goes up to "
                    "2 only, so an answer of 3 always alerts — the alert cannot be switched off."
                )
            ),
        )
        form.addRow(self.tr("PHQ-9 bands:"), self.phq9_bands)
        form.addRow(self.tr("&GAD-7 flag at total:"), self.gad7_flag)
        form.addRow(self.tr("GAD-7 bands:"), self.gad7_bands)
        form.addRow(self.tr("&MHT sheet invalid at lie score:"), self.mht_lie)
        form.addRow(self.tr("MHT &attention at content total:"), self.mht_total)
        form.addRow(self.tr("MHT scal&e high at:"), self.mht_scale)
        form.addRow(self.tr("MHT item key:"), self.item_key)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "For answer sheets of 100 answers: a ticked item scores a point when "
                    "answered 是 (yes), an unticked one when answered 否 (no)."
                )
            ),
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        form.addRow(self.role_note)
        form.addRow(self.feedback)
        form.setRowVisible(self.feedback, False)
        return form

    def _field_targets(self) -> list[tuple[str, CutoffSpin | BandsEditor | ItemKeyEditor]]:
        """The widget behind each policy key path, to point at a refused value."""
        return [
            ("screening.phq9.flag_at", self.phq9_flag),
            ("screening.phq9.item9_alert_above", self.item9_above),
            ("screening.phq9.bands", self.phq9_bands),
            ("screening.gad7.flag_at", self.gad7_flag),
            ("screening.gad7.bands", self.gad7_bands),
            ("screening.mht.lie_invalid_at", self.mht_lie),
            ("screening.mht.total_attention_at", self.mht_total),
            ("screening.mht.scale_high_at", self.mht_scale),
            ("screening.mht.item_key", self.item_key),
        ]

    def _note(self, text: str) -> QLabel:
        label = named(QLabel(text), "note")
        label.setWordWrap(True)
        label.setMinimumWidth(360)
        return label

    def _apply_role(self) -> None:
        for _key, widget in self._targets:
            widget.set_editable(self.editable)
        self.restore_button.setVisible(self.editable)
        self.save_button.setVisible(self.editable)
        self._form.setRowVisible(self.role_note, not self.editable)

    # -- values ------------------------------------------------------------------------------

    def show_cutoffs(self, cutoffs: ScreeningCutoffs) -> None:
        self.phq9_flag.setValue(cutoffs.phq9.flag_at)
        self.item9_above.setValue(cutoffs.phq9.item9_alert_above)
        self.phq9_bands.set_bands(cutoffs.phq9.bands)
        self.gad7_flag.setValue(cutoffs.gad7.flag_at)
        self.gad7_bands.set_bands(cutoffs.gad7.bands)
        self.mht_lie.setValue(cutoffs.mht.lie_invalid_at)
        self.mht_total.setValue(cutoffs.mht.total_attention_at)
        self.mht_scale.setValue(cutoffs.mht.scale_high_at)
        self.item_key.set_key(cutoffs.mht.item_key)

    def cutoffs_builder(self) -> Callable[[], ScreeningCutoffs]:
        """The form's values, read now on the GUI thread, as a function the worker may call."""
        phq9_flag, item9 = self.phq9_flag.value(), self.item9_above.value()
        phq9_bands, gad7_bands = self.phq9_bands.bands(), self.gad7_bands.bands()
        gad7_flag, lie = self.gad7_flag.value(), self.mht_lie.value()
        total, scale, key = self.mht_total.value(), self.mht_scale.value(), self.item_key.key()

        def build() -> ScreeningCutoffs:  # the constructors refuse bad values by key path
            return ScreeningCutoffs(
                phq9=Phq9Cutoffs(flag_at=phq9_flag, bands=phq9_bands, item9_alert_above=item9),
                gad7=Gad7Cutoffs(flag_at=gad7_flag, bands=gad7_bands),
                mht=MhtCutoffs(
                    lie_invalid_at=lie,
                    total_attention_at=total,
                    scale_high_at=scale,
                    item_key=key,
                ),
            )

        return build

    # -- loading and saving ------------------------------------------------------------------

    def reload(self) -> None:
        self.handle.run(
            lambda ctx: policy_service.current_policy(ctx).screening,
            owner=self,
            on_success=self._loaded,
            on_failure=lambda exc: self._feedback(
                fill(self.tr("Could not read the cut-offs: %1"), exc), ok=False
            ),
        )

    def _loaded(self, cutoffs: ScreeningCutoffs) -> None:
        self.loaded = cutoffs
        self.show_cutoffs(cutoffs)

    def clear(self) -> None:
        self._form.setRowVisible(self.feedback, False)

    def restore_defaults(self) -> None:
        """Show the defaults in the form; nothing is stored until Save."""
        self.show_cutoffs(ScreeningCutoffs())
        self._feedback(self.tr("Defaults shown. Press Save to use them."), ok=True)

    def save(self) -> None:
        build = self.cutoffs_builder()
        before = self.loaded
        self.save_button.setEnabled(False)

        def save(ctx: Context) -> ScreeningCutoffs:
            return policy_service.set_screening_cutoffs(ctx, build()).screening

        job = self.handle.run(
            save,
            owner=self,
            on_success=lambda saved: self._saved(saved, changed=saved != before),
            on_failure=self._refused,
        )
        if job is None:
            self.save_button.setEnabled(True)

    def _saved(self, cutoffs: ScreeningCutoffs, *, changed: bool) -> None:
        self.save_button.setEnabled(True)
        self._loaded(cutoffs)
        if changed:
            text = self.tr("Saved. Sheets scored from now on use these cut-offs.")
        else:
            text = self.tr("Nothing to save: these are the cut-offs in force.")
        self._feedback(text, ok=True)

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._feedback(self.describe(exc), ok=False)
        if isinstance(exc, ValidationError) and exc.field is not None:
            widget = self.widget_for(exc.field)
            if isinstance(widget, BandsEditor):
                widget.focus_field(exc.field)
            elif widget is not None:
                widget.setFocus()

    def widget_for(self, field: str | None) -> QWidget | None:
        for key, widget in self._targets:
            if field is not None and (field == key or field.startswith((key + ".", key + "["))):
                return widget
        return None

    def describe(self, exc: BaseException) -> str:
        if isinstance(exc, PermissionDenied):
            return self.tr("Not saved: only an administrator can change the cut-offs.")
        if isinstance(exc, ValidationError):
            where = exc.field or exc.record or ""
            widget = self.widget_for(exc.field)
            label = self._form.labelForField(widget) if widget is not None else None
            if isinstance(label, QLabel):  # the row's name first, the key path for the record
                where = fill("%1 (%2)", plain_label(label.text()), where)
            return fill(self.tr("Not saved: %1 — %2"), where, exc.message)
        if isinstance(exc, CounselRoomError):
            return fill(self.tr("Not saved: %1"), exc)
        return fill(self.tr("Not saved: unexpected error (%1)."), type(exc).__name__)

    def _feedback(self, text: str, *, ok: bool) -> None:
        self.feedback.setObjectName("saved" if ok else "problem")
        self.feedback.setText(text)
        self._form.setRowVisible(self.feedback, True)
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
