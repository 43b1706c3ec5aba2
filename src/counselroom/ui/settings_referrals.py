"""Settings: when hospital feedback on a referral is overdue, and the closer follow-up after a
return to school — school policy, saved by an administrator as a new audited policy version.

The spin boxes accept more than the policy allows on purpose: the domain is the one place that
knows the limits (a year of days, 52 follow-ups), and its refusal is shown under the field it
names, so a limit changed there never disagrees with a limit copied here. Counsellors see the
values read-only; viewers never get this group, because they see no referral and no return
plan (the settings page leaves it out).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselroom.domain.durations import DAY, count_of
from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.policy import Policy
from counselroom.services import policy as policy_service
from counselroom.services.context import Context
from counselroom.services.roles import Permission, PermissionDenied, allowed
from counselroom.ui.cutoff_editors import CutoffSpin
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.session import SessionHandle
from counselroom.ui.student_file.field_errors import describe_error

FEEDBACK, INTERVAL, COUNT = "feedback_overdue_days", "return_interval_days", "return_count"
# The names a refusal may carry for each field: the service's keyword, or the policy key path
# the domain checks it under.
_FIELD_NAMES = {
    FEEDBACK: (FEEDBACK, "referral_feedback_overdue_days", "referral_feedback_overdue"),
    INTERVAL: (INTERVAL, "return_follow_up.interval_days", "return_follow_up.interval"),
    COUNT: (COUNT, "return_follow_up.count"),
}
translate = QCoreApplication.translate
_ERROR_STYLE = "QLabel#fieldError { color: #B71C1C; }"

ReferralValues = tuple[int, int, int]  # feedback overdue days, return interval days, count


def values_of(policy: Policy) -> ReferralValues:
    rule = policy.return_follow_up
    return (
        count_of(policy.referral_feedback_overdue, DAY),
        count_of(rule.interval, DAY),
        rule.count,
    )


def field_of(name: str | None) -> str | None:
    """The form field a refusal names, whichever of its names the refusal used."""
    for key, names in _FIELD_NAMES.items():
        if name in names:
            return key
    return None


class ReferralPolicyGroup(QGroupBox):
    def __init__(self, handle: SessionHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Referral feedback and return to school"))
        self.setStyleSheet(_ERROR_STYLE)
        self.handle = handle
        self.editable = allowed(handle.actor.role, Permission.EDIT_POLICY)
        self.loaded: ReferralValues | None = None
        self.spins = {
            FEEDBACK: self._spin(999, self.tr(" days")),
            INTERVAL: self._spin(999, self.tr(" days")),
            COUNT: self._spin(99, self.tr(" times")),
        }
        self.errors: dict[str, QLabel] = {}
        self.summary = named(QLabel(), "note")
        self.summary.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Sa&ve"))
        self.save_button.clicked.connect(self.save)
        self.role_note = self._note(self.tr("Only an administrator can change these values."))
        self.feedback = named(QLabel(), "saved")
        self.feedback.setWordWrap(True)
        self._form = self._build_form()
        for spin in self.spins.values():
            spin.valueChanged.connect(self._summarise)
            spin.set_editable(self.editable)
        self.show_values(values_of(Policy()))  # until the vault's are read
        self.save_button.setVisible(self.editable)
        self._form.setRowVisible(self.role_note, not self.editable)

    def _spin(self, maximum: int, suffix: str) -> CutoffSpin:
        spin = CutoffSpin(1, maximum)
        spin.setSuffix(suffix)
        return spin

    def _note(self, text: str) -> QLabel:
        label = named(QLabel(text), "note")
        label.setWordWrap(True)
        return label

    def _build_form(self) -> QFormLayout:
        form = QFormLayout(self)
        rows = (
            (FEEDBACK, self.tr("&Feedback overdue after:")),
            (INTERVAL, self.tr("Closer follow-up &every:")),
            (COUNT, self.tr("Closer follow-up &count:")),
        )
        form.addRow(
            self._note(
                self.tr(
                    "A referral sent to a hospital without feedback this many days later is "
                    "shown as overdue on the dashboard and in the referral list."
                )
            )
        )
        for key, caption in rows:
            error = named(QLabel(), "fieldError")
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            holder = QVBoxLayout()
            holder.setSpacing(2)
            holder.addWidget(self.spins[key])
            holder.addWidget(error)
            label = QLabel(caption)
            label.setBuddy(self.spins[key])
            form.addRow(label, holder)
            if key == FEEDBACK:
                form.addRow(
                    self._note(
                        self.tr(
                            "After a return from leave (复学), the student is seen this often, "
                            "this many times, before the tier's usual interval applies again."
                        )
                    )
                )
        form.addRow("", self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        form.addRow(self.role_note)
        form.addRow(self.feedback)
        form.setRowVisible(self.feedback, False)
        return form

    # -- values ------------------------------------------------------------------------------

    def show_values(self, values: ReferralValues) -> None:
        for key, value in zip((FEEDBACK, INTERVAL, COUNT), values, strict=True):
            self.spins[key].setValue(value)
        self._summarise()

    def values(self) -> ReferralValues:
        return (
            self.spins[FEEDBACK].value(),
            self.spins[INTERVAL].value(),
            self.spins[COUNT].value(),
        )

    def _summarise(self) -> None:
        _feedback, interval, count = self.values()
        self.summary.setText(
            fill(
                self.tr("After a return: a follow-up every %1 days, %2 times (the first %3 days)."),
                interval,
                count,
                interval * count,
            )
        )

    # -- loading and saving ------------------------------------------------------------------

    def reload(self) -> None:
        self.handle.run(
            lambda ctx: values_of(policy_service.current_policy(ctx)),
            owner=self,
            on_success=self._loaded,
            on_failure=lambda exc: self._feedback(
                fill(self.tr("Could not read the policy: %1"), exc), ok=False
            ),
        )

    def _loaded(self, values: ReferralValues) -> None:
        self.loaded = values
        self.show_values(values)

    def clear(self) -> None:
        self._clear_errors()
        self._form.setRowVisible(self.feedback, False)

    def save(self) -> None:
        feedback_days, interval, count = self.values()
        before = self.loaded
        self._clear_errors()
        self.save_button.setEnabled(False)

        def save(ctx: Context) -> ReferralValues:
            saved = policy_service.set_referral_policy(
                ctx,
                feedback_overdue_days=feedback_days,
                return_interval_days=interval,
                return_count=count,
            )
            return values_of(saved)

        job = self.handle.run(
            save,
            owner=self,
            on_success=lambda saved: self._saved(saved, changed=saved != before),
            on_failure=self._refused,
        )
        if job is None:
            self.save_button.setEnabled(True)

    def _saved(self, values: ReferralValues, *, changed: bool) -> None:
        self.save_button.setEnabled(True)
        self._loaded(values)
        if changed:
            text = self.tr("Saved. Reminders and follow-up dates use these values from now on.")
        else:
            text = self.tr("Nothing to save: these are the values in force.")
        self._feedback(text, ok=True)

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        key = field_of(exc.field) if isinstance(exc, ValidationError) else None
        if isinstance(exc, ValidationError) and key is not None:
            self.errors[key].setText(describe_limit(exc))
            self.errors[key].show()
            self.spins[key].setFocus()
            self._feedback(self.tr("Not saved: correct the value marked in red."), ok=False)
            return
        self._feedback(self.describe(exc), ok=False)

    def error_text(self, key: str) -> str:
        """The message under a field ("" when none), for tests and accessibility."""
        label = self.errors[key]
        return label.text() if not label.isHidden() else ""

    def describe(self, exc: BaseException) -> str:
        if isinstance(exc, PermissionDenied):
            return self.tr("Not saved: only an administrator can change the school policy.")
        if isinstance(exc, ValidationError):
            return fill(self.tr("Not saved: %1"), describe_error(exc))
        if isinstance(exc, CounselRoomError):
            return fill(self.tr("Not saved: %1"), exc)
        return fill(self.tr("Not saved: unexpected error (%1)."), type(exc).__name__)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def _feedback(self, text: str, *, ok: bool) -> None:
        self.feedback.setObjectName("saved" if ok else "problem")
        self.feedback.setText(text)
        self._form.setRowVisible(self.feedback, True)
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)


# The range messages of the policy service and the domain (services/policy.py,
# domain/durations.py, ReturnFollowUp), told in the user's language with the value typed; a
# templated message (decision 54) is translated as it is, an unknown one shown as it comes.
_LIMITS = (
    re.compile(r"from (\d+) to (\d+)(?: days)? \(got (-?\d+)\)"),
    re.compile(r"at most (\d+) days \(got (-?\d+)\)"),
    re.compile(r"at least (\d+) days \(got (-?\d+)\)"),
)


def describe_limit(exc: ValidationError) -> str:
    if exc.template:
        return describe_error(exc)
    if match := _LIMITS[0].search(exc.message):
        return fill(
            translate("ReferralPolicyGroup", "%1 is not allowed: from %2 to %3."),
            match[3],
            match[1],
            match[2],
        )
    if match := _LIMITS[1].search(exc.message):
        return fill(
            translate("ReferralPolicyGroup", "%1 days is too long: at most %2."), match[2], match[1]
        )
    if match := _LIMITS[2].search(exc.message):
        return fill(
            translate("ReferralPolicyGroup", "%1 days is too short: at least %2."),
            match[2],
            match[1],
        )
    return describe_error(exc)
