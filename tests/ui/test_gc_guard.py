"""Cyclic garbage is collected on the GUI thread, never inside a background job's thread."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from pytestqt.qtbot import QtBot

from counselroom.ui.gc_guard import CHECK_INTERVAL_MS


class Cycle:
    finalised_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector can free it

    def __del__(self) -> None:
        Cycle.finalised_in.append(threading.current_thread().name)


def test_automatic_collection_is_off_and_the_gui_thread_collects(qtbot: QtBot) -> None:
    assert not gc.isenabled()
    Cycle.finalised_in.clear()

    def worker() -> None:
        Cycle()
        # live containers past generation 0's threshold: automatic collection would run here
        kept = [[] for _ in range(5 * gc.get_threshold()[0])]
        del kept

    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    thread.join()
    assert Cycle.finalised_in == []  # not collected in the worker thread
    kept = [[] for _ in range(2 * gc.get_threshold()[0])]  # past the threshold again
    qtbot.waitUntil(lambda: bool(Cycle.finalised_in), timeout=5 * CHECK_INTERVAL_MS)
    assert Cycle.finalised_in == [threading.main_thread().name]
    del kept
