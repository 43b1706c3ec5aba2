"""Render the main screens at 1366×768 (a common school PC) into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/render.py [zh_CN|en]

Builds a throwaway demo vault (1,000 students, benchmark case load, dated today), signs in as
the demo administrator through the real window flow and saves `QWidget.grab()` of each screen.
Synthetic data only: no real person appears in any picture.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="counselroom-shots-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["COUNSELROOM_CONFIG_DIR"] = str(WORK / "config")
os.environ["COUNSELROOM_DATA_DIR"] = str(WORK / "data")

from PySide6.QtWidgets import QWidget  # noqa: E402

from counselroom.app import AppFlow, CounselRoomApp  # noqa: E402
from counselroom.services.demo import DEMO_PASSWORD, create_demo_vault  # noqa: E402
from counselroom.services.students import show_student  # noqa: E402
from counselroom.ui.main_window import MainWindow  # noqa: E402
from counselroom.ui.student_file.window import OVERVIEW, PLAN, SESSIONS, TIMELINE  # noqa: E402
from counselroom.ui.wizard import FirstRunWizard  # noqa: E402
from counselroom.vault.kdf import INSECURE_TEST_PARAMS  # noqa: E402

OUT = Path(__file__).parent
SIZE = (1366, 768)
LANGUAGE = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
app = CounselRoomApp([], language=LANGUAGE)


def settle(until: Callable[[], bool] | None = None, timeout: float = 30.0) -> None:
    end = time.monotonic() + (timeout if until else 0.4)
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            break
        time.sleep(0.02)
    for _ in range(15):  # let layouts and repaints finish
        app.processEvents()
        time.sleep(0.02)


def shot(widget: QWidget, name: str) -> None:
    settle()
    suffix = "" if LANGUAGE == "zh_CN" else f"-{LANGUAGE}"
    widget.grab().save(str(OUT / f"{name}{suffix}.png"))
    print("saved", name)


def main() -> None:
    wizard = FirstRunWizard(WORK / "new-vault", calibrate=lambda: INSECURE_TEST_PARAMS)
    wizard.resize(820, 620)
    wizard.show()
    shot(wizard, "wizard")
    wizard.close()

    folder = WORK / "vault"
    ctx, _code, _summary = create_demo_vault(
        folder, 1000, seed=3, kdf=INSECURE_TEST_PARAMS, profile="benchmark"
    )
    ctx.close()
    flow = AppFlow(folder, demo_credentials=("admin", DEMO_PASSWORD), remember=False)
    login = flow.start()
    shot(login, "login")
    login.password_edit.setText(DEMO_PASSWORD)
    login.login_button.click()
    settle(lambda: flow.main_window is not None)
    main_window: MainWindow | None = flow.main_window
    assert main_window is not None
    main_window.resize(*SIZE)
    settle(lambda: main_window.current_key() == "dashboard")
    shot(main_window, "dashboard")

    main_window.show_page("students")
    panel = main_window.students
    settle(lambda: panel.model.rowCount() == 1000)
    panel.filters.tier_combo.setCurrentIndex(panel.filters.tier_combo.count() - 1)  # tier 3
    shot(main_window, "students")
    for key in ("calendar", "ledgers", "activities", "statistics", "settings", "audit"):
        main_window.show_page(key)
        settle(timeout=3)
        shot(main_window, key)

    tiered = [panel.model.row_at(r) for r in range(panel.model.rowCount())]
    tiered = [row for row in tiered if row.tier >= 2 and row.file_state == "open"]
    largest = max(tiered, key=lambda row: show_student(main_window.ctx, str(row.id)).sessions or 0)
    assert flow.file_windows is not None
    window = flow.file_windows.open(largest.id)
    window.resize(*SIZE)
    settle(lambda: window.file is not None)
    for key, name in (
        (OVERVIEW, "file-overview"),
        (SESSIONS, "file-sessions"),
        (TIMELINE, "file-timeline"),
    ):
        window.tabs.setCurrentIndex(window.tab_index(key))
        shot(window, name)
    window.tabs.setCurrentIndex(window.tab_index(PLAN))
    form = window.casework.plan.write_plan()  # the plan review form, filled from the file
    if form is not None:
        form.resize(1080, 660)
        settle(timeout=1)
        shot(form, "plan-review")
        form.hide()

    main_window.lock()
    shot(main_window, "locked")
    main_window.sign_out()


if __name__ == "__main__":
    main()
