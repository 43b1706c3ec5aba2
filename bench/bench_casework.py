"""Case work (issue 4), each figure next to a raw primitive measured in the same run.

    QT_QPA_PLATFORM=offscreen python bench/bench_casework.py

* dashboard computation (services.dashboard.dashboard, all six lists) at M and L with the
  benchmark case load (DESIGN.md M: 1,500 open files, ~30,000 sessions; L: the same proportions
  at 20,000 students) vs. one raw SELECT of the open files' (id, next_follow_up) — the least any
  dashboard must read;
* the week calendar and a care-group ledger (留守儿童) at L vs. the same raw SELECT;
* the 一生一策 tab of the file with the most sessions (≥ 300) in the real StudentFileWindow:
  reload() until the window reports the file shown, then the plan tab made current and painted
  — once on a window already open, once including building and showing a new window — vs. one
  raw SELECT of that student's sessions and plans.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WORK = Path(tempfile.mkdtemp(prefix="counselroom-bench-casework-"))
os.environ["COUNSELROOM_CONFIG_DIR"] = str(WORK / "config")
sys.path.insert(0, str(Path(__file__).parent))
from common import HEADER, row, timed  # noqa: E402

SIZES = {"M": 5000, "L": 20000}


def main() -> None:
    try:
        _run()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


def _run() -> None:
    from sqlalchemy import text

    from counselroom.services import auth
    from counselroom.services.calendar import week_calendar
    from counselroom.services.dashboard import dashboard
    from counselroom.services.demo import create_demo_vault
    from counselroom.services.ledgers import ledger
    from counselroom.vault.kdf import INSECURE_TEST_PARAMS

    today = date.today()
    print(HEADER)
    for size, students in SIZES.items():
        folder = WORK / size
        made, _, _ = create_demo_vault(
            folder, students, seed=7, kdf=INSECURE_TEST_PARAMS, today=today, profile="benchmark"
        )
        made.close()
        ctx = auth.login(folder, "admin", "demo-password")

        def raw(c=ctx) -> None:  # type: ignore[no-untyped-def]
            with c.vault.engine.connect() as conn:
                conn.execute(
                    text("SELECT id, next_follow_up FROM students WHERE file_state = 'open'")
                ).all()

        bare = timed(raw, 7)
        board = dashboard(ctx)
        lines = sum(
            len(part)
            for part in (board.follow_ups, board.never_followed, board.tasks, board.interviews)
        )
        print(
            row(
                f"dashboard, {size} ({lines}+ lines)",
                timed(lambda c=ctx: dashboard(c), 7),
                "raw SELECT of open files",
                bare,
            )
        )
        if size == "L":
            print(
                row(
                    "week calendar, L",
                    timed(lambda c=ctx: week_calendar(c), 7),
                    "raw SELECT of open files",
                    bare,
                )
            )
            rows = len(ledger(ctx, "left_behind").rows)
            print(
                row(
                    f"ledger 留守儿童, L ({rows} rows)",
                    timed(lambda c=ctx: ledger(c, "left_behind"), 7),
                    "raw SELECT of open files",
                    bare,
                )
            )
        if size == "M":
            _plan_tab(ctx)
        ctx.close()


def _plan_tab(ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop
    from sqlalchemy import func, select, text

    from counselroom.app import CounselRoomApp
    from counselroom.storage.models import CounsellingSession
    from counselroom.ui.student_file.window import PLAN, StudentFileWindow

    app = CounselRoomApp([])
    with ctx.vault.read() as session:
        student_id, count = session.execute(
            select(CounsellingSession.student_id, func.count())
            .group_by(CounsellingSession.student_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()

    class Source:
        def __init__(self) -> None:
            self.ctx = ctx

    def new_window() -> StudentFileWindow:
        window = StudentFileWindow(Source(), student_id)
        window.resize(1280, 720)
        window.show()
        app.processEvents()
        return window

    def show_plan_tab(window: StudentFileWindow) -> None:
        """reload() (read in the background) until the file is shown, then the plan tab."""
        window.tabs.setCurrentIndex(0)
        done: list[bool] = []
        window.loaded.connect(lambda: done.append(True))
        window.reload()
        while not done:
            # Sleep until the worker's result arrives, as the real event loop does: a busy
            # processEvents() spin would take the GIL from the worker that reads the file.
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        window.loaded.disconnect()
        window.tabs.setCurrentWidget(window.page(PLAN))
        window.page(PLAN).repaint()
        app.processEvents()

    def whole() -> None:
        window = new_window()
        show_plan_tab(window)
        window.wait_for_jobs()
        window.close()
        window.deleteLater()
        app.processEvents()

    kept = new_window()
    opened = timed(lambda: show_plan_tab(kept), 7)
    kept.close()
    kept.deleteLater()
    app.processEvents()

    def raw() -> None:
        with ctx.vault.engine.connect() as conn:
            conn.execute(text("SELECT * FROM sessions WHERE student_id = :s"), {"s": student_id})
            conn.execute(text("SELECT * FROM plans WHERE student_id = :s"), {"s": student_id})

    bare = timed(raw, 7)
    print(
        row(
            f"一生一策 tab of a file with {count} sessions: read, fill, show (window open)",
            opened,
            "raw SELECT of its sessions and plans",
            bare,
        )
    )
    print(
        row(
            f"the same with a new window built and shown first ({count} sessions)",
            timed(whole, 5),
            "raw SELECT of its sessions and plans",
            bare,
        )
    )


if __name__ == "__main__":
    main()
