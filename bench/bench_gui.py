"""The desktop's targets (DESIGN.md "Performance targets"), each next to a raw primitive.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py

* start to login window vs. a bare PySide6 window start (two subprocesses);
* unlock + dashboard ready at M (benchmark case load), beyond Argon2id;
* search-as-you-type at L (20,000 students): p95 per keystroke, filter + repaint of the view,
  vs. a bare Python substring scan over the same 20,000 search keys;
* open the file with the most sessions (≥ 300) vs. one raw SELECT of its sessions;
* RSS with the window open at L.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WORK = Path(tempfile.mkdtemp(prefix="counselroom-bench-"))
os.environ["COUNSELROOM_CONFIG_DIR"] = str(WORK / "config")
sys.path.insert(0, str(Path(__file__).parent))
from common import HEADER, row  # noqa: E402

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
w = QLabel("hello"); w.show()
QTimer.singleShot(0, app.quit); app.exec()
"""
OURS = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from counselroom.app import AppFlow, CounselRoomApp
app = CounselRoomApp([])
flow = AppFlow(Path(sys.argv[1]), remember=False)
flow.start()
QTimer.singleShot(0, app.quit); app.exec()
"""


def best_of(fn: Callable[[], object], n: int) -> float:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return min(samples)


def main() -> None:
    from counselroom.services.demo import create_demo_vault
    from counselroom.vault.kdf import INSECURE_TEST_PARAMS, derive, production_params

    today = date.today()
    ctx, _, _ = create_demo_vault(
        WORK / "m", 5000, seed=1, kdf=INSECURE_TEST_PARAMS, today=today, profile="benchmark"
    )
    ctx.close()
    print(HEADER)

    run = [sys.executable, "-c"]
    bare = best_of(lambda: subprocess.run([*run, BARE], check=True), 5)
    ours = best_of(lambda: subprocess.run([*run, OURS, str(WORK / "m")], check=True), 5)
    print(row("start to login window", ours, "bare PySide6 window start", bare))

    from PySide6.QtWidgets import QApplication

    from counselroom.app import CounselRoomApp
    from counselroom.services import auth
    from counselroom.ui.dashboard_page import DashboardPage
    from counselroom.ui.session import SessionHandle

    app = CounselRoomApp([])
    kdf = best_of(lambda: derive(b"pw", b"s" * 16, production_params()), 3)

    def unlock_and_dashboard() -> None:
        ctx = auth.login(WORK / "m", "admin", "demo-password")
        handle = SessionHandle(ctx)
        page = DashboardPage(handle)
        done: list[bool] = []
        page.load_finished.connect(lambda: done.append(True))
        page.reload()
        while not done:
            app.processEvents()
        handle.lock()
        page.deleteLater()

    beyond = best_of(unlock_and_dashboard, 5)  # cheap KDF in this vault: all of it is "beyond"
    print(row("unlock + dashboard ready, M (beyond the KDF)", beyond, "Argon2id (production)", kdf))

    _file_open(app)
    _search_at_l(app, today)
    QApplication.processEvents()


def _file_open(app: object) -> None:
    from sqlalchemy import func, select, text

    from counselroom.services import auth
    from counselroom.services.student_file import open_student_file
    from counselroom.storage.models import CounsellingSession

    ctx = auth.login(WORK / "m", "admin", "demo-password")
    with ctx.vault.read() as session:
        student_id, count = session.execute(
            select(CounsellingSession.student_id, func.count())
            .group_by(CounsellingSession.student_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()

    def raw() -> None:
        with ctx.vault.engine.connect() as conn:
            conn.execute(text("SELECT * FROM sessions WHERE student_id = :s"), {"s": student_id})

    service = best_of(lambda: open_student_file(ctx, student_id), 5)
    print(
        row(
            f"open a file with {count} sessions (service)",
            service,
            "raw SELECT of its sessions",
            best_of(raw, 5),
        )
    )
    ctx.close()


def _search_at_l(app: object, today: date) -> None:
    from PySide6.QtWidgets import QApplication, QTableView

    from counselroom.services import auth
    from counselroom.services.demo import create_demo_vault
    from counselroom.services.students import list_students
    from counselroom.ui.students_model import StudentFilterProxy, StudentTableModel, normalise
    from counselroom.vault.kdf import INSECURE_TEST_PARAMS

    ctx, _, _ = create_demo_vault(WORK / "l", 20000, seed=2, kdf=INSECURE_TEST_PARAMS, today=today)
    rows = list_students(ctx)
    ctx.close()
    model = StudentTableModel()
    model.set_rows(rows)
    proxy = StudentFilterProxy(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1300, 700)
    view.show()
    QApplication.processEvents()
    queries = ["zh", "zhang", "zs", "wang", "G5002", "初二", "李", "chen", "lx", "高一(3)"]
    keystrokes = [q[:i] for q in queries for i in range(1, len(q) + 1)]
    times = []
    for text in keystrokes * 3:
        start = time.perf_counter()
        proxy.set_search_text(text)
        view.viewport().repaint()
        times.append(time.perf_counter() - start)
        proxy.set_search_text("")
    p95 = statistics.quantiles(times, n=20)[18]
    keys = [normalise(f"{r.name} {r.name_pinyin} {r.student_no} {r.class_label}") for r in rows]

    def bare() -> None:
        for text in keystrokes:
            needle = normalise(text)
            [k for k in keys if needle in k]

    per_key = best_of(bare, 3) / len(keystrokes)
    print(
        row(
            f"search keystroke p95, L ({len(rows)} students)",
            p95,
            "bare substring scan per keystroke",
            per_key,
        )
    )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process with the L list in a window: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
