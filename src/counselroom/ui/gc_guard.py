"""Python's cyclic garbage collection, on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a background job's thread (SQLAlchemy compiling a query, say), it can finalise Python
wrappers of Qt objects there and delete QObjects off their own thread — a segmentation fault
(seen in the test suite, traceback "Garbage-collecting" inside a worker). So automatic
collection is switched off and the GUI thread collects from a timer, generation by generation
with the interpreter's own thresholds (calibre's approach). Reference counting, which frees
almost everything, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_INTERVAL_MS)

    def check(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)
