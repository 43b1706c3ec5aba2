"""Wizard page 3: measure this PC for Argon2id, then create the vault — in the worker.

Calibration takes a few seconds by design (each password guess must cost about half a
second), so the window shows the steps and a busy bar, and moves on by itself when done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.ui.i18n import fill
from counselroom.ui.named import named
from counselroom.ui.worker import BackgroundJob, JobControl
from counselroom.vault.kdf import KdfParams

STEPS = 2


@dataclass(frozen=True)
class Created:
    ctx: Context
    recovery_code: str


CreateFn = Callable[[KdfParams], tuple[Context, str]]


def describe_creation_error(exc: BaseException) -> str:
    if isinstance(exc, CounselRoomError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or type(exc).__name__}: {exc.filename or ''}".strip(": ")
    return type(exc).__name__  # an unexpected error's text may carry a value: name it only


class CreatePage(QWizardPage):
    created = Signal(object)  # Created

    def __init__(self, calibrate: Callable[[], KdfParams]) -> None:
        super().__init__()
        self._calibrate = calibrate
        self._create: CreateFn | None = None
        self.job: BackgroundJob[Created] | None = None
        self.result: Created | None = None
        self.setTitle(self.tr("Creating the vault"))
        self.setSubTitle(
            self.tr("This takes a few seconds. Please do not switch off the computer.")
        )
        self._step_texts = [
            self.tr("Measuring this computer to set the password protection (Argon2id)"),
            self.tr("Creating the encrypted database and the key file"),
        ]
        self.step_labels = [QLabel() for _ in self._step_texts]
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.error_label = named(QLabel(), "creationError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        for label in self.step_labels:
            layout.addWidget(label)
        layout.addSpacing(8)
        layout.addWidget(self.bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.retry_button)
        layout.addStretch(1)
        self._show_step(0)

    def prepare(self, create: CreateFn) -> None:
        """What to create; set by the wizard from the earlier pages before this page shows."""
        self._create = create

    def initializePage(self) -> None:
        if self.result is None and self.job is None:
            self.start()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self) -> None:
        create, calibrate = self._create, self._calibrate
        assert create is not None, "prepare() first"
        self.error_label.hide()
        self.retry_button.hide()
        self.bar.setRange(0, 0)

        def work(control: JobControl) -> Created:
            control.report(0, STEPS)
            params = calibrate()
            control.report(1, STEPS)
            ctx, code = create(params)
            control.report(2, STEPS)
            return Created(ctx, code)

        job: BackgroundJob[Created] = BackgroundJob(work, owner=self)
        job.on_progress(lambda done, _total: self._show_step(done))
        job.on_success(self._succeeded).on_failure(self._failed)
        self.job = job
        self.completeChanged.emit()
        job.start()

    def _show_step(self, done: int) -> None:
        for number, (label, text) in enumerate(
            zip(self.step_labels, self._step_texts, strict=True)
        ):
            mark = "✓" if number < done else ("▶" if number == done else "·")
            label.setText(f"{mark}  {text}")
            label.setEnabled(number <= done)

    def _succeeded(self, created: Created) -> None:
        self.job = None
        self.result = created
        self.bar.setRange(0, STEPS)
        self.bar.setValue(STEPS)
        self._show_step(STEPS)
        self.completeChanged.emit()
        self.created.emit(created)

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.bar.setRange(0, STEPS)
        self.bar.setValue(0)
        self.error_label.setText(
            fill(self.tr("The vault could not be created: %1"), describe_creation_error(exc))
        )
        self.error_label.show()
        self.retry_button.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.result is not None
