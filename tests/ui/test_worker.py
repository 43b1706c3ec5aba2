"""The background-job helper: results and errors arrive on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counselroom.ui.worker import BackgroundJob, JobCancelled, JobControl, run_in_background


def test_result_is_delivered_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is QApplication.instance().thread()  # type: ignore[union-attr]

    job = run_in_background(work, owner=owner, on_success=done, on_failure=pytest.fail)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert seen == {"worker": True, "value": 42, "gui": True}


def test_exception_is_delivered_not_raised(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("bad")

    job = run_in_background(boom, owner=owner, on_success=pytest.fail, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and not job.running


def test_nothing_is_delivered_to_a_destroyed_owner(qtbot: QtBot) -> None:
    owner = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    job = run_in_background(
        release.wait, owner=owner, on_success=delivered.append, on_failure=delivered.append
    )
    owner.deleteLater()
    qtbot.wait(10)  # the owner is deleted
    release.set()
    assert job.wait(5)
    qtbot.wait(50)
    assert delivered == []


def test_progress_and_cancel(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    started = threading.Event()
    progress: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def work(control: JobControl) -> None:
        control.report(1, 10)
        started.set()
        while True:
            control.check()

    job = BackgroundJob(work, owner=owner).on_progress(lambda d, t: progress.append((d, t)))
    job.on_failure(errors.append).start()
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], JobCancelled)
    assert progress == [(1, 10)]
