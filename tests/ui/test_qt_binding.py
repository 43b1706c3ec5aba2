"""The installed Qt binding must not corrupt reference counts (see ui/binding_check.py).

This fails with PySide6 6.12.0 on Python 3.11: the window would abort after a few hundred
actions. Fix the environment (PySide6-Essentials<6.12 or Python 3.12+), not the test.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from counselroom.ui.binding_check import binding_problem


def test_qt_binding_keeps_reference_counts(qapp: QApplication) -> None:
    problem = binding_problem()
    assert problem is None, problem
