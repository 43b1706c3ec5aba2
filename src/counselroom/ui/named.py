"""`named(QLabel(...), "id")`: an object name for style sheets and tests, inline.

PySide accepts `objectName=` as a keyword, but its type stubs do not know it.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

Q = TypeVar("Q", bound=QObject)


def named(obj: Q, name: str) -> Q:
    obj.setObjectName(name)
    return obj
