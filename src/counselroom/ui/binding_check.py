"""Refuse to trust a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.10/3.11 drops one reference to `None` on every call of a method that
returns nothing (and to True/False for those returning bool). On Python 3.12+ these objects are
immortal and nothing happens; on 3.11 the count reaches zero after a few hundred keystrokes in
the student list and the interpreter aborts ("none_dealloc: deallocating None"), taking
unsaved work with it. 6.11.3 is not affected. The check measures the behaviour rather than
comparing version numbers, so a fixed 6.12.x passes.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject

_CALLS = 200


def binding_problem() -> str | None:
    """None when the binding is sound, else a message saying what to install."""
    if sys.version_info >= (3, 12):
        return None  # None, True and False are immortal: a lost reference cannot free them
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_CALLS):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    if lost < _CALLS // 2:
        return None
    python = ".".join(map(str, sys.version_info[:3]))
    return (
        f"PySide6 {PySide6.__version__} on Python {python} loses a reference to None on every "
        "call, and the program will abort after a while. Install PySide6-Essentials 6.11 "
        "(pip install 'PySide6-Essentials<6.12') or use Python 3.12 or later."
    )
